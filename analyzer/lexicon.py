"""Word-level resources shared by every stage: OCR look-alike repair, the
one pymorphy3 analyzer of the process and its cached readings of words.
"""
from __future__ import annotations

import itertools
import re
from functools import lru_cache

import pymorphy3

# Latin letters that OCR and careless typing put inside Cyrillic words.
LOOKALIKE = str.maketrans("AaBCcEeHKkMnOoPpTXxYyur", "АаВСсЕеНКкМпОоРрТХхУуиг")
_LATIN_RUN = re.compile(r"[A-Za-z]+")
_CYRILLIC_LETTER = re.compile(r"[А-Яа-яЁё]")


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"   # what ``\w`` matches


def repair_ocr(text: str) -> str:
    """Replace Latin look-alike letters inside Cyrillic words ("Aдминистратор"); the length is kept.

    A word here is a run of ``\\w`` characters holding both a Cyrillic and a Latin letter. A Russian text has
    few Latin letters, so the words are found from those, not by trying every word of the text.
    A document's text is repaired once, in ``analyzer.analysed.AnalysedText.repaired``.
    """
    parts: list[str] = []
    done = seen = 0
    for m in _LATIN_RUN.finditer(text):
        start, end = m.span()
        if start < seen:   # another Latin run of a word already seen
            continue
        while start and _is_word_char(text[start - 1]):
            start -= 1
        while end < len(text) and _is_word_char(text[end]):
            end += 1
        seen = end
        if _CYRILLIC_LETTER.search(text, start, end):
            parts += [text[done:start], text[start:end].translate(LOOKALIKE)]
            done = end
    return "".join([*parts, text[done:]]) if parts else text


# What OCR confuses beyond look-alike letters: digits and letters of the same shape, the number sign.
_OCR_SHAPES = str.maketrans({"0": "о", "3": "з", "6": "б", "1": "l", "|": "l", "i": "l", "№": "n", "м": "n",
                             "ё": "е", " ": None, "\u00a0": None})


def ocr_fold(text: str) -> str:
    """``text`` with every OCR confusion folded to one form (lower case, no spaces): «Ф3»≡«ФЗ», «N Р-21O»≡«№ Р-210».

    Two readings that fold alike differ only by what OCR confuses.
    """
    return text.translate(LOOKALIKE).lower().translate(_OCR_SHAPES)


@lru_cache(maxsize=1)
def morph() -> pymorphy3.MorphAnalyzer:
    """The process's pymorphy3 analyzer (its dictionaries load once)."""
    return pymorphy3.MorphAnalyzer(lang="ru")


# Function words that carry no meaning of a duty: left out of the fuzzy keys and title comparisons.
STOP_WORDS = frozenset(["и", "в", "во", "не", "на", "с", "со", "по", "к", "ко", "о", "об", "обо", "от", "до", "для", "из", "у", "за", "при", "а", "но", "или", "либо", "ли", "же", "бы", "как", "так", "что", "чтобы", "то", "это", "его", "ее", "её", "их", "он", "она", "они", "оно", "мы", "вы", "я", "ты", "который", "которая", "которые", "которое", "этот", "эта", "эти", "тот", "та", "те", "такой", "также", "тоже", "а", "именно", "т", "д", "др", "т.д.", "т.п.", "том", "числе", "всех", "все", "весь", "всё", "свой", "своя", "свои", "своего", "своей"])

_CYRILLIC = re.compile("[а-яё]", re.IGNORECASE)
# The one tokenizer of the project. A word is a run of Cyrillic or Latin letters, hyphens inside it included
# («ссылки-приглашения», «e-mail»); a number is a run of digits; any other character that is not a space is a
# token of its own. The structure parser reads the words (``words``); spaCy's Doc is made of all the tokens
# (analyzer.nlp), so both see the same words at the same offsets. (Listing the two alphabets scans twice as
# fast as "any letter".)
_WORD = r"[A-Za-zА-Яа-яЁё]+(?:-[A-Za-zА-Яа-яЁё]+)*"
WORD = re.compile(_WORD)
TOKEN = re.compile(rf"{_WORD}|\d+|\S")


def words(text: str) -> list[str]:
    """The words of ``text`` (hyphenated compounds as one), punctuation and numbers left out."""
    return WORD.findall(text)


def first_words(text: str, count: int) -> list[str]:
    """``words(text)[:count]``, reading no further into the text than they reach."""
    return [m.group() for m in itertools.islice(WORD.finditer(text), count)]


def fold(word: str) -> str:
    """Lower case, ё → е, Latin look-alikes replaced when the word is Cyrillic."""
    if _CYRILLIC.search(word):
        word = word.translate(LOOKALIKE)
    return word.lower().replace("ё", "е")


@lru_cache(maxsize=200_000)
def parses(word: str) -> tuple[tuple[str, str], ...]:
    """(normal form, part of speech) of every reading of a word, likeliest first."""
    word = fold(word)
    if not _CYRILLIC.search(word):
        return ((word, "LATN"),)
    return tuple((p.normal_form.replace("ё", "е"), str(p.tag.POS)) for p in morph().parse(word))


def lemma(word: str) -> str:
    """The normal form of the likeliest reading (lower case, ё → е)."""
    return parses(word)[0][0]
