"""Review counts per stored document: findings net of dismissed ones, and how many a reviewer decided.

The batch exports read them; the decisions themselves are made in analyzer.review.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from analyzer.batch.store import Store


def document_progress(store: Store) -> dict[int, dict[str, int]]:
    """Per stored document: findings by severity not dismissed, how many dismissed, how many decided."""
    rows = store.db.execute(
        "SELECT f.document_id AS id, "
        "SUM(x.decision IS NOT 'dismissed' AND f.severity = 'error') AS n_error, "
        "SUM(x.decision IS NOT 'dismissed' AND f.severity = 'warning') AS n_warning, "
        "SUM(x.decision IS NOT 'dismissed' AND f.severity = 'info') AS n_info, "
        "SUM(x.decision IS 'dismissed') AS n_dismissed, SUM(x.decision IS NOT NULL) AS n_decided, "
        "COUNT(*) AS n_findings "
        "FROM findings f JOIN documents d ON d.id = f.document_id "
        "LEFT JOIN decisions x ON x.organisation = d.organisation AND x.fingerprint = f.fingerprint "
        "GROUP BY f.document_id")
    return {row.pop("id"): row for row in map(dict, rows)}


def reviewed_documents(documents: Iterable[dict[str, Any]], progress: dict[int, dict[str, int]]) -> list[dict]:
    """Document rows with their counts net of dismissed findings, and the review progress."""
    empty = {"n_dismissed": 0, "n_decided": 0, "n_findings": 0}
    out = []
    for d in documents:
        counts = progress.get(d["id"])
        out.append(d | (counts if counts else empty))
    return out
