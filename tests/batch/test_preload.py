"""Pool workers fork from a fork server that has already imported and warmed up the analysis stack
(analyzer/batch/preload.py), so they neither import spaCy nor build the matcher themselves."""
from __future__ import annotations

from batch_support import inherited_heap

from analyzer.batch.runner import run_local
from analyzer.batch.worker import Task


def test_workers_start_from_the_warmed_up_frozen_server() -> None:
    tasks = [Task(path=f"/x/{i}.txt", name=f"{i}.txt", data=b"", content_hash=str(i)) for i in range(4)]
    results = list(run_local(iter(tasks), 2, fn=inherited_heap))
    assert sorted(r["name"] for r in results) == [f"{i}.txt" for i in range(4)]
    # hundreds of thousands of objects (spaCy, pymorphy3, the reference data) were frozen in the fork server
    assert all(r["spacy"] and r["frozen"] > 100_000 for r in results)
