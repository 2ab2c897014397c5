"""Which organisation a regulation belongs to: its name as written near the top.

Reviewers' decisions follow an organisation from draft to draft, so the name
must be read the same way from every draft of one regulation. The first
abbreviated legal form («МАОУ», «ГБУ ДО ДДТ», «ТОГАПОУ») followed by a quoted
name or a school number in the head of the document is taken; the key that
scopes fingerprints and decisions is the form's first word and the name, in
lower case, without punctuation («гбу град чудес», «гбоу №59»), so that the
case endings of «школы №59» / «школе №59» and re-wrapping do not matter.
"""
from __future__ import annotations

import re

HEAD_CHARS = 2500
_FORM = r"(?P<form>\b[А-ЯЁ]{0,7}У(?:\s+(?:ДО|ВО|СПО))?(?:\s+[А-ЯЁ]{2,5})?)"
QUOTED = re.compile(_FORM + r"\s*«(?P<name>[^«»\n]{2,80}(?:«[^«»\n]{1,40}»[^«»\n]{0,40})?)»")
NUMBERED = re.compile(r"(?P<form>\b[А-ЯЁ]{0,7}ОУ)\s+(?P<kind>(?:СОШ|ООШ|школ\w*|гимнази\w*|лице\w*)\s*)?"
                      r"№\s*(?P<number>\d+)")


def organisation_name(text: str) -> str | None:
    """The organisation's short name as written («ГБУ ДО ДДТ «Град чудес»»), None if the head names none."""
    head = text[:HEAD_CHARS]
    found = [m for m in (QUOTED.search(head), NUMBERED.search(head)) if m]
    if not found:
        return None
    first = min(found, key=lambda m: m.start())
    return " ".join(first.group(0).split())


def organisation_key(name: str | None) -> str:
    """The scope of fingerprints and decisions: legal form's first word and the name, "" when unknown."""
    if not name:
        return ""
    numbered = NUMBERED.fullmatch(name)
    if numbered:
        return f"{numbered['form'].lower()} №{numbered['number']}"
    quoted = QUOTED.fullmatch(name)
    words = re.findall(r"[^\W_]+", (quoted["name"] if quoted else name).lower().replace("ё", "е"))
    form = quoted["form"].split()[0].lower() if quoted else ""
    return " ".join(filter(None, (form, *words)))
