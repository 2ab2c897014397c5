"""Logical lines: the physical lines of ``Document.text`` with the lines a
sentence was wrapped onto joined back (PDF-like text, "ИКОП\\n«Сферум»"),
markdown markers stripped, and the opening marker of each line recognised.

A line continues the previous one when it starts in lower case, with a
quote or a bracket after an unfinished sentence, when the previous line
stops on a preposition, comma or hyphen, or, in hard-wrapped text, when the
previous line ran to the wrap width. Headings in capitals wrapped over two
lines are joined too. Blank lines carry no meaning.
"""
from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, replace
from functools import lru_cache

from analyzer.structure.numbering import Marker, find_marker
from analyzer.structure.roles import topic_role
from analyzer.structure.words import has_predicate, pos, words

APPROVAL_KEYWORD = re.compile(
    r"(?i)(?<![а-яё])(принят[оаы]?|утверждаю|утвержд[её]н[оаы]?|согласован[оаы]?|рассмотрен[оаы]?)(?![а-яё])")
ACT_KIND = re.compile(
    r"(?i)(положение|порядок|правила|инструкция|регламент|методические\s+рекомендации)(?![а-яё])")

_PREFIX = re.compile(r"(?P<indent>[ \t]*)(?:\[bookmark:[^\]]*\]\s*)*(?P<md>#{1,6}[ \t]+)?(?:(?:\*\*|__)[ \t]*)?")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_EMPHASIS = re.compile(r"\*\*|__")
_TRAILING = re.compile(r"(?:[ \t]|\*\*|__)+$")
_INITIALS_END = re.compile(r"(?:\b[А-ЯЁA-Z]|(?<![а-яёa-z])(?:г|гг|им|ст|п|пп|ул))\.$")
_SENTENCE_END = ".;:!?"
_FUNCTION_POS = frozenset({"PREP", "CONJ", "PRCL"})
HARD_WRAP_WIDTH = 110
# A lower-case line after "…:" or after a list item "…;" is a list item whose marker is missing.
IMPLICIT_ITEM = Marker("bullet", "", (), 0, 0)


@dataclass(frozen=True)
class Line:
    start: int              # the marker (or the text) in Document.text
    end: int                # end of the last physical line, markdown and blanks stripped
    text_start: int         # the text after the marker
    text: str               # that text, physical lines joined by spaces, markdown removed
    marker: Marker | None
    indent: int
    emphasis: bool          # a markdown heading ("## …")
    last_width: int = 0     # width of the last physical line

    @property
    def style(self) -> str | None:
        return self.marker.style if self.marker else None


def clean(text: str) -> str:
    """Markdown links and emphasis removed, whitespace collapsed."""
    return " ".join(_EMPHASIS.sub("", _LINK.sub(r"\1", text)).split())


def is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def heading_like(text: str, allow_colon: bool = False) -> bool:
    """A short noun phrase: "Общие положения", "ПРАВА", "Организация работы …:"."""
    text = text.strip()
    tokens = words(text)
    if not tokens or len(text) > 200 or len(tokens) > 20 or text[0].islower():
        return False
    if text[-1] in ";," or (text[-1] == ":" and not allow_colon):
        return False
    if text[-1] == "." and (len(tokens) > 6 or ". " in text):
        return False
    return is_caps(text) or not has_predicate(text)


def is_unnumbered_heading(line: Line) -> bool:
    return (line.marker is None and heading_like(line.text)
            and (is_caps(line.text) or line.emphasis or topic_role(line.text) is not None))


def _is_heading(line: Line) -> bool:
    if line.marker is None:
        return is_unnumbered_heading(line)
    return line.marker.style in ("dotted", "roman") and line.marker.depth == 1 and heading_like(line.text, True)


def _opens_block(line: Line) -> bool:
    """Lines that never continue another: approval stamps and act titles."""
    return bool(APPROVAL_KEYWORD.match(line.text)
                or (ACT_KIND.match(line.text) and line.marker is None and not has_predicate(line.text)))


def _physical(text: str) -> list[Line]:
    found = []
    for m in re.finditer(r"[^\n]+", text):
        raw = m.group(0)
        prefix = _PREFIX.match(raw)
        content = prefix.end()
        tail = _TRAILING.search(raw)
        stop = tail.start() if tail else len(raw)
        if stop <= content:
            continue
        marker = find_marker(raw[:stop], content)
        text_at = marker.text_start if marker else content
        found.append(Line(start=m.start() + content, end=m.start() + stop, text_start=m.start() + text_at,
                          text=clean(raw[text_at:stop]), marker=marker,
                          indent=len(prefix.group("indent").expandtabs(4)), emphasis=bool(prefix.group("md")),
                          last_width=stop))
    return found


def _ends_sentence(text: str) -> bool:
    return text[-1:] in _SENTENCE_END and not (text.endswith(".") and _INITIALS_END.search(text))


