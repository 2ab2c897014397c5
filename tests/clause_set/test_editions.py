"""Two texts of the recommendations: parsed into points, recorded clause by clause, followed by drafts."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import synth
import yaml

from analyzer.clause_set import load_clause_set, reference_dir
from analyzer.pipeline import analyze
from analyzer.report.json_writer import report_to_dict
from reference.build import build_second, parse_mr_points, parse_section_points, validate_editions

REPO = Path(__file__).resolve().parents[2]
MR = REPO / "corpora" / "reference" / "metodrek-minprosv-2023.txt"
MR2 = REPO / "corpora" / "reference" / "metodrek-minprosv-2023-ed2.txt"
REGULATIONS = REPO / "corpora" / "regulations"
TODAY = dt.date(2024, 1, 10)


def _clauses() -> list[dict]:
    return yaml.safe_load((reference_dir() / "clauses.yaml").read_text(encoding="utf-8"))["clauses"]


def _texts() -> dict[str, dict[str, str]]:
    return {"ed1": parse_mr_points(MR.read_text(encoding="utf-8")),
            "ed2": parse_section_points(MR2.read_text(encoding="utf-8"))}


def test_the_second_text_is_parsed_into_sections_and_paragraphs():
    points = _texts()["ed2"]
    assert [k for k in points if "." not in k] == ["1", "2", "3", "4", "5", "6"]
    assert points["5"] == "Использование платформы в образовательных организациях при реализации образовательных программ"
    assert points["4.3"].startswith("В образовательной организации назначается администратор ИКОП Сферум "
                                    "из числа работников")
    assert "1) документ в свободной форме" in points["4.5"] and "2) заполненную анкету" in points["4.5"]
    assert points["6.1"].endswith("info@sferum.ru.")


def test_reference_build_writes_the_committed_points_and_finds_no_drift(tmp_path):
    out = tmp_path / "mr2_points.yaml"
    result = build_second(MR2, reference_dir() / "clauses.yaml", _texts()["ed1"], out)
    assert result.problems == ()
    assert out.read_text(encoding="utf-8") == (reference_dir() / "mr2_points.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("breakage, message", [
    ({"points": ["4.99"]}, "points 4.99 not in the text"),
    ({"points": ["4.3"], "wording": "из числа педагогических работников"}, "wording is not in the text"),
    ({"how": "broader"}, "how is 'broader'"),
    ({"how": "absent", "points": ["4.3"]}, "absent, yet points"),
    ({"lacks": ["нечто"]}, "not among the clause's part_names"),
])
def test_a_wrong_record_is_drift(breakage, message):
    clauses = _clauses()
    record = next(c for c in clauses if c["id"] == "HEAD-APPOINT-ADMIN")["ed2"]
    record.update(breakage)
    assert any(message in p for p in validate_editions(clauses, _texts()))


def test_every_clause_of_the_recommendations_is_recorded_for_the_second_text():
    clause_set = load_clause_set()
    mr_clauses = [c for c in clause_set.clauses if any(s.startswith("MR-") for s in c.source)]
    assert all(c.id in {r["id"] for r in _clauses() if "ed2" in r} for c in mr_clauses)
    young = clause_set.get("ORG-YOUNG-STUDENTS")
    assert [s.how for s in young.statements] == ["same", "absent"]
    local = clause_set.get("GEN-LOCAL-ACT")   # the model regulation is in neither text
    assert [s.how for s in local.statements] == ["absent", "absent"]


def _draft(name: str, *edits) -> bytes:
    text = (REGULATIONS / f"{name}.txt").read_text(encoding="utf-8")
    for op, *args in edits:
        text = getattr(synth, op)(text, *args)
    return text.encode()


def _finding(report, clause):
    return next(f for f in report.findings if f.clause == clause)


def test_the_letter_decides_which_text_a_draft_follows_and_a_clause_only_one_text_has():
    first = analyze(_draft("co-milyutina-2023", ("delete_line", "№ 04-423")), name="a.txt", today=TODAY)
    second = analyze(_draft("co-milyutina-2023", ("delete_line", "№ 04-643")), name="b.txt", today=TODAY)

    assert (first.edition.follows, first.edition.by) == ("ed1", "letter")
    assert (second.edition.follows, second.edition.by) == ("ed2", "letter")
    young_first, young_second = _finding(first, "ORG-YOUNG-STUDENTS"), _finding(second, "ORG-YOUNG-STUDENTS")
    assert (young_first.code, young_first.severity) == ("RL101", "error")
    assert young_first.source.startswith("МР-2023, текст 1") and young_first.source.endswith("п. 21")
    assert (young_second.code, young_second.severity) == ("RL101", "info")
    assert "есть только в тексте «МР-2023, текст 1" in young_second.message
    assert _finding(second, "ORG-INFORM-PARTICIPANTS").source == "МР-2023, текст 2 (письмо № 04-423), п. 5.2"
    assert report_to_dict(second)["reference_text"]["follows"] == "ed2"


def test_a_duty_worded_as_the_other_text_has_it_is_an_info_naming_both_wordings():
    draft = _draft("ddt-grad-chudes-2023", ("replace", "назначает администратора платформы из числа педагогических работников",
                                            "назначает администратора платформы из числа работников"))
    report = analyze(draft, name="draft.txt", today=TODAY)

    assert next(m.status for m in report.clauses if m.clause == "HEAD-APPOINT-ADMIN") == "partial"
    finding = _finding(report, "HEAD-APPOINT-ADMIN")
    assert (finding.code, finding.severity) == ("RL104", "info")
    assert "из числа педагогических работников" in finding.message and "из числа работников образовательной" \
        in finding.message
    assert "п. 15" in finding.source and "п. 4.3" in finding.source


def test_a_draft_stating_both_wordings_contradicts_itself_and_stays_an_error():
    report = analyze(_draft("co-milyutina-2023"), name="c.txt", today=TODAY)
    finding = _finding(report, "HEAD-APPOINT-ADMIN")
    assert (finding.code, finding.severity) == ("RL102", "error")


def test_wording_decides_when_the_draft_cites_no_letter():
    report = analyze(_draft("apk-college"), name="d.txt", today=TODAY)
    assert report.edition.by == "wording" and report.edition.letters == ()
    assert dict(report.edition.agreeing)["ed2"] == ("HEAD-APPOINT-ADMIN",)
    assert all(f.source for f in report.findings if f.code.startswith("RL1"))
