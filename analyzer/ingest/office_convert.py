"""DOC, ODT and RTF: LibreOffice converts them to DOCX, which ``docx_reader`` reads.

Each conversion runs in its own temporary directory with its own LibreOffice
profile, so parallel conversions never meet one running instance; the process
group is killed when it overruns the timeout.
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
from analyzer.model import Document, Format

TIMEOUT = 120.0   # seconds; a first start with a fresh profile takes a few


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_docx(data: bytes, source: str, fmt: Format, timeout: float | None = None) -> bytes:
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
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            raise Corrupt(source, f"LibreOffice не преобразовал файл за {timeout:.0f} с") from None
        result = work / "out" / f"input.{target.split(':')[0]}"
        if not result.is_file() or result.stat().st_size == 0:
            raise Corrupt(source, f"LibreOffice не смог открыть файл как {fmt.upper()}")
        return result.read_bytes()


def read_converted(data: bytes, source: str, fmt: Format, warnings: tuple[str, ...] = ()) -> Document:
    return read_docx(to_docx(data, source, fmt), source, fmt, warnings)
