"""Command line: argument parsing, output formats and exit codes only.

Exit status: 0 nothing reached --fail-on, 1 something did, 2 usage or input error.
"""
from __future__ import annotations

import argparse
import signal
import sys

from analyzer.cli import batch, check, diff, explain, export, reference_cmd, sections
from analyzer.errors import OutputError, StoreError

COMMANDS = (sections, check, explain, reference_cmd, batch, export, diff)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reglint",
        description="Проверка положений об использовании ИКОП «Сферум» по методическим рекомендациям Минпросвещения.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in COMMANDS:
        module.register(sub)
    return parser


def _terminate(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


def main(argv: list[str] | None = None) -> int:
    # SIGTERM unwinds like Ctrl-C: LibreOffice is killed and temporary folders are removed on the way out.
    signal.signal(signal.SIGTERM, _terminate)
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except (OutputError, StoreError) as exc:
        print(f"Ошибка: {exc.message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("Прервано.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
