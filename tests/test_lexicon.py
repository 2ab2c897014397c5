"""Word-level helpers: OCR look-alike repair (Latin letters inside Cyrillic words, length kept), first words."""
from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.lexicon import first_words, repair_ocr, words


@pytest.mark.parametrize("damaged, repaired", [
    ("YTBEPЖДAЮ", "УТВЕРЖДАЮ"),
    ("npиказом", "приказом"),
    ("Aдминистратор", "Администратор"),
    ("Директоp", "Директор"),
    # Latin words and addresses stay as they are
    ("info@sferum.ru", "info@sferum.ru"),
    ("VK-мессенджер", "VK-мессенджер"),
    ("P-210", "P-210"),
])
def test_repair(damaged, repaired):
    assert repair_ocr(damaged) == repaired
    assert len(repair_ocr(damaged)) == len(damaged)


@pytest.mark.parametrize("damaged, repaired", [
    ("ИКOП_2023", "ИКОП_2023"),          # digits and «_» belong to the word
    ("Sferum и Cферум", "Sferum и Сферум"),
    ("2aб, бa3, abc", "2аб, ба3, abc"),
    ("пpoфиль pp", "профиль pp"),          # two Latin runs in one word
])
def test_a_word_is_a_run_of_word_characters_with_both_alphabets(damaged, repaired):
    assert repair_ocr(damaged) == repaired


def test_first_words_are_the_words_the_text_starts_with():
    text = (Path(__file__).parents[1] / "corpora" / "regulations" / "apk-college.txt").read_text(encoding="utf-8")
    for line in text.splitlines()[:80]:
        for count in (0, 1, 4, 8):
            assert first_words(line, count) == words(line)[:count]
    assert first_words("ИКОП-платформа, 2023 г.", 3) == ["ИКОП-платформа", "г"]
