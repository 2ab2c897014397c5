"""Scans read by OCR (Tesseract): the corpora scan, a mixed PDF, turned pages, TIFF, bad input.

Every test OCRs at most the scan's three pages, so CI stays short.
"""
from __future__ import annotations

import ctypes
import io
import random

import pypdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from ingest_support import clause_numbers
from PIL import Image

from analyzer.errors import NoTextLayer, OcrMissing
from analyzer.ingest import OcrOptions, ocr, read
from analyzer.ingest.scan import MIN_QUALITY, text_quality
from analyzer.pipeline import analyze

SCAN = "school-59-krasnodar-2023-scan.pdf"


@pytest.fixture(scope="module")
def scan_document(formats_dir):
    return read(formats_dir / SCAN)


@pytest.fixture(scope="module")
def page_images(formats_dir) -> list[Image.Image]:
    pdf = pdfium.PdfDocument(str(formats_dir / SCAN))
    return [pdf[i].render(scale=200 / 72, grayscale=True).to_pil() for i in range(len(pdf))]


def _save(images: list[Image.Image], kind: str, **options) -> bytes:
    buffer = io.BytesIO()
    images[0].save(buffer, kind, save_all=len(images) > 1, append_images=images[1:], **options)
    return buffer.getvalue()


def test_the_corpora_scan_reads_like_its_text(scan_document, formats_dir, regulations_dir):
    text = read(regulations_dir / "school-59-krasnodar-2023.txt").text
    assert clause_numbers(scan_document.text) == clause_numbers(text)
    assert scan_document.ocr.page_numbers == (1, 2, 3)
    assert scan_document.ocr.engine.startswith("tesseract 5")
    assert scan_document.ocr.mean_confidence > 85
    assert {b.page for b in scan_document.blocks} == {1, 2, 3}
    for phrase in ("протокол №1 от 28.12.2023", "Общие положения", "4. Заключительные положения"):
        assert phrase in scan_document.text


def test_ocr_never_keeps_the_scan_an_error(formats_dir):
    with pytest.raises(NoTextLayer) as err:
        read(formats_dir / SCAN, ocr=OcrOptions(mode="never"))
    assert SCAN in str(err.value) and "выключено" in str(err.value)


def test_a_mixed_pdf_keeps_its_text_pages(formats_dir, tmp_path):
    writer = pypdf.PdfWriter(clone_from=formats_dir / "school-59-krasnodar-2023.pdf")
    writer.append(formats_dir / SCAN, pages=[2])
    writer.write(tmp_path / "smeshannyi.pdf")
    typed = read(formats_dir / "school-59-krasnodar-2023.pdf")
    doc = read(tmp_path / "smeshannyi.pdf")
    assert doc.pages == 4 and doc.ocr.page_numbers == (4,)
    paragraphs = typed.text.split("\n")[:-1]    # the last one runs on into page 4, as across text pages
    assert doc.text.split("\n")[:len(paragraphs)] == paragraphs
    assert "Заключительные положения" in doc.text[len(typed.text):]


def test_a_page_upside_down_is_turned(page_images, tmp_path):
    path = tmp_path / "perevernuto.png"
    path.write_bytes(_save([page_images[0].rotate(180)], "PNG"))
    doc = read(path)
    assert doc.ocr.pages[0].rotation == 180
    assert "ПОЛОЖЕНИЕ" in doc.text and "протокол №1 от 28.12.2023" in doc.text


def test_a_bilevel_multipage_tiff_is_one_document(page_images, tmp_path):
    bilevel = [page_images[2].convert("1"), Image.new("1", page_images[2].size, 1)]
    path = tmp_path / "skan.tiff"
    path.write_bytes(_save(bilevel, "TIFF", compression="group4", dpi=(200, 200)))
    doc = read(path)
    assert doc.format == "tiff" and doc.pages == 2
    assert doc.ocr.page_numbers == (1,)
    assert "4. Заключительные положения" in doc.text


def test_a_page_past_its_timeout_is_reported(formats_dir):
    with pytest.raises(NoTextLayer) as err:
        read(formats_dir / SCAN, ocr=OcrOptions(timeout=0.01))
    assert "прерваны по таймауту" in str(err.value)


def test_cached_pages_are_not_read_again(scan_document, formats_dir, monkeypatch):
    def fail(*args, **kwargs):
        raise AssertionError("OCR ran although the page was cached")

    monkeypatch.setattr(ocr, "recognise", fail)
    cached = {p.page: p for p in scan_document.ocr.pages}
    assert read(formats_dir / SCAN, ocr=OcrOptions(cached=cached)).text == scan_document.text


