"""Findings on text read by OCR: say so, and never blame the school for the OCR's confusions.

Every finding whose quote lies on an OCR'd page (ours, or a text layer that is
a scanner's OCR) is marked ``ocr``. One whose only ground is something OCR
confuses — a number that differs from the act's by look-alike letters,
digits for letters or the number sign, a number sign OCR lost, a title that
is the act's once those are folded, a date that does not exist as read or is
one confusable digit away from the real one, a support address or the
platform's name a letter or two off — is reported as info, «проверьте по оригиналу»,
never as an error or a warning.
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Iterator

from rapidfuzz.distance import Levenshtein

from analyzer.checks.base import CheckContext
from analyzer.checks.template import misspelt_name
from analyzer.dates import find_dates
from analyzer.lexicon import ocr_fold
from analyzer.model import Citation, Finding
from analyzer.registry import Act, same_title

CHECK_ORIGINAL = "Проверьте по оригиналу: текст распознан с изображения, расхождение может быть ошибкой распознавания."
# Digits a scan's OCR takes for one another.
_DIGIT_SWAPS = {"0": "867", "1": "7", "3": "8", "5": "6", "6": "58", "7": "10", "8": "306", "9": "4", "4": "9"}
_DIGIT = re.compile(r"\d")
_NUMBERISH = re.compile(r"(?<![\d.])\d{1,5}(?:\s?-\s?[\wА-Яа-я]+)?(?![\d.])")
_CONTACT_SLACK = 2
_NUMBER_LOOKAHEAD = 30


def _cited(finding: Finding, ctx: CheckContext) -> tuple[Citation | None, Act | None]:
    cited = next((c for c in ctx.citations if c.start == finding.start), None)
    return cited, ctx.registry.get(finding.act) if finding.act else None


def _number_confused(finding: Finding, ctx: CheckContext) -> bool:
    cited, act = _cited(finding, ctx)
    return bool(act and act.number and cited and cited.cited.number
                and ocr_fold(cited.cited.number) == ocr_fold(act.number))


def _swaps(text: str) -> Iterator[str]:
    """``text`` with one digit replaced by a digit OCR takes it for."""
    for i, digit in enumerate(text):
        for other in _DIGIT_SWAPS.get(digit, ""):
            yield text[:i] + other + text[i + 1:]


def _act_date_confused(finding: Finding, ctx: CheckContext) -> bool:
    """A date that does not exist as read («77 декабря»), or one OCR digit away from the act's date."""
    cited, act = _cited(finding, ctx)
    if not (cited and act and act.date and cited.cited.date_text):
        return False
    if cited.cited.date is None:
        return True
    return any(m.value == act.date for swapped in _swaps(cited.cited.date_text) for m in find_dates(swapped))


def _title_confused(finding: Finding, ctx: CheckContext) -> bool:
    cited, act = _cited(finding, ctx)
    if not (cited and act and cited.cited.title):
        return False
    def fold(title: str) -> str:    # OCR's look-alikes folded, and any digit for any digit («пункта 7)» for «2»)
        return " ".join(_DIGIT.sub("#", ocr_fold(word)) for word in title.split())

    return any(same_title(fold(cited.cited.title), fold(title)) for title in act.title_forms())


def _number_lost(finding: Finding, ctx: CheckContext) -> bool:
    """A citation «without a number» that has a number-like token OCR separated from its «№»."""
    cited = next((c for c in ctx.citations if c.start == finding.start), None)
    window = ctx.document.text[finding.start:(finding.end or 0) + _NUMBER_LOOKAHEAD]
    if cited and cited.cited.date_text:
        window = window.replace(cited.cited.date_text, " ")
    return any(not find_dates(m.group(0)) for m in _NUMBERISH.finditer(window))


def _date_confused(finding: Finding, ctx: CheckContext) -> bool:
    """An impossible date that one OCR digit swap turns into a real one."""
    for mention in find_dates(finding.quote):
        if mention.value is None and any(m.value is not None for s in _swaps(mention.text) for m in find_dates(s)):
            return True
    return False


def _contact_confused(finding: Finding, ctx: CheckContext) -> bool:
    return bool(finding.fix) and Levenshtein.distance(ocr_fold(finding.quote), ocr_fold(finding.fix or "")) \
        <= _CONTACT_SLACK


def _name_confused(finding: Finding, ctx: CheckContext) -> bool:
    return misspelt_name(finding.quote)


CONFUSIONS: dict[str, Callable[[Finding, CheckContext], bool]] = {
    "RL201": _act_date_confused, "RL202": _number_confused, "RL203": _number_lost, "RL204": _title_confused, "RL209": _date_confused, "RL303": _date_confused,
    "RL402": _contact_confused, "RL403": _name_confused,
}


def review(findings: Iterable[Finding], ctx: CheckContext) -> tuple[Finding, ...]:
    """The findings with OCR provenance; OCR confusions downgraded to «проверьте по оригиналу» (info)."""
    info = ctx.document.ocr
    if info is None:
        return tuple(findings)
    reviewed = []
    for finding in findings:
        block = ctx.document.locate(finding.start) if finding.start is not None else None
        if block is None or not info.covers(block.page):
            reviewed.append(finding)
            continue
        finding = dataclasses.replace(finding, ocr=True)
        confused = CONFUSIONS.get(finding.code)
        if finding.severity != "info" and confused is not None and confused(finding, ctx):
            finding = dataclasses.replace(finding, severity="info", message=f"{CHECK_ORIGINAL} {finding.message}")
        reviewed.append(finding)
    return tuple(reviewed)
