"""The reference clause set (reference/clauses.yaml + reference/mr_points.yaml),
loaded once, validated, with its concept patterns compiled for matching.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, get_args

import yaml

from analyzer.errors import ConfigError
from analyzer.vocabulary import (  # noqa: F401
    INSTITUTIONS,
    LEVELS,
    PERSON_ROLES,
    ROLE_TITLES,
    ROLES,
    SEVERITY_BY_LEVEL,
    StatementHow,
)
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
class ReferenceText:
    """One text of the recommendations: its id, a title for messages, and the letter it came with."""

    id: str
    title: str
    file: str
    letter: str | None          # the registry id of the covering letter


@dataclass(frozen=True)
class Statement:
    """How one text of the recommendations states a clause."""

    text: str                   # ReferenceText.id
    how: StatementHow
    points: tuple[str, ...]     # "22", "4.3"
    wording: str                # the differing words, or the points' text
    explains: frozenset[str]    # match reasons this text's wording accounts for
    lacks: frozenset[str] = frozenset()   # part names of the clause this text does not state

    @property
    def present(self) -> bool:
        return self.how != "absent"


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
    statements: tuple[Statement, ...] = ()   # how each text of the recommendations states it, by ReferenceText order

    def statement(self, text_id: str) -> Statement | None:
        return next((s for s in self.statements if s.text == text_id), None)

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
    weakening: tuple[str, ...] = ()   # conditions that weaken any duty or right ("по согласовани* с *")
    texts: tuple[ReferenceText, ...] = ()

    def text(self, text_id: str) -> ReferenceText:
        return next(t for t in self.texts if t.id == text_id)

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


def _statement(raw: dict, text: ReferenceText, points: dict[str, str], default_points: tuple[str, ...]) -> Statement:
    """The clause's record for ``text``: recorded, or by default the first text states it the same in
    the MR points of its source, and no other text states it (TPL, the model regulation, is in neither)."""
    record = raw.get(text.id)
    if record is None:
        record = {"how": "same" if text.id == "ed1" and default_points else "absent"}
    how = record.get("how", "same")
    if how not in get_args(StatementHow):
        raise ConfigError(f"clause {raw.get('id', '?')}: {text.id}: how {how!r} is not one of {get_args(StatementHow)}")
    named = tuple(str(p) for p in record.get("points") or ()) or (default_points if text.id == "ed1" else ())
    if bad := [p for p in named if p not in points]:
        raise ConfigError(f"clause {raw.get('id', '?')}: {text.id}: points {', '.join(bad)} not in {text.file}")
    wording = record.get("wording") or " ".join(points[p] for p in named)
    return Statement(text=text.id, how=how, points=named, wording=wording,
                     explains=frozenset(record.get("explains") or ()), lacks=frozenset(record.get("lacks") or ()))


def _clause(raw: dict, mr_points: dict[str, str], texts: tuple[tuple[ReferenceText, dict[str, str]], ...] = ()
            ) -> Clause:
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
        mr_points=tuple(mr_points[r] for r in refs),
        statements=tuple(_statement(raw, text, points, refs) for text, points in texts))


def _points(data: dict[str, Any]) -> dict[str, str]:
    return {str(p["number"]): p["text"] for p in data["points"]}


def load_clause_set_from(clauses_path: Path, mr_path: Path) -> ClauseSet:
    """Load and validate a clause set; a broken file raises ConfigError.

    The texts of the recommendations listed under ``texts`` are read from
    their points files next to ``mr_path`` (the first text's is ``mr_path``).
    """
    try:
        raw = load_yaml(clauses_path.read_text(encoding="utf-8"))
        mr = load_yaml(mr_path.read_text(encoding="utf-8"))
        later = [mr_path.with_name(t["points"]) for t in (raw.get("texts") or ())[1:]]
        mr_points = _points(mr)
        texts = tuple((ReferenceText(id=t["id"], title=t["title"], file=t["file"], letter=t.get("letter")), points)
                      for t, points in zip(raw.get("texts") or (),
                                           [mr_points, *(_points(load_yaml(p.read_text(encoding="utf-8")))
                                                         for p in later)], strict=False))
    except (OSError, yaml.YAMLError, KeyError, TypeError) as exc:
        raise ConfigError(f"reference data unreadable: {exc}") from exc
    clauses = tuple(_clause(c, mr_points, texts) for c in raw["clauses"])
    ids = [c.id for c in clauses]
    if len(ids) != len(set(ids)):
        raise ConfigError("duplicate clause id in reference/clauses.yaml")
    extra = b"".join(path.read_bytes() for path in later)
    digest = hashlib.sha256(clauses_path.read_bytes() + mr_path.read_bytes() + extra).hexdigest()[:10]
    weakening = raw.get("weakening") or []
    if not all(isinstance(w, str) and w.strip() for w in weakening):
        raise ConfigError("reference/clauses.yaml: weakening — нужен список фраз")
    return ClauseSet(clauses=clauses, mr_points=mr_points, version=f"{mr['version']}+{digest}",
                     weakening=tuple(weakening), texts=tuple(t for t, _ in texts))


@lru_cache(maxsize=1)
def load_clause_set() -> ClauseSet:
    ref = reference_dir()
    return load_clause_set_from(ref / "clauses.yaml", ref / "mr_points.yaml")
