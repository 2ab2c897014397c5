"""Command line: argument parsing, output formats and exit codes only.

Exit status: 0 nothing reached --fail-on, 1 something did, 2 usage or input error.
Only the chosen command's module is imported, so `reglint --help` and
`reglint explain` start without loading the NLP layer.
"""
from __future__ import annotations

import argparse
import gc
import importlib
import signal
import sys

from analyzer.errors import OutputError, StoreError

# command → (module under analyzer.cli, the help line of `reglint --help`)
COMMANDS = {
    "sections": ("sections", "показать структуру положения: утверждение, заголовок, разделы и роли"),
    "check": ("check", "проверить положения и вывести отчёт"),
    "explain": ("explain", "описание кода находки"),
    "reference": ("reference_cmd", "справочные данные: пересборка пунктов МР и проверка набора положений"),
    "batch": ("batch", "проверить много положений и сохранить результаты в базу SQLite"),
    "export": ("export", "выгрузить результаты пакетной проверки: CSV, XLSX или HTML-сводку"),
    "diff": ("diff", "сравнить две редакции положения: разделы, положения и находки"),
    "review": ("review", "решение рецензента по находке: подтвердить, отклонить, прокомментировать; "
                         + "«review export» — отклонённые находки как тестовые случаи"),
    "conclusion": ("conclusion", "заключение для организации (DOCX, по желанию PDF) с учётом решений рецензента"),
}


def help_of(command: str) -> str:
    return COMMANDS[command][1]


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser with the full arguments of the command named in ``argv`` (all of them when None)."""
    parser = argparse.ArgumentParser(
        prog="reglint",
        description="Проверка положений об использовании ИКОП «Сферум» по методическим рекомендациям Минпросвещения.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    chosen = None if argv is None else next((a for a in argv[:1] if a in COMMANDS), "")
    for name, (module, help_line) in COMMANDS.items():
        if chosen is None or name == chosen:
            importlib.import_module(f"analyzer.cli.{module}").register(sub)
        else:
            sub.add_parser(name, help=help_line)
    return parser


def _terminate(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


def main(argv: list[str] | None = None) -> int:
    # SIGTERM unwinds like Ctrl-C: LibreOffice is killed and temporary folders are removed on the way out.
    signal.signal(signal.SIGTERM, _terminate)
    argv = sys.argv[1:] if argv is None else argv
    args = build_parser(argv).parse_args(argv)
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


def run() -> None:
    """The ``reglint`` console script: ``main``, then exit without the interpreter's final full collection.

    That collection walks every object spaCy and its dependencies made at import (≈ 0.15 s of a one-document
    check); frozen objects are not walked. Reference counting still frees them, and exit handlers still run.
    """
    code = main()
    gc.freeze()
    sys.exit(code)
