"""The Jinja2 environment every templated report shares: loader, filters, labels."""
from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined

from analyzer.report.view import LEVEL_ONE_RU, SEVERITY_PLURAL_RU, STATUS_LETTER, STATUS_RU, shorten, upper_first


@cache
def environment(autoescape: bool) -> Environment:
    """HTML templates autoescape the untrusted document text; Markdown ones escape with their own filter."""
    env = Environment(loader=PackageLoader("analyzer.report", "templates"), autoescape=autoescape,
                      undefined=StrictUndefined, keep_trailing_newline=True)
    env.filters.update(shorten=shorten, upper_first=upper_first)
    env.globals.update(letters=STATUS_LETTER, status_ru=STATUS_RU, level_one=LEVEL_ONE_RU, plural=SEVERITY_PLURAL_RU)
    return env
