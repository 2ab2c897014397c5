"""Tokens and lemmas, computed once per document and shared by all stages.

The project has one tokenizer, ``lexicon.TOKEN``; the structure parser reads its words, and the token table
here holds the words of a document with their offsets, lemmas (pymorphy3, through ``lexicon.lemma``) and
stop-word flags. spaCy Docs of the same tokens (``analyzer.spacy_doc``) are made only where a check matches
token patterns. Documents are tokenised once, OCR-repaired (same length), by ``analyzer.analysed.analyse_text``, so every
token offset is an offset into ``Document.text``.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from analyzer.lexicon import STOP_WORDS, TOKEN, lemma

_WORD = re.compile(r"[а-яёa-z]", re.IGNORECASE)
_PART = re.compile(r"[^\W_]+")


# (start, end, lemma, stop word) of each word a token holds, offsets within the token
_Parts = tuple[tuple[int, int, str, bool], ...]


@lru_cache(maxsize=200_000)
def _word_parts(token: str) -> _Parts:
    """The words of one token: itself, the parts of a compound («ИКОП-платформа»), or none (numbers,
    punctuation). A regulation repeats most of its tokens, so each distinct one is split and read once."""
    if token.isalnum():
        if token.isdigit():
            return ()
        lem = lemma(token)
        return ((0, len(token), lem, lem in STOP_WORDS),)
    if not _WORD.search(token):
        return ()
    lemmas = [(m.start(), m.end(), lemma(m.group(0))) for m in _PART.finditer(token)]
    return tuple((start, end, lem, lem in STOP_WORDS) for start, end, lem in lemmas)


@dataclass(frozen=True)
class TokenTable:
    """The document's word tokens in order, as parallel columns: offsets into its text, lemmas, stop-word flags.

    ``cut``: every token as the tokenizer cut it, in order, at ``cut_starts`` — compounds whole
    («ссылки-приглашения», whose parts are the table's words), numbers and marks too: the tokens of a spaCy
    Doc of ``text``, without its spaces; ``forms``: the distinct ones."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]
    lemmas: tuple[str, ...]
    stops: tuple[bool, ...]
    cut: tuple[str, ...]
    cut_starts: tuple[int, ...]
    text: str = field(compare=False, repr=False)

    @cached_property
    def forms(self) -> frozenset[str]:
        return frozenset(self.cut)

    def between(self, start: int, end: int) -> slice:
        """The words that start in [start, end), as a slice of the columns."""
        return slice(bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end))



def tokenize(text: str) -> TokenTable:
    """Word tokens of ``text`` (hyphenated words split into their parts); OCR damage is the caller's to repair."""
    starts: list[int] = []
    ends: list[int] = []
    lemmas: list[str] = []
    stops: list[bool] = []
    cut: list[str] = []
    cut_starts: list[int] = []
    for m in TOKEN.finditer(text):
        token, at = m.group(0), m.start()
        cut.append(token)
        cut_starts.append(at)
        for start, end, lem, stop in _word_parts(token):
            starts.append(at + start)
            ends.append(at + end)
            lemmas.append(lem)
            stops.append(stop)
    return TokenTable(tuple(starts), tuple(ends), tuple(lemmas), tuple(stops), tuple(cut), tuple(cut_starts), text)
