"""The conclusion reopened: what the reviewer kept is in it, what they dismissed is not; PDF; per-school from a batch."""
from __future__ import annotations

import hashlib
import io
import shutil
from pathlib import Path

import docx
import pytest

from analyzer.batch import audit_items
from analyzer.batch.store import Store
from analyzer.cli import main
from analyzer.pipeline import analyze
from analyzer.review.conclusion import conclusion_docx, from_report
from analyzer.review.decisions import decide, load_reviews

ROOT = Path(__file__).resolve().parents[2]
REGULATIONS = ROOT / "corpora" / "regulations"
SCHOOL = REGULATIONS / "school-59-krasnodar-2023.txt"


def _text(data: bytes | Path) -> str:
    document = docx.Document(data if isinstance(data, Path) else io.BytesIO(data))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


@pytest.fixture
def reviewed(tmp_path: Path):
    report = analyze(SCHOOL)
    errors = [f for f in report.findings if f.severity == "error"]
    warnings = [f for f in report.findings if f.severity == "warning"]
    with Store(tmp_path / "r.sqlite") as store:
        decide(store, report, errors[0].fingerprint, "dismiss", reviewer="Смирнова", reason="not_applicable")
        decide(store, report, warnings[0].fingerprint, "dismiss", reviewer="Смирнова", reason="false_positive")
        decide(store, report, errors[1].fingerprint, "accept", reviewer="Смирнова",
               comment="Дополнить раздел 2 до 01.09.")
        return load_reviews(store, report), (errors[0], warnings[0]), errors[1]


def test_conclusion_holds_every_kept_finding_and_nothing_dismissed(reviewed) -> None:
    report, dismissed, accepted = reviewed
    text = _text(conclusion_docx(from_report(report, SCHOOL.read_bytes(), reviewer="Е.В. Смирнова")))
    assert report.organisation == "ГБОУ школы №59" and report.organisation in text
    assert hashlib.sha256(SCHOOL.read_bytes()).hexdigest() in text
    assert report.reference_version in text and report.registry_version in text and "28.12.2023" in text
    for heading in ("ЗАКЛЮЧЕНИЕ", "Необходимо внести изменения", "Рекомендации", "Замечания", "Методист",
                    "Е.В. Смирнова", "(подпись)"):
        assert heading in text
    kept = [f for f in report.findings if f.severity in ("error", "warning")]
    assert kept and all(f.message in text for f in kept)
    assert all(f.message not in text for f in dismissed)
    assert accepted.message in text and "Комментарий методиста: Дополнить раздел 2 до 01.09." in text
    assert "неприменимыми к организации (2), не включены" in text
    errors = [f for f in report.findings if f.severity == "error"]
    assert f"Необходимо внести изменений: {len(errors)}" in text
    numbered = [p for p in text.splitlines() if p.startswith("2.") and not p.startswith("2. ")]
    assert len(numbered) == len(errors) and numbered[0].startswith("2.1. ")


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_cli_writes_docx_and_pdf(tmp_path: Path) -> None:
    out = tmp_path / "заключение.docx"
    assert main(["conclusion", str(SCHOOL), "--db", str(tmp_path / "none.sqlite"), "-o", str(out), "--pdf",
                 "--reviewer", "Е.В. Смирнова"]) == 0
    assert "ЗАКЛЮЧЕНИЕ" in _text(out)
    pdf = out.with_suffix(".pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000


def test_per_school_conclusions_from_a_batch_audit(tmp_path: Path) -> None:
    db = tmp_path / "audit.sqlite"
    audit_items([(p.name, p.read_bytes()) for p in sorted(REGULATIONS.glob("*.txt"))], db, workers=1)
    report = analyze(SCHOOL)
    dismissed = next(f for f in report.findings if f.severity == "error")
    with Store(db) as store:
        decide(store, report, dismissed.fingerprint, "dismiss", reviewer="Смирнова", reason="false_positive")
    assert main(["conclusion", "--db", str(db), "--all", "-o", str(tmp_path / "out")]) == 0
    files = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert files == sorted(f"{p.stem}.заключение.docx" for p in REGULATIONS.glob("*.txt"))
    school = _text(tmp_path / "out" / "school-59-krasnodar-2023.заключение.docx")
    assert dismissed.message not in school and "ГБОУ школы №59" in school
    assert all(f.message in school for f in report.findings if f is not dismissed and f.severity == "error")
    assert "не включены" not in _text(tmp_path / "out" / "apk-college.заключение.docx")


def test_all_needs_a_store_with_documents(tmp_path: Path, capsys) -> None:
    Store(tmp_path / "empty.sqlite").close()
    assert main(["conclusion", "--db", str(tmp_path / "empty.sqlite"), "--all", "-o", str(tmp_path / "o")]) == 2
    assert "нет проверенных положений" in capsys.readouterr().err
