"""The matcher's thresholds from a config file, defaults unchanged when there is none.

``--config FILE`` names the file; otherwise ``reglint.toml`` in the current
folder, then ``[tool.reglint]`` in its ``pyproject.toml``::

    # reglint.toml                      # pyproject.toml
    [thresholds]                        [tool.reglint.thresholds]
    fuzzy_min = 30.0                    fuzzy_min = 30.0

The keys are the fields of :class:`analyzer.thresholds.Thresholds`;
``bench/calibrate.py --write reglint.toml`` writes the ones it found.
"""
from __future__ import annotations

import tomllib
from dataclasses import fields
from pathlib import Path
from typing import Any

from analyzer.errors import ConfigError
from analyzer.thresholds import Thresholds

SEARCHED = ("reglint.toml", "pyproject.toml")


def _table(raw: dict[str, Any], path: Path) -> Any:
    section = raw.get("tool", {}).get("reglint", {}) if path.name == "pyproject.toml" else raw
    return section.get("thresholds", {}) if isinstance(section, dict) else section


def load_thresholds(path: str | Path | None = None, folder: str | Path = ".") -> Thresholds:
    """The thresholds of ``path``, or of the first config found in ``folder``; the defaults when none is."""
    if path is None:
        path = next((Path(folder) / name for name in SEARCHED if (Path(folder) / name).is_file()), None)
        if path is None:
            return Thresholds()
    path = Path(path)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: настройки не прочитаны ({exc})") from exc
    values = _table(raw, path)
    known = [f.name for f in fields(Thresholds)]
    if not isinstance(values, dict) or set(values) - set(known):
        raise ConfigError(f"{path}: в разделе thresholds допустимы только {', '.join(known)}")
    if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in values.values()):
        raise ConfigError(f"{path}: пороги thresholds должны быть числами")
    return Thresholds(**{k: float(v) for k, v in values.items()})
