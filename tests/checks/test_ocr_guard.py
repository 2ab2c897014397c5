"""On OCR'd text a finding that rests only on an OCR confusion is «проверьте по оригиналу» (info).

The same edits of a corpora regulation are made once in a typed document
(the findings must stay errors and warnings: the rule does not hide real
defects) and once in a document whose pages were read by OCR.
"""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from analyzer.checks.ocr_guard import CHECK_ORIGINAL
from analyzer.ingest import read
from analyzer.model import Document, OcrInfo, OcrPage, OcrWord
from analyzer.pipeline import analyze_document

TODAY = dt.date(2025, 3, 1)
# (original, as OCR misread it, the code it raises in typed text, its severity there)
CONFUSIONS = [
    ("от 13 июля 2022 г. № 1241", "от 18 июля 2022 г. № 1241", "RL201", "error"),        # 3 read as 8
    ("№ 1241 «О федеральной государственной информационной", ("№ 1241 «О федеральной государственной "
     "инф0рмаци0нн0й"), "RL204", "error"),                                                    # о read as 0
    (("№ 1241 «О федеральной государственной информационной системе «Моя школа» и внесении изменения в подпункт «а» "
     "пункта 2"), ("№ 1241 «О федеральной государственной информационной системе «Моя школа» и внесении изменения в "
     "подпункт «а» пункта 7)"), "RL204", "error"),                                            # 2 read as 7)
    ("от 01.09.2021 г. № Р-210", "от 01.09.2021 г. № P-210", "RL202", "error"),          # Latin P
    ("(mailto:info@sferum.ru)", "(mailto:info@sferurn.ru)", "RL402", "error"),           # m read as rn
    ("протокол № 1 от 29.08.2023\nСП", "протокол № 1 от 29.18.2023\nСП", "RL303", "error"),  # 0 read as 8
    ("2022 г. № 04-643", "2022 г. Х 04-643", "RL203", "error"),                      # № read as Х
    ("по работе с ИКОП «Сферум»", "по работе с ИКОП «Сферуи»", "RL403", "warning"),
]


def _edited(regulations_dir, edits: list[tuple[str, str]]) -> Document:
    document = read(regulations_dir / "co-milyutina-2023.txt")
    text = document.text
    for old, new in edits:
        assert old in text
        text = text.replace(old, new, 1)
    return read(text.encode(), name="co-milyutina-2023.txt")


def _as_ocr(document: Document) -> Document:
    page = OcrPage(1, 1654, 2339, 200, (OcrWord("Положение", 91.0, 10, 10, 200, 30, 0),))
    return dataclasses.replace(document, blocks=tuple(dataclasses.replace(b, page=1) for b in document.blocks),
                               ocr=OcrInfo("tesseract 5.3.0", (page,)))


def _findings(document: Document, code: str, near: str):
    """The findings of ``code`` whose span holds the edited text ``near``."""
    at = document.text.index(near)
    return [f for f in analyze_document(document, today=TODAY).findings
            if f.code == code and f.start is not None and f.start <= at + len(near) and at <= f.end]


@pytest.mark.parametrize(("old", "new", "code", "severity"), CONFUSIONS, ids=[c[2] for c in CONFUSIONS])
def test_an_ocr_confusion_is_check_the_original(regulations_dir, old, new, code, severity):
    typed = _edited(regulations_dir, [(old, new)])
    assert [f.severity for f in _findings(typed, code, new)] == [severity]
    [finding] = _findings(_as_ocr(typed), code, new)
    assert finding.severity == "info" and finding.ocr and finding.message.startswith(CHECK_ORIGINAL)


def test_real_defects_on_ocr_text_stay(regulations_dir):
    document = _as_ocr(_edited(regulations_dir, [("№ 1241", "№ 1242"), ("коммуникационной", "коммуникативной")]))
    findings = analyze_document(document, today=TODAY).findings
    number = [f for f in findings if f.code == "RL202"]
    name = [f for f in findings if f.code == "RL403"]
    assert [f.severity for f in number] == ["error"] and number[0].ocr
    assert name and all(f.severity == "warning" for f in name)


def test_typed_findings_are_not_marked_ocr(regulations_dir):
    report = analyze_document(read(regulations_dir / "co-milyutina-2023.txt"), today=TODAY)
    assert report.findings and not any(f.ocr for f in report.findings)
