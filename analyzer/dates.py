"""Dates in the forms Russian documents write them.

"13 июля 2022 г.", «29» декабря 2023 года, 01.09.2021, 1.9.21, 2021-09-01.
A date that is written but impossible (31.02.2023) is kept with value None,
so that a check can report it.
"""
from __future__ import annotations

import datetime as dt
import re

from analyzer.first_letters import compile_scanning
from analyzer.model import DateMention

MONTHS = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6,
    "июл": 7, "август": 8, "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
}
_MONTH_RE = (r"(?P<month>января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|"
             r"январь|февраль|март|апрель|май|июнь|июль|август|сентябрь|октябрь|ноябрь|декабрь)")
_Q = "[«»\"“”„'`]?"
WORDY = compile_scanning(
    rf"{_Q}\s?(?P<day>\d{{1,2}})\s?{_Q}\s*{_MONTH_RE}\s+(?P<year>(?:19|20)\d\d)(?:\s*(?:г\.|года|год|г(?![а-яё])))?",
    re.IGNORECASE)
NUMERIC = compile_scanning(
    r"(?<![\d.])(?P<day>\d{1,2})\s?[./]\s?(?P<month>\d{1,2})\s?[./]\s?(?P<year>(?:19|20)\d\d|\d\d)(?![\d])"
    r"(?:\s*(?:г\.|года|год|г(?![а-яё])))?")
ISO = compile_scanning(r"(?<!\d)(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)(?!\d)")


def _month(word: str) -> int:
    word = word.lower()
    for stem, number in sorted(MONTHS.items(), key=lambda kv: -len(kv[0])):
        if word.startswith(stem):
            return number
    raise ValueError(word)


def _make(year: int, month: int, day: int) -> dt.date | None:
    if year < 100:
        year += 2000
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateMention]:
    """Every date in ``text[start:end]``, in order, spans into ``text``."""
    end = len(text) if end is None else end
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for pattern, month_of in ((WORDY, _month), (ISO, int), (NUMERIC, int)):
        for m in pattern.finditer(text, start, end):
            s, e = m.span()
            if text[s] in "«»\"“”„'`" and not m.group("day")[0].isdigit():
                s += 1
            if any(s < te and ts < e for ts, te in taken):
                continue
            value = _make(int(m.group("year")), month_of(m.group("month")), int(m.group("day")))
            taken.append((s, e))
            found.append(DateMention(value=value, start=s, end=e, text=text[s:e].strip()))
    return sorted(found, key=lambda d: d.start)


def parse_date(text: str) -> dt.date | None:
    """The first date written in ``text``, or None."""
    mentions = find_dates(text)
    return mentions[0].value if mentions else None
