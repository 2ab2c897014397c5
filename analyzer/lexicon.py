"""Word-level resources shared by every stage: OCR look-alike repair and the
one pymorphy3 analyzer of the process.
"""
from __future__ import annotations

import re
from functools import lru_cache

import pymorphy3

# Latin letters that OCR and careless typing put inside Cyrillic words.
LOOKALIKE = str.maketrans("AaBCcEeHKkMnOoPpTXxYyur", "АаВСсЕеНКкМпОоРрТХхУуиг")
_MIXED_WORD = re.compile(r"\b(?=\w*[А-Яа-яЁё])(?=\w*[A-Za-z])\w+\b")


@lru_cache(maxsize=8)
def repair_ocr(text: str) -> str:
    """Replace Latin look-alike letters inside Cyrillic words ("Aдминистратор"); the length is kept.

    Cached: every stage repairs the same document text.
    """
    return _MIXED_WORD.sub(lambda m: m.group(0).translate(LOOKALIKE), text)


@lru_cache(maxsize=1)
def morph() -> pymorphy3.MorphAnalyzer:
    """The process's pymorphy3 analyzer (its dictionaries load once)."""
    return pymorphy3.MorphAnalyzer(lang="ru")
