"""The reference clause set (reference/clauses.yaml + reference/mr_points.yaml),
loaded once, validated, with its concept patterns compiled for matching.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from analyzer.errors import ConfigError
from analyzer.vocabulary import INSTITUTIONS, LEVELS, PERSON_ROLES, ROLE_TITLES, ROLES, SEVERITY_BY_LEVEL  # noqa: F401
from analyzer.yaml_reader import load_yaml


@dataclass(frozen=True)
class Term:
    """One alternative of a concept group: words that must all occur."""

    words: tuple[tuple[str, bool], ...]   # (text, is_prefix)


Group = tuple[Term, ...]


def _compile_group(alternatives: list[str], clause_id: str) -> Group:
    if not alternatives:
        raise ConfigError(f"clause {clause_id}: empty concept group")
    terms = []
    for alt in alternatives:
        words = tuple((w.rstrip("*").lower().replace("ё", "е"), w.endswith("*")) for w in str(alt).split())
        terms.append(Term(words))
    return tuple(terms)


@dataclass(frozen=True)
class Clause:
    id: str
    role: str
    level: str
    source: tuple[str, ...]
    applies: tuple[str, ...]
    meaning: str
    title: str
    wording: str
    variants: tuple[str, ...]
    core: tuple[Group, ...]
    parts: tuple[Group, ...]
    part_names: tuple[str, ...]
    excludes: tuple[Group, ...]           # a unit with any of these states another duty
    conflicts: tuple[tuple[str, ...], ...]
    scope: frozenset[str] | None          # None = anywhere
    related: str | None
    shared: bool                          # other roles have the same duty: never misplaced
    mr_points: tuple[str, ...]

    @property
    def severity(self) -> str:
        return SEVERITY_BY_LEVEL[self.level]

    @property
    def source_label(self) -> str:
        """Where the clause comes from, as a methodologist cites it: «МР, п. 22» or «типовое положение»."""
        points = [s[3:] for s in self.source if s.startswith("MR-")]
        return "МР, п. " + ", ".join(points) if points else "типовое положение"

    @property
    def mr_text(self) -> str:
        return " ".join(self.mr_points)

    def in_scope(self, role: str | None) -> bool:
        return self.scope is None or role in self.scope


@dataclass(frozen=True)
class ClauseSet:
    clauses: tuple[Clause, ...]
    mr_points: dict[str, str]
    version: str

    def get(self, clause_id: str) -> Clause:
        for clause in self.clauses:
            if clause.id == clause_id:
                return clause
        raise KeyError(clause_id)


def reference_dir() -> Path:
    import reference

    return Path(reference.__file__).parent


def _mr_refs(source: str) -> tuple[str, ...]:
    return tuple(part.strip()[3:] for part in source.split(",") if part.strip().startswith("MR-"))


def _clause(raw: dict, mr_points: dict[str, str]) -> Clause:
    cid = raw.get("id", "?")
    for key in ("role", "level", "source", "applies", "meaning", "title", "wording", "core"):
        if not raw.get(key):
            raise ConfigError(f"clause {cid}: field '{key}' is missing")
    if raw["role"] not in ROLES or raw["level"] not in LEVELS:
        raise ConfigError(f"clause {cid}: unknown role or level")
    if set(raw["applies"]) - set(INSTITUTIONS):
        raise ConfigError(f"clause {cid}: unknown institution type in applies")
    if len(raw.get("part_names") or ()) != len(raw.get("parts") or ()):
        raise ConfigError(f"clause {cid}: part_names must name every group of parts")
    refs = _mr_refs(raw["source"])
    missing = [r for r in refs if r not in mr_points]
    if missing:
        raise ConfigError(f"clause {cid}: MR point(s) {', '.join(missing)} not in reference/mr_points.yaml")
    scope_raw = raw.get("scope")
    if scope_raw == "any":
        scope = None
    else:
        scope = frozenset(scope_raw or (raw["role"],))
    return Clause(
        id=cid, role=raw["role"], level=raw["level"],
        source=tuple(s.strip() for s in raw["source"].split(",")),
        applies=tuple(raw["applies"]), meaning=raw["meaning"], title=raw["title"],
        wording=raw["wording"], variants=tuple(raw.get("variants") or ()),
        core=tuple(_compile_group(g, cid) for g in raw["core"]),
        parts=tuple(_compile_group(g, cid) for g in raw.get("parts") or ()),
        part_names=tuple(raw.get("part_names") or ()),
        excludes=tuple(_compile_group(g, cid) for g in raw.get("excludes") or ()),
        conflicts=tuple(tuple(" ".join(c if isinstance(c, list) else [c]).split())
                        for c in (raw.get("conflicts") or ())),
        scope=scope, related=raw.get("related"), shared=bool(raw.get("shared")),
        mr_points=tuple(mr_points[r] for r in refs))


def load_clause_set_from(clauses_path: Path, mr_path: Path) -> ClauseSet:
    """Load and validate a clause set; a broken file raises ConfigError."""
    try:
        raw = load_yaml(clauses_path.read_text(encoding="utf-8"))
        mr = load_yaml(mr_path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"reference data unreadable: {exc}") from exc
    mr_points = {str(p["number"]): p["text"] for p in mr["points"]}
    clauses = tuple(_clause(c, mr_points) for c in raw["clauses"])
    ids = [c.id for c in clauses]
    if len(ids) != len(set(ids)):
        raise ConfigError("duplicate clause id in reference/clauses.yaml")
    digest = hashlib.sha256(clauses_path.read_bytes() + mr_path.read_bytes()).hexdigest()[:10]
    return ClauseSet(clauses=clauses, mr_points=mr_points, version=f"{mr['version']}+{digest}")


@lru_cache(maxsize=1)
def load_clause_set() -> ClauseSet:
    ref = reference_dir()
    return load_clause_set_from(ref / "clauses.yaml", ref / "mr_points.yaml")
