"""The registry's citation put in place of a wrongly cited act, as the corrected draft writes it.

The replaced stretch is the citation's requisites and, when the registry's
citation carries a title, the quoted title that follows them. The kind of act
takes the grammatical case the draft used («в соответствии с Распоряжением …»
stays instrumental), so that accepting the change leaves a sentence that reads.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from analyzer.lexicon import morph
from analyzer.model import Citation, Report
from analyzer.registry import Registry, load_registry

FIXABLE = frozenset({"wrong_date", "wrong_number", "wrong_title", "wrong_kind"})
_NOTE = re.compile(r"\s*\(реквизиты не подтверждены[^()]*\)\s*$")
_KIND_LEMMAS = frozenset({"закон", "постановление", "приказ", "письмо", "распоряжение", "федеральный"})
_WORD = re.compile(r"[А-Яа-яЁё]+")
_OPENING_QUOTES = frozenset("«“„\"")


@dataclass(frozen=True)
class CitationFix:
    start: int
    end: int
    text: str
    act: str


def _case(word: str) -> str | None:
    """The grammatical case of a kind-of-act word as written ("Распоряжением" → "ablt")."""
    for parse in morph().parse(word):
        if parse.normal_form in _KIND_LEMMAS and parse.tag.case:
            return str(parse.tag.case)
    return None


def _inflect(phrase: str, case: str) -> str:
    out = []
    for word in phrase.split():
        form = morph().parse(word)[0].inflect({case, "sing"})
        out.append(form.word if form else word.lower())
    return " ".join(out)


def _in_case_of(correct: str, kind: str, quote: str) -> str:
    """``correct`` (starting with the act's ``kind``) with the kind in the case and capitalisation of ``quote``."""
    first = _WORD.match(quote)
    case = _case(first.group(0)) if first else None
    if not case or not correct.lower().startswith(kind.lower()):
        return correct
    phrase = _inflect(kind, case)
    phrase = phrase[:1].upper() + phrase[1:] if quote[:1].isupper() else phrase
    return phrase + correct[len(kind):]


def _end(text: str, citation: Citation, correct: str) -> int:
    """Where the replaced stretch ends: past the title when the registry's citation has one."""
    if "«" not in correct or (citation.cited.title and citation.cited.title in citation.quote):
        return citation.end
    title_end = citation.cited.title_end   # the title the recognizer read after the requisites
    opens_title = text[citation.end:].lstrip(" \t")[:1] in _OPENING_QUOTES
    return title_end if opens_title and title_end and title_end > citation.end else citation.end


def citation_fix(text: str, citation: Citation, registry: Registry) -> CitationFix | None:
    """The replacement for one citation, or None when it needs none or the registry has no citation."""
    if not FIXABLE & set(citation.problems) or not citation.correct or citation.act == "unknown":
        return None
    act = registry.get(citation.act)
    correct = _NOTE.sub("", citation.correct)
    return CitationFix(citation.start, _end(text, citation, correct),
                       _in_case_of(correct, act.kind, citation.quote), act.id)


def citation_fixes(report: Report) -> list[CitationFix]:
    registry, text = report.registry or load_registry(), report.document.text
    return [fix for c in report.citations if (fix := citation_fix(text, c, registry))]
