"""Run on an existing Dask distributed cluster.

The client (this process) submits tasks with ``client.map`` and refills with
``as_completed``, keeping ``2 × threads`` documents in flight; the workers
analyse and return plain dicts; only the client writes the store. Workers
need reglint installed (the same version, or they report other reference
versions). A plugin warms every worker up once, including workers that join
later. A task that keeps killing its workers ends as Dask's ``KilledWorker``
and is recorded as that document's internal error.
"""
from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

from distributed import Client, Future, as_completed
from distributed.diagnostics.plugin import WorkerPlugin

from analyzer.batch.worker import Task, analyze_task, internal_failure, warm_up

Result = dict[str, Any]


class WarmUp(WorkerPlugin):
    """Load spaCy, the clause set, registry and matcher when a worker starts."""

    name = "reglint-warm-up"

    def setup(self, worker: Any) -> None:
        warm_up()


def run_dask(tasks: Iterator[Task], scheduler: str, timeout: float) -> Iterator[Result]:
    """Analyse ``tasks`` on the cluster whose scheduler is at ``scheduler`` (``tcp://host:port``);
    OSError when it does not answer within ``timeout`` seconds."""
    with Client(scheduler, timeout=timeout) as client:
        client.register_plugin(WarmUp())
        window = 2 * max(1, sum(client.nthreads().values()))
        owner: dict[str, Task] = {}

        def submitted(batch: list[Task]) -> list[Future]:
            futures = client.map(analyze_task, batch, pure=False)
            owner.update((f.key, t) for f, t in zip(futures, batch, strict=True))
            return futures

        queue = as_completed(submitted(list(itertools.islice(tasks, window))))
        for future in queue:
            task = owner.pop(future.key)
            try:
                result = future.result()
            except Exception as exc:  # noqa: BLE001 - KilledWorker and the like: this document only
                result = internal_failure(task, type(exc).__name__, str(exc))
            future.release()
            yield result
            queue.update(submitted(list(itertools.islice(tasks, 1))))
