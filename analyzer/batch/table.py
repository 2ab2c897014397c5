"""A table of a batch export: columns with Russian labels over the store's rows.

Built by analyzer.batch.exports, laid out by each writer (CSV there, XLSX in
analyzer.batch.xlsx, HTML in analyzer.batch.html_summary); the writers import
only this, never the exports module that calls them.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from analyzer.vocabulary import ColumnKind


@dataclass(frozen=True)
class Column:
    label: str
    value: Callable[[dict[str, Any]], Any]
    kind: ColumnKind = "text"


@dataclass(frozen=True)
class Table:
    name: str            # file stem / sheet name
    title: str
    columns: tuple[Column, ...]
    rows: list[dict[str, Any]]

    def cells(self) -> list[list[Any]]:
        return [[c.value(row) for c in self.columns] for row in self.rows]
