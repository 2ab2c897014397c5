"""The gap report in Markdown (CommonMark with GitHub tables).

The document's text is untrusted here too: every Markdown or HTML mark in it
is backslash-escaped, so a renderer shows it as text.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from jinja2 import Environment, PackageLoader, StrictUndefined

from analyzer.model import Report
from analyzer.report.view import (
    LEVEL_ONE_RU,
    SEVERITY_PLURAL_RU,
    STATUS_LETTER,
    STATUS_RU,
    build_view,
    shorten,
    upper_first,
)

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~!&])")


def md(text: str) -> str:
    """``text`` on one line with Markdown and HTML marks (``|`` of tables too) escaped."""
    return _SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


@lru_cache(maxsize=1)
def _environment() -> Environment:
    env = Environment(loader=PackageLoader("analyzer.report", "templates"), autoescape=False,
                      undefined=StrictUndefined, keep_trailing_newline=True)
    env.filters.update(md=md, shorten=shorten, upper_first=upper_first)
    env.globals.update(letters=STATUS_LETTER, status_ru=STATUS_RU, level_one=LEVEL_ONE_RU,
                       plural=SEVERITY_PLURAL_RU)
    return env


def render_markdown(report: Report, checked: dt.date | None = None) -> str:
    """The Markdown gap report; ``checked`` is the date of the check shown (default today)."""
    return _environment().get_template("report.md.j2").render(v=build_view(report, checked))
