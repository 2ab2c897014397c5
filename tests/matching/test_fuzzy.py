"""Fuzzy pair scores: re-coding the keys into one byte per character changes no score."""
from __future__ import annotations

import random

import pytest
from rapidfuzz import fuzz, process

from analyzer.matching.fuzzy import PairScorer, narrow

# letters whose order the re-coding must keep: ASCII below Cyrillic, «ё» after «я», «Ё» before «А»
LETTERS = "aAz-19ЁАЕЯаеяё"


def _words(rng: random.Random, n: int) -> str:
    return " ".join("".join(rng.choice(LETTERS) for _ in range(rng.randint(1, 3))) for _ in range(n))


def _expected(keys: list[str], texts: list[str]) -> list[float]:
    """The same pairs scored by rapidfuzz on the texts as they are (cpdist: float32, as PairScorer)."""
    tset = process.cpdist(keys, texts, scorer=fuzz.token_set_ratio, workers=1)
    tsort = process.cpdist(keys, texts, scorer=fuzz.token_sort_ratio, workers=1)
    return ((tset + tsort) / 2.0).tolist()


def test_recoding_keeps_order_and_equality():
    words = sorted(set(LETTERS) | {"ёж", "еж", "яма", "Ёлка", "z-1"})
    coded = narrow(words)
    assert coded is not None and all(ord(ch) < 0x100 for w in coded for ch in w)
    assert sorted(coded) == coded and len(set(coded)) == len(words)
    assert narrow(["café"]) is None and narrow(["№ 5"]) is None


@pytest.mark.parametrize("other", ["", "é", "№"])
def test_scores_equal_rapidfuzz_on_the_texts_as_they_are(other):
    rng = random.Random(16)
    keys = [_words(rng, rng.randint(1, 12)) for _ in range(30)]
    texts = [_words(rng, rng.randint(1, 12)) + (" " + other if other else "") for _ in range(40)]
    rows = [rng.randrange(len(keys)) for _ in range(400)]
    cols = [rng.randrange(len(texts)) for _ in range(400)]
    got = PairScorer(keys).scores(rows, texts, cols)
    assert got.tolist() == _expected([keys[r] for r in rows], [texts[c] for c in cols])


def test_scores_on_real_wordings(regulations_dir):
    from analyzer.clause_set import load_clause_set
    from analyzer.matching import _clause_keys
    from analyzer.nlp import tokenize

    keys = [k for c in load_clause_set().clauses for k in _clause_keys(c)]
    table = tokenize((regulations_dir / "apk-college.txt").read_text(encoding="utf-8"))
    content = [lem for lem, stop in zip(table.lemmas, table.stops) if not stop]
    texts = [" ".join(content[i:i + 25]) for i in range(0, len(content), 25)]
    rows, cols = zip(*[(r, c) for r in range(len(keys)) for c in range(0, len(texts), 7)])
    got = PairScorer(keys).scores(list(rows), texts, list(cols))
    assert got.tolist() == _expected([keys[r] for r in rows], [texts[c] for c in cols])
