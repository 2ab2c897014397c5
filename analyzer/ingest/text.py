"""Canonical text: the one shape every reader's output takes.

Readers hand over ``Paragraph`` objects; ``assemble`` normalises them and
joins them with single newlines into ``Document.text``, recording one
``SourceBlock`` per paragraph. Normalisation only removes invisible
characters and unifies spaces and line breaks: letters, quotes and dashes
stay as the document wrote them, so quotes and offsets remain faithful.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from analyzer.model import Document, SourceBlock
from analyzer.vocabulary import DocumentFormat

_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff\u180e"
_SPACES = "\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_BREAKS = "\r\x0b\x0c\u2028\u2029\x85"
_CONTROLS = "".join(chr(c) for c in range(32) if chr(c) not in "\t\n\r\x0b\x0c")

_REPLACEMENT = {**{c: "" for c in _INVISIBLE + _CONTROLS}, **{c: " " for c in _SPACES}, **{c: "\n" for c in _BREAKS}}
# One pass that stops only where a character changes (str.translate with a table looks up every character).
_CHANGED = re.compile("[" + re.escape("".join(_REPLACEMENT)) + "]")

# Bullet glyphs as Word list levels and PDFs draw them, including the private-use
# code points of the Symbol and Wingdings fonts; each maps to one of three marks.
_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
BULLET_GLYPHS = _DASHES + "·•◦▪▫■□●○◆◇►▸➢➤✓✔❖⁃∙" + "ovØ" + "".join(chr(c) for c in range(0xF000, 0xF100))


def normalise(text: str) -> str:
    """Unify line breaks and spaces, drop invisible characters (see module doc)."""
    return _CHANGED.sub(lambda m: _REPLACEMENT[m.group(0)], text.replace("\r\n", "\n"))


def bullet(glyph: str) -> str:
    """The canonical mark ("-", "·" or "•") for a bullet glyph."""
    if glyph and glyph[0] in _DASHES:
        return "-"
    return "·" if glyph[:1] == "·" else "•"


@dataclass(frozen=True)
class Paragraph:
    """One paragraph as a reader found it, before it joins ``Document.text``."""

    text: str
    page: int | None = None
    index: int | None = None
    table: bool = False


def clean(text: str, *, strip_left: bool = True) -> str:
    """Normalised text with blank lines dropped and line ends trimmed."""
    text = normalise(text)
    if "\n" not in text:   # one line, as most paragraphs are: what the general case gives it
        return text.strip() if strip_left else text.rstrip()
    lines = (line.rstrip() for line in text.split("\n"))
    return "\n".join((line.lstrip() if strip_left else line) for line in lines if line.strip())


def assemble(source: str, fmt: DocumentFormat, paragraphs: Iterable[Paragraph], *, title: str | None = None,
             pages: int | None = None, warnings: Iterable[str] = (), strip_left: bool = True) -> Document:
    """Join paragraphs into a ``Document``; empty paragraphs are dropped."""
    parts: list[str] = []
    blocks: list[SourceBlock] = []
    offset = 0
    for para in paragraphs:
        text = clean(para.text, strip_left=strip_left)
        if not text:
            continue
        if parts:
            offset += 1
        blocks.append(SourceBlock(offset, offset + len(text), page=para.page,
                                  paragraph=para.index, table=para.table))
        parts.append(text)
        offset += len(text)
    title = clean(title).replace("\n", " ") if title else None
    return Document(source=source, format=fmt, text="\n".join(parts), title=title or None,
                    pages=pages, blocks=tuple(blocks), warnings=tuple(warnings))
