"""Link each citation found in a regulation to the registry and check it.

Linking weighs what the citation says against each act: the number (Latin
look-alikes folded, so "P-210" still finds "Р-210"), the date, the title
(rapidfuzz over lemmas), the kind and the issuing body. An act is linked only
on two agreeing facts — a number with the kind, body, date or title; a date
with the title; or, when neither number nor date contradicts, a date with kind
and body or a title with kind or body — so that a made-up "№ 999", or a
letter that merely shares a stock title, stays "unknown".

The checks then compare the citation with the linked act. A problem that
depends on a fact the registry marks unverified (or on a status "unknown") is
never reported: the registry's ``unverified`` list is the authority.

A citation by title alone (no number, no date) links only when its title
names one act of the registry; it is never "without a number", and a title
whose quotes never close (cut off by a line, a page or the text's end) is
wrong only when it does not begin the act's title. An act the registry does
not know is listed as not checked, with what was read; "unknown" is a
problem only when nothing identifies the act (neither number nor title).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from analyzer.model import Citation, CitedAct
from analyzer.recognizers.legal_acts import find_citations, issuer_body
from analyzer.registry import Act, Registry, begins_title, number_key, same_title, title_similarity
from analyzer.vocabulary import ActStatus, Problem

TITLE_LINK = 85.0          # rapidfuzz ratio over lemmas for a title to count as evidence
ENDED: tuple[ActStatus, ...] = ("repealed", "expired")


@dataclass(frozen=True)
class _Evidence:
    number: bool
    date: bool
    title: float
    kind: bool
    body: bool
    number_conflict: bool    # both give a number and they differ (verified or not: it tells acts apart)
    date_conflict: bool
    code: bool               # a sanitary-rules code of the act: it names one act alone

    @property
    def links(self) -> bool:
        title = self.title >= TITLE_LINK
        conflict = self.number_conflict or self.date_conflict
        return (self.code
                or (self.number and (self.kind or self.body or self.date or title))
                or (self.date and title)
                or (not conflict and ((self.date and self.kind and self.body) or (title and (self.kind or self.body)))))

    @property
    def weight(self) -> tuple[int, float]:
        return 8 * self.number + 4 * self.date + 4 * (self.title >= TITLE_LINK) + 2 * self.kind + self.body, self.title


def _bodies(act: Act) -> set[str]:
    return {b for b in map(issuer_body, (act.issuer, *act.issuer_aliases)) if b}


def _body_matches(cited: CitedAct, act: Act) -> bool:
    if cited.issuer is None:
        return cited.kind == act.kind_code == "federal_law"
    return issuer_body(cited.issuer) in _bodies(act)


def _evidence(cited: CitedAct, act: Act, by_number: tuple[Act, ...]) -> _Evidence:
    title = max((title_similarity(cited.title, t) for t in act.title_forms()), default=0.0) if cited.title else 0.0
    return _Evidence(
        number=act in by_number, date=cited.date is not None and cited.date == act.date, title=title,
        kind=cited.kind == act.kind_code, body=_body_matches(cited, act),
        number_conflict=bool(cited.number and act.number) and act not in by_number,
        date_conflict=cited.date is not None and act.date is not None and cited.date != act.date,
        code=cited.kind == "sanitary_rules" and act in by_number)


def link(cited: CitedAct, registry: Registry) -> Act | None:
    """The registry act a citation refers to, or None when nothing agrees enough."""
    if cited.kind == "sanitary_rules":
        by_number = registry.by_code(cited.number or "")
    else:
        by_number = registry.by_number(cited.number) if cited.number else ()
    by_title = registry.by_title(cited.title, TITLE_LINK) if cited.title else []
    candidates = {*by_number, *(registry.by_date(cited.date) if cited.date else ()), *(act for act, _ in by_title)}
    scored = [(e.weight, act.id, act) for act in candidates if (e := _evidence(cited, act, by_number)).links]
    if not cited.number and not cited.date and len(scored) > 1:
        return None   # a title shared by several acts names none of them
    return max(scored)[2] if scored else None


def _ended(act: Act, on: dt.date) -> Problem | None:
    """"repealed" or "expired" when a confirmed fact says the act was out of force on ``on``."""
    temporary = act.status == "expired" or any(s.status == "expired" for s in act.snapshots)
    if act.confirmed("in_force_until") and act.in_force_until and act.in_force_until < on:
        return "expired" if temporary else "repealed"
    if act.confirmed("valid_until") and act.valid_until and act.valid_until <= on:
        return "expired"
    for snap in act.snapshots:
        if snap.on <= on and snap.status in ENDED and act.confirmed(snap.field):
            return "expired" if snap.status == "expired" else "repealed"
    return None


def _not_yet(act: Act, on: dt.date) -> bool:
    if act.confirmed("in_force_from") and act.in_force_from and on < act.in_force_from:
        return True
    return any(snap.on >= on and snap.status == "not_yet_in_force" and act.confirmed(snap.field)
               for snap in act.snapshots)


def _titles(cited: CitedAct, act: Act) -> list[str]:
    """The accepted titles; after a sanitary code, also what follows the code in them."""
    titles = [t for t in (act.title, *act.aliases, *act.short_titles) if t]
    if cited.kind == "sanitary_rules" and cited.number:
        titles += [t.split(cited.number, 1)[1] for t in titles if cited.number in t]
    return titles


def problems(cited: CitedAct, act: Act, document_date: dt.date | None, today: dt.date) -> tuple[Problem, ...]:
    """What is wrong with a citation of ``act``, as the names of spec/gold-format.md."""
    found: list[Problem] = []
    code = cited.kind == "sanitary_rules"   # the code stands for kind and number
    if cited.date_text and act.confirmed("date") and cited.date != act.date:
        found.append("wrong_date")
    if not code and cited.number and act.number and act.confirmed("number") and \
            number_key(cited.number, fold=False) != number_key(act.number, fold=False):
        found.append("wrong_number")
    if not code and not cited.number and cited.date_text:
        found.append("missing_number")
    if cited.title and act.confirmed("title") and not any(
            same_title(cited.title, t) or (cited.title_cut and begins_title(cited.title, t)) for t in _titles(cited, act)):
        found.append("wrong_title")
    if not code and act.confirmed("kind") and act.confirmed("issuer") and \
            (cited.kind != act.kind_code or not _body_matches(cited, act)):
        found.append("wrong_kind")
    if ended := _ended(act, document_date or today):
        found.append(ended)
    if document_date and _not_yet(act, document_date):
        found.append("not_yet_in_force")
    return tuple(found)


def identifies(cited: CitedAct) -> bool:
    """Whether a citation says enough to name an act: a number or a title."""
    return bool(cited.number or cited.title)


def check_citations(text: str, registry: Registry, document_date: dt.date | None,
                    today: dt.date, repaired: str | None = None) -> tuple[Citation, ...]:
    """Every citation in ``text``, linked to the registry and checked (``repaired``: the document's
    OCR-repaired text when the caller has it).

    Status is judged on ``document_date``, or on ``today`` for an undated
    document (which is then never "not yet in force").
    """
    result = []
    for start, end, cited in find_citations(text, registry.short_titles, repaired):
        act = link(cited, registry)
        unknown: tuple[Problem, ...] = () if identifies(cited) else ("unknown",)
        result.append(Citation(
            act=act.id if act else "unknown", quote=text[start:end], start=start, end=end, cited=cited,
            problems=problems(cited, act, document_date, today) if act else unknown,
            correct=act.citation if act else None))
    return tuple(result)
