"""The vocabulary: every label table covers its type exactly, and what the
checks, the clause set, the registry, the issuer data, the readers and the
exports produce or handle is in it."""
from __future__ import annotations

from typing import get_args

import pytest

from analyzer import vocabulary as v
from analyzer.batch.exports import WRITERS
from analyzer.batch.xlsx import NUMBER_FORMATS
from analyzer.checks import CHECKS
from analyzer.checks.base import CheckCrashed
from analyzer.checks.structure_defects import DefectCheck
from analyzer.clause_set import load_clause_set
from analyzer.ingest.guards import EXTENSIONS
from analyzer.issuer_data import load_issuer_data
from analyzer.registry import load_registry

LABELS = [
    (v.Role, v.ROLE_TITLES), (v.InstitutionType, v.INSTITUTION_RU), (v.InstitutionType, v.INSTITUTION_SHORT_RU),
    (v.Level, v.LEVEL_RU), (v.Level, v.LEVEL_ONE_RU), (v.Level, v.SEVERITY_BY_LEVEL),
    (v.ClauseStatus, v.STATUS_RU), (v.ClauseStatus, v.STATUS_LETTER), (v.Severity, v.SEVERITY_ORDER),
    (v.Severity, v.SEVERITY_RU), (v.Severity, v.SEVERITY_PLURAL_RU), (v.Category, v.CATEGORY_RU),
    (v.Problem, v.PROBLEM_RU), (v.ActKind, v.ACT_KIND_RU), (v.ActStatus, v.ACT_STATUS_RU),
    (v.ApprovalKind, v.APPROVAL_RU), (v.StatementHow, v.STATEMENT_HOW_RU), (v.ReviewAction, v.REVIEW_ACTION_RU),
    (v.ExportFormat, v.EXPORT_FORMAT_RU),
]
ORDERED = [(v.Role, v.ROLES), (v.InstitutionType, v.INSTITUTIONS), (v.Level, v.LEVELS), (v.ClauseStatus, v.STATUSES),
           (v.Severity, v.SEVERITIES), (v.Problem, v.PROBLEMS), (v.ActStatus, v.ACT_STATUSES),
           (v.OcrMode, v.OCR_MODES), (v.ExportFormat, v.EXPORT_FORMATS)]


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
        assert {s.how for s in clause.statements} <= set(get_args(v.StatementHow)), clause.id
    for act in load_registry().acts:
        assert act.kind_code in get_args(v.ActKind) and act.status in v.ACT_STATUSES, act.id
    assert {k.act_kind for k in load_issuer_data().kinds} <= set(get_args(v.ActKind))


def test_every_structure_defect_has_its_check():
    kinds = [cls.kind for cls in CHECKS.values() if issubclass(cls, DefectCheck)]
    assert sorted(kinds) == sorted(get_args(v.DefectKind))


def test_readers_and_exports_cover_their_formats():
    assert set(EXTENSIONS.values()) == set(get_args(v.DocumentFormat))
    assert set(WRITERS) == set(get_args(v.ExportFormat))
    assert set(NUMBER_FORMATS) == set(get_args(v.ColumnKind)) - {"text"}
