"""`reglint check FILE…`: audit regulations and print the report."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from analyzer.errors import InputError
from analyzer.model import Report
from analyzer.report.json_writer import dumps
from analyzer.report.text_writer import SEVERITY_ORDER, render_text

FORMATS = {
    "json": lambda reports: dumps(reports),
    "text": lambda reports: "\n\n".join(render_text(r) for r in reports),
}


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("check", help="проверить положения и вывести отчёт")
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE")
    parser.add_argument("--format", choices=sorted(FORMATS), default="text")
    parser.add_argument("-o", "--output", type=Path, help="записать отчёт в файл")
    parser.add_argument("--fail-on", choices=("error", "warning", "never"), default="error",
                        help="код выхода 1, если есть находки этой важности или выше")
    parser.set_defaults(func=run)


def fails(reports: list[Report], level: str) -> bool:
    if level == "never":
        return False
    limit = SEVERITY_ORDER[level]
    return any(SEVERITY_ORDER[f.severity] <= limit for r in reports for f in r.findings)


def run(args: argparse.Namespace) -> int:
    from analyzer.pipeline import analyze

    reports, input_errors = [], 0
    for path in args.files:
        try:
            reports.append(analyze(path))
        except InputError as exc:
            print(f"Ошибка: {exc.message}", file=sys.stderr)
            input_errors += 1
    if reports:
        out = FORMATS[args.format](reports)
        if args.output:
            args.output.write_text(out, encoding="utf-8")
        else:
            print(out)
    if input_errors:
        return 2
    return 1 if fails(reports, args.fail_on) else 0
