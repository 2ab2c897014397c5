"""DOCX: the corpora files (Word numbering) and DOCX made here from the same texts."""
from __future__ import annotations

import importlib.util
import io
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from ingest_support import STEMS, clause_numbers

from analyzer.ingest import read
from analyzer.ingest.text import clean


def _make_formats(formats_dir: Path):
    spec = importlib.util.spec_from_file_location("make_formats", formats_dir / "make_formats.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def headings_docx(tmp_path_factory: pytest.TempPathFactory, regulations_dir: Path, formats_dir: Path) -> dict:
    """DOCX whose numbering hangs on paragraph styles (Heading 1, Clause 2 ...), one per regulation."""
    make = _make_formats(formats_dir)
    out = tmp_path_factory.mktemp("headings")
    paths = {}
    for stem in STEMS:
        paths[stem] = out / f"{stem}-headings.docx"
        make.build_docx(str(regulations_dir / f"{stem}.txt"), str(paths[stem]), style="headings")
    return paths


def test_word_numbering_gives_the_clause_numbers_of_the_txt(regulation, regulations_dir, formats_dir):
    txt = read(regulations_dir / f"{regulation}.txt")
    doc = read(formats_dir / f"{regulation}.docx")
    assert doc.format == "docx"
    assert clause_numbers(doc.text) == clause_numbers(txt.text)
    assert len(clause_numbers(doc.text)) >= 6


def test_the_xml_itself_has_no_written_numbers(regulation, formats_dir):
    # The numbers above come from numbering.xml, not from the paragraph text.
    body = docx.Document(str(formats_dir / f"{regulation}.docx"))
    assert clause_numbers("\n".join(p.text for p in body.paragraphs)) == []


def test_style_linked_numbering_gives_the_same_numbers(regulation, regulations_dir, headings_docx):
    txt = read(regulations_dir / f"{regulation}.txt")
    doc = read(headings_docx[regulation])
    # The headings convention writes every level with a trailing dot ("1.1.").
    assert clause_numbers(doc.text) == [n if n.endswith(".") else n + "." for n in clause_numbers(txt.text)]


def test_style_linked_letter_items_are_rendered(headings_docx):
    items = [line[:2] for line in read(headings_docx["apk-college"]).text.split("\n") if line[1:2] == ")"]
    assert items == ["А)", "Б)", "В)", "Г)", "Д)", "Е)"]


def test_header_and_footer_stay_out(regulation, formats_dir):
    path = formats_dir / f"{regulation}.docx"
    document = docx.Document(str(path))
    header = clean(document.sections[0].header.paragraphs[0].text)
    assert header, "the fixture has a header"
    in_body = [clean("".join(t.text or "" for t in p.iter(qn("w:t")))) for p in document.element.body.iter(qn("w:p"))]
    lines = read(path).text.split("\n")
    assert lines.count(header) == in_body.count(header)
    assert not any(line.strip().isdigit() for line in lines), "the PAGE field of the footer"


def test_approval_table_is_read_cell_by_cell(regulation, formats_dir):
    path = formats_dir / f"{regulation}.docx"
    tables = docx.Document(str(path)).tables
    if not tables:
        pytest.skip("this regulation has no approval block")
    table = tables[0]
    cells = [clean(p.text) for row in table.rows for cell in row.cells for p in cell.paragraphs]
    cells = [c for c in cells if c]
    doc = read(path)
    table_text = [doc.text[b.start:b.end] for b in doc.blocks if b.table]
    assert table_text == cells
    assert any(word in " ".join(cells) for word in ("УТВЕРЖДАЮ", "Утверждено", "ПРИНЯТО"))


def test_cyrillic_title_and_blocks(regulation, formats_dir):
    doc = read(formats_dir / f"{regulation}.docx")
    assert doc.title and any("а" <= c <= "я" for c in doc.title.lower())
    assert "\u00a0" not in doc.text and "\t" not in doc.text and "\n\n" not in doc.text
    assert "№ " in doc.text   # the NBSP Word users type after "№" became a space
    spans = [doc.text[b.start:b.end] for b in doc.blocks]
    assert "\n".join(spans) == doc.text
    assert all(b.paragraph is not None and b.page is None for b in doc.blocks)


_NAMESPACES = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
}.items())


def _docx_with_body(xml: str) -> bytes:
    document = docx.Document()
    body = document.element.body
    for child in parse_xml(f"<w:body {_NAMESPACES}>{xml}</w:body>"):
        body.insert(len(body) - 1, child)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def test_visible_text_only_once():
    """Content controls and text boxes are read; deleted and hidden runs and the VML copy are not."""
    data = _docx_with_body(
        "<w:p><w:r><w:t>Видимый </w:t></w:r><w:del w:id='1' w:author='a'><w:r><w:delText>удалённый</w:delText>"
        "</w:r></w:del><w:r><w:rPr><w:vanish/></w:rPr><w:t>скрытый</w:t></w:r><w:r><w:t>текст</w:t></w:r></w:p>"
        "<w:sdt><w:sdtContent><w:p><w:r><w:t>В элементе управления</w:t></w:r></w:p></w:sdtContent></w:sdt>"
        "<w:p><w:r><mc:AlternateContent><mc:Choice Requires='wps'><w:drawing><wp:anchor><a:graphic><a:graphicData>"
        "<wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>УТВЕРЖДАЮ в надписи</w:t></w:r></w:p></w:txbxContent>"
        "</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback>"
        "<w:pict><w:txbxContent><w:p><w:r><w:t>УТВЕРЖДАЮ в надписи</w:t></w:r></w:p></w:txbxContent></w:pict>"
        "</mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>Якорь</w:t><w:tab/><w:t>надписи</w:t></w:r></w:p>")
    doc = read(data, name="habits.docx")
    assert doc.text.split("\n") == ["Видимый текст", "В элементе управления", "Якорь надписи", "УТВЕРЖДАЮ в надписи"]
