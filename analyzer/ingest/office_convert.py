"""DOC, ODT and RTF: LibreOffice converts them to DOCX, which ``docx_reader`` reads.

Each conversion runs in its own temporary directory with its own LibreOffice
profile, so parallel conversions never meet one running instance. LibreOffice
runs in a process group of its own, killed whenever the conversion ends
without it: on the timeout, Ctrl-C, SIGTERM (the CLI turns it into an
exception) or an error; the temporary directory goes with it. A batch worker
that must exit at once kills the running conversions with ``kill_conversions``.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from analyzer.errors import ConverterMissing, Corrupt
from analyzer.ingest.docx_reader import read_docx
from analyzer.model import Document
from analyzer.vocabulary import DocumentFormat

TIMEOUT = 120.0   # seconds; a first start with a fresh profile takes a few


_RUNNING: set[int] = set()   # process groups of the conversions running in this process


def _kill_group(pgid: int) -> None:
    """Kill LibreOffice and whatever it started (a finished group is gone already)."""
    try:
        os.killpg(pgid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def kill_conversions() -> None:
    """Kill every running conversion of this process: for a worker about to exit without unwinding."""
    for pgid in list(_RUNNING):
        _kill_group(pgid)


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_docx(data: bytes, source: str, fmt: DocumentFormat, timeout: float | None = None) -> bytes:
    """The file converted to DOCX by LibreOffice headless."""
    return convert(data, source, fmt, "docx:MS Word 2007 XML", timeout)


def convert(data: bytes, source: str, fmt: str, target: str, timeout: float | None = None) -> bytes:
    """The file (of type ``fmt``) converted by LibreOffice headless to ``target`` ("pdf", "docx:…")."""
    timeout = TIMEOUT if timeout is None else timeout
    binary = soffice()
    if binary is None:
        raise ConverterMissing(source, f"формат {fmt.upper()}")
    with tempfile.TemporaryDirectory(prefix="reglint-lo-") as tmp:
        work = Path(tmp)
        src = work / f"input.{fmt}"
        src.write_bytes(data)
        cmd = [binary, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless", "--norestore",
               "--nolockcheck", "--convert-to", target, "--outdir", str(work / "out"), str(src)]
        scratch = work / "tmp"     # LibreOffice's own temporary files, removed with the folder even when it is killed
        scratch.mkdir()
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                start_new_session=True, env={**os.environ, "TMPDIR": str(scratch)})
        _RUNNING.add(proc.pid)
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            raise Corrupt(source, f"LibreOffice не преобразовал файл за {timeout:.0f} с") from None
        finally:
            _kill_group(proc.pid)
            proc.wait()
            _RUNNING.discard(proc.pid)
        result = work / "out" / f"input.{target.split(':')[0]}"
        if not result.is_file() or result.stat().st_size == 0:
            raise Corrupt(source, f"LibreOffice не смог открыть файл как {fmt.upper()}")
        return result.read_bytes()


def read_converted(data: bytes, source: str, fmt: DocumentFormat, warnings: tuple[str, ...] = ()) -> Document:
    return read_docx(to_docx(data, source, fmt), source, fmt, warnings)
