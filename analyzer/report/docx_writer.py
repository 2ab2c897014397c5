"""Reports inside Word: the methodologist's own DOCX with comments, the same
draft corrected with tracked changes, and a DOCX gap report for any input.

    annotate_docx(report, source)   a comment at each finding's words + a summary comment
    fix_docx(report, source)        missing required duties inserted, wrong citations replaced
    gap_report_docx(report)         the HTML report's content as a Word document
"""
from __future__ import annotations

import datetime as dt
import io
import re

import docx
from docx.text.run import Run
from lxml import etree
from lxml.etree import _Element

from analyzer.ingest.text import normalise
from analyzer.model import Document, Finding, Report, SourceBlock
from analyzer.report.citation_fixes import CitationFix
from analyzer.report.docx_gap import gap_report_docx
from analyzer.report.docx_runs import anchor, anchor_runs, body_paragraphs, paragraph_text, runs_between, visible_runs
from analyzer.report.fix_plan import Insertion, Rewording, plan_fixes
from analyzer.report.revisions import AUTHOR, Revisions
from analyzer.report.view import SEVERITY_RU, ReportView, build_view, strip_list_mark, upper_first

__all__ = ["annotate_docx", "fix_docx", "gap_report_docx"]

INITIALS = "RL"
_NUMBER_MARK = re.compile(r"(.*?)(\d+)([.)]?)")
_LETTER_MARK = re.compile(r"([а-яa-z])([.)])", re.IGNORECASE)


# ------------------------------------------------------------------ comments
def _comment_text(f: Finding) -> str:
    lines = [f"{f.code} ({SEVERITY_RU[f.severity]}): {f.message}"]
    if f.fix:
        lines.append(f"Предлагаемая формулировка: {f.fix}")
    return "\n".join(lines)


def _summary_text(view: ReportView) -> str:
    scores = "; ".join(f"{s.label} — {s.present} из {s.applicable}" for s in view.scores[:-1])
    counts = ", ".join(f"{SEVERITY_RU[s]}: {n}" for s, n in view.counts.items())
    overall = view.overall
    lines = [(f"Проверка reglint от {view.checked:%d.%m.%Y}: положений на месте {overall.present} из "
              f"{overall.applicable} ({overall.percent or 0} %); {scores}."),
             f"Находки — {counts}. Тип организации: {view.institution}."]
    missing = [item.finding for item in view.findings if item.finding.start is None]
    if missing:
        lines.append("Нет в тексте (добавьте):")
        lines += [f"• {f.message.removeprefix('Нет положения: ')} ({f.source or f.code})" for f in missing]
    return "\n".join(lines)


def _open(source: bytes) -> docx.document.Document:
    """The DOCX ``source`` for editing, with no entity references left in any XML part.

    Entities are never resolved when reading (python-docx's parser), so a part that declares one keeps
    a reference node, and saving drops the declaration but not the reference: XML that Word, python-docx
    and LibreOffice refuse. The references go, their text never having been read either.
    """
    document = docx.Document(io.BytesIO(source))
    for part in document.part.package.iter_parts():
        element = getattr(part, "_element", None)
        if element is not None:
            etree.strip_elements(element, etree.Entity, with_tail=False)
    return document


def annotate_docx(report: Report, source: bytes, checked: dt.date | None = None) -> bytes:
    """The DOCX ``source`` with a Word comment at each finding that has a place, and a summary comment."""
    document = _open(source)
    paragraphs = body_paragraphs(document.element.body)
    view = build_view(report, checked)
    for item in view.findings:
        f = item.finding
        if f.start is None or f.end is None:
            continue
        found = anchor(report.document, paragraphs, f.start, f.end)
        runs = (anchor_runs(found) or visible_runs(found.first)) if found else []
        if runs:
            document.add_comment([Run(runs[0], document), Run(runs[-1], document)], text=_comment_text(f),
                                 author=AUTHOR, initials=INITIALS)
    first = next((paragraphs[b.paragraph] for b in report.document.blocks
                  if b.paragraph is not None and visible_runs(paragraphs[b.paragraph])), None)
    if first is not None:
        runs = visible_runs(first)
        document.add_comment([Run(runs[0], document), Run(runs[-1], document)], text=_summary_text(view),
                             author=AUTHOR, initials=INITIALS)
    return _save(document)


