"""The words of a quote found on an OCR'd page, to box them on the scan."""
from __future__ import annotations

from analyzer.model import OcrPage, OcrWord
from analyzer.report.scan_evidence import quote_words

LINE = ("4.1. Родители могут написать воспитателю, педагогу или администрации сада личное сообщение, "
        "а также провести видеозвонок.")
PAGE = OcrPage(2, 1654, 2339, 200, tuple(OcrWord(w, 90.0, 100 + 60 * i, 500, 50, 30, 0)
                                         for i, w in enumerate(LINE.split())))


def test_the_quote_words_in_order():
    words = quote_words(PAGE, "администрации сада")
    assert [w.text for w in words] == ["администрации", "сада"]


def test_a_quote_across_ocr_damage_keeps_its_run():
    words = quote_words(PAGE, "написать воспитателю, педагогу или администрацин сада")
    assert [w.text for w in words] == ["написать", "воспитателю,", "педагогу", "или", "администрации", "сада"]


def test_a_quote_from_elsewhere_is_not_boxed():
    assert quote_words(PAGE, "Администратор создает учебные чаты класса") == []
