"""``clean`` takes a shortcut for a one-line paragraph: it must give what cleaning line by line gives."""
from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.ingest.text import clean, normalise

REGULATIONS = Path(__file__).parents[2] / "corpora" / "regulations"


def _line_by_line(text: str, strip_left: bool) -> str:
    lines = (line.rstrip() for line in normalise(text).split("\n"))
    return "\n".join((line.lstrip() if strip_left else line) for line in lines if line.strip())


EDGES = ["", " ", "\t\u00a0 ", "  1.1. Текст \u00ad", "\u200b", "a\u2028b", "a\r\nb", " x\x0b", "\ufeffПоложение ",
         "\u3000абв\u2003", "x\x1c", "\x85 y"]


@pytest.mark.parametrize("strip_left", [True, False])
def test_one_line_shortcut_gives_the_line_by_line_result(strip_left: bool) -> None:
    lines = [line for p in sorted(REGULATIONS.glob("*.txt")) for line in p.read_text(encoding="utf-8").split("\n")]
    texts = lines + [f"{pad}{line}{pad}" for line in lines[:50] for pad in (" ", "\t", "\u00a0")] + EDGES
    assert [clean(t, strip_left=strip_left) for t in texts] == [_line_by_line(t, strip_left) for t in texts]
