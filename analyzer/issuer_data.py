"""reference/issuers.yaml, validated: the federal bodies that issue acts and the kind words of citations.

Reviewed data, not code; a broken file raises ConfigError naming the field.
Its version is part of the reference version every report carries.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, cast, get_args

from analyzer.errors import ConfigError
from analyzer.vocabulary import ActKind
from analyzer.yaml_reader import load_versioned


@dataclass(frozen=True)
class Body:
    key: str
    names: tuple[str, ...]     # the official name as the registry writes it, abbreviations
    forms: str                 # regular expression, {country} substituted
    fallback: bool             # any other federal body: counts only when no other body is named


@dataclass(frozen=True)
class KindForm:
    key: str                   # the group name the reader reports
    act_kind: ActKind
    forms: str                 # regular expression, begins with a letter
    needs_title: bool          # read only with a title right after the kind word


@dataclass(frozen=True)
class IssuerData:
    version: str
    country: str               # regular expression, as a group: "(?:РФ|России|…)"
    country_names: tuple[str, ...]
    bodies: tuple[Body, ...]
    kinds: tuple[KindForm, ...]


def default_path() -> Path:
    return Path(str(resources.files("reference") / "issuers.yaml"))


def _section(raw: Any, where: str) -> dict[str, Any]:
    if not isinstance(raw, dict) or not raw:
        raise ConfigError(f"{where}: нужен непустой словарь")
    return raw


def _names(raw: Any, where: str) -> tuple[str, ...]:
    if not isinstance(raw, list) or not all(isinstance(n, str) and n.strip() for n in raw):
        raise ConfigError(f"{where}: нужен список названий")
    return tuple(raw)


def _forms(raw: Any, where: str, country: str = "") -> str:
    if not isinstance(raw, str) or not raw.strip():
        raise ConfigError(f"{where}: нужно регулярное выражение")
    forms = raw.replace("{country}", country)
    try:
        re.compile(forms, re.IGNORECASE)
    except re.error as exc:
        raise ConfigError(f"{where}: неверное регулярное выражение ({exc})") from exc
    return forms


def _flag(raw: dict[str, Any], key: str, where: str) -> bool:
    value = raw.get(key, False)
    if not isinstance(value, bool):
        raise ConfigError(f"{where}.{key}: нужно true или false")
    return value


def _body(key: str, raw: Any, country: str) -> Body:
    where = f"bodies.{key}"
    entry = _section(raw, where)
    return Body(key, _names(entry.get("names"), f"{where}.names"),
                _forms(entry.get("forms"), f"{where}.forms", country), _flag(entry, "fallback", where))


def _kind(key: str, raw: Any) -> KindForm:
    where = f"kinds.{key}"
    entry = _section(raw, where)
    if not key.isidentifier():
        raise ConfigError(f"{where}: ключ — одно слово без пробелов и знаков (имя группы выражения)")
    act_kind = cast(ActKind, entry.get("act_kind"))
    if act_kind not in get_args(ActKind):
        raise ConfigError(f"{where}.act_kind: один из {list(get_args(ActKind))}")
    forms = _forms(entry.get("forms"), f"{where}.forms")
    return KindForm(key, act_kind, forms, _flag(entry, "needs_title", where))


def load_issuer_data_from(path: Path) -> IssuerData:
    """Load and validate ``path``; a broken file raises ConfigError."""
    raw = load_versioned(path)
    country = _section(raw.get("country"), "country")
    country_forms = f"(?:{_forms(country.get('forms'), 'country.forms')})"
    bodies = tuple(_body(k, v, country_forms) for k, v in _section(raw.get("bodies"), "bodies").items())
    return IssuerData(version=str(raw["version"]), country=country_forms,
                      country_names=_names(country.get("names"), "country.names"), bodies=bodies,
                      kinds=tuple(_kind(str(k), v) for k, v in _section(raw.get("kinds"), "kinds").items()))


@lru_cache(maxsize=1)
def load_issuer_data() -> IssuerData:
    """The packaged reference/issuers.yaml, loaded once per process."""
    return load_issuer_data_from(default_path())
