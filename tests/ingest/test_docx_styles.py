"""The styles part read style by style (analyzer.ingest.docx_parts.Styles) gives what a parse of the whole part
gives: the same styles, in the same order, the same default; parts it cannot split safely are parsed whole."""
from __future__ import annotations

import importlib.util
import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from analyzer.errors import Corrupt
from analyzer.ingest.docx_parts import _PARSER, _STYLE, _STYLE_ID, _W, Styles
from analyzer.ingest.docx_reader import read_docx

STYLES = "word/styles.xml"


@pytest.fixture(scope="module")
def headings(tmp_path_factory: pytest.TempPathFactory, regulations_dir: Path, formats_dir: Path) -> bytes:
    """A DOCX whose clause numbers hang on paragraph styles (Heading 1, Clause 2 ...) through numPr."""
    spec = importlib.util.spec_from_file_location("make_formats", formats_dir / "make_formats.py")
    make = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make)
    path = tmp_path_factory.mktemp("styles") / "headings.docx"
    make.build_docx(str(regulations_dir / "co-milyutina-2023.txt"), str(path), style="headings")
    return path.read_bytes()


def _member(docx: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        return zf.read(name)


def _with(docx: bytes, name: str, data: bytes | None) -> bytes:
    """A copy of ``docx`` with member ``name`` replaced by ``data`` (dropped when None)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename != name:
                dst.writestr(info.filename, src.read(info))
            elif data is not None:
                dst.writestr(name, data)
    return out.getvalue()


def _assert_as_whole(styles: Styles, data: bytes) -> None:
    whole = {el.get(_STYLE_ID): el for el in etree.fromstring(data, _PARSER).iterfind(_STYLE)}
    assert whole and all(sid in styles for sid in whole) and "NoSuchStyle" not in styles
    assert [etree.tostring(styles[sid]) for sid in whole] == [etree.tostring(el) for el in whole.values()]
    default = next(sid for sid, el in whole.items()
                   if el.get(f"{{{_W}}}type") == "paragraph" and el.get(f"{{{_W}}}default") == "1")
    assert styles.default_paragraph() == default


def _prefixed(data: bytes, prefix: bytes) -> bytes:
    return (data.replace(b"<w:", b"<" + prefix + b":").replace(b"</w:", b"</" + prefix + b":")
            .replace(b" w:", b" " + prefix + b":").replace(b"xmlns:w=", b"xmlns:" + prefix + b"="))


def _into_first_style(data: bytes, extra: bytes) -> bytes:
    end = data.index(b">", data.index(b"<w:style ")) + 1
    return data[:end] + extra + data[end:]


# name: (edit of styles.xml, whether the styles are read one by one)
VARIANTS = {
    "as python-docx writes it": (lambda d: d, True),
    "another prefix": (lambda d: _prefixed(d, b"x"), True),
    "an empty style and '>' in an attribute": (lambda d: d.replace(
        b"</w:styles>", b'<w:style w:type="character" w:styleId="Empty"/>\n'
                        b'<w:style w:type="paragraph" w:styleId="A>B"><w:basedOn w:val="Normal"/></w:style>'
                        b"</w:styles>"), True),
    "an element named like a style inside one": (lambda d: _into_first_style(d, b'<w:styleX w:val="1"/>'), True),
    "a closing tag with a space": (lambda d: d.replace(b"</w:style>", b"</w:style >", 1), False),
    "a comment": (lambda d: d.replace(b"<w:docDefaults>", b"<!-- <w:style> --><w:docDefaults>"), False),
    "UTF-16": (lambda d: d.replace(b"encoding='UTF-8'", b"encoding='UTF-16'").decode().encode("utf-16"), False),
    "a second prefix of the namespace": (lambda d: d.replace(b"xmlns:w=", b'xmlns:v="http://schemas.openxml'
                                                                          b'formats.org/wordprocessingml/2006/main" '
                                                                          b"xmlns:w="), False),
    "a namespace declared below the root": (lambda d: d.replace(
        b"<w:docDefaults>", b'<w:docDefaults xmlns:v="urn:v">'), False),
    "an empty style inside a style": (lambda d: _into_first_style(d, b'<w:style w:styleId="Inner"/>'), True),
    "a style inside a style": (lambda d: _into_first_style(
        d, b'<w:style w:styleId="Inner"><w:name w:val="inner"/></w:style>'), False),
    "a style in the defaults under another prefix": (lambda d: d.replace(
        b"<w:rPrDefault>", b'<w:rPrDefault><v:style xmlns:v="http://schemas.openxmlformats.org/wordprocessingml/'
                           b'2006/main" v:styleId="Stray"/>'), False),
    "a style binding its prefix elsewhere": (lambda d: d.replace(
        b'<w:style w:type="table"', b'<w:style xmlns:w="urn:other" w:type="table"', 1), False),
    "a style outside the list of styles": (lambda d: d.replace(
        b"<w:rPrDefault>", b'<w:rPrDefault><w:style w:styleId="Stray"/>'), False),
}


@pytest.mark.parametrize("variant", VARIANTS)
def test_styles_read_one_by_one_are_those_of_the_whole_part(variant: str, headings: bytes) -> None:
    edit, split = VARIANTS[variant]
    data = edit(_member(headings, STYLES))
    styles = Styles(data)
    _assert_as_whole(styles, data)
    assert bool(styles._slices) is split


def test_numbering_on_styles_is_the_same_when_the_part_is_parsed_whole(headings: bytes) -> None:
    text = read_docx(headings, "headings.docx").text
    commented = _member(headings, STYLES).replace(b"<w:docDefaults>", b"<!-- x --><w:docDefaults>")
    assert "\n1.1. " in text and "\n2. " in text
    assert read_docx(_with(headings, STYLES, commented), "commented.docx").text == text


def test_damage_in_a_style_no_paragraph_needs_goes_unnoticed(headings: bytes) -> None:
    data = _member(headings, STYLES)
    assert data.count(b'w:styleId="LightShading"') == 1   # a table style no paragraph uses
    start = data.index(b'w:styleId="LightShading"')
    damaged = data[:start] + data[start:].replace(b"</w:tblPr>", b"</w:tblPrX>", 1)
    with pytest.raises(etree.XMLSyntaxError):
        etree.fromstring(damaged, _PARSER)
    assert read_docx(_with(headings, STYLES, damaged), "damaged.docx").text == read_docx(headings, "h.docx").text


def test_damage_in_a_style_numbering_reads_is_corrupt(headings: bytes) -> None:
    data = _member(headings, STYLES)
    start = data.index(b'w:styleId="Heading1"')
    damaged = data[:start] + data[start:].replace(b"</w:pPr>", b"</w:pPrX>", 1)
    with pytest.raises(Corrupt, match="структура документа Word нарушена"):
        read_docx(_with(headings, STYLES, damaged), "damaged.docx")


def test_without_numbering_the_styles_are_not_read(headings: bytes) -> None:
    plain = _with(headings, "word/numbering.xml", None)
    expected = read_docx(plain, "plain.docx").text
    assert read_docx(_with(plain, STYLES, b"<not xml"), "plain.docx").text == expected
    assert "\n1.1. " not in expected and "Сферум" in expected
