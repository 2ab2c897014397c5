"""A finding's evidence on the page image of an OCR'd document: its words boxed.

The quote's words are found among the page's recognised words (the longest
run in order, then the words around it up to the quote's length), boxed in
red, and the picture is cropped to them with a margin.
"""
from __future__ import annotations

import re
from difflib import SequenceMatcher

from PIL import Image, ImageDraw

from analyzer.ingest.page_images import page_image
from analyzer.model import Document, Finding, OcrPage, OcrWord

_TOKEN = re.compile(r"\w+")
_MARGIN = 40


def _tokens(text: str) -> list[str]:
    return [t.lower().replace("ё", "е") for t in _TOKEN.findall(text)]


def quote_words(page: OcrPage, quote: str) -> list[OcrWord]:
    """The recognised words of ``page`` that spell ``quote`` (empty when too few of them match)."""
    wanted = _tokens(quote)
    keyed = [(w, "".join(_tokens(w.text))) for w in page.words]
    keyed = [(w, k) for w, k in keyed if k]
    if not wanted or not keyed:
        return []
    blocks = SequenceMatcher(None, [k for _, k in keyed], wanted, autojunk=False).get_matching_blocks()
    longest = max(blocks, key=lambda b: b.size)
    if longest.size < min(3, len(wanted)):
        return []
    first = longest.a - longest.b
    span = [b for b in blocks if b.size and first - 2 <= b.a - b.b <= first + 2]
    start, end = min(b.a for b in span), max(b.a + b.size for b in span)
    return [w for w, _ in keyed[start:end]]


def evidence_image(document: Document, data: bytes, finding: Finding) -> Image.Image | None:
    """The scan around ``finding``'s quote with its words boxed; None when it is not on an OCR'd page."""
    if document.ocr is None or finding.start is None:
        return None
    block = document.locate(finding.start)
    pages = [p for p in document.ocr.pages if block is not None and p.page == block.page and p.words]
    for page in pages:
        words = quote_words(page, finding.quote)
        if not words:
            continue
        image = page_image(data, document.format, page).convert("RGB")
        draw = ImageDraw.Draw(image)
        for w in words:
            draw.rectangle((w.left - 3, w.top - 3, w.left + w.width + 3, w.top + w.height + 3), outline=(200, 30, 30),
                           width=3)
        left = max(min(w.left for w in words) - _MARGIN, 0)
        top = max(min(w.top for w in words) - _MARGIN, 0)
        right = min(max(w.left + w.width for w in words) + _MARGIN, image.width)
        bottom = min(max(w.top + w.height for w in words) + _MARGIN, image.height)
        return image.crop((0 if right - left < image.width // 2 else left, top, image.width, bottom))
    return None
