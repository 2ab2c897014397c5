"""Word-level differences between a reference wording and a document's text.

Words are compared case-insensitively with ё read as е; punctuation marks are
tokens of their own, so "необходимости);" and "необходимости)." differ by one
mark, not by a word. Each segment keeps the whitespace before its first token,
so joining segments gives back the text.
"""
from __future__ import annotations

import re
from difflib import SequenceMatcher

_TOKEN = re.compile(r"\s*(?:\w+(?:[-‐]\w+)*|[^\w\s])")


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.strip())


def _key(token: str) -> str:
    return token.strip().lower().replace("ё", "е")


def word_diff(reference: str, document: str) -> list[tuple[str, str]]:
    """Segments ``(op, text)`` turning ``reference`` into ``document``.

    ``equal``: words both have (the document's spelling); ``delete``: reference
    words the document lacks; ``insert``: document words the reference lacks;
    ``replace``: document words standing where the reference has others — the
    reference's words come just before it as a ``delete``. So the reference
    reads ``equal`` + ``delete`` and the document ``equal`` + ``insert`` + ``replace``.
    """
    ref, doc = _tokens(reference), _tokens(document)
    matcher = SequenceMatcher(None, [_key(t) for t in ref], [_key(t) for t in doc], autojunk=False)
    segments: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op in ("delete", "replace"):
            segments.append(("delete", "".join(ref[i1:i2])))
        if op != "delete":
            segments.append((op, "".join(doc[j1:j2])))
    return segments


def side(segments: list[tuple[str, str]], which: str) -> list[tuple[str, str]]:
    """The segments one column of a side-by-side view shows: ``reference`` or ``document``."""
    ops = ("equal", "delete") if which == "reference" else ("equal", "insert", "replace")
    return [(op, text) for op, text in segments if op in ops]
