"""Role-aware matching of every reference clause against the document's units.

For each clause and unit: a fuzzy score (rapidfuzz over lemmatised text,
all clauses × units in one ``cdist`` call) and the clause's concept groups
(``core`` must all be there for the unit to state the duty at all, ``parts``
complete it). Then the role context decides:

- present    stated in a section of its own role, complete, not weakened;
- partial    stated there but weakened (made optional, a wider subject, a
             part of a compound duty or the role name «учитель» missing), or
             stated only in the section of a related role when the document
             has no section of the clause's own role;
- misplaced  stated only under another person's role, in a unit that no
             clause of that role explains;
- missing    otherwise.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process

from analyzer.clause_set import PERSON_ROLES, Clause, ClauseSet, group_matches
from analyzer.matching.signals import DUTY_ROLES, conflict, optional_marker
from analyzer.matching.units import Unit, build_units
from analyzer.model import ClauseMatch, Evidence, Structure
from analyzer.nlp import TokenTable, repair_ocr, tokenize

FUZZY_MIN = 30.0          # below this a unit shares too little wording to state a clause
EXPLAINED_MARGIN = 12.0   # a unit belongs to every clause within this of its best score
DEVIATION_MARGIN = 15.0   # weaker statements than this below the best are not judged
MAX_EVIDENCE = 3


@dataclass(frozen=True)
class _Candidate:
    unit: Unit
    score: float
    parts_ok: bool
    reasons: tuple[str, ...]


def _states(clause: Clause, unit: Unit) -> bool:
    """The unit (a list unit: its introducing item) has the clause's core and none of its excludes."""
    lead = unit.members[:1]
    return (all(group_matches(g, lead) for g in clause.core)
            and not any(group_matches(g, unit.members) for g in clause.excludes))


def _clause_keys(clause: Clause) -> list[str]:
    texts = (clause.wording, *clause.variants)
    return [" ".join(t.lemma for t in tokenize(text).tokens if not t.stop) for text in texts]


