"""analyze(): the one-way flow from a file to a Report.

read → analysed text (OCR repair, logical lines, tokens) → structure → institution type and scope → citations →
clause matching → checks → Report. Heavy objects (spaCy pipeline, clause
set, registry, matcher) are built once per process and shared.
"""
from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from analyzer.analysed import analyse_text
from analyzer.checks import CheckContext, ocr_guard, run_checks
from analyzer.checks.document import OutOfScope
from analyzer.citations import check_citations
from analyzer.clause_set import load_clause_set
from analyzer.editions import follows
from analyzer.fingerprint import fingerprint_findings
from analyzer.ingest import OcrOptions, read
from analyzer.institution import institution_type
from analyzer.matching import Matcher
from analyzer.model import ClauseMatch, Document, Report, Structure
from analyzer.organisation import organisation_name
from analyzer.registry import Registry, load_registry
from analyzer.scope import judge_scope
from analyzer.structure import parse
from analyzer.thresholds import DEFAULT_THRESHOLDS, Thresholds
from analyzer.versions import reference_version

OUT_OF_SCOPE = OutOfScope.code


@lru_cache(maxsize=2)
def _matcher(thresholds: Thresholds) -> Matcher:
    return Matcher(load_clause_set(), thresholds)


def document_date(structure: Structure) -> dt.date | None:
    """The regulation's own date: the latest date of its approval blocks."""
    dates = [d.value for block in structure.approvals for d in block.dates if d.value]
    return max(dates) if dates else None


class _Timer:
    def __init__(self) -> None:
        self.timings: dict[str, float] = {}

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        t0 = time.perf_counter()
        yield
        self.timings[name] = self.timings.get(name, 0.0) + time.perf_counter() - t0


def analyze(source: str | Path | bytes, name: str | None = None, *, today: dt.date | None = None,
            thresholds: Thresholds = DEFAULT_THRESHOLDS, ocr: OcrOptions | None = None) -> Report:
    """Analyse one regulation (a path, or bytes with a file name); ``ocr``: when pages are read by OCR."""
    timer = _Timer()
    with timer.stage("read"):
        document = read(source, name=name, ocr=ocr) if isinstance(source, bytes) else read(source, ocr=ocr)
    return analyze_document(document, today=today, timer=timer, thresholds=thresholds)


def analyze_document(document: Document, *, today: dt.date | None = None, timer: _Timer | None = None,
                     thresholds: Thresholds = DEFAULT_THRESHOLDS, registry: Registry | None = None) -> Report:
    """Analyse an already read Document (``thresholds``: the matcher's, see analyzer.config; ``registry``:
    another legal-acts registry than the installed one)."""
    timer = timer or _Timer()
    today = today or dt.date.today()
    clause_set, registry = load_clause_set(), registry or load_registry()
    text = document.text
    with timer.stage("lemmatise"):
        analysed = analyse_text(text)
    with timer.stage("structure"):
        structure = parse(analysed)
        kind = institution_type(text)
        verdict = judge_scope(analysed.repaired, structure.title, kind)
    doc_date = document_date(structure)
    with timer.stage("citations"):
        citations = check_citations(text, registry, doc_date, today, repaired=analysed.repaired)
    with timer.stage("match"):
        if verdict.in_scope:
            clauses = _matcher(thresholds).match(analysed, structure, kind)
        else:
            clauses = tuple(ClauseMatch(c.id, "not_applicable", 0.0) for c in clause_set.clauses)
    edition = follows(citations, clauses, clause_set)
    ctx = CheckContext(document=document, structure=structure, institution_type=kind, in_scope=verdict.in_scope,
                       citations=citations, clauses=clauses, clause_set=clause_set, registry=registry,
                       document_date=doc_date, today=today, looks_like=verdict.looks_like, text=analysed,
                       edition=edition)
    with timer.stage("checks"):
        # a document that is not a Sferum regulation gets one verdict, not a list of defects
        findings = ocr_guard.review(run_checks(ctx, None if verdict.in_scope else (OUT_OF_SCOPE,)), ctx)
    organisation = organisation_name(text)
    findings = fingerprint_findings(findings, organisation)
    return Report(document=document, structure=structure, institution_type=kind, in_scope=verdict.in_scope,
                  clauses=clauses, citations=citations, findings=findings,
                  reference_version=reference_version(clause_set, thresholds), registry_version=registry.version,
                  timings=dict(timer.timings), edition=edition, organisation=organisation, clause_set=clause_set,
                  registry=registry)
