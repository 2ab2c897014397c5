"""Recognition of the marker that opens a line: a clause number ("1.", "1.1",
"3.Права"), a Roman heading number ("II."), a lettered or parenthesised
item ("А)", "а)", "1)") or a bullet ("-", "•", "·" …). A bullet followed by a
number ("- 3.1. …", markdown lists) gives the number.

A marker may stand alone at the end of the line ("2.1.", "-" on a line of
their own in narrowly wrapped text); its text then starts on the next line.
Dates (01.09.2021), amounts (3.5 %), "№ 2040" and bare numbers are not markers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from analyzer.vocabulary import RU_LETTERS, NumberingStyle

BULLETS = "-–—‒―−•·∙◦▪▫■□●○◆◇►▸➢➤✓✔❖⁃*o" + "".join(chr(c) for c in range(0xF000, 0xF100))
_LATIN_TO_CYRILLIC = str.maketrans("abcehkmoptxyABCEHKMOPTXY", "авсенкмортхуАВСЕНКМОРТХУ")

_DOTTED = re.compile(r"(\d{1,2}(?:\.\d{1,2}){0,3})(\.?)")
_ROMAN = re.compile(r"([IVXІХ]{1,7})\.(?:\s+(?=\S)|$)")
_ROMAN_VALUE = re.compile(r"^X{0,3}(IX|IV|V?I{0,3})$")
_LETTER = re.compile(r"([А-ЯЁа-яёA-Za-z])\)\s*")
_PAREN = re.compile(r"(\d{1,2})\)\s*")
_BULLET = re.compile(rf"([{re.escape(BULLETS)}])(?:\s+(?=\S)|$)")
_QUOTES = "«\"“„'"


@dataclass(frozen=True)
class Marker:
    style: NumberingStyle
    written: str               # as written: "1.1.", "4.1", "А)", "-"
    parts: tuple[int, ...]     # (1, 1) for "1.1"; (2,) for "Б)" and "2)"; () for a bullet
    start: int                 # offset of the marker within the line
    text_start: int            # offset of the text after it

    @property
    def depth(self) -> int:
        return len(self.parts)


def _dotted(line: str, pos: int) -> Marker | None:
    m = _DOTTED.match(line, pos)
    if not m:
        return None
    components = m.group(1).split(".")
    if any(len(c) > 1 and c[0] == "0" for c in components):
        return None
    has_dot = bool(m.group(2))
    if len(components) == 1 and not has_dot:
        return None
    rest = line[m.end():]
    if rest[:1].isdigit():
        return None
    if rest and not rest[0].isspace() and not (has_dot and (rest[0].isupper() or rest[0] in _QUOTES)):
        return None
    text_start = m.end() + len(rest) - len(rest.lstrip())
    return Marker("dotted", m.group(0), tuple(int(c) for c in components), pos, text_start)


def _roman_value(numeral: str) -> int | None:
    numeral = numeral.replace("І", "I").replace("Х", "X")
    if not _ROMAN_VALUE.match(numeral):
        return None
    values = {"I": 1, "V": 5, "X": 10}
    total = 0
    for i, ch in enumerate(numeral):
        v = values[ch]
        total += -v if i + 1 < len(numeral) and values[numeral[i + 1]] > v else v
    return total or None


def letter_value(letter: str) -> int:
    """Position of an item letter in its alphabet; OCR's Latin look-alikes count as Cyrillic."""
    letter = letter.translate(_LATIN_TO_CYRILLIC).lower()
    if letter in RU_LETTERS:
        return RU_LETTERS.index(letter) + 1
    if "a" <= letter <= "z":
        return ord(letter) - ord("a") + 1
    return 0


def _numbered(line: str, pos: int) -> Marker | None:
    marker = _dotted(line, pos)
    if marker:
        return marker
    if m := _ROMAN.match(line, pos):
        value = _roman_value(m.group(1))
        if value:
            return Marker("roman", m.group(1) + ".", (value,), pos, m.end())
    if m := _PAREN.match(line, pos):
        return Marker("paren", m.group(1) + ")", (int(m.group(1)),), pos, m.end())
    if m := _LETTER.match(line, pos):
        letter = m.group(1)
        style: NumberingStyle = "letter_upper" if letter.isupper() else "letter_lower"
        return Marker(style, letter + ")", (letter_value(letter),), pos, m.end())
    return None


def find_marker(line: str, pos: int = 0) -> Marker | None:
    """The marker opening ``line`` at ``pos``, or None for plain text."""
    if m := _BULLET.match(line, pos):
        inner = _numbered(line, m.end())
        if inner and inner.style == "dotted":
            return inner
        return Marker("bullet", m.group(1), (), pos, m.end())
    return _numbered(line, pos)
