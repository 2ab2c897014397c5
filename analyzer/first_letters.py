"""Regular expressions that skip, at C speed, the positions where no match can start.

Python's ``re`` tries an alternation of words («колледж…|техникум…|…») at every position of a text. A
look-ahead for the letters a match can start with, put in front, fails most positions at once (about 4×
faster on a regulation). The letters are read from the pattern's parse; the look-ahead is compiled with
the pattern's own flags, so case-insensitive matching folds it exactly as it folds the pattern, and
the matches are the same. A pattern whose first letters cannot be listed (it may start with any
character, or match the empty string) is compiled as it is.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

# re's parser is internal; the names it uses have been stable since Python 3.5 (sre_parse before 3.11).
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

_MAX_RANGE = 256   # a class wider than this ([а-я] is 32) is not worth listing
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")   # must stay first: not wrapped


_CATEGORIES = {sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_NOT_DIGIT: r"\D", sre.CATEGORY_SPACE: r"\s",
               sre.CATEGORY_NOT_SPACE: r"\S", sre.CATEGORY_WORD: r"\w", sre.CATEGORY_NOT_WORD: r"\W"}


_TOO_WIDE = frozenset({r"\w", r"\W", r"\D", r"\S"})   # a look-ahead for these would skip almost nothing


def _class(items: Iterable[tuple[Any, Any]]) -> set[str] | None:
    """The members of a character class as class atoms: letters, and \\d, \\s, \\w and their negations."""
    atoms: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            atoms.add(re.escape(chr(av)))
        elif op is sre.RANGE and av[1] - av[0] < _MAX_RANGE:
            atoms.update(re.escape(chr(c)) for c in range(av[0], av[1] + 1))
        elif op is sre.CATEGORY and av in _CATEGORIES:
            atoms.add(_CATEGORIES[av])
        else:   # NEGATE, a wide range
            return None
    return atoms


def _first(items: Iterable[tuple[Any, Any]]) -> tuple[set[str] | None, bool]:
    """(the letters a match of this sequence can start with or None for any, whether it can match empty)."""
    letters: set[str] = set()
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        if op is sre.LITERAL:
            return letters | {re.escape(chr(av))}, False
        if op is sre.IN:
            found = _class(av)
            return (None if found is None else letters | found), False
        if op is sre.SUBPATTERN:
            found, empty = _first(av[-1])
        elif op is sre.BRANCH:
            branches = [_first(branch) for branch in av[1]]
            if any(b is None for b, _ in branches):
                return None, False
            found = set().union(*(b for b, _ in branches if b is not None))
            empty = any(e for _, e in branches)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            found, empty = _first(av[2])
            empty = empty or av[0] == 0
        else:   # ANY, NOT_LITERAL, a group reference, …
            return None, False
        if found is None:
            return None, False
        letters |= found
        if not empty:
            return letters, False
    return letters, True


def first_letters(pattern: str, flags: int = 0) -> set[str] | None:
    """What a match of ``pattern`` can start with, as character-class atoms (before case folding), or None
    if it can start with anything (a dot, a negated class) or match the empty string."""
    letters, empty = _first(_parser.parse(pattern, flags))
    return None if empty or not letters or not letters.isdisjoint(_TOO_WIDE) else letters


def compile_scanning(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, with a look-ahead for the first letters in front when they are known."""
    compiled = re.compile(pattern, flags)
    letters = None if _GLOBAL_FLAGS.match(pattern) else first_letters(pattern, flags)
    if letters is None:
        return compiled
    return re.compile(f"(?=[{''.join(sorted(letters))}])(?:{pattern})", flags)
