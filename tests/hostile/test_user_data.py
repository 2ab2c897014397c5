"""The user's data: no report over an input, no two reports onto one file, writes all or nothing, and
stores that are not ours (or are newer, or damaged) refused and left exactly as they were."""
from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from pathlib import Path

import hostile_files as h
import pytest

from analyzer.batch import audit
from analyzer.batch.exports import export
from analyzer.batch.store import _SCHEMA, Store
from analyzer.cli import main
from analyzer.errors import OutputError, StoreError

DOCX = h.DOCX
TXT = h.REGULATIONS[0]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("store") / "audit.sqlite"
    audit([TXT], db, workers=1)
    return db


@pytest.mark.parametrize("args", [["--format", "json"], ["--format", "text"], ["--format", "csv"],
                                  ["--format", "html"], ["--format", "markdown"], ["--format", "docx"], ["--fix"]])
def test_no_format_writes_its_report_over_the_document(tmp_path, capsys, args):
    victim = tmp_path / "polozhenie.docx"
    shutil.copy(DOCX, victim)
    link = tmp_path / "link.docx"
    link.symlink_to(victim)
    for target in (victim, link, tmp_path / "." / "polozhenie.docx"):
        assert main(["check", str(victim), *args, "-o", str(target)]) == 2
        assert "перезаписал бы проверяемый файл" in capsys.readouterr().err
    assert victim.read_bytes() == DOCX.read_bytes()


def test_same_file_names_from_different_folders_get_their_own_reports_and_drafts(tmp_path, capsys):
    inputs = []
    for folder, source in (("a", DOCX), ("b", h.CORPORA / "formats" / "apk-college.docx")):
        (tmp_path / folder).mkdir()
        inputs.append(tmp_path / folder / "polozhenie.docx")
        shutil.copy(source, inputs[-1])
    out = tmp_path / "out"
    assert main(["check", *map(str, inputs), "--fix", "-o", str(out)]) == 1
    printed = [line.rsplit(" — ", 1)[1].split(" (")[0] for line in capsys.readouterr().out.splitlines()]
    assert len(set(printed)) == 2 and sorted(Path(p).name for p in printed) == sorted(p.name for p in out.iterdir())
    assert main(["check", *map(str, inputs), "--format", "html", "-o", str(out)]) == 1
    reports = sorted(out.glob("*.html"))
    assert len(reports) == 2 and reports[0].read_bytes() != reports[1].read_bytes()


def test_a_failed_write_is_exit_2_with_the_reason_and_leaves_the_old_file(tmp_path, capsys, monkeypatch):
    target = tmp_path / "report.json"
    target.write_text("прежний отчёт", encoding="utf-8")

    def full_disk(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    assert main(["check", str(TXT), "--format", "json", "-o", str(target)]) == 2
    assert "на диске нет места" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "прежний отчёт"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]     # no temporary file left


def test_a_report_into_a_path_through_a_file_or_onto_a_device_is_a_typed_error(tmp_path, capsys):
    (tmp_path / "file").write_text("x")
    for target in (tmp_path / "file" / "report.json", Path("/dev/null")):
        assert main(["check", str(TXT), "--format", "json", "-o", str(target)]) == 2
        assert "не удалось записать" in capsys.readouterr().err
    assert Path("/dev/null").is_char_device()


def test_export_writes_all_or_nothing(store, tmp_path, monkeypatch):
    def broken(*_args: object) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OutputError, match="ошибка ввода-вывода"):
        export(store, "csv", tmp_path / "out")
    assert not any((tmp_path / "out").iterdir())


def test_a_foreign_database_is_refused_and_left_byte_identical(tmp_path, capsys):
    db = h.foreign_db(tmp_path)
    before = db.read_bytes()
    assert main(["batch", str(TXT), "--db", str(db)]) == 2
    assert main(["export", "--db", str(db), "--format", "csv", "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert err.count("это не база reglint") == 2 and "Traceback" not in err
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["contacts.sqlite"]   # no -wal, -shm, no export


def test_a_newer_or_damaged_store_is_a_typed_error_for_batch_and_export(store, tmp_path, capsys):
    for db, reason in ((h.newer_store(tmp_path), "более новой версией reglint"),
                       (h.damaged_store(tmp_path, store), "повреждён")):
        before = db.read_bytes()
        assert main(["batch", str(TXT), "--db", str(db)]) == 2
        assert main(["export", "--db", str(db), "--format", "xlsx", "--out", str(tmp_path / "out")]) == 2
        err = capsys.readouterr().err
        assert err.count(reason) == 2 and "Traceback" not in err
        assert db.read_bytes() == before
        with pytest.raises(StoreError):
            Store(db)


def test_export_opens_the_store_read_only(store, tmp_path):
    copy = tmp_path / "audit.sqlite"
    shutil.copy(store, copy)
    before = copy.read_bytes()
    assert [p.name for p in export(copy, "csv", tmp_path / "out")] == ["documents.csv", "clauses.csv", "acts.csv"]
    assert copy.read_bytes() == before
    with Store(copy, read_only=True) as opened, pytest.raises(Exception, match="readonly"):
        opened.db.execute("DELETE FROM documents")


def test_a_store_whose_creation_was_interrupted_is_still_ours(tmp_path):
    db = tmp_path / "audit.sqlite"
    with sqlite3.connect(db) as conn:      # the tables were created, the version not yet set
        conn.executescript(_SCHEMA)
    with Store(db) as store:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] > 0
