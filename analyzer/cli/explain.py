"""`reglint explain CODE`: what a finding code means, with bad and good examples."""
from __future__ import annotations

import argparse
import sys

from analyzer.cli import help_of
from analyzer.codes import explain, load


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("explain", help=help_of("explain"))
    parser.add_argument("code", nargs="?", help="код, например RL101")
    parser.add_argument("--all", action="store_true", help="все коды")
    parser.add_argument("--markdown", action="store_true", help="вывести docs/findings.md")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.markdown:
        from analyzer.checks.catalogue import render_markdown  # from the registry itself: loads the checks

        print(render_markdown(), end="")
        return 0
    if args.all or not args.code:
        for d in load():
            print(f"{d.code}  {d.severity:<7}  {d.name:<32}  {d.summary}")
        return 0
    doc = explain(args.code)
    if doc is None:
        print(f"Неизвестный код: {args.code}", file=sys.stderr)
        return 2
    print(f"{doc.code} {doc.name} ({doc.category}, {doc.severity})\n{doc.summary}")
    for key, value in doc.sections.items():
        print(f"{key}: {value}")
    return 0
