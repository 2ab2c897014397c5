"""Fixtures of the report tests: every corpora regulation analysed once per session.

The TXT regulations are read from bytes under their bare file names, and the
day of the analysis and of the check is pinned, so that reports are stable.
"""
from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from analyzer.model import Report
from analyzer.pipeline import analyze

TODAY = dt.date(2025, 6, 1)
CORPORA = Path(__file__).resolve().parents[2] / "corpora"
STEMS = sorted(p.stem for p in (CORPORA / "regulations").glob("*.txt"))


def analyze_bytes(data: bytes, name: str) -> Report:
    return analyze(data, name=name, today=TODAY)


@pytest.fixture(scope="session")
def txt_reports() -> dict[str, Report]:
    return {stem: analyze_bytes((CORPORA / "regulations" / f"{stem}.txt").read_bytes(), f"{stem}.txt")
            for stem in STEMS}


@pytest.fixture(scope="session")
def docx_sources() -> dict[str, bytes]:
    return {stem: (CORPORA / "formats" / f"{stem}.docx").read_bytes() for stem in STEMS}


@pytest.fixture(scope="session")
def docx_reports(docx_sources: dict[str, bytes]) -> dict[str, Report]:
    return {stem: analyze_bytes(data, f"{stem}.docx") for stem, data in docx_sources.items()}


@pytest.fixture(scope="session")
def make_formats() -> ModuleType:
    """corpora/formats/make_formats.py: builds a DOCX from a regulation's text as Word would store it."""
    spec = importlib.util.spec_from_file_location("make_formats", CORPORA / "formats" / "make_formats.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
