"""Children die with their parent: batch workers when the batch is killed with -9, LibreOffice and its
temporary folder when a conversion is interrupted by Ctrl-C or SIGTERM."""
from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import hostile_files as h
import pytest
from processes import descendants, mentioning, running

CLI = [sys.executable, "-c", "import sys; from analyzer.cli import main; sys.exit(main())"]


def _wait_until(condition, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


def _committed(db: Path) -> int:
    try:
        with sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True) as conn:
            return conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_killing_a_batch_kills_its_workers(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(60):
        shutil.copy(h.REGULATIONS[i % len(h.REGULATIONS)], folder / f"{i}.txt")
    temp = tmp_path / "tmp"
    temp.mkdir()
    batch = subprocess.Popen([*CLI, "batch", str(folder), "--db", str(tmp_path / "a.sqlite"), "--workers", "2"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, "TMPDIR": str(temp)})
    try:
        assert _wait_until(lambda: len(descendants(batch.pid)) >= 4, 60), "workers did not start"
        assert _wait_until(lambda: _committed(tmp_path / "a.sqlite") >= 4, 60), "the workers analyse nothing"
        family = descendants(batch.pid)
    finally:
        batch.kill()
        batch.wait()
    assert _wait_until(lambda: not any(running(p) for p in family), 10), \
        f"left running: {[p for p in family if running(p)]}"
    assert _wait_until(lambda: not any(temp.iterdir()), 5), list(temp.iterdir())   # its multiprocessing folder too


@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_an_interrupted_conversion_leaves_no_libreoffice_and_no_temporary_folder(tmp_path, signum):
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice is not installed")
    temp = tmp_path / "tmp"
    temp.mkdir()
    check = subprocess.Popen([*CLI, "check", str(h.PLAIN / "apk-college.doc")], env={**os.environ, "TMPDIR": str(temp)},
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        assert _wait_until(lambda: mentioning(str(temp)), 60), "LibreOffice did not start"
        check.send_signal(signum)
        _, err = check.communicate(timeout=30)
    finally:
        if check.poll() is None:
            check.kill()
            check.wait()
    assert check.returncode in (130, 128 + signal.SIGTERM)
    assert b"Traceback" not in err
    assert _wait_until(lambda: not mentioning(str(temp)), 10)
    assert list(temp.iterdir()) == []
