"""Findings of many documents as one CSV table, one row per finding.

Spreadsheets run a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a
formula, and a quoted list item starts with "- ": quotes lose their list mark
and any other such cell gets a leading apostrophe (OWASP's advice on CSV
injection). Write the text as UTF-8 with a BOM (``utf-8-sig``) for Excel.
"""
from __future__ import annotations

import csv
import io

from analyzer.model import Report
from analyzer.report.view import finding_order, numbered_label, strip_list_mark

COLUMNS = ("file", "section", "code", "severity", "category", "clause", "act", "message", "quote", "fix")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _safe(value: str | None) -> str:
    value = value or ""
    return "'" + value if value.startswith(_FORMULA_START) else value


def render_csv(reports: list[Report]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for report in reports:
        for f in sorted(report.findings, key=finding_order):
            row = (report.document.source, numbered_label(report.structure, f.start), f.code, f.severity,
                   f.category, f.clause, f.act, f.message, strip_list_mark(f.quote), f.fix)
            writer.writerow([_safe(v) for v in row])
    return out.getvalue()
