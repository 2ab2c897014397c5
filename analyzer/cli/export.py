"""`reglint export --db FILE --format csv|xlsx|html`: tables and the summary of a batch store."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from analyzer.cli import help_of

if TYPE_CHECKING:
    from analyzer.batch.exports import ExportFormat

# analyzer.batch.exports.WRITERS, not imported here: `reglint export --help` stays light
FORMATS: tuple[ExportFormat, ...] = ("csv", "xlsx", "html")


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("export", help=help_of("export"))
    parser.add_argument("--db", type=Path, required=True, help="база результатов reglint batch")
    parser.add_argument("--format", choices=FORMATS, required=True)
    parser.add_argument("--out", type=Path, default=Path("."), metavar="DIR", help="папка для файлов (по умолчанию текущая)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from analyzer.batch.exports import export

    if not args.db.is_file():
        print(f"Ошибка: нет файла базы {args.db}", file=sys.stderr)
        return 2
    for path in export(args.db, args.format, args.out):
        print(path)
    return 0
