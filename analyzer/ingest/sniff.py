"""What a file really is, judged from its bytes, never from its name.

Magic numbers first; a ZIP is told apart by its members (DOCX, ODT, XLSX ...)
and an OLE2 compound file by its streams (Word 97 document, an encrypted
OOXML package, Excel ...). Only directories are read here, and the small
``mimetype`` and manifest members of an ODF package.
"""
from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass

import charset_normalizer
import olefile

# Russian names of the kinds, for messages a user reads.
LABELS = {
    "pdf": "PDF", "docx": "документ Word (DOCX)", "doc": "документ Word 97–2003 (DOC)",
    "odt": "документ OpenDocument (ODT)", "rtf": "документ RTF", "text": "обычный текст",
    "ooxml-encrypted": "зашифрованный документ Microsoft Office",
    "xlsx": "таблица Excel (XLSX)", "pptx": "презентация PowerPoint (PPTX)",
    "xls": "таблица Excel 97–2003 (XLS)", "ppt": "презентация PowerPoint 97–2003 (PPT)",
    "ods": "таблица OpenDocument (ODS)", "odp": "презентация OpenDocument (ODP)",
    "zip": "ZIP-архив", "zip-damaged": "повреждённый ZIP-архив", "ole": "составной файл Microsoft (OLE2)",
    "ole-damaged": "повреждённый составной файл Microsoft (OLE2)",
    "png": "изображение PNG", "jpeg": "изображение JPEG", "gif": "изображение GIF", "tiff": "изображение TIFF",
    "exe": "исполняемый файл Windows", "elf": "исполняемый файл Linux", "rar": "архив RAR",
    "7z": "архив 7-Zip", "gzip": "архив GZIP", "html": "веб-страница (HTML)",
    "unknown": "неизвестный двоичный формат",
}

_MAGIC = (
    (b"\x89PNG", "png"), (b"\xff\xd8\xff", "jpeg"), (b"GIF8", "gif"), (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"), (b"MZ", "exe"), (b"\x7fELF", "elf"), (b"Rar!", "rar"),
    (b"7z\xbc\xaf\x27\x1c", "7z"), (b"\x1f\x8b", "gzip"), (b"{\\rtf", "rtf"),
)
_ODF = {
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
    "application/vnd.oasis.opendocument.presentation": "odp",
}
# What a damaged ZIP member raises while it is read (bad deflate data, unknown method ...).
ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, NotImplementedError, EOFError, OSError,
              ValueError)
_FIB_ENCRYPTED = 0x0100
_ZIP_ENCRYPTED = 0x1   # general-purpose flag of a member: its bytes are encrypted
_MANIFEST_LIMIT = 1 << 20  # FibBase flag fEncrypted of a Word 97 document


@dataclass(frozen=True)
class Kind:
    """The sniffed type: a key of ``LABELS``; ``encrypted`` when its content is locked."""

    name: str
    encrypted: bool = False

    @property
    def label(self) -> str:
        return LABELS[self.name]


def sniff(data: bytes) -> Kind:
    head = data[:1024]
    if b"%PDF" in head:
        return Kind("pdf")
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip_kind(data)
    if head.startswith(olefile.MAGIC):
        return _ole_kind(data)
    for magic, name in _MAGIC:
        if head.startswith(magic):
            return Kind(name)
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").lower().startswith((b"<!doctype html", b"<html")):
        return Kind("html")
    return Kind("unknown" if charset_normalizer.is_binary(_sample(data)) else "text")


def _sample(data: bytes, size: int = 65536) -> bytes:
    """The first ``size`` bytes, without a UTF-8 character the cut splits in two."""
    head = data[:size]
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data":
            return head[:exc.start]
    return head


def _zip_kind(data: bytes) -> Kind:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            if any(m.flag_bits & _ZIP_ENCRYPTED for m in zf.infolist()):
                return Kind(_ooxml_kind(names) or "zip", encrypted=True)
            if "mimetype" in names and zf.getinfo("mimetype").file_size < 200:
                mimetype = zf.read("mimetype").decode("ascii", "replace").strip()
                manifest = "META-INF/manifest.xml"
                locked = manifest in names and zf.getinfo(manifest).file_size < _MANIFEST_LIMIT \
                    and b"encryption-data" in zf.read(manifest)
                return Kind(_ODF.get(mimetype, "zip"), encrypted=locked)
    except ZIP_ERRORS:
        return Kind("zip-damaged")
    return Kind(_ooxml_kind(names) or "zip")


def _ooxml_kind(names: set[str]) -> str | None:
    if "[Content_Types].xml" in names:
        for prefix, name in (("word/", "docx"), ("xl/", "xlsx"), ("ppt/", "pptx")):
            if any(n.startswith(prefix) for n in names):
                return name
    if "mimetype" in names and any(n.startswith("content.xml") for n in names):
        return "odt"
    return None


def _ole_kind(data: bytes) -> Kind:
    try:
        with olefile.OleFileIO(data) as ole:
            if ole.exists("EncryptionInfo") and ole.exists("EncryptedPackage"):
                return Kind("ooxml-encrypted", encrypted=True)
            if ole.exists("WordDocument"):
                fib = ole.openstream("WordDocument").read(12)
                flags = int.from_bytes(fib[10:12], "little") if len(fib) == 12 else 0
                return Kind("doc", encrypted=bool(flags & _FIB_ENCRYPTED))
            if ole.exists("Workbook") or ole.exists("Book"):
                return Kind("xls")
            if ole.exists("PowerPoint Document"):
                return Kind("ppt")
    except (OSError, ValueError, EOFError, IndexError):
        return Kind("ole-damaged")
    return Kind("ole")
