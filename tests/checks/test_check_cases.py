"""Every finding check on small regulations kept as data in cases/RLxxx.yml.

Each case runs through the real pipeline (structure, institution type,
citations, clause matching, all checks). A `fail` case must produce a finding
of the file's code whose quote contains `quote` (and whose fix contains `fix`,
if given); a `pass` case must produce none of that code. Optional per case:
`today` (the run's date) and `registry` (changes to acts of the packaged
registry, for facts it does not hold yet, e.g. a repeal).

    pytest tests/checks -k RL401
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from analyzer.checks import CHECKS
from analyzer.model import Document
from analyzer.pipeline import analyze_document
from analyzer.registry import default_path, parse_registry

CASES_DIR = Path(__file__).with_name("cases")
TODAY = dt.date(2025, 3, 1)
OWNED = re.compile(r"RL[2-5]\d\d")


def _cases() -> list[tuple[str, dict]]:
    found = []
    for path in sorted(CASES_DIR.glob("RL*.yml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            found.append((path.stem, case))
    return found


CASES = _cases()


def _registry(changes: list[dict]):
    data = yaml.safe_load(default_path().read_text(encoding="utf-8"))
    acts = {a["id"]: a for a in data["acts"]}
    for change in changes:
        acts[change["id"]].update(change)
    return parse_registry(data, "registry changed by the case")


def _squash(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(("code", "case"), CASES, ids=[f"{code}-{case['name']}" for code, case in CASES])
def test_case(code, case):
    registry = _registry(case["registry"]) if "registry" in case else None
    report = analyze_document(Document(source="case.txt", format="txt", text=case["text"]),
                              today=case.get("today", TODAY), registry=registry)

    assert not [f for f in report.findings if f.code == "RL999"], "a check crashed"
    mine = [f for f in report.findings if f.code == code]
    for finding in mine:
        assert case["text"][finding.start:finding.end] == finding.quote
        assert finding.category == CHECKS[code].category and finding.message and finding.fix
    if case["expect"] == "pass":
        assert mine == [], [f.quote for f in mine]
        return
    hits = [f for f in mine if _squash(case["quote"]) in _squash(f.quote)]
    assert hits, f"no {code} quoting «{case['quote']}»; got {[f.quote for f in mine]}"
    if "fix" in case:
        assert any(case["fix"] in f.fix for f in hits), [f.fix for f in hits]
    if "count" in case:
        assert len(mine) == case["count"], [f.quote for f in mine]


def test_every_code_has_failing_and_passing_cases():
    owned = sorted(c for c in CHECKS if OWNED.fullmatch(c))
    kinds = {(code, case["expect"]) for code, case in CASES}
    assert [c for c in owned if (c, "fail") not in kinds or (c, "pass") not in kinds] == []
    assert {code for code, _ in CASES} <= set(owned)
