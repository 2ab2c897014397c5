"""The batch store: one SQLite file (standard ``sqlite3``, WAL journal).

One row per document in ``documents`` (keyed by its path), its clause
statuses, findings and legal references in their own tables. Each document is
written in its own transaction, so an interrupted batch keeps everything it
finished; re-writing a path replaces its rows. Only the parent process writes.

SQLAlchemy would add a dependency and a mapping layer for six short queries;
plain ``sqlite3`` with explicit SQL is enough here.
"""
from __future__ import annotations

import datetime as dt
import json
import operator
import re
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Self

from analyzer.errors import StoreError
from analyzer.organisation import organisation_key
from analyzer.vocabulary import PROBLEMS, SEVERITIES, STATUSES

# PRAGMA user_version of a store this code writes. A store of a higher version was written by a newer
# reglint and is refused (StoreError); 0 is a new, empty file. Bump it with every change of _SCHEMA.
SCHEMA_VERSION = 1
INTERNAL_ERROR = "RL900"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    content_hash TEXT,                 -- sha256 of the file's bytes; NULL when they could not be read
    format TEXT,
    title TEXT,
    institution_type TEXT,
    in_scope INTEGER,
    score REAL,                        -- share of the applicable clauses present
    n_present INTEGER, n_partial INTEGER, n_misplaced INTEGER, n_missing INTEGER,
    n_error INTEGER, n_warning INTEGER, n_info INTEGER,
    notes TEXT,                        -- JSON list of the reader's warnings
    reference_version TEXT NOT NULL,
    registry_version TEXT NOT NULL,
    seconds REAL,
    timings TEXT,                      -- JSON: seconds per stage
    worker TEXT,
    peak_rss_kb INTEGER,
    error_code TEXT,
    error_message TEXT,
    error_detail TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_content ON documents (content_hash, reference_version, registry_version);
