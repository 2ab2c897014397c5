"""compare(): two drafts of one regulation, the second edited the way methodologists edit."""
from __future__ import annotations

import re

import pytest

from analyzer.clause_set import load_clause_set
from analyzer.registry import load_registry
from analyzer.report.compare import compare, render_comparison_text

from .conftest import CORPORA, analyze_bytes

PERSON_ROLES = ("administrator", "head", "teacher", "class_teacher")


@pytest.fixture(scope="module", params=["ddt-grad-chudes-2023", "co-milyutina-2023"])
def drafts(request):
    """(old report, new report, deleted clause, weakened clause, act whose citation was fixed).

    The old draft has one correctly cited act's year moved back; the new one is
    the original text with one present duty deleted and another made optional.
    """
    stem = request.param
    text = (CORPORA / "regulations" / f"{stem}.txt").read_text(encoding="utf-8")
    base = analyze_bytes(text.encode(), f"{stem}.txt")
    registry, clause_set = load_registry(), load_clause_set()
    cited = next(c for c in base.citations
                 if not c.problems and c.cited.date_text and registry.get(c.act).confirmed("date"))
    year = str(cited.cited.date.year)
    old_text = text.replace(cited.quote, cited.quote.replace(
        cited.cited.date_text, cited.cited.date_text.replace(year, str(int(year) - 1))), 1)
    lines = text.split("\n")
    duties = [m for m in base.clauses if m.status == "present" and len(m.evidence) == 1
              and clause_set.get(m.clause).role in PERSON_ROLES and m.evidence[0].quote in lines
              and "необходимост" not in m.evidence[0].quote]
    deleted, weakened = duties[0], duties[-1]
    new_lines = [line.rstrip(";.") + " (при необходимости);" if line == weakened.evidence[0].quote else line
                 for line in lines if line != deleted.evidence[0].quote]
    old = analyze_bytes(old_text.encode(), f"{stem}-old.txt")
    new = analyze_bytes("\n".join(new_lines).encode(), f"{stem}-new.txt")
    assert "wrong_date" in next(c for c in old.citations if c.start == cited.start).problems
    return old, new, deleted, weakened, cited.act


def test_fixed_and_new_findings(drafts):
    old, new, deleted, weakened, act = drafts
    c = compare(old, new)
    assert [(f.code, f.act) for f in c.fixed] == [("RL201", act)]
    assert {(f.code, f.clause) for f in c.new} == {("RL101", deleted.clause), ("RL102", weakened.clause)}


def test_clause_status_changes(drafts):
    old, new, deleted, weakened, _ = drafts
    changes = {s.clause: (s.old, s.new) for s in compare(old, new).clause_changes}
    assert changes == {deleted.clause: ("present", "missing"), weakened.clause: ("present", "partial")}


def test_section_changes(drafts):
    old, new, deleted, weakened, _ = drafts
    c = compare(old, new)
    assert [s.old_text for s in c.removed] == [deleted.evidence[0].quote]
    assert not c.added
    changed = {s.new_text for s in c.changed}
    assert weakened.evidence[0].quote.rstrip(";.") + " (при необходимости);" in changed
    assert len(c.changed) == 2            # the weakened duty and the citation's item


def test_text_rendering(drafts):
    old, new, deleted, _, _ = drafts
    text = render_comparison_text(compare(old, new))
    assert "Исправлено находок: 1" in text and "Новые находки: 2" in text
    assert re.search(r"\{\+[^}]*\(при необходимости\)[^}]*\+\}", text)   # word diff of the weakened item
    assert deleted.clause in text


def test_a_draft_compared_with_itself_has_no_changes(txt_reports):
    report = txt_reports["apk-college"]
    c = compare(report, report)
    assert not (c.added or c.removed or c.changed or c.fixed or c.new or c.clause_changes)
