"""Fuzzy scores of (reference key, unit key) pairs: token-set and token-sort ratio averaged.

``token_set_ratio`` alone gives 100 whenever one side's words are a subset of the other's;
averaging with ``token_sort_ratio`` penalises the length difference. ``token_sort_ratio`` is
``ratio`` of the words sorted, so each side is sorted once, not once per pair. One ``cpdist`` call
per scorer, one thread: batch audits parallelise across documents, not inside one.

rapidfuzz compares strings whose characters are all below U+0100 about three times faster
(``ratio``) than Cyrillic ones: it copies them one byte per character and looks each character
up in a flat table instead of a hash map. So the keys are re-coded first: ASCII stays as it is;
«Ё», «А»…«я», «ё» become U+00A1…U+00E2, in their order. The scores do not change: ``ratio``
depends only on which characters are equal; ``token_set_ratio`` also on which characters are
whitespace (it splits on them) and on the order of the words (it sorts them). The re-coding is
one-to-one; it leaves ASCII, and so its whitespace, unchanged; it sends the Cyrillic letters
above ASCII, in the same order, and not onto rapidfuzz's Latin-1 whitespace (U+0085, U+00A0).
When a key has any other character, neither side is re-coded.
"""
from __future__ import annotations

import codecs

import numpy as np
from rapidfuzz import fuzz, process

_UNDEFINED = "\ufffe"
_TABLE = ("".join(map(chr, range(0x80))) + _UNDEFINED * 0x21
          + "Ё" + "".join(map(chr, range(ord("А"), ord("я") + 1))) + "ё")
_ENCODING = codecs.charmap_build(_TABLE + _UNDEFINED * (0x100 - len(_TABLE)))


def narrow(texts: list[str]) -> list[str] | None:
    """The texts re-coded one byte per character, or None if one has a character the table lacks."""
    try:
        return [codecs.charmap_encode(text, "strict", _ENCODING)[0].decode("latin-1") for text in texts]
    except UnicodeEncodeError:
        return None


def sorted_words(key: str) -> str:
    return " ".join(sorted(key.split()))


class PairScorer:
    """The reference keys, plain then sorted, as they are and re-coded; scores them against a document's keys."""

    def __init__(self, keys: list[str]):
        self._plain = keys + [sorted_words(k) for k in keys]
        self._narrow = narrow(self._plain)

    def _coded_alike(self, texts: list[str]) -> tuple[list[str], list[str]]:
        """The reference keys and ``texts``, both re-coded if both can be, else both as they are."""
        if self._narrow is not None and (narrowed := narrow(texts)) is not None:
            return self._narrow, narrowed
        return self._plain, texts

    def scores(self, rows: list[int], texts: list[str], cols: list[int]) -> np.ndarray:
        """The fuzzy score of reference key ``rows[i]`` and ``texts[cols[i]]``, for every i."""
        place = {c: k for k, c in enumerate(dict.fromkeys(cols))}
        keys, sides = self._coded_alike([texts[c] for c in place])
        n_keys, n_texts = len(keys) // 2, len(sides)
        sides += [sorted_words(t) for t in sides]  # the re-coding keeps the order: sorted after it, the same
        at = [place[c] for c in cols]
        tset = process.cpdist([keys[r] for r in rows], [sides[k] for k in at], scorer=fuzz.token_set_ratio, workers=1)
        tsort = process.cpdist([keys[n_keys + r] for r in rows], [sides[n_texts + k] for k in at],
                               scorer=fuzz.ratio, workers=1)
        return (tset + tsort) / 2.0
