"""A report of a document read by OCR says so in every format; a typed one does not."""
from __future__ import annotations

import dataclasses
import io
import json

import docx
import pytest

from analyzer.ingest import read
from analyzer.model import OcrInfo, OcrPage, OcrWord, Report
from analyzer.pipeline import analyze_document
from analyzer.report.docx_gap import gap_report_docx
from analyzer.report.html_writer import render_html
from analyzer.report.json_writer import dumps
from analyzer.report.markdown_writer import render_markdown
from analyzer.report.text_writer import render_text

from .conftest import CORPORA, TODAY

BANNER = "Текст распознан с изображения, проверьте цитаты по оригиналу"


def _docx_text(report: Report) -> str:
    return "\n".join(p.text for p in docx.Document(io.BytesIO(gap_report_docx(report, TODAY))).paragraphs)


RENDERERS = {"text": render_text, "html": lambda r: render_html(r, TODAY),
             "markdown": lambda r: render_markdown(r, TODAY), "docx": _docx_text}


@pytest.fixture(scope="module")
def reports() -> tuple[Report, Report]:
    """co-milyutina typed, and the same text as if its page 2 had been read by OCR."""
    typed = read(CORPORA / "regulations" / "co-milyutina-2023.txt")
    half = len(typed.blocks) // 2
    blocks = tuple(dataclasses.replace(b, page=1 if i < half else 2) for i, b in enumerate(typed.blocks))
    page = OcrPage(2, 1654, 2339, 200, (OcrWord("Положение", 88.0, 10, 10, 200, 30, 0),
                                        OcrWord("Сферум", 96.0, 220, 10, 150, 30, 0)))
    scanned = dataclasses.replace(typed, blocks=blocks, ocr=OcrInfo("tesseract 5.3.0", (page,)))
    return analyze_document(typed, today=TODAY), analyze_document(scanned, today=TODAY)


@pytest.mark.parametrize("fmt", sorted(RENDERERS))
def test_banner_in_every_format(reports, fmt):
    typed, scanned = reports
    assert BANNER in RENDERERS[fmt](scanned) and "tesseract 5.3.0" in RENDERERS[fmt](scanned)
    assert BANNER not in RENDERERS[fmt](typed)


def test_contract_says_which_pages_and_findings(reports):
    typed, scanned = reports
    data = json.loads(dumps([scanned]))
    assert data["document"]["ocr"]["pages"] == [2] and data["document"]["ocr"]["mean_confidence"] == 92.0
    second = scanned.document.blocks[len(scanned.document.blocks) // 2].start
    placed = [f for f in data["findings"] if f["start"] is not None]
    assert placed and all(f["ocr"] == (f["start"] >= second) for f in placed)
    assert any(f["ocr"] for f in placed) and not all(f["ocr"] for f in placed)
    assert json.loads(dumps([typed]))["document"]["ocr"] is None
