"""`reglint conclusion FILE --db DB -o conclusion.docx`: the formal conclusion for the school, with the
reviewers' decisions applied; `reglint conclusion --db DB --all -o DIR`: one per document of a batch audit.
"""
from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from analyzer.cli import help_of
from analyzer.cli.check import UsageError
from analyzer.cli.options import add_store_arguments, store_of
from analyzer.cli.review import open_store, reviewed


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("conclusion", help=help_of("conclusion") + "; --all — по всем документам пакетной проверки")
    parser.add_argument("file", type=Path, nargs="?", metavar="FILE", help="проверяемый файл (не нужен с --all)")
    add_store_arguments(parser)
    parser.add_argument("--all", action="store_true", help="заключения по всем проверенным документам базы")
    parser.add_argument("-o", "--output", type=Path, required=True,
                        help="файл DOCX (для одного файла) или папка (с --all)")
    parser.add_argument("--pdf", action="store_true", help="рядом с DOCX записать PDF (нужен LibreOffice)")
    parser.add_argument("--reviewer", default=os.environ.get("REGLINT_REVIEWER") or getpass.getuser(),
                        help="кто подписывает заключение (по умолчанию $REGLINT_REVIEWER или имя пользователя)")
    parser.add_argument("--org", metavar="НАЗВАНИЕ", help="организация, если её название не найдено в документе")
    parser.set_defaults(func=run)


def _write(target: Path, docx_bytes: bytes, pdf: bool) -> list[Path]:
    from analyzer.errors import InputError
    from analyzer.review.conclusion import conclusion_pdf

    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(docx_bytes)
    written = [target]
    if pdf:
        try:
            pdf_path = target.with_suffix(".pdf")
            pdf_path.write_bytes(conclusion_pdf(docx_bytes, str(target)))
            written.append(pdf_path)
        except InputError as exc:
            raise UsageError(f"PDF не создан: {exc.message}") from exc
    return written


def _one(args: argparse.Namespace) -> list[Path]:
    from analyzer.errors import InputError
    from analyzer.pipeline import analyze
    from analyzer.review.conclusion import conclusion_docx, from_report

    if args.file is None:
        raise UsageError("укажите файл положения или --all")
    if args.output.is_dir():
        raise UsageError(f"{args.output} — папка; укажите файл заключения, например conclusion.docx")
    try:
        report = reviewed(analyze(args.file), args.db if args.db.is_file() else None, args.org)
    except InputError as exc:
        raise UsageError(exc.message) from exc
    conclusion = from_report(report, args.file.read_bytes(), reviewer=args.reviewer)
    return _write(args.output, conclusion_docx(conclusion), args.pdf)


def _all(args: argparse.Namespace) -> list[Path]:
    from analyzer.review.conclusion import conclusion_docx, store_conclusions

    if args.file is not None:
        raise UsageError("с --all файл не указывают: заключения пишутся по всем документам базы")
    if args.output.exists() and not args.output.is_dir():
        raise UsageError(f"с --all -o должен быть папкой, а {args.output} — файл")
    with open_store(args.db) as store:
        conclusions = store_conclusions(store, reviewer=args.reviewer)
    if not conclusions:
        raise UsageError(f"в базе {args.db} нет проверенных положений о «Сферуме»")
    written = []
    for name, conclusion in conclusions:
        written += _write(args.output / name, conclusion_docx(conclusion), args.pdf)
    return written


def run(args: argparse.Namespace) -> int:
    args.db = store_of(args)
    if args.db is None:
        return 2
    try:
        if args.all:
            written = _all(args)
        else:
            if not args.db.is_file():
                print(f"База {args.db} не найдена: заключение без решений рецензента.", file=sys.stderr)
            written = _one(args)
    except UsageError as exc:
        print(f"Ошибка: {exc}", file=sys.stderr)
        return 2
    for path in written:
        print(path)
    return 0
