"""check_citations on the real regulations against the gold annotations."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from analyzer.citations import check_citations
from analyzer.registry import load_registry

REPO = Path(__file__).resolve().parents[2]
GOLD = REPO.parent / "shared" / "gold"
CORPUS = REPO / "corpora" / "regulations"
# The date of each document as a reviewer reads it from its approval block
# (finding it is the structure stage's job); apk-college carries none.
DOCUMENT_DATES = {
    "apk-college": None,
    "co-milyutina-2023": dt.date(2023, 8, 31),
    "ddt-grad-chudes-2023": dt.date(2023, 12, 29),
    "school-59-krasnodar-2023": dt.date(2023, 12, 28),
}


@pytest.mark.parametrize("name", sorted(DOCUMENT_DATES))
def test_matches_gold(name):
    gold_path = GOLD / f"{name}.yaml"
    if not gold_path.exists():
        pytest.skip(f"no gold file {gold_path}")
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    text = (CORPUS / gold["document"]).read_text(encoding="utf-8")

    found = check_citations(text, load_registry(), DOCUMENT_DATES[name], dt.date.today())

    assert [c.act for c in found] == [r["act"] for r in gold["legal_refs"]]
    assert [sorted(c.problems) for c in found] == [sorted(r["problems"]) for r in gold["legal_refs"]]
    assert [c.quote for c in found] == [r["quote"] for r in gold["legal_refs"]]
