"""Words as the structure parser compares them: OCR look-alikes repaired,
lower case, ё → е, and the lemmas (with part of speech) pymorphy3 gives.
"""
from __future__ import annotations

import re
from functools import lru_cache

from analyzer.lexicon import LOOKALIKE, morph

_CYRILLIC = re.compile("[а-яё]", re.IGNORECASE)
WORD = re.compile(r"[A-Za-zА-Яа-яЁё]+(?:-[A-Za-zА-Яа-яЁё]+)*")

# Predicates: finite verbs and short forms ("обязаны", "назначен").
PREDICATES = frozenset({"VERB", "ADJS", "PRTS"})
NOMINAL = frozenset({"NOUN", "ADJF", "ADJS", "PRTF", "PRTS", "NPRO", "NUMR"})


def normalise(word: str) -> str:
    """Lower case, ё → е, Latin look-alikes replaced when the word is Cyrillic."""
    if _CYRILLIC.search(word):
        word = word.translate(LOOKALIKE)
    return word.lower().replace("ё", "е")


@lru_cache(maxsize=100_000)
def parses(word: str) -> tuple[tuple[str, str], ...]:
    """(normal form, part of speech) of every reading of a word, likeliest first."""
    word = normalise(word)
    if not _CYRILLIC.search(word):
        return ((word, "LATN"),)
    return tuple((p.normal_form.replace("ё", "е"), str(p.tag.POS)) for p in morph().parse(word))


def words(text: str) -> list[str]:
    """The words of ``text`` (hyphenated compounds as one), punctuation and numbers left out."""
    return WORD.findall(text)


def pos(word: str) -> str:
    """Part of speech of the likeliest reading."""
    return parses(word)[0][1]


def has_predicate(text: str) -> bool:
    """Whether the text states something ("назначается", "обязаны") rather than names it."""
    return any(pos(w) in PREDICATES for w in words(text))
