"""`reglint check` formats, outputs and exit codes; `reglint diff`."""
from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import docx
import pytest

from analyzer.cli import main
from analyzer.pipeline import analyze

from .conftest import CORPORA


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    """Copies of two TXT regulations and one DOCX in a scratch folder."""
    out = {}
    for name in ("ddt-grad-chudes-2023.txt", "school-59-krasnodar-2023.txt"):
        out[name] = Path(shutil.copy(CORPORA / "regulations" / name, tmp_path / name))
    out["draft.docx"] = Path(shutil.copy(CORPORA / "formats" / "co-milyutina-2023.docx", tmp_path / "draft.docx"))
    return out


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("fail_on", ["error", "warning", "never"])
def test_exit_code_follows_fail_on(fail_on, files, capsys):
    path = files["ddt-grad-chudes-2023.txt"]
    severities = {f.severity for f in analyze(path).findings}
    reached = {"error": {"error"}, "warning": {"error", "warning"}, "never": set()}[fail_on] & severities
    code, _, _ = run(capsys, "check", path, "--fail-on", fail_on)
    assert code == (1 if reached else 0)


def test_text_is_one_line_per_finding_and_a_summary(files, capsys):
    path = files["school-59-krasnodar-2023.txt"]
    report = analyze(path)
    _, out, _ = run(capsys, "check", path, "--fail-on", "never")
    lines = out.strip().split("\n")
    unchecked = sum(c.act == "unknown" for c in report.citations)
    assert len(lines) == len(report.findings) + unchecked + 2
    pattern = re.compile(rf"^{re.escape(str(path))}(:[\w.)]+)?: RL\d{{3}} (error|warning|info) \S")
    assert all(pattern.match(line) for line in lines[:len(report.findings)])
    assert "тексту МР" in lines[-2] and "положений на месте" in lines[-1]


def test_json_and_csv(files, capsys, tmp_path):
    paths = [files["ddt-grad-chudes-2023.txt"], files["school-59-krasnodar-2023.txt"]]
    _, out, _ = run(capsys, "check", *paths, "--format", "json", "--fail-on", "never")
    data = json.loads(out)
    assert [d["document"]["source"] for d in data] == [str(p) for p in paths]
    target = tmp_path / "out" / "findings.csv"
    assert run(capsys, "check", *paths, "--format", "csv", "-o", target, "--fail-on", "never")[0] == 0
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")           # BOM: Excel reads the Cyrillic right
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == sum(len(d["findings"]) for d in data)
    assert not any(r[k].startswith(("=", "+", "-", "@")) for r in rows for k in r)


def test_html_for_several_files_goes_to_a_folder(files, capsys, tmp_path):
    paths = [files["ddt-grad-chudes-2023.txt"], files["school-59-krasnodar-2023.txt"]]
    code, _, err = run(capsys, "check", *paths, "--format", "html")
    assert code == 2 and "-o" in err
    folder = tmp_path / "reports"
    assert run(capsys, "check", *paths, "--format", "html", "-o", folder, "--fail-on", "never")[0] == 0
    assert sorted(p.name for p in folder.iterdir()) == ["ddt-grad-chudes-2023.html", "school-59-krasnodar-2023.html"]
    assert "<!DOCTYPE html>" in (folder / "ddt-grad-chudes-2023.html").read_text(encoding="utf-8")
    not_a_folder = tmp_path / "single.html"
    not_a_folder.write_text("x")
    assert run(capsys, "check", *paths, "--format", "html", "-o", not_a_folder)[0] == 2


def test_markdown_of_one_file_to_stdout(files, capsys):
    code, out, _ = run(capsys, "check", files["ddt-grad-chudes-2023.txt"], "--format", "markdown",
                       "--fail-on", "never")
    assert code == 0 and out.startswith("# Отчёт о проверке")


def test_docx_is_the_annotated_draft_or_the_gap_report(files, capsys, tmp_path):
    assert run(capsys, "check", files["draft.docx"], "--format", "docx")[0] == 2     # binary needs -o
    annotated, gap = tmp_path / "annotated.docx", tmp_path / "gap.docx"
    assert run(capsys, "check", files["draft.docx"], "--format", "docx", "-o", annotated, "--fail-on", "never")[0] == 0
    placed = sum(f.start is not None for f in analyze(files["draft.docx"]).findings)
    assert len(list(docx.Document(str(annotated)).comments)) == placed + 1
    txt = files["ddt-grad-chudes-2023.txt"]
    assert run(capsys, "check", txt, "--format", "docx", "-o", gap, "--fail-on", "never")[0] == 0
    report = docx.Document(str(gap))
    assert not list(report.comments) and len(report.tables) == 4
    findings_table = report.tables[-1]
    assert len(findings_table.rows) == len(analyze(txt).findings) + 1


def test_fix_writes_the_corrected_docx_and_refuses_other_formats(files, capsys, tmp_path):
    code, _, err = run(capsys, "check", files["ddt-grad-chudes-2023.txt"], "--fix")
    assert code == 2 and "DOCX" in err
    target = tmp_path / "fixed" / "draft.fixed.docx"
    code, out, _ = run(capsys, "check", files["draft.docx"], "--fix", "-o", target, "--fail-on", "never")
    assert code == 0 and target.exists() and str(target) in out
    assert b"w:ins " in docx.Document(str(target)).element.body.xml.encode()
    code, _, _ = run(capsys, "check", files["draft.docx"], "--fix", "--fail-on", "never")   # default: beside it
    assert code == 0 and (files["draft.docx"].parent / "draft.fixed.docx").exists()


def test_input_errors_and_overwriting_the_input(files, capsys, tmp_path):
    code, _, err = run(capsys, "check", tmp_path / "missing.docx")
    assert code == 2 and "missing.docx" in err
    code, _, err = run(capsys, "check", files["draft.docx"], "--format", "docx", "-o", files["draft.docx"])
    assert code == 2 and "перезаписал" in err


def test_diff_text_and_json(files, capsys, tmp_path):
    old = files["ddt-grad-chudes-2023.txt"]
    text = old.read_text(encoding="utf-8")
    lines = text.split("\n")
    duty = next(m for m in analyze(old).clauses
                if m.status == "present" and len(m.evidence) == 1 and m.evidence[0].quote in lines)
    line = duty.evidence[0].quote
    new = tmp_path / "new.txt"
    new.write_text("\n".join(x for x in lines if x != line), encoding="utf-8")
    code, out, _ = run(capsys, "diff", old, new)
    assert code == 0 and "удалено 1" in out and f"{duty.clause} " in out
    code, out, _ = run(capsys, "diff", old, new, "--format", "json")
    data = json.loads(out)
    assert [s["old_text"] for s in data["removed"]] == [line]
    assert {f["clause"] for f in data["new"]} == {duty.clause}
    assert run(capsys, "diff", old, tmp_path / "missing.txt")[0] == 2
