"""The documents of a batch: files, folders (recursively), ZIP archives, list
files (``@list.txt``, one path a line) and uploaded ``(name, bytes)`` pairs.

Nothing here writes a file. A ZIP member is read into memory by its index in
the archive; its name is only a label, made safe (no ``..``, no absolute
path) before anyone sees it. Archives are checked before any member is read:
number of members, declared sizes, compression ratio (zip bombs), encryption.
A problem becomes an ``Entry`` carrying its ``InputError``, so the batch
records it against the file and goes on.
"""
from __future__ import annotations

import io
import os
import re
import unicodedata
import zipfile
import zlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from analyzer.errors import Corrupt, Encrypted, InputError, TooLarge, UnsupportedType
from analyzer.ingest.guards import EXTENSIONS, MAX_BYTES, MAX_RATIO, RATIO_MIN_SIZE

ARCHIVE_SUFFIX = ".zip"
MAX_MEMBERS = 20_000
MAX_ARCHIVE_BYTES = 4 * 1024 ** 3      # declared unpacked size of one archive, all members
LIST_PREFIX = "@"
_DRIVE = re.compile(r"^[A-Za-z]:$")
_UTF8_NAME = 0x800                     # general-purpose flag: the member name is UTF-8


@dataclass(frozen=True)
class Entry:
    """One document of a batch, not read yet.

    ``path`` is its identity in the store (absolute path, archive path plus
    member, or the upload name); ``name`` is what a user is shown.
    """

    path: str
    name: str
    load: Callable[[], bytes]
    error: InputError | None = None
    warnings: tuple[str, ...] = ()


