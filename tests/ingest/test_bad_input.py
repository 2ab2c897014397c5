"""Bad input: each kind is built here and must raise its typed error naming the file."""
from __future__ import annotations

import io
import os
import shutil
import zipfile
from pathlib import Path

import docx
import olefile
import openpyxl
import pypdf
import pytest
from msoffcrypto.format.ooxml import OOXMLFile
from PIL import Image

from analyzer.errors import (
    ConverterMissing,
    Corrupt,
    Empty,
    Encrypted,
    InputError,
    NoTextLayer,
    TooLarge,
    UnsupportedType,
)
from analyzer.ingest import office_convert, read


def raises(kind: type[InputError], path: Path, **kwargs) -> InputError:
    with pytest.raises(kind) as err:
        read(path, **kwargs)
    assert path.name in str(err.value), "the message names the file"
    assert err.value.reason in str(err.value)
    return err.value


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.fixture
def pdf_bytes(formats_dir: Path) -> bytes:
    return (formats_dir / "school-59-krasnodar-2023.pdf").read_bytes()


@pytest.fixture
def docx_bytes(formats_dir: Path) -> bytes:
    return (formats_dir / "school-59-krasnodar-2023.docx").read_bytes()


# ----------------------------------------------------------------------- empty / size
def test_zero_bytes(tmp_path):
    raises(Empty, write(tmp_path / "pusto.docx", b""))


def test_docx_without_text(tmp_path):
    document = docx.Document()
    document.add_paragraph("   ")
    document.save(tmp_path / "bez-teksta.docx")
    assert "не осталось текста" in raises(Empty, tmp_path / "bez-teksta.docx").detail


def test_too_large_is_refused_before_reading(tmp_path, docx_bytes):
    error = raises(TooLarge, write(tmp_path / "big.docx", docx_bytes), max_bytes=10_000)
    assert "МБ" in error.detail
    with pytest.raises(TooLarge, match="upload.pdf"):
        read(b"%PDF" + b"0" * 2000, name="upload.pdf", max_bytes=1000)


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="не найден"):
        read(tmp_path / "net-takogo.pdf")


