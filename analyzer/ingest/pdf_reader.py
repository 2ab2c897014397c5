"""PDF through pdfium: the text layer line by line, then ``pdf_layout``.

pypdfium2 reads the corpora's Cyrillic text as pdfplumber does at a small
fraction of the time (figures in bench/ingest_timing.py), and it marks the
hyphens that end a line, which the layout step needs.
"""
from __future__ import annotations

import ctypes
import dataclasses

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image

from analyzer.errors import Corrupt, Encrypted, NoTextLayer
from analyzer.ingest import scan
from analyzer.ingest.ocr_layout import mend_markers, page_lines
from analyzer.ingest.pdf_layout import Line, paragraphs, strip_running
from analyzer.ingest.scan import MIN_QUALITY, OcrOptions, has_approval, text_quality
from analyzer.ingest.text import assemble
from analyzer.model import Document, OcrPage
from analyzer.vocabulary import DocumentFormat

_PASSWORD_ERROR = 4   # FPDF_ERR_PASSWORD
NATIVE_DPI = (150, 300)   # a stored page picture in this range is OCR'd as it is, else the page is rendered


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


def _images(page: pdfium.PdfPage) -> list[tuple[float, float, float, float]]:
    """Bounds (left, bottom, right, top, in points) of the page's pictures."""
    return [obj.get_bounds() for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=2)]


def _covers_page(page: pdfium.PdfPage, box: tuple[float, float, float, float]) -> bool:
    width, height = page.get_size()
    return (box[2] - box[0]) * (box[3] - box[1]) >= 0.5 * width * height


class _PageReader:
    """Reads the pages one by one: the text layer, or the page image by OCR (see ``analyzer.ingest.scan``)."""

    def __init__(self, options: OcrOptions) -> None:
        self.options = options
        self.ocr_pages: list[OcrPage] = []
        self.layer_pages: list[int] = []
        self.scanned: list[int] = []

    def _render(self, page: pdfium.PdfPage) -> Image.Image:
        return page.render(scale=self.options.dpi / 72, grayscale=True).to_pil()

    def _picture(self, page: pdfium.PdfPage) -> tuple[Image.Image, OcrOptions]:
        """The page image to OCR, and the options with its resolution.

        A page that is one upright picture of the whole page is taken as it is stored, at its own resolution
        when that is between 150 and 300 dpi: no rendering, no resampling. Other pages are rendered.
        """
        pictures = list(page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=1))
        if len(pictures) == 1 and _covers_page(page, pictures[0].get_bounds()):
            m = pictures[0].get_matrix()
            dpi = round(pictures[0].get_px_size()[0] * 72 / page.get_size()[0])
            if m.b == 0 and m.c == 0 and m.a > 0 and m.d > 0 and NATIVE_DPI[0] <= dpi <= NATIVE_DPI[1]:
                image = pictures[0].get_bitmap(render=False).to_pil().convert("L")
                return image, dataclasses.replace(self.options, dpi=dpi)
        return self._render(page), self.options

    def read(self, page: pdfium.PdfPage, number: int) -> list[Line]:
        textpage = page.get_textpage()
        try:
            lines = _Page(textpage).lines(number)
        finally:
            textpage.close()
        layer = "\n".join(line.text for line in lines)
        images = _images(page)
        has_text = any(c.isalpha() for c in layer)
        garbage = has_text and text_quality(layer) < MIN_QUALITY
        if self.options.mode == "always" or garbage or (images and not has_text):
            if self.options.mode == "never":
                if not has_text:
                    self.scanned.append(number)
                return lines
            image, options = self._picture(page)
            read = scan.read_image(image, number, options)
            self.ocr_pages.append(read)
            recognised = page_lines(read, (0.0, page.get_size()[1]))
            if not has_text or self.options.mode == "always" or \
                    text_quality("\n".join(x.text for x in recognised)) > text_quality(layer):
                return recognised
            self.ocr_pages.pop()
            return lines
        if has_text and any(_covers_page(page, box) for box in images):
            self.layer_pages.append(number)
        elif number == 1 and has_text and images and self.options.mode != "never" and not has_approval(layer):
            return self._with_stamp(page, lines, images)
        return lines

    def _with_stamp(self, page: pdfium.PdfPage, lines: list[Line],
                    images: list[tuple[float, float, float, float]]) -> list[Line]:
        """Page 1 with no approval in its text: read the picture in its upper part, where a stamp stands."""
        width, height = page.get_size()
        boxes = [b for b in images if b[3] > height * 0.55 and (b[2] - b[0]) * (b[3] - b[1]) > 0.01 * width * height]
        if not boxes:
            return lines
        left, bottom, right, top = max(boxes, key=lambda b: (b[2] - b[0]) * (b[3] - b[1]))
        scale = self.options.dpi / 72
        region = (int(left * scale), int((height - top) * scale), int(right * scale), int((height - bottom) * scale))
        image = self._render(page).crop(region)
        read = scan.read_image(image, 1, self.options)
        read = OcrPage(**{**read.__dict__, "region": region})
        stamp = page_lines(read, (left, top))
        if not has_approval("\n".join(x.text for x in stamp)):
            return lines
        self.ocr_pages.append(read)
        at = next((i for i, line in enumerate(lines) if line.top < stamp[0].top), len(lines))
        return lines[:at] + stamp + lines[at:]


def read_pdf(data: bytes, source: str, fmt: DocumentFormat = "pdf", warnings: tuple[str, ...] = (),
             options: OcrOptions | None = None) -> Document:
    options = options or OcrOptions()
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == _PASSWORD_ERROR:
            raise Encrypted(source, "PDF открывается только по паролю") from exc
        raise Corrupt(source, "PDF не открывается: файл обрезан или испорчен") from exc
    reader = _PageReader(options)
    try:
        pages = []
        for i in range(len(pdf)):
            page = pdf[i]
            try:
                pages.append(reader.read(page, i + 1))
            finally:
                page.close()
        title = (pdf.get_metadata_dict().get("Title") or "").strip() or None
    except pdfium.PdfiumError as exc:
        raise Corrupt(source, "страницы PDF не читаются: файл испорчен") from exc
    finally:
        pdf.close()
    info = scan.provenance(reader.ocr_pages, reader.layer_pages)
    if not any(c.isalpha() for lines in pages for line in lines for c in line.text):
        raise NoTextLayer(source, scan.nothing_found(len(pages), info, options))
    if reader.scanned:
        pages_list = ", ".join(map(str, reader.scanned))
        warnings += ((f"страницы {pages_list} — изображения без текстового слоя (скан): их текст не проверен "
                     f"(распознавание выключено)"),)
    pages = mend_markers(pages, {p.page for p in reader.ocr_pages if p.region is None})
    document = assemble(source, fmt, paragraphs(strip_running(pages)), title=title, pages=len(pages),
                        warnings=warnings + scan.timeout_warnings(info, options))
    return dataclasses.replace(document, ocr=info)
