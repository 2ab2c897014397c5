"""The kind of institution a regulation belongs to, from its name and text.

The organisation's name stands near the top (approval block, title, 1.1), so
cues there weigh three times more than cues elsewhere, where template
remnants of other kinds of organisation are common.
"""
from __future__ import annotations

import itertools
import re

from analyzer.model import InstitutionType

NAME_REGION = 2500
NAME_WEIGHT = 3
REST_CAP = 3

# Names of additional-education schools contain «школа»; they are masked
# before the school cues are counted.
ADDITIONAL_SCHOOLS = re.compile(
    r"(?:спортивн\w*|музыкальн\w*|художественн\w*|хореографическ\w*)\s+школ\w*|школ\w*\s+искусств|"
    r"\bД(?:Ю)?СШ\w*\b|\bСШОР\b|\bДШИ\b|\bДМШ\b|\bДХШ\b|школ\w*\s+олимпийского", re.IGNORECASE)
CUES: dict[str, re.Pattern[str]] = {
    "preschool": re.compile(r"детск\w*\s+сад\w*|\b\w{0,3}ДОУ\b|дошкольн\w*\s+образовательн\w*\s+(?:учрежд|организ)", re.IGNORECASE),
    "college": re.compile(r"колледж\w*|техникум\w*|\b\w{0,4}П[О]?У\b|профессиональн\w*\s+образовательн\w*\s+(?:учрежд|организ)"
                          r"|\bСПО\b|училищ\w*", re.IGNORECASE),
    "additional": re.compile(r"(?:учреждени\w*|организаци\w*|центр\w*)\s+дополнительного\s+образования|\bДДТ\b|\bЦДТ\b|\bЦДО\b"
                             r"|\bДЮЦ\b|дом\w*\s+детского\s+творчества|дворц\w*\s+(?:детского|творчества)"
                             r"|центр\w*\s+детского\s+творчества|\b[МГ]\w{0,3}У\s+ДО\b|\bДО\s+(?:ДДТ|ЦДТ|ЦДО)|"
                             r"станци\w*\s+юных", re.IGNORECASE),
    "school": re.compile(r"общеобразовательн\w*\s+(?:учрежд|организ|школ)\w*|\bСОШ\b|\bООШ\b|\bшкол[аыеуойи]\b|\bшколе\b"
                         r"|гимнази\w*|лице[йяюе]\w*|центр\w*\s+образования", re.IGNORECASE),
}
PRIORITY = ("preschool", "college", "additional", "school")


def _best(scores: dict[str, int]) -> str:
    return max(PRIORITY, key=lambda kind: (scores[kind], -PRIORITY.index(kind)))


def institution_type(text: str) -> InstitutionType:
    """school | college | additional | preschool | unknown."""
    masked = ADDITIONAL_SCHOOLS.sub(lambda m: "ДО" + " " * (len(m.group(0)) - 2), text)
    head, rest = masked[:NAME_REGION], masked[NAME_REGION:]
    scores = {kind: NAME_WEIGHT * len(p.findall(head)) for kind, p in CUES.items()}
    scores["additional"] += NAME_WEIGHT * len(ADDITIONAL_SCHOOLS.findall(text[:NAME_REGION]))
    top = sorted(scores.values(), reverse=True)
    if top[0] - top[1] <= REST_CAP:   # the rest of the text can still tip the balance: count it, capped
        for kind, p in CUES.items():
            scores[kind] += sum(1 for _ in itertools.islice(p.finditer(rest), REST_CAP))
    best = _best(scores)
    return best if scores[best] > 0 else "unknown"  # type: ignore[return-value]
