"""Writing the user's files: all or nothing.

Every report, corrected draft and export is written to a temporary file
beside its target and renamed over it only when complete, so a full disk, a
read-only folder or an I/O error leaves the old file (or none) and never a
truncated one; the failure is an ``OutputError`` with a Russian reason.
"""
from __future__ import annotations

import errno
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from analyzer.errors import OutputError

_REASONS = {errno.ENOSPC: "на диске нет места", errno.EDQUOT: "исчерпана квота диска",
            errno.EACCES: "нет прав на запись", errno.EPERM: "нет прав на запись",
            errno.EROFS: "диск или папка только для чтения", errno.EIO: "ошибка ввода-вывода (диск неисправен?)",
            errno.EISDIR: "это папка", errno.ENOTDIR: "путь проходит через файл, а не папку"}


def reason(exc: OSError) -> str:
    """The Russian reason of a failed write."""
    return _REASONS.get(exc.errno or 0) or exc.strerror or type(exc).__name__


@contextmanager
def replacing(target: str | os.PathLike[str]) -> Iterator[Path]:
    """A fresh temporary path beside ``target``, renamed to ``target`` when the block completes.

    On any error the temporary file is removed and ``target`` is left as it was; an ``OSError`` becomes
    ``OutputError``.
    """
    target = Path(os.path.realpath(target))   # through a link to the file it names; the link stays
    if target.exists() and not target.is_file():
        raise OutputError(str(target), "это не обычный файл (папка или устройство)")
    tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise OutputError(str(target), f"{target.parent} — файл, а не папка") from None
    except OSError as exc:
        raise OutputError(str(target), reason(exc)) from None
    try:
        yield tmp
        with open(tmp, "rb") as written:   # the bytes are on the disk before the name points at them
            os.fsync(written.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        raise OutputError(str(target), reason(exc)) from None
    finally:
        with suppress(OSError):
            tmp.unlink(missing_ok=True)


def write_atomic(target: str | os.PathLike[str], content: str | bytes, encoding: str = "utf-8") -> None:
    """Write ``content`` to ``target`` whole or not at all."""
    data = content if isinstance(content, bytes) else content.encode(encoding)
    with replacing(target) as tmp, open(tmp, "xb") as f:
        f.write(data)
