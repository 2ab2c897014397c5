"""reference/template.yaml, validated: template-remnant patterns, the platform's contacts and name forms.

The data is reviewed by methodologists, not written in the checks; a broken
file raises ConfigError naming the field. Its version is part of the
reference version every report carries (:func:`reference_version`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from analyzer.errors import ConfigError
from analyzer.match_windows import Pattern
from analyzer.vocabulary import INSTITUTIONS
from analyzer.yaml_reader import load_versioned


@dataclass(frozen=True)
class Remnant:
    key: str
    applies: frozenset[str]                 # institution types for which the words are a remnant
    patterns: tuple[Pattern, ...]
    why: str                                # Russian; {org} is the organisation in the prepositional case
    fix: str


@dataclass(frozen=True)
class TemplateData:
    version: str
    organisation_in: dict[str, str]         # institution type → the organisation, prepositional case
    remnants: tuple[Remnant, ...]
    has_pupils: re.Pattern[str]             # a school that does have воспитанники (boarding, preschool groups)
    support_email: str
    sites: tuple[str, ...]
    name_forms: tuple[str, ...]


def default_path() -> Path:
    return Path(str(resources.files("reference") / "template.yaml"))


def _text(raw: dict[str, Any], key: str, where: str) -> str:
    value = raw.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{where}: поле {key} должно быть непустой строкой")
    return value


def _words(raw: Any, where: str) -> tuple[str, ...]:
    if not isinstance(raw, list) or not raw or not all(isinstance(w, str) and w for w in raw):
        raise ConfigError(f"{where}: нужен непустой список строк")
    return tuple(raw)


def _institutions(raw: Any, where: str) -> frozenset[str]:
    kinds = frozenset(_words(raw, where))
    if not kinds <= set(INSTITUTIONS):
        raise ConfigError(f"{where}: неизвестный тип организации {sorted(kinds - set(INSTITUTIONS))}")
    return kinds


def _remnant(raw: Any, index: int) -> Remnant:
    where = f"remnants[{index}]"
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: нужен словарь")
    patterns = raw.get("patterns")
    if not isinstance(patterns, list) or not patterns or not all(
            isinstance(p, list) and p and all(isinstance(t, dict) and t for t in p) for p in patterns):
        raise ConfigError(f"{where}: patterns — список шаблонов, каждый — список описаний слов")
    why = _text(raw, "why", where)
    try:
        why.format(org="")
    except (KeyError, IndexError, ValueError) as exc:
        raise ConfigError(f"{where}: в why допустима только подстановка {{org}}") from exc
    return Remnant(_text(raw, "key", where), _institutions(raw.get("applies"), f"{where}.applies"),
                   tuple(patterns), why, _text(raw, "fix", where))


def load_template_data_from(path: Path) -> TemplateData:
    """Load and validate ``path``; a broken file raises ConfigError."""
    raw = load_versioned(path)
    organisation_in = raw.get("organisation_in")
    if not isinstance(organisation_in, dict) or set(organisation_in) != set(INSTITUTIONS) \
            or not all(isinstance(v, str) and v for v in organisation_in.values()):
        raise ConfigError(f"{path.name}: organisation_in — по строке на каждый тип {list(INSTITUTIONS)}")
    remnants = tuple(_remnant(r, i) for i, r in enumerate(raw.get("remnants") or []))
    keys = [r.key for r in remnants]
    if not remnants or len(keys) != len(set(keys)):
        raise ConfigError(f"{path.name}: remnants — непустой список с разными key")
    contacts = raw.get("contacts")
    if not isinstance(contacts, dict):
        raise ConfigError(f"{path.name}: нет раздела contacts")
    try:
        has_pupils = re.compile(_text(raw, "has_pupils", path.name))
    except re.error as exc:
        raise ConfigError(f"{path.name}: has_pupils — неверное регулярное выражение ({exc})") from exc
    return TemplateData(version=str(raw["version"]), organisation_in=dict(organisation_in), remnants=remnants,
                        has_pupils=has_pupils, support_email=_text(contacts, "support_email", "contacts"),
                        sites=_words(contacts.get("sites"), "contacts.sites"),
                        name_forms=_words(raw.get("name_forms"), "name_forms"))


@lru_cache(maxsize=1)
def load_template_data() -> TemplateData:
    """The packaged reference/template.yaml, loaded once per process."""
    return load_template_data_from(default_path())
