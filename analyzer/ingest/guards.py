"""Checks made before a file is parsed: size, ZIP bombs, name against content."""
from __future__ import annotations

import io
import zipfile

from analyzer.errors import Corrupt, Encrypted, TooLarge, UnsupportedType
from analyzer.ingest.sniff import Kind
from analyzer.vocabulary import DocumentFormat

MAX_BYTES = 30 * 1024 * 1024
# Characters of text a document may have. Real regulations have 7,000–16,000 (the corpora), with
# appendices rarely 100,000; 500,000 (about 250 pages) leaves room and is analysed in seconds.
MAX_CHARS = 500_000
MAX_LINES = 20_000    # lines (paragraphs): 250 pages of 50 lines have 12,500
UNPACKED_FACTOR = 10        # an archive may unpack to at most 10 × max_bytes in all ...
MAX_UNPACKED = 160 << 20    # ... and never to more than 160 MB (pictures are stored, not compressed)
MAX_MARKUP = 40 << 20       # XML parts: 500,000 characters of text take ~25 MB of WordprocessingML
MARKUP_SUFFIXES = (".xml", ".rels")
ENCRYPTED_FLAG = 0x1        # general-purpose flag of a ZIP member: traditional or AES encryption
MAX_RATIO = 100             # no member of a real document compresses 100:1 ...
RATIO_MIN_SIZE = 1 << 20    # ... once it is bigger than 1 MB

EXTENSIONS: dict[str, DocumentFormat] = {
    ".txt": "txt", ".md": "md", ".markdown": "md", ".docx": "docx", ".pdf": "pdf",
    ".doc": "doc", ".odt": "odt", ".rtf": "rtf",
    ".tif": "tiff", ".tiff": "tiff", ".jpg": "jpeg", ".jpeg": "jpeg", ".png": "png",
}
_KIND_FORMATS: dict[str, tuple[DocumentFormat, ...]] = {
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


def _count(n: int) -> str:
    return f"{n:,}".replace(",", " ")


def check_size(source: str, size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise TooLarge(source, f"{_mb(size)}, допустимо не более {_mb(max_bytes)}")


def check_chars(source: str, text: str) -> None:
    if len(text) > MAX_CHARS:
        raise TooLarge(source, f"в тексте {_count(len(text))} знаков, допустимо не более {_count(MAX_CHARS)}; "
                               f"положение такой длины не бывает — проверьте, тот ли это файл")
    lines = text.count("\n") + 1
    if lines > MAX_LINES:
        raise TooLarge(source, f"в тексте {_count(lines)} строк (абзацев), допустимо не более {_count(MAX_LINES)}; "
                               f"положение такой длины не бывает — проверьте, тот ли это файл")


def check_archive(source: str, data: bytes, max_bytes: int) -> None:
    """Reject a ZIP whose content would unpack to far more than a document needs, or is locked.

    zipfile stops every member at its declared size, so the declared sizes bound what is unpacked:
    all members together, and the markup (XML) parts, which are parsed into trees many times their size.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        members = zf.infolist()
    if any(m.flag_bits & ENCRYPTED_FLAG for m in members):
        raise Encrypted(source, "части документа в ZIP-контейнере зашифрованы")
    total = sum(m.file_size for m in members)
    limit = min(UNPACKED_FACTOR * max_bytes, MAX_UNPACKED)
    if total > limit:
        raise TooLarge(source, f"архив распаковывается в {_mb(total)}, допустимо не более "
                               f"{_mb(limit)} (похоже на zip-бомбу)")
    for m in members:
        if m.file_size > RATIO_MIN_SIZE and m.file_size > MAX_RATIO * max(m.compress_size, 1):
            raise TooLarge(source, f"элемент архива {m.filename} сжат в {m.file_size // max(m.compress_size, 1)} раз "
                                   f"(похоже на zip-бомбу)")
    markup = sum(m.file_size for m in members if m.filename.lower().endswith(MARKUP_SUFFIXES))
    if markup > MAX_MARKUP:
        raise TooLarge(source, f"разметка документа (XML) занимает {_mb(markup)} после распаковки, допустимо не более "
                               f"{_mb(MAX_MARKUP)}")


def resolve_format(source: str, suffix: str, kind: Kind) -> tuple[DocumentFormat, tuple[str, ...]]:
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
