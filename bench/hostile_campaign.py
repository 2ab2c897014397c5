#!/usr/bin/env python3
"""The adversarial campaign of issue 12: build hostile and unlucky inputs, run reglint on each as a user
would (the CLI, in a fresh process), and print one row per case: class, case, outcome, exit status, seconds
and the peak memory of the process.

Every case runs with a deadline (30 s; the process group is killed beyond it) and must end either in a
correct analysis or in a typed refusal (exit 2, a Russian reason, no traceback); a post-check looks at
what a case must leave behind (the input untouched, an output that reopens, no process or folder left).

    .venv/bin/python bench/hostile_campaign.py [--only CLASS]
"""
from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "hostile"))
import hostile_files as h
from processes import descendants, mentioning, running

CLI = [sys.executable, "-c", "import sys; from analyzer.cli import main; sys.exit(main())"]
DEADLINE = 30.0
MEMORY_MB = 1536


@dataclass
class Case:
    klass: str
    name: str
    args: Callable[[Path], list[str]]                              # the reglint arguments, given the work folder
    check: Callable[[Path, subprocess.CompletedProcess], str] | None = None   # "" when what is left is right
    during: Callable[[subprocess.Popen, Path], None] | None = None            # e.g. a signal mid-way
    env: dict[str, str] = field(default_factory=dict)


def _run(case: Case, work: Path) -> tuple[str, int, float, float]:
    """Run one case: its outcome, exit status, seconds and peak RSS (MB, the largest of its processes)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.monotonic()
        proc = subprocess.Popen([*CLI, *case.args(work)], cwd=work, stdout=out, stderr=err, start_new_session=True,
                                env={**os.environ, **case.env})
        timer = threading.Timer(DEADLINE, lambda: _kill_group(proc.pid))
        timer.start()
        if case.during:
            case.during(proc, work)
        _, status, usage = os.wait4(proc.pid, 0)
        timer.cancel()
        seconds = time.monotonic() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        done = subprocess.CompletedProcess(proc.args, proc.returncode, out.read().decode(errors="replace"),
                                           err.read().decode(errors="replace"))
        outcome = _outcome(case, work, done, seconds)
        _kill_group(proc.pid)          # whatever it left in its group, once the check has seen it
    return outcome, done.returncode, seconds, usage.ru_maxrss / 1024


def _kill_group(pgid: int) -> None:
    try:
        os.killpg(pgid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def _outcome(case: Case, work: Path, done: subprocess.CompletedProcess, seconds: float) -> str:
    if seconds >= DEADLINE:
        return "BAD: over the deadline"
    if "Traceback" in done.stderr:
        return "BAD: traceback"
    problem = case.check(work, done) if case.check else ""
    if problem:
        return f"BAD: {problem}"
    if done.returncode == 2:
        reason = next((line for line in done.stderr.splitlines() if line.startswith(("Ошибка", "reglint"))), "")
        if not any("а" <= ch <= "я" for ch in reason.lower()):
            return "BAD: exit 2 without a Russian reason"
        return "refused: " + reason.split(": ", 1)[-1].replace(f"{work}/", "")[:110]
    if done.returncode in (0, 1) or case.during:
        return "analysed" if case.check is None else "ok"
    return f"exit {done.returncode}"


# ------------------------------------------------------------------ checks of what a case leaves
def _same(path: str, original: Path) -> Callable[[Path, subprocess.CompletedProcess], str]:
    return lambda work, _: "" if (work / path).read_bytes() == original.read_bytes() else f"{path} was changed"


def _refused(what: str) -> Callable[[Path, subprocess.CompletedProcess], str]:
    return lambda work, done: "" if done.returncode == 2 and what in done.stderr else f"no refusal «{what}»"


_REOPEN = """
import sys, zipfile
import docx
from lxml import etree
with zipfile.ZipFile(sys.argv[1]) as zf:
    for name in zf.namelist():
        if name.endswith((".xml", ".rels")):
            etree.fromstring(zf.read(name))
