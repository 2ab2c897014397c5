"""Crashes: the batch process killed mid-way, a worker process dying on one document."""
from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from batch_support import REGULATIONS, analyse_or_die, count

from analyzer.batch import audit
from analyzer.batch.runner import run_local
from analyzer.batch.store import Store
from analyzer.batch.worker import Task


def _committed_at_least(db: Path, n: int) -> bool:
    """The batch has committed ``n`` documents (its file may exist before its tables do)."""
    try:
        return db.exists() and count(db) >= n
    except sqlite3.OperationalError:
        return False


def test_killed_batch_loses_nothing_it_committed(corpus, tmp_path):
    folder, expected = corpus
    db = tmp_path / "audit.sqlite"
    command = [sys.executable, "-c", "from analyzer.cli import main; raise SystemExit(main())",
               "batch", str(folder), "--db", str(db), "--workers", "1"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not _committed_at_least(db, 3) and time.monotonic() < deadline:
        time.sleep(0.005)              # analysis is fast: poll often enough to kill it mid-way
    process.kill()                     # SIGKILL: no clean-up, possibly mid-transaction
    process.wait()
    committed = count(db)
    assert 3 <= committed < expected, "the batch must be killed in the middle"
    summary = audit([folder], db, workers=1)
    assert summary.skipped == committed and summary.done == expected - committed
    paths = [d["path"] for d in Store(db).documents()]
    assert len(paths) == len(set(paths)) == expected


def test_a_worker_that_dies_is_blamed_on_its_document_only(tmp_path):
    texts = {p.name: p.read_bytes() for p in REGULATIONS}
    names = [*texts, "crash-me.txt"]
    data = [*texts.values(), REGULATIONS[0].read_bytes()]
    tasks = [Task(name, name, blob, hashlib.sha256(blob).hexdigest()) for name, blob in zip(names, data, strict=True)]
    results = {r["name"]: r for r in run_local(iter(tasks), 2, fn=analyse_or_die)}
    assert set(results) == set(names)
    assert results["crash-me.txt"]["error"]["code"] == "RL900"
    assert all(results[n]["error"] is None and results[n]["report"]["document"]["in_scope"] for n in texts)


def test_unexpected_exception_is_an_internal_error(tmp_path, monkeypatch):
    import analyzer.pipeline

    def broken(*args, **kwargs):
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(analyzer.pipeline, "analyze", broken)
    doc = tmp_path / "school.txt"
    shutil.copy(REGULATIONS[0], doc)
    db = tmp_path / "audit.sqlite"
    summary = audit([doc], db, workers=1)
    row = Store(db).documents()[0]
    assert summary.failed == 1
    assert row["error_code"] == "RL900" and "ZeroDivisionError" in row["error_message"]
    assert "a bug" in row["error_detail"]
    assert Path(row["path"]) == doc.resolve()
