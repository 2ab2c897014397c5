"""`reglint check FILE…`: audit regulations and write the report.

text, json and csv put every file into one output (stdout or ``-o FILE``);
html, markdown and docx make one report per file: ``-o`` names the file for
one input or a directory for several (one report per input, named after it).
``--fix`` writes the corrected draft of each DOCX input with tracked changes.
"""
from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from analyzer import InputError, Report, analyze
from analyzer.cli import help_of
from analyzer.cli.options import add_config, add_ocr_arguments, ocr_options, thresholds
from analyzer.ingest.scan import OcrOptions
from analyzer.output import write_atomic
from analyzer.report.csv_writer import render_csv
from analyzer.report.fix_plan import plan_fixes
from analyzer.report.json_writer import dumps
from analyzer.report.text_writer import render_text
from analyzer.report.view import SEVERITY_ORDER
from analyzer.thresholds import Thresholds


# The writers of one format are imported when it is chosen: python-docx and jinja2 are not a text check's.
def _docx(report: Report, source: bytes) -> bytes:
    """The draft itself with comments when it is a DOCX, else the gap report."""
    from analyzer.report.docx_writer import annotate_docx, gap_report_docx

    return annotate_docx(report, source) if report.document.format == "docx" else gap_report_docx(report)


def _html(report: Report, _: bytes) -> str:
    from analyzer.report.html_writer import render_html

    return render_html(report)


def _markdown(report: Report, _: bytes) -> str:
    from analyzer.report.markdown_writer import render_markdown

    return render_markdown(report)


@dataclass(frozen=True)
class OutputFormat:
    suffix: str = ""                                                      # per-document reports: file ending
    every: Callable[[list[Report]], str] | None = None                    # all documents in one output
    each: Callable[[Report, bytes], str | bytes] | None = None            # one report per document
    encoding: str = "utf-8"


FORMATS = {
    "text": OutputFormat(every=lambda reports: "\n\n".join(render_text(r) for r in reports)),
    "json": OutputFormat(every=dumps),
    "csv": OutputFormat(every=render_csv, encoding="utf-8-sig"),   # the BOM makes Excel read UTF-8
    "html": OutputFormat(".html", each=_html),
    "markdown": OutputFormat(".md", each=_markdown),
    "docx": OutputFormat(".reglint.docx", each=_docx),
}
FIXED_SUFFIX = ".fixed.docx"


class UsageError(Exception):
    """A wrong combination of options; the message is Russian."""


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("check", help=help_of("check"))
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE")
    parser.add_argument("--format", choices=sorted(FORMATS), default="text")
    parser.add_argument("-o", "--output", type=Path,
                        help="файл отчёта; для html, markdown, docx и --fix при нескольких файлах — папка")
    parser.add_argument("--fail-on", choices=("error", "warning", "never"), default="error",
                        help="код выхода 1, если есть находки этой важности или выше")
    parser.add_argument("--fix", action="store_true",
                        help="только для DOCX: записать исправленный проект с правками в режиме рецензирования "
                             "(вместо отчёта; -o — файл или папка, по умолчанию рядом: ИМЯ.fixed.docx)")
    parser.add_argument("--db", type=Path, metavar="DB",
                        help="база с решениями рецензентов (reglint review): отклонённые находки выводятся отдельно "
                             "и не учитываются в --fail-on")
    parser.add_argument("--org", metavar="НАЗВАНИЕ",
                        help="организация, если в начале документа её название не найдено (для решений рецензентов)")
    add_config(parser)
    add_ocr_arguments(parser)
    parser.set_defaults(func=run)


def fails(reports: list[Report], level: str) -> bool:
    if level == "never":
        return False
    limit = SEVERITY_ORDER[level]
    return any(SEVERITY_ORDER[f.severity] <= limit for r in reports for f in r.findings)


def _distinct(folders: list[Path], files: list[Path], suffix: str) -> list[Path]:
    """Each input's report path in its folder: named after the input's stem (its file name where stems repeat);
    where two would still meet (same names from different folders), the input's folder name is put first, then
    a number."""
    stems = [f.stem for f in files]
    names = [f.stem if stems.count(f.stem) == 1 else f.name for f in files]
    taken: set[Path] = set()
    targets = []
    for folder, file, name in zip(folders, files, names):
        target = folder / f"{name}{suffix}"
        if target.resolve() in taken:
            name = f"{file.resolve().parent.name}_{name}"
            target = folder / f"{name}{suffix}"
        n = 1
        while target.resolve() in taken:
            n += 1
            target = folder / f"{name}-{n}{suffix}"
        taken.add(target.resolve())
        targets.append(target)
    return targets


