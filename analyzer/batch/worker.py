"""The work on one document, done in a worker process (local pool or Dask).

A worker gets a ``Task`` (the bytes, already hashed by the parent) and returns
a plain dict: the JSON report contract, or the error. It never raises for a
document: an input error keeps its ``RL0xx`` code, anything unexpected
becomes ``RL900`` with the traceback for the developers.
"""
from __future__ import annotations

import multiprocessing.util
import os
import resource
import select
import shutil
import signal
import socket
import threading
import time
import traceback
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from analyzer.errors import InputError, ReglintError
from analyzer.ingest.guards import EXTENSIONS
from analyzer.ingest.ocr import PAGE_TIMEOUT
from analyzer.ingest.office_convert import kill_conversions
from analyzer.vocabulary import OcrMode

if TYPE_CHECKING:
    from analyzer.ingest.scan import OcrOptions
    from analyzer.thresholds import Thresholds

INTERNAL = ReglintError.code   # RL900
# A short regulation in scope, so that the warm-up builds every cached object the real ones need.
WARM_UP_TEXT = """ПОЛОЖЕНИЕ
об использовании информационно-коммуникационной образовательной платформы «Сферум»
1. Общие положения
1.1. Настоящее Положение определяет порядок использования ИКОП «Сферум» в общеобразовательной организации.
1.2. ИКОП «Сферум» используется в соответствии с Федеральным законом от 29.12.2012 № 273-ФЗ «Об образовании в Российской Федерации».
2. Права и обязанности
2.1. Администратор ИКОП «Сферум» создает учебные чаты и направляет ссылки-приглашения.
2.2. Педагогический работник осуществляет взаимодействие с обучающимися в ИКОП «Сферум».
"""


@dataclass(frozen=True)
class Task:
    """One document to analyse; ``name`` is what messages call it."""

    path: str
    name: str
    data: bytes
    content_hash: str
    warnings: tuple[str, ...] = ()
    thresholds: Thresholds | None = None   # the matcher's (analyzer.config); None: the calibrated defaults
    ocr: OcrMode = "auto"
    ocr_cached: tuple[dict[str, Any], ...] = ()       # pages the store already holds for this content hash
    ocr_timeout: float = PAGE_TIMEOUT


def warm_up() -> None:
    """Build the clause set, registry, matcher and spaCy pipeline before the first real document (a check of
    one file makes the spaCy pipeline only when it needs it; a batch of many will)."""
    from analyzer.pipeline import analyze
    from analyzer.spacy_doc import build_nlp

    analyze(WARM_UP_TEXT.encode(), name="warm-up.txt")
    build_nlp()


def init_process(parent: int | None = None, parent_tmp: str | None = None) -> None:
    """Initializer of a local pool process: Ctrl-C is the parent's to handle; warm up. The worker ends with
    ``parent``, the process that started the batch, however it ends (kill -9 included): a pool worker is a
    grandchild (of the fork server) and would otherwise live on, ~150 MB each; and it removes what a killed
    parent cannot, its multiprocessing folder ``parent_tmp``."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if parent is not None:
        try:
            pidfd = os.pidfd_open(parent)
        except ProcessLookupError:   # gone already
            if parent_tmp:
                shutil.rmtree(parent_tmp, ignore_errors=True)
            os._exit(1)
        except OSError:   # a kernel before 5.3: no pidfd, no lifeline
            pidfd = None
        if pidfd is not None:
            # A worker whose task queue closed exits on its own first: its exit handlers clean up then.
            multiprocessing.util.Finalize(None, _clean_after, args=(pidfd, parent_tmp), exitpriority=0)
            threading.Thread(target=_exit_after, args=(pidfd, parent_tmp), daemon=True,
                             name="reglint-lifeline").start()
    warm_up()


def _clean_after(pidfd: int, parent_tmp: str | None) -> None:
    """When the parent is gone: kill this worker's conversions and remove the parent's multiprocessing folder."""
    if select.select([pidfd], [], [], 0)[0]:   # a pidfd is readable once its process has exited
        kill_conversions()
        if parent_tmp:
            shutil.rmtree(parent_tmp, ignore_errors=True)


def _exit_after(pidfd: int, parent_tmp: str | None) -> None:
    select.select([pidfd], [], [])
    _clean_after(pidfd, parent_tmp)
    os._exit(1)


def failure(task: Task, code: str, message: str, detail: str | None = None) -> dict[str, Any]:
    """The result of a document that could not be analysed."""
    return {"path": task.path, "name": task.name, "content_hash": task.content_hash or None,
            "format": EXTENSIONS.get(os.path.splitext(task.name)[1].lower()), "warnings": list(task.warnings),
            "report": None,
            "error": {"code": code, "message": message, "detail": detail}}


def internal_failure(task: Task, what: str, detail: str | None = None) -> dict[str, Any]:
    return failure(task, INTERNAL, f"{task.name}: внутренняя ошибка при проверке ({what}); "
                                   f"сообщите разработчикам", detail)


def _process_facts() -> dict[str, Any]:
    return {"worker": f"{socket.gethostname()}:{os.getpid()}",
            "peak_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}


def _ocr_options(task: Task) -> OcrOptions:
    from analyzer.ingest import OcrOptions
    from analyzer.ingest.ocr import page_from_dict

    pages = (page_from_dict(p) for p in task.ocr_cached)
    return OcrOptions(mode=task.ocr, timeout=task.ocr_timeout, cached={p.page: p for p in pages})


def analyze_task(task: Task) -> dict[str, Any]:
    """Analyse one document; a plain, picklable dict whatever happens.

    ``ocr_pages`` holds the pages OCR'd now (not those the task brought from the store), for the store to keep.
    """
    from analyzer.ingest.ocr import page_to_dict
    from analyzer.pipeline import analyze
    from analyzer.report.json_writer import report_to_dict
    from analyzer.thresholds import DEFAULT_THRESHOLDS

    started = time.perf_counter()
    try:
        analysed = analyze(task.data, name=task.name, thresholds=task.thresholds or DEFAULT_THRESHOLDS,
                           ocr=_ocr_options(task))
        report = report_to_dict(analysed)
        report.pop("sections", None)   # the store keeps no section tree
        kept = {(p["page"], p["settings"]) for p in task.ocr_cached}
        fresh = [page_to_dict(p) for p in (analysed.document.ocr.pages if analysed.document.ocr else ())
                 if (p.page, p.settings) not in kept]
        result = {"path": task.path, "name": task.name, "content_hash": task.content_hash,
                  "warnings": list(task.warnings), "report": report, "error": None, "ocr_pages": fresh}
    except InputError as exc:
        result = failure(task, exc.code, exc.message)
    except Exception as exc:  # noqa: BLE001 - a bug on one document must not stop the other thousands
        result = internal_failure(task, type(exc).__name__, traceback.format_exc(limit=-8))
    return {**result, "seconds": time.perf_counter() - started, **_process_facts()}
