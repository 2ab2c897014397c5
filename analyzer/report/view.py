"""What every human-readable report shows, computed once from a Report.

The HTML, Markdown, DOCX and text writers only lay this out; the figures
(score, counts), the Russian labels and the order of things live here.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from analyzer.checks.clauses import REASONS
from analyzer.clause_set import LEVELS, ROLE_TITLES, ROLES, ClauseSet, load_clause_set
from analyzer.model import Citation, ClauseMatch, Finding, OcrInfo, Report, Severity, Structure
from analyzer.report.diffview import word_diff

SEVERITY_ORDER: dict[Severity, int] = {"error": 0, "warning": 1, "info": 2}
SEVERITY_RU = {"error": "ошибка", "warning": "предупреждение", "info": "замечание"}
SEVERITY_PLURAL_RU = {"error": "ошибки", "warning": "предупреждения", "info": "замечания"}
INSTITUTION_RU = {"school": "общеобразовательная организация", "college": "СПО", "additional":
                  "дополнительное образование", "preschool": "дошкольная организация", "unknown": "не определён"}
LEVEL_RU = {"required": "обязательные", "recommended": "рекомендуемые", "template": "типового положения"}
LEVEL_ONE_RU = {"required": "обязательное", "recommended": "рекомендуемое", "template": "типовое положение"}
STATUS_RU = {"present": "есть", "partial": "частично", "misplaced": "не на месте", "missing": "нет",
             "not_applicable": "не применяется"}
# One letter per status, so that the coverage table reads in black and white.
STATUS_LETTER = {"present": "Е", "partial": "Ч", "misplaced": "М", "missing": "Н", "not_applicable": "—"}
PROBLEM_RU = {
    "wrong_date": "неверная дата", "wrong_number": "неверный номер", "missing_number": "не указан номер",
    "wrong_title": "неверное название", "wrong_kind": "неверный вид акта или орган", "repealed": "утратил силу",
    "expired": "срок действия истёк", "not_yet_in_force": "ещё не вступил в силу",
    "unknown": "нет в реестре, не проверена",
}
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

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class FindingView:
    finding: Finding
    location: str         # the nearest numbered section, "" when the finding has no span
    severity_ru: str


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
    clause_set, structure = load_clause_set(), report.structure
    clauses = [_clause_view(m, clause_set, structure) for m in report.clauses]
    roles = tuple(RoleRow(role, ROLE_TITLES[role], tuple(c for c in clauses if c.role == role))
                  for role in ROLES if any(c.role == role for c in clauses))
    counts = Counter(f.severity for f in report.findings)
    return ReportView(
        source=report.document.source, format=report.document.format, title=structure.title,
        institution=INSTITUTION_RU[report.institution_type], in_scope=report.in_scope,
        reference_version=report.reference_version, registry_version=report.registry_version,
        checked=checked or dt.date.today(), scores=_scores(clauses),
        counts={s: counts.get(s, 0) for s in SEVERITY_ORDER}, roles=roles,
        citations=tuple(_citation_view(c, structure) for c in report.citations),
        findings=tuple(FindingView(f, numbered_label(structure, f.start), SEVERITY_RU[f.severity])
                       for f in sorted(report.findings, key=finding_order)),
        warnings=report.document.warnings, ocr_banner=ocr_banner(report.document.ocr))


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
    return CitationView(quote=c.quote, correct=c.correct, act=c.act, section=numbered_label(structure, c.start) or None,
                        problems=tuple(PROBLEM_RU.get(p, p) for p in c.problems))
