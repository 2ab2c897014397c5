"""Fixtures of the ingest tests."""
from __future__ import annotations

import pytest
from ingest_support import STEMS


@pytest.fixture(params=STEMS)
def regulation(request: pytest.FixtureRequest) -> str:
    """The stem of one corpora regulation; tests using it run once per regulation."""
    return request.param
