"""The display helpers: escaping of untrusted text and tables made from real reports."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from analyzer.batch import audit_items
from analyzer.batch.store import Store
from analyzer.clause_set import load_clause_set
from analyzer.model import Report
from analyzer.pipeline import analyze
from analyzer.report.diffview import word_diff
from analyzer.report.view import STATUS_RU, build_view
from app_pages.support import (
    BATCH_MAX_BYTES,
    BATCH_MAX_FILES,
    batch_limits_error,
    citations_frame,
    coverage_frame,
    diff_html,
    escape_markdown,
    export_file,
    finding_role,
    heatmap_frame,
    style_status,
)


@pytest.fixture(scope="module")
def report(regulations_dir: Path) -> Report:
    return analyze(regulations_dir / "co-milyutina-2023.txt")


@pytest.mark.parametrize("text", ["**жирный** _курсив_", ":red[красный] :smile:", "$x^2$", "[ссылка](http://x.ru)",
                                  "# заголовок", "<b>тег</b>", "1. пункт", "`код`"])
def test_escape_markdown_leaves_no_markup(text: str) -> None:
    escaped = escape_markdown(text)
    unescaped_marks = [ch for i, ch in enumerate(escaped)
                       if ch.isascii() and not ch.isalnum() and not ch.isspace() and ch != "\\"
                       and (i == 0 or escaped[i - 1] != "\\")]
    assert unescaped_marks == []
    assert escaped.replace("\\", "") == text.replace("\\", "")


def test_diff_html_escapes_the_document_text() -> None:
    segments = tuple(word_diff("Администратор назначает администраторов.",
                               'Администратор <script>alert("x")</script> назначает & <b>снимает</b>'))
    for which in ("reference", "document"):
        html = diff_html(segments, which)
        assert "<script" not in html and "<b>" not in html
    document = diff_html(segments, "document")
    assert "&lt;script&gt;" in document and "&amp;" in document
    assert "line-through" in diff_html(segments, "reference")   # "администраторов" is missing from the document


def test_coverage_frame_has_every_clause_with_its_status(report: Report) -> None:
    frame = coverage_frame(build_view(report))
    assert len(frame) == len(report.clauses)
    assert dict(zip(frame["Код"], frame["Статус"], strict=True)) == {m.clause: STATUS_RU[m.status]
                                                                      for m in report.clauses}
    styles = style_status(frame).to_html()
    assert "background-color: #d4edda" in styles      # at least one clause is present in a real regulation


def test_citations_frame_shows_problems_in_russian(report: Report) -> None:
    frame = citations_frame(build_view(report))
    assert len(frame) == len(report.citations) > 0
    for row, citation in zip(frame.itertuples(index=False), report.citations, strict=True):
        assert row[1] == citation.quote
        assert (row[3] == "нет") == (not citation.problems)
        assert not any(p in row[3] for p in citation.problems)   # the machine names are translated


def test_finding_role_follows_the_clause_or_the_section(report: Report) -> None:
    clause_set = load_clause_set()
    for finding in report.findings:
        role = finding_role(report, finding, clause_set)
        if finding.clause:
            assert role == clause_set.get(finding.clause).role
        elif finding.start is not None and (section := report.structure.section_at(finding.start)):
            assert role == section.role


def test_batch_limits_count_and_total_size(regulations_dir: Path) -> None:
    items = [(p.name, p.read_bytes()) for p in sorted(regulations_dir.glob("*.txt"))]
    assert batch_limits_error(items) is None
    too_many = items * (BATCH_MAX_FILES // len(items) + 1)
    assert "не более 300" in (batch_limits_error(too_many) or "")
    too_big = [("big.pdf", bytes(BATCH_MAX_BYTES // 2 + 1)), ("big2.pdf", bytes(BATCH_MAX_BYTES // 2 + 1))]
    assert "МБ" in (batch_limits_error(too_big) or "")


@pytest.fixture(scope="module")
def store_db(regulations_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("store") / "audit.sqlite"
    items = [(p.name, p.read_bytes()) for p in sorted(regulations_dir.glob("*.txt"))[:2]]
    audit_items(items, db, workers=1)
    return db


def test_heatmap_frame_has_one_cell_per_document_and_clause(store_db: Path) -> None:
    with Store(store_db) as store:
        names, clauses, _ = matrix = store.matrix()
        frame = heatmap_frame(matrix, store.clause_stats())
    assert len(frame) == len(names) * len(clauses)
    assert set(frame["Статус"]) <= set(STATUS_RU.values())
    assert frame["Положение МР"].str.len().min() > 0


def test_export_file_packs_the_csv_tables_in_a_zip_and_xlsx_alone(store_db: Path) -> None:
    with zipfile.ZipFile(io.BytesIO(export_file(store_db, "csv"))) as archive:
        assert sorted(archive.namelist()) == ["acts.csv", "clauses.csv", "documents.csv"]
        documents = archive.read("documents.csv").decode("utf-8-sig").splitlines()
    assert len(documents) == 3 and documents[0].startswith("Документ,")
    assert export_file(store_db, "xlsx")[:2] == b"PK"
