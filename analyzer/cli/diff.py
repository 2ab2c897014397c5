"""`reglint diff OLD NEW`: compare two drafts of one regulation."""
from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

from analyzer import InputError, analyze
from analyzer.cli import help_of
from analyzer.cli.options import add_config, thresholds
from analyzer.report.compare import compare, render_comparison_text


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("diff", help=help_of("diff"))
    parser.add_argument("old", type=Path, metavar="OLD", help="прежняя редакция")
    parser.add_argument("new", type=Path, metavar="NEW", help="новая редакция")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    add_config(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if (config := thresholds(args)) is None:
        return 2
    try:
        old, new = analyze(args.old, thresholds=config), analyze(args.new, thresholds=config)
    except InputError as exc:
        print(f"Ошибка: {exc.message}", file=sys.stderr)
        return 2
    comparison = compare(old, new)
    if args.format == "json":
        print(json.dumps(dataclasses.asdict(comparison), ensure_ascii=False, indent=2))
    else:
        print(render_comparison_text(comparison))
    return 0
