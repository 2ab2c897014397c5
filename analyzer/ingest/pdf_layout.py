"""From PDF lines back to paragraphs.

A PDF keeps only lines. Running headers and footers (the same line at the top
or bottom of most pages) and page numbers are dropped; then a line starts a
new paragraph when it opens with a clause number, a list item or a bullet,
when the line before ends a sentence or a list item (. ; : ! ?), or when the
line before stopped short although the next word would have fitted (so it
was not wrapped). Wrapped lines are joined with a space; a word hyphenated
across lines is joined unless it is a real compound ("Санкт-Петербург",
"информационно-коммуникационный"), judged by the document's own words and
the Russian dictionary.
"""
from __future__ import annotations

import functools
import itertools
import math
import re
from collections import Counter
from dataclasses import dataclass

import pymorphy3

from analyzer.ingest.text import BULLET_GLYPHS, Paragraph, bullet

HYPHEN_MARK = "\ufffe"   # pdfium's mark for a hyphen that ended a line
_EDGE = 2                # lines at each end of a page that may be running heads
_PAGE_NUMBER = re.compile(r"[-–—\s]*(?:стр(?:\.|аница)?\s*)?\d{1,4}(?:\s*(?:из|/)\s*\d{1,4})?[-–—\s]*",
                          re.IGNORECASE)
_MARKER = re.compile(r"(?:\d{1,2}(?:\.\d{1,2}){0,3}\.|\d{1,2}(?:\.\d{1,2}){1,3}|[А-ЯЁа-яёA-Za-z]\)|\d{1,2}\))(?=\s)")
_DASHES = "-–—"
_TERMINAL = ".;:!?"
# Endings that never close a sentence: initials, "им.", "п.", "ст.", "№" ...
_NEVER_ENDS = re.compile(r"(?:(?<!\w)[А-ЯЁA-Z]\.|(?<!\w)(?:им|п|пп|ст|ч)\.|№)$")
# "г." closes many sentences ("от 29.12.2023 г.") but is mostly followed by "№ ...".
_SELDOM_ENDS = re.compile(r"(?<!\w)гг?\.$")
_FIRST_TOKEN = re.compile(r"№\s*\S+|\S+")
_HYPHENATED = re.compile(rf"(\w*){HYPHEN_MARK}(\w*)")
_WORD = re.compile(r"\w+(?:-\w+)*")


@dataclass(frozen=True)
class Line:
    """One printed line: its text and where it sits (PDF points)."""

    text: str
    page: int
    left: float
    right: float
    top: float      # baseline of the first glyph
    bottom: float   # baseline of the last glyph (lower when pdfium joined a hyphenated pair)
    size: float     # font size

    @property
    def char_width(self) -> float:
        return (self.right - self.left) / max(len(self.text), 1)


def _running_key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.split())).lower()


def strip_running(pages: list[list[Line]]) -> list[list[Line]]:
    """Drop page numbers and lines repeated at the top or bottom of most pages."""
    counts = Counter(key for page in pages
                     for key in {_running_key(line.text) for line in page[:_EDGE] + page[-_EDGE:]})
    needed = max(2, math.ceil(len(pages) / 2))
    running = {key for key, n in counts.items() if n >= needed}
    kept = []
    for page in pages:
        last = len(page) - 1
        kept.append([line for i, line in enumerate(page)
                     if not ((i < _EDGE or i > last - _EDGE)
                             and (_running_key(line.text) in running or _PAGE_NUMBER.fullmatch(line.text)))])
    return kept


def _opens_item(text: str) -> bool:
    return bool(_MARKER.match(text)) or (
        len(text) > 1 and text[0] in BULLET_GLYPHS and text[0] not in _DASHES and text[1].isspace())


@dataclass(frozen=True)
class _Geometry:
    """What the lines of a document share: the right margin, the line pitch per font size."""

    right_edge: float
    pitch: float

    @classmethod
    def measure(cls, lines: list[Line]) -> _Geometry:
        rights = sorted(line.right for line in lines)
        pitches = sorted((a.bottom - b.top) / max(a.size, b.size, 1) for a, b in itertools.pairwise(lines)
                         if a.page == b.page and a.bottom > b.top)
        return cls(right_edge=rights[int(0.95 * (len(rights) - 1))],
                   pitch=pitches[len(pitches) // 2] if pitches else 1.2)

    def spaced(self, prev: Line, cur: Line) -> bool:
        """Whether ``cur`` stands apart from ``prev``: above it (next column) or after extra spacing."""
        if prev.page != cur.page:
            return False
        return (prev.bottom - cur.top) / max(prev.size, cur.size, 1) > 1.3 * self.pitch or cur.top > prev.bottom


def _starts_paragraph(prev: Line, cur: Line, layout: _Geometry) -> bool:
    token = _FIRST_TOKEN.match(cur.text)
    room = layout.right_edge - prev.right
    wrapped = room < (len(token.group()) + 1 if token else 1) * prev.char_width and not layout.spaced(prev, cur)
    if wrapped and _NEVER_ENDS.search(prev.text):
        return False
    if _opens_item(cur.text):
        return True
    if wrapped and _SELDOM_ENDS.search(prev.text):
        return False
    return prev.text[-1] in _TERMINAL or not wrapped


def _join(prev: str, cur: str) -> str:
    if prev.endswith(HYPHEN_MARK) or (prev.endswith("-") and prev[-2:-1].isalnum() and cur[:1].isalnum()):
        return prev[:-1] + HYPHEN_MARK + cur
    return f"{prev} {cur}"


@functools.lru_cache(maxsize=1)
def _morph() -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer()


def keep_hyphen(left: str, right: str, vocabulary: set[str]) -> bool:
    """Whether "left-" + "right" across a line break is a compound (kept) or one hyphenated word."""
    if not left or not right or right[0].isupper() or right[0].isdigit() or left[-1].isdigit():
        return True
    if f"{left}-{right}".lower() in vocabulary:
        return True
    joined = (left + right).lower()
    return joined not in vocabulary and not _morph().word_is_known(joined)


def _dehyphenate(text: str, vocabulary: set[str]) -> str:
    return _HYPHENATED.sub(
        lambda m: m[1] + ("-" if keep_hyphen(m[1], m[2], vocabulary) else "") + m[2], text)


def _canonical(text: str) -> str:
    if len(text) > 1 and text[0] in BULLET_GLYPHS and text[1].isspace():
        return bullet(text[0]) + " " + text[1:].lstrip()
    return text


def paragraphs(pages: list[list[Line]]) -> list[Paragraph]:
    """Rebuild paragraphs from the lines of all pages (running heads already dropped)."""
    lines = [line for page in pages for line in page]
    if not lines:
        return []
    layout = _Geometry.measure(lines)
    vocabulary = {w.lower() for line in lines for w in _WORD.findall(line.text)}
    groups: list[tuple[int, str]] = []
    prev: Line | None = None
    for line in lines:
        if prev is not None and not _starts_paragraph(prev, line, layout):
            page, text = groups[-1]
            groups[-1] = (page, _join(text, line.text))
        else:
            groups.append((line.page, line.text))
        prev = line
    return [Paragraph(_canonical(_dehyphenate(text, vocabulary)), page=page) for page, text in groups]
