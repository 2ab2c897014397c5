"""How stable fingerprints are under edits of a draft (bench/fingerprint_stability.py and its test).

A finding is *unchanged* by an edit when the edited draft has a finding of the
same code, clause and act quoting the same words (spacing, section numbers
and list marks aside); the edit should keep its fingerprint. A finding
is *changed* when the edited draft has a finding of the same code, clause and
act at the same words' place but quoting other words; its fingerprint should
change. A finding the edit fixed must leave no fingerprint behind.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

import synth

from analyzer.model import Finding, Report
from analyzer.report.fix_plan import plan_fixes
from analyzer.report.view import strip_list_mark


@dataclass(frozen=True)
class Stability:
    unchanged: int
    unchanged_kept: int        # unchanged findings whose fingerprint is unchanged
    changed: int
    changed_new: int           # changed findings whose fingerprint changed
    fixed: int
    fixed_gone: int            # fixed findings whose fingerprint is gone


_MARK_TOKEN = re.compile(r"\d{1,2}(?:\.\d{1,2})*[.)]|[-–—•·▪●]|[а-яa-z]\)", re.IGNORECASE)
_GLUED_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2})*[.)](?=[^\W\d_])")   # «3.Права»


def _words(f: Finding) -> tuple[str, str, str, str]:
    """What the finding says, for telling an unchanged finding from a changed one: the quote's tokens without
    section numbers and list marks wherever they stand."""
    tokens = [_GLUED_NUMBER.sub("", t) for t in f.quote.split() if not _MARK_TOKEN.fullmatch(t)]
    return f.code, f.clause or "", f.act or "", " ".join(tokens)


def compare(old: Report, new: Report, fixed: Finding | None = None) -> Stability:
    new_words = Counter(_words(f) for f in new.findings)
    new_prints = {f.fingerprint for f in new.findings}
    by_place = {(f.code, f.clause, f.act) for f in new.findings}
    unchanged = kept = changed = changed_new = 0
    for f in old.findings:
        if f is fixed:
            continue
        if new_words[_words(f)]:
            new_words[_words(f)] -= 1
            unchanged += 1
            kept += f.fingerprint in new_prints
        elif (f.code, f.clause, f.act) in by_place and f.quote:
            changed += 1
            changed_new += f.fingerprint not in new_prints
    gone = int(fixed is not None and fixed.fingerprint not in new_prints)
    return Stability(unchanged, kept, changed, changed_new, int(fixed is not None), gone)


def fix_one(report: Report) -> tuple[str, Finding]:
    """The draft's text with one finding fixed as reglint --fix would: a weakened duty reworded, else a citation."""
    text = report.document.text
    plan = plan_fixes(report)
    for r in plan.rewordings:
        finding = next((f for f in report.findings if f.code == "RL102" and f.clause == r.clause), None)
        if finding is not None:
            return text[:r.start] + r.text + text[r.end:], finding
    for c in plan.citations:
        finding = next((f for f in report.findings if f.act == c.act and f.start is not None
                        and c.start <= f.start < c.end), None)
        if finding is not None:
            return text[:c.start] + c.text + text[c.end:], finding
    raise ValueError("nothing to fix")


def reword_one(report: Report) -> str:
    """The draft's text with one finding's quoted words changed: «обязательно» added after its first word."""
    text = report.document.text
    finding = next(f for f in report.findings if f.code == "RL102" and f.start is not None
                   and len(f.quote.split()) > 3)
    first = strip_list_mark(finding.quote)
    offset = finding.start + len(finding.quote) - len(first) + len(first.split()[0])
    return text[:offset] + " обязательно" + text[offset:]


NEUTRAL_EDITS: dict[str, Callable[[str], str]] = {
    "re-wrapped": lambda text: synth.rewrap(text, 60),
    "renumbered": lambda text: synth.renumber(text, 1),
    "sections reordered": synth.reorder_sections,
}
