"""Fingerprints survive neutral edits of the corpora regulations and change with the finding."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from stability import NEUTRAL_EDITS, compare, fix_one, reword_one

from analyzer.fingerprint import normalise_quote
from analyzer.organisation import organisation_key, organisation_name
from analyzer.pipeline import analyze
from analyzer.report.json_writer import dumps

ROOT = Path(__file__).resolve().parents[2]
STEMS = ("apk-college", "co-milyutina-2023", "ddt-grad-chudes-2023", "school-59-krasnodar-2023")


@pytest.fixture(scope="module", params=STEMS)
def original(request: pytest.FixtureRequest):
    path = ROOT / "corpora" / "regulations" / f"{request.param}.txt"
    return path.read_text(encoding="utf-8"), analyze(path)


@pytest.mark.parametrize("edit", list(NEUTRAL_EDITS))
def test_neutral_edits_keep_every_unchanged_fingerprint(original, edit: str) -> None:
    text, report = original
    edited = analyze(NEUTRAL_EDITS[edit](text).encode(), name="другое-имя.txt")
    result = compare(report, edited)
    assert result.unchanged >= len(report.findings) - 1 > 0
    assert result.unchanged_kept == result.unchanged
    assert result.changed_new == result.changed


def test_fixing_one_finding_removes_its_fingerprint_only(original) -> None:
    _, report = original
    text, fixed = fix_one(report)
    result = compare(report, analyze(text.encode(), name="fixed.txt"), fixed)
    assert result.fixed_gone == 1
    assert result.unchanged_kept == result.unchanged == len(report.findings) - 1


def test_changed_wording_changes_the_fingerprint(original) -> None:
    _, report = original
    result = compare(report, analyze(reword_one(report).encode(), name="reworded.txt"))
    assert result.changed >= 1 and result.changed_new == result.changed
    assert result.unchanged_kept == result.unchanged


@pytest.mark.parametrize("stem", STEMS)
def test_the_same_text_as_docx_and_pdf_has_the_same_fingerprints(stem: str) -> None:
    txt = {f.fingerprint for f in analyze(ROOT / "corpora" / "regulations" / f"{stem}.txt").findings}
    for fmt in ("docx", "pdf"):
        assert {f.fingerprint for f in analyze(ROOT / "corpora" / "formats" / f"{stem}.{fmt}").findings} == txt


def test_fingerprints_are_unique_in_a_report_and_in_the_json(original) -> None:
    _, report = original
    prints = [f.fingerprint for f in report.findings]
    assert len(set(prints)) == len(prints) and all(len(p) == 16 for p in prints)
    data = json.loads(dumps([report]))
    assert [f["fingerprint"] for f in data["findings"]] == prints
    assert data["document"]["organisation"] == report.organisation


def test_another_organisation_gets_other_fingerprints() -> None:
    text = (ROOT / "corpora" / "regulations" / "ddt-grad-chudes-2023.txt").read_text(encoding="utf-8")
    ours = analyze(text.encode(), name="a.txt")
    theirs = analyze(text.replace("«Град чудес»", "«Радуга»").encode(), name="a.txt")
    assert theirs.organisation == "ГБУ ДО ДДТ «Радуга»"
    assert not {f.fingerprint for f in ours.findings} & {f.fingerprint for f in theirs.findings}


@pytest.mark.parametrize(("stem", "name", "key"), [
    ("apk-college", "ТОГАПОУ «Аграрно-промышленный колледж»", "тогапоу аграрно промышленный колледж"),
    ("co-milyutina-2023", "МАОУ «ЦО им. И.А. Милютина»", "маоу цо им и а милютина"),
    ("ddt-grad-chudes-2023", "ГБУ ДО ДДТ «Град чудес»", "гбу град чудес"),
    ("school-59-krasnodar-2023", "ГБОУ школы №59", "гбоу №59"),
])
def test_organisation_is_read_from_the_head(stem: str, name: str, key: str) -> None:
    text = (ROOT / "corpora" / "regulations" / f"{stem}.txt").read_text(encoding="utf-8")
    assert organisation_name(text) == name and organisation_key(name) == key


def test_organisation_key_ignores_case_endings_and_spacing() -> None:
    assert organisation_key("ГБОУ школе № 59") == organisation_key("ГБОУ школы №59") == "гбоу №59"
    assert organisation_key("ГБУ ДО «Град Чудес»") == organisation_key("ГБУ ДО ДДТ «Град чудес»")


def test_organisation_unknown_without_a_name() -> None:
    assert organisation_name("ПОЛОЖЕНИЕ\nоб использовании платформы «Сферум»\n1. Общие положения") is None
    assert organisation_key(None) == ""


def test_normalised_quote_drops_marks_numbers_case_and_breaks_but_keeps_dates() -> None:
    assert normalise_quote("- 2.1. Назначает\nАдминистратора;") == "назначает администратора"
    assert normalise_quote("3.Права Всё") == "права все"
    assert normalise_quote("29.12.2023 г.") == "29 12 2023 г"
    assert normalise_quote("А) создаёт чаты") == "создает чаты"
    assert normalise_quote("Понятия:\n2. ПЛАТФОРМА\n- 2.1. чаты") == normalise_quote("Понятия:\n3. Платформа\nчаты")
