"""The vocabulary: every label table covers its type exactly, and what the
checks, the clause set, the registry and the issuer data produce is in it."""
from __future__ import annotations

from typing import get_args

import pytest

from analyzer import vocabulary as v
from analyzer.checks import CHECKS
from analyzer.checks.base import CheckCrashed
from analyzer.clause_set import load_clause_set
from analyzer.issuer_data import load_issuer_data
from analyzer.registry import load_registry

LABELS = [
    (v.Role, v.ROLE_TITLES), (v.InstitutionType, v.INSTITUTION_RU), (v.InstitutionType, v.INSTITUTION_SHORT_RU),
    (v.Level, v.LEVEL_RU), (v.Level, v.LEVEL_ONE_RU), (v.Level, v.SEVERITY_BY_LEVEL),
    (v.ClauseStatus, v.STATUS_RU), (v.ClauseStatus, v.STATUS_LETTER), (v.Severity, v.SEVERITY_ORDER),
    (v.Severity, v.SEVERITY_RU), (v.Severity, v.SEVERITY_PLURAL_RU), (v.Category, v.CATEGORY_RU),
    (v.Problem, v.PROBLEM_RU), (v.ActKind, v.ACT_KIND_RU), (v.ActStatus, v.ACT_STATUS_RU),
    (v.ApprovalKind, v.APPROVAL_RU),
]
ORDERED = [(v.Role, v.ROLES), (v.InstitutionType, v.INSTITUTIONS), (v.Level, v.LEVELS), (v.ClauseStatus, v.STATUSES),
           (v.Severity, v.SEVERITIES), (v.Problem, v.PROBLEMS), (v.ActStatus, v.ACT_STATUSES)]


@pytest.mark.parametrize(("kind", "labels"), LABELS)
def test_every_value_has_its_label(kind, labels):
    assert set(labels) == set(get_args(kind))
    assert all(isinstance(text, (str, int)) and text != "" for text in labels.values())


@pytest.mark.parametrize(("kind", "values"), ORDERED)
def test_value_lists_are_of_their_type(kind, values):
    assert set(values) <= set(get_args(kind)) and len(set(values)) == len(values)


def test_checks_use_the_vocabulary():
    for cls in [*CHECKS.values(), CheckCrashed]:
        assert cls.severity in get_args(v.Severity), cls.code
        assert cls.category in get_args(v.Category), cls.code


def test_reference_data_uses_the_vocabulary():
    for clause in load_clause_set().clauses:
        assert clause.role in v.ROLES and clause.level in v.LEVELS and set(clause.applies) <= set(v.INSTITUTIONS)
    for act in load_registry().acts:
        assert act.kind_code in get_args(v.ActKind) and act.status in v.ACT_STATUSES, act.id
    assert {k.act_kind for k in load_issuer_data().kinds} <= set(get_args(v.ActKind))
