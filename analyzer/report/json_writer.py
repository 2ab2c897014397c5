"""The JSON report (schema reglint.report/1, see docs/report-contract.md).

The contract fields come first; the section tree, approval blocks, text
length, versions and timings are added for UIs and batch stores.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Callable
from typing import Any

from analyzer.model import Citation, ClauseMatch, EditionVerdict, Finding, OcrInfo, Report, Review, Structure

SCHEMA = "reglint.report/1"


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _clause(match: ClauseMatch) -> dict[str, Any]:
    return {"id": match.clause, "status": match.status, "score": match.score, "reasons": list(match.reasons),
            "lacking": list(match.lacking),
            "evidence": [{"section": e.section, "role": e.role, "quote": e.quote, "start": e.start, "end": e.end}
                         for e in match.evidence]}


def _citation(c: Citation) -> dict[str, Any]:
    return {"act": c.act, "quote": c.quote, "start": c.start, "end": c.end,
            "cited": {"kind": c.cited.kind, "issuer": c.cited.issuer, "number": c.cited.number,
                      "date": _iso(c.cited.date), "date_text": c.cited.date_text, "title": c.cited.title},
            "problems": list(c.problems), "correct": c.correct, "checked": c.act != "unknown"}


def _edition(verdict: EditionVerdict | None) -> dict[str, Any] | None:
    if verdict is None:
        return None
    return {"follows": verdict.follows, "by": verdict.by, "letters": list(verdict.letters),
            "agreeing": {text: list(ids) for text, ids in verdict.agreeing}}


def _flat(cls: type) -> Callable[[Any], dict[str, Any]]:
    """``dataclasses.asdict`` for a dataclass whose fields are all str, int, float, bool or None (tested):
    the same dict, without asdict's recursive walk and deep copy of every value."""
    names = tuple(f.name for f in dataclasses.fields(cls))
    return lambda obj: {name: getattr(obj, name) for name in names}


_finding_fields, _review_fields = _flat(Finding), _flat(Review)


def _review(review: Review | None) -> dict[str, Any] | None:
    if review is None:
        return None
    data = _review_fields(review)
    del data["fingerprint"]
    return data


def _finding(f: Finding, report: Report) -> dict[str, Any]:
    return _finding_fields(f) | {"review": _review(report.review_of(f.fingerprint))}


def approvals_to_list(structure: Structure) -> list[dict[str, Any]]:
    """The approval blocks, dates as ISO strings (an impossible date as written)."""
    return [{"kind": a.kind, "body": a.body, "protocol_number": a.protocol_number, "order_number": a.order_number,
             "signatory": a.signatory, "dates": [_iso(d.value) or d.text for d in a.dates],
             "start": a.start, "end": a.end} for a in structure.approvals]


def sections_to_list(structure: Structure) -> list[dict[str, Any]]:
    return [{"number": s.number, "level": s.level, "kind": s.kind, "role": s.role, "heading": s.heading,
             "start": s.start, "end": s.end} for s in structure.sections]


def ocr_to_dict(info: OcrInfo | None) -> dict[str, Any] | None:
    """Which pages were read by OCR, with which engine, how confidently; None for a text document."""
    if info is None:
        return None
    return {"pages": list(info.page_numbers), "layer_pages": list(info.layer_pages), "engine": info.engine,
            "language": "rus", "mean_confidence": info.mean_confidence, "timed_out": list(info.timed_out),
            "seconds": round(sum(p.seconds for p in info.pages), 3)}


def report_to_dict(report: Report) -> dict[str, Any]:
    doc, structure = report.document, report.structure
    return {
        "schema": SCHEMA,
        "document": {
            "source": doc.source, "format": doc.format, "pages": doc.pages, "chars": len(doc.text),
            "title": structure.title, "organisation": report.organisation,
            "institution_type": report.institution_type, "in_scope": report.in_scope,
            "approval": approvals_to_list(structure),
            "warnings": list(doc.warnings),
            "ocr": ocr_to_dict(doc.ocr),
        },
        "reference_version": report.reference_version,
        "registry_version": report.registry_version,
        "clauses": [_clause(m) for m in report.clauses],
        "legal_refs": [_citation(c) for c in report.citations],
        "findings": [_finding(f, report) for f in report.findings],
        "suppressed": [_finding(f, report) for f in report.suppressed],
        "sections": sections_to_list(structure),
        "timings": {k: round(v, 4) for k, v in report.timings.items()},
        "reference_text": _edition(report.edition),
    }


def dumps(reports: list[Report]) -> str:
    """One object for one report, an array for several."""
    data: Any = [report_to_dict(r) for r in reports]
    return json.dumps(data[0] if len(data) == 1 else data, ensure_ascii=False, indent=2)
