"""Plain text and Markdown: decode, normalise, one paragraph per line."""
from __future__ import annotations

import charset_normalizer

from analyzer.errors import Corrupt
from analyzer.ingest.text import Paragraph, assemble, normalise
from analyzer.model import Document
from analyzer.vocabulary import DocumentFormat


def decode(data: bytes, source: str) -> str:
    """The text of ``data`` in whatever encoding it was saved (UTF-8/16, CP1251, KOI8-R ...)."""
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise Corrupt(source, "не удалось определить кодировку: содержимое не похоже на текст")
    return str(best)


def read_txt(data: bytes, source: str, fmt: DocumentFormat = "txt", warnings: tuple[str, ...] = ()) -> Document:
    lines = normalise(decode(data, source)).split("\n")
    # Leading spaces stay: in Markdown they nest list items.
    return assemble(source, fmt, (Paragraph(line, index=i) for i, line in enumerate(lines)),
                    warnings=warnings, strip_left=False)
