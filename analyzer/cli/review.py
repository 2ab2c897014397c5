"""`reglint review FILE --db DB --accept FP | --dismiss FP --reason … | --comment FP TEXT`: a reviewer's
decision on one finding, kept for the organisation's later drafts; without an action, the findings with
their fingerprints and decisions. `reglint review export --db DB` writes the dismissed findings as check cases.
"""
from __future__ import annotations

import argparse
import getpass
import os
import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from analyzer.cli import help_of
from analyzer.cli.check import UsageError
from analyzer.cli.options import add_store_arguments, store_of
from analyzer.model import Report

if TYPE_CHECKING:
    from analyzer.batch.store import Store
    from analyzer.vocabulary import ReviewAction

EXPORT = "export"


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("review", help=help_of("review"))
    parser.add_argument("file", type=Path, metavar="FILE", help="проверенный файл (или слово export)")
    add_store_arguments(parser)
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--accept", metavar="FP", help="подтвердить находку с этим отпечатком")
    action.add_argument("--dismiss", metavar="FP", help="отклонить находку (нужна --reason)")
    action.add_argument("--comment", nargs=2, metavar=("FP", "TEXT"), help="комментарий к находке")
    action.add_argument("--history", metavar="FP", help="все решения и комментарии по находке, по порядку")
    parser.add_argument("--reason", help="причина отклонения: false_positive (ложное срабатывание), not_applicable "
                                         "(не относится к организации), fixed_elsewhere или своими словами")
    parser.add_argument("--reviewer", default=os.environ.get("REGLINT_REVIEWER") or getpass.getuser(),
                        help="имя рецензента (по умолчанию $REGLINT_REVIEWER или имя пользователя)")
    parser.add_argument("--org", metavar="НАЗВАНИЕ", help="организация, если её название не найдено в документе")
    parser.add_argument("-o", "--output", type=Path, metavar="DIR",
                        help="для review export: папка для файлов RLxxx.yml (по умолчанию — вывод в консоль)")
    parser.set_defaults(func=run)


def open_store(db: Path | None, create: bool = False) -> Store:
    """The store ``db`` of decisions; a usage error when it is not given, or missing and not to be created."""
    from analyzer.batch.store import Store

    if db is None:
        raise UsageError("укажите базу решений: --db")
    if not create and not db.is_file():
        raise UsageError(f"нет файла базы {db}")
    db.parent.mkdir(parents=True, exist_ok=True)
    try:
        store = Store(db)   # a damaged, foreign or newer store: StoreError, explained by the CLI's main
    except sqlite3.Error as exc:
        raise UsageError(f"база {db} недоступна или повреждена: {exc}") from exc
    if store.upgraded:
        print(f"База {db} создана прежней версией reglint: добавлены таблицы решений рецензентов. Документы, "
              f"проверенные до этого, не имеют отпечатков находок — перепроверьте их (reglint batch … --force).",
              file=sys.stderr)
    return store


def reviewed(report: Report, db: Path | None, org: str | None) -> Report:
    """``report`` with the organisation given by ``org`` (if any) and the decisions of ``db`` (if given)."""
    from analyzer.review.decisions import load_reviews, with_organisation

    if org:
        report = with_organisation(report, org)
    if db is None:
        return report
    with open_store(db) as store:
        return load_reviews(store, report)


def _list(report: Report) -> None:
    from analyzer.report.view import build_view, reason_label
    from analyzer.vocabulary import DECISION_RU

    view = build_view(report)
    print(f"{report.document.source}: организация — {report.organisation or 'не определена'}")
    for item in (*view.findings, *view.suppressed):
        f, r = item.finding, item.review
        state = DECISION_RU[r.decision if r else None]
        if r and r.reason:
            state += f" ({reason_label(r.reason)})"
        where = f" п. {item.location}" if item.location else ""
        print(f"{f.fingerprint}  {f.code} {f.severity:7}{where}  [{state}]  {f.message}")


