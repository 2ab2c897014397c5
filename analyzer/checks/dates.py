"""RL3xx: the approval of the regulation and the dates of its approval stamps.

A regulation is a local act: the collegial body adopts it (ПРИНЯТО …
протокол) and the head approves it (УТВЕРЖДАЮ / «Утверждено приказом …»).
The approval blocks come from the structure parser; what the text says about
its own approval ("утверждается приказом директора", "вводится в действие с
момента … утверждения") comes from the body.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from analyzer.checks.base import Check, CheckContext, register
from analyzer.dates import find_dates
from analyzer.first_letters import compile_scanning
from analyzer.model import ApprovalBlock, DateMention, Finding
from analyzer.vocabulary import ApprovalKind

# The text makes the head's approval a condition of the regulation.
NEEDS_HEAD = re.compile(
    r"(?i)утвержда\w*\s+(?:приказом|распоряжением|директор\w*|руководител\w*|заведующ\w*)"
    r"|(?:вводится|вступает|вводятся|вступают)\s+в\s+(?:действие|силу)[^.;\n]{0,60}?(?:утвержд|приказ)")
# A concrete approval outside the header stamps: a sentence at the end, or stamps placed after the title.
CONCRETE_APPROVAL = compile_scanning(
    r"(?<![а-яё])(?:принят|утвержд[её]н|введен)[оаы]?(?![а-яё])[^.]{0,80}?(?P<paper>протокол|приказ)\w*"
    r"[^.\n]{0,60}?(?:(?:№|N\b)\s*\d|от\s*[«\"]?\s*\d)", re.IGNORECASE)
HEAD = re.compile(r"(?i)(?<![а-яё])(?:директор|руководител|заведующ|ректор|начальник|и\.\s?о\.)")
COUNCIL = re.compile(r"(?i)совет|собрани|коллеги|комисси")
ORDER_WORD = re.compile(r"(?i)(?<![а-яё])приказ")
COUNCIL_KINDS: tuple[ApprovalKind, ...] = ("adopted", "considered")


def _first_line(ctx: CheckContext, block: ApprovalBlock) -> tuple[int, int]:
    text = ctx.document.text
    end = text.find("\n", block.start, block.end)
    return block.start, (block.end if end < 0 else end)


def _stamp(ctx: CheckContext, block: ApprovalBlock) -> str:
    return ctx.document.text[block.start:block.end].lstrip(" *#").split(None, 1)[0].lower()


def head_approves(ctx: CheckContext, block: ApprovalBlock) -> bool:
    """Whether the block is the head's approval: УТВЕРЖДАЮ, an order, or the head named as approver."""
    if block.kind != "approved":
        return False
    span = ctx.document.text[block.start:block.end]
    return (block.order_number is not None or _stamp(ctx, block).startswith("утверждаю")
            or bool(ORDER_WORD.search(span)) or (bool(HEAD.search(block.body)) and not COUNCIL.search(block.body)))


def _shared(ctx: CheckContext, block: ApprovalBlock) -> bool:
    """Stamps read across table columns share one span and its dates."""
    return sum(b.start == block.start for b in ctx.structure.approvals) > 1


def approval_dates(ctx: CheckContext) -> tuple[list[DateMention], list[DateMention]]:
    """(council dates, head's approval dates) of the approval blocks.

    In a shared span the dates after the word «приказ» are the order's, the others the council's.
    """
    council: list[DateMention] = []
    head: list[DateMention] = []
    for block in ctx.structure.approvals:
        if _shared(ctx, block):
            order = ORDER_WORD.search(ctx.document.text, block.start, block.end)
            cut = order.start() if order else block.end
            mine = [d for d in block.dates if (d.start >= cut) == (block.kind == "approved")]
        else:
            mine = list(block.dates)
        if block.kind in COUNCIL_KINDS:
            council += mine
        elif block.kind == "approved" and head_approves(ctx, block):
            head += mine
    return council, head


