"""Options several commands share: ``--config`` (the matcher's thresholds, see analyzer.config), the batch
store (``--db`` or ``--workspace``), OCR (``--ocr``, ``--ocr-timeout``) and argument types."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from analyzer.errors import ConfigError

if TYPE_CHECKING:
    from analyzer.ingest.scan import OcrOptions
    from analyzer.thresholds import Thresholds


def add_config(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", type=Path, metavar="FILE",
                        help="настройки порогов сопоставления: reglint.toml или pyproject.toml с [tool.reglint] "
                             "(по умолчанию — из текущей папки, если они там есть)")


def thresholds(args: argparse.Namespace) -> Thresholds | None:
    """The thresholds of ``--config`` (or of the config in the current folder); None once the reason is printed."""
    from analyzer.config import load_thresholds

    try:
        return load_thresholds(args.config)
    except ConfigError as exc:
        print(f"Ошибка: {exc}", file=sys.stderr)
        return None


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
    """An argparse type: a number above 0 (else a usage error, exit 2)."""
    try:
        number = float(value)
    except ValueError:
        number = 0.0
    if not number > 0:
        raise argparse.ArgumentTypeError(f"нужно число больше 0, а не {value}")
    return number


def add_store_arguments(parser: argparse.ArgumentParser) -> None:
    """--db FILE or --workspace NAME: the store of a batch audit and its reviewers' decisions."""
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--db", type=Path, help="файл базы результатов и решений рецензентов, например audit.sqlite")
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


def add_ocr_arguments(parser: argparse.ArgumentParser) -> None:
    """--ocr and --ocr-timeout, shared by check and batch."""
    from analyzer.ingest.ocr import PAGE_TIMEOUT
    from analyzer.vocabulary import OCR_MODES

    parser.add_argument("--ocr", choices=OCR_MODES, default="auto",
                        help="распознавание сканов (Tesseract): auto — страницы без текста и с негодным текстовым "
                             "слоем, always — все страницы, never — не распознавать (по умолчанию auto)")
    parser.add_argument("--ocr-timeout", type=positive_float, default=PAGE_TIMEOUT, metavar="SECONDS",
                        help=f"предел распознавания одной страницы, с (по умолчанию {PAGE_TIMEOUT:g})")


def ocr_options(args: argparse.Namespace) -> OcrOptions:
    from analyzer.ingest.scan import OcrOptions

    return OcrOptions(mode=args.ocr, timeout=args.ocr_timeout)
