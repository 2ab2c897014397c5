"""Word tracked changes (revisions): insertions and deletions the reader of
the draft accepts or rejects one by one in Word's review pane.

A revision is ``w:ins`` / ``w:del`` with ``w:id``, ``w:author`` and
``w:date``; deleted text is ``w:delText``. An inserted paragraph also marks
its paragraph mark inserted (``w:pPr/w:rPr/w:ins``), so that rejecting it
leaves no empty paragraph behind.
"""
from __future__ import annotations

import copy
import datetime as dt
import itertools

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml.etree import _Element

from analyzer.report.docx_runs import W_RPR, W_T

AUTHOR = "reglint"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_DROP_FROM_PPR = {qn(t) for t in ("w:sectPr", "w:pPrChange", "w:rPr")}


class Revisions:
    """Makes revision elements with unique ids, one author and one date."""

    def __init__(self, when: dt.datetime | None = None, first_id: int = 1):
        when = when or dt.datetime.now(dt.UTC)
        self.date = when.strftime("%Y-%m-%dT%H:%M:%SZ")
        self._ids = itertools.count(first_id)

    def mark(self, tag: str) -> _Element:
        return OxmlElement(tag, attrs={qn("w:id"): str(next(self._ids)), qn("w:author"): AUTHOR,
                                       qn("w:date"): self.date})

    def text_run(self, text: str, like: _Element | None) -> _Element:
        """A run with ``text``, formatted as the run ``like``."""
        run = OxmlElement("w:r")
        props = like.find(W_RPR) if like is not None else None
        if props is not None:
            run.append(copy.deepcopy(props))
        t = OxmlElement("w:t")
        t.text = text
        t.set(_XML_SPACE, "preserve")
        run.append(t)
        return run

    def insert_paragraph_after(self, anchor: _Element, text: str, like: _Element | None = None) -> _Element:
        """A new paragraph after ``anchor``, formatted like ``like`` (default: ``anchor``),
        its text and paragraph mark tracked as inserted."""
        like = anchor if like is None else like
        p = OxmlElement("w:p")
        props = like.find(qn("w:pPr"))
        p_props = copy.deepcopy(props) if props is not None else OxmlElement("w:pPr")
        for child in [c for c in p_props if c.tag in _DROP_FROM_PPR]:
            p_props.remove(child)
        mark_props = OxmlElement("w:rPr")
        mark_props.append(self.mark("w:ins"))
        p_props.append(mark_props)
        p.append(p_props)
        ins = self.mark("w:ins")
        ins.append(self.text_run(text, _first_text_run(like)))
        p.append(ins)
        anchor.addnext(p)
        return p

    def replace_runs(self, runs: list[_Element], text: str) -> None:
        """Track ``runs`` as deleted and ``text`` as inserted after them."""
        for group in _sibling_groups(runs):
            deleted = self.mark("w:del")
            group[0].addprevious(deleted)
            for run in group:
                _to_deleted(run)
                deleted.append(run)
            last = deleted
        inserted = self.mark("w:ins")
        inserted.append(self.text_run(text, runs[0]))
        last.addnext(inserted)


def _first_text_run(p: _Element) -> _Element | None:
    return next((r for r in p.iter(qn("w:r")) if r.find(W_T) is not None), None)


def _to_deleted(run: _Element) -> None:
    for t in run.iter(W_T, qn("w:instrText")):
        t.tag = qn("w:delText") if t.tag == W_T else qn("w:delInstrText")


def _sibling_groups(runs: list[_Element]) -> list[list[_Element]]:
    """Consecutive runs under one parent go into one ``w:del``."""
    groups: list[list[_Element]] = []
    for run in runs:
        if groups and groups[-1][-1].getnext() is run:
            groups[-1].append(run)
        else:
            groups.append([run])
    return groups
