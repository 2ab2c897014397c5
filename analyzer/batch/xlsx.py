"""The XLSX export: one sheet per table, and the documents × clauses matrix in colour."""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from analyzer.vocabulary import STATUS_LETTER, STATUS_RU, ColumnKind

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

    from analyzer.batch.table import Table

NUMBER_FORMATS: dict[ColumnKind, str] = {"percent": "0.0%", "seconds": "0.000", "int": "0"}
FILLS = {status: PatternFill("solid", fgColor=colour) for status, colour in (
    ("present", "DFF3E4"), ("partial", "FFF1D6"), ("misplaced", "ECE4F8"), ("missing", "FDE0E0"),
    ("not_applicable", "EEEEEE"))}
MAX_WIDTH = 60


def _text(cell: Any, value: Any) -> None:
    """Set a value; a string stays a string even when it starts with "=" (openpyxl would make it a formula)."""
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"


def _header(sheet: Worksheet, labels: Sequence[str]) -> None:
    sheet.append(list(labels))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "B2"


def _sheet(sheet: Worksheet, table: Table) -> None:
    _header(sheet, [c.label for c in table.columns])
    cells = table.cells()
    for r, row in enumerate(cells, start=2):
        for c, (column, value) in enumerate(zip(table.columns, row, strict=True), start=1):
            cell = sheet.cell(r, c)
            _text(cell, value)
            if column.kind in NUMBER_FORMATS:
                cell.number_format = NUMBER_FORMATS[column.kind]
    for c, column in enumerate(table.columns, start=1):
        longest = max((len(str(v)) for v in [column.label, *(row[c - 1] for row in cells[:500])]
                       if v is not None), default=8)
        sheet.column_dimensions[get_column_letter(c)].width = min(MAX_WIDTH, max(8, longest + 2))
    if table.rows:
        sheet.auto_filter.ref = sheet.dimensions


def _matrix(sheet: Worksheet, matrix: tuple[list[str], list[str], list[list[str]]]) -> None:
    names, clause_ids, statuses = matrix
    _header(sheet, ["Документ", *clause_ids])
    for r, (name, row) in enumerate(zip(names, statuses, strict=True), start=2):
        _text(sheet.cell(r, 1), name)
        for c, status in enumerate(row, start=2):
            if status:
                cell = sheet.cell(r, c, STATUS_LETTER[status])
                cell.fill = FILLS[status]
                cell.alignment = Alignment(horizontal="center")
    sheet.column_dimensions["A"].width = MAX_WIDTH
    for c in range(2, len(clause_ids) + 2):
        sheet.column_dimensions[get_column_letter(c)].width = 4
    for cell in sheet[1][1:]:
        cell.alignment = Alignment(text_rotation=90)


def workbook(tables: Sequence[Table], matrix: tuple[list[str], list[str], list[list[str]]]) -> Workbook:
    """Tables, the matrix (one letter per status, coloured) and its legend."""
    book = Workbook()
    book.remove(book.active)
    for table in tables:
        _sheet(book.create_sheet(table.title), table)
    _matrix(book.create_sheet("Матрица"), matrix)
    legend = book.create_sheet("Обозначения")
    _header(legend, ["Буква", "Статус положения"])
    for status, letter in STATUS_LETTER.items():
        legend.append([letter, STATUS_RU[status]])
        legend.cell(legend.max_row, 1).fill = FILLS[status]
    return book
