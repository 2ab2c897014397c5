"""Exports of a batch store: CSV, XLSX and a self-contained HTML summary.

Three tables, with Russian column names for methodologists: per document,
per clause (how many documents miss each duty) and per cited act (how many
documents cite it with each problem). Findings are counted without those a
reviewer dismissed (analyzer.review); each document says how many were
dismissed and how many decided. File names and titles come from the
documents and are untrusted: cells that a spreadsheet would take for a
formula are prefixed with an apostrophe, and the HTML escapes everything.
"""
from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path
from typing import Any

from analyzer.batch.review_counts import document_progress, reviewed_documents
from analyzer.batch.store import PROBLEMS, Store
from analyzer.batch.table import Column, Table
from analyzer.output import replacing, write_atomic
from analyzer.vocabulary import INSTITUTION_RU, LEVEL_ONE_RU, PROBLEM_RU, ROLE_TITLES, STATUS_RU, ExportFormat

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _key(name: str) -> Callable[[dict[str, Any]], Any]:
    return lambda row: row.get(name)


def _yes_no(value: int | None) -> str:
    return "" if value is None else "да" if value else "нет"


def _share(part: str, whole: str) -> Callable[[dict[str, Any]], float | None]:
    return lambda row: row[part] / row[whole] if row[whole] else None


DOCUMENT_COLUMNS = (
    Column("Документ", _key("name")),
    Column("Формат", lambda r: (r["format"] or "").upper()),
    Column("Тип организации", lambda r: INSTITUTION_RU.get(r["institution_type"], r["institution_type"] or "")),
    Column("Положение о «Сферуме»", lambda r: _yes_no(r["in_scope"])),
    Column("Охват МР", _key("score"), "percent"),
    *(Column(f"Положений: {STATUS_RU[s]}", _key(f"n_{s}"), "int") for s in ("present", "partial", "misplaced",
                                                                          "missing")),
    Column("Ошибок", _key("n_error"), "int"),
    Column("Предупреждений", _key("n_warning"), "int"),
    Column("Замечаний", _key("n_info"), "int"),
    Column("Отклонено рецензентом", _key("n_dismissed"), "int"),
    Column("Рассмотрено находок", _key("n_decided"), "int"),
    Column("Находок всего", _key("n_findings"), "int"),
    Column("Код ошибки чтения", _key("error_code")),
    Column("Ошибка чтения", _key("error_message")),
    Column("Примечания", lambda r: "; ".join(r["notes"] or ())),
    Column("Версия МР", _key("reference_version")),
    Column("Версия реестра актов", _key("registry_version")),
    Column("Время проверки, с", _key("seconds"), "seconds"),
    Column("Проверено (UTC)", _key("created_at")),
    Column("SHA-256", _key("content_hash")),
    Column("Путь", _key("path")),
)
CLAUSE_COLUMNS = (
    Column("Код", _key("clause")),
    Column("Положение МР", _key("title")),
    Column("Раздел", lambda r: ROLE_TITLES.get(r["role"] or "", r["role"] or "")),
    Column("Уровень", lambda r: LEVEL_ONE_RU.get(r["level"] or "", r["level"] or "")),
    Column("Документов, где применимо", _key("applicable"), "int"),
    *(Column(f"Документов: {STATUS_RU[s]}", _key(s), "int") for s in ("missing", "partial", "misplaced", "present")),
    Column("Доля документов без положения", _share("missing", "applicable"), "percent"),
)
ACT_COLUMNS = (
    Column("Акт (код в реестре)", lambda r: "не найден в реестре" if r["act"] == "unknown" else r["act"]),
    Column("Правильная ссылка", _key("citation")),
    Column("Документов ссылается", _key("documents"), "int"),
    Column("Ссылок всего", _key("citations"), "int"),
    *(Column(f"Документов: {PROBLEM_RU[p]}", _key(p), "int") for p in PROBLEMS if p != "unknown"),
)


def tables(store: Store) -> tuple[Table, Table, Table]:
    """Documents (findings counted without those reviewers dismissed), clauses and acts."""
    documents = reviewed_documents(store.documents(), document_progress(store))
    return (Table("documents", "Документы", DOCUMENT_COLUMNS, documents),
            Table("clauses", "Положения МР", CLAUSE_COLUMNS, store.clause_stats()),
            Table("acts", "Нормативные акты", ACT_COLUMNS, store.act_stats()))


def defuse(value: Any) -> Any:
    """A text cell a spreadsheet would run as a formula, kept as text."""
    return f"'{value}" if isinstance(value, str) and value.startswith(FORMULA_START) else value


def write_csv(store: Store, out: Path) -> list[Path]:
    """One CSV per table: comma-separated, UTF-8 with BOM (so that Excel reads Cyrillic), shares as 0…1."""
    paths = []
    for table in tables(store):
        path = out / f"{table.name}.csv"
        with replacing(path) as tmp, tmp.open("x", encoding="utf-8-sig", newline="") as f:
            writer = csv.writer(f)
            writer.writerow([c.label for c in table.columns])
            writer.writerows([defuse(v) for v in row] for row in table.cells())
        paths.append(path)
    return paths


def write_xlsx(store: Store, out: Path) -> list[Path]:
    from analyzer.batch.xlsx import workbook

    path = out / "audit.xlsx"
    book = workbook(tables(store), store.matrix())
    with replacing(path) as tmp:
        book.save(tmp)
    return [path]


def write_html(store: Store, out: Path) -> list[Path]:
    from analyzer.batch.html_summary import render_summary

    path = out / "summary.html"
    write_atomic(path, render_summary(store, tables(store)))
    return [path]


WRITERS: dict[ExportFormat, Callable[[Store, Path], list[Path]]] = {
    "csv": write_csv, "xlsx": write_xlsx, "html": write_html}


def export(db: str | Path, fmt: ExportFormat, out: str | Path) -> list[Path]:
    """Write the store ``db`` as ``fmt`` into the folder ``out``; the files written."""
    if fmt not in WRITERS:
        raise ValueError(f"unknown export format {fmt!r}")
    if not Path(db).is_file():
        raise FileNotFoundError(db)
    out = Path(out)
    with Store(db, read_only=True) as store:
        return WRITERS[fmt](store, out)
