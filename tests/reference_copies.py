"""Edited copies of a reference YAML file, for the tests that a loader refuses a broken one naming the field."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml


def edited_copy(source: Path, folder: Path, change: Callable[[Any], object]) -> Path:
    """``source`` parsed, ``change``d in place and written to ``folder`` under the same name, keys in order."""
    raw = yaml.safe_load(source.read_text(encoding="utf-8"))
    change(raw)
    path = folder / source.name
    path.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path