def _history(report: Report, db: Path, fingerprint: str) -> None:
    from analyzer.organisation import organisation_key
    from analyzer.report.view import reason_label
    from analyzer.review.decisions import ReviewError, find, history
    from analyzer.vocabulary import REVIEW_ACTION_RU

    try:
        finding = find(report, fingerprint)
    except ReviewError as exc:
        raise UsageError(str(exc)) from exc
    with open_store(db) as store:
        actions = history(store, organisation_key(report.organisation), finding.fingerprint)
    if not actions:
        print(f"{finding.fingerprint}: решений ещё не было")
    for a in actions:
        detail = reason_label(a["reason"]) if a["action"] == "dismiss" else a["comment"] or ""
        print(f"{a['decided_at'][:19].replace('T', ' ')} UTC  {a['reviewer']}: {REVIEW_ACTION_RU[a['action']]}"
              + (f" — {detail}" if detail else "") + f"  ({a['document']})")


def _decide(args: argparse.Namespace) -> int:
    from analyzer.errors import InputError
    from analyzer.pipeline import analyze
    from analyzer.review.decisions import ReviewError, decide, with_organisation
    from analyzer.vocabulary import DECISION_RU

    try:
        report = analyze(args.file)
    except InputError as exc:
        raise UsageError(exc.message) from exc
    if args.org:
        report = with_organisation(report, args.org)
    if args.reason and not args.dismiss:
        raise UsageError("--reason нужна только вместе с --dismiss")
    if args.history:
        _history(report, args.db, args.history)
        return 0
    if not (args.accept or args.dismiss or args.comment):
        with open_store(args.db, create=True) as store:
            from analyzer.review.decisions import load_reviews

            _list(load_reviews(store, report))
        return 0
    action: ReviewAction
    action, fingerprint, comment = (("accept", args.accept, None) if args.accept else
                                    ("dismiss", args.dismiss, None) if args.dismiss else
                                    ("comment", args.comment[0], args.comment[1]))
    with open_store(args.db, create=True) as store:
        try:
            outcome = decide(store, report, fingerprint, action, reviewer=args.reviewer, reason=args.reason,
                             comment=comment)
        except ReviewError as exc:
            raise UsageError(str(exc)) from exc
    r = outcome.review
    print(f"{r.fingerprint}: {DECISION_RU[r.decision]}" + (f", комментарий: {r.comment}" if r.comment else "")
          + f" — {r.reviewer}, {r.decided_at[:19].replace('T', ' ')} UTC")
    if outcome.replaced:
        old = outcome.replaced
        print(f"Заменено решение «{DECISION_RU[old.decision]}» ({old.reviewer}, "
              f"{old.decided_at[:19].replace('T', ' ')} UTC); оно сохранено в истории.", file=sys.stderr)
    return 0


def _export(args: argparse.Namespace) -> int:
    from analyzer.review.cases import export_cases

    with open_store(args.db) as store:
        exported = export_cases(store)
    if exported.skipped:
        print(f"Отклонённых находок без цитаты (нет положения) пропущено: {exported.skipped} — для них нет текста "
              f"для теста.", file=sys.stderr)
    if not exported.files:
        print("В базе нет отклонённых находок с цитатой.", file=sys.stderr)
        return 0
    for name, content in exported.files.items():
        if args.output:
            args.output.mkdir(parents=True, exist_ok=True)
            (args.output / name).write_text(content, encoding="utf-8")
            print(args.output / name)
        else:
            print(f"# --- {name}\n{content}")
    return 0


def run(args: argparse.Namespace) -> int:
    args.db = store_of(args)
    if args.db is None:
        return 2
    try:
        if str(args.file) == EXPORT and not args.file.exists():
            return _export(args)
        return _decide(args)
    except UsageError as exc:
        print(f"Ошибка: {exc}", file=sys.stderr)
        return 2
