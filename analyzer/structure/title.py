"""The act's title: "ПОЛОЖЕНИЕ об использовании …", possibly over several
lines ("## ПОЛОЖЕНИЕ" / "### об …", "ПОЛОЖЕНИЕ" / "«Об использовании …»"),
or another kind of act ("Порядок применения сервисов …").
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from analyzer.lexicon import fold
from analyzer.structure.lines import ACT_KIND, APPROVAL_KEYWORD, Line, is_unnumbered_heading
from analyzer.structure.roles import topic_role
from analyzer.structure.words import has_predicate

SEARCH_LINES = 40
MAX_TITLE = 600
# A title's second line names the subject: "об использовании …", "«Об …", "при реализации …".
_SUBJECT_START = re.compile(r"^(?:[«\"“„]|(?i:о|об|по|при|в|во|для|на)\s|[а-яё])")


@dataclass(frozen=True)
class Title:
    text: str
    kind: str          # the act kind as a lower-case word: "положение", "порядок"
    start: int
    end: int
    first: int         # index of its first and last logical line
    last: int


def _continues_title(title: str, line: Line) -> bool:
    """The subject line, or any line while a quote of the title is open («Об … ГБОУ школы № 59»)."""
    open_quote = title.count("«") > title.count("»") and not has_predicate(line.text)
    return (line.marker is None and not APPROVAL_KEYWORD.match(line.text)
            and (bool(_SUBJECT_START.match(line.text)) or open_quote)
            and not (is_unnumbered_heading(line) and topic_role(line.text)))


def find_title(lines: Sequence[Line]) -> Title | None:
    """The first line naming a kind of act before the numbered body, with its continuation lines."""
    for i, line in enumerate(lines[:SEARCH_LINES]):
        if line.marker is not None and line.marker.style in ("dotted", "roman"):
            return None
        kind = ACT_KIND.match(line.text)
        if line.marker is None and kind and not has_predicate(line.text) and len(line.text) <= MAX_TITLE:
            last, text = i, line.text
            while last + 1 < len(lines) and _continues_title(text, lines[last + 1]) \
                    and lines[last + 1].end - line.start <= MAX_TITLE:
                last += 1
                text += " " + lines[last].text
            return Title(text=text, kind=" ".join(fold(kind.group(1)).split()),
                         start=line.start, end=lines[last].end, first=i, last=last)
    return None