CREATE TABLE IF NOT EXISTS clauses (
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    clause TEXT NOT NULL,
    status TEXT NOT NULL,
    score REAL,
    reasons TEXT,
    evidence TEXT,                     -- JSON; rows too long for WITHOUT ROWID to pay
    PRIMARY KEY (document_id, clause)
);
CREATE TABLE IF NOT EXISTS findings (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    code TEXT NOT NULL, name TEXT, category TEXT, severity TEXT NOT NULL, message TEXT NOT NULL, fix TEXT,
    quote TEXT, start INTEGER, "end" INTEGER, section TEXT, clause TEXT, act TEXT, source TEXT
);
CREATE INDEX IF NOT EXISTS findings_document ON findings (document_id);
CREATE TABLE IF NOT EXISTS legal_refs (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    act TEXT NOT NULL, quote TEXT, start INTEGER, "end" INTEGER,
    kind TEXT, issuer TEXT, number TEXT, date TEXT, date_text TEXT, title TEXT,
    problems TEXT NOT NULL,            -- JSON list
    correct TEXT
);
CREATE INDEX IF NOT EXISTS legal_refs_document ON legal_refs (document_id);
CREATE TABLE IF NOT EXISTS reference_clauses (
    reference_version TEXT NOT NULL,
    clause TEXT NOT NULL,
    position INTEGER NOT NULL,
    role TEXT, level TEXT, title TEXT,
    PRIMARY KEY (reference_version, clause)
);
"""
# Reviewers' decisions (analyzer.review.decisions): additive, created in stores of any age. A decision
# holds for a fingerprint in one organisation's documents; every change also goes to the history.
_REVIEW_SCHEMA = """
CREATE TABLE IF NOT EXISTS decisions (
    organisation TEXT NOT NULL,        -- analyzer.organisation key
    fingerprint TEXT NOT NULL,
    decision TEXT,                     -- accepted | dismissed; NULL: only commented
    reason TEXT, comment TEXT,
    reviewer TEXT NOT NULL, decided_at TEXT NOT NULL,
    reference_version TEXT NOT NULL, registry_version TEXT NOT NULL,
    code TEXT NOT NULL, clause TEXT, act TEXT, severity TEXT, message TEXT, quote TEXT,
    context TEXT,                      -- the document's head and the quote's section, for `review export`
    document TEXT,                     -- the file the decision was taken on
    PRIMARY KEY (organisation, fingerprint)
);
CREATE TABLE IF NOT EXISTS decision_history (
    id INTEGER PRIMARY KEY,
    organisation TEXT NOT NULL, fingerprint TEXT NOT NULL,
    action TEXT NOT NULL,              -- accept | dismiss | comment
    reason TEXT, comment TEXT, reviewer TEXT NOT NULL, decided_at TEXT NOT NULL,
    reference_version TEXT NOT NULL, registry_version TEXT NOT NULL, document TEXT
);
CREATE INDEX IF NOT EXISTS decision_history_finding ON decision_history (organisation, fingerprint);
"""
# Columns later versions added to the tables of _SCHEMA, with ALTER TABLE in older stores.
_ADDED_COLUMNS = {"findings": ("fingerprint",),
                  "documents": ("organisation", "organisation_name", "document_date")}
# OCR results by the file's content hash: a re-audit (a new reference version, --force) does not OCR again.
# Added to any store, old or new, without touching the other tables.
_OCR_SCHEMA = """
CREATE TABLE IF NOT EXISTS ocr_pages (
    content_hash TEXT NOT NULL,
    page INTEGER NOT NULL,
    settings TEXT NOT NULL,            -- engine, language, layout mode, resolution
    data TEXT NOT NULL,                -- JSON: image size, words with boxes and confidences, rotation
    created_at TEXT NOT NULL,
    PRIMARY KEY (content_hash, page, settings)
);
"""
_TABLES = set(re.findall(r"CREATE TABLE IF NOT EXISTS (\w+)", _SCHEMA))
_FINDING_FIELDS = ("code", "name", "category", "severity", "message", "fix", "quote", "start", "end", "section",
                   "clause", "act", "source", "fingerprint")
_INSERT_FINDING = (f"INSERT INTO findings (document_id, {', '.join(repr(f) for f in _FINDING_FIELDS)}) "
                   f"VALUES ({', '.join('?' * (len(_FINDING_FIELDS) + 1))})")
_finding_values = operator.itemgetter(*_FINDING_FIELDS)
# json.dumps builds a new encoder for every call with ensure_ascii=False; these are built once.
_to_json, _to_json_text = json.JSONEncoder().encode, json.JSONEncoder(ensure_ascii=False).encode
_INSERT_REF = ('INSERT INTO legal_refs (document_id, act, quote, start, "end", kind, issuer, number, date, date_text, '
               "title, problems, correct) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")


def _json_list(items: list[Any], encode: Callable[[Any], str]) -> str:
    """``encode(items)``; an empty list (most clauses' reasons) without the encoder's set-up for each call."""
    return encode(items) if items else "[]"


def _connect(path: Path, read_only: bool) -> sqlite3.Connection:
    """A connection; a read-only one never writes the file, not even to switch the journal mode.

    A store in WAL mode needs its shared-memory file to be read; where that cannot be created (a read-only
    folder, a full disk) the file is read as immutable: no writer may be running then.
    """
    if read_only:
        uri = path.absolute().as_uri()
        try:
            db = sqlite3.connect(f"{uri}?mode=ro", uri=True, check_same_thread=False)
            db.execute("PRAGMA user_version").fetchone()
        except sqlite3.OperationalError:
            db = sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, check_same_thread=False)
    else:
        db = sqlite3.connect(path, timeout=30, check_same_thread=False, isolation_level=None)
    db.row_factory = sqlite3.Row
    return db


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _document_date(approvals: list[dict[str, Any]]) -> str | None:
    """The latest ISO date of the approval blocks (an impossible date is kept as written and skipped)."""
    dates = [d for a in approvals for d in a["dates"] if re.fullmatch(r"\d{4}-\d\d-\d\d", d)]
    return max(dates) if dates else None


def _document_row(result: dict[str, Any], versions: tuple[str, str]) -> dict[str, Any]:
    report, error = result.get("report"), result.get("error")
    row: dict[str, Any] = {
        "path": result["path"], "name": result["name"], "content_hash": result.get("content_hash"),
        "format": result.get("format"), "notes": _to_json_text(result.get("warnings", [])),
        "reference_version": versions[0], "registry_version": versions[1],
        "seconds": result.get("seconds"), "timings": None, "worker": result.get("worker"),
        "peak_rss_kb": result.get("peak_rss_kb"), "created_at": _now(),
        "error_code": error and error["code"], "error_message": error and error["message"],
        "error_detail": error and error.get("detail"),
    }
    if report:
        doc = report["document"]
        statuses = [c["status"] for c in report["clauses"]]
        applicable = sum(s != "not_applicable" for s in statuses)
        severities = [f["severity"] for f in report["findings"]]
        row |= {"format": doc["format"], "title": doc["title"], "institution_type": doc["institution_type"],
                "in_scope": int(doc["in_scope"]),
                "score": statuses.count("present") / applicable if applicable else None,
                "notes": _to_json_text(result.get("warnings", []) + doc["warnings"]),
                "reference_version": report["reference_version"], "registry_version": report["registry_version"],
                "timings": report["timings"], "organisation": organisation_key(doc.get("organisation")),
                "organisation_name": doc.get("organisation"), "document_date": _document_date(doc["approval"])}
        row |= {f"n_{s}": statuses.count(s) for s in STATUSES[:-1]}
        row |= {f"n_{s}": severities.count(s) for s in SEVERITIES}
    return row


def _decode(row: sqlite3.Row, json_fields: Iterable[str] = ()) -> dict[str, Any]:
    data = dict(row)
    for field in json_fields:
        if data.get(field) is not None:
            data[field] = json.loads(data[field])
    return data


class Store:
    """A batch store file; created with its schema on first use.

    One connection, usable from another thread (Streamlit reruns a page in a
    new thread); use one ``Store`` per writer.
    """

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        try:
            self.db = _connect(self.path, read_only)
        except sqlite3.Error:
            raise StoreError(str(self.path), "файл не открывается: он повреждён или это не база SQLite") from None
        try:
            version = self._check()   # before anything is written: a refused file stays byte for byte
            if not read_only:
                self.db.execute("PRAGMA journal_mode=WAL")
                self.db.execute("PRAGMA synchronous=NORMAL")   # WAL keeps every commit; a power cut may lose the last
                if version == 0:
                    self.db.executescript(_SCHEMA + f"PRAGMA user_version={SCHEMA_VERSION};")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.upgraded = False if read_only else self._add_later_schema()
        except StoreError:
            self.db.close()
            raise
        except sqlite3.DatabaseError:
            self.db.close()
            raise StoreError(str(self.path), "файл повреждён или это не база SQLite") from None

    def _check(self) -> int:
        """The schema version of a usable store; StoreError for a damaged, foreign or newer one."""
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in self.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if version > SCHEMA_VERSION:
            raise StoreError(str(self.path), f"создана более новой версией reglint (схема {version}, эта версия "
                                             f"знает схему {SCHEMA_VERSION}); обновите reglint или укажите другую базу")
        if version == 0 and tables - _TABLES:   # only ours: a creation interrupted before its version was set
            raise StoreError(str(self.path), "это не база reglint (в ней другие таблицы: "
                                             f"{', '.join(sorted(tables - _TABLES)[:5])}); укажите другой файл")
        if version > 0 and "documents" not in tables:
            raise StoreError(str(self.path), "в базе нет таблиц reglint (файл повреждён); укажите другой файл")
        if version == 0 and self.read_only:
            raise StoreError(str(self.path), "база пуста: в ней нет результатов reglint batch")
        return int(version)

    def _missing_columns(self) -> list[tuple[str, str]]:
        return [(table, column) for table, columns in _ADDED_COLUMNS.items()
                for column in columns if column not in {r["name"] for r in self.db.execute(
                    f"PRAGMA table_info({table})")}]

    def has_later_schema(self) -> bool:
        """Whether the store has the review and OCR tables and every column later versions added."""
        tables = {r[0] for r in self.db.execute(
            "SELECT name FROM sqlite_master WHERE name IN ('decision_history', 'ocr_pages')")}
        return len(tables) == 2 and not self._missing_columns()

    def _add_later_schema(self) -> bool:
        """Create the review and OCR tables and the columns a store made by an older reglint lacks; True if it
        lacked columns and had documents. A store that has them all is only read.
        """
        if self.has_later_schema():
            return False
        with self._transaction():   # two processes opening one old store: the second finds the columns
            missing = self._missing_columns()
            for table, column in missing:
                self.db.execute(f"ALTER TABLE {table} ADD COLUMN {column} TEXT")
        self.db.executescript(_REVIEW_SCHEMA + _OCR_SCHEMA)
        return bool(missing) and self.db.execute("SELECT EXISTS (SELECT 1 FROM documents)").fetchone()[0] == 1

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ writing
    def is_current(self, path: str, content_hash: str, reference_version: str, registry_version: str) -> bool:
        """Audited already: same path, same bytes, same reference data, and not an internal error."""
        row = self.db.execute(
            "SELECT error_code FROM documents WHERE content_hash = ? AND reference_version = ? "
            "AND registry_version = ? AND path = ?",
            (content_hash, reference_version, registry_version, path)).fetchone()
        return row is not None and row["error_code"] != INTERNAL_ERROR

    def save_reference(self, version: str, clauses: Iterable[Any]) -> None:
        """The clause set's titles, for exports made without the analyser."""
        with self._transaction():
            self.db.executemany(
                "INSERT OR IGNORE INTO reference_clauses VALUES (?, ?, ?, ?, ?, ?)",
                [(version, c.id, i, c.role, c.level, c.title) for i, c in enumerate(clauses)])

    def add(self, result: dict[str, Any], versions: tuple[str, str]) -> int:
        """Write one document's result in one transaction, replacing the row of its path; its id.

        ``versions`` (reference, registry) are the parent's, for a document without a report.
        The time this takes is recorded as the stage "store" (all but the commit).
        """
        started = time.perf_counter()
        row = _document_row(result, versions)
        timings = row.pop("timings")
        with self._transaction():
            self.db.execute("DELETE FROM documents WHERE path = ?", (row["path"],))
            cursor = self.db.execute(
                f"INSERT INTO documents ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})", list(row.values()))
            doc_id = int(cursor.lastrowid or 0)
            if result.get("report"):
                self._children(doc_id, result["report"])
                timings["store"] = round(time.perf_counter() - started, 4)
                self.db.execute("UPDATE documents SET timings = ? WHERE id = ?", (json.dumps(timings), doc_id))
        return doc_id

    def _children(self, doc_id: int, report: dict[str, Any]) -> None:
        self.db.executemany(
            "INSERT INTO clauses VALUES (?, ?, ?, ?, ?, ?)",
            [(doc_id, c["id"], c["status"], c["score"], _json_list(c["reasons"], _to_json),
              _json_list(c["evidence"], _to_json_text)) for c in report["clauses"]])
        self.db.executemany(
            _INSERT_FINDING,
            [(doc_id, *_finding_values(f)) for f in report["findings"]])
        self.db.executemany(
            _INSERT_REF,
            [(doc_id, r["act"], r["quote"], r["start"], r["end"], r["cited"]["kind"], r["cited"]["issuer"],
              r["cited"]["number"], r["cited"]["date"], r["cited"]["date_text"], r["cited"]["title"],
              _to_json(r["problems"]), r["correct"]) for r in report["legal_refs"]])

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """BEGIN IMMEDIATE … COMMIT; ROLLBACK on any exception, KeyboardInterrupt included."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def save_ocr_pages(self, content_hash: str, pages: Iterable[dict[str, Any]]) -> None:
        """Keep the OCR result of each page (``analyzer.ingest.ocr.page_to_dict``) of the file with that hash."""
        rows = [(content_hash, p["page"], p["settings"], json.dumps(p, ensure_ascii=False), _now())
                for p in pages if not p["timed_out"]]
        if rows:
            with self._transaction():
                self.db.executemany("INSERT OR REPLACE INTO ocr_pages VALUES (?, ?, ?, ?, ?)", rows)

    def ocr_pages(self, content_hash: str) -> list[dict[str, Any]]:
        """The kept OCR results of the file with that hash, any settings."""
        rows = self.db.execute("SELECT data FROM ocr_pages WHERE content_hash = ? ORDER BY page", (content_hash,))
        return [json.loads(r["data"]) for r in rows]

    # ------------------------------------------------------------------ reading
    def documents(self) -> list[dict[str, Any]]:
        """One dict per document, by name."""
        rows = self.db.execute("SELECT * FROM documents ORDER BY name, id")
        return [_decode(r, ("notes", "timings")) for r in rows]

    def findings(self, document_id: int) -> list[dict[str, Any]]:
        """The findings of one document, errors first, in text order."""
        rows = self.db.execute(
            "SELECT * FROM findings WHERE document_id = ? ORDER BY "
            "CASE severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, start IS NULL, start, id",
            (document_id,))
        return [dict(r) for r in rows]

    def clause_order(self) -> list[dict[str, Any]]:
        """The clauses of the store's reference versions, in clause-set order, with title, role and level."""
        rows = self.db.execute(
            "SELECT clause, role, level, title, MIN(position) AS position FROM reference_clauses "
            "GROUP BY clause ORDER BY position, clause")
        known = [dict(r) for r in rows]
        seen = {c["clause"] for c in known}
        extra = self.db.execute("SELECT DISTINCT clause FROM clauses ORDER BY clause").fetchall()
        return known + [{"clause": r[0], "role": None, "level": None, "title": None, "position": None}
                        for r in extra if r[0] not in seen]

    def clause_stats(self) -> list[dict[str, Any]]:
        """Per clause: in how many documents it is missing, partial, misplaced, present, not applicable."""
        counts = {r["clause"]: dict(r) for r in self.db.execute(
            "SELECT clause, COUNT(*) AS documents, "
            + ", ".join(f"SUM(status = '{s}') AS {s}" for s in STATUSES)
            + " FROM clauses GROUP BY clause")}
        stats = []
        for clause in self.clause_order():
            row = counts.get(clause["clause"])
            if row is None:
                continue
            row = {**clause, **row}
            row["applicable"] = row["documents"] - row["not_applicable"]
            stats.append(row)
        return stats

    def act_stats(self) -> list[dict[str, Any]]:
        """Per cited act ("unknown": not in the registry): documents and citations, and documents per problem."""
        acts = {r["act"]: dict(r) | {p: 0 for p in PROBLEMS} for r in self.db.execute(
            "SELECT act, MAX(correct) AS citation, COUNT(DISTINCT document_id) AS documents, "
            "COUNT(*) AS citations FROM legal_refs GROUP BY act")}
        for r in self.db.execute(
                "SELECT act, problem.value AS problem, COUNT(DISTINCT document_id) AS n "
                "FROM legal_refs, json_each(legal_refs.problems) AS problem GROUP BY act, problem.value"):
            acts[r["act"]][r["problem"]] = r["n"]
        return sorted(acts.values(), key=lambda a: (a["act"] == "unknown", -a["documents"], a["act"]))

    def problem_stats(self) -> dict[str, int]:
        """Per citation problem: how many documents have at least one citation with it."""
        rows = self.db.execute(
            "SELECT problem.value, COUNT(DISTINCT document_id) FROM legal_refs, json_each(legal_refs.problems) "
            "AS problem GROUP BY problem.value")
        found = dict(rows.fetchall())
        counts: dict[str, int] = {p: found.pop(p, 0) for p in PROBLEMS}
        return counts | found

    def matrix(self) -> tuple[list[str], list[str], list[list[str]]]:
        """Documents (analysed, in scope) × clauses: the status of each, "" where none was stored."""
        docs = self.db.execute("SELECT id, name FROM documents WHERE error_code IS NULL AND in_scope = 1 "
                               "ORDER BY name, id").fetchall()
        clause_ids = [c["clause"] for c in self.clause_order()]
        column = {c: i for i, c in enumerate(clause_ids)}
        row_of = {d["id"]: i for i, d in enumerate(docs)}
        statuses = [[""] * len(clause_ids) for _ in docs]
        for r in self.db.execute("SELECT c.document_id, c.clause, c.status FROM clauses c JOIN documents d "
                                 "ON d.id = c.document_id WHERE d.error_code IS NULL AND d.in_scope = 1"):
            statuses[row_of[r[0]]][column[r[1]]] = r[2]
        return [d["name"] for d in docs], clause_ids, statuses

