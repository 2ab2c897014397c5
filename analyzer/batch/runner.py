"""Local parallel run: a pool of processes that warm up once and stream results back.

Results come back in completion order and only the parent writes them. At
most ``2 × workers`` documents are in flight, so memory stays flat however
long the batch. A worker process that dies (a crash in a native library, the
kernel's OOM killer) breaks the pool: the documents it held are then retried
one at a time in a new pool, so the one that kills its worker is recorded as
an internal error and no other document is blamed.
"""
from __future__ import annotations

import multiprocessing
import multiprocessing.util
import os
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from analyzer.batch.worker import Task, analyze_task, init_process, internal_failure

Result = dict[str, Any]
Analyse = Callable[[Task], Result]
# A server process forks the workers: safe in a parent that runs threads (Streamlit,
# the progress bar), and cheaper than spawning an interpreter per worker.
START_METHOD = "forkserver"


def default_workers() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


class _PoolBroke(Exception):
    def __init__(self, tasks: list[Task]) -> None:
        super().__init__(f"{len(tasks)} documents in flight")
        self.tasks = tasks


def _stream(pool: ProcessPoolExecutor, tasks: Iterator[Task], window: int, fn: Analyse) -> Iterator[Result]:
    in_flight: dict[Future[Result], Task] = {}

    def fill() -> None:
        for task in tasks:
            try:
                in_flight[pool.submit(fn, task)] = task
            except BrokenProcessPool:
                raise _PoolBroke([task, *in_flight.values()]) from None
            if len(in_flight) >= window:
                return

    fill()
    while in_flight:
        done, _ = wait(in_flight, return_when=FIRST_COMPLETED)
        broken = []
        for future in done:
            task = in_flight.pop(future)
            try:
                result = future.result()
            except BrokenProcessPool:
                broken.append(task)
                continue
            except Exception as exc:  # noqa: BLE001 - e.g. a result that does not unpickle: this document only
                result = internal_failure(task, type(exc).__name__, str(exc))
            yield result
        if broken:
            raise _PoolBroke([*broken, *in_flight.values()])
        fill()


def _solo(pool: ProcessPoolExecutor, task: Task, fn: Analyse) -> Result | None:
    """The task's result, run alone; None when it killed its worker."""
    try:
        return pool.submit(fn, task).result()
    except BrokenProcessPool:
        return None


def run_local(tasks: Iterator[Task], workers: int, fn: Analyse = analyze_task) -> Iterator[Result]:
    """Analyse ``tasks`` on ``workers`` processes; one worker runs in this process."""
    if workers <= 1:
        yield from map(fn, tasks)
        return
    context = multiprocessing.get_context(START_METHOD)
    context.set_forkserver_preload(["analyzer.batch.preload"])
    suspects: list[Task] = []
    while True:
        pool = ProcessPoolExecutor(workers, mp_context=context, initializer=init_process,
                                   initargs=(os.getpid(), multiprocessing.util.get_temp_dir()))
        try:
            while suspects:
                result = _solo(pool, suspects[0], fn)
                task = suspects.pop(0)
                yield result or internal_failure(task, "процесс проверки аварийно завершился на этом документе")
                if result is None:
                    break
            else:
                yield from _stream(pool, tasks, 2 * workers, fn)
                return
        except _PoolBroke as broke:
            suspects = broke.tasks
        finally:
            pool.shutdown(wait=False, cancel_futures=True)
