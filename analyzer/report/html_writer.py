"""The gap report as one self-contained HTML file (inline CSS and JS, no external resources).

The document's text is untrusted: the template escapes everything (autoescape)
and never marks a string safe.
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache

from jinja2 import Environment

from analyzer.model import Report
from analyzer.report.diffview import side
from analyzer.report.templating import environment
from analyzer.report.view import build_view, reason_label
from analyzer.vocabulary import DECISION_RU


@lru_cache(maxsize=1)
def _environment() -> Environment:
    env = environment(autoescape=True).overlay()
    env.globals.update(reference_side=lambda segments: side(list(segments), "reference"),
                       document_side=lambda segments: side(list(segments), "document"),
                       decision_ru=DECISION_RU, reason_label=reason_label)
    return env


def render_html(report: Report, checked: dt.date | None = None) -> str:
    """The HTML gap report; ``checked`` is the date of the check shown (default today)."""
    view = build_view(report, checked)
    width = max((len(row.clauses) for row in view.roles), default=0)
    return _environment().get_template("report.html.j2").render(v=view, width=width)
