"""Whose duties a section states, from the subject of its heading or lead
sentence, matched on lemmas ("Действия администратора", "Администратор …
назначается", "Функции администратора" → administrator).

A cue counts only at the start of the text, after "frame" words such as
"Действия", "Функции", "Порядок работы": "Педагогический работник …
присоединяется по ссылке администратора" speaks of the teacher.
A section whose parent has a role inherits it; only sections under a neutral
container ("Организация работы участников …", role ``other``) or at the top
level take their own cue. The cues and the frame words are data:
reference/cues.yaml (analyzer.cue_data).
"""
from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from analyzer.cue_data import load_cue_data
from analyzer.lexicon import first_words, parses
from analyzer.model import Role
from analyzer.structure.words import NOMINAL
from analyzer.vocabulary import DUTY_ROLES, TOPIC_ROLES

PARTICIPANT_ROLES = DUTY_ROLES

_WINDOW = 8


@lru_cache(maxsize=50_000)
def _lemmas(word: str) -> frozenset[str]:
    """Nominal readings only: "обучающийся" is not "обучается"."""
    return frozenset(form for form, part in parses(word) if part in NOMINAL or part == "CONJ")


@lru_cache(maxsize=1)
def _cue_table() -> tuple[tuple[tuple[frozenset[str], ...], Role], ...]:
    return tuple((tuple(_lemmas(w) for w in cue.split()), role) for cue, role in load_cue_data().role_cues)


@lru_cache(maxsize=1)
def _frame() -> frozenset[str]:
    return frozenset().union(*(_lemmas(w) for w in load_cue_data().frame_words))


@lru_cache(maxsize=1)
def _cue_index() -> dict[str, tuple[int, ...]]:
    """For a lemma, the places in the cue table of the cues whose first word it is."""
    index: dict[str, list[int]] = {}
    for k, (cue, _) in enumerate(_cue_table()):
        for lemma in cue[0]:
            index.setdefault(lemma, []).append(k)
    return {lemma: tuple(places) for lemma, places in index.items()}


def _matches(words: Sequence[str], at: int, cue: tuple[frozenset[str], ...]) -> bool:
    if at + len(cue) > len(words):
        return False
    return all(_lemmas(words[at + k]) & cue[k] for k in range(len(cue)))


def cue_role(text: str) -> Role | None:
    """The role the text's subject names, or None.

    A word's readings are looked up only when the scan reaches it: most texts stop at their first word.
    """
    window = first_words(text, _WINDOW)
    table, index, frame = _cue_table(), _cue_index(), _frame()
    for at, word in enumerate(window):
        token = _lemmas(word)
        for k in sorted({k for lemma in token for k in index.get(lemma, ())}):  # longer cues first, as listed
            cue, role = table[k]
            if (role not in TOPIC_ROLES or at == 0) and _matches(window, at, cue):
                return role
        if not token & frame:
            return None
    return None


def topic_role(text: str) -> Role | None:
    """A topic cue ("Общие положения", "Права …") at the very start of the text."""
    role = cue_role(text)
    return role if role in TOPIC_ROLES else None


def resolve(parents: Sequence[int | None], cues: Sequence[Role | None],
            lists: Sequence[bool]) -> list[Role]:
    """Each section's role, sections given parents-first.

    A section under a parent with a role takes that role. Under a neutral
    parent, or at the top, it takes its own cue; an uncued top-level section
    is ``other`` when it contains participants' sections (a container such as
    "Организация работы участников …") and ``general`` otherwise.
    """
    containers: set[int] = set()
    for i, cue in enumerate(cues):
        parent = parents[i]
        if cue in PARTICIPANT_ROLES and not lists[i]:
            while parent is not None:
                containers.add(parent)
                parent = parents[parent]
    roles: list[Role] = []
    for i, parent in enumerate(parents):
        if parent is not None and roles[parent] != "other":
            roles.append(roles[parent])
        elif cues[i] is not None:
            roles.append(cues[i])  # type: ignore[arg-type]
        elif parent is None and i not in containers:
            roles.append("general")
        else:
            roles.append("other")
    return roles
