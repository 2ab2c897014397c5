"""Shared fixtures: the corpus regulations, and structures parsed from text.

A test taking ``regulation`` runs once per corpus regulation (its file stem).
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from analyzer.analysed import analyse_text
from analyzer.model import Structure
from analyzer.structure import parse

REGULATIONS = Path(__file__).resolve().parents[2] / "corpora" / "regulations"
CORPUS = sorted(p.stem for p in REGULATIONS.glob("*.txt"))


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "regulation" in metafunc.fixturenames:
        metafunc.parametrize("regulation", CORPUS)


@pytest.fixture(scope="session")
def corpus_names() -> list[str]:
    return CORPUS


@pytest.fixture(scope="session")
def corpus_text() -> Callable[[str], str]:
    return lambda name: (REGULATIONS / f"{name}.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def corpus(corpus_text) -> dict[str, Structure]:
    return {name: parse(analyse_text(corpus_text(name))) for name in CORPUS}


@pytest.fixture(scope="session")
def structure_of() -> Callable[[str], Structure]:
    """Parse a regulation given as text."""
    return lambda text: parse(analyse_text(text))
