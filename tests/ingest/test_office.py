"""DOC, ODT and RTF through LibreOffice: one conversion per format per run.

LibreOffice's own DOC and RTF export does not keep the extra list instances
that restart or re-format numbers (corpora/formats/README.md), so a few clause
numbers of those files differ from the TXT when they are opened again; our
reading of them equals LibreOffice's own rendering (`soffice --convert-to txt`).
The ODT keeps every number.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from ingest_support import clause_numbers

from analyzer.ingest import office_convert, read
from analyzer.model import Document

pytestmark = pytest.mark.skipif(office_convert.soffice() is None, reason="LibreOffice is not installed")

SAMPLES = {"odt": "apk-college", "doc": "co-milyutina-2023", "rtf": "ddt-grad-chudes-2023"}


@pytest.fixture(scope="module")
def converted(formats_dir: Path) -> dict[str, Document]:
    return {fmt: read(formats_dir / f"{stem}.{fmt}") for fmt, stem in SAMPLES.items()}


def _unnumbered(text: str) -> list[str]:
    return [line.split(" ", 1)[1] if clause_numbers(line) else line for line in text.split("\n")]


@pytest.mark.parametrize("fmt", sorted(SAMPLES))
def test_format_stays_the_original_and_text_equals_the_docx(converted, formats_dir, fmt):
    doc = converted[fmt]
    docx_doc = read(formats_dir / f"{SAMPLES[fmt]}.docx")
    assert doc.format == fmt and doc.source.endswith(f".{fmt}")
    assert doc.title == docx_doc.title
    # Every paragraph, Cyrillic and approval table included, comes through; only numbers may differ.
    assert _unnumbered(doc.text) == _unnumbered(docx_doc.text)
    assert [b.table for b in doc.blocks] == [b.table for b in docx_doc.blocks]


def test_odt_keeps_every_clause_number(converted, regulations_dir):
    txt = read(regulations_dir / f"{SAMPLES['odt']}.txt")
    assert clause_numbers(converted["odt"].text) == clause_numbers(txt.text)


@pytest.mark.parametrize("fmt", ["doc", "rtf"])
def test_doc_and_rtf_number_the_same_clauses(converted, regulations_dir, fmt):
    want = clause_numbers(read(regulations_dir / f"{SAMPLES[fmt]}.txt").text)
    got = clause_numbers(converted[fmt].text)
    assert len(got) == len(want)
    assert sum(g == w for g, w in zip(got, want)) >= len(want) - 2
