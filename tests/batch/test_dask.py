"""The Dask path on a local cluster of two worker processes gives the rows of the local path."""
from __future__ import annotations

import sqlite3

import pytest
from batch_support import dump

from analyzer.batch import audit

distributed = pytest.importorskip("distributed")


def test_dask_cluster_gives_the_same_rows_as_local_processes(corpus, audited, tmp_path):
    folder, expected = corpus
    db = tmp_path / "dask.sqlite"
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as cluster:
        summary = audit([folder], db, scheduler=cluster.scheduler_address)
        cluster_pids = {w.process.pid for w in cluster.workers.values()}
    assert (summary.total, summary.done, summary.failed) == (expected, expected, audited[1].failed)
    assert dump(db) == dump(audited[0])
    workers = {row[0] for row in sqlite3.connect(db).execute("SELECT worker FROM documents WHERE worker IS NOT NULL")}
    # the documents were analysed in the cluster's worker processes, not in the client
    assert workers and {int(w.rsplit(":", 1)[1]) for w in workers} <= cluster_pids
