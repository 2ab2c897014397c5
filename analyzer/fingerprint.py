"""Stable identity of a finding across drafts of one regulation.

A fingerprint is a hash of what the finding *is*: its code, the clause or act
it concerns, the quoted wording (normalised), the organisation, and — for
findings identical in all of these — their order among themselves. Offsets,
section numbers, line breaks, list marks, letter case, punctuation, the file
name and the format do not enter it, so re-wrapping, renumbering, moving a
section, fixing another finding or saving the same text in another format
keeps it; another clause, act, code or quoted wording changes it.
"""
from __future__ import annotations

import dataclasses
import hashlib
import re
from collections import Counter
from collections.abc import Iterable

from analyzer.model import Finding
from analyzer.organisation import organisation_key

LENGTH = 16
# A list mark or a section number at the start of a quote ("- ", "2.1.", "1.2 ", "5. ", "А)"); dates stay.
_LEADING_MARK = re.compile(r"^(?:[-–—•·▪●*#>]+\s*|\d{1,2}(?:\.\d{1,2}){1,3}\.?(?:\s+|(?=[^\W\d_]))"
                           r"|\d{1,2}[.)](?:\s+|(?=[^\W\d_]))|[а-яёa-z][.)]\s+)", re.IGNORECASE)
_WORD = re.compile(r"[^\W_]+")


def _unmarked(line: str) -> str:
    line = line.strip()
    while (stripped := _LEADING_MARK.sub("", line, count=1)) != line:
        line = stripped.strip()
    return line


def normalise_quote(quote: str) -> str:
    """The quoted words in lower case, without the list marks and section numbers that open its lines,
    punctuation or line breaks."""
    text = "\n".join(_unmarked(line) for line in quote.split("\n"))
    return " ".join(_WORD.findall(text.lower().replace("ё", "е")))


def _identity(finding: Finding, organisation: str) -> tuple[str, ...]:
    # without spaces: a PDF reader may lose the space a tab stood for ("образовательная\tплатформа")
    words = normalise_quote(finding.quote).replace(" ", "")
    return organisation, finding.code, finding.clause or "", finding.act or "", words


def fingerprint_findings(findings: Iterable[Finding], organisation: str | None) -> tuple[Finding, ...]:
    """``findings`` with their fingerprints set; ``organisation`` is the name as written (None: unknown)."""
    key = organisation_key(organisation)
    seen: Counter[tuple[str, ...]] = Counter()
    ordered = sorted(enumerate(findings), key=lambda pair: (pair[1].start is None, pair[1].start or 0, pair[0]))
    prints: dict[int, str] = {}
    for index, finding in ordered:
        identity = _identity(finding, key)
        occurrence = seen[identity]
        seen[identity] += 1
        digest = hashlib.sha256("\x1f".join((*identity, str(occurrence))).encode("utf-8")).hexdigest()
        prints[index] = digest[:LENGTH]
    return tuple(dataclasses.replace(f, fingerprint=prints[i]) for i, f in enumerate(findings))
