"""DOCX helpers of the report tests: accept or reject tracked changes as Word does,
read where comments are anchored, and build a DOCX the way a typist would."""
from __future__ import annotations

import io

import docx
from docx.oxml.ns import qn
from lxml.etree import _Element

W_INS, W_DEL, W_T, W_P = qn("w:ins"), qn("w:del"), qn("w:t"), qn("w:p")


def _unwrap(el: _Element) -> None:
    parent = el.getparent()
    index = parent.index(el)
    for child in list(el):
        parent.insert(index, child)
        index += 1
    parent.remove(el)


def _body(data: bytes) -> tuple[docx.document.Document, _Element]:
    document = docx.Document(io.BytesIO(data))
    return document, document.element.body


def _save(document: docx.document.Document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def accept_all(data: bytes) -> bytes:
    """Accept every tracked change: insertions stay, deletions go."""
    document, body = _body(data)
    for el in list(body.iter(W_DEL)):
        el.getparent().remove(el)
    for el in list(body.iter(W_INS)):
        if el.getparent().tag == qn("w:rPr"):      # an inserted paragraph mark: the paragraph stays
            el.getparent().remove(el)
        else:
            _unwrap(el)
    return _save(document)


def reject_all(data: bytes) -> bytes:
    """Reject every tracked change: deletions come back, insertions (inserted paragraphs too) go."""
    document, body = _body(data)
    for mark in list(body.iter(W_INS)):
        if mark.getparent().tag == qn("w:rPr"):
            paragraph = next(a for a in mark.iterancestors() if a.tag == W_P)
            paragraph.getparent().remove(paragraph)
    for el in list(body.iter(W_INS)):
        el.getparent().remove(el)
    for el in list(body.iter(W_DEL)):
        for t in el.iter(qn("w:delText")):
            t.tag = W_T
        _unwrap(el)
    return _save(document)


def comment_anchors(data: bytes) -> dict[int, tuple[int, str]]:
    """Comment id → (index of the body paragraph where its range starts, the text the range covers)."""
    _, body = _body(data)
    paragraphs = {p: i for i, p in enumerate(body.iter(W_P))}
    open_ranges: dict[int, list[str]] = {}
    starts: dict[int, int] = {}
    found: dict[int, tuple[int, str]] = {}
    for el in body.iter(qn("w:commentRangeStart"), qn("w:commentRangeEnd"), W_T, W_P):
        if el.tag == qn("w:commentRangeStart"):
            cid = int(el.get(qn("w:id")))
            open_ranges[cid] = []
            starts[cid] = paragraphs[next(a for a in el.iterancestors() if a.tag == W_P)]
        elif el.tag == qn("w:commentRangeEnd"):
            cid = int(el.get(qn("w:id")))
            found[cid] = (starts[cid], "".join(open_ranges.pop(cid)))
        elif el.tag == W_P:
            for parts in open_ranges.values():
                parts.append("\n")
        else:
            for parts in open_ranges.values():
                parts.append(el.text or "")
    return found


def typed_docx(text: str) -> bytes:
    """A DOCX with one paragraph per line, numbers and bullets typed, every word its own run
    (every other one bold), as a document edited over years ends up."""
    document = docx.Document()
    for line in text.split("\n"):
        paragraph = document.add_paragraph()
        for i, word in enumerate(line.split(" ")):
            paragraph.add_run(word + " " if i < len(line.split(" ")) - 1 else word).bold = i % 2 == 1
    return _save(document)
