"""The check framework: one registry, one small class per finding code.

A check declares its ``code`` (RL + 3 digits, never reused), a dotted
``name``, a ``category`` from the report contract and a ``severity``; its
docstring has a one-line summary and the sections ``Bad:``, ``Good:``,
``Source:`` and ``Known false positives:`` (a test enforces the template and
docs/findings.md is generated from it).
"""
from __future__ import annotations

import datetime as dt
import traceback
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from analyzer.model import (
    Citation,
    ClauseMatch,
    Document,
    EditionVerdict,
    Finding,
    InstitutionType,
    Severity,
    Structure,
)
from analyzer.vocabulary import Category

if TYPE_CHECKING:
    from analyzer.analysed import AnalysedText
    from analyzer.clause_set import ClauseSet
    from analyzer.registry import Registry

DOCSTRING_SECTIONS = ("Bad:", "Good:", "Source:", "Known false positives:")


@dataclass(frozen=True)
class CheckContext:
    """Everything a check may read; built once per document by the pipeline."""

    document: Document
    structure: Structure
    institution_type: InstitutionType
    in_scope: bool
    citations: tuple[Citation, ...]
    clauses: tuple[ClauseMatch, ...]
    clause_set: ClauseSet
    registry: Registry
    document_date: dt.date | None
    today: dt.date
    text: AnalysedText                 # the document's text forms and tokens: checks never re-derive them
    looks_like: str | None = None      # what an out-of-scope document seems to be
    edition: EditionVerdict | None = None   # which text of the recommendations the draft follows

    def quote(self, start: int, end: int) -> str:
        return self.document.text[start:end]

    def section_label(self, offset: int) -> str | None:
        return self.structure.label_of(self.structure.index_at(offset))


class Check:
    code: ClassVar[str]
    name: ClassVar[str]
    category: ClassVar[Category]
    severity: ClassVar[Severity]

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        raise NotImplementedError

    def finding(self, ctx: CheckContext, message: str, *, start: int | None = None,
                end: int | None = None, fix: str | None = None, clause: str | None = None,
                act: str | None = None, source: str | None = None,
                severity: Severity | None = None) -> Finding:
        """A finding of this check, its quote and section taken from the span."""
        quote = ctx.quote(start, end) if start is not None and end is not None else ""
        section = ctx.section_label(start) if start is not None else None
        return Finding(code=self.code, name=self.name, category=self.category,
                       severity=severity or self.severity, message=message, fix=fix,
                       quote=quote, start=start, end=end, section=section,
                       clause=clause, act=act, source=source)


CHECKS: dict[str, type[Check]] = {}


def register(cls: type[Check]) -> type[Check]:
    """Class decorator adding a check to the registry; codes are unique."""
    if cls.code in CHECKS:
        raise ValueError(f"duplicate check code {cls.code}")
    CHECKS[cls.code] = cls
    return cls


class CheckCrashed(Check):
    """A check failed with an internal error; the run went on without it.

    Bad: any document on which a check raises an exception.
    Good: no internal errors.
    Source: reglint itself.
    Known false positives: none; please report the message.
    """

    code = "RL999"
    name = "internal.check-crashed"
    category = "internal"
    severity = "warning"


def run_checks(ctx: CheckContext, codes: Iterable[str] | None = None) -> Iterator[Finding]:
    """Run the registered checks; a crashing check becomes an RL999 finding."""
    selected = sorted(CHECKS) if codes is None else sorted(codes)
    for code in selected:
        check = CHECKS[code]()
        try:
            yield from check.run(ctx)
        except Exception as exc:  # noqa: BLE001 - one broken check must not stop the audit
            crashed = CheckCrashed()
            yield crashed.finding(
                ctx, f"Внутренняя ошибка проверки {code}: {exc!r}",
                fix="".join(traceback.format_exception_only(exc)).strip())
