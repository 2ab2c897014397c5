"""Shared fixtures: where the corpora are."""
from __future__ import annotations

from pathlib import Path

import pytest

CORPORA = Path(__file__).resolve().parents[1] / "corpora"


@pytest.fixture(scope="session")
def corpora() -> Path:
    return CORPORA


@pytest.fixture(scope="session")
def regulations_dir(corpora: Path) -> Path:
    return corpora / "regulations"


@pytest.fixture(scope="session")
def formats_dir(corpora: Path) -> Path:
    return corpora / "formats"
