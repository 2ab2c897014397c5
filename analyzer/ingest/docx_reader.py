"""DOCX: body paragraphs and tables in document order, numbering materialised.

Headers, footers, footnotes and comments live in other parts and are never
read. Text boxes follow the paragraph that anchors them. Deleted revisions,
hidden runs and the VML fallback copy of a drawing are skipped, so each piece
of visible text is read once.
"""
from __future__ import annotations

from collections.abc import Iterator

from docx.oxml.ns import qn
from lxml import etree
from lxml.etree import _Element

from analyzer.errors import Corrupt
from analyzer.ingest.docx_parts import DocxParts, read_parts
from analyzer.ingest.numbering import Numbering, first_child, on_off
from analyzer.ingest.sniff import ZIP_ERRORS
from analyzer.ingest.text import Paragraph, assemble
from analyzer.model import Document
from analyzer.vocabulary import DocumentFormat

_BODY = qn("w:body")
_P, _TBL, _T, _TAB, _BR, _CR, _NB_HYPHEN, _R, _RPR = (
    qn(t) for t in ("w:p", "w:tbl", "w:t", "w:tab", "w:br", "w:cr", "w:noBreakHyphen", "w:r", "w:rPr"))
_TXBX = qn("w:txbxContent")
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Subtrees whose text Word does not show in the body.
_SKIP = {qn(t) for t in ("w:del", "w:moveFrom", "w:pPr", "w:rPr", "w:sectPr", "w:instrText")} | {_FALLBACK}
_CHARS = {_TAB: "\t", _BR: "\n", _CR: "\n", _NB_HYPHEN: "-"}


def _inline(el: _Element, out: list[str], boxes: list[_Element]) -> None:
    """Append the visible text of ``el`` to ``out``; collect its text boxes."""
    for child in el:
        tag = child.tag
        if tag == _T:
            out.append(child.text or "")
        elif tag in _CHARS:
            out.append(_CHARS[tag])
        elif tag == _TXBX:
            boxes.append(child)
        elif tag not in _SKIP and not (tag == _R and on_off(first_child(child, _RPR), "w:vanish")):
            _inline(child, out, boxes)


class _Reader:
    def __init__(self, parts: DocxParts):
        body = parts.document.find(_BODY)
        if body is None:
            raise KeyError(_BODY)
        self.body = body
        self.numbering = Numbering(parts.numbering, parts.styles)
        self.index = {p: i for i, p in enumerate(body.iter(_P))}

    def blocks(self, container: _Element, table: bool = False) -> Iterator[Paragraph]:
        for child in container:
            tag = child.tag
            if tag == _P:
                yield from self.paragraph(child, table)
            elif tag not in _SKIP and isinstance(tag, str):
                yield from self.blocks(child, table or tag == _TBL)

    def paragraph(self, p: _Element, table: bool) -> Iterator[Paragraph]:
        out: list[str] = []
        boxes: list[_Element] = []
        _inline(p, out, boxes)
        text = "".join(out)
        label = self.numbering.label(p)
        if label:
            text = f"{label} {text.lstrip()}"
        yield Paragraph(text, index=self.index.get(p), table=table)
        for box in boxes:
            yield from self.blocks(box, table)


def read_docx(data: bytes, source: str, fmt: DocumentFormat = "docx", warnings: tuple[str, ...] = ()) -> Document:
    try:
        parts = read_parts(data)
        reader = _Reader(parts)
        paragraphs = list(reader.blocks(reader.body))
    except (KeyError, etree.XMLSyntaxError, *ZIP_ERRORS) as exc:
        raise Corrupt(source, "структура документа Word нарушена (файл обрезан или испорчен)") from exc
    return assemble(source, fmt, paragraphs, title=parts.title, warnings=warnings)