def test_missing_tesseract_says_what_to_install(formats_dir, monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    ocr.engine.cache_clear()
    try:
        with pytest.raises(OcrMissing) as err:
            read(formats_dir / SCAN)
    finally:
        ocr.engine.cache_clear()
    assert "tesseract-ocr-rus" in str(err.value) and err.value.code == "RL008"


def test_text_quality_tells_a_real_layer_from_soup(regulations_dir):
    text = read(regulations_dir / "co-milyutina-2023.txt").text
    rng = random.Random(13)
    soup = "".join(c if not c.isalpha() else rng.choice("аоекнABCEHKMXрсзш") for c in text)
    assert text_quality(text) > 0.85 > MIN_QUALITY > text_quality(soup)


def _stamp_as_picture(source, target) -> None:
    """The typed PDF with its approval stamp (everything above the title) replaced by a picture of it."""
    pdf = pdfium.PdfDocument(str(source))
    page = pdf[0]
    width, height = page.get_size()
    textpage = page.get_textpage()
    title = textpage.search("ПОЛОЖЕНИЕ").get_next()
    cut = textpage.get_charbox(title[0])[3] + 4
    picture = page.render(scale=200 / 72).to_pil()
    picture = picture.crop((0, 0, picture.width, int((height - cut) * 200 / 72)))
    for obj in list(page.get_objects(max_depth=1)):
        if obj.type == pdfium_c.FPDF_PAGEOBJ_TEXT and obj.get_bounds()[1] > cut:
            page.remove_obj(obj)
    image = pdfium.PdfImage.new(pdf)
    image.set_bitmap(pdfium.PdfBitmap.from_pil(picture))
    image.set_matrix(pdfium.PdfMatrix().scale(width, height - cut).translate(0, cut))
    page.insert_obj(image)
    page.gen_content()
    pdf.save(str(target))


def test_an_approval_stamp_that_is_a_picture_is_read(formats_dir, tmp_path):
    path = tmp_path / "shtamp-kartinkoi.pdf"
    _stamp_as_picture(formats_dir / "school-59-krasnodar-2023.pdf", path)
    typed = analyze(formats_dir / "school-59-krasnodar-2023.pdf")
    blind = analyze(path, ocr=OcrOptions(mode="never"))
    assert not blind.structure.approvals
    assert any(f.message.startswith("Нет сведений об утверждении") for f in blind.findings)
    report = analyze(path)
    assert not any(f.message.startswith("Нет сведений об утверждении") for f in report.findings)
    assert report.document.ocr.page_numbers == (1,) and report.document.ocr.pages[0].region is not None
    assert [(a.kind, a.protocol_number, a.dates[0].value) for a in report.structure.approvals] == \
        [(a.kind, a.protocol_number, a.dates[0].value) for a in typed.structure.approvals]
    assert report.document.text[report.structure.approvals[-1].end:].split("\n")[1:] == \
        typed.document.text[typed.structure.approvals[-1].end:].split("\n")[1:]


def _add_text(pdf: pdfium.PdfDocument, page: pdfium.PdfPage, text: str) -> None:
    for i, line in enumerate(text.split("\n")):
        obj = pdfium_c.FPDFPageObj_NewTextObj(pdf.raw, b"Helvetica", 10.0)
        encoded = (line + "\0").encode("utf-16-le")
        pdfium_c.FPDFText_SetText(obj, ctypes.cast(ctypes.c_char_p(encoded), ctypes.POINTER(ctypes.c_ushort)))
        pdfium_c.FPDFTextObj_SetTextRenderMode(obj, pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE)   # as scanners write it
        pdfium_c.FPDFPageObj_Transform(obj, 1, 0, 0, 1, 40, 800 - 12 * i)
        pdfium_c.FPDFPage_InsertObject(page.raw, obj)
    page.gen_content()


def test_a_garbage_text_layer_is_read_again(formats_dir, tmp_path):
    """A scanner's text layer of Latin soup over the page image: the image is OCR'd instead."""
    pdf = pdfium.PdfDocument(str(formats_dir / SCAN))
    pdf.del_page(2)
    pdf.del_page(1)
    rng = random.Random(5)
    soup = "\n".join(" ".join("".join(rng.choice("aeoinrtlmsk") for _ in range(rng.randint(3, 9)))
                              for _ in range(9)) for _ in range(20))
    _add_text(pdf, pdf[0], soup)
    pdf.save(str(tmp_path / "musor.pdf"))
    layer = read(tmp_path / "musor.pdf", ocr=OcrOptions(mode="never")).text
    assert text_quality(layer) < MIN_QUALITY
    doc = read(tmp_path / "musor.pdf")
    assert doc.ocr.page_numbers == (1,) and "протокол №1 от 28.12.2023" in doc.text
    assert text_quality(doc.text) > 0.85


def test_a_text_layer_over_a_page_image_counts_as_ocr(formats_dir, tmp_path):
    """A page with a good text layer and a picture of the whole page is a scanner's OCR: findings say so."""
    pdf = pdfium.PdfDocument(str(formats_dir / "school-59-krasnodar-2023.pdf"))
    page = pdf[1]
    width, height = page.get_size()
    image = pdfium.PdfImage.new(pdf)
    image.set_bitmap(pdfium.PdfBitmap.from_pil(page.render(scale=1).to_pil()))
    image.set_matrix(pdfium.PdfMatrix().scale(width, height))
    page.insert_obj(image)
    page.gen_content()
    pdf.save(str(tmp_path / "sloi.pdf"))
    report = analyze(tmp_path / "sloi.pdf")
    assert report.document.ocr.layer_pages == (2,) and report.document.ocr.page_numbers == ()
    on_page = {f.ocr for f in report.findings if f.start is not None
               and report.document.locate(f.start).page == 2}
    assert on_page == {True}
    assert not any(f.ocr for f in report.findings if f.start is not None and report.document.locate(f.start).page != 2)


@pytest.mark.parametrize("angle", [-2.0, 1.5, 0.0])
def test_skew_is_measured(page_images, angle):
    skewed = page_images[1].rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
    assert ocr.deskew_angle(skewed) == pytest.approx(-angle, abs=0.2)
