"""RL1xx: the duties and provisions of the reference clause set.

Severity follows the clause's level: required → error, recommended →
warning, template → info.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from analyzer.checks.base import Check, CheckContext, register
from analyzer.clause_set import Clause
from analyzer.editions import bearing, label
from analyzer.model import ClauseMatch, Finding
from analyzer.vocabulary import REASONS, ROLE_TITLES

# «в пользовательской роли «Преподаватель»», «статуса «Преподаватель»»
ROLE_NAME = re.compile(r"(?:рол\w*|статус\w*)\s+«([^»]{2,40})»", re.IGNORECASE)


def _why(match: ClauseMatch) -> str:
    """The deviations in words a methodologist reads."""
    parts = [REASONS[r] for r in match.reasons if r in REASONS]
    if "incomplete" in match.reasons:
        quote = match.evidence[0].quote if match.evidence else ""
        named = [n for n in ROLE_NAME.findall(quote) if n.lower() != "учитель"]
        if named:
            parts.append(f"роль названа «{named[0]}», а по МР — «учитель»")
        lacking = [n for n in match.lacking if not (named and "учитель" in n)]
        if lacking:
            parts.append("не указано: " + ", ".join(lacking))
    return "; ".join(parts) or "формулировка отступает от МР"


def _fix(clause: Clause) -> str:
    return f"{clause.wording} ({clause.source_label})"


class ClauseCheck(Check):
    status: str

    def matches(self, ctx: CheckContext) -> Iterable[tuple[ClauseMatch, Clause]]:
        for match in ctx.clauses:
            if match.status == self.status:
                yield match, ctx.clause_set.get(match.clause)

    def emit(self, ctx: CheckContext, match: ClauseMatch, clause: Clause, message: str) -> Finding:
        """The finding, its level and source as the text of the recommendations the draft follows has them."""
        evidence = match.evidence[0] if match.evidence else None
        bears = bearing(match, clause, ctx.clause_set, ctx.edition)
        if bears.note:
            message = f"{message[:-1]} ({bears.note})."
        return self.finding(ctx, message, start=evidence.start if evidence else None,
                            end=evidence.end if evidence else None, fix=_fix(clause), clause=clause.id,
                            source=bears.source, severity=bears.severity or clause.severity)  # type: ignore[arg-type]


@register
class MissingClause(ClauseCheck):
    """A duty or provision of the reference set is not stated anywhere.

    Bad: a regulation whose teacher section has no verification of the role «учитель».
    Good: «проходит процесс верификации статуса «учитель» в учебном профиле ИКОП «Сферум»» (МР, п. 22).
    Source: reference/clauses.yaml (MR points and the model regulation).
    Known false positives: a duty stated in words none of the clause's concept groups know.
    """

    code = "RL101"
    name = "clause.missing"
    category = "missing_clause"
    severity = "error"
    status = "missing"

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        for match, clause in self.matches(ctx):
            yield self.emit(ctx, match, clause, f"Нет положения: {clause.title}.")


@register
class PartialClause(ClauseCheck):
    """A duty is stated but weakened or distorted.

    Bad: «проходит процесс верификации статуса «Преподаватель» (при необходимости)».
    Good: «проходит процесс верификации статуса «учитель»» — обязательно (МР, п. 22).
    Source: reference/clauses.yaml: parts, conflicts, weakening conditions; optional markers in analyzer/matching/signals.py.
    Known false positives: «при необходимости» that qualifies a condition the regulation's wording hides.
    """

    code = "RL102"
    name = "clause.partial"
    category = "partial_clause"
    severity = "error"
    status = "partial"

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        for match, clause in self.matches(ctx):
            if bearing(match, clause, ctx.clause_set, ctx.edition).other:
                continue   # another text of the recommendations words it so: RL104
            why = _why(match)
            yield self.emit(ctx, match, clause, f"Положение искажено или ослаблено: {clause.title} — {why}.")


@register
class EditionDifference(ClauseCheck):
    """A duty is worded as the other text of the recommendations words it: not an error.

    Two texts of the recommendations circulate (letter № 04-643 and letter № 04-423) and schools follow
    both. Where they state a duty differently, a draft that follows either one is not in error; the
    finding names both wordings, so the school can see which text it follows.
    Bad: — (this finding is information, not an error).
    Good: «назначает администратора платформы из числа работников» (text 2) or «… из числа педагогических
    работников» (text 1): both are accepted, with this note.
    Source: reference/clauses.yaml, the ed1/ed2 records of each clause (point, how, wording, explains).
    Known false positives: a draft that deviates from text 1 by accident in exactly the way text 2 words it.
    """

    code = "RL104"
    name = "clause.edition-difference"
    category = "partial_clause"
    severity = "info"
    status = "partial"

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        for match, clause in self.matches(ctx):
            other = bearing(match, clause, ctx.clause_set, ctx.edition).other
            if other is None:
                continue
            first = next(s for s in clause.statements if s.how == "same")
            finding = self.emit(ctx, match, clause,
                                f"Формулировка следует другому тексту МР: {clause.title}. "
                                f"{label(ctx.clause_set, first)}: «{first.wording}»; "
                                f"{label(ctx.clause_set, other)}: «{other.wording}». "
                                "Положение соответствует одному из текстов — ошибки нет.")
            yield replace(finding, severity="info", source=f"{label(ctx.clause_set, first)}; "
                                                            f"{label(ctx.clause_set, other)}")


@register
class MisplacedClause(ClauseCheck):
    """A duty is stated as the duty of another role.

    Bad: in the head's section, «доводит до сведения руководителя статистические данные».
    Good: the same duty in the administrator's section.
    Source: reference/clauses.yaml: role of each clause; section roles from the structure parser.
    Known false positives: a section whose heading names a role the parser does not recognise.
    """

    code = "RL103"
    name = "clause.misplaced"
    category = "misplaced_clause"
    severity = "error"
    status = "misplaced"

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        for match, clause in self.matches(ctx):
            where = match.evidence[0].role if match.evidence else None
            yield self.emit(ctx, match, clause,
                            f"Обязанность записана не той роли: {clause.title} — указана в разделе "
                            f"«{ROLE_TITLES.get(where or 'other')}», а относится к роли «{ROLE_TITLES[clause.role]}».")
