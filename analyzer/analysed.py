"""The analysed text of one document: every derived form of ``Document.text``, built once by
``analyse_text`` and passed to structure, scope, citations, matching and checks, so that no stage
repairs, splits or tokenises the text again. Every form has the length of the raw text: an offset
into one is an offset into all, and into ``Document.text``.
"""
from __future__ import annotations

from dataclasses import dataclass

from analyzer.lexicon import repair_ocr
from analyzer.nlp import TokenTable, tokenize
from analyzer.structure.lines import Line, logical_lines, unwrapped


@dataclass(frozen=True)
class AnalysedText:
    raw: str                   # Document.text
    repaired: str              # Latin look-alike letters inside Cyrillic words repaired (lexicon.repair_ocr)
    lines: tuple[Line, ...]    # the logical lines of ``repaired``
    unwrapped: str             # ``raw`` with the line breaks inside each logical line turned into spaces
    tokens: TokenTable         # the words of the repaired unwrapped text, with lemmas and the spaCy Doc


def analyse_text(raw: str) -> AnalysedText:
    repaired = repair_ocr(raw)
    lines = logical_lines(repaired)
    # repair_ocr only rewrites letters inside words, so repairing then unwrapping equals unwrapping then repairing
    return AnalysedText(raw=raw, repaired=repaired, lines=lines, unwrapped=unwrapped(raw, lines),
                        tokens=tokenize(unwrapped(repaired, lines)))