docx.Document(sys.argv[1])
"""


def _reopens(path: str) -> Callable[[Path, subprocess.CompletedProcess], str]:
    """lxml's strict parser, python-docx and LibreOffice all open the output (each in a process of its own)."""
    def check(work: Path, _: subprocess.CompletedProcess) -> str:
        strict = subprocess.run([sys.executable, "-c", _REOPEN, str(work / path)], capture_output=True, text=True,
                                check=False)
        if strict.returncode:
            return f"{path} does not reopen: {strict.stderr.strip().splitlines()[-1]}"
        if shutil.which("soffice"):
            out = work / "lo"
            subprocess.run(["soffice", f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless",
                            "--convert-to", "txt", "--outdir", str(out), str(work / path)],
                           capture_output=True, timeout=60, check=False)
            if not any(out.glob("*.txt")):
                return f"LibreOffice does not open {path}"
        return ""
    return check


def _distinct_outputs(work: Path, done: subprocess.CompletedProcess) -> str:
    outputs = sorted((work / "out").iterdir())
    return "" if len(outputs) == 2 else f"{len(outputs)} outputs for 2 inputs"


def _store_rows(db: str, expected: dict[str, str | None]) -> Callable[[Path, subprocess.CompletedProcess], str]:
    def check(work: Path, _: subprocess.CompletedProcess) -> str:
        with sqlite3.connect(work / db) as conn:
            rows = {Path(p).name: code for p, code in conn.execute("SELECT path, error_code FROM documents")}
        return "" if rows == expected else f"store rows {rows}"
    return check


_family: dict[str, set[int]] = {}


def _kill_batch_mid_way(proc: subprocess.Popen, work: Path) -> None:
    deadline = time.monotonic() + DEADLINE
    while time.monotonic() < deadline and not (len(descendants(proc.pid)) >= 4 and _committed(work / "a.sqlite")):
        time.sleep(0.1)
    _family["batch"] = descendants(proc.pid)
    os.kill(proc.pid, signal.SIGKILL)


def _committed(db: Path) -> bool:
    """The batch has written documents: its workers are running."""
    try:
        with sqlite3.connect(f"{db.absolute().as_uri()}?mode=ro", uri=True) as conn:
            return conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0] >= 4
    except sqlite3.Error:
        return False


def _no_family_left(work: Path, _: subprocess.CompletedProcess) -> str:
    time.sleep(3)
    left = [p for p in _family.get("batch", ()) if running(p)]
    files = list(_case_tmp().rglob("*"))
    return f"{len(left)} child processes, temporary files left: {[f.name for f in files]}" if left or files else ""


def _signal_during_conversion(signum: int) -> Callable[[subprocess.Popen, Path], None]:
    def during(proc: subprocess.Popen, work: Path) -> None:
        deadline = time.monotonic() + DEADLINE
        while time.monotonic() < deadline and not any(mentioning(str(_case_tmp()))):
            time.sleep(0.1)
        os.kill(proc.pid, signum)
    return during


def _case_tmp() -> Path:
    return Path(os.environ["REGLINT_CAMPAIGN_TMP"])


def _nothing_left_of_conversion(work: Path, done: subprocess.CompletedProcess) -> str:
    time.sleep(2)
    processes, files = mentioning(str(_case_tmp())), list(_case_tmp().rglob("*"))
    if processes or files:
        return f"{len(processes)} LibreOffice processes, {len(files)} temporary files left"
    return "" if done.returncode in (130, 143) else f"exit {done.returncode}"


# ------------------------------------------------------------------ the cases
_BUILT = {
    "utf8": lambda w: h.utf8_cut_txt(w), "legal": lambda w: h.long_txt(w, 490_000, "legal-490k.txt"),
    "oneline": lambda w: h.one_line_txt(w, 490_000), "twomb": lambda w: h.long_txt(w, 2_000_000, "two-mb.txt"),
    "paragraphs": lambda w: h.many_paragraphs_docx(w), "locked": lambda w: h.encrypted_member_docx(w),
    "chain": lambda w: h.style_chain_docx(w), "letter": lambda w: h.huge_start_docx(w, "lowerLetter"),
    "roman": lambda w: h.huge_start_docx(w, "upperRoman"), "bomb": lambda w: h.markup_bomb_docx(w, 290),
    "entity": lambda w: h.entity_docx(w), "foreign": lambda w: h.foreign_db(w), "newer": lambda w: h.newer_store(w),
}
_NAMES = {"utf8": "long-utf8.txt", "legal": "legal-490k.txt", "oneline": "one-line.txt", "twomb": "two-mb.txt",
          "paragraphs": "paragraphs.docx", "locked": "locked-member.docx", "chain": "style-chain.docx",
          "letter": "huge-start-lowerLetter.docx", "roman": "huge-start-upperRoman.docx", "bomb": "markup-bomb.docx",
          "entity": "entity.docx", "foreign": "contacts.sqlite", "newer": "newer.sqlite", "damaged": "damaged.sqlite"}


