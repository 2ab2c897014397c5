"""Logical lines: the physical lines of ``Document.text`` with the lines a
sentence was wrapped onto joined back (PDF-like text, "ИКОП\\n«Сферум»"),
markdown markers stripped, and the opening marker of each line recognised.

A line continues the previous one when it starts in lower case, with a
quote or a bracket after an unfinished sentence, or when the previous line
stops on a comma, a hyphen, a preposition or an adjective. In hard-wrapped
text (PDF text layers, narrow columns, one word a line) a line also
continues the previous one when that was cut: the first word of the line
would not have fitted on it (capitals count wide, and a text layer that
breaks lines anywhere makes every line a possible cut). A blank line is a
paragraph break there unless blank lines stand between all lines.

What narrow wrapping does to markers and headings is undone: a marker alone
on its line ("2.1.", "-", "А)") takes the next line as its text, a dash
that did not fit or stands in an open bracket ("(далее\\n– ИКОП …)") is
text, a heading keeps its wrapped words but not the sentence after it
("2. Порядок работы с Платформой" / "Администратор выстраивает …"), and a
marker-less list item runs over lines to its ";".
"""
from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from analyzer.structure.numbering import Marker, find_marker
from analyzer.structure.roles import PARTICIPANT_ROLES, cue_role, topic_role
from analyzer.structure.words import has_predicate, pos, words

APPROVAL_KEYWORD = re.compile(
    r"(?i)(?<![а-яё])(принят[оаы]?|утверждаю|утвержд[её]н[оаы]?|согласован[оаы]?|рассмотрен[оаы]?)(?![а-яё])")
ACT_KIND = re.compile(
    r"(?i)(положение|порядок|правила|инструкция|регламент|методические\s+рекомендации)(?![а-яё])")

_PREFIX = re.compile(r"\s*(?P<md>#{1,6}[ \t]+)?(?:(?:\*\*|__)[ \t]*)?")
# A DOCX bookmark left in the text ("[bookmark: _GoBack]"), possibly wrapped over lines.
_BOOKMARK = re.compile(r"\[bookmark:[^\]]{0,80}\]")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_EMPHASIS = re.compile(r"\*\*|__")
# Blanks and emphasis marks ending a line, matched on the reversed line: a search for them at the end would
# try every position of the line. (The marks read the same reversed.)
_TRAILING_REVERSED = re.compile(r"(?:[ \t]|\*\*|__)+")
_INITIALS_END = re.compile(r"(?:\b[А-ЯЁA-Z]|(?<![а-яёa-z])(?:г|гг|им|ст|п|пп|ул))\.$")
_SENTENCE_END = ".;:!?"
# Words a sentence does not stop on: prepositions, conjunctions, particles, and adjectives before their noun.
_HANGING_POS = frozenset({"PREP", "CONJ", "PRCL", "ADJF", "PRTF"})
HARD_WRAP_WIDTH = 110  # lines no wider than this are wrapped
WRAPPED_SHARE = 0.2    # or so many lines wrapped just under the width
LOOKAHEAD = 24         # physical lines looked at past a break: a heading or a list item wrapped word by word
MAX_JOINED = 5000      # characters of a logical line; no sentence is longer, and joining past it costs its length
CAPITAL_WIDTH = 1.4    # a capital letter against a small one
FONT_PLAY = 0.1        # letters differ in width: a line this share shorter may still have been full
RAGGED = 0.25          # a line this share of the width short of it, where the sentence runs on, was not cut
RAGGED_SHARE = 0.25    # so many such lines: the text layer broke lines anywhere
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
    first_width: float = 0  # width of the first word (or marker) of the first physical line, capitals wide
    gap: bool = False       # a blank line stands before it

    @property
    def style(self) -> str | None:
        return self.marker.style if self.marker else None

    @property
    def written(self) -> str:
        """The marker as written ("2.1.", "а)", "—"); empty for a line without one."""
        return self.marker.written if self.marker else ""


def clean(text: str) -> str:
    """Markdown links and emphasis removed, whitespace collapsed."""
    if "](" in text:
        text = _LINK.sub(r"\1", text)
    if "**" in text or "__" in text:
        text = _EMPHASIS.sub("", text)
    return " ".join(text.split())


