"""TXT/MD: encodings, and the canonical text every reader produces."""
from __future__ import annotations

import pytest
from ingest_support import clause_numbers

from analyzer.ingest import read
from analyzer.ingest.text import Paragraph, assemble, normalise


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1251", "koi8-r", "utf-16"])
def test_encodings(encoding, regulation, regulations_dir, tmp_path):
    original = (regulations_dir / f"{regulation}.txt").read_text(encoding="utf-8")
    data = original.encode(encoding, errors="replace")   # KOI8-R has no "№"
    path = tmp_path / f"{regulation}.txt"
    path.write_bytes(data)
    doc = read(path)
    expected = read(data.decode(encoding).encode("utf-8"), name="expected.txt")
    assert doc.text == expected.text
    assert doc.format == "txt" and "Сферум" in doc.text
    assert clause_numbers(doc.text) == clause_numbers(read(regulations_dir / f"{regulation}.txt").text)


def test_txt_keeps_lines_and_markdown_as_written(regulations_dir):
    path = regulations_dir / "co-milyutina-2023.txt"
    raw = [ln.rstrip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    doc = read(path)
    assert doc.text.split("\n") == [normalise(ln) for ln in raw]
    assert doc.blocks[0].paragraph == next(i for i, ln in enumerate(path.read_text().splitlines()) if ln.strip())
    assert read(path.read_bytes(), name="polozhenie.md").format == "md"


def test_normalise_removes_invisible_and_unifies_spaces_only():
    raw = "\ufeffПоло\u00adже\u200bние\r\n«Сферум»\u00a0—\tплатформа\u2009№\u202f1\rдалее – ИКОП"
    assert normalise(raw) == "Положение\n«Сферум» — платформа № 1\nдалее – ИКОП"


def test_assemble_drops_blank_paragraphs_and_maps_spans():
    doc = assemble("x.docx", "docx", [Paragraph("  Первый  ", index=0), Paragraph("\u00a0\t", index=1),
                                      Paragraph("Второй\n\nстрока", index=2, table=True)])
    assert doc.text == "Первый\nВторой\nстрока"
    assert [(b.start, b.end, b.paragraph, b.table) for b in doc.blocks] == [(0, 6, 0, False), (7, 20, 2, True)]
    assert doc.locate(8).paragraph == 2 and doc.locate(6) is None