def _inputs(work: Path) -> dict[str, Path]:
    return {key: work / name for key, name in _NAMES.items()}


def _prepare(work: Path) -> None:
    """Build every input once into ``work``."""
    for key, build in _BUILT.items():
        assert build(work) == work / _NAMES[key]
    shutil.copy(h.DOCX, work / "victim.docx")
    for folder, source in (("a", h.DOCX), ("b", h.CORPORA / "formats" / "apk-college.docx")):
        (work / folder).mkdir()
        shutil.copy(source, work / folder / "polozhenie.docx")
    (work / "tmp").mkdir()
    os.mkfifo(work / "fifo.txt")
    (work / "random.docx").symlink_to("/dev/urandom")
    (work / "fifo-folder").mkdir()
    os.mkfifo(work / "fifo-folder" / "a.txt")
    shutil.copy(h.REGULATIONS[0], work / "fifo-folder" / "b.txt")
    (work / "links").mkdir()
    (work / "links" / "outside.txt").symlink_to(h.REGULATIONS[1])
    shutil.copy(h.REGULATIONS[0], work / "links" / "own.txt")
    (work / "many").mkdir()
    for i in range(60):
        shutil.copy(h.REGULATIONS[i % len(h.REGULATIONS)], work / "many" / f"{i}.txt")
    (work / "file").write_text("x")
    store = work / "good.sqlite"
    subprocess.run([*CLI, "batch", str(h.REGULATIONS[0]), "--db", str(store), "--workers", "1"],
                   capture_output=True, check=True)
    h.damaged_store(work, store)


def _fill_disk(work: Path) -> bool:
    """A 4 MB tmpfs at work/full holding a store, then filled to the last byte; False where it cannot be mounted."""
    full = work / "full"
    full.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(full)], capture_output=True,
                      check=False).returncode:
        return False
    shutil.copy(work / "good.sqlite", full / "audit.sqlite")
    fd = os.open(full / "filler", os.O_WRONLY | os.O_CREAT)
    try:
        while os.write(fd, b"\0" * 4096):
            pass
    except OSError:
        pass
    finally:
        os.close(fd)
    return True


def _no_partial(work: Path, done: subprocess.CompletedProcess) -> str:
    """Refused for the full disk, and nothing of the report left on it."""
    left = [p.name for p in (work / "full").iterdir() if p.name != "filler" and not p.name.startswith("audit.sqlite")]
    if done.returncode != 2 or "нет места" not in done.stderr:
        return "no typed refusal"
    return f"left behind: {left}" if left else ""


