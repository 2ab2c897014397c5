"""Checks made before a file is parsed: size, ZIP bombs, name against content."""
from __future__ import annotations

import io
import zipfile

from analyzer.errors import Corrupt, Encrypted, TooLarge, UnsupportedType
from analyzer.ingest.sniff import Kind
from analyzer.model import Format

MAX_BYTES = 30 * 1024 * 1024
UNPACKED_FACTOR = 10        # an archive may unpack to at most 10 × max_bytes in all
MAX_RATIO = 100             # no member of a real document compresses 100:1 ...
RATIO_MIN_SIZE = 1 << 20    # ... once it is bigger than 1 MB

EXTENSIONS: dict[str, Format] = {
    ".txt": "txt", ".md": "md", ".markdown": "md", ".docx": "docx", ".pdf": "pdf",
    ".doc": "doc", ".odt": "odt", ".rtf": "rtf",
    ".tif": "tiff", ".tiff": "tiff", ".jpg": "jpeg", ".jpeg": "jpeg", ".png": "png",
}
_KIND_FORMATS: dict[str, tuple[Format, ...]] = {
    "text": ("txt", "md"), "pdf": ("pdf",), "docx": ("docx",), "doc": ("doc",),
    "odt": ("odt",), "rtf": ("rtf",), "ooxml-encrypted": ("docx", "doc"),
    "tiff": ("tiff",), "jpeg": ("jpeg",), "png": ("png",),
}
# Word saves "rich text" and "Word 2007" files under .doc without complaint and
# opens them again, so schools publish such files; they are read as what they are.
_DOC_ALIASES = ("rtf", "docx")
_CONTAINER_DAMAGE = ("zip-damaged", "ole-damaged")


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} МБ"


def check_size(source: str, size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise TooLarge(source, f"{_mb(size)}, допустимо не более {_mb(max_bytes)}")


def check_archive(source: str, data: bytes, max_bytes: int) -> None:
    """Reject a ZIP whose declared content would unpack to far more than it weighs."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        members = zf.infolist()
    total = sum(m.file_size for m in members)
    if total > UNPACKED_FACTOR * max_bytes:
        raise TooLarge(source, f"архив распаковывается в {_mb(total)}, допустимо не более "
                               f"{_mb(UNPACKED_FACTOR * max_bytes)} (похоже на zip-бомбу)")
    for m in members:
        if m.file_size > RATIO_MIN_SIZE and m.file_size > MAX_RATIO * max(m.compress_size, 1):
            raise TooLarge(source, f"элемент архива {m.filename} сжат в {m.file_size // max(m.compress_size, 1)} раз "
                                   f"(похоже на zip-бомбу)")


def resolve_format(source: str, suffix: str, kind: Kind) -> tuple[Format, tuple[str, ...]]:
    """The format to read ``kind`` as, given the file's extension; warnings for the user."""
    # "Положение от 01.09.2023" has no extension, whatever pathlib says.
    suffix = suffix.lower() if suffix[1:].isalpha() else ""
    if suffix and suffix not in EXTENSIONS:
        raise UnsupportedType(source, f"расширение {suffix}; по содержимому это {kind.label}")
    if kind.name in _CONTAINER_DAMAGE:
        raise Corrupt(source, kind.label)
    accepted = _KIND_FORMATS.get(kind.name, ())
    if not suffix:
        if not accepted:
            raise UnsupportedType(source, f"по содержимому это {kind.label}")
        _check_encrypted(source, kind)
        return accepted[0], ()
    wanted = EXTENSIONS[suffix]
    if wanted in accepted:
        _check_encrypted(source, kind)
        return wanted, ()
    if wanted == "doc" and kind.name in _DOC_ALIASES:
        fmt = _KIND_FORMATS[kind.name][0]
        return fmt, (f"файл с расширением .doc на самом деле {kind.label}; прочитан как {fmt.upper()}",)
    if kind.name == "unknown" or (kind.name == "text" and wanted not in ("txt", "md")):
        raise Corrupt(source, f"содержимое не похоже на {wanted.upper()}")
    raise UnsupportedType(source, f"расширение {suffix}, а по содержимому это {kind.label}")


def _check_encrypted(source: str, kind: Kind) -> None:
    if kind.encrypted:
        raise Encrypted(source, kind.label)
