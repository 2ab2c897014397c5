"""Bounded time and memory: only regular files are documents, style chains and list starts cost their size,
the unpacked markup is bounded, an unreachable scheduler is reported soon, links in folders stay unfollowed.

Cases that hung or ran for minutes on the old code run in a subprocess with a deadline, so a regression
fails the test instead of stalling the suite.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import hostile_files as h
import pytest

from analyzer.batch import audit
from analyzer.batch.store import Store
from analyzer.cli import main
from analyzer.errors import TooLarge, UnsupportedType
from analyzer.ingest import read

TXT = h.REGULATIONS[0]
DEADLINE = 60   # seconds; these cases take a few on a shared 2-core machine, the old code minutes or forever


def _reglint(*args: str, timeout: float = DEADLINE) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", "import sys; from analyzer.cli import main; sys.exit(main())", *args],
                          capture_output=True, text=True, timeout=timeout, check=False)


def test_a_fifo_or_a_device_is_refused_unread(tmp_path):
    fifo = tmp_path / "polozhenie.txt"
    os.mkfifo(fifo)
    device = tmp_path / "random.docx"
    device.symlink_to("/dev/urandom")
    done = _reglint("check", str(fifo), str(device), str(TXT), "--format", "json")
    assert done.returncode == 2
    assert "именованный канал" in done.stderr and "устройство" in done.stderr
    assert '"in_scope": true' in done.stdout                # the regular file after them is analysed
    for path in (fifo, device):
        with pytest.raises(UnsupportedType):
            read(path)


def test_a_batch_folder_with_a_fifo_reaches_the_files_after_it(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "a.txt")
    shutil.copy(TXT, folder / "b.txt")
    db = tmp_path / "audit.sqlite"
    done = _reglint("batch", str(folder), "--db", str(db), "--workers", "1")
    assert done.returncode == 0, done.stderr
    with Store(db) as store:
        rows = {Path(d["path"]).name: d for d in store.documents()}
    assert rows["a.txt"]["error_code"] == UnsupportedType.code and rows["b.txt"]["error_code"] is None


def test_a_long_basedon_chain_with_a_loop_is_resolved_once(tmp_path):
    path = h.style_chain_docx(tmp_path)
    done = _reglint("sections", str(path), "--format", "json")
    assert done.returncode == 0, done.stderr[-500:]


@pytest.mark.parametrize("fmt", ["lowerLetter", "upperRoman", "decimal"])
def test_a_huge_list_start_draws_short_labels(tmp_path, fmt):
    document = read(h.huge_start_docx(tmp_path, fmt))
    first = document.text.split("\n")[0]
    assert first.startswith("32767)")                       # clamped to Word's largest start, in digits
    assert len(document.text) < 40_000


def test_markup_that_unpacks_far_beyond_a_regulation_is_refused_before_parsing(tmp_path):
    path = h.markup_bomb_docx(tmp_path, 120)
    assert path.stat().st_size < 2 << 20
    started = time.monotonic()
    with pytest.raises(TooLarge, match="разметка документа"):
        read(path)
    assert time.monotonic() - started < 5                  # nothing was unpacked


def test_an_unreachable_scheduler_is_reported_after_the_short_timeout(tmp_path):
    with socket.socket() as s:      # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    started = time.monotonic()
    done = _reglint("batch", str(TXT), "--db", str(tmp_path / "a.sqlite"), "--scheduler", f"tcp://127.0.0.1:{port}",
                    "--scheduler-timeout", "1")
    assert done.returncode == 2 and "нет связи с планировщиком Dask" in done.stderr
    assert time.monotonic() - started < 25                 # the old fixed timeout alone was 30 s


def test_a_symlink_in_a_batch_folder_is_not_followed_unless_asked(tmp_path):
    outside = tmp_path / "private"
    outside.mkdir()
    shutil.copy(TXT, outside / "secret.txt")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "link.txt").symlink_to(outside / "secret.txt")
    shutil.copy(TXT, folder / "own.txt")
    db = tmp_path / "a.sqlite"
    audit([folder], db, workers=1)
    with Store(db) as store:
        rows = {Path(d["name"]).name: d for d in store.documents()}
    assert rows["own.txt"]["error_code"] is None
    assert rows["link.txt"]["error_code"] == UnsupportedType.code and rows["link.txt"]["content_hash"] is None
    audit([folder], db, workers=1, follow_symlinks=True)
    with Store(db) as store:
        rows = {Path(d["name"]).name: d for d in store.documents()}
    assert rows["link.txt"]["error_code"] is None and rows["link.txt"]["score"]
    assert main(["batch", str(folder), "--db", str(db), "--follow-symlinks", "--workers", "1"]) == 0
