"""Words as the structure parser compares them: readings from analyzer.lexicon,
and whether a text states something or only names it.
"""
from __future__ import annotations

from analyzer.lexicon import parses, words

# Predicates: finite verbs and short forms ("обязаны", "назначен").
PREDICATES = frozenset({"VERB", "ADJS", "PRTS"})
NOMINAL = frozenset({"NOUN", "ADJF", "ADJS", "PRTF", "PRTS", "NPRO", "NUMR"})


def pos(word: str) -> str:
    """Part of speech of the likeliest reading."""
    return parses(word)[0][1]


def has_predicate(text: str) -> bool:
    """Whether the text states something ("назначается", "обязаны") rather than names it."""
    return any(pos(w) in PREDICATES for w in words(text))
