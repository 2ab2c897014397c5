"""Read a regulation from a file into ``analyzer.model.Document``.

    from analyzer.ingest import read
    doc = read("polozhenie.docx")
    doc = read(upload_bytes, name="polozhenie.pdf")
    doc = read("scan.tiff", ocr=OcrOptions(mode="always"))

Pages without text (scans, TIFF/JPEG/PNG images) are read by OCR, see
``analyzer.ingest.scan``.

The real type is sniffed from the bytes and must agree with the extension;
size and ZIP bombs are checked before anything is parsed. A file that cannot
be read raises an ``analyzer.errors.InputError`` subclass naming the file and
the reason in Russian; no other exception escapes for a bad file.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from analyzer.errors import Empty, InputError
from analyzer.ingest.docx_reader import read_docx
from analyzer.ingest.guards import MAX_BYTES, check_archive, check_size, resolve_format
from analyzer.ingest.image_reader import read_image
from analyzer.ingest.office_convert import read_converted
from analyzer.ingest.pdf_reader import read_pdf
from analyzer.ingest.scan import OCR_MODES, OcrMode, OcrOptions
from analyzer.ingest.sniff import sniff
from analyzer.ingest.txt_reader import read_txt
from analyzer.model import Document, Format

__all__ = ["MAX_BYTES", "OCR_MODES", "OcrMode", "OcrOptions", "read"]

_READERS: dict[Format, Callable[[bytes, str, Format, tuple[str, ...]], Document]] = {
    "txt": read_txt, "md": read_txt, "docx": read_docx,
    "doc": read_converted, "odt": read_converted, "rtf": read_converted,
}
_OCR_READERS: dict[Format, Callable[..., Document]] = {
    "pdf": read_pdf, "tiff": read_image, "jpeg": read_image, "png": read_image,
}


def _load(source: str | os.PathLike[str] | bytes, name: str | None, max_bytes: int) -> tuple[bytes, str]:
    if isinstance(source, (bytes, bytearray, memoryview)):
        label = name or "без имени"
        check_size(label, len(source), max_bytes)
        return bytes(source), label
    path = Path(source)
    label = name or str(path)
    try:
        check_size(label, path.stat().st_size, max_bytes)
        return path.read_bytes(), label
    except FileNotFoundError:
        raise InputError(label, "файл не найден") from None
    except OSError as exc:
        raise InputError(label, exc.strerror or type(exc).__name__) from None


def read(source: str | os.PathLike[str] | bytes, *, name: str | None = None,
         max_bytes: int = MAX_BYTES, ocr: OcrOptions | None = None) -> Document:
    """The document in ``source`` (a path, or bytes with the file ``name``); ``ocr``: when pages are OCR'd."""
    data, label = _load(source, name, max_bytes)
    if not data:
        raise Empty(label, "0 байт")
    kind = sniff(data)
    fmt, warnings = resolve_format(label, Path(label).suffix, kind)
    if kind.name in ("docx", "odt"):
        check_archive(label, data, max_bytes)
    if fmt in _OCR_READERS:
        document = _OCR_READERS[fmt](data, label, fmt, warnings, ocr or OcrOptions())
    else:
        document = _READERS[fmt](data, label, fmt, warnings)
    if not document.text.strip():
        raise Empty(label, "после чтения не осталось текста")
    return document