_FIX = ("Оформите гриф: «ПРИНЯТО педагогическим советом, протокол от ДД.ММ.ГГГГ № …» и «УТВЕРЖДАЮ Директор "
        "… / ФИО, приказ от ДД.ММ.ГГГГ № …».")


def _first_text_line(text: str) -> tuple[int, int]:
    m = re.search(r"\S[^\n]*", text)
    return m.span() if m else (0, 0)


@register
class ApprovalMissing(Check):
    """The regulation has no approval, or lacks the head's approval its own text requires.

    Bad: a text with no ПРИНЯТО / УТВЕРЖДАЮ block, protocol or order; or only «Утверждено: педсоветом …
    протокол № 1» while the text says «утверждается приказом директора».
    Good: «ПРИНЯТО педагогическим советом, протокол № 1 от 29.08.2023» and «УТВЕРЖДАЮ Директор … приказ от
    31.08.2023 № 49-од».
    Source: the regulation is a local normative act (МР, п. 14–15): adopted by the collegial body and
    approved by the head's order.
    Known false positives: an approval stamp placed as an image or in a header the reader does not extract.
    """

    code = "RL301"
    name = "approval.missing"
    category = "approval_missing"
    severity = "error"

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        text, blocks = ctx.document.text, ctx.structure.approvals
        written = list(CONCRETE_APPROVAL.finditer(text))
        if not blocks and not written:
            start, end = ctx.structure.title_span or _first_text_line(text)
            yield self.finding(ctx, "Нет сведений об утверждении положения: ни грифа «ПРИНЯТО» / «УТВЕРЖДАЮ», "
                                    "ни протокола коллегиального органа, ни приказа руководителя, ни даты.",
                               start=start, end=end, fix=_FIX)
            return
        needs_head = NEEDS_HEAD.search(text, ctx.structure.body_start)
        by_head = any(head_approves(ctx, b) for b in blocks) or any(m["paper"].lower() == "приказ" for m in written)
        if needs_head and not by_head:
            block = next((b for b in blocks if b.kind == "approved"), blocks[0] if blocks else None)
            start, end = _first_line(ctx, block) if block else (needs_head.start(), needs_head.end())
            required = " ".join(needs_head.group(0).split())
            yield self.finding(ctx, f"Положение не утверждено руководителем: текст требует утверждения («{required}»), "
                                    "но приказа руководителя (номер, дата) или грифа «УТВЕРЖДАЮ» с подписью "
                                    "руководителя нет.", start=start, end=end, fix=_FIX)


@register
class OrderBeforeAdoption(Check):
    """The head's order approving the regulation is dated before the council adopted it.

    Bad: «ПРИНЯТО педагогическим советом, протокол № 1 от 30.08.2023» and «УТВЕРЖДАЮ … приказ от 29.08.2023 № 45».
    Good: the order dated on or after the protocol: «протокол № 1 от 29.08.2023», «приказ от 31.08.2023 № 49-од».
    Source: the order of adopting a local act: the collegial body adopts, then the head approves.
    Known false positives: a stamp whose dates the reader assigns to the wrong block (columns read across).
    """

    code = "RL302"
    name = "date.order-before-adoption"
    category = "date_inconsistent"
    severity = "error"

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        council, head = approval_dates(ctx)
        adopted = max((d.value for d in council if d.value), default=None)
        if adopted is None:
            return
        for mention in head:
            if mention.value and mention.value < adopted:
                yield self.finding(ctx, f"Дата утверждения ({mention.text}) раньше даты принятия положения "
                                        f"коллегиальным органом ({adopted:%d.%m.%Y}): утвердить можно только "
                                        "уже принятое положение.",
                                   start=mention.start, end=mention.end,
                                   fix=f"Проверьте даты: приказ об утверждении — не ранее {adopted:%d.%m.%Y}.")


