"""Fixtures of the batch tests: one small corpus and its store, audited once in this process."""
from __future__ import annotations

from pathlib import Path

import pytest
from batch_support import make_corpus

from analyzer.batch import BatchSummary, audit


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """The corpus folder and the number of documents in it."""
    folder = tmp_path_factory.mktemp("corpus")
    return folder, make_corpus(folder)


@pytest.fixture(scope="session")
def audited(corpus: tuple[Path, int], tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BatchSummary]:
    """The corpus audited in this process (one worker); read-only for the tests that use it."""
    db = tmp_path_factory.mktemp("store") / "audit.sqlite"
    return db, audit([corpus[0]], db, workers=1)
