"""spaCy's blank Russian pipeline over the project's one tokenizer, for the checks that match token patterns
(spaCy's ``Matcher``: template remnants). Imported only when such a check has something to match, so that a
document without candidates, and a cold ``reglint check`` of it, never load spaCy; and then a check makes
Docs of the windows of the text where a match can be (``analyzer.match_windows``), not of the whole text.

The pipeline's tokenizer is ``lexicon.TOKEN`` (registered, so ``spacy.blank("ru")`` never compiles the default
Russian tokenizer's exception tables); lemmas come from the cached pymorphy3 lookup of ``lexicon.lemma``, wired
in as a component (spaCy's own pymorphy3 mode needs a tagger that no installable Russian model provides here,
and is much slower).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import numpy
import spacy
from spacy.attrs import LEMMA, ORTH
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from analyzer.ingest.guards import MAX_CHARS
from analyzer.lexicon import TOKEN, lemma


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


@dataclass(frozen=True)
class Pieces:
    """The tokens a Doc of a text is made of — the lexicon's tokens, and each run of blanks other than the one
    space after a token (which is that token's flag), as spaCy keeps them — with their offsets in the text."""

    words: list[str]
    spaces: list[bool]
    starts: list[int]


def pieces(text: str) -> Pieces:
    parts = _PIECES.split(text)   # blank, token, blank, token, …, blank
    words: list[str] = [parts[0]] if parts[0] else []
    spaces: list[bool] = [False] if parts[0] else []
    starts: list[int] = [0] if parts[0] else []
    at = len(parts[0])
    for i in range(1, len(parts), 2):
        token, blank = parts[i], parts[i + 1]
        words.append(token)
        starts.append(at)
        spaces.append(blank[:1] == " ")
        at += len(token)
        if len(blank) > 1 or blank[:1] not in ("", " "):
            rest = blank[1:] if blank[0] == " " else blank
            words.append(rest)
            spaces.append(False)
            starts.append(at + len(blank) - len(rest))
        at += len(blank)
    return Pieces(words, spaces, starts)


class LexiconTokenizer:
    """spaCy's tokenizer interface over the project's one tokenizer (``lexicon.TOKEN``): the Doc's tokens are
    the lexicon's, whitespace kept as spaCy keeps it, so that the Doc's text and every offset are the input's."""

    def __init__(self, vocab: Vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        cut = pieces(text)
        return Doc(self.vocab, words=cut.words, spaces=cut.spaces)


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
