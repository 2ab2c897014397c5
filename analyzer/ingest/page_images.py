"""The image of a page as OCR saw it, to show a finding's evidence on the scan."""
from __future__ import annotations

import io

import pypdfium2 as pdfium
from PIL import Image, ImageSequence

from analyzer.ingest.image_reader import prepare
from analyzer.ingest.ocr import straighten
from analyzer.model import OcrPage
from analyzer.vocabulary import DocumentFormat


def page_image(data: bytes, fmt: DocumentFormat, page: OcrPage) -> Image.Image:
    """The page (or the region of it) that ``page`` was read from, turned as it was read."""
    if fmt == "pdf":
        pdf = pdfium.PdfDocument(data)
        try:
            image = pdf[page.page - 1].render(scale=page.dpi / 72, grayscale=True).to_pil()
        finally:
            pdf.close()
    else:
        with Image.open(io.BytesIO(data)) as source:
            frame = next(f for i, f in enumerate(ImageSequence.Iterator(source), 1) if i == page.page)
            image, _ = prepare(frame)
    if page.region:
        image = image.crop(page.region)
    if page.skew:
        image = straighten(image, page.skew)
    return image.rotate(-page.rotation, expand=True) if page.rotation else image
