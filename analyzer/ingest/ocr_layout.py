"""From OCR words back to printed lines, as a text layer would give them.

Tesseract's lines run across the whole page, so the two columns of an
approval table («ПРИНЯТО … | УТВЕРЖДАЮ …») come out side by side. A line is
cut where a gap wider than ``COLUMN_GAP`` word heights opens; two or more
lines cut at the same place are a table, read column by column as pdfium reads
a typed one (a single wide gap is only justified text). A list
bullet that OCR reads as punctuation («‚», «.», «›», «х») becomes «•»; a digit
read for a letter inside a Russian word («0б», «3адачи») is mended when that
makes a dictionary word. Each
line sits on the baseline of its words (the lower quartile of the bottoms of
words with two letters or more, so descenders and dashes do not move it), and
every line of a page has the page's font size, so that line spacing compares.
"""
from __future__ import annotations

import dataclasses
import itertools
import re
from statistics import median

from analyzer.ingest.pdf_layout import Line
from analyzer.lexicon import morph
from analyzer.model import OcrPage, OcrWord

COLUMN_GAP = 4.0          # in median word heights: wider is a gap between table columns
_BULLET_READINGS = re.compile(r"[.,‚·•*°›»«~_\-–—©®@хХxX]{1,2}")
_LETTERS = re.compile(r"\w\w")
_DIGIT_IN_WORD = re.compile(r"(?<!\w)(?=\w*[А-Яа-яЁё])(?=\w*[036])[\wА-Яа-яЁё]+(?!\w)")
_LONE_ZERO = re.compile(r"(?<=[а-яё] )0(?= [а-яё])")     # «и 0 защите»: the preposition «о»
_DIGIT_LETTERS = (str.maketrans("036", "озб"), str.maketrans("036", "ОЗБ"))
_FONT_PER_BOX = 0.7       # a word box is about 0.7 of the font size (cap height plus descender)

Segment = list[OcrWord]


def _rows(page: OcrPage) -> list[Segment]:
    rows: dict[int, Segment] = {}
    for word in page.words:
        rows.setdefault(word.line, []).append(word)
    return list(rows.values())


def _split(row: Segment, gap: float) -> list[Segment]:
    segments = [[row[0]]]
    for prev, word in itertools.pairwise(row):
        if word.left - (prev.left + prev.width) > gap:
            segments.append([])
        segments[-1].append(word)
    return segments


def _column_start(rows: list[Segment], i: int, gap: float) -> float | None:
    """Where the right column starts when rows ``i`` and ``i + 1`` are both cut there (a table, not a wide gap
    in one justified line); None otherwise."""
    if i + 1 >= len(rows):
        return None
    here, below = _split(rows[i], gap), _split(rows[i + 1], gap)
    if len(here) < 2 or len(below) < 2 or abs(here[1][0].left - below[1][0].left) > gap / COLUMN_GAP * 1.5:
        return None
    return min(here[1][0].left, below[1][0].left)


def _reading_order(rows: list[Segment], gap: float) -> list[Segment]:
    """Rows in order; a run of rows cut in two at the same place is read left column first, then right."""
    out: list[Segment] = []
    i = 0
    while i < len(rows):
        right_left = _column_start(rows, i, gap)
        if right_left is None:
            out.append(rows[i])
            i += 1
            continue
        left_col: list[Segment] = []
        right_col: list[Segment] = []
        while i < len(rows):
            parts = _split(rows[i], gap)
            if len(parts) >= 2:
                left_col.append(parts[0])
                right_col.append([w for p in parts[1:] for w in p])
            elif abs(parts[0][0].left - right_left) <= gap:
                right_col.append(parts[0])
            elif parts[0][-1].left + parts[0][-1].width < right_left - gap:
                left_col.append(parts[0])
            else:
                break
            i += 1
        out += left_col + right_col
    return out


def _repair(text: str) -> str:
    """Digits OCR put for look-alike letters inside a Russian word («0б» → «об»), when that makes a known word."""
    def fix(m: re.Match[str]) -> str:
        word = m.group(0)
        upper = sum(c.isupper() for c in word) > len(word) / 2
        mended = word.translate(_DIGIT_LETTERS[upper])
        return mended if not any(c.isdigit() for c in mended) and morph().word_is_known(mended.lower()) else word
    return _LONE_ZERO.sub("о", _DIGIT_IN_WORD.sub(fix, text))


def _bullet(segment: Segment, height: float) -> Segment:
    first = segment[0]
    if len(segment) > 1 and _BULLET_READINGS.fullmatch(first.text) and first.width <= 1.2 * height \
            and segment[1].text[:1].isalpha():
        return [OcrWord("•", first.conf, first.left, first.top, first.width, first.height, first.line), *segment[1:]]
    return segment


def page_lines(page: OcrPage, offset: tuple[float, float] = (0.0, 0.0)) -> list[Line]:
    """The page's recognised lines in PDF points, y upwards (as pdfium reports a text layer).

    ``offset`` (points) places a region's words on their page.
    """
    lettered = [w for w in page.words if _LETTERS.search(w.text)] or list(page.words)
    if not lettered:
        return []
    height = median(w.height for w in lettered)
    scale = 72.0 / page.dpi
    size = height * scale / _FONT_PER_BOX     # one size per page: a line's own word heights vary with its letters
    lines = []
    for segment in _reading_order(_rows(page), COLUMN_GAP * height):
        segment = _bullet(segment, height)
        words = [w for w in segment if _LETTERS.search(w.text)] or segment
        bottoms = sorted(w.top + w.height for w in words)
        baseline = offset[1] - bottoms[len(bottoms) // 4] * scale
        lines.append(Line(
            text=_repair(" ".join(w.text for w in segment)), page=page.page,
            left=offset[0] + segment[0].left * scale,
            right=offset[0] + max(w.left + w.width for w in segment) * scale,
            top=baseline, bottom=baseline,
            size=size))
    return lines


_LETTER_MARKER = re.compile(r"([А-ЯЁа-яё])\)(?=\s)")


def mend_markers(pages: list[list[Line]], ocr_pages: set[int]) -> list[list[Line]]:
    """Letter items («А)», «Б)» …) in one case: OCR reads «Д)» as «д)» among capital siblings.

    Only lines of OCR'd pages are mended, to the case most of the document's letter items have.
    """
    cases = [m.group(1).isupper() for page in pages for line in page if (m := _LETTER_MARKER.match(line.text))]
    if not cases or sum(cases) * 2 <= len(cases):
        return pages
    return [[dataclasses.replace(line, text=line.text[0].upper() + line.text[1:])
             if line.page in ocr_pages and _LETTER_MARKER.match(line.text) else line for line in page]
            for page in pages]
