"""The gap report in Markdown (CommonMark with GitHub tables).

The document's text is untrusted here too: every Markdown or HTML mark in it
is backslash-escaped, so a renderer shows it as text.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from jinja2 import Environment

from analyzer.model import Report
from analyzer.report.templating import environment
from analyzer.report.view import build_view

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~!&])")


def md(text: str) -> str:
    """``text`` on one line with Markdown and HTML marks (``|`` of tables too) escaped."""
    return _SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


@lru_cache(maxsize=1)
def _environment() -> Environment:
    env = environment(autoescape=False).overlay()
    env.filters["md"] = md
    return env


def render_markdown(report: Report, checked: dt.date | None = None) -> str:
    """The Markdown gap report; ``checked`` is the date of the check shown (default today)."""
    return _environment().get_template("report.md.j2").render(v=build_view(report, checked))
