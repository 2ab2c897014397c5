"""`reglint batch INPUT… --db FILE`: audit many regulations into a SQLite store."""
from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.progress import Task as ProgressTask
from rich.table import Table
from rich.text import Text

from analyzer.batch.orchestrator import SCHEDULER_TIMEOUT
from analyzer.batch.store import Store
from analyzer.cli import help_of
from analyzer.cli.options import (
    add_config,
    add_ocr_arguments,
    add_store_arguments,
    positive_float,
    positive_int,
    store_of,
    thresholds,
)
from analyzer.output import reason
from analyzer.vocabulary import EXPORT_FORMATS

# Redraws of the progress bar a second: each costs the batch process ≈1.4 ms of CPU, so rich's default 10
# took ≈0.4 ms per document at 40 documents a second (half of what writing it to the store takes); 2 take ≈0.1.
REFRESH_PER_SECOND = 2

if TYPE_CHECKING:
    from analyzer import BatchSummary
    from analyzer.thresholds import Thresholds


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("batch", help=help_of("batch"))
    parser.add_argument("inputs", nargs="+", metavar="INPUT",
                        help="файл, папка (с подпапками), ZIP-архив или @список.txt (по пути в строке)")
    add_store_arguments(parser)
    parser.add_argument("--workers", type=positive_int, metavar="N", help="число процессов (по умолчанию все ядра)")
    parser.add_argument("--scheduler", metavar="tcp://HOST:PORT", help="проверять на кластере Dask с этим планировщиком")
    parser.add_argument("--scheduler-timeout", type=positive_float, default=SCHEDULER_TIMEOUT, metavar="SECONDS",
                        help=f"сколько секунд ждать ответа планировщика Dask (по умолчанию {SCHEDULER_TIMEOUT:g})")
    parser.add_argument("--follow-symlinks", action="store_true",
                        help="проверять и файлы, на которые ведут символические ссылки в папках (по умолчанию нет)")
    parser.add_argument("--out", type=Path, metavar="DIR", help="после проверки выгрузить CSV, XLSX и HTML в папку")
    parser.add_argument("--force", action="store_true", help="проверить заново и документы, которые уже есть в базе")
    add_config(parser)
    add_ocr_arguments(parser)
    parser.set_defaults(func=run)


class RateColumn(ProgressColumn):
    """Documents (or pages) per second over rich's recent window."""

    def render(self, task: ProgressTask) -> Text:
        unit = task.fields.get("unit", "док")
        return Text(f"— {unit}/с" if task.speed is None else f"{task.speed:.1f} {unit}/с", style="progress.data.speed")


def summary_table(summary: BatchSummary) -> Table:
    table = Table(title="Пакетная проверка", show_header=False)
    table.add_column(justify="left")
    table.add_column(justify="right")
    rate = summary.done / summary.seconds if summary.seconds else 0.0
    for label, value in (("Документов", summary.total), ("Проверено сейчас", summary.done),
                         ("Пропущено (уже в базе)", summary.skipped), ("Не удалось проверить", summary.failed),
                         ("Время, с", f"{summary.seconds:.1f}"), ("Скорость, док/с", f"{rate:.1f}"),
                         ("База", str(summary.db))):
        table.add_row(label, Text(str(value)))
    return table


def _audit(args: argparse.Namespace, console: Console, config: Thresholds) -> BatchSummary:
    from analyzer import audit
    from analyzer.batch import OcrSettings

    columns = (TextColumn("[progress.description]{task.description}"), BarColumn(bar_width=24), MofNCompleteColumn(),
               RateColumn(), TimeElapsedColumn(), TextColumn("осталось"), TimeRemainingColumn(),
               TextColumn("{task.fields[name]}", markup=False))
    with Progress(*columns, console=console, transient=False,
                  refresh_per_second=REFRESH_PER_SECOND) as progress:
        bar = progress.add_task("Проверка", total=None, name="")
        pages = progress.add_task("Распознано страниц (OCR)", total=None, name="", unit="стр", visible=False)

        def tick(done: int, total: int, name: str) -> None:
            progress.update(bar, completed=done, total=total, name=Path(name).name[-40:])

        def ocr_tick(done: int) -> None:
            progress.update(pages, completed=done, visible=True)

        return audit(args.inputs, args.db, workers=args.workers, scheduler=args.scheduler, force=args.force,
                     progress=tick, thresholds=config, ocr=OcrSettings(args.ocr, args.ocr_timeout, ocr_tick),
                     follow_symlinks=args.follow_symlinks, scheduler_timeout=args.scheduler_timeout)


def missing_inputs(inputs: list[str]) -> list[str]:
    """The given paths that do not exist (a list file by its path after "@")."""
    return [given for given in inputs
            if not Path(given).exists() and not (given.startswith("@") and Path(given[1:]).is_file())]


def run(args: argparse.Namespace) -> int:
    console = Console(stderr=True)
    if (config := thresholds(args)) is None:
        return 2
    missing = missing_inputs(args.inputs)
    if missing:
        print(f"Ошибка: нет такого файла или папки: {', '.join(missing)}", file=sys.stderr)
        return 2
    args.db = store_of(args)
    if args.db is None:
        return 2
    try:
        Path(args.db).parent.mkdir(parents=True, exist_ok=True)
        Store(args.db).close()   # a foreign, damaged or newer store is refused before any work
        summary = _audit(args, console, config)
    except sqlite3.Error as exc:
        print(f"Ошибка: база {args.db} недоступна: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        where = f"нет связи с планировщиком Dask {args.scheduler}: он не ответил за {args.scheduler_timeout:g} с" \
            if args.scheduler else f"ошибка ввода-вывода: {reason(exc)}"
        print(f"Ошибка: {where}", file=sys.stderr)
        return 2
    Console().print(summary_table(summary))
    if not summary.total:
        print("Ошибка: во входных путях нет документов (PDF, DOCX, DOC, ODT, RTF, TXT, TIFF, JPEG, PNG, ZIP).", file=sys.stderr)
        return 2
    if args.out:
        from analyzer.batch.exports import export

        for fmt in EXPORT_FORMATS:
            for path in export(args.db, fmt, args.out):
                print(path)
    return 0