def cases(files: dict[str, Path], full_disk: bool) -> list[Case]:
    victim = "victim.docx"
    out: list[Case] = []
    for fmt in ("docx", "odt", "rtf", "doc"):
        out.append(Case("ordinary", f"plain {fmt.upper()} (no automatic lists)",
                        lambda w, fmt=fmt: ["check", str(h.PLAIN / f"ddt-grad-chudes-2023.{fmt}"), "--format", "json"]))
    out += [
        Case("ordinary", "UTF-8 TXT cut inside a letter at 64 KiB", lambda w: ["check", str(files["utf8"])]),
        Case("ordinary", "TXT of 490,000 characters", lambda w: ["check", str(files["legal"]), "--format", "json"]),
        Case("ordinary", "TXT of 490,000 characters on one line", lambda w: ["check", str(files["oneline"])]),
        Case("ordinary", "TXT of 2,000,000 characters (2 MB)", lambda w: ["check", str(files["twomb"])]),
        Case("ordinary", "DOCX with 100,000 paragraphs (770 KB)", lambda w: ["check", str(files["paragraphs"])]),
        Case("ordinary", "diff of two 2 MB texts", lambda w: ["diff", str(files["twomb"]), str(files["twomb"])]),
        Case("ordinary", "DOCX with an encrypted ZIP member", lambda w: ["check", str(files["locked"])]),
    ]
    for fmt in ("json", "text", "csv", "html", "markdown", "docx"):
        out.append(Case("user data", f"check X --format {fmt} -o X", lambda w, fmt=fmt: [
            "check", victim, "--format", fmt, "-o", victim], _same(victim, h.DOCX)))
    out += [
        Case("user data", "check X --fix -o X", lambda w: ["check", victim, "--fix", "-o", victim], _same(victim, h.DOCX)),
        Case("user data", "check X --format json -o ./link-to-X", lambda w: (
            (w / "link.docx").unlink(missing_ok=True), (w / "link.docx").symlink_to(w / victim),
            ["check", victim, "--format", "json", "-o", "link.docx"])[-1], _same(victim, h.DOCX)),
        Case("user data", "same names from two folders, --fix -o DIR",
             lambda w: ["check", "a/polozhenie.docx", "b/polozhenie.docx", "--fix", "-o", "out"], _distinct_outputs),
        Case("user data", "report into a path through a file", lambda w: [
            "check", str(h.REGULATIONS[0]), "--format", "json", "-o", "file/report.json"], _refused("не удалось записать")),
        Case("user data", "report onto /dev/full", lambda w: [
            "check", str(h.REGULATIONS[0]), "--format", "json", "-o", "/dev/full"], _refused("не обычный файл")),
        Case("user data", "batch into a foreign SQLite database", lambda w: [
            "batch", str(h.REGULATIONS[0]), "--db", str(files["foreign"])], _refused("не база reglint")),
        Case("user data", "the refused foreign database is byte-identical",
             lambda w: ["export", "--db", str(files["foreign"]), "--format", "csv", "--out", "x"],
             lambda w, d: "" if not (w / (files["foreign"].name + "-wal")).exists()
             and sqlite3.connect(files["foreign"]).execute("PRAGMA journal_mode").fetchone()[0] == "delete"
             else "switched to WAL"),
        Case("user data", "batch into a schema-2 store", lambda w: [
            "batch", str(h.REGULATIONS[0]), "--db", str(files["newer"])], _refused("более новой версией")),
        Case("user data", "export of a schema-2 store", lambda w: [
            "export", "--db", str(files["newer"]), "--format", "html", "--out", "x"], _refused("более новой версией")),
        Case("user data", "export of a damaged store", lambda w: [
            "export", "--db", str(files["damaged"]), "--format", "xlsx", "--out", "x"], _refused("повреждён")),
        Case("user data", "batch into a damaged store", lambda w: [
            "batch", str(h.REGULATIONS[0]), "--db", str(files["damaged"])], _refused("повреждён")),
    ]
    if full_disk:
        out += [
            Case("user data", "HTML report onto a full disk", lambda w: [
                "check", str(h.REGULATIONS[0]), "--format", "html", "-o", "full/report.html"], _no_partial),
            Case("user data", "--fix draft onto a full disk", lambda w: [
                "check", str(h.DOCX), "--fix", "-o", "full/fixed.docx"], _no_partial),
            Case("user data", "export of a store on a full disk", lambda w: [
                "export", "--db", "full/audit.sqlite", "--format", "csv", "--out", "export"],
                 lambda w, d: "" if d.returncode == 0 and len(list((w / "export").iterdir())) == 3 else "no export"),
        ]
    port = _closed_port()
    out += [
        Case("bounded", "check of a FIFO named .txt", lambda w: ["check", "fifo.txt"], _refused("именованный канал")),
        Case("bounded", "check of /dev/urandom named .docx", lambda w: ["check", "random.docx"], _refused("устройство")),
        Case("bounded", "batch of a folder: a FIFO, then a document", lambda w: [
            "batch", "fifo-folder", "--db", "fifo.sqlite", "--workers", "1"],
             _store_rows("fifo.sqlite", {"a.txt": "RL006", "b.txt": None})),
        Case("bounded", "DOCX: 6,000 styles in one basedOn chain with a loop", lambda w: ["check", str(files["chain"])]),
        Case("bounded", "DOCX: list start 2,147,483,647, lowerLetter", lambda w: ["check", str(files["letter"])]),
        Case("bounded", "DOCX: list start 2,147,483,647, upperRoman", lambda w: ["check", str(files["roman"])]),
        Case("bounded", "DOCX: markup unpacking to 290 MB (ratio under the guard)",
             lambda w: ["check", str(files["bomb"])]),
        Case("bounded", "batch on an unreachable Dask scheduler (default timeout)", lambda w: [
            "batch", str(h.REGULATIONS[0]), "--db", "dask.sqlite", "--scheduler", f"tcp://127.0.0.1:{port}"],
             _refused("нет связи с планировщиком")),
        Case("bounded", "batch of a folder with a file symlink", lambda w: [
            "batch", "links", "--db", "links.sqlite", "--workers", "1"],
             _store_rows("links.sqlite", {"outside.txt": "RL006", "own.txt": None})),
        Case("processes", "kill -9 of a batch with 2 workers", lambda w: [
            "batch", "many", "--db", "a.sqlite", "--workers", "2"], _no_family_left, _kill_batch_mid_way),
        Case("processes", "SIGTERM during a DOC conversion", lambda w: ["check", str(h.PLAIN / "apk-college.doc")],
             _nothing_left_of_conversion, _signal_during_conversion(signal.SIGTERM)),
        Case("processes", "Ctrl-C (SIGINT) during an RTF conversion", lambda w: ["check", str(h.PLAIN / "apk-college.rtf")],
             _nothing_left_of_conversion, _signal_during_conversion(signal.SIGINT)),
        Case("outputs", "--fix of a DOCX declaring an XML entity", lambda w: [
            "check", str(files["entity"]), "--fix", "-o", "entity.fixed.docx"], _reopens("entity.fixed.docx")),
        Case("outputs", "--format docx of a DOCX declaring an XML entity", lambda w: [
            "check", str(files["entity"]), "--format", "docx", "-o", "entity.ann.docx"], _reopens("entity.ann.docx")),
        Case("outputs", "batch /nonexistent", lambda w: ["batch", "/nonexistent", "--db", "n.sqlite"],
             _refused("нет такого файла")),
        Case("outputs", "batch --workers -3", lambda w: ["batch", str(h.REGULATIONS[0]), "--db", "n.sqlite",
                                                         "--workers", "-3"], _refused("не меньше 1")),
        Case("outputs", "batch --workspace ../../etc", lambda w: ["batch", str(h.REGULATIONS[0]), "--workspace",
                                                                 "../../etc"], _refused("рабочей области")),
    ]
    return out


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", help="run only the cases of this class")
    parser.add_argument("--prepare", type=Path, help=argparse.SUPPRESS)   # internal: build the inputs there
    args = parser.parse_args()
    if args.prepare:
        _prepare(args.prepare)
        return
    with tempfile.TemporaryDirectory(prefix="reglint-campaign-") as tmp:
        work = Path(tmp)
        # Built in another process: a child's peak memory counts its parent's at the fork, so this one stays small.
        subprocess.run([sys.executable, __file__, "--prepare", str(work)], check=True)
        files = _inputs(work)
        full_disk = False
        rows = []
        try:
            full_disk = _fill_disk(work)
            if not full_disk:
                print("(full-disk cases not run: a small tmpfs cannot be mounted here)")
            rows = _run_all(cases(files, full_disk), work, args.only)
        finally:
            if (work / "full").is_mount():
                subprocess.run(["umount", str(work / "full")], check=False)
        bad = [r for r in rows if r[2].startswith("BAD") or r[4] >= DEADLINE or r[5] >= MEMORY_MB]
        print(f"\n{len(rows)} cases, {len(bad)} bad (limits: {DEADLINE:.0f} s, {MEMORY_MB} MB)")


def _run_all(all_cases: list[Case], work: Path, only: str | None) -> list[tuple]:
    rows: list[tuple] = []
    for case in all_cases:
        if only and case.klass != only:
            continue
        tmp_dir = work / "tmp" / str(len(rows))      # the case's own TMPDIR, checked after it
        tmp_dir.mkdir()
        case.env["TMPDIR"] = os.environ["REGLINT_CAMPAIGN_TMP"] = str(tmp_dir)
        outcome, code, seconds, peak = _run(case, work)
        rows.append((case.klass, case.name, outcome, code, seconds, peak))
        print(f"| {case.klass} | {case.name} | {outcome} | {code} | {seconds:.1f} | {peak:.0f} |", flush=True)
    return rows


if __name__ == "__main__":
    main()