def guard_inputs(targets: list[Path], files: list[Path]) -> None:
    """No report or draft may be written over an input (the same file by any path or link)."""
    inputs = {f.resolve() for f in files}
    for target in targets:
        real = target.resolve()
        if real in inputs or (real.exists() and any(f.exists() and os.path.samefile(real, f) for f in files)):
            raise UsageError(f"отчёт перезаписал бы проверяемый файл {target}; укажите другой -o")


def _targets(files: list[Path], output: Path | None, suffix: str, inputs: list[Path]) -> list[Path]:
    """Where each input's own report goes; never onto an input, never two onto one file."""
    if output is None:
        targets = _distinct([f.parent for f in files], files, suffix)
    elif len(files) == 1 and not output.is_dir():
        targets = [output]
    elif output.exists() and not output.is_dir():
        raise UsageError(f"при нескольких файлах -o должен быть папкой, а {output} — файл")
    else:
        targets = _distinct([output] * len(files), files, suffix)
    guard_inputs(targets, inputs)
    return targets


def _write(target: Path, content: str | bytes, encoding: str = "utf-8") -> None:
    if target.is_dir():
        raise UsageError(f"{target} — папка; для этого формата -o должен быть файлом")
    write_atomic(target, content, encoding)


def _write_every(args: argparse.Namespace, reports: list[Report]) -> None:
    fmt = FORMATS[args.format]
    assert fmt.every is not None
    out = fmt.every(reports)
    if args.output:
        _write(args.output, out, fmt.encoding)
    else:
        print(out)


def _write_each(args: argparse.Namespace, done: list[tuple[Path, Report]]) -> None:
    fmt = FORMATS[args.format]
    assert fmt.each is not None
    if args.output is None and (len(done) > 1 or args.format == "docx"):
        raise UsageError(f"для --format {args.format} укажите -o: файл (одна проверка) или папку для отчётов")
    if args.output is None:
        path, report = done[0]
        print(fmt.each(report, path.read_bytes()))
        return
    for target, (path, report) in zip(_targets([p for p, _ in done], args.output, fmt.suffix, args.files), done):
        _write(target, fmt.each(report, path.read_bytes()))


def _write_fixes(args: argparse.Namespace, done: list[tuple[Path, Report]]) -> None:
    for target, (path, report) in zip(_targets([p for p, _ in done], args.output, FIXED_SUFFIX, args.files), done):
        from analyzer.report.docx_writer import fix_docx

        plan = plan_fixes(report)
        _write(target, fix_docx(report, path.read_bytes()))
        print(f"{path}: исправленный проект с правками — {target} (добавлено положений: {len(plan.insertions)}, "
              f"переформулировано: {len(plan.rewordings)}, исправлено ссылок: {len(plan.citations)})")


def _analyze(paths: list[Path], docx_only: bool, thresholds: Thresholds,
             ocr: OcrOptions) -> tuple[list[tuple[Path, Report]], int]:
    done, errors = [], 0
    for path in paths:
        try:
            report = analyze(path, thresholds=thresholds, ocr=ocr)
        except InputError as exc:
            print(f"Ошибка: {exc.message}", file=sys.stderr)
            errors += 1
            continue
        if docx_only and report.document.format != "docx":
            print(f"Ошибка: {path}: --fix исправляет только файлы DOCX, а это {report.document.format.upper()}; "
                  f"сохраните положение в формате DOCX", file=sys.stderr)
            errors += 1
            continue
        done.append((path, report))
    return done, errors


def run(args: argparse.Namespace) -> int:
    if (config := thresholds(args)) is None:
        return 2
    try:
        if args.output is not None:
            guard_inputs([args.output], args.files)
    except UsageError as exc:
        print(f"Ошибка: {exc}", file=sys.stderr)
        return 2
    done, errors = _analyze(args.files, docx_only=args.fix, thresholds=config, ocr=ocr_options(args))
    if args.db or args.org:
        from analyzer.cli.review import reviewed

        try:
            done = [(path, reviewed(report, args.db, args.org)) for path, report in done]
        except UsageError as exc:
            print(f"Ошибка: {exc}", file=sys.stderr)
            return 2
    reports = [r for _, r in done]
    try:
        if args.fix:
            _write_fixes(args, done)
        elif reports and FORMATS[args.format].every is not None:
            _write_every(args, reports)
        elif reports:
            _write_each(args, done)
    except UsageError as exc:
        print(f"Ошибка: {exc}", file=sys.stderr)
        return 2
    if errors:
        return 2
    return 1 if fails(reports, args.fail_on) else 0
