"""The data model. Each stage reads the previous stage's frozen objects and
produces its own; nothing downstream mutates what upstream made.

    Document ─▶ Structure (sections, approval, defects)
             ─▶ Citations, ClauseMatches ─▶ Findings ─▶ Report

Every span is ``[start, end)`` into ``Document.text``.
"""
from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from analyzer.vocabulary import (
    ActKind,
    ApprovalKind,
    Category,
    ClauseStatus,
    Decision,
    DefectKind,
    DocumentFormat,
    InstitutionType,
    Problem,
    Role,
    SectionKind,
    Severity,
)

if TYPE_CHECKING:
    from analyzer.clause_set import ClauseSet
    from analyzer.registry import Registry

# ----------------------------------------------------------------- document
@dataclass(frozen=True)
class SourceBlock:
    """Where a stretch of ``Document.text`` came from in the source file."""

    start: int
    end: int
    page: int | None = None        # 1-based page (PDF), None elsewhere
    paragraph: int | None = None   # 0-based body paragraph index (DOCX/TXT line block)
    table: bool = False            # the text comes from a table cell


@dataclass(frozen=True)
class Document:
    """A regulation read from a file: canonical plain text plus provenance.

    ``text`` uses ``\\n`` between paragraphs, a blank line never carries meaning;
    automatic numbering (DOCX) is materialised as written text ("1.1. ...").
    """

    source: str
    format: DocumentFormat
    text: str
    title: str | None = None
    pages: int | None = None
    blocks: tuple[SourceBlock, ...] = ()
    warnings: tuple[str, ...] = ()
    ocr: OcrInfo | None = None     # set when some of the text was read from page images

    def locate(self, offset: int) -> SourceBlock | None:
        """The source block holding ``offset``, if the reader recorded one."""
        starts = [b.start for b in self.blocks]
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and self.blocks[i].start <= offset < self.blocks[i].end:
            return self.blocks[i]
        return None


@dataclass(frozen=True)
class OcrWord:
    """A recognised word and its box in the page image (pixels, origin top left)."""

    text: str
    conf: float
    left: int
    top: int
    width: int
    height: int
    line: int       # index of the printed line on its page, in reading order


@dataclass(frozen=True)
class OcrPage:
    """One page image as the OCR engine read it; ``rotation``: degrees turned clockwise before reading.

    ``region`` is the part of the page that was read, in image pixels (left, top, right, bottom),
    when only a picture on a text page was (an approval stamp); None for the whole page.
    """

    page: int
    width: int
    height: int
    dpi: int
    words: tuple[OcrWord, ...] = ()
    rotation: int = 0
    seconds: float = 0.0
    timed_out: bool = False
    settings: str = ""
    region: tuple[int, int, int, int] | None = None
    skew: float = 0.0               # degrees the image was turned counter-clockwise to straighten its lines

    @property
    def mean_confidence(self) -> float:
        return sum(w.conf for w in self.words) / len(self.words) if self.words else 0.0


@dataclass(frozen=True)
class OcrInfo:
    """Provenance of text read by OCR: the engine, the pages it read and the text layers that are OCR output."""

    engine: str
    pages: tuple[OcrPage, ...] = ()
    layer_pages: tuple[int, ...] = ()     # pages whose own text layer is a scanner's OCR (kept as it is)

    @property
    def page_numbers(self) -> tuple[int, ...]:
        return tuple(p.page for p in self.pages if p.words)

    @property
    def timed_out(self) -> tuple[int, ...]:
        return tuple(p.page for p in self.pages if p.timed_out)

    @property
    def mean_confidence(self) -> float | None:
        confs = [w.conf for p in self.pages for w in p.words]
        return round(sum(confs) / len(confs), 1) if confs else None

    def covers(self, page: int | None) -> bool:
        """Whether the text of ``page`` (1-based) is OCR output, ours or the scanner's."""
        return page is not None and (page in self.page_numbers or page in self.layer_pages)


# ---------------------------------------------------------------- structure
@dataclass(frozen=True)
class DateMention:
    """A calendar date written in the text ("29.12.2023", «29» декабря 2023 г.)."""

    value: dt.date | None      # None: written but impossible (31.02.2023)
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class ApprovalBlock:
    """One approval stamp: ПРИНЯТО / УТВЕРЖДАЮ / Утверждено / СОГЛАСОВАНО."""

    kind: ApprovalKind
    start: int
    end: int
    body: str                          # who adopts/approves: "педагогическим советом", "Директор"
    protocol_number: str | None = None
    order_number: str | None = None
    dates: tuple[DateMention, ...] = ()
    signatory: str | None = None


@dataclass(frozen=True)
class Section:
    """A numbered or bulleted unit of the body.

    ``number`` is as written ("2.1", "2.1.", "А)", "-"); ``level`` is the depth
    in the tree (1 = top); ``parent`` indexes ``Structure.sections``.
    ``start``/``end`` cover the section with its children; ``text_end`` ends
    its own text (before the first child).
    """

    number: str | None
    level: int
    kind: SectionKind
    role: Role
    heading: str
    start: int
    end: int
    text_end: int
    parent: int | None = None

    @property
    def label(self) -> str:
        """The number a reviewer would quote ("2.1", "А)") without the trailing dot."""
        return (self.number or "").rstrip(".")