def is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def heading_like(text: str, allow_colon: bool = False) -> bool:
    """A short noun phrase: "Общие положения", "ПРАВА", "Организация работы …:"."""
    text = text.strip()
    if len(text) > 200:
        return False
    tokens = words(text)
    if not tokens or len(tokens) > 20 or text[0].islower():
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


def _opens_block(line: Line, runs_on: bool) -> bool:
    """Lines that never continue another: approval stamps and act titles; a title word in capitals, or
    where the line before may not run on: "утверждается\nПоложение об …", "Настоящее\nПоложение" are text."""
    if not line.text[:1].isupper():
        return False
    if APPROVAL_KEYWORD.match(line.text):
        return True
    kind = ACT_KIND.match(line.text)
    return bool(kind and line.marker is None and (is_caps(kind.group(1)) or not runs_on)
                and not has_predicate(line.text))


def _stamp_word(line: Line) -> bool:
    """"УТВЕРЖДАЮ", "Утверждено:": a stamp word alone, which the next line does not continue."""
    m = APPROVAL_KEYWORD.match(line.text)
    return m is not None and not line.text[m.end():].strip(" .:")


def _width(word: str) -> float:
    """The width of a word in letters; a capital takes more room in a proportional font ("ИКОП")."""
    return len(word) + (CAPITAL_WIDTH - 1) * sum(map(str.isupper, word))


def _physical(text: str) -> list[Line]:
    found: list[Line] = []
    # Bookmarks read as blanks, which do not count as indent.
    scan = _BOOKMARK.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    for m in re.finditer(r"[^\n]+", scan):
        raw = m.group(0)
        original = text[m.start():m.end()]
        indent = original[:len(original) - len(original.lstrip(" \t"))]
        prefix = _PREFIX.match(raw)
        assert prefix is not None   # every part of _PREFIX is optional
        content = prefix.end()
        tail = _TRAILING_REVERSED.match(raw[::-1])
        stop = len(raw) - (tail.end() if tail else 0)
        if stop <= content:
            continue
        marker = find_marker(raw[:stop], content)
        text_at = marker.text_start if marker else content
        line = Line(start=m.start() + content, end=m.start() + stop, text_start=m.start() + text_at,
                    text=clean(raw[text_at:stop]), marker=marker,
                    indent=len(indent.expandtabs(4)), emphasis=bool(prefix.group("md")),
                    last_width=stop, first_width=_width(next(iter(raw[content:stop].split(None, 1)), "")),
                    gap=bool(found) and text.count("\n", found[-1].end, m.start()) > 1)
        mark = found[-1] if found and found[-1].marker is not None and not found[-1].text else None
        if mark and (marker is None or (mark.style == "bullet" and marker.style == "dotted")):
            # "2.1." / "-" alone on its line: this line is its text; "-" / "1.2. …" is clause 1.2
            line = replace(line, start=mark.start, marker=marker or mark.marker, indent=mark.indent,
                           emphasis=mark.emphasis or line.emphasis, first_width=mark.first_width, gap=mark.gap)
            found.pop()
        found.append(line)
    return found


def _ends_sentence(text: str) -> bool:
    # an initial or an abbreviation ends the text: at most its last three characters (the look-behinds see before)
    return text[-1:] in _SENTENCE_END and not (text.endswith(".") and _INITIALS_END.search(text, len(text) - 3))


def _opens_sentence(text: str) -> bool:
    """Starts with a capitalised word ("Администратор"), not an abbreviation, a quote or a number."""
    return text[:1].isupper() and text[1:2].islower()


def _continues_colon(line: Line) -> bool:
    """After a colon, neither a list item nor a sentence: "данных администратора:\nФ.И.О. …", "«Учительская»"."""
    first = line.text[:1]
    return line.marker is None and not first.islower() and not _opens_sentence(line.text)


def _hangs(text: str) -> bool:
    """The line stops where a sentence cannot: on a comma, a hyphen, a preposition, an adjective."""
    last = (text.rsplit(None, 1) or [""])[-1]
    return text[-1:] in ",-" or (last.isalpha() and pos(last) in _HANGING_POS)


def _sentence_end(ahead: Sequence[Line]) -> int:
    """The index of the line ending the sentence begun at ``ahead[0]``, or of the last before a marker."""
    for i, line in enumerate(ahead):
        if i and line.marker is not None:
            return i - 1
        if _ends_sentence(line.text):
            return i
    return len(ahead) - 1