def next_mark(mark: str) -> str:
    """The list mark after ``mark``: "2.5." → "2.6.", "б)" → "в)", a bullet stays."""
    if m := _NUMBER_MARK.fullmatch(mark):
        return f"{m.group(1)}{int(m.group(2)) + 1}{m.group(3)}"
    if m := _LETTER_MARK.fullmatch(mark):
        return chr(ord(m.group(1)) + 1) + m.group(2)
    return mark


class _Inserter:
    """Adds the planned paragraphs after their anchors, continuing the anchor's list.

    After a typed list mark ("2.5.", "-") the new paragraph gets the next one;
    after a paragraph Word numbers itself the copied paragraph properties number
    it; a paragraph that is no list item starts with a capital. A new role's
    lead is formatted and numbered like the section it follows, its duties like
    that section's last item.
    """

    def __init__(self, revisions: Revisions, document: Document, paragraphs: list[_Element]):
        self.revisions, self.document, self.paragraphs = revisions, document, paragraphs
        self.last: dict[int, _Element] = {}       # anchor paragraph → the paragraph inserted last after it
        self.marks: dict[int, str | None] = {}    # paragraph whose list we continue → the typed mark in use
        self.leads: set[tuple[int, str]] = set()

    def _list_mark(self, block: SourceBlock) -> str | None:
        text = self.document.text[block.start:block.end]
        return text[:len(text) - len(strip_list_mark(text))].strip() or None

    def _continued(self, block: SourceBlock, text: str) -> str:
        """``text`` as the next item of the list ``block`` belongs to."""
        index = _paragraph(block)
        if index not in self.marks:
            mark = self._list_mark(block)
            typed = normalise(paragraph_text(self.paragraphs[index])).lstrip()
            self.marks[index] = mark if mark and typed.startswith(mark) else None
        if current := self.marks[index]:
            self.marks[index] = next_mark(current)
            return f"{self.marks[index]} {text}"
        return text if self._list_mark(block) else upper_first(text)

    def _add(self, after: SourceBlock, text: str, like: SourceBlock) -> None:
        index = _paragraph(after)
        previous = self.last.get(index, self.paragraphs[index])
        self.last[index] = self.revisions.insert_paragraph_after(previous, text, like=self.paragraphs[_paragraph(like)])

    def add(self, ins: Insertion) -> None:
        if ins.lead and (_paragraph(ins.after), ins.lead) not in self.leads:
            self.leads.add((_paragraph(ins.after), ins.lead))
            like = ins.like or ins.after
            self._add(ins.after, self._continued(like, ins.lead), like=like)
        self._add(ins.after, self._continued(ins.after, ins.wording), like=ins.after)


def _paragraph(block: SourceBlock) -> int:
    """The DOCX paragraph of a block the fix plan anchors to (the plan anchors only to DOCX blocks)."""
    assert block.paragraph is not None
    return block.paragraph


def _max_id(body: _Element) -> int:
    ids = [int(v) for v in body.xpath("//@w:id") if str(v).isdigit()]
    return max(ids, default=0)


def fix_docx(report: Report, source: bytes, when: dt.datetime | None = None) -> bytes:
    """The DOCX ``source`` with the fixes of :func:`plan_fixes` as tracked changes by «reglint»."""
    document = _open(source)
    body = document.element.body
    paragraphs = body_paragraphs(body)
    plan = plan_fixes(report)
    revisions = Revisions(when, first_id=_max_id(body) + 1)
    fixes: list[Rewording | CitationFix] = [*plan.rewordings, *plan.citations]
    for fix in fixes:
        found = anchor(report.document, paragraphs, fix.start, fix.end)
        if found and found.one_paragraph:
            runs = runs_between(found.first, found.first_offset, found.last_end)
            if runs:
                revisions.replace_runs(runs, fix.text)
    inserter = _Inserter(revisions, report.document, paragraphs)
    for insertion in plan.insertions:
        inserter.add(insertion)
    return _save(document)


def _save(document: docx.document.Document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()

