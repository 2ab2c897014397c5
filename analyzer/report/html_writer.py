"""The gap report as one self-contained HTML file (inline CSS and JS, no external resources).

The document's text is untrusted: the template escapes everything (autoescape)
and never marks a string safe.
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache

from jinja2 import Environment, PackageLoader, StrictUndefined

from analyzer.model import Report
from analyzer.report.diffview import side
from analyzer.report.view import (
    LEVEL_ONE_RU,
    SEVERITY_PLURAL_RU,
    STATUS_LETTER,
    STATUS_RU,
    build_view,
    shorten,
    upper_first,
)


@lru_cache(maxsize=1)
def _environment() -> Environment:
    env = Environment(loader=PackageLoader("analyzer.report", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=False, keep_trailing_newline=True)
    env.filters.update(shorten=shorten, upper_first=upper_first)
    env.globals.update(
        reference_side=lambda segments: side(list(segments), "reference"),
        document_side=lambda segments: side(list(segments), "document"),
        letters=STATUS_LETTER, status_ru=STATUS_RU, level_one=LEVEL_ONE_RU, plural=SEVERITY_PLURAL_RU)
    return env


def render_html(report: Report, checked: dt.date | None = None) -> str:
    """The HTML gap report; ``checked`` is the date of the check shown (default today)."""
    view = build_view(report, checked)
    width = max((len(row.clauses) for row in view.roles), default=0)
    return _environment().get_template("report.html.j2").render(v=view, width=width)
