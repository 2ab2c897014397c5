"""Concept groups of every clause evaluated on every unit, vectorised.

A clause's groups are lists of alternatives; an alternative's words must all
occur in one sentence (a word ending in * is a prefix). The words of the
whole clause set form one vocabulary: each distinct lemma is mapped once
(and cached across documents) to the vocabulary words it satisfies; the
words a sentence holds then give its alternatives, groups and clauses × units
by numpy gathers, not a Python loop.
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np

from analyzer.clause_set import ClauseSet, Group


class ConceptIndex:
    def __init__(self, clause_set: ClauseSet):
        self.words: list[tuple[str, bool]] = []
        word_ids: dict[tuple[str, bool], int] = {}
        self.terms: list[frozenset[int]] = []      # a term: the vocabulary words that must all be in a sentence
        self.groups: list[list[int]] = []
        group_ids: dict[tuple, int] = {}

        def group_id(group: Group) -> int:
            key = tuple(term.words for term in group)
            if key not in group_ids:
                term_ids = []
                for term in group:
                    self.terms.append(frozenset(word_ids.setdefault(w, len(word_ids)) for w in term.words))
                    term_ids.append(len(self.terms) - 1)
                group_ids[key] = len(self.groups)
                self.groups.append(term_ids)
            return group_ids[key]

        self.core = [[group_id(g) for g in c.core] for c in clause_set.clauses]
        self.parts = [[group_id(g) for g in c.parts] for c in clause_set.clauses]
        self.excludes = [[group_id(g) for g in c.excludes] for c in clause_set.clauses]
        self.words = sorted(word_ids, key=word_ids.__getitem__)
        self._exact: dict[str, list[int]] = {}
        self._prefixes: dict[str, list[int]] = {}
        for i, (w, prefix) in enumerate(self.words):
            (self._prefixes if prefix else self._exact).setdefault(w, []).append(i)
        self._longest_prefix = max((len(w) for w in self._prefixes), default=0)
        self._hits = lru_cache(maxsize=100_000)(self._word_hits)
        # terms × longest term: word columns padded with a column always held; and a last term never held
        n_words = len(self.words)
        self._term_words = _padded([sorted(words) for words in self.terms] + [[n_words + 1]], n_words)
        # groups × most terms: term columns padded with that last term
        self._group_terms = _padded(self.groups, len(self.terms))
        # clauses × longest list, padded with a column always held (core) or never held (parts, excludes)
        self._core = _padded(self.core, len(self.groups))
        self._parts = _padded(self.parts, len(self.groups) + 1)
        self._excludes = _padded(self.excludes, len(self.groups) + 1)
        self._part_sizes = np.array([len(ids) for ids in self.parts])

    def _word_hits(self, lemma: str) -> tuple[int, ...]:
        """The vocabulary words the lemma satisfies: itself, and its prefixes among the prefix words."""
        ids = list(self._exact.get(lemma, ()))
        for end in range(min(len(lemma), self._longest_prefix) + 1):
            ids.extend(self._prefixes.get(lemma[:end], ()))
        return tuple(sorted(ids))

    def sentence_groups(self, sentences: list[frozenset[str]]) -> np.ndarray:
        """sentences × groups: does the sentence satisfy the group (all the words of one of its terms).

        Python only finds the few vocabulary words each sentence holds; terms and groups are gathers.
        """
        # most of a document's lemmas are no vocabulary word: find those that are once, then meet each sentence
        hitting = {lemma: ids for lemma in frozenset().union(*sentences) if (ids := self._hits(lemma))}
        known = hitting.keys()
        rows: list[int] = []
        cols: list[int] = []
        for row, lemmas in enumerate(sentences):
            for lemma in lemmas & known:
                rows.extend([row] * len(hitting[lemma]))
                cols.extend(hitting[lemma])
        n_words = len(self.words)
        has_word = np.zeros((len(sentences), n_words + 2), dtype=bool)  # + always held, never held
        has_word[:, n_words] = True
        has_word[rows, cols] = True
        has_term = np.all(has_word[:, self._term_words], axis=2)
        return np.any(has_term[:, self._group_terms], axis=2)

    def evaluate(self, sentences: list[frozenset[str]], unit_sentences: list[tuple[int, ...]]
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(states, parts, held). states and parts: clauses × units — a unit states a clause when its
        first sentence has every core group and no sentence has an exclude group; parts is the share
        of part groups held. held: units × groups.

        Gathers through the padded lists, not matrix products: numpy hands float products to a
        multi-threaded BLAS whose threads cost more CPU than these small products do.
        """
        n_groups = len(self.groups)
        per_sentence = np.zeros((len(sentences) + 1, n_groups + 2), dtype=bool)  # + a row of nothing
        per_sentence[:-1, :n_groups] = self.sentence_groups(sentences)
        per_sentence[:-1, n_groups] = True                                       # the padding of core lists
        per_unit = per_sentence[_padded(unit_sentences, len(sentences))].any(axis=1)
        lead = per_sentence[[ids[0] for ids in unit_sentences]]
        states = lead[:, self._core].all(axis=2) & ~per_unit[:, self._excludes].any(axis=2)
        held_parts = per_unit[:, self._parts].sum(axis=2)
        # as numpy's mean of booleans: the count divided in float64
        parts = np.where(self._part_sizes > 0, held_parts / np.maximum(self._part_sizes, 1), 1.0)
        return states.T, parts.T.astype(np.float32), per_unit[:, :n_groups]

    def lacking(self, clause_index: int, held_row: np.ndarray) -> list[int]:
        """Positions of the clause's part groups a unit does not hold."""
        return [k for k, gid in enumerate(self.parts[clause_index]) if not held_row[gid]]


def _padded(lists: list[list[int]] | list[tuple[int, ...]], pad: int) -> np.ndarray:
    """The lists as rows of one integer array, each filled up to the longest with ``pad``."""
    out = np.full((len(lists), max(map(len, lists), default=0)), pad, dtype=np.intp)
    for row, ids in enumerate(lists):
        out[row, :len(ids)] = ids
    return out
