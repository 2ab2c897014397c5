"""What the corrected draft changes, decided on the Report alone (no file format here).

- a missing REQUIRED duty is added after the last paragraph of its role's
  section; when the draft has no section of that role, a new part opens with
  the role's name after the last participant's section (or, with no
  participant sections either, before the final provisions);
- a partial REQUIRED duty is reworded in place when its evidence is one list
  item or a whole sentence the reference wording can replace (the weakened
  words must go, a second, stronger copy would leave the draft contradicting
  itself), else added as above;
- a citation with a wrong date, number, title or kind gives way to the
  registry's citation (analyzer.report.citation_fixes).
"""
from __future__ import annotations

from dataclasses import dataclass

from analyzer.clause_set import load_clause_set
from analyzer.model import ClauseMatch, Document, Report, SourceBlock, Structure
from analyzer.report.citation_fixes import CitationFix, citation_fixes
from analyzer.report.view import strip_list_mark, upper_first
from analyzer.vocabulary import PERSON_ROLES, ROLE_TITLES


@dataclass(frozen=True)
class Insertion:
    """A required duty to add after the paragraph ``after``.

    ``lead`` opens a new part for the duty's role («Классный руководитель
    (куратор):»), formatted like the paragraph ``like``, when the draft has no
    section of that role.
    """

    clause: str
    wording: str
    after: SourceBlock
    lead: str | None = None
    like: SourceBlock | None = None


@dataclass(frozen=True)
class Rewording:
    """A weakened duty whose words ``[start, end)`` give way to the reference wording ``text``."""

    clause: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class FixPlan:
    insertions: tuple[Insertion, ...]
    rewordings: tuple[Rewording, ...]
    citations: tuple[CitationFix, ...]


def _block_before(document: Document, end: int) -> SourceBlock | None:
    blocks = [b for b in document.blocks if b.start < end and b.paragraph is not None]
    return blocks[-1] if blocks else None


def _block_at(document: Document, start: int) -> SourceBlock | None:
    return next((b for b in document.blocks if b.end > start and b.paragraph is not None), None)


def _outermost(structure: Structure, roles: frozenset[str] | set[str]) -> list[int]:
    """Indexes of the outermost sections whose role is in ``roles``."""
    sections = structure.sections
    return [i for i, s in enumerate(sections)
            if s.role in roles and (s.parent is None or sections[s.parent].role != s.role)]


def _before_final(report: Report) -> SourceBlock | None:
    document, final = report.document, _outermost(report.structure, {"final"})
    start = report.structure.sections[final[0]].start if final else len(document.text)
    return _block_before(document, start) or _block_before(document, len(document.text))


def _insertion(report: Report, clause_id: str, role: str, wording: str) -> Insertion | None:
    structure, document = report.structure, report.document
    own = _outermost(structure, {role})
    if own:
        after = _block_before(document, structure.sections[own[-1]].end)
        return Insertion(clause_id, wording, after) if after else None
    lead = upper_first(ROLE_TITLES[role]) + ":" if role in PERSON_ROLES else None
    participants = _outermost(structure, PERSON_ROLES) if lead else []
    if participants:
        last = structure.sections[participants[-1]]
        after, like = _block_before(document, last.end), _block_at(document, last.start)
    else:
        after = like = _before_final(report)
    return Insertion(clause_id, wording, after, lead, like) if after else None


def _rewording(match: ClauseMatch, wording: str) -> Rewording | None:
    """The in-place fix of a partial duty, its list mark and closing mark kept.

    None when the evidence spans paragraphs, or when the reference wording is a
    bare predicate ("назначает администратора …") and the evidence is not a
    list item of the same shape: a sentence with its own subject would lose it.
    """
    evidence = match.evidence[0] if match.evidence else None
    if evidence is None or "\n" in evidence.quote:
        return None
    quote = evidence.quote
    body = strip_list_mark(quote)
    if not (wording[:1].isupper() or (len(body) < len(quote) and body[:1].islower())):
        return None
    start = evidence.start + len(quote) - len(body)
    end = evidence.start + len(quote.rstrip(" .;,:"))
    return Rewording(match.clause, start, end, wording.rstrip(" ."))


def plan_fixes(report: Report) -> FixPlan:
    """The changes of the corrected draft (see the module's doc)."""
    clause_set = report.clause_set or load_clause_set()
    citations = citation_fixes(report)
    insertions, rewordings = [], []
    for match in report.clauses:
        clause = clause_set.get(match.clause)
        if clause.level != "required" or match.status not in ("missing", "partial"):
            continue
        fix = _rewording(match, clause.wording) if match.status == "partial" else None
        if fix and not any(c.start < fix.end and fix.start < c.end for c in citations):
            rewordings.append(fix)
        elif insertion := _insertion(report, clause.id, clause.role, clause.wording):
            insertions.append(insertion)
    # New role parts go after the duties added to existing sections at the same place.
    insertions.sort(key=lambda ins: ins.lead is not None)
    return FixPlan(tuple(insertions), tuple(rewordings), tuple(citations))
