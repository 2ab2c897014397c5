"""reference/cues.yaml, validated: the role cues of the structure parser and the institution cues.

Reviewed data, not code; a broken file raises ConfigError naming the field.
Its version is part of the reference version every report carries.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, get_args

from analyzer.errors import ConfigError
from analyzer.first_letters import compile_scanning
from analyzer.vocabulary import InstitutionType, Role
from analyzer.yaml_reader import load_versioned

DETECTED: tuple[str, ...] = tuple(k for k in get_args(InstitutionType) if k != "unknown")


@dataclass(frozen=True)
class CueData:
    version: str
    role_cues: tuple[tuple[str, Role], ...]        # (words, role), longer cues first
    frame_words: tuple[str, ...]                   # may stand before the subject: "Действия администратора"
    institution_cues: dict[str, re.Pattern[str]]   # institution type → cue, in the order of priority
    additional_schools: re.Pattern[str]            # «спортивная школа»: masked before the school cues count


def default_path() -> Path:
    return Path(str(resources.files("reference") / "cues.yaml"))


def _pattern(value: Any, where: str) -> re.Pattern[str]:
    if not isinstance(value, str) or not value:
        raise ConfigError(f"{where}: нужно регулярное выражение")
    try:
        return compile_scanning(value, re.IGNORECASE)
    except re.error as exc:
        raise ConfigError(f"{where}: неверное регулярное выражение ({exc})") from exc


def _role_cue(value: Any, index: int) -> tuple[str, Role]:
    if not (isinstance(value, list) and len(value) == 2 and isinstance(value[0], str) and value[0].strip()
            and value[1] in get_args(Role)):
        raise ConfigError(f"role_cues[{index}]: нужна пара [слова, роль] с ролью из {list(get_args(Role))}")
    return value[0], value[1]


def load_cue_data_from(path: Path) -> CueData:
    """Load and validate ``path``; a broken file raises ConfigError."""
    raw = load_versioned(path)
    cues = raw.get("role_cues")
    if not isinstance(cues, list) or not cues:
        raise ConfigError(f"{path.name}: role_cues — непустой список")
    frame = raw.get("frame_words")
    if not isinstance(frame, list) or not all(isinstance(w, str) and w for w in frame):
        raise ConfigError(f"{path.name}: frame_words — список слов")
    institutions = raw.get("institution_cues")
    if not isinstance(institutions, dict) or set(institutions) != set(DETECTED):
        raise ConfigError(f"{path.name}: institution_cues — по выражению на каждый тип {list(DETECTED)}")
    return CueData(
        version=str(raw["version"]), role_cues=tuple(_role_cue(c, i) for i, c in enumerate(cues)),
        frame_words=tuple(frame),
        institution_cues={k: _pattern(v, f"institution_cues.{k}") for k, v in institutions.items()},
        additional_schools=_pattern(raw.get("additional_schools"), "additional_schools"))


@lru_cache(maxsize=1)
def load_cue_data() -> CueData:
    """The packaged reference/cues.yaml, loaded once per process."""
    return load_cue_data_from(default_path())
