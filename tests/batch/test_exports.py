"""Exports reopened: CSV parsed, XLSX read back with openpyxl, HTML escaped and self-contained."""
from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

import openpyxl
import pytest
from batch_support import REGULATIONS

from analyzer.batch import audit_items
from analyzer.batch.exports import export
from analyzer.batch.store import Store

HOSTILE = '=HYPERLINK("x")<b>&amp;"школа".txt'


@pytest.fixture(scope="module")
def store_with_hostile_name(audited, tmp_path_factory) -> Path:
    """The audited corpus plus an uploaded regulation whose file name is markup and a formula."""
    db = tmp_path_factory.mktemp("hostile") / "audit.sqlite"
    shutil.copy(audited[0], db)
    audit_items([(HOSTILE, REGULATIONS[2].read_bytes())], db, workers=1)
    return db


def test_csv_tables(store_with_hostile_name, tmp_path):
    paths = export(store_with_hostile_name, "csv", tmp_path)
    assert [p.name for p in paths] == ["documents.csv", "clauses.csv", "acts.csv"]
    store = Store(store_with_hostile_name)
    with paths[0].open(encoding="utf-8-sig", newline="") as f:
        documents = list(csv.DictReader(f))
    assert len(documents) == len(store.documents())
    assert {r["Документ"] for r in documents if HOSTILE in r["Документ"]} == {f"'{HOSTILE}"}   # text, not a formula
    scored = [r for r in documents if r["Охват МР"]]
    assert all(0 <= float(r["Охват МР"]) <= 1 for r in scored)
    with paths[1].open(encoding="utf-8-sig", newline="") as f:
        clauses = list(csv.DictReader(f))
    stats = {s["clause"]: s for s in store.clause_stats()}
    assert {r["Код"]: int(r["Документов: нет"]) for r in clauses} == {c: s["missing"] for c, s in stats.items()}
    with paths[2].open(encoding="utf-8-sig", newline="") as f:
        acts = list(csv.DictReader(f))
    assert sum(int(r["Ссылок всего"]) for r in acts) == sum(a["citations"] for a in store.act_stats())


def test_xlsx_workbook(store_with_hostile_name, tmp_path):
    (path,) = export(store_with_hostile_name, "xlsx", tmp_path)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Документы", "Положения МР", "Нормативные акты", "Матрица", "Обозначения"]
    sheet = book["Документы"]
    header = [c.value for c in sheet[1]]
    names = [row[header.index("Документ")] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert len(names) == len(Store(store_with_hostile_name).documents())
    cell = next(c for c in sheet["A"] if c.value == HOSTILE)
    assert cell.data_type == "s"                            # text, not a formula
    scores = [row[header.index("Охват МР")] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert all(s is None or 0 <= s <= 1 for s in scores)
    matrix = book["Матрица"]
    doc_names, clause_ids, statuses = Store(store_with_hostile_name).matrix()
    assert [c.value for c in matrix[1]][1:] == clause_ids
    assert matrix.max_row == len(doc_names) + 1
    letters = {"present": "Е", "partial": "Ч", "misplaced": "М", "missing": "Н", "not_applicable": "—", "": None}
    assert [list(row) for row in matrix.iter_rows(min_row=2, min_col=2, values_only=True)] == \
        [[letters[s] for s in row] for row in statuses]


def test_html_summary_is_escaped_and_self_contained(store_with_hostile_name, tmp_path):
    (path,) = export(store_with_hostile_name, "html", tmp_path)
    html = path.read_text(encoding="utf-8")
    assert "<b>&amp;" not in html and '"школа"' not in html
    assert "=HYPERLINK(&#34;x&#34;)&lt;b&gt;&amp;amp;&#34;школа&#34;.txt" in html
    assert not re.search(r"""\b(?:src|href)\s*=|<link\b|@import|url\(""", html)
    assert html.count("<svg") >= 2
    store = Store(store_with_hostile_name)
    for heading in ("Документы", "Положения МР", "Нормативные акты", "Чаще всего отсутствующие положения"):
        assert f">{heading}<" in html
    most_missing = max(store.clause_stats(), key=lambda c: c["missing"])
    assert most_missing["clause"] in html
    names, clause_ids, _ = store.matrix()
    assert html.count('<td class="st-') == len(names) * len(clause_ids)


def test_unknown_store_is_refused(tmp_path):
    with pytest.raises(FileNotFoundError):
        export(tmp_path / "none.sqlite", "csv", tmp_path)
