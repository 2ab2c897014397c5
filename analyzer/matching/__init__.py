"""Role-aware matching of every reference clause against the document's units.

For each clause and unit: the clause's concept groups (``core`` must all be
there for the unit to state the duty at all, ``parts`` complete it), then a
fuzzy score (rapidfuzz over lemmatised text, against the clause's wording, its
variants and its MR points) for the pairs that state it. A unit belongs to
every clause scoring within a margin of its best in-scope clause. Then the
role context decides:

- present    stated in a section of its own role, complete, not weakened;
- partial    stated there but weakened (made optional, made conditional —
             «при наличии технической возможности», «по согласованию с
             администрацией», for rights too —, a wider subject, a
             part of a compound duty or the role name «учитель» missing), or
             stated only in the section of a related role when the document
             has no section of the clause's own role;
- misplaced  stated only under another person's role, in a unit that no
             clause of that role explains;
- missing    otherwise.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import get_args

import numpy as np

from analyzer.analysed import AnalysedText
from analyzer.clause_set import Clause, ClauseSet
from analyzer.lexicon import repair_ocr
from analyzer.matching.concepts import ConceptIndex
from analyzer.matching.fuzzy import PairScorer
from analyzer.matching.signals import conflict, optional_marker, weakening_pattern
from analyzer.matching.units import Unit, build_units
from analyzer.model import ClauseMatch, Evidence, Structure
from analyzer.nlp import tokenize
from analyzer.thresholds import DEFAULT_THRESHOLDS, Thresholds
from analyzer.vocabulary import DUTY_ROLES, INSTITUTIONS, PERSON_ROLES, Role

MAX_EVIDENCE = 3


def _clause_keys(clause: Clause) -> list[str]:
    texts = (clause.wording, *clause.variants, *clause.mr_points)
    tables = [tokenize(repair_ocr(text)) for text in texts]
    return [" ".join(lem for lem, stop in zip(t.lemmas, t.stops) if not stop) for t in tables]


class Matcher:
    """Holds the clause set's lemmatised wordings and concept index; one instance serves many documents."""

    def __init__(self, clause_set: ClauseSet, thresholds: Thresholds = DEFAULT_THRESHOLDS):
        self.clause_set = clause_set
        self.t = thresholds
        self.clauses = clause_set.clauses
        keys: list[str] = []
        owner: list[int] = []
        for i, clause in enumerate(self.clauses):
            for key in _clause_keys(clause):
                keys.append(key)
                owner.append(i)
        self.owner = np.array(owner)
        self.scorer = PairScorer(keys)
        self.concepts = ConceptIndex(clause_set)
        # clauses × roles, for the roles a unit can have: may the clause stand in it, is it the clause's
        # own role, its related one
        self.role_index = {role: k for k, role in enumerate(get_args(Role))}
        self.scope = np.array([[c.in_scope(role) for role in self.role_index] for c in self.clauses])
        self.own_role = np.array([[c.role == role for role in self.role_index] for c in self.clauses])
        self.related_role = np.array([[c.related == role for role in self.role_index] for c in self.clauses])
        self.shared = np.array([c.shared for c in self.clauses])
        self.weakening = weakening_pattern(clause_set.weakening)

    def _fuzzy(self, units: tuple[Unit, ...], states: np.ndarray) -> np.ndarray:
        """clauses × units: the fuzzy score (matching.fuzzy), best over the clause's wordings.

        Only the pairs where the unit states the clause are scored (a full ``cdist`` would spend
        most of its time on pairs the concepts already rule out).
        """
        out = np.zeros((len(self.clauses), len(units)), dtype=np.float32)
        rows, cols = np.nonzero(states[self.owner])
        if not len(rows):
            return out
        scores = self.scorer.scores(rows.tolist(), [u.key for u in units], cols.tolist())
        np.maximum.at(out, (self.owner[rows], cols), scores)
        return out

    def match(self, analysed: AnalysedText, structure: Structure, institution_type: str) -> tuple[ClauseMatch, ...]:
        text = analysed.repaired
        units = build_units(text, structure, analysed.tokens)
        if not units:
            return tuple(self._empty(c, institution_type) for c in self.clauses)
        sentences = [u.lemmas for u in units if not u.is_list]
        core, parts, held = self.concepts.evaluate(sentences, [u.sentences for u in units])
        fuzzy = self._fuzzy(units, core)
        w = self.t.fuzzy_weight
        score = np.where(core & (fuzzy >= self.t.fuzzy_min), w * fuzzy + (100.0 - 100.0 * w) * parts, 0.0)
        doc = _Scored(text=text, units=units, score=score, parts=parts, held=held,
                      **self._places(units, score, frozenset(s.role for s in structure.sections)))
        return tuple(self._decide(ci, clause, doc, institution_type) for ci, clause in enumerate(self.clauses))

    def _places(self, units: tuple[Unit, ...], score: np.ndarray, roles_present: frozenset[str]
                ) -> dict[str, np.ndarray]:
        """clauses × units: where each clause is stated in scope, as its own, in its related role, as a stray.

        claimed  stated in a unit of a role the clause may stand in;
        own      claimed, and within a margin of the unit's best in-scope clause;
        related  stated in its related role, when the document has no section of the clause's role;
        foreign  stated under another person's role, in a unit no clause of that role states.
        """
        at = [self.role_index[u.role] for u in units]
        stating = score > 0
        in_scope = self.scope[:, at]
        best_in_scope = np.where(in_scope, score, 0.0).max(axis=0)
        elsewhere = stating & ~in_scope
        explained = (stating & self.own_role[:, at]).any(axis=0)
        stray = np.array([u.role in PERSON_ROLES for u in units]) & ~explained
        role_absent = ~self.own_role[:, [self.role_index[r] for r in roles_present]].any(axis=1, keepdims=True)
        return {"claimed": stating & in_scope,
                "own": stating & in_scope & (score >= best_in_scope - self.t.explained_margin),
                "related": elsewhere & self.related_role[:, at] & role_absent,
                "foreign": elsewhere & stray & ~self.shared[:, None]}

    @staticmethod
    def _empty(clause: Clause, institution_type: str) -> ClauseMatch:
        applicable = institution_type not in INSTITUTIONS or institution_type in clause.applies
        return ClauseMatch(clause.id, "missing" if applicable else "not_applicable", 0.0)

    def _decide(self, ci: int, clause: Clause, doc: _Scored, institution_type: str) -> ClauseMatch:
        if institution_type in INSTITUTIONS and institution_type not in clause.applies:
            return ClauseMatch(clause.id, "not_applicable", 0.0)
        if own := np.flatnonzero(doc.own[ci]).tolist():
            conflicting = clause.conflicts and any(conflict(clause, doc.units[ui].sequence)
                                                   for ui in np.flatnonzero(doc.claimed[ci]))
            return self._judge(ci, clause, own, doc, "present", ("subject",) if conflicting else ())
        if related := np.flatnonzero(doc.related[ci]).tolist():
            return self._judge(ci, clause, related, doc, "partial", ("related_role",))
        if foreign := np.flatnonzero(doc.foreign[ci]).tolist():
            return self._judge(ci, clause, foreign, doc, "misplaced", ("wrong_role",))
        return ClauseMatch(clause.id, "missing", round(float(doc.score[ci].max()), 1))

    def _judge(self, ci: int, clause: Clause, indexes: list[int], doc: _Scored, status: str,
               found: tuple[str, ...]) -> ClauseMatch:
        """The verdict on the best of ``indexes``; weaker statements close to it are judged too."""
        units, scores, parts = doc.units, doc.score[ci], doc.parts[ci]
        ranked = sorted(indexes, key=lambda ui: (-scores[ui], units[ui].is_list, units[ui].start))
        best = ranked[0]
        close = [ui for ui in ranked if scores[ui] >= scores[best] - self.t.deviation_margin]
        reasons = list(found)
        lacking: list[str] = []
        if parts[best] < 1.0 and not any(parts[ui] >= 1.0 for ui in close):
            reasons.append("incomplete")
            lacking = [clause.part_names[k] for k in self.concepts.lacking(ci, doc.held[best])]
        statements = [ui for ui in close if not units[ui].is_list]
        if clause.role in DUTY_ROLES and any(optional_marker(doc.text, units[ui].start, units[ui].end)
                                             for ui in statements):
            reasons.append("optional")
        if self.weakening and any(optional_marker(doc.text, units[ui].start, units[ui].end, self.weakening)
                                  for ui in statements):
            reasons.append("conditional")
        if reasons and status == "present":
            status = "partial"
        evidence = tuple(_evidence(doc.text, units[ui]) for ui in ranked[:MAX_EVIDENCE]
                         if not units[ui].is_list or ui == best)
        return ClauseMatch(clause.id, status, round(float(scores[best]), 1), evidence,  # type: ignore[arg-type]
                           tuple(dict.fromkeys(reasons)), tuple(lacking))


@dataclass(frozen=True)
class _Scored:
    """One document's units, their scores against every clause and where each clause is stated (Matcher._places)."""

    text: str
    units: tuple[Unit, ...]
    score: np.ndarray          # clauses × units
    parts: np.ndarray          # clauses × units: share of part groups held
    held: np.ndarray           # units × concept groups
    claimed: np.ndarray        # clauses × units, and the three below
    own: np.ndarray
    related: np.ndarray
    foreign: np.ndarray


def _evidence(text: str, unit: Unit) -> Evidence:
    raw = text[unit.start:unit.end]
    start = unit.start + len(raw) - len(raw.lstrip())
    end = unit.end - (len(raw) - len(raw.rstrip()))
    return Evidence(section=unit.section, quote=text[start:end], start=start, end=end,
                    role=unit.role)  # type: ignore[arg-type]