@dataclass(frozen=True)
class StructureDefect:
    """A numbering or layout problem the parser saw."""

    kind: DefectKind
    start: int
    end: int
    detail: str


@dataclass(frozen=True)
class Structure:
    title: str | None
    title_span: tuple[int, int] | None
    approvals: tuple[ApprovalBlock, ...]
    sections: tuple[Section, ...]
    defects: tuple[StructureDefect, ...] = ()
    body_start: int = 0

    def index_at(self, offset: int) -> int | None:
        """Index of the deepest section whose span holds ``offset``."""
        best: int | None = None
        for i, s in enumerate(self.sections):
            if s.start <= offset < s.end and (best is None or s.level >= self.sections[best].level):
                best = i
        return best

    def section_at(self, offset: int) -> Section | None:
        index = self.index_at(offset)
        return None if index is None else self.sections[index]

    def label_of(self, index: int | None) -> str | None:
        """The number a reviewer quotes for a section: a bullet's is its numbered ancestor's."""
        while index is not None:
            section = self.sections[index]
            if section.number and any(ch.isalnum() for ch in section.label):
                return section.label
            index = section.parent
        return None


# ----------------------------------------------------------------- citations
@dataclass(frozen=True)
class CitedAct:
    """What the text says about an act, before linking to the registry."""

    kind: ActKind | None
    issuer: str | None         # as written
    number: str | None         # as written, normalised spacing only
    date: dt.date | None
    date_text: str | None
    title: str | None
    title_end: int | None = None   # where the quoted title ends in Document.text, when it was read
    title_cut: bool = False    # the title's quotes never close: cut off by a line, page or the text's end


@dataclass(frozen=True)
class Citation:
    """A citation of a legal act, linked to the registry and checked."""

    act: str                   # registry id or "unknown"
    quote: str
    start: int
    end: int
    cited: CitedAct
    problems: tuple[Problem, ...] = ()
    correct: str | None = None  # the registry's exact citation


# ------------------------------------------------------------------ matching
@dataclass(frozen=True)
class Evidence:
    section: str | None
    quote: str
    start: int
    end: int
    role: Role | None = None


@dataclass(frozen=True)
class ClauseMatch:
    clause: str
    status: ClauseStatus
    score: float
    evidence: tuple[Evidence, ...] = ()
    reasons: tuple[str, ...] = ()   # machine-readable: "optional", "conditional", "subject", "incomplete", "related_role", "wrong_role"
    lacking: tuple[str, ...] = ()   # Russian names of the parts of the duty the evidence lacks


# ------------------------------------------------------------------ findings
@dataclass(frozen=True)
class Finding:
    code: str                  # RLnnn
    name: str                  # dotted, e.g. legal-ref.wrong-date
    category: Category
    severity: Severity
    message: str               # Russian, for a methodologist
    fix: str | None = None     # the reference wording or the correct citation
    quote: str = ""
    start: int | None = None
    end: int | None = None
    section: str | None = None
    clause: str | None = None
    act: str | None = None
    source: str | None = None  # MR point or registry field
    fingerprint: str = ""      # stable identity across drafts (analyzer.fingerprint)
    ocr: bool = False          # the quote lies on text read by OCR: check it against the original


@dataclass(frozen=True)
class Review:
    """A reviewer's decision on a finding, from the store (analyzer.review.decisions)."""

    fingerprint: str
    decision: Decision | None                           # None: only commented so far
    reviewer: str
    decided_at: str                                     # ISO time, UTC
    reason: str | None = None                           # why it was dismissed
    comment: str | None = None


# -------------------------------------------------------------------- report
@dataclass(frozen=True)
class EditionVerdict:
    """Which text of the recommendations a draft appears to follow, and why."""

    follows: str | None                       # a ReferenceText id, None when undecided
    by: str                                   # "letter" | "wording" | "none"
    letters: tuple[str, ...] = ()             # texts whose covering letter the draft cites
    agreeing: tuple[tuple[str, tuple[str, ...]], ...] = ()   # (text id, clauses worded as that text has them)


@dataclass(frozen=True)
class Report:
    document: Document
    structure: Structure
    institution_type: InstitutionType
    in_scope: bool
    clauses: tuple[ClauseMatch, ...]
    citations: tuple[Citation, ...]
    findings: tuple[Finding, ...]
    reference_version: str
    registry_version: str
    timings: dict[str, float] = field(default_factory=dict, compare=False)
    edition: EditionVerdict | None = None
    organisation: str | None = None   # the organisation's name as written (analyzer.organisation)
    suppressed: tuple[Finding, ...] = ()   # findings a reviewer dismissed (not in ``findings``)
    reviews: tuple[Review, ...] = ()       # the decisions applied, for findings and suppressed alike
    # The reference data the analysis used, so that the writers use the same (never serialised).
    clause_set: ClauseSet | None = field(default=None, compare=False, repr=False)
    registry: Registry | None = field(default=None, compare=False, repr=False)

    def review_of(self, fingerprint: str) -> Review | None:
        return next((r for r in self.reviews if r.fingerprint == fingerprint), None)

    def __getstate__(self) -> dict[str, object]:
        """Pickled (the app's cache) without the reference data: the writers then use the installed one."""
        return {**self.__dict__, "clause_set": None, "registry": None}