def _citation_spans(ctx: CheckContext) -> list[tuple[int, int]]:
    return [(c.start, c.end) for c in ctx.citations]


def _outside(mention: DateMention, spans: list[tuple[int, int]]) -> bool:
    return not any(s <= mention.start < e for s, e in spans)


def _stamp_dates(ctx: CheckContext) -> Iterator[DateMention]:
    seen: set[int] = set()
    for block in ctx.structure.approvals:
        for mention in block.dates:
            if mention.start not in seen:
                seen.add(mention.start)
                yield mention


@register
class ImpossibleDate(Check):
    """A date that does not exist (31.02.2023, 31 июня 2023 г.).

    Bad: «протокол № 1 от 31.02.2023».
    Good: «протокол № 1 от 28.02.2023».
    Source: the calendar. Dates inside citations of legal acts are reported as legal-reference findings (RL201, RL209).
    Known false positives: a clause number that looks like a date with a four-digit year (rare).
    """

    code = "RL303"
    name = "date.impossible"
    category = "date_inconsistent"
    severity = "error"

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        citations = _citation_spans(ctx)
        stamps = {m.start for m in _stamp_dates(ctx)}
        for mention in find_dates(ctx.document.text):
            # Outside the stamps only four-digit years: "4.13.20" is a clause number, not a date.
            dated = mention.start in stamps or re.search(r"\d{4}", mention.text)
            if mention.value is None and dated and _outside(mention, citations):
                yield self.finding(ctx, f"Такой даты не существует: «{mention.text}».", start=mention.start,
                                   end=mention.end, fix="Исправьте дату по протоколу или приказу.")


@register
class FutureDate(Check):
    """A date of the approval stamps that has not come yet.

    Bad: «УТВЕРЖДАЮ … приказ от 31.08.2031 № 49-од» checked in 2025.
    Good: the real date of the protocol and the order.
    Source: the calendar (the run's date); a regulation cannot be adopted or approved in the future.
    Known false positives: a draft deliberately dated ahead; dates in the body ("вступает в силу с …") are not checked.
    """

    code = "RL304"
    name = "date.future"
    category = "date_inconsistent"
    severity = "error"

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        for mention in _stamp_dates(ctx):
            if mention.value and mention.value > ctx.today:
                yield self.finding(ctx, f"Дата в грифе ещё не наступила: «{mention.text}» "
                                        f"(сегодня {ctx.today:%d.%m.%Y}).",
                                   start=mention.start, end=mention.end, fix="Укажите фактическую дату принятия "
                                                                             "и утверждения положения.")


@register
class UndatedApproval(Check):
    """An adoption or approval stamp (ПРИНЯТО / УТВЕРЖДАЮ) without any date.

    Bad: «УТВЕРЖДАЮ Директор ______ И.И. Иванов «___» ________ 2023 г.» with no order date.
    Good: «УТВЕРЖДАЮ Директор ______ И.И. Иванов, приказ от 31.08.2023 № 49-од».
    Source: the requisites of a local act (date and number of the protocol and the order). Category
    approval_missing, not date_inconsistent: no two dates contradict each other; the approval lacks a requisite
    and cannot be verified, and the fix is made in the same stamp.
    Known false positives: a date filled in by hand on the printed copy (the file keeps the blanks). СОГЛАСОВАНО /
    РАССМОТРЕНО stamps are not checked: they do not date the regulation.
    """

    code = "RL305"
    name = "approval.undated"
    category = "approval_missing"
    severity = "warning"

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        seen: set[int] = set()
        for block in ctx.structure.approvals:
            if block.kind in ("adopted", "approved") and not block.dates and block.start not in seen:
                seen.add(block.start)
                start, end = _first_line(ctx, block)
                yield self.finding(ctx, "В грифе нет даты: неизвестно, когда положение принято или утверждено.",
                                   start=start, end=end, fix="Укажите дату протокола или приказа: «от ДД.ММ.ГГГГ № …».")
