"""What every human-readable report shows, computed once from a Report.

The HTML, Markdown, DOCX and text writers only lay this out; the figures
(score, counts), the Russian labels and the order of things live here.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from analyzer.clause_set import ClauseSet, load_clause_set
from analyzer.editions import describe
from analyzer.model import Citation, CitedAct, ClauseMatch, Finding, OcrInfo, Report, Review, Structure
from analyzer.report.diffview import word_diff
from analyzer.vocabulary import (
    ACT_KIND_RU,
    DISMISS_REASONS,
    INSTITUTION_RU,
    LEVEL_ONE_RU,  # noqa: F401  (re-exported: the labels were declared here before analyzer.vocabulary)
    LEVEL_RU,
    LEVELS,
    PROBLEM_RU,
    REASONS,
    ROLE_TITLES,
    ROLES,
    SEVERITIES,
    SEVERITY_ORDER,
    SEVERITY_PLURAL_RU,  # noqa: F401
    SEVERITY_RU,
    STATUS_LETTER,
    STATUS_RU,
)

_LIST_MARK = re.compile(r"^\s*(?:[-–—•·▪●]|\d+(?:\.\d+)*[.)]?|[а-яa-z][.)])\s+", re.IGNORECASE)


@dataclass(frozen=True)
class LevelScore:
    level: str            # required | recommended | template | all
    label: str
    present: int
    applicable: int

    @property
    def percent(self) -> int | None:
        return round(100 * self.present / self.applicable) if self.applicable else None


@dataclass(frozen=True)
class ClauseView:
    id: str
    role: str
    level: str
    title: str
    status: str
    letter: str
    status_ru: str
    reasons: tuple[str, ...]
    wording: str
    mr: str               # "МР, п. 20" or "типовое положение"
    mr_text: str
    section: str | None   # where the evidence stands
    quote: str | None     # the evidence without its list mark
    diff: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class RoleRow:
    role: str
    title: str
    clauses: tuple[ClauseView, ...]

    @property
    def present(self) -> int:
        return sum(c.status == "present" for c in self.clauses)

    @property
    def applicable(self) -> int:
        return sum(c.status != "not_applicable" for c in self.clauses)


@dataclass(frozen=True)
class CitationView:
    quote: str
    correct: str | None
    act: str
    section: str | None
    problems: tuple[str, ...]
    unchecked: str | None = None   # an act outside the registry: what was read of it

    @property
    def ok(self) -> bool:
        return not self.problems and not self.unchecked


@dataclass(frozen=True)
class FindingView:
    finding: Finding
    location: str         # the nearest numbered section, "" when the finding has no span
    severity_ru: str
    review: Review | None = None


@dataclass(frozen=True)
class ReportView:
    source: str
    format: str
    title: str | None
    institution: str
    in_scope: bool
    reference_version: str
    registry_version: str
    checked: dt.date
    scores: tuple[LevelScore, ...]      # required, recommended, template, then all
    counts: dict[str, int]               # by severity, in SEVERITY_ORDER
    roles: tuple[RoleRow, ...]
    citations: tuple[CitationView, ...]
    findings: tuple[FindingView, ...]
    warnings: tuple[str, ...]
    edition: str = ""          # which text of the recommendations the draft follows, in Russian
    suppressed: tuple[FindingView, ...] = ()   # dismissed by a reviewer, not counted
    ocr_banner: str | None = None

    @property
    def overall(self) -> LevelScore:
        return self.scores[-1]


def numbered_label(structure: Structure, offset: int | None) -> str:
    """The label of the nearest numbered section holding ``offset`` ("2.1", "А)"), "" if none.

    A bullet's own label is only its mark ("-"), which tells a reader nothing.
    """
    if offset is None:
        return ""
    section = structure.section_at(offset)
    while section is not None:
        if any(ch.isalnum() for ch in section.label):
            return section.label
        section = structure.sections[section.parent] if section.parent is not None else None
    return ""


def shorten(text: str, limit: int = 400) -> str:
    """``text`` on one line, cut at a word boundary to at most ``limit`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def reason_label(reason: str | None) -> str:
    """A dismissal's reason in Russian: a known key translated, a reviewer's own words as they are."""
    return DISMISS_REASONS.get(reason or "", reason or "")


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def strip_list_mark(text: str) -> str:
    return _LIST_MARK.sub("", text, count=1)


def _clause_view(match: ClauseMatch, clause_set: ClauseSet, structure: Structure) -> ClauseView:
    clause = clause_set.get(match.clause)
    evidence = match.evidence[0] if match.evidence else None
    quote = strip_list_mark(evidence.quote) if evidence else None
    return ClauseView(
        id=clause.id, role=clause.role, level=clause.level, title=clause.title, status=match.status,
        letter=STATUS_LETTER[match.status], status_ru=STATUS_RU[match.status],
        reasons=tuple(REASONS[r] for r in match.reasons if r in REASONS), wording=clause.wording,
        mr=clause.source_label, mr_text=clause.mr_text,
        section=numbered_label(structure, evidence.start) if evidence else None, quote=quote,
        diff=tuple(word_diff(clause.wording, quote)) if quote else ())


def _scores(clauses: list[ClauseView]) -> tuple[LevelScore, ...]:
    def score(level: str, label: str, selected: list[ClauseView]) -> LevelScore:
        applicable = [c for c in selected if c.status != "not_applicable"]
        return LevelScore(level, label, sum(c.status == "present" for c in applicable), len(applicable))

    by_level = [score(lv, LEVEL_RU[lv], [c for c in clauses if c.level == lv]) for lv in LEVELS]
    return (*by_level, score("all", "все", clauses))


def finding_order(f: Finding) -> tuple[int, int, str]:
    """Findings in reading order; those without a place (missing clauses) first, by severity."""
    return (f.start if f.start is not None else -1, SEVERITY_ORDER[f.severity], f.code)


def build_view(report: Report, checked: dt.date | None = None) -> ReportView:
    """The view of ``report``; ``checked`` is the date shown as the date of the check (default today)."""
    clause_set, structure = report.clause_set or load_clause_set(), report.structure
    clauses = [_clause_view(m, clause_set, structure) for m in report.clauses]
    roles = tuple(RoleRow(role, ROLE_TITLES[role], tuple(c for c in clauses if c.role == role))
                  for role in ROLES if any(c.role == role for c in clauses))
    counts = Counter(f.severity for f in report.findings)
    return ReportView(
        source=report.document.source, format=report.document.format, title=structure.title,
        institution=INSTITUTION_RU[report.institution_type], in_scope=report.in_scope,
        reference_version=report.reference_version, registry_version=report.registry_version,
        checked=checked or dt.date.today(), scores=_scores(clauses),
        counts={s: counts.get(s, 0) for s in SEVERITIES}, roles=roles,
        citations=tuple(_citation_view(c, structure) for c in report.citations),
        findings=tuple(_finding_view(report, f) for f in sorted(report.findings, key=finding_order)),
        warnings=report.document.warnings, edition=describe(report.edition, clause_set),
        suppressed=tuple(_finding_view(report, f) for f in sorted(report.suppressed, key=finding_order)),
        ocr_banner=ocr_banner(report.document.ocr))


def _finding_view(report: Report, f: Finding) -> FindingView:
    return FindingView(f, numbered_label(report.structure, f.start), SEVERITY_RU[f.severity],
                       report.review_of(f.fingerprint))


def read_of(cited: CitedAct) -> str:
    """What a citation says of its act, in Russian: kind, issuer, number, date, title."""
    parts = [ACT_KIND_RU.get(cited.kind or "", cited.kind or "акт"), cited.issuer,
             f"№ {cited.number}" if cited.number else None,
             f"от {cited.date:%d.%m.%Y}" if cited.date else cited.date_text,
             f"«{cited.title}»" if cited.title else None]
    return " ".join(p for p in parts if p)


OCR_MARK = "текст распознан с изображения"


def ocr_banner(info: OcrInfo | None) -> str | None:
    """The plain warning every report shows when some text was read by OCR."""
    if info is None:
        return None
    parts = []
    if info.page_numbers:
        parts.append(f"страницы {', '.join(map(str, info.page_numbers))}: {info.engine}, "
                     f"средняя уверенность {info.mean_confidence} %")
    if info.layer_pages:
        parts.append(f"страницы {', '.join(map(str, info.layer_pages))}: текстовый слой скана")
    return f"{upper_first(OCR_MARK)}, проверьте цитаты по оригиналу ({'; '.join(parts)})."


def _citation_view(c: Citation, structure: Structure) -> CitationView:
    unchecked = f"не проверена — акта нет в реестре; прочитано: {read_of(c.cited)}" if c.act == "unknown" else None
    return CitationView(quote=c.quote, correct=c.correct, act=c.act, section=numbered_label(structure, c.start) or None,
                        problems=tuple(PROBLEM_RU.get(p, p) for p in c.problems), unchecked=unchecked)
