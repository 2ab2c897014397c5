"""`reglint export --db FILE --format csv|xlsx|html`: tables and the summary of a batch store."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

FORMATS = ("csv", "xlsx", "html")   # analyzer.batch.exports.WRITERS, not imported: it loads the NLP layer


def positive_int(value: str) -> int:
    """An argparse type: a whole number of at least 1 (else a usage error, exit 2)."""
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"нужно целое число не меньше 1, а не {value}")
    return number


def positive_float(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        number = 0.0
    if not number > 0:
        raise argparse.ArgumentTypeError(f"нужно число больше 0, а не {value}")
    return number


def add_store_arguments(parser: argparse.ArgumentParser) -> None:
    """--db FILE or --workspace NAME: the batch store."""
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--db", type=Path, help="файл базы результатов, например audit.sqlite")
    group.add_argument("--workspace", metavar="NAME",
                       help="рабочая область: своя база для каждого аудита (та же, что на странице «Пакетный аудит»)")


def store_of(args: argparse.Namespace) -> Path | None:
    """The store file named by --db or --workspace; None (the reason printed) for a bad workspace name."""
    if args.db is not None:
        return args.db
    from analyzer.batch.workspaces import BadWorkspaceName, store_path

    try:
        return store_path(args.workspace)
    except BadWorkspaceName as exc:
        print(f"Ошибка: {exc}", file=sys.stderr)
        return None


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("export", help="выгрузить результаты пакетной проверки: CSV, XLSX или HTML-сводку")
    add_store_arguments(parser)
    parser.add_argument("--format", choices=FORMATS, required=True)
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
