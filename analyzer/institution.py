"""The kind of institution a regulation belongs to, from its name and text.

The organisation's name stands near the top (approval block, title, 1.1), so
cues there weigh three times more than cues elsewhere, where template
remnants of other kinds of organisation are common. The cues are data:
reference/cues.yaml (analyzer.cue_data).
"""
from __future__ import annotations

import itertools

from analyzer.cue_data import load_cue_data
from analyzer.model import InstitutionType

NAME_REGION = 2500
NAME_WEIGHT = 3
REST_CAP = 3


def _best(scores: dict[str, int]) -> str:
    priority = list(scores)   # the order of reference/cues.yaml
    return max(priority, key=lambda kind: (scores[kind], -priority.index(kind)))


def institution_type(text: str) -> InstitutionType:
    """school | college | additional | preschool | unknown."""
    data = load_cue_data()
    masked = data.additional_schools.sub(lambda m: "ДО" + " " * (len(m.group(0)) - 2), text)
    head, rest = masked[:NAME_REGION], masked[NAME_REGION:]
    scores = {kind: NAME_WEIGHT * len(p.findall(head)) for kind, p in data.institution_cues.items()}
    scores["additional"] += NAME_WEIGHT * len(data.additional_schools.findall(text[:NAME_REGION]))
    top = sorted(scores.values(), reverse=True)
    if top[0] - top[1] <= REST_CAP:   # the rest of the text can still tip the balance: count it, capped
        for kind, p in data.institution_cues.items():
            scores[kind] += sum(1 for _ in itertools.islice(p.finditer(rest), REST_CAP))
    best = _best(scores)
    return best if scores[best] > 0 else "unknown"  # type: ignore[return-value]
