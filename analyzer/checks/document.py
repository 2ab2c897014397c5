"""RL0xx findings about the document as a whole."""
from __future__ import annotations

from collections.abc import Iterable

from analyzer.checks.base import Check, CheckContext, register
from analyzer.model import Finding


@register
class OutOfScope(Check):
    """The document is not a regulation on the use of Sferum (or is a preschool's).

    Bad: «ПРИКАЗ … О назначении администратора ИКОП «Сферум» … ПРИКАЗЫВАЮ: …» uploaded instead of the regulation.
    Good: «ПОЛОЖЕНИЕ об использовании информационно-коммуникационной образовательной платформы «Сферум» …».
    Source: MR, п. 14–15 (the regulation is the organisation's local act); preschool is outside MR.
    Known false positives: a Sferum regulation that names the platform fewer than three times.
    """

    code = "RL010"
    name = "document.out-of-scope"
    category = "out_of_scope"
    severity = "error"

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        if ctx.in_scope:
            return
        title = ctx.structure.title_span
        yield self.finding(ctx, f"Документ не является положением об использовании ИКОП «Сферум»: "
                                f"похоже, это {ctx.looks_like}. Проверка по методическим рекомендациям не проводилась.",
                           start=title[0] if title else None, end=title[1] if title else None,
                           fix="Загрузите положение об использовании ИКОП «Сферум» в VK Мессенджере.")
