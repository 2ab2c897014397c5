"""audit(): expand the inputs, skip what the store already holds, analyse the
rest in parallel (local processes or a Dask cluster), write each result as it
comes. Only this process writes the store, one transaction per document.
"""
from __future__ import annotations

import hashlib
import itertools
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from analyzer.batch.inputs import Entry, expand
from analyzer.batch.runner import default_workers, run_local
from analyzer.batch.store import Store
from analyzer.batch.worker import Task, failure
from analyzer.clause_set import load_clause_set
from analyzer.errors import InputError
from analyzer.ingest.ocr import PAGE_TIMEOUT
from analyzer.thresholds import DEFAULT_THRESHOLDS
from analyzer.versions import reference_version
from analyzer.vocabulary import OcrMode

if TYPE_CHECKING:
    from analyzer.thresholds import Thresholds

Progress = Callable[[int, int, str], None]
OcrProgress = Callable[[int], None]
SCHEDULER_TIMEOUT = 5.0   # seconds: a scheduler on the network answers in well under one


@dataclass(frozen=True)
class BatchSummary:
    """What a batch did: ``done`` analysed now (failures included), ``skipped`` already in the store."""

    total: int
    done: int
    skipped: int
    failed: int
    seconds: float
    db: Path


def current_versions(thresholds: Thresholds | None = None) -> tuple[str, str]:
    """(reference version, registry version) of the installed reference data and ``thresholds``."""
    from analyzer.registry import load_registry

    return reference_version(load_clause_set(), thresholds or DEFAULT_THRESHOLDS), load_registry().version


class _Batch:
    def __init__(self, store: Store, total: int, force: bool, progress: Progress | None,
                 thresholds: Thresholds | None, ocr: OcrSettings) -> None:
        self.store, self.total, self.force, self.progress, self.ocr = store, total, force, progress, ocr
        self.thresholds = thresholds
        self.ocr_pages = 0
        self.versions = current_versions(thresholds)
        store.save_reference(self.versions[0], load_clause_set().clauses)
        self.done = self.skipped = self.failed = 0
        self._tick("")

    def record(self, result: dict[str, Any]) -> None:
        if result.get("ocr_pages"):
            self.store.save_ocr_pages(result["content_hash"], result["ocr_pages"])
        ocr = (result.get("report") or {}).get("document", {}).get("ocr")
        if ocr and self.ocr.progress:
            self.ocr_pages += len(ocr["pages"])
            self.ocr.progress(self.ocr_pages)
        self.store.add(result, self.versions)
        self.done += 1
        self.failed += result.get("error") is not None
        self._tick(result["name"])

    def _tick(self, name: str) -> None:
        if self.progress:
            self.progress(self.done + self.skipped, self.total, name)

    def tasks(self, entries: list[Entry]) -> Iterator[Task]:
        """The entries still to analyse; the others are recorded (input errors) or skipped here."""
        for entry in entries:
            task = Task(entry.path, entry.name, b"", "", entry.warnings)
            if entry.error:
                self.record(failure(task, entry.error.code, entry.error.message))
                continue
            try:
                data = entry.load()
            except InputError as exc:
                self.record(failure(task, exc.code, exc.message))
                continue
            digest = hashlib.sha256(data).hexdigest()
            if not self.force and self.store.is_current(entry.path, digest, *self.versions):
                self.skipped += 1
                self._tick(entry.name)
                continue
            yield Task(entry.path, entry.name, data, digest, entry.warnings, thresholds=self.thresholds,
                       ocr=self.ocr.mode, ocr_timeout=self.ocr.timeout,
                       ocr_cached=tuple(self.store.ocr_pages(digest)) if self.ocr.mode != "never" else ())


@dataclass(frozen=True)
class OcrSettings:
    """--ocr and --ocr-timeout of a batch; ``progress(pages)`` is called with the pages OCR'd so far."""

    mode: OcrMode = "auto"
    timeout: float = PAGE_TIMEOUT
    progress: OcrProgress | None = None


def _run(entries: list[Entry], db: str | Path, workers: int | None, scheduler: str | None, force: bool,
         progress: Progress | None, thresholds: Thresholds | None, ocr: OcrSettings,
         scheduler_timeout: float = SCHEDULER_TIMEOUT) -> BatchSummary:
    started = time.perf_counter()
    with Store(db) as store:
        batch = _Batch(store, len(entries), force, progress, thresholds, ocr)
        tasks = batch.tasks(entries)
        first = next(tasks, None)      # no pool, no cluster when the store holds everything already
        if first is not None:
            tasks = itertools.chain([first], tasks)
            if scheduler:
                from analyzer.batch.dask_runner import run_dask

                results = run_dask(tasks, scheduler, scheduler_timeout)
            else:
                results = run_local(tasks, min(workers or default_workers(), len(entries)))
            for result in results:
                batch.record(result)
        return BatchSummary(len(entries), batch.done, batch.skipped, batch.failed,
                            time.perf_counter() - started, Path(db))


def audit(inputs: Sequence[str | Path], db: str | Path, *, workers: int | None = None, scheduler: str | None = None,
          force: bool = False, progress: Progress | None = None, thresholds: Thresholds | None = None,
          ocr: OcrSettings | None = None, follow_symlinks: bool = False,
          scheduler_timeout: float = SCHEDULER_TIMEOUT) -> BatchSummary:
    """Audit every document in ``inputs`` (files, folders, ZIP archives, ``@list`` files) into the store ``db``.

    ``workers``: local processes (default: all cores; 1 runs in this process);
    ``scheduler``: the address of a Dask scheduler to run on instead;
    ``force``: analyse again what the store already holds;
    ``progress(done, total, name)``: called with 0 done first, then after each document;
    ``thresholds``: the matcher's (analyzer.config), None for the calibrated defaults;
    ``ocr``: when scanned pages are OCR'd (default auto), and a progress counted in OCR'd pages;
    ``follow_symlinks``: check files that symbolic links inside folders lead to (else recorded as not checked);
    ``scheduler_timeout``: seconds to wait for the Dask scheduler to answer.
    """
    with expand(inputs, follow_symlinks=follow_symlinks) as entries:
        return _run(entries, db, workers, scheduler, force, progress, thresholds, ocr or OcrSettings(),
                    scheduler_timeout)


def audit_items(items: Sequence[tuple[str, bytes]], db: str | Path, *, workers: int | None = None,
                scheduler: str | None = None, force: bool = False,
                progress: Progress | None = None, thresholds: Thresholds | None = None,
                ocr: OcrSettings | None = None) -> BatchSummary:
    """The same for uploaded files ``(name, bytes)``; a ``.zip`` upload is expanded like a ZIP on disk."""
    with expand(uploads=items) as entries:
        return _run(entries, db, workers, scheduler, force, progress, thresholds, ocr or OcrSettings())
