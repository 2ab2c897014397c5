"""`reglint export --db FILE --format csv|xlsx|html`: tables and the summary of a batch store."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from analyzer.cli import help_of
from analyzer.cli.options import add_store_arguments, store_of
from analyzer.vocabulary import EXPORT_FORMATS


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("export", help=help_of("export"))
    add_store_arguments(parser)
    parser.add_argument("--format", choices=EXPORT_FORMATS, required=True)
    parser.add_argument("--out", type=Path, default=Path("."), metavar="DIR", help="папка для файлов (по умолчанию текущая)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from analyzer.batch.exports import export

    db = store_of(args)
    if db is None:
        return 2
    if not db.is_file():
        print(f"Ошибка: нет файла базы {db}", file=sys.stderr)
        return 2
    for path in export(db, args.format, args.out):
        print(path)
    return 0
