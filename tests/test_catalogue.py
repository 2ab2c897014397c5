"""The finding-code catalogue: docs/findings.md is current, every check is
documented by the template, codes are well formed and unique.

Regenerate the page and analyzer/codes.json (what `reglint explain` reads) with `make docs`.
"""
from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest

from analyzer import codes
from analyzer.checks import CHECKS
from analyzer.checks.base import DOCSTRING_SECTIONS, CheckCrashed
from analyzer.checks.catalogue import catalogue, render_markdown

DOCS = Path(__file__).resolve().parents[1] / "docs" / "findings.md"
CHECK_CLASSES = [*CHECKS.values(), CheckCrashed]


def test_findings_page_is_current():
    assert DOCS.read_text(encoding="utf-8") == render_markdown(), \
        "docs/findings.md is stale: run `make docs`"


def test_explain_data_is_current():
    assert codes.DATA.read_text(encoding="utf-8") == codes.dumps(catalogue()), \
        "analyzer/codes.json is stale: run `make docs`"


@pytest.mark.parametrize("cls", CHECK_CLASSES, ids=[c.code for c in CHECK_CLASSES])
def test_docstring_follows_the_template(cls):
    doc = inspect.cleandoc(cls.__doc__ or "")
    lines = doc.splitlines()
    assert lines and lines[0].strip() and not any(lines[0].startswith(s) for s in DOCSTRING_SECTIONS)
    heads = [s for line in lines for s in DOCSTRING_SECTIONS if line.startswith(s)]
    assert heads == list(DOCSTRING_SECTIONS), f"{cls.code}: sections {heads}"
    for section in DOCSTRING_SECTIONS:
        after = doc.split(section, 1)[1].split("\n")[0].strip()
        assert after, f"{cls.code}: empty {section}"


def test_codes_are_well_formed_and_unique():
    codes = [d.code for d in catalogue()]
    assert all(re.fullmatch(r"RL\d{3}", c) for c in codes), codes
    assert len(codes) == len(set(codes))
    assert all(code == cls.code for code, cls in CHECKS.items())


def test_names_and_categories():
    names = [cls.name for cls in CHECK_CLASSES]
    assert len(names) == len(set(names))
    assert all(re.fullmatch(r"[a-z]+(?:-[a-z]+)*\.[a-z]+(?:-[a-z]+)*", n) for n in names), names
    assert all(cls.severity in ("error", "warning", "info") for cls in CHECK_CLASSES)