def is_document(name: str) -> bool:
    """A file a batch picks up from a folder or an archive (not hidden, a known extension)."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    if base.startswith((".", "~$")) or "__MACOSX/" in name:
        return False
    suffix = os.path.splitext(base)[1].lower()
    return suffix in EXTENSIONS or suffix == ARCHIVE_SUFFIX


def safe_member_name(raw: str) -> str:
    """The member name without drive, root, ``.``/``..`` parts or control characters."""
    raw = "".join("?" if unicodedata.category(ch) == "Cc" else ch for ch in raw)
    parts = [p for p in re.split(r"[\\/]+", raw) if p not in ("", ".", "..")]
    if parts and _DRIVE.match(parts[0]):
        parts = parts[1:]
    return "/".join(parts) or "без имени"


def _member_name(info: zipfile.ZipInfo) -> str:
    """The member name as its archiver meant it: Russian Windows archivers write CP866 without the UTF-8 flag."""
    name = info.filename
    if not info.flag_bits & _UTF8_NAME and not name.isascii():
        try:
            return name.encode("cp437").decode("cp866")
        except UnicodeError:
            return name
    return name


def _mb(size: int) -> str:
    return f"{size / 1024 ** 2:.1f} МБ"


def _failed(path: str, name: str, error: InputError) -> Entry:
    return Entry(path, name, lambda: b"", error)


def _read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, label: str) -> bytes:
    try:
        with zf.open(info) as member:   # zipfile stops at the declared size and checks the CRC
            return member.read(MAX_BYTES + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError) as exc:
        raise Corrupt(label, f"элемент архива не распаковывается: {exc}") from None


def _member_entry(zf: zipfile.ZipFile, info: zipfile.ZipInfo, path: str, name: str) -> Entry:
    raw = _member_name(info)
    safe = safe_member_name(raw)
    label = f"{name}/{safe}"
    warnings = () if safe == raw.replace("\\", "/") else \
        (f"небезопасное имя элемента архива «{raw}» показано как «{safe}»",)
    entry = Entry(f"{path}/{safe}", label, lambda: _read_member(zf, info, label), warnings=warnings)
    if info.flag_bits & 0x1:
        return replace(entry, error=Encrypted(label, "элемент ZIP-архива зашифрован"))
    if info.file_size > MAX_BYTES:
        return replace(entry, error=TooLarge(label, f"{_mb(info.file_size)} после распаковки, допустимо не более "
                                                     f"{_mb(MAX_BYTES)}"))
    if info.file_size > RATIO_MIN_SIZE and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        return replace(entry, error=TooLarge(label, f"сжат в {info.file_size // max(info.compress_size, 1)} раз "
                                                     f"(похоже на zip-бомбу)"))
    if safe.lower().endswith(ARCHIVE_SUFFIX):
        return replace(entry, error=UnsupportedType(label, "вложенный архив; распакуйте его и добавьте файлы"))
    return entry


def _archive(zf: zipfile.ZipFile, path: str, name: str) -> list[Entry]:
    members = [m for m in zf.infolist() if not m.is_dir()]
    if len(members) > MAX_MEMBERS:
        return [_failed(path, name, TooLarge(name, f"в архиве {len(members)} файлов, допустимо не более {MAX_MEMBERS}"))]
    total = sum(m.file_size for m in members)
    if total > MAX_ARCHIVE_BYTES:
        return [_failed(path, name, TooLarge(name, f"архив распаковывается в {_mb(total)} (похоже на zip-бомбу)"))]
    return [_member_entry(zf, m, path, name) for m in members if is_document(_member_name(m))]


def _read_file(path: Path, name: str) -> bytes:
    from analyzer.ingest import read_file_bounded

    return read_file_bounded(path, name, MAX_BYTES)


class _Expander:
    """Walks the inputs once; a file reached twice (given and inside a given folder) counts once.

    A symbolic link inside a folder may lead anywhere (another user's files, a device): it is recorded
    as not checked unless ``follow_symlinks``; links to folders are never walked into.
    """

    def __init__(self, stack: ExitStack, follow_symlinks: bool = False) -> None:
        self.stack = stack
        self.follow_symlinks = follow_symlinks
        self.seen: set[str] = set()

    def path(self, given: str) -> list[Entry]:
        if given.startswith(LIST_PREFIX) and Path(given[1:]).is_file():
            return self.list_file(Path(given[1:]))
        path = Path(given)
        return self.folder(path) if path.is_dir() else self.file(path, given)

    def list_file(self, listing: Path) -> list[Entry]:
        try:
            lines = listing.read_text(encoding="utf-8-sig").splitlines()
        except (OSError, UnicodeError) as exc:
            return [_failed(str(listing.resolve()), str(listing),
                            InputError(str(listing), f"список файлов не читается: {exc}"))]
        paths = [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
        return [e for p in paths for e in self.path(str(listing.parent / p))]   # an absolute p stays itself

    def folder(self, root: Path) -> list[Entry]:
        entries = []
        for folder, dirs, files in os.walk(root):
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__MACOSX")
            entries += [e for f in sorted(files) if is_document(f) for e in self.member(Path(folder, f))]
        return entries

    def member(self, path: Path) -> list[Entry]:
        if path.is_symlink() and not self.follow_symlinks:
            name = str(path)
            return [_failed(str(path.absolute()), name, UnsupportedType(
                name, "символическая ссылка: она может вести за пределы папки, поэтому не проверяется "
                      "(reglint batch --follow-symlinks проверит и такие файлы)"))]
        return self.file(path, str(path))

    def file(self, path: Path, name: str) -> list[Entry]:
        key = str(path.resolve())
        if key in self.seen:
            return []
        self.seen.add(key)
        try:
            size = path.stat().st_size
        except OSError:
            return [_failed(key, name, InputError(name, "файл не найден"))]
        if path.suffix.lower() == ARCHIVE_SUFFIX:
            return self.archive(path, key, name)
        if size > MAX_BYTES:
            return [_failed(key, name, TooLarge(name, f"{_mb(size)}, допустимо не более {_mb(MAX_BYTES)}"))]
        return [Entry(key, name, lambda: _read_file(path, name))]

    def upload(self, name: str, data: bytes) -> list[Entry]:
        if name.lower().endswith(ARCHIVE_SUFFIX):
            return self.archive(data, name, name)
        return [Entry(name, name, lambda: data)]

    def archive(self, source: Path | bytes, path: str, name: str) -> list[Entry]:
        try:
            zf = zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes) else source)
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            return [_failed(path, name, Corrupt(name, f"ZIP-архив не открывается: {exc}"))]
        self.stack.enter_context(zf)
        return _archive(zf, path, name)


def _unique(entries: list[Entry]) -> list[Entry]:
    """Two uploads of one name, or two members made safe alike, would share a row: number them."""
    seen: dict[str, int] = {}
    result = []
    for entry in entries:
        n = seen[entry.path] = seen.get(entry.path, 0) + 1
        result.append(entry if n == 1 else replace(entry, path=f"{entry.path} ({n})", name=f"{entry.name} ({n})"))
    return result


@contextmanager
def expand(inputs: Sequence[str | Path] = (), uploads: Sequence[tuple[str, bytes]] = (), *,
           follow_symlinks: bool = False) -> Iterator[list[Entry]]:
    """Every document in ``inputs`` and ``uploads``, in a stable order; archives stay open until exit."""
    with ExitStack() as stack:
        expander = _Expander(stack, follow_symlinks)
        entries = [e for given in inputs for e in expander.path(str(given))]
        entries += [e for name, data in uploads for e in expander.upload(name, data)]
        yield _unique(entries)