class Matcher:
    """Holds the clause set's lemmatised wordings; one instance serves many documents."""

    def __init__(self, clause_set: ClauseSet):
        self.clause_set = clause_set
        self.clauses = clause_set.clauses
        keys: list[str] = []
        self.owner: list[int] = []
        for i, clause in enumerate(self.clauses):
            for key in _clause_keys(clause):
                keys.append(key)
                self.owner.append(i)
        self.keys = keys

    def _fuzzy(self, units: tuple[Unit, ...]) -> np.ndarray:
        """clauses × units: the best of token-set and token-sort ratio, averaged."""
        unit_keys = [u.key for u in units]
        tset = process.cdist(self.keys, unit_keys, scorer=fuzz.token_set_ratio, workers=-1)
        tsort = process.cdist(self.keys, unit_keys, scorer=fuzz.token_sort_ratio, workers=-1)
        per_key = (tset + tsort) / 2.0
        out = np.zeros((len(self.clauses), len(units)), dtype=np.float32)
        for row, owner in enumerate(self.owner):
            np.maximum(out[owner], per_key[row], out=out[owner])
        return out

    def match(self, text: str, structure: Structure, tokens: TokenTable,
              institution_type: str) -> tuple[ClauseMatch, ...]:
        text = repair_ocr(text)
        units = build_units(text, structure, tokens)
        roles_present = {s.role for s in structure.sections}
        if not units:
            return tuple(self._empty(c, institution_type) for c in self.clauses)
        fuzzy = self._fuzzy(units)
        core = np.array([[_states(c, u) for u in units] for c in self.clauses])
        parts = np.array([[sum(group_matches(g, u.members) for g in c.parts) / len(c.parts) if c.parts else 1.0
                           for u in units] for c in self.clauses])
        score = np.where(core & (fuzzy >= FUZZY_MIN), 0.4 * fuzzy + 60.0 * parts, 0.0)
        in_scope = np.array([[c.in_scope(u.role) for u in units] for c in self.clauses])
        best_for_unit = np.where(in_scope, score, 0.0).max(axis=0)
        return tuple(
            self._decide(ci, clause, units, score[ci], parts[ci], best_for_unit, score, text,
                         roles_present, institution_type)
            for ci, clause in enumerate(self.clauses))

    @staticmethod
    def _empty(clause: Clause, institution_type: str) -> ClauseMatch:
        applicable = institution_type not in ("school", "college", "additional") or institution_type in clause.applies
        return ClauseMatch(clause.id, "missing" if applicable else "not_applicable", 0.0)

    def _explained_by_own_role(self, ui: int, role: str, score: np.ndarray) -> bool:
        return any(score[cj, ui] > 0 and c.role == role for cj, c in enumerate(self.clauses))

    def _decide(self, ci: int, clause: Clause, units: tuple[Unit, ...], scores: np.ndarray, parts: np.ndarray,
                best_for_unit: np.ndarray, score: np.ndarray, text: str, roles_present: set[str],
                institution_type: str) -> ClauseMatch:
        if institution_type in ("school", "college", "additional") and institution_type not in clause.applies:
            return ClauseMatch(clause.id, "not_applicable", 0.0)
        stating = np.flatnonzero(scores > 0)
        own = [ui for ui in stating if clause.in_scope(units[ui].role)
               and scores[ui] >= best_for_unit[ui] - EXPLAINED_MARGIN]
        candidates = [ui for ui in stating if not clause.in_scope(units[ui].role)]
        if own:
            match = self._judge(clause, own, units, scores, parts, text, "present")
            if any(conflict(clause, units[ui].sequence) for ui in stating if clause.in_scope(units[ui].role)):
                return ClauseMatch(clause.id, "partial", match.score, match.evidence,
                                   tuple(dict.fromkeys((*match.reasons, "subject"))))
            return match
        if clause.related and clause.role not in roles_present:
            related = [ui for ui in candidates if units[ui].role == clause.related]
            if related:
                match = self._judge(clause, related, units, scores, parts, text, "partial")
                return ClauseMatch(clause.id, "partial", match.score, match.evidence,
                                   tuple(dict.fromkeys((*match.reasons, "related_role"))))
        foreign = [ui for ui in candidates
                   if units[ui].role in PERSON_ROLES and not self._explained_by_own_role(ui, units[ui].role, score)]
        if foreign:
            match = self._judge(clause, foreign, units, scores, parts, text, "misplaced")
            return ClauseMatch(clause.id, "misplaced", match.score, match.evidence, ("wrong_role",))
        best = float(scores.max()) if len(scores) else 0.0
        return ClauseMatch(clause.id, "missing", round(best, 1))

    def _judge(self, clause: Clause, indexes: list[int], units: tuple[Unit, ...], scores: np.ndarray,
               parts: np.ndarray, text: str, status: str) -> ClauseMatch:
        ranked = sorted(indexes, key=lambda ui: (-scores[ui], units[ui].is_list, units[ui].start))
        best = ranked[0]
        close = [ui for ui in ranked if scores[ui] >= scores[best] - DEVIATION_MARGIN]
        reasons: list[str] = []
        if parts[best] < 1.0 and not any(parts[ui] >= 1.0 for ui in close):
            reasons.append("incomplete")
        for ui in close:
            unit = units[ui]
            if unit.is_list:
                continue
            if unit.role in DUTY_ROLES or clause.role in DUTY_ROLES:
                if optional_marker(text, unit.start, unit.end):
                    reasons.append("optional")
        if reasons and status == "present":
            status = "partial"
        evidence = tuple(_evidence(text, units[ui]) for ui in ranked[:MAX_EVIDENCE] if not units[ui].is_list or ui == best)
        return ClauseMatch(clause.id, status, round(float(scores[best]), 1), evidence,  # type: ignore[arg-type]
                           tuple(dict.fromkeys(reasons)))


def _evidence(text: str, unit: Unit) -> Evidence:
    raw = text[unit.start:unit.end]
    start = unit.start + len(raw) - len(raw.lstrip())
    end = unit.end - (len(raw) - len(raw.rstrip()))
    return Evidence(section=unit.section, quote=text[start:end], start=start, end=end,
                    role=unit.role)  # type: ignore[arg-type]


def match_clauses(text: str, structure: Structure, tokens: TokenTable, clause_set: ClauseSet,
                  institution_type: str) -> tuple[ClauseMatch, ...]:
    return Matcher(clause_set).match(text, structure, tokens, institution_type)
