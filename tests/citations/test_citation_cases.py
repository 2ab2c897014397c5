"""check_citations on the tricky forms kept as data in cases.yaml."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from analyzer.citations import check_citations
from analyzer.registry import load_registry

CASES = yaml.safe_load((Path(__file__).with_name("cases.yaml")).read_text(encoding="utf-8"))
TODAY = dt.date(2026, 11, 25)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case):
    found = check_citations(case["text"], load_registry(), case["document_date"], TODAY)

    assert [(c.act, c.quote, list(c.problems)) for c in found] == \
        [(e["act"], e["quote"], e["problems"]) for e in case["expect"]]
    for citation, expected in zip(found, case["expect"]):
        assert case["text"][citation.start:citation.end] == citation.quote
        for field in ("number", "title"):
            if field in expected:
                assert getattr(citation.cited, field) == expected[field]
        if citation.act != "unknown":
            assert citation.correct == load_registry().get(citation.act).citation
