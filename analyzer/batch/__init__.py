"""Batch audits of many regulations into a SQLite store, locally or on a Dask cluster.

    from analyzer.batch import audit
    summary = audit(["regulations/", "region.zip"], "audit.sqlite")

    from analyzer.batch.store import Store
    Store("audit.sqlite").clause_stats()

    from analyzer.batch.exports import export
    export("audit.sqlite", "html", Path("out"))
"""
from analyzer.batch.orchestrator import BatchSummary, OcrSettings, audit, audit_items

__all__ = ["BatchSummary", "OcrSettings", "audit", "audit_items"]
