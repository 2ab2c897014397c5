"""Tokens and lemmas, computed once per document and shared by all stages.

The project has one tokenizer, ``lexicon.TOKEN``: the structure parser reads its words, and here it is the
tokenizer of spaCy's blank Russian pipeline, so the spaCy Doc (for the ``Matcher``) and the token table have
the same tokens at the same offsets. Lemmas come from a cached pymorphy3 lookup wired in as a spaCy
component (spaCy's own pymorphy3 mode needs a tagger that no installable Russian model provides here, and
is much slower). Documents are tokenised once, OCR-repaired (same length), by
``analyzer.analysed.analyse_text``, so every token offset is an offset into ``Document.text``.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

import numpy
import spacy
from spacy.attrs import IDX, LEMMA, ORTH
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from analyzer.ingest.guards import MAX_CHARS
from analyzer.lexicon import STOP_WORDS, TOKEN, lemma

_WORD = re.compile(r"[а-яёa-z]", re.IGNORECASE)
_PART = re.compile(r"[^\W_]+")



@Language.component("pymorphy3_lemmas")
def _lemmatize(doc: Doc) -> Doc:
    # Through arrays: a spaCy Token object per word costs more than the lemma itself.
    # Each distinct word is looked up once: a regulation repeats most of its words.
    strings = doc.vocab.strings
    words, at = numpy.unique(doc.to_array(ORTH), return_inverse=True)
    lemmas = numpy.array([strings.add(lemma(strings[orth])) for orth in words.tolist()], dtype=numpy.uint64)
    doc.from_array([LEMMA], lemmas[at].reshape(-1, 1))  # type: ignore[arg-type]
    return doc


_PIECES = re.compile(f"({TOKEN.pattern})")


class LexiconTokenizer:
    """spaCy's tokenizer interface over the project's one tokenizer (``lexicon.TOKEN``): the Doc's tokens are
    the lexicon's, whitespace kept as spaCy keeps it (one space after a token, any other run a token of its
    own), so that the Doc's text and every offset are the input's."""

    def __init__(self, vocab: Vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        parts = _PIECES.split(text)   # blank, token, blank, token, …, blank
        words: list[str] = [parts[0]] if parts[0] else []
        spaces: list[bool] = [False] if parts[0] else []
        for i in range(1, len(parts), 2):
            words.append(parts[i])
            blank = parts[i + 1]
            spaces.append(blank[:1] == " ")
            if len(blank) > 1 or blank[:1] not in ("", " "):
                words.append(blank[1:] if blank[0] == " " else blank)
                spaces.append(False)
        return Doc(self.vocab, words=words, spaces=spaces)


@spacy.registry.tokenizers("reglint.lexicon_tokenizer.v1")
def lexicon_tokenizer() -> Callable[[Language], LexiconTokenizer]:
    """Registered so that ``spacy.blank("ru")`` is built with it and never compiles the default Russian
    tokenizer's exception tables (≈ 70 ms of every start-up)."""
    def create(nlp: Language) -> LexiconTokenizer:
        return LexiconTokenizer(nlp.vocab)
    return create


@lru_cache(maxsize=1)
def build_nlp() -> Language:
    """The shared pipeline: a blank Russian pipeline with the lexicon's tokenizer + cached pymorphy3 lemmas."""
    nlp = spacy.blank("ru", config={"nlp": {"tokenizer": {"@tokenizers": "reglint.lexicon_tokenizer.v1"}}})
    nlp.add_pipe("pymorphy3_lemmas")
    nlp.max_length = MAX_CHARS + 1   # spaCy's own limit (E088) guards its parser's memory; no parser runs here
    return nlp


# (start, end, lemma, stop word) of each word a spaCy token holds, offsets within the token
_Parts = tuple[tuple[int, int, str, bool], ...]


@lru_cache(maxsize=200_000)
def _word_parts(token: str) -> _Parts:
    """The words of one spaCy token: itself, the parts of a compound («ИКОП-платформа»), or none (numbers,
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
    """The document's word tokens in order, as parallel columns: offsets into its text, lemmas, stop-word flags."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]
    lemmas: tuple[str, ...]
    stops: tuple[bool, ...]
    doc: Doc = field(compare=False, repr=False)  # the spaCy Doc, for Matcher-based checks

    def between(self, start: int, end: int) -> slice:
        """The words that start in [start, end), as a slice of the columns."""
        return slice(bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end))


def tokenize(text: str) -> TokenTable:
    """Word tokens of ``text`` (hyphenated words split into their parts); OCR damage is the caller's to repair."""
    doc = build_nlp()(text)
    strings = doc.vocab.strings
    starts: list[int] = []
    ends: list[int] = []
    lemmas: list[str] = []
    stops: list[bool] = []
    for idx, orth in doc.to_array([IDX, ORTH]).tolist():
        for start, end, lem, stop in _word_parts(strings[orth]):
            starts.append(idx + start)
            ends.append(idx + end)
            lemmas.append(lem)
            stops.append(stop)
    return TokenTable(tuple(starts), tuple(ends), tuple(lemmas), tuple(stops), doc)