# ----------------------------------------------------------------------------- corrupt
def test_truncated_docx(tmp_path, docx_bytes):
    raises(Corrupt, write(tmp_path / "obrezan.docx", docx_bytes[: len(docx_bytes) // 2]))


def test_docx_with_broken_xml(tmp_path, docx_bytes):
    src = zipfile.ZipFile(io.BytesIO(docx_bytes))
    with zipfile.ZipFile(tmp_path / "xml.docx", "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            dst.writestr(item, data[: len(data) // 2] if item.filename == "word/document.xml" else data)
    raises(Corrupt, tmp_path / "xml.docx")


def test_truncated_pdf(tmp_path, pdf_bytes):
    raises(Corrupt, write(tmp_path / "obrezan.pdf", pdf_bytes[: int(len(pdf_bytes) * 0.7)]))


@pytest.mark.parametrize("name", ["musor.pdf", "musor.docx", "musor.txt", "musor.doc"])
def test_garbage(tmp_path, name):
    error = raises(Corrupt, write(tmp_path / name, os.urandom(4096)))
    assert "не похоже" in error.detail


# --------------------------------------------------------------------------- encrypted
def test_password_protected_pdf(tmp_path, pdf_bytes):
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(pdf_bytes))
    writer.encrypt(user_password="sekret", owner_password="vladelec", algorithm="AES-128")
    writer.write(tmp_path / "parol.pdf")
    raises(Encrypted, tmp_path / "parol.pdf")


def test_encrypted_docx(tmp_path, docx_bytes):
    with open(tmp_path / "parol.docx", "wb") as out:
        OOXMLFile(io.BytesIO(docx_bytes)).encrypt("sekret", out)
    raises(Encrypted, tmp_path / "parol.docx")


def test_doc_flagged_encrypted(tmp_path, formats_dir):
    path = tmp_path / "parol.doc"
    shutil.copy(formats_dir / "school-59-krasnodar-2023.doc", path)
    with olefile.OleFileIO(str(path), write_mode=True) as ole:
        stream = bytearray(ole.openstream("WordDocument").read())
        stream[11] |= 0x01   # FibBase.fEncrypted (bit 8 of the flags word at offset 10)
        ole.write_stream("WordDocument", bytes(stream))
    raises(Encrypted, path)


def test_odt_with_encrypted_parts(tmp_path, formats_dir):
    src = zipfile.ZipFile(formats_dir / "apk-college.odt")
    with zipfile.ZipFile(tmp_path / "parol.odt", "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "META-INF/manifest.xml":
                entry = b'manifest:full-path="content.xml" manifest:media-type="text/xml"'
                assert entry + b"/>" in data
                data = data.replace(entry + b"/>", entry + b'><manifest:encryption-data manifest:checksum-type='
                                    b'"SHA1/1K"/></manifest:file-entry>')
            dst.writestr(item, data)
    raises(Encrypted, tmp_path / "parol.odt")


# ------------------------------------------------------------------------ no text layer
def test_pdf_of_blank_pages(tmp_path):
    writer = pypdf.PdfWriter()
    for _ in range(2):
        writer.add_blank_page(width=595, height=842)
    writer.write(tmp_path / "pustye-stranicy.pdf")
    error = raises(NoTextLayer, tmp_path / "pustye-stranicy.pdf")
    assert "2 страниц" in error.detail


def test_an_image_of_nothing_is_a_scan_without_text(tmp_path):
    error = raises(NoTextLayer, write(tmp_path / "skan.png", _png()))
    assert "распознавание (OCR) ничего не нашло" in error.detail


# ---------------------------------------------------------------------- unsupported type
def _png(kind: str = "PNG") -> bytes:
    buf = io.BytesIO()
    Image.new("L", (20, 20), 255).save(buf, format=kind)
    return buf.getvalue()


def _xlsx() -> bytes:
    book = openpyxl.Workbook()
    book.active["A1"] = "Положение"
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


@pytest.mark.parametrize(("name", "make", "words"), [
    ("skan.gif", lambda: _png("GIF"), [".gif", "GIF"]),
    ("tablica.xlsx", _xlsx, [".xlsx", "Excel"]),
    ("programma.exe", lambda: b"MZ\x90\x00" + bytes(500), [".exe", "исполняемый"]),
])
def test_unsupported_formats(tmp_path, name, make, words):
    error = raises(UnsupportedType, write(tmp_path / name, make()))
    assert all(w in error.detail for w in words)


@pytest.mark.parametrize(("name", "make", "label"), [
    ("polozhenie.docx", None, "PDF"),
    ("polozhenie.pdf", _png, "PNG"),
    ("polozhenie.docx", _xlsx, "Excel"),
    ("polozhenie.rtf", lambda: b"MZ\x90\x00" + bytes(500), "исполняемый"),
])
def test_content_not_its_extension(tmp_path, pdf_bytes, name, make, label):
    error = raises(UnsupportedType, write(tmp_path / name, make() if make else pdf_bytes))
    assert Path(name).suffix in error.detail and label in error.detail


def test_a_name_without_extension_is_judged_by_content(docx_bytes):
    assert read(docx_bytes, name="Положение от 01.09.2023").format == "docx"


def test_word_file_saved_under_doc_is_read_as_what_it_is(tmp_path, docx_bytes):
    doc = read(write(tmp_path / "polozhenie.doc", docx_bytes))
    assert doc.format == "docx" and "DOCX" in doc.warnings[0] and "Сферум" in doc.text


# ---------------------------------------------------------------------------- zip bombs
def _bomb(path: Path, size: int) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w") as member:
            chunk = b" " * (1 << 20)
            for _ in range(size >> 20):
                member.write(chunk)
    return path


def test_zip_bomb_by_compression_ratio(tmp_path):
    path = _bomb(tmp_path / "bomba.docx", 40 << 20)
    assert path.stat().st_size < 1 << 20
    assert "zip-бомбу" in raises(TooLarge, path).detail


def test_zip_bomb_by_unpacked_size(tmp_path):
    error = raises(TooLarge, _bomb(tmp_path / "bomba.docx", 12 << 20), max_bytes=1 << 20)
    assert "распаковывается" in error.detail


# --------------------------------------------------------------------------- converter
def test_converter_missing(tmp_path, monkeypatch, formats_dir):
    monkeypatch.setattr(office_convert, "soffice", lambda: None)
    path = write(tmp_path / "polozhenie.odt", (formats_dir / "apk-college.odt").read_bytes())
    raises(ConverterMissing, path)


@pytest.mark.skipif(office_convert.soffice() is None, reason="LibreOffice is not installed")
def test_converter_timeout_is_corrupt(tmp_path, monkeypatch, formats_dir):
    monkeypatch.setattr(office_convert, "TIMEOUT", 0.2)
    path = write(tmp_path / "dolgo.rtf", (formats_dir / "apk-college.rtf").read_bytes())
    assert "LibreOffice" in raises(Corrupt, path).detail
