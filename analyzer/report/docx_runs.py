"""Spans of ``Document.text`` mapped back to the runs of the DOCX they came from.

The reader numbers every ``w:p`` of the body in document order (table cells and
text boxes included) and records that number in ``SourceBlock.paragraph``; a
block's text is the paragraph's visible text with Word's automatic number put
in front and spaces normalised. To map an offset back, the block's text is
aligned with the paragraph's runs from the end — the number, which no run
holds, is left over at the front. Runs are split at the span's edges, so that
a comment or a tracked change covers exactly the quoted words.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass

from docx.oxml.ns import qn
from lxml.etree import _Element

from analyzer.ingest.numbering import on_off
from analyzer.ingest.text import normalise
from analyzer.model import Document, SourceBlock

W_P, W_R, W_T, W_RPR = qn("w:p"), qn("w:r"), qn("w:t"), qn("w:rPr")
_CHARS = {qn("w:tab"): "\t", qn("w:br"): "\n", qn("w:cr"): "\n", qn("w:noBreakHyphen"): "-"}
# Containers whose runs Word does not show in this paragraph (see analyzer/ingest/docx_reader.py).
_HIDDEN = {qn(t) for t in ("w:del", "w:moveFrom", "w:txbxContent", "w:pPr")} | {
    "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"}
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _piece_text(child: _Element) -> str:
    if child.tag == W_T:
        return child.text or ""
    return _CHARS.get(child.tag, "")


def run_text(run: _Element) -> str:
    return "".join(_piece_text(c) for c in run)


def visible_runs(p: _Element) -> list[_Element]:
    """The runs whose text the reader took for paragraph ``p``, in order."""
    runs = []
    for run in p.iter(W_R):
        ancestor, hidden = run.getparent(), on_off(run.find(W_RPR), "w:vanish")
        while not hidden and ancestor is not None and ancestor is not p:
            hidden = ancestor.tag in _HIDDEN or ancestor.tag == W_R
            ancestor = ancestor.getparent()
        if not hidden:
            runs.append(run)
    return runs


def paragraph_text(p: _Element) -> str:
    return "".join(run_text(r) for r in visible_runs(p))


def align(block: str, raw: str) -> list[int]:
    """For each character of ``block``, its offset in ``raw`` (the paragraph's run text).

    ``block`` is ``raw`` with characters dropped or spaces unified, and a list
    number possibly put in front; matching from the end pairs the body and
    leaves the number, which maps to 0.
    """
    out = [0] * len(block)
    j = len(raw) - 1
    for i in range(len(block) - 1, -1, -1):
        while j >= 0 and normalise(raw[j]) != block[i]:
            j -= 1
        if j < 0:
            break
        out[i] = j
        j -= 1
    return out


def _split(run: _Element, at: int) -> None:
    """Cut ``run`` in two after ``at`` characters; the right part becomes its next sibling."""
    right = copy.deepcopy(run)
    pos = 0
    for left_child, right_child in zip(list(run), list(right)):
        if left_child.tag == W_RPR:
            continue
        size = len(_piece_text(left_child))
        if pos + size <= at:
            right.remove(right_child)
        elif pos >= at:
            run.remove(left_child)
        else:
            text = left_child.text or ""
            left_child.text, right_child.text = text[:at - pos], text[at - pos:]
            for t in (left_child, right_child):
                t.set(_XML_SPACE, "preserve")
        pos += size
    run.addnext(right)


def cut(p: _Element, offset: int) -> None:
    """Make a run boundary at ``offset`` of the paragraph's run text."""
    pos = 0
    for run in visible_runs(p):
        size = len(run_text(run))
        if pos < offset < pos + size:
            _split(run, offset - pos)
            return
        pos += size


def runs_between(p: _Element, start: int, end: int) -> list[_Element]:
    """The runs holding run-text characters ``[start, end)`` of ``p``; cut there first."""
    cut(p, start)
    cut(p, end)
    found, pos = [], 0
    for run in visible_runs(p):
        size = len(run_text(run))
        if size and start <= pos and pos + size <= end:
            found.append(run)
        pos += size
    return found


@dataclass(frozen=True)
class Anchor:
    """Where a span of ``Document.text`` lies in the DOCX: paragraph elements and run-text offsets."""

    first: _Element
    first_offset: int
    last: _Element
    last_end: int

    @property
    def one_paragraph(self) -> bool:
        return self.first is self.last


def _blocks(document: Document, start: int, end: int) -> list[SourceBlock]:
    return [b for b in document.blocks if b.paragraph is not None and b.start < max(end, start + 1) and b.end > start]


def anchor(document: Document, paragraphs: list[_Element], start: int, end: int) -> Anchor | None:
    """The paragraphs and offsets of ``[start, end)``; None when the span has no DOCX source."""
    blocks = _blocks(document, start, end)
    if not blocks:
        return None
    first, last = blocks[0], blocks[-1]
    assert first.paragraph is not None and last.paragraph is not None   # _blocks keeps DOCX paragraphs only
    p_first, p_last = paragraphs[first.paragraph], paragraphs[last.paragraph]
    first_map = align(document.text[first.start:first.end], paragraph_text(p_first))
    last_map = align(document.text[last.start:last.end], paragraph_text(p_last))
    begin = first_map[max(start, first.start) - first.start] if first_map else 0
    finish = last_map[min(end, last.end) - last.start - 1] + 1 if last_map else 0
    return Anchor(p_first, begin, p_last, finish)


def anchor_runs(found: Anchor) -> list[_Element]:
    """The runs from the anchor's start to its end, cut at both; runs in between paragraphs included."""
    if found.one_paragraph:
        return runs_between(found.first, found.first_offset, found.last_end)
    head = runs_between(found.first, found.first_offset, len(paragraph_text(found.first)))
    tail = runs_between(found.last, 0, found.last_end)
    return head + tail


def body_paragraphs(body: _Element) -> list[_Element]:
    """Every ``w:p`` of the body in document order: the reader's ``SourceBlock.paragraph`` numbering."""
    return list(body.iter(W_P))
