"""The DOCX package reader finds its parts through relationships, wherever a producer put them."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from analyzer.errors import Corrupt
from analyzer.ingest import read
from analyzer.ingest.docx_parts import read_parts
from analyzer.ingest.docx_reader import read_docx

DOCX = Path(__file__).parents[2] / "corpora" / "formats" / "co-milyutina-2023.docx"


def _repack(data: bytes, rename: dict[str, str] | None = None, drop: set[str] = frozenset(),
            edit: dict[str, tuple[bytes, bytes]] | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename in drop:
                continue
            blob = src.read(info)
            if edit and info.filename in edit:
                blob = blob.replace(*edit[info.filename])
            dst.writestr((rename or {}).get(info.filename, info.filename), blob)
    return out.getvalue()


def test_parts_of_a_word_document() -> None:
    parts = read_parts(DOCX.read_bytes())
    assert parts.document.tag.endswith("}document")
    assert parts.styles is not None and parts.numbering is not None


def test_main_part_elsewhere_with_an_absolute_target_reads_the_same() -> None:
    data = DOCX.read_bytes()
    moved = _repack(data, rename={"word/document.xml": "word/main.xml",
                                  "word/_rels/document.xml.rels": "word/_rels/main.xml.rels"},
                    edit={"_rels/.rels": (b'Target="word/document.xml"', b'Target="/word/main.xml"'),
                          "[Content_Types].xml": (b"/word/document.xml", b"/word/main.xml")})
    assert read_docx(moved, "moved.docx").text == read(DOCX).text


def test_without_styles_or_numbering_the_text_is_still_read() -> None:
    plain = _repack(DOCX.read_bytes(), drop={"word/styles.xml", "word/numbering.xml"})
    text = read_docx(plain, "plain.docx").text
    assert "Сферум" in text and len(text) > 0.8 * len(read(DOCX).text)


@pytest.mark.parametrize("drop", ["word/document.xml", "_rels/.rels"])
def test_a_package_without_its_main_document_is_corrupt(drop: str) -> None:
    with pytest.raises(Corrupt, match="структура документа Word нарушена"):
        read_docx(_repack(DOCX.read_bytes(), drop={drop}), "broken.docx")


def test_a_main_part_without_a_body_is_corrupt() -> None:
    data = _repack(DOCX.read_bytes(), edit={"word/document.xml": (b"<w:body>", b"<w:notbody>")})
    data = _repack(data, edit={"word/document.xml": (b"</w:body>", b"</w:notbody>")})
    with pytest.raises(Corrupt):
        read_docx(data, "nobody.docx")
