"""TIFF (multipage), JPEG and PNG: every frame is a page, read by OCR.

Pillow opens the image; a frame larger than ``MAX_PIXELS`` is refused before
it is decoded (a decompression bomb), and a frame scanned at more than 300 dpi
is scaled down to it (Tesseract reads no better, only slower).
"""
from __future__ import annotations

import dataclasses
import io

from PIL import Image, ImageSequence, UnidentifiedImageError

from analyzer.errors import Corrupt, NoTextLayer, TooLarge
from analyzer.ingest import scan
from analyzer.ingest.ocr_layout import mend_markers, page_lines
from analyzer.ingest.pdf_layout import paragraphs, strip_running
from analyzer.ingest.scan import OcrOptions
from analyzer.ingest.text import assemble
from analyzer.model import Document
from analyzer.vocabulary import DocumentFormat

MAX_PIXELS = 60_000_000      # an A4 page at 600 dpi is 35 Mpx
MAX_FRAMES = 200
_MAX_DPI = 300


def _dpi(frame: Image.Image) -> int:
    dpi = frame.info.get("dpi")
    value = round(float(dpi[0])) if dpi else 0
    return value if 50 <= value <= 1200 else scan.DPI


def prepare(frame: Image.Image) -> tuple[Image.Image, int]:
    dpi = _dpi(frame)
    image = frame.convert("L")
    if dpi > _MAX_DPI:
        image = image.resize((image.width * _MAX_DPI // dpi, image.height * _MAX_DPI // dpi))
        dpi = _MAX_DPI
    return image, dpi


def read_image(data: bytes, source: str, fmt: DocumentFormat, warnings: tuple[str, ...] = (),
               options: OcrOptions | None = None) -> Document:
    options = options or OcrOptions()
    if options.mode == "never":
        raise NoTextLayer(source, "это изображение, а распознавание (OCR) выключено")
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    pages = []
    try:
        with Image.open(io.BytesIO(data)) as image:
            for number, frame in enumerate(ImageSequence.Iterator(image), 1):
                if number > MAX_FRAMES:
                    raise TooLarge(source, f"более {MAX_FRAMES} страниц в изображении")
                prepared, dpi = prepare(frame)
                pages.append(scan.read_image(prepared, number, dataclasses.replace(options, dpi=dpi)))
    except Image.DecompressionBombError as exc:
        raise TooLarge(source, f"изображение больше {MAX_PIXELS // 1_000_000} млн точек") from exc
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
        raise Corrupt(source, f"изображение не читается: {exc}") from exc
    info = scan.provenance(pages, [])
    lines = mend_markers([page_lines(page) for page in pages], {page.page for page in pages})
    if not any(c.isalpha() for page in lines for line in page for c in line.text):
        raise NoTextLayer(source, scan.nothing_found(len(pages), info, options))
    document = assemble(source, fmt, paragraphs(strip_running(lines)), pages=len(pages),
                        warnings=warnings + scan.timeout_warnings(info, options))
    return dataclasses.replace(document, ocr=info)