@dataclass(frozen=True)
class _Layout:
    hard_wrapped: bool      # lines were cut at a fixed width (PDF-like text)
    width: float            # the wrap width: 90th percentile of line widths

    @classmethod
    def of(cls, lines: list[Line]) -> _Layout:
        widths = [line.last_width for line in lines]
        width = statistics.quantiles(widths, n=10)[-1] if len(widths) >= 10 else float(max(widths, default=0))
        return cls(len(widths) >= 10 and width <= HARD_WRAP_WIDTH, width)

    def cut(self, prev: Line, nxt: Line) -> bool:
        """``prev`` stops mid-sentence at the wrap width; a heading seldom runs to the width."""
        share = 0.85 if _is_heading(prev) else 0.6
        return (self.hard_wrapped and prev.last_width >= share * self.width
                and not _ends_sentence(prev.text) and prev.text[-1:] not in ";:"
                and not APPROVAL_KEYWORD.match(prev.text) and not (is_unnumbered_heading(nxt) and topic_role(nxt.text)))


def _after_marker(prev: Line, nxt: Line, cut: bool) -> str:
    """A marker at a line start is text when a sentence runs on: "пунктом\n2.1. настоящего", "сервис\n— это"."""
    first = nxt.text[:1]
    dash = nxt.marker.style == "bullet" and nxt.marker.written in "—–-" and (
        first.islower() or (prev.style == "bullet" and prev.marker.written != nxt.marker.written))
    lower_after = nxt.marker.style != "bullet" and first.islower() and not _ends_sentence(prev.text)
    return "join" if lower_after or (dash and cut) else "new"


def _after_list_mark(prev: Line, nxt: Line, after: Line | None, layout: _Layout) -> str:
    """A lower-case line after "…:" or "…;": a list item without its marker, or the same sentence."""
    if prev.style == "bullet":  # a marked bullet wraps; a marker-less item is followed by the next
        listed = not prev.marker.written
    elif prev.text.endswith(";"):
        listed = False
    elif layout.hard_wrapped:  # wrapped items are recognised only by their ";"
        listed = nxt.text.endswith(";")
    else:
        listed = nxt.text[-1:] in ";:" or (after is not None and after.marker is None and after.text[:1].islower())
    return "item" if listed else "join"


def _after_text(prev: Line, nxt: Line) -> str:
    first = nxt.text[:1]
    if _is_heading(prev):
        caps_wrap = is_caps(prev.text) and is_caps(nxt.text) and topic_role(nxt.text) is None
        return "join" if first.islower() or caps_wrap else "new"
    if is_unnumbered_heading(nxt) or prev.text[-1:] in ";:":
        return "new"
    if _ends_sentence(prev.text):
        return "join" if first.islower() else "new"
    last = prev.text.split()[-1]
    wrapped = (first.islower() or not first.isalpha() or prev.text[-1] in ",-"
               or (last.isalpha() and pos(last) in _FUNCTION_POS))
    return "join" if wrapped else "new"


def _relation(prev: Line, nxt: Line, after: Line | None, layout: _Layout) -> str:
    """How ``nxt`` follows ``prev``: "join" (same sentence), "item" (a list item without a marker) or "new"."""
    cut = layout.cut(prev, nxt)
    if _opens_block(nxt):
        return "new"
    if nxt.marker is not None:
        return _after_marker(prev, nxt, cut)
    if cut:
        return "join"
    if _opens_block(prev):
        return "join" if nxt.text[:1].islower() else "new"
    if nxt.text[:1].islower() and prev.text[-1:] in ":;":
        return _after_list_mark(prev, nxt, after, layout)
    return _after_text(prev, nxt)


def _join(prev: Line, nxt: Line) -> Line:
    # "информационно-\nкоммуникационной" is one word again.
    glue = "" if nxt.marker is None and re.search(r"\w-$", prev.text) and nxt.text[:1].isalpha() else " "
    tail = f"{nxt.marker.written} {nxt.text}" if nxt.marker else nxt.text
    return Line(start=prev.start, end=nxt.end, text_start=prev.text_start, text=f"{prev.text}{glue}{tail}".strip(),
                marker=prev.marker, indent=prev.indent, emphasis=prev.emphasis, last_width=nxt.last_width)


def logical_lines(text: str) -> tuple[Line, ...]:
    """The logical lines of ``text`` in order."""
    physical = _physical(text)
    layout = _Layout.of(physical)
    lines: list[Line] = []
    for i, line in enumerate(physical):
        after = physical[i + 1] if i + 1 < len(physical) else None
        relation = _relation(lines[-1], line, after, layout) if lines else "new"
        if relation == "join":
            lines[-1] = _join(lines[-1], line)
        else:
            lines.append(replace(line, marker=IMPLICIT_ITEM) if relation == "item" else line)
    return tuple(lines)


@lru_cache(maxsize=4)
def unwrapped(text: str) -> str:
    """``text`` with the line breaks inside a wrapped sentence turned into spaces (same length), so that
    a phrase broken by a hard wrap («канал\\nшколы») reads as one; paragraph breaks stay."""
    parts, pos = [], 0
    for line in logical_lines(text):
        parts += [text[pos:line.start], text[line.start:line.end].replace("\n", " ")]
        pos = line.end
    parts.append(text[pos:])
    return "".join(parts)
