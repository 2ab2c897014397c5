"""Duties that survive rewording, defects that don't hide: bench/rewording.yaml on the matcher."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from analyzer.model import Document
from analyzer.pipeline import analyze_document

BENCH = Path(__file__).resolve().parents[2] / "bench" / "rewording.py"
_spec = importlib.util.spec_from_file_location("rewording", BENCH)
rewording = sys.modules.setdefault("rewording", importlib.util.module_from_spec(_spec))
_spec.loader.exec_module(rewording)
EDITS = rewording.load()


@pytest.mark.parametrize("kind", sorted({e["kind"] for e in EDITS}))
def test_each_kind_of_edit(kind):
    """condition and delete and move_role must be flagged; synonym and move keep every verdict."""
    result = rewording.run([e for e in EDITS if e["kind"] == kind])
    assert not result.misses, result.misses


def test_the_edit_set_is_large_and_the_shares_hold():
    result = rewording.run(EDITS)
    assert len(EDITS) >= 40 and len({e["doc"] for e in EDITS}) == 4
    assert result.flagged_share >= 0.97 and result.stable_share >= 0.99


def test_a_condition_weakens_a_right_but_a_plain_right_stays():
    edit = next(e for e in EDITS if e["name"] == "right to support subject to the administration")
    assert rewording.statuses(rewording.edited(edit))["RGT-SUPPORT"] == "partial"
    assert "conditional" in _reasons(rewording.edited(edit), "RGT-SUPPORT")


def _reasons(text: str, clause: str) -> tuple[str, ...]:
    report = analyze_document(Document(source="edited.txt", format="txt", text=text))
    return next(m.reasons for m in report.clauses if m.clause == clause)
