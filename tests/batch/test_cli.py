"""`reglint batch` and `reglint export` from the command line."""
from __future__ import annotations

import sqlite3

from analyzer.cli import main


def test_batch_then_export(corpus, tmp_path, capsys):
    folder, expected = corpus
    db = tmp_path / "audit.sqlite"
    assert main(["batch", str(folder), "--db", str(db), "--workers", "2", "--out", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    assert "Не удалось проверить" in out and str(expected) in out
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "acts.csv", "audit.xlsx", "clauses.csv", "documents.csv", "summary.html"]
    assert sqlite3.connect(db).execute("SELECT COUNT(*) FROM documents").fetchone()[0] == expected
    assert main(["export", "--db", str(db), "--format", "html", "--out", str(tmp_path / "html")]) == 0
    assert (tmp_path / "html" / "summary.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_usage_errors(tmp_path, capsys):
    assert main(["export", "--db", str(tmp_path / "none.sqlite"), "--format", "csv"]) == 2
    assert "нет файла базы" in capsys.readouterr().err
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["batch", str(empty), "--db", str(tmp_path / "a.sqlite")]) == 2
    assert "нет документов" in capsys.readouterr().err
