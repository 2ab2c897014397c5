"""Options several commands share: ``--config``, the matcher's thresholds (see analyzer.config)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from analyzer.errors import ConfigError

if TYPE_CHECKING:
    from analyzer.matching import Thresholds


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
