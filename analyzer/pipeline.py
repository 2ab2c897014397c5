"""analyze(): the one-way flow from a file to a Report.

read → structure → tokens → institution type and scope → citations →
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

from analyzer.checks import CheckContext, run_checks
from analyzer.checks.document import OutOfScope
from analyzer.checks.ocr_guard import review
from analyzer.citations import check_citations
from analyzer.clause_set import load_clause_set
from analyzer.ingest import OcrOptions, read
from analyzer.institution import institution_type
from analyzer.matching import Matcher
from analyzer.model import ClauseMatch, Document, Report, Structure
from analyzer.nlp import tokenize
from analyzer.registry import load_registry
from analyzer.scope import judge_scope
from analyzer.structure import parse
from analyzer.structure.lines import unwrapped

OUT_OF_SCOPE = OutOfScope.code


@lru_cache(maxsize=1)
def _matcher() -> Matcher:
    return Matcher(load_clause_set())


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
            ocr: OcrOptions | None = None) -> Report:
    """Analyse one regulation (a path, or bytes with a file name); ``ocr``: when pages are read by OCR."""
    timer = _Timer()
    with timer.stage("read"):
        document = read(source, name=name, ocr=ocr) if isinstance(source, bytes) else read(source, ocr=ocr)
    return analyze_document(document, today=today, timer=timer)


def analyze_document(document: Document, *, today: dt.date | None = None, timer: _Timer | None = None) -> Report:
    """Analyse an already read Document."""
    timer = timer or _Timer()
    today = today or dt.date.today()
    clause_set, registry = load_clause_set(), load_registry()
    text = document.text
    with timer.stage("structure"):
        structure = parse(document)
        kind = institution_type(text)
        verdict = judge_scope(text, structure.title, kind)
    with timer.stage("lemmatise"):
        tokens = tokenize(unwrapped(text))   # same length: wrapped phrases read as one, offsets unchanged
    doc_date = document_date(structure)
    with timer.stage("citations"):
        citations = check_citations(text, registry, doc_date, today)
    with timer.stage("match"):
        if verdict.in_scope:
            clauses = _matcher().match(text, structure, tokens, kind)
        else:
            clauses = tuple(ClauseMatch(c.id, "not_applicable", 0.0) for c in clause_set.clauses)
    ctx = CheckContext(document=document, structure=structure, institution_type=kind, in_scope=verdict.in_scope,
                       citations=citations, clauses=clauses, clause_set=clause_set, registry=registry,
                       document_date=doc_date, today=today, looks_like=verdict.looks_like, tokens=tokens)
    with timer.stage("checks"):
        # a document that is not a Sferum regulation gets one verdict, not a list of defects
        findings = review(run_checks(ctx, None if verdict.in_scope else (OUT_OF_SCOPE,)), ctx)
    return Report(document=document, structure=structure, institution_type=kind, in_scope=verdict.in_scope,
                  clauses=clauses, citations=citations, findings=findings,
                  reference_version=clause_set.version, registry_version=registry.version,
                  timings=dict(timer.timings))