def _opening(lines: Sequence[Line], chars: int = 40) -> str:
    """The text of the first lines, about ``chars`` long: a heading wrapped over lines ("Общие" / "положения")."""
    parts: list[str] = []
    for line in lines:
        parts.append(line.text)
        if sum(map(len, parts)) >= chars:
            break
    return " ".join(parts)


def _opens_section(ahead: Sequence[Line]) -> bool:
    """A capitalised line that opens a section of its own, whatever the line before: a topic heading, maybe
    wrapped ("Общие" / "положения"), or a participant's list ("Родитель (законный представитель) …:")."""
    if not ahead[0].text[:1].isupper():
        return False
    if topic_role(_opening(ahead)):
        return True
    end = _sentence_end(ahead)
    return ahead[end].text.endswith(":") and cue_role(_opening(ahead[:end + 1])) in PARTICIPANT_ROLES


def _cut_width(lines: list[Line], width: float) -> float:
    """How wide a line and the next word must be for the line to have been cut there.

    Where the sentence runs on (the next line starts in lower case), the word that went down did not fit:
    a monospaced wrap leaves no line short of the width, a proportional font a few letters short. A text
    layer that breaks lines anywhere (a justified line as single words) leaves many far short; there the
    width tells nothing and any line may have been cut.
    """
    over = [a.last_width + 1 + b.first_width - width for a, b in pairwise(lines)
            if b.marker is None and b.text[:1].islower() and a.text[-1:].isalpha()]
    near = [o for o in over if o >= -RAGGED * width]
    if len(near) < (1 - RAGGED_SHARE) * len(over):
        return 0.0
    short = statistics.quantiles(near, n=20)[0] if len(near) >= 10 else 0.0
    return width + min(0.0, short) - max(1.0, FONT_PLAY * width)


@dataclass(frozen=True)
class _Layout:
    hard_wrapped: bool      # lines were cut at a fixed width (PDF-like text)
    width: float            # a line this wide (with the next word) was cut: the wrap width, less a font's play
    blank_breaks: bool      # blank lines stand between paragraphs, not between every line

    @classmethod
    def of(cls, lines: list[Line]) -> _Layout:
        widths = [line.last_width for line in lines if " " in line.text]
        if len(widths) < 10:
            return cls(False, float(max(widths, default=0)), False)
        width = statistics.quantiles(widths, n=20)[-1]
        # Wrapped lines crowd just under the width; a paragraph a line spreads over all lengths.
        crowded = sum(0.8 * width <= w <= width for w in widths) >= WRAPPED_SHARE * len(widths)
        gaps = sum(line.gap for line in lines)
        return cls(width <= HARD_WRAP_WIDTH or crowded, _cut_width(lines, width), 0 < gaps < len(lines) / 2)

    def cut(self, prev: Line, ahead: Sequence[Line]) -> bool:
        """``prev`` stops mid-sentence because the first word of the next line, ``ahead[0]``, did not fit on it."""
        nxt = ahead[0]
        return (self.hard_wrapped and not (self.blank_breaks and nxt.gap)
                and prev.last_width + 1 + nxt.first_width > self.width
                and not (_ends_sentence(prev.text) and not (prev.text[-1:] == ":" and _continues_colon(nxt)))
                and not _stamp_word(prev) and not _opens_section(ahead))


def _after_marker(prev: Line, nxt: Line, cut: bool) -> str:
    """A marker at a line start is text when a sentence runs on: "пунктом\n2.1. настоящего", "сервис\n— это",
    "(далее\n– ИКОП «Сферум»)", "- VK Мессенджер\n— бесплатное …": a dash inside an open bracket, one
    other than the bullet of the unfinished item before, or one that did not fit on the line before and
    reads as no list's bullet."""
    first = nxt.text[:1]
    dash = nxt.style == "bullet" and nxt.written in "—–-"
    other_dash = (prev.style == "bullet" and prev.written != nxt.written
                  and not _ends_sentence(prev.text))
    lower_after = nxt.style != "bullet" and first.islower() and not _ends_sentence(prev.text)
    bracket = prev.text.count("(") > prev.text.count(")")
    return "join" if lower_after or (dash and (bracket or other_dash or (cut and first.islower()))) else "new"


