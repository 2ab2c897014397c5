"""Pages as images: when to read them by OCR, and their words as printed lines.

``OcrOptions.mode``: ``never`` keeps today's behaviour (a scan is an error),
``auto`` reads the pages without text and the pages whose text layer is
garbage (judged by ``text_quality``), ``always`` reads every page from its
image. Results a caller already holds (the batch store keeps them by the
file's content hash) come in ``cached`` and are not read again.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from PIL import Image

from analyzer.ingest import ocr
from analyzer.lexicon import morph
from analyzer.model import OcrInfo, OcrPage
from analyzer.vocabulary import OcrMode

# Resolution pages are rendered at for OCR, chosen on the scorer (bench/ocr_bench.py).
DPI = 200
# A text layer whose share of dictionary words is below this is read again by OCR (bench/ocr_bench.py:
# the corpora's text pages score 0.86–0.95, scrambled OCR layers below 0.3).
MIN_QUALITY = 0.5
_MIN_WORDS = 8
_TOKEN = re.compile(r"[^\W\d_]{3,}")
_LATIN = re.compile("[a-z]", re.IGNORECASE)


@dataclass(frozen=True)
class OcrOptions:
    mode: OcrMode = "auto"
    dpi: int = DPI
    timeout: float = ocr.PAGE_TIMEOUT
    cached: Mapping[int, OcrPage] = field(default_factory=dict)


def text_quality(text: str) -> float:
    """Share of the letter tokens (3+ letters) that are Russian dictionary words; 1.0 for too little text.

    A Latin token, one mixing Latin and Cyrillic letters, or a Cyrillic token pymorphy3 does not know counts
    against the text: a Russian regulation has only a few Latin words (an address, «Sferum»).
    """
    tokens = _TOKEN.findall(text)
    if len(tokens) < _MIN_WORDS:
        return 1.0
    known = sum(1 for t in tokens if not _LATIN.search(t) and morph().word_is_known(t.lower()))
    return known / len(tokens)


def read_image(image: Image.Image, page: int, options: OcrOptions) -> OcrPage:
    """The page read by OCR, or the caller's cached reading of it."""
    cached = options.cached.get(page)
    if cached is not None and cached.settings == ocr.settings_key(options.dpi):
        return cached
    return ocr.recognise(image, page, options.dpi, options.timeout)


_APPROVAL = re.compile(r"^\W*(?:принят|утвержд|согласован|рассмотрен)", re.IGNORECASE | re.MULTILINE)


def has_approval(text: str) -> bool:
    """Whether a line opens like an approval stamp (ПРИНЯТО, УТВЕРЖДАЮ, Утверждено: …)."""
    return bool(_APPROVAL.search(text))


def provenance(pages: list[OcrPage], layer_pages: list[int]) -> OcrInfo | None:
    """What the Document records about OCR; None when no page was OCR'd and no layer is OCR output."""
    if not pages and not layer_pages:
        return None
    return OcrInfo(engine=ocr.engine() if pages else "", pages=tuple(pages), layer_pages=tuple(layer_pages))


def nothing_found(n_pages: int, info: OcrInfo | None, options: OcrOptions) -> str:
    """The reason given when no page has text, after OCR or without it."""
    if options.mode == "never":
        return f"ни на одной из {n_pages} страниц нет текста — похоже на скан; распознавание (OCR) выключено"
    if info and info.timed_out:
        return (f"распознавание (OCR) не нашло текста ни на одной из {n_pages} страниц; страницы "
                f"{', '.join(map(str, info.timed_out))} прерваны по таймауту ({options.timeout:g} с)")
    return (f"ни на одной из {n_pages} страниц нет текста: распознавание (OCR) ничего не нашло — "
            f"пустые страницы или изображение без текста")


def timeout_warnings(info: OcrInfo | None, options: OcrOptions) -> tuple[str, ...]:
    if info is None or not info.timed_out:
        return ()
    return ((f"страницы {', '.join(map(str, info.timed_out))}: распознавание (OCR) прервано по таймауту "
            f"({options.timeout:g} с на страницу), их текст не проверен"),)
