"""PDF through pdfium: the text layer line by line, then ``pdf_layout``.

pypdfium2 reads the corpora's Cyrillic text as pdfplumber does at a small
fraction of the time (figures in bench/ingest_timing.py), and it marks the
hyphens that end a line, which the layout step needs.
"""
from __future__ import annotations

import ctypes

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from analyzer.errors import Corrupt, Encrypted, NoTextLayer
from analyzer.ingest.pdf_layout import Line, paragraphs, strip_running
from analyzer.ingest.text import assemble
from analyzer.model import Document, Format

_PASSWORD_ERROR = 4   # FPDF_ERR_PASSWORD


class _Page:
    """One page's text as pdfium orders it, and where its characters sit."""

    def __init__(self, textpage: pdfium.PdfTextPage):
        self.textpage = textpage
        self.text = textpage.get_text_range()

    def baseline(self, i: int) -> float:
        x, y = ctypes.c_double(), ctypes.c_double()
        pdfium_c.FPDFText_GetCharOrigin(self.textpage.raw, i, ctypes.byref(x), ctypes.byref(y))
        return y.value

    def size(self, i: int) -> float:
        return float(pdfium_c.FPDFText_GetFontSize(self.textpage.raw, i))

    def lines(self, number: int) -> list[Line]:
        lines = []
        start = 0
        for raw in self.text.split("\r\n"):
            if raw.strip():
                first = start + len(raw) - len(raw.lstrip())
                last = start + len(raw.rstrip()) - 1
                lines.append(Line(
                    text=raw.strip(), page=number,
                    left=self.textpage.get_charbox(first)[0], right=self.textpage.get_charbox(last)[2],
                    top=self.baseline(first), bottom=self.baseline(last),
                    size=max(self.size(first), self.size(last))))
            start += len(raw) + 2
        return lines


def _read_pages(pdf: pdfium.PdfDocument) -> tuple[list[list[Line]], list[int]]:
    """The lines of every page, and the numbers of the pages that are only a picture."""
    pages, scanned = [], []
    for i in range(len(pdf)):
        page = pdf[i]
        textpage = page.get_textpage()
        try:
            lines = _Page(textpage).lines(i + 1)
            if not any(c.isalpha() for line in lines for c in line.text) and \
                    next(page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,)), None) is not None:
                scanned.append(i + 1)
            pages.append(lines)
        finally:
            textpage.close()
            page.close()
    return pages, scanned


def read_pdf(data: bytes, source: str, fmt: Format = "pdf", warnings: tuple[str, ...] = ()) -> Document:
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == _PASSWORD_ERROR:
            raise Encrypted(source, "PDF открывается только по паролю") from exc
        raise Corrupt(source, "PDF не открывается: файл обрезан или испорчен") from exc
    try:
        pages, scanned = _read_pages(pdf)
        title = (pdf.get_metadata_dict().get("Title") or "").strip() or None
    except pdfium.PdfiumError as exc:
        raise Corrupt(source, "страницы PDF не читаются: файл испорчен") from exc
    finally:
        pdf.close()
    if not any(c.isalpha() for lines in pages for line in lines for c in line.text):
        raise NoTextLayer(source, f"ни на одной из {len(pages)} страниц нет текста — похоже на скан")
    if scanned:
        pages_list = ", ".join(map(str, scanned))
        warnings += (f"страницы {pages_list} — изображения без текстового слоя (скан): их текст не проверен",)
    return assemble(source, fmt, paragraphs(strip_running(pages)), title=title, pages=len(pages),
                    warnings=warnings)
