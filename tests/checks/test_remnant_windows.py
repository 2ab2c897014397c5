"""RL401 matches template remnants only in windows around the words that can start them, and builds the spaCy
Doc only when a pattern can match: the token forms it reads instead must be the Doc's, and the windows must
find exactly what spaCy's Matcher finds on the whole document, on real regulations and on edited copies."""
from __future__ import annotations

import random
from pathlib import Path

import numpy
import pytest
from spacy.attrs import LEMMA, ORTH
from spacy.matcher import Matcher
from synth import random_variant

from analyzer.analysed import analyse_text
from analyzer.checks.template import _matcher, _named_lemmas, _possible
from analyzer.lexicon import lemma
from analyzer.match_windows import FormIndex, fillers, reach, windows
from analyzer.spacy_doc import build_nlp, pieces
from analyzer.template_data import load_template_data

REGULATIONS = sorted((Path(__file__).parents[2] / "corpora" / "regulations").glob("*.txt"))
KINDS = ("school", "college", "additional")


def _texts() -> list[str]:
    originals = [p.read_text(encoding="utf-8") for p in REGULATIONS]
    return originals + [random_variant(text, random.Random(seed)) for seed, text in enumerate(originals * 3)]


@pytest.mark.parametrize("kind", KINDS)
def test_windows_find_what_the_whole_document_finds(kind: str) -> None:
    seen = 0
    for text in _texts():
        tokens = analyse_text(text).tokens
        doc = build_nlp()(tokens.text)
        strings = doc.vocab.strings
        words = [t.i for t in doc if not t.is_space]
        lemmas = frozenset(strings[h] for h in numpy.unique(doc.to_array(LEMMA)[words]).tolist())
        texts = frozenset(strings[h] for h in numpy.unique(doc.to_array(ORTH)[words]).tolist())
        # what the check reads without the whole Doc is what the Doc holds
        assert texts == tokens.forms and lemmas == frozenset(lemma(f) for f in tokens.forms)
        cut = pieces(tokens.text)
        assert [t.text for t in doc] == cut.words and [t.idx for t in doc] == cut.starts
        index = FormIndex.of(tokens.forms, lemma, _named_lemmas())
        possible = {r.key: ps for r in load_template_data().remnants if (ps := _possible(r, kind, index))}
        matcher = _matcher(tuple(possible))
        windowed = []
        for at, end in windows(tokens.cut, tokens.cut_starts, [p for ps in possible.values() for p in ps]):
            window = build_nlp()(tokens.text[at:end])
            windowed += [(strings[key], at + window[s:e].start_char, at + window[s:e].end_char)
                         for key, s, e in matcher(window)]
        whole = Matcher(build_nlp().vocab)
        for remnant in load_template_data().remnants:
            whole.add(remnant.key, list(remnant.patterns), greedy="LONGEST")
        applies = {r.key for r in load_template_data().remnants if kind in r.applies}
        expected = [(strings[key], doc[s:e].start_char, doc[s:e].end_char)
                    for key, s, e in whole(doc) if strings[key] in applies]
        assert sorted(windowed) == sorted(expected)
        seen += len(expected)
    assert seen > 0   # the corpus has remnants of this kind of organisation to find


def test_reach_counts_repeats_and_refuses_unbounded() -> None:
    assert reach([{"LEMMA": "сад"}]) == 1
    assert reach([{"LEMMA": "а", "OP": "?"}, {"LEMMA": "б", "OP": "{0,12}"}, {"LEMMA": "в"}]) == 14
    assert reach([{"LEMMA": "а", "OP": "+"}]) is None
    assert reach([{"LEMMA": "а", "OP": "{2,}"}]) is None


CHAT_CLASS = [{"LOWER": "в", "OP": "?"}, {"LEMMA": {"IN": ["чат", "беседа"]}}, {"LEMMA": "класс"}]


def _windows_of(text: str, pattern: list[dict]) -> list[str]:
    tokens = analyse_text(text).tokens
    found = fillers(pattern, FormIndex.of(tokens.forms, lemma, frozenset({"чат", "беседа", "класс"})))
    return [text[a:b] for a, b in windows(tokens.cut, tokens.cut_starts, [(pattern, found)])] if found is not None else []


def test_a_window_needs_every_named_word_within_reach() -> None:
    # «класс» three tokens away from «чатах» (reach 3): not a place where «в чате класса» can be
    assert _windows_of("Общение в чатах проводится для класса.", CHAT_CLASS) == []
    # near enough: the window reaches two tokens to either side of the rarer word
    assert _windows_of("Общение в чатах классов и групп.", CHAT_CLASS) == ["Общение в чатах классов и"]
    # no «класс» at all: the pattern cannot match, no window is made
    assert _windows_of("Общение в чатах групп.", CHAT_CLASS) == []


def test_an_unindexed_lemma_is_refused_not_taken_for_absent() -> None:
    index = FormIndex.of(frozenset({"школы"}), lemma, frozenset({"класс"}))
    with pytest.raises(ValueError, match="школа"):
        index.with_lemmas(["школа"])
