"""Word automatic numbering, rendered as Word draws it.

``paragraph.text`` has no "1.1." when Word numbers the paragraph itself: the
number lives in ``numbering.xml``. A paragraph is numbered by a direct
``w:numPr`` or by its style's (followed through ``basedOn``); ``numId`` 0
switches numbering off. A ``w:num`` instance points at an ``abstractNum``
whose levels give the start, the format and the text ("%1.%2."); instances of
one abstractNum share its counters (Word continues such lists) unless a
``startOverride`` restarts them. A level restarts when a higher one advances,
or as ``lvlRestart`` says.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from docx.oxml.ns import qn
from lxml.etree import _Element

from analyzer.ingest.docx_parts import Styles
from analyzer.ingest.text import bullet
from analyzer.vocabulary import RU_LETTERS

LEVELS = 9
MAX_START = 32767         # Word accepts list starts up to this; larger ones are clamped
MAX_SPELLED = 1000        # letters and Roman numerals beyond this are drawn in digits (no list is that long)
_PLACEHOLDER = re.compile(r"%([1-9])")
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


class _Clark(dict[str, str]):
    """``qn`` of each prefixed tag, computed once: the lookups below run for every paragraph."""

    def __missing__(self, tag: str) -> str:
        self[tag] = qn(tag)
        return self[tag]


_QN = _Clark()


def first_child(el: _Element | None, tag: str) -> _Element | None:
    """``el.find(tag)`` for a Clark ``tag``, without ElementPath (half the time: it runs for every paragraph)."""
    return next(el.iterchildren(tag), None) if el is not None else None


def _val(el: _Element | None, child: str, default: str | None = None) -> str | None:
    found = first_child(el, _QN[child])
    return found.get(_QN["w:val"], default) if found is not None else default


def on_off(el: _Element | None, child: str) -> bool:
    """A WordprocessingML on/off property: present and not switched off by its ``w:val``."""
    found = first_child(el, _QN[child])
    return found is not None and found.get(_QN["w:val"], "1") not in ("0", "false", "off")


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _start(value: str | None) -> int:
    return min(max(_int(value, 0), 0), MAX_START)


def _letters(n: int, alphabet: str) -> str:
    # Word repeats the letter after the alphabet runs out: a, b ... z, aa, bb ...
    q, r = divmod(n - 1, len(alphabet))
    return alphabet[r] * (q + 1)


def _roman(n: int) -> str:
    out = []
    for value, digits in _ROMAN:
        count, n = divmod(n, value)
        out.append(digits * count)
    return "".join(out)


def format_number(n: int, fmt: str) -> str:
    """``n`` in a ``w:numFmt``; formats Word spells in words fall back to digits."""
    if fmt == "none":
        return ""
    if n <= 0 or fmt in ("decimal", "decimalZero") or n > MAX_SPELLED:
        return f"{n:02d}" if fmt == "decimalZero" else str(n)
    match fmt:
        case "lowerLetter":
            return _letters(n, "abcdefghijklmnopqrstuvwxyz")
        case "upperLetter":
            return _letters(n, "abcdefghijklmnopqrstuvwxyz").upper()
        case "russianLower":
            return _letters(n, RU_LETTERS)
        case "russianUpper":
            return _letters(n, RU_LETTERS).upper()
        case "lowerRoman":
            return _roman(n)
        case "upperRoman":
            return _roman(n).upper()
    return str(n)


@dataclass(frozen=True)
class Level:
    start: int = 0
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None   # lvlRestart: restart after this (1-based) level; 0 never
    legal: bool = False          # isLgl: show every level in decimal
    style: str | None = None     # paragraph style linked to this level

    @classmethod
    def parse(cls, lvl: _Element) -> Level:
        restart = _val(lvl, "w:lvlRestart")
        return cls(start=_start(_val(lvl, "w:start")), fmt=_val(lvl, "w:numFmt", "decimal") or "decimal",
                   text=_val(lvl, "w:lvlText", "") or "", restart=_int(restart, 0) if restart else None,
                   legal=on_off(lvl, "w:isLgl"),
                   style=_val(lvl, "w:pStyle"))


@dataclass(frozen=True)
class Instance:
    """A ``w:num``: its abstractNum and the levels as overridden for it."""

    abstract: str
    levels: tuple[Level | None, ...]
    restarts: tuple[int, ...]     # levels whose startOverride restarts the list here


class Numbering:
    """Counters for one document; ``label`` must see paragraphs in document order."""

    def __init__(self, numbering: _Element | None, styles: Styles | None):
        self._styles = styles if styles is not None else Styles(None)
        self._resolved: dict[str, tuple[str | None, str | None]] = {}
        abstracts = {a.get(_QN["w:abstractNumId"]): a for a in numbering.iterfind(_QN["w:abstractNum"])} \
            if numbering is not None else {}
        nums = {n.get(_QN["w:numId"]): n for n in numbering.iterfind(_QN["w:num"])} \
            if numbering is not None else {}
        self._instances: dict[str, Instance] = {}
        for num_id, num in nums.items():
            abstract_id = self._abstract_of(num, abstracts, nums)
            if abstract_id is not None:
                self._instances[num_id] = self._instance(num, abstract_id, abstracts[abstract_id])
        # Without an instance no paragraph is numbered (``_numpr``), so the styles are never read then.
        self._default_style = self._styles.default_paragraph() if self._instances else None
        self._counters: dict[str, list[int | None]] = {}
        self._used: set[str] = set()

    # -- definitions --------------------------------------------------------------------
    def _abstract_of(self, num: _Element, abstracts: dict, nums: dict) -> str | None:
        """The abstractNum holding the levels, following ``numStyleLink`` to the list style's num."""
        abstract_id = _val(num, "w:abstractNumId")
        for _ in range(LEVELS):   # a bounded walk: links may loop in broken files
            abstract = abstracts.get(abstract_id)
            if abstract is None:
                return None
            link = _val(abstract, "w:numStyleLink")
            if link is None:
                return abstract_id
            style_num, _ = self._style_numbering(link)
            abstract_id = _val(nums.get(style_num), "w:abstractNumId")
        return None

    @staticmethod
    def _instance(num: _Element, abstract_id: str, abstract: _Element) -> Instance:
        levels: list[Level | None] = [None] * LEVELS
        for lvl in abstract.iterfind(_QN["w:lvl"]):
            i = _int(lvl.get(_QN["w:ilvl"]), -1)
            if 0 <= i < LEVELS:
                levels[i] = Level.parse(lvl)
        restarts = []
        for override in num.iterfind(_QN["w:lvlOverride"]):
            i = _int(override.get(_QN["w:ilvl"]), -1)
            if not 0 <= i < LEVELS:
                continue
            lvl = override.find(_QN["w:lvl"])
            if lvl is not None:
                levels[i] = Level.parse(lvl)
            start = _val(override, "w:startOverride")
            if start is not None:
                levels[i] = replace(levels[i] or Level(), start=_start(start))
                restarts.append(i)
        return Instance(abstract_id, tuple(levels), tuple(restarts))

    def _style_numbering(self, style_id: str | None) -> tuple[str | None, str | None]:
        """The (numId, ilvl) a paragraph style sets itself or inherits through ``basedOn``.

        Resolved once per style: a chain is walked up to a style already resolved, a missing one or a
        loop, then every style on it is resolved on the way back, so a document costs its styles once.
        """
        if style_id in self._resolved:
            return self._resolved[style_id]
        chain: list[str] = []
        while style_id and style_id not in self._resolved and style_id in self._styles and style_id not in chain:
            chain.append(style_id)
            style_id = _val(self._styles[style_id], "w:basedOn")
        num_id, ilvl = self._resolved.get(style_id, (None, None)) if style_id else (None, None)
        for sid in reversed(chain):
            numpr = self._styles[sid].find(f"{_QN['w:pPr']}/{_QN['w:numPr']}")
            num_id, ilvl = _val(numpr, "w:numId") or num_id, _val(numpr, "w:ilvl") or ilvl
            self._resolved[sid] = (num_id, ilvl)
        return (num_id, ilvl) if chain else (None, None)

    def _numpr(self, p: _Element) -> tuple[str, int] | None:
        ppr = first_child(p, _QN["w:pPr"])
        direct = first_child(ppr, _QN["w:numPr"])
        style_id = _val(ppr, "w:pStyle") or self._default_style
        style_num, style_ilvl = self._style_numbering(style_id)
        num_id = _val(direct, "w:numId") or style_num
        if num_id is None or num_id == "0" or num_id not in self._instances:
            return None
        ilvl = _val(direct, "w:ilvl") or style_ilvl
        if ilvl is None:   # a style-linked level names its style
            levels = self._instances[num_id].levels
            ilvl = next((str(i) for i, lv in enumerate(levels) if lv and lv.style == style_id), "0")
        level = _int(ilvl, 0)
        return (num_id, level) if 0 <= level < LEVELS else None

    # -- counting -----------------------------------------------------------------------
    def label(self, p: _Element) -> str | None:
        """The number or bullet Word shows before paragraph ``p``, advancing the counters."""
        found = self._numpr(p) if self._instances else None
        if found is None:
            return None
        num_id, ilvl = found
        inst = self._instances[num_id]
        level = inst.levels[ilvl]
        if level is None:
            return None
        counters = self._counters.setdefault(inst.abstract, [None] * LEVELS)
        if num_id not in self._used:
            self._used.add(num_id)
            for i in inst.restarts:
                counters[i] = None
        if level.fmt == "bullet":
            return bullet(level.text) if level.text.strip() else None
        for higher in range(ilvl):   # a deeper item fixes the shown higher numbers: "1.1" then "2."
            if counters[higher] is None:
                counters[higher] = (inst.levels[higher] or Level()).start
        current = counters[ilvl]
        counters[ilvl] = current + 1 if current is not None else level.start
        for deeper in range(ilvl + 1, LEVELS):
            below = inst.levels[deeper]
            restart = below.restart if below else None
            if restart is None or (restart and ilvl < restart):
                counters[deeper] = None

        def value(m: re.Match[str]) -> str:
            i = int(m.group(1)) - 1
            shown = inst.levels[i] or Level()
            count = counters[i]
            return format_number(shown.start if count is None else count, "decimal" if level.legal else shown.fmt)

        return _PLACEHOLDER.sub(value, level.text).strip() or None
