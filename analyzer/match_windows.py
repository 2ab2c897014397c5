"""Where in a text spaCy ``Matcher`` token patterns can match, found without spaCy.

A pattern's mandatory tokens that name their words (``LEMMA``, ``LEMMA: {IN: …}``, ``LOWER``,
``TEXT: {REGEX: …}``) can each be filled only by some of the text's distinct tokens (``fillers``); when one
has none, the pattern cannot match at all. A match spans at most ``reach`` tokens and holds a filler of each
such token; so around each occurrence of the rarest filler, as far as the pattern reaches, with the other
fillers near enough, lies every place a match can be (``windows``). A check then makes spaCy Docs of these
windows only, and none when there are none.

The tokens are the lexicon's (``lexicon.TOKEN``), as the token table holds them, which are the spaCy Doc's
tokens: a window starts and ends on a token, so its Doc has the whole text's tokens, and its offsets shift by
its start.
"""
from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

Pattern = list[dict[str, Any]]   # one spaCy Matcher pattern: a token spec per token
Fillers = list[frozenset[str]]   # per mandatory token that names its words: the text's tokens that can fill it

@dataclass(frozen=True)
class FormIndex:
    """A text's distinct tokens, and those whose lemma (the lemma its Doc token gets) is one of ``named``
    grouped by it: only the lemmas patterns name are ever looked up."""

    forms: frozenset[str]
    named: frozenset[str]
    by_lemma: dict[str, frozenset[str]]

    @classmethod
    def of(cls, forms: frozenset[str], lemma: Callable[[str], str], named: frozenset[str]) -> FormIndex:
        groups: dict[str, set[str]] = {}
        for lem, form in [(lem, f) for f, lem in zip(forms, map(lemma, forms)) if lem in named]:
            groups.setdefault(lem, set()).add(form)
        return cls(forms, named, {lem: frozenset(group) for lem, group in groups.items()})

    def with_lemmas(self, lemmas: Iterable[str]) -> frozenset[str]:
        lemmas = list(lemmas)
        if not self.named.issuperset(lemmas):
            raise ValueError(f"not indexed: {sorted(set(lemmas) - self.named)}")
        return frozenset().union(*(self.by_lemma.get(lem, ()) for lem in lemmas))


def named_lemmas(patterns: Iterable[Pattern]) -> frozenset[str]:
    """The lemmas the token specs of ``patterns`` name (``LEMMA``, ``LEMMA: {IN: …}``)."""
    named: set[str] = set()
    for token in itertools.chain.from_iterable(patterns):
        lemma = token.get("LEMMA")
        named.update([lemma] if isinstance(lemma, str) else lemma.get("IN", ()) if isinstance(lemma, dict) else ())
    return frozenset(named)


def _filler(token: dict[str, Any], index: FormIndex) -> frozenset[str] | None:
    """The forms that can fill a mandatory token spec; None when the spec does not name its words."""
    lemma, lower, text = token.get("LEMMA"), token.get("LOWER"), token.get("TEXT")
    if isinstance(lemma, str):
        return index.with_lemmas([lemma])
    if isinstance(lemma, dict) and "IN" in lemma:
        return index.with_lemmas(lemma["IN"])
    if isinstance(lower, str):
        return frozenset(f for f in index.forms if f.lower() == lower)
    if isinstance(text, dict) and "REGEX" in text:
        regex = re.compile(text["REGEX"])
        return frozenset(f for f in index.forms if regex.search(f))
    return None


def fillers(pattern: Pattern, index: FormIndex) -> Fillers | None:
    """Per mandatory token of ``pattern`` that names its words, the text's tokens that can fill it; None when
    one of them has none: then the pattern cannot match in the text."""
    found: Fillers = []
    for token in (t for t in pattern if "OP" not in t):
        forms = _filler(token, index)
        if forms is None:
            continue
        if not forms:
            return None
        found.append(forms)
    return found


def reach(pattern: Pattern) -> int | None:
    """The most tokens a match of the pattern can span; None when unbounded."""
    total = 0
    for token in pattern:
        op = str(token.get("OP", "1"))
        if op in ("+", "*") or op.endswith(",}"):
            return None
        total += int(op.strip("{}").split(",")[-1]) if op.startswith("{") else 1
    return total


def _near(positions: list[int], at: int, distance: int) -> bool:
    k = bisect.bisect_left(positions, at - distance)
    return k < len(positions) and positions[k] <= at + distance


def windows(tokens: Sequence[str], starts: Sequence[int], patterns: list[tuple[Pattern, Fillers]]
            ) -> list[tuple[int, int]]:
    """Character ranges of a text, in order, apart, each from the start of a token to the end of one, that
    hold every match of ``patterns`` (each with its ``fillers`` in the text). ``tokens``: the text's tokens
    in order (``lexicon.TOKEN``), at ``starts``. Empty when no pattern can match."""
    reaches = [reach(p) for p, _ in patterns]
    if any(r is None or not fills for r, (_, fills) in zip(reaches, patterns)):
        return [(0, starts[-1] + len(tokens[-1]))] if patterns and tokens else []
    wanted = frozenset().union(*(f for _, fills in patterns for f in fills))
    hits = [(i, token) for i, token in enumerate(tokens) if token in wanted]
    spans: list[tuple[int, int]] = []
    for (_, fills), span in zip(patterns, reaches):
        assert span is not None
        positions = [[i for i, token in hits if token in forms] for forms in fills]
        anchor = min(positions, key=len)
        for at in anchor:
            if all(_near(p, at, span - 1) for p in positions if p is not anchor):
                spans.append((max(0, at - span + 1), min(len(tokens), at + span)))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return [(starts[a], starts[b - 1] + len(tokens[b - 1])) for a, b in merged]
