"""The clause matcher's thresholds: calibrated defaults, overridden by a config file (analyzer.config).

A module of its own, without the NLP layer, so that the batch's parent process and the CLI read and pass
thresholds without importing spaCy.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Thresholds:
    """Calibrated on the development set by bench/calibrate.py (see the README)."""

    fuzzy_min: float = 30.0          # below this a unit shares too little wording to state a clause
    explained_margin: float = 12.0   # a unit belongs to every clause within this of its best score
    deviation_margin: float = 15.0   # statements weaker than this below the best are not judged
    fuzzy_weight: float = 0.4        # score = weight × fuzzy + (100 − 100 × weight) × share of parts


DEFAULT_THRESHOLDS = Thresholds()
