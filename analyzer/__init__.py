"""reglint: audits regulations on the use of the Sferum platform.

The public API; each name is imported on first use, so ``import analyzer``
stays cheap::

    import analyzer

    report = analyzer.analyze("polozhenie.docx")          # read → structure → match → checks
    for finding in report.findings:
        print(finding.code, finding.severity, finding.message)
    document = analyzer.read("polozhenie.pdf")            # reading alone: analyzer.Document
    summary = analyzer.audit(["region/", "schools.zip"], "audit.sqlite")   # a resumable batch
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "read": "analyzer.ingest",
    "analyze": "analyzer.pipeline",
    "analyze_document": "analyzer.pipeline",
    "audit": "analyzer.batch",
    "audit_items": "analyzer.batch",
    "BatchSummary": "analyzer.batch",
    "warm_up": "analyzer.batch.worker",
    "Report": "analyzer.model",
    "Finding": "analyzer.model",
    "ClauseMatch": "analyzer.model",
    "Citation": "analyzer.model",
    "Document": "analyzer.model",
    "Structure": "analyzer.model",
    "Section": "analyzer.model",
    "ReglintError": "analyzer.errors",
    "Thresholds": "analyzer.thresholds",
    "load_thresholds": "analyzer.config",
    "InputError": "analyzer.errors",
}
__all__ = [
    "BatchSummary", "Citation", "ClauseMatch", "Document", "Finding", "InputError", "ReglintError", "Report",
    "Section", "Structure", "Thresholds", "analyze", "analyze_document", "audit", "audit_items", "load_thresholds",
    "read", "warm_up",
]

if TYPE_CHECKING:
    from analyzer.batch import BatchSummary, audit, audit_items
    from analyzer.batch.worker import warm_up
    from analyzer.config import load_thresholds
    from analyzer.errors import InputError, ReglintError
    from analyzer.ingest import read
    from analyzer.model import Citation, ClauseMatch, Document, Finding, Report, Section, Structure
    from analyzer.pipeline import analyze, analyze_document
    from analyzer.thresholds import Thresholds


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'analyzer' has no attribute {name!r}")
    value = getattr(importlib.import_module(_EXPORTS[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])
