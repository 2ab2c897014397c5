"""Deviation signals inside a matched unit: a duty made optional, a duty or
right made conditional, or stated with a subject other than MR's.
"""
from __future__ import annotations

import re

from analyzer.clause_set import Clause
from analyzer.first_letters import compile_scanning

# Words that turn a duty into an option. «(при наличии доступа)» is a
# condition of fact, not an option, and is not listed.
OPTIONAL = compile_scanning(
    r"\(?\b(?:при|по)\s+необходимости\b\)?|\bпо\s+возможности\b|\bпо\s+желанию\b|\bпо\s+усмотрению\b"
    r"|\bвправе\b|\bмо(?:жет|гут)\b|\bрекомендуется\b|\bжелательно\b|\bдопускается\b",
    re.IGNORECASE)
# "... педагогическим работникам и обучающимся (при необходимости)": the
# parenthesis qualifies only the last conjunct, not the duty.
_LAST_CONJUNCT = re.compile(r"\bи\s+(?:[\w-]+\s+){0,2}[\w-]+\s*$", re.IGNORECASE)


def weakening_pattern(phrases: tuple[str, ...]) -> re.Pattern | None:
    """The clause set's weakening conditions as one pattern ("по согласовани* с *")."""
    def word(w: str) -> str:
        return r"[\w-]+" if w == "*" else re.escape(w.rstrip("*")) + (r"\w*" if w.endswith("*") else "")
    alternatives = [r"\s+".join(word(w) for w in phrase.split()) for phrase in phrases]
    return compile_scanning(r"\(?\b(?:" + "|".join(alternatives) + r")\b\)?", re.IGNORECASE) if alternatives else None


def optional_marker(text: str, start: int, end: int, pattern: re.Pattern = OPTIONAL) -> tuple[int, int] | None:
    """Span of a marker (``pattern``: optional words by default) that weakens the duty in ``text[start:end]``."""
    for m in pattern.finditer(text, start, end):
        if m.group(0).startswith("("):
            before = text[max(start, m.start() - 60):m.start()]
            if _LAST_CONJUNCT.search(before):
                continue
        return m.start(), m.end()
    return None


def conflict(clause: Clause, sequence: tuple[str, ...]) -> tuple[str, ...] | None:
    """The clause's conflict pattern found as a contiguous lemma run, if any."""
    for pattern in clause.conflicts:
        if pattern and pattern[0] not in sequence:
            continue
        n = len(pattern)
        for i in range(len(sequence) - n + 1):
            if sequence[i:i + n] == pattern:
                return pattern
    return None
