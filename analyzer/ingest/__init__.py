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

import importlib
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import cast

from analyzer.errors import Empty, InputError, UnsupportedType
from analyzer.ingest.guards import MAX_BYTES, MAX_CHARS, check_archive, check_chars, check_size, resolve_format
from analyzer.ingest.scan import OcrOptions
from analyzer.ingest.sniff import sniff
from analyzer.model import Document
from analyzer.vocabulary import DocumentFormat

__all__ = ["MAX_BYTES", "MAX_CHARS", "OcrOptions", "read", "read_file_bounded"]
_NOT_REGULAR = {stat.S_IFIFO: "это именованный канал (FIFO), а не файл", stat.S_IFCHR: "это устройство, а не файл",
                stat.S_IFBLK: "это устройство, а не файл", stat.S_IFDIR: "это папка, а не файл",
                stat.S_IFSOCK: "это сокет, а не файл"}

# Reader modules by format, imported when a file of the format is read: a TXT check loads neither
# python-docx nor pypdfium2. The OCR readers take the OcrOptions as well.
_READERS: dict[DocumentFormat, str] = {
    "txt": "txt_reader.read_txt", "md": "txt_reader.read_txt", "docx": "docx_reader.read_docx",
    "doc": "office_convert.read_converted", "odt": "office_convert.read_converted",
    "rtf": "office_convert.read_converted",
}
_OCR_READERS: dict[DocumentFormat, str] = {
    "pdf": "pdf_reader.read_pdf", "tiff": "image_reader.read_image", "jpeg": "image_reader.read_image",
    "png": "image_reader.read_image",
}


def _reader(where: str) -> Callable[..., Document]:
    module, _, function = where.rpartition(".")
    return cast(Callable[..., Document], getattr(importlib.import_module(f"analyzer.ingest.{module}"), function))


def read_file_bounded(path: str | os.PathLike[str], label: str, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``; a FIFO, a device or a folder is refused unopened.

    The file is opened without blocking (a FIFO with no writer would wait forever) and checked on the
    open descriptor, so nothing swapped in after the check is read; at most ``max_bytes + 1`` bytes are read.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise InputError(label, "файл не найден") from None
    except OSError as exc:
        raise InputError(label, exc.strerror or type(exc).__name__) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise UnsupportedType(label, _NOT_REGULAR.get(stat.S_IFMT(info.st_mode), "это не обычный файл"))
        check_size(label, info.st_size, max_bytes)
        with os.fdopen(os.dup(fd), "rb") as f:
            data = f.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(label, exc.strerror or type(exc).__name__) from None
    finally:
        os.close(fd)
    check_size(label, len(data), max_bytes)   # it grew while it was read
    return data


def _load(source: str | os.PathLike[str] | bytes, name: str | None, max_bytes: int) -> tuple[bytes, str]:
    if isinstance(source, (bytes, bytearray, memoryview)):
        label = name or "без имени"
        check_size(label, len(source), max_bytes)
        return bytes(source), label
    label = name or str(source)
    return read_file_bounded(source, label, max_bytes), label


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
        document = _reader(_OCR_READERS[fmt])(data, label, fmt, warnings, ocr or OcrOptions())
    else:
        document = _reader(_READERS[fmt])(data, label, fmt, warnings)
    if not document.text.strip():
        raise Empty(label, "после чтения не осталось текста")
    check_chars(label, document.text)
    return document
