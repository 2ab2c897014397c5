"""Approval stamps at the top of a regulation: ПРИНЯТО / УТВЕРЖДАЮ /
«Утверждено:» / СОГЛАСОВАНО / РАССМОТРЕНО, each running to the next stamp
(side-by-side table cells come one after the other). From each block: who
adopts or approves, the protocol and order numbers, the dates, the signatory.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from analyzer.dates import find_dates
from analyzer.model import ApprovalBlock
from analyzer.structure.lines import APPROVAL_KEYWORD, Line, is_unnumbered_heading
from analyzer.structure.roles import topic_role
from analyzer.vocabulary import ApprovalKind

KINDS: tuple[tuple[str, ApprovalKind], ...] = (
    ("принят", "adopted"), ("утвержд", "approved"), ("согласован", "agreed"), ("рассмотрен", "considered"))
MAX_LINE = 200

_NUMBER = r"(?:№|\bN\b|\bNo\b)\.?\s*(?P<number>[0-9A-Za-zА-Яа-яЁё][\w\-/.]*)"
PROTOCOL = re.compile(rf"(?i)протокол\w*[^№\n]{{0,80}}?{_NUMBER}")
ORDER = re.compile(rf"(?i)приказ\w*[^№\n]{{0,80}}?{_NUMBER}")
_INITIALS = r"(?:[А-ЯЁ]\.\s?){1,2}"
_SURNAME = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
NAME = re.compile(rf"(?<![\w.])(?:{_INITIALS}{_SURNAME}|{_SURNAME}\s{_INITIALS})(?![\w])")
# Where the body ("педагогическим советом", "Директор") stops.
_BODY_END = re.compile(r"(?i)\s*(?:\bпротокол|\bприказ|\bот\s*[«\"\d]|_|№\s*\S+\s+от\b|\d{1,2}\.\d{1,2}\.\d{2,4})")
_META = re.compile(r"(?i)^\s*(?:протокол|приказ|от\b|№|«|\"|\d|_|м\.\s?п)")


def _kind(word: str) -> ApprovalKind:
    word = word.lower()
    return next(kind for stem, kind in KINDS if word.startswith(stem))


def _outside_quotes(text: str, at: int) -> bool:
    return text[:at].count("«") <= text[:at].count("»")


def _clip(text: str) -> str:
    ends = [m.start() for m in _BODY_END.finditer(text)] + [m.start() for m in NAME.finditer(text)
                                                             if _outside_quotes(text, m.start())]
    cut = min((at for at in ends if at > 0), default=len(text))
    body = re.sub(r"(?i)^на\s+", "", text[:cut].strip())
    return body.strip(" ,;:.")


def _body(first_rest: str, rest_lines: Sequence[Line]) -> str:
    """The stamp line's own words ("УТВЕРЖДЕНО приказом директора …"), else the first descriptive line."""
    if body := _clip(first_rest):
        return body
    for line in rest_lines:
        if not _META.match(line.text) and not NAME.fullmatch(line.text) and (body := _clip(line.text)):
            return body
    return ""


def _signatory(text: str) -> str | None:
    names = [m for m in NAME.finditer(text)
             if _outside_quotes(text, m.start()) and not re.search(r"(?i)\bим\.\s*$", text[:m.start()])]
    return " ".join(names[-1].group(0).split()) if names else None


def _number(pattern: re.Pattern[str], text: str) -> str | None:
    m = pattern.search(text)
    return m.group("number").rstrip(".") if m else None


def _is_stamp(line: Line) -> bool:
    return bool(APPROVAL_KEYWORD.match(line.text)) and len(line.text) <= MAX_LINE


def _block_lines(lines: Sequence[Line], at: int) -> list[Line]:
    block = [lines[at]]
    for line in lines[at + 1:]:
        if _is_stamp(line) or len(line.text) > MAX_LINE or line.marker is not None \
                or (is_unnumbered_heading(line) and topic_role(line.text)):
            break
        block.append(line)
    return block


def _leading_stamps(text: str) -> list[re.Match[str]]:
    """The stamp words opening a line; two of them when table columns were read across."""
    stamps = []
    pos = 0
    while m := APPROVAL_KEYWORD.match(text, pos):
        stamps.append(m)
        pos = m.end() + len(text[m.end():]) - len(text[m.end():].lstrip(" :."))
    return stamps


def _blocks_of(text: str, block: list[Line]) -> list[ApprovalBlock]:
    first = block[0]
    stamps = _leading_stamps(first.text)
    start, end = first.start, block[-1].end
    span = " ".join(line.text for line in block)  # wrapped lines read as one: "приказ от «31» августа 2023\nгода № 49"
    body = _body(first.text[stamps[-1].end():].strip(" :."), block[1:])
    dates = tuple(find_dates(text, start, end))
    shared = len(stamps) > 1
    result = []
    for m in stamps:
        kind = _kind(m.group(1))
        approves = kind == "approved" or not shared
        result.append(ApprovalBlock(
            kind=kind, start=start, end=end, body=body,
            protocol_number=_number(PROTOCOL, span) if kind != "approved" or not shared else None,
            order_number=_number(ORDER, span) if approves else None,
            dates=dates, signatory=_signatory(span) if approves else None))
    return result


def find_approvals(text: str, header: Sequence[Line]) -> tuple[ApprovalBlock, ...]:
    """The approval blocks among the header lines (before the title or body)."""
    blocks: list[ApprovalBlock] = []
    i = 0
    while i < len(header):
        if _is_stamp(header[i]):
            lines = _block_lines(header, i)
            blocks.extend(_blocks_of(text, lines))
            i += len(lines)
        else:
            i += 1
    return tuple(blocks)
