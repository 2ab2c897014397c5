"""Helpers of the ingest tests (imported by name: pytest puts this folder on sys.path)."""
from __future__ import annotations

import re
from pathlib import Path

STEMS = sorted(p.stem for p in (Path(__file__).resolve().parents[2] / "corpora" / "regulations").glob("*.txt"))

# A written clause number at the start of a paragraph ("1.", "2.3", "4.3."), after
# Markdown decoration ("### ", "**", "- 1.1."). One component needs its dot.
_NUMBER = re.compile(r"^[#*\s]*(?:[-*]\s+(?=\d))?(\d{1,2}(?:\.\d{1,2}){1,3}\.?|\d{1,2}\.)(?=\s|[А-ЯЁA-Z«\"]|$)")


def clause_numbers(text: str) -> list[str]:
    """The clause numbers that open paragraphs, in order."""
    found = (_NUMBER.match(line.replace("**", "")) for line in text.split("\n"))
    return [m.group(1) for m in found if m]
