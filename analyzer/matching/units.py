"""Matching units: the sentences and list items of the body, with their role.

A unit ending with a colon ("создает чаты:") also yields a list unit that
joins it with the items that follow it in the same role, so that a compound
duty whose parts stand in separate bullets can be recognised as one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import compress
from operator import not_

from analyzer.model import Structure
from analyzer.nlp import TokenTable
from analyzer.structure.roles import PARTICIPANT_ROLES, cue_role

LIST_WINDOW = 6
NEUTRAL_ROLES = frozenset({"general", "other", "organisation"})
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[А-ЯЁA-Z«\"])")
_ABBREVIATION = re.compile(r"(?:\b[А-ЯЁA-Zа-яё]|\bг|\bст|\bп|\bпп|\bим|\bт|\bд|\bр|\bруб|\bтел|\bул)\.$")


@dataclass(frozen=True)
class Unit:
    start: int
    end: int
    role: str
    section: str | None
    lemmas: frozenset[str]
    sentences: tuple[int, ...]     # indexes of the sentence units it is made of; [0] introduces a list
    sequence: tuple[str, ...]      # all lemmas in order (conflict patterns)
    key: str                       # content lemmas joined (fuzzy scoring)
    is_list: bool = False


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    cursor = start
    for m in _SENTENCE_END.finditer(text, start, end):
        if _ABBREVIATION.search(text[max(cursor, m.start() - 6):m.start()]):
            continue
        spans.append((cursor, m.start()))
        cursor = m.end()
    spans.append((cursor, end))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _role(section_role: str, sentence: str) -> str:
    """A sentence in a neutral section that names its subject ("Педагоги создают …") speaks of that role."""
    if section_role in NEUTRAL_ROLES:
        cue = cue_role(sentence)
        if cue in PARTICIPANT_ROLES:
            return cue
    return section_role


def _unit(tokens: TokenTable, start: int, end: int, role: str, section: str | None,
          sentences: tuple[int, ...], is_list: bool = False) -> Unit:
    words = tokens.between(start, end)
    lemmas = tokens.lemmas[words]
    return Unit(start=start, end=end, role=role, section=section, lemmas=frozenset(lemmas), sentences=sentences,
                sequence=lemmas, key=" ".join(compress(lemmas, map(not_, tokens.stops[words]))), is_list=is_list)


def build_units(text: str, structure: Structure, tokens: TokenTable) -> tuple[Unit, ...]:
    """Sentence units of every body section, then list units for colon items."""
    units: list[Unit] = []
    for index, section in enumerate(structure.sections):
        if section.role == "approval" or section.start < structure.body_start:
            continue
        label = structure.label_of(index)
        for s, e in _sentences(text, section.start, section.text_end):
            if tokens.lemmas[tokens.between(s, e)]:
                units.append(_unit(tokens, s, e, _role(section.role, text[s:e]), label, (len(units),)))
    lists: list[Unit] = []
    for i, unit in enumerate(units):
        if not text[unit.start:unit.end].rstrip().endswith(":"):
            continue
        followers: list[Unit] = []
        for follower in units[i + 1:i + 1 + LIST_WINDOW]:
            if follower.role != unit.role or text[follower.start:follower.end].rstrip().endswith(":"):
                break
            followers.append(follower)
        if followers:
            sentences = (i, *(i + 1 + k for k in range(len(followers))))
            lists.append(_unit(tokens, unit.start, followers[-1].end, unit.role, unit.section, sentences, True))
    return tuple(units + lists)
