"""The HTML summary of a batch: one self-contained file, charts as inline SVG.

Coverage histogram, the duties most often missing, problems of cited acts,
the documents × clauses heatmap (a table of coloured cells) and the three
tables. Names and titles are untrusted: the template autoescapes everything
and nothing is marked safe.
"""
from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from analyzer import errors
from analyzer.batch.store import Store
from analyzer.batch.table import Table
from analyzer.vocabulary import PROBLEM_RU, STATUS_LETTER, STATUS_RU

BINS = 10
TOP_MISSING = 15
CHART_WIDTH = 1000
LABEL_CHARS = 125    # of a bar's label, at 12 px, in CHART_WIDTH


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    share: float       # of the longest bar, 0…1
    note: str = ""


def error_reasons() -> dict[str, str]:
    """Error code → its Russian reason, from the error catalogue."""
    classes: list[type[errors.InputError]] = [errors.InputError, *errors.InputError.__subclasses__()]
    return {cls.code: cls.reason for cls in classes} | {errors.ReglintError.code: "внутренняя ошибка проверки"}


def _bars(items: Sequence[tuple[str, int, str]]) -> list[Bar]:
    top = max((value for _, value, _ in items), default=0) or 1
    return [Bar(label, value, value / top, note) for label, value, note in items]


def coverage_histogram(scores: Sequence[float]) -> list[Bar]:
    """Documents per tenth of coverage; 100 % falls in the last bin."""
    counts = Counter(min(int(score * BINS), BINS - 1) for score in scores)
    step = 100 // BINS
    return _bars([(f"{i * step}–{(i + 1) * step}", counts[i], "") for i in range(BINS)])


def most_missing(clause_stats: Sequence[dict[str, Any]]) -> list[Bar]:
    ranked = sorted((c for c in clause_stats if c["missing"]), key=lambda c: (-c["missing"], c["position"] or 0))
    return _bars([(f"{c['clause']}: {c['title'] or ''}", c["missing"],
                   f"{c['missing'] / c['applicable']:.0%}" if c["applicable"] else "") for c in ranked[:TOP_MISSING]])


def summary_figures(documents: Sequence[dict[str, Any]]) -> dict[str, Any]:
    scores = [d["score"] for d in documents if d["score"] is not None]
    failed = Counter(d["error_code"] for d in documents if d["error_code"])
    return {
        "total": len(documents),
        "analysed": sum(d["error_code"] is None for d in documents),
        "in_scope": sum(d["in_scope"] == 1 for d in documents),
        "out_of_scope": sum(d["in_scope"] == 0 for d in documents),
        "failed": sum(failed.values()),
        "dismissed": sum(d.get("n_dismissed") or 0 for d in documents),
        "decided": sum(d.get("n_decided") or 0 for d in documents),
        "findings": sum(d.get("n_findings") or 0 for d in documents),
        "failures": sorted(failed.items()),
        "mean": statistics.fmean(scores) if scores else None,
        "median": statistics.median(scores) if scores else None,
        "scores": scores,
    }


def fmt(value: Any, kind: str) -> str:
    if value is None or value == "":
        return ""
    if kind == "percent":
        return f"{value:.0%}"
    if kind == "seconds":
        return f"{value:.2f}"
    return str(value)


@lru_cache(maxsize=1)
def _environment() -> Environment:
    env = Environment(loader=PackageLoader("analyzer.batch", "templates"), autoescape=True,
                      undefined=StrictUndefined)
    env.filters["fmt"] = fmt
    env.globals.update(letters=STATUS_LETTER, status_ru=STATUS_RU, width=CHART_WIDTH, label_chars=LABEL_CHARS)
    return env


def render_summary(store: Store, tables: tuple[Table, Table, Table]) -> str:
    documents, clauses, _ = tables
    figures = summary_figures(documents.rows)
    names, clause_ids, statuses = store.matrix()
    titles = {c["clause"]: c["title"] or "" for c in clauses.rows}
    return _environment().get_template("summary.html.j2").render(
        created=dt.datetime.now().strftime("%d.%m.%Y %H:%M"), f=figures, reasons=error_reasons(),
        histogram=coverage_histogram(figures["scores"]), missing=most_missing(clauses.rows),
        heat_names=names, heat_clauses=[(c, titles.get(c, "")) for c in clause_ids], heat=statuses,
        problems=_bars([(PROBLEM_RU.get(p, p), n, "") for p, n in store.problem_stats().items() if n]),
        tables=tables)
