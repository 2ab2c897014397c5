"""`reglint review export`: a dismissed false positive becomes a check case that reproduces it."""
from __future__ import annotations

from pathlib import Path

import yaml

from analyzer.batch.store import Store
from analyzer.cli import main
from analyzer.model import Document
from analyzer.pipeline import analyze, analyze_document
from analyzer.review.decisions import decide

ROOT = Path(__file__).resolve().parents[2]
DDT = ROOT / "corpora" / "regulations" / "ddt-grad-chudes-2023.txt"


def test_dismissed_findings_become_pass_cases_that_reproduce_them(tmp_path: Path, capsys) -> None:
    report = analyze(DDT)
    remnant = next(f for f in report.findings if f.code == "RL401")
    weakened = next(f for f in report.findings if f.code == "RL102" and f.quote)
    missing = next(f for f in report.findings if f.code == "RL101")
    db = tmp_path / "r.sqlite"
    with Store(db) as store:
        for f in (remnant, weakened, missing):
            decide(store, report, f.fingerprint, "dismiss", reviewer="Иванова", reason="false_positive")
    out = tmp_path / "cases"
    assert main(["review", "export", "--db", str(db), "-o", str(out)]) == 0
    assert "без цитаты (нет положения) пропущено: 1" in capsys.readouterr().err
    assert sorted(p.name for p in out.iterdir()) == ["RL102.yml", "RL401.yml"]
    for finding in (remnant, weakened):
        text = (out / f"{finding.code}.yml").read_text(encoding="utf-8")
        assert "Ложное срабатывание на: «" in text and "Иванова" in text
        (case,) = yaml.safe_load(text)
        assert case["expect"] == "pass" and case["name"].startswith("dismissed-")
        again = analyze_document(Document(source="case.txt", format="txt", text=case["text"]), today=case["today"])
        quotes = [" ".join(f.quote.split()) for f in again.findings if f.code == finding.code]
        assert " ".join(finding.quote.split()) in quotes       # the case fails until the check is fixed


def test_export_of_a_store_without_dismissals(tmp_path: Path, capsys) -> None:
    Store(tmp_path / "r.sqlite").close()
    assert main(["review", "export", "--db", str(tmp_path / "r.sqlite")]) == 0
    assert "нет отклонённых находок" in capsys.readouterr().err