def _after_heading(prev: Line, nxt: Line, cut: bool) -> str:
    """A heading runs on over its wrapped words; a capitalised word after a finished noun phrase opens the
    text under it ("Порядок работы с Платформой" / "Администратор выстраивает …")."""
    first = nxt.text[:1]
    caps_wrap = is_caps(prev.text) and is_caps(nxt.text) and topic_role(nxt.text) is None
    if first.islower() or caps_wrap or _hangs(prev.text):
        return "join"
    last = words(prev.text)[-1:]
    finished = prev.text[-1:] in ":»)" or (bool(last) and pos(last[0]) == "NOUN")
    return "join" if cut and not (_opens_sentence(nxt.text) and finished) else "new"


def _after_list_mark(prev: Line, ahead: Sequence[Line], layout: _Layout) -> str:
    """A lower-case line after "…:" or "…;": a list item without its marker, or the same sentence.

    An item ends with ";" (or ":") or is followed by another lower-case line. In hard-wrapped text an item
    runs over lines to the end of its sentence, and a colon there may stand inside it ("…, а именно:").
    """
    if prev.style == "bullet":  # a marked bullet wraps; a marker-less item is followed by the next
        return "item" if not prev.written else "join"
    if prev.text.endswith(";"):
        return "join"
    end = _sentence_end(ahead) if layout.hard_wrapped else 0
    last, after = ahead[end], ahead[end + 1] if end + 1 < len(ahead) else None
    closed = last.text[-1:] in (";" if layout.hard_wrapped else ";:")
    followed = after is not None and after.marker is None and after.text[:1].islower()
    return "item" if closed or followed else "join"


def _after_text(prev: Line, nxt: Line) -> str:
    first = nxt.text[:1]
    if is_unnumbered_heading(nxt) or prev.text[-1:] in ";:":
        return "new"
    if _ends_sentence(prev.text):
        return "join" if first.islower() else "new"
    return "join" if first.islower() or not first.isalpha() or _hangs(prev.text) else "new"


def _relation(prev: Line, ahead: Sequence[Line], layout: _Layout) -> str:
    """How ``ahead[0]`` follows ``prev``: "join" (same sentence), "item" (a list item without a marker) or "new".

    ``ahead`` are the physical lines from the next one on, to see a heading or an item wrapped over lines.
    """
    nxt = ahead[0]
    cut = layout.cut(prev, ahead)
    if _opens_block(nxt, cut or _hangs(prev.text)):
        return "new"
    if nxt.marker is not None:
        return _after_marker(prev, nxt, cut)
    if _opens_block(prev, False):
        return "join" if nxt.text[:1].islower() or cut else "new"
    if _is_heading(prev):
        return _after_heading(prev, nxt, cut)
    if cut:
        return "join"
    if nxt.text[:1].islower() and prev.text[-1:] in ":;":
        return _after_list_mark(prev, ahead, layout)
    return _after_text(prev, nxt)


def _join(prev: Line, nxt: Line) -> Line:
    # "информационно-\nкоммуникационной" is one word again.
    glue = "" if nxt.marker is None and re.search(r"\w-$", prev.text) and nxt.text[:1].isalpha() else " "
    tail = f"{nxt.marker.written} {nxt.text}" if nxt.marker else nxt.text
    return Line(start=prev.start, end=nxt.end, text_start=prev.text_start, text=f"{prev.text}{glue}{tail}".strip(),
                marker=prev.marker, indent=prev.indent, emphasis=prev.emphasis, last_width=nxt.last_width,
                first_width=prev.first_width, gap=prev.gap)


def logical_lines(text: str) -> tuple[Line, ...]:
    """The logical lines of ``text`` in order."""
    physical = _physical(text)
    layout = _Layout.of(physical)
    lines: list[Line] = []
    for i, line in enumerate(physical):
        relation = _relation(lines[-1], physical[i:i + LOOKAHEAD], layout) \
            if lines and len(lines[-1].text) < MAX_JOINED else "new"
        if relation == "join":
            lines[-1] = _join(lines[-1], line)
        else:
            lines.append(replace(line, marker=IMPLICIT_ITEM) if relation == "item" else line)
    return tuple(lines)


def unwrapped(text: str, lines: Sequence[Line]) -> str:
    """``text`` with the line breaks inside its logical ``lines`` turned into spaces (same length), so that
    a phrase broken by a hard wrap («канал\\nшколы») reads as one; paragraph breaks stay."""
    parts, pos = [], 0
    for line in lines:
        parts += [text[pos:line.start], text[line.start:line.end].replace("\n", " ")]
        pos = line.end
    parts.append(text[pos:])
    return "".join(parts)
