"""The reference clause set, the MR points and their builder."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from analyzer.clause_set import load_clause_set, load_clause_set_from, reference_dir
from analyzer.errors import ConfigError
from reference.build import build, parse_mr_points

REPO = Path(__file__).resolve().parents[2]
MR = REPO / "corpora" / "reference" / "metodrek-minprosv-2023.txt"
SPEC = REPO.parent / "shared" / "spec" / "clauses.yaml"


def test_mr_points_are_numbered_like_the_recommendations():
    points = parse_mr_points(MR.read_text(encoding="utf-8"))
    assert list(points)[:3] == ["1", "2", "3"]
    assert {"17.1", "17.2", "26.1", "26.9", "30"} <= set(points)
    assert "26 (2)" in points                      # MR numbers point 26 twice
    assert points["22"].startswith("Педагогические работники")
    assert "1) описание" in points["3"]            # enumerations stay inside their point
    assert "info@sferum.ru" in points["30"]


def test_every_clause_has_matching_data_and_its_mr_text():
    clause_set = load_clause_set()
    assert len(clause_set.clauses) == 54
    verify = clause_set.get("TCH-VERIFY")
    assert verify.level == "required" and verify.severity == "error"
    assert "обязательным подтверждением роли «учитель»" in verify.mr_text
    assert all(c.core and c.title and c.wording for c in clause_set.clauses)
    assert clause_set.version.startswith("mr-metodrek-minprosv-2023+")


@pytest.mark.skipif(not SPEC.exists(), reason="../shared/spec is not here")
def test_the_committed_reference_matches_the_spec_and_the_mr(tmp_path):
    out = tmp_path / "mr_points.yaml"
    result = build(MR, reference_dir() / "clauses.yaml", SPEC, out)
    assert result.problems == ()
    assert out.read_text(encoding="utf-8") == (reference_dir() / "mr_points.yaml").read_text(encoding="utf-8")


@pytest.mark.skipif(not SPEC.exists(), reason="../shared/spec is not here")
def test_drift_from_the_spec_fails_loudly(tmp_path):
    clauses = yaml.safe_load((reference_dir() / "clauses.yaml").read_text(encoding="utf-8"))
    clauses["clauses"][0]["level"] = "recommended"
    del clauses["clauses"][-1]
    edited = tmp_path / "clauses.yaml"
    edited.write_text(yaml.safe_dump(clauses, allow_unicode=True), encoding="utf-8")
    result = build(MR, edited, SPEC, tmp_path / "mr_points.yaml")
    assert any("GEN-LOCAL-ACT: level" in p for p in result.problems)
    assert any("FIN-UNREGULATED: in the spec, missing" in p for p in result.problems)


def test_a_reissued_mr_reports_changed_points(tmp_path):
    out = tmp_path / "mr_points.yaml"
    build(MR, reference_dir() / "clauses.yaml", None, out)
    reissued = tmp_path / "mr-2025.txt"
    reissued.write_text(MR.read_text(encoding="utf-8").replace("с обязательным подтверждением", "с подтверждением"),
                        encoding="utf-8")
    assert build(reissued, reference_dir() / "clauses.yaml", None, out).changed == ("22",)


def test_a_clause_citing_a_missing_mr_point_is_a_config_error(tmp_path):
    clauses = yaml.safe_load((reference_dir() / "clauses.yaml").read_text(encoding="utf-8"))
    clauses["clauses"][1]["source"] = "MR-99"
    edited = tmp_path / "clauses.yaml"
    edited.write_text(yaml.safe_dump(clauses, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ConfigError, match="MR-99|99"):
        load_clause_set_from(edited, reference_dir() / "mr_points.yaml")
