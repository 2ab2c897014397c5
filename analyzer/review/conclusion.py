"""The formal conclusion for the school: a Russian letter a methodologist signs (DOCX, PDF via LibreOffice).

Built from a report with the reviewers' decisions applied, or from a batch
store's document row and findings, through one neutral ``Conclusion``: the
organisation, the document (title, date, file, SHA-256), the check (date,
reference and registry versions), a short summary, then numbered required
changes (errors), recommendations (warnings) and notes (info), each with the
quote, its section, the MR point and the wording to add or the exact
citation, and the reviewer's comment. Findings the reviewer dismissed are not
in it; the letter says how many were left out.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from analyzer.batch.store import Store
from analyzer.model import Finding, Report
from analyzer.pipeline import document_date
from analyzer.report.view import SEVERITY_ORDER, build_view, finding_order, shorten, strip_list_mark
from analyzer.review.decisions import reviews_for

PARTS = (("error", "Необходимо внести изменения",
          "Без этих изменений положение не соответствует методическим рекомендациям или законодательству."),
         ("warning", "Рекомендации", "Рекомендуется учесть при доработке положения."),
         ("info", "Замечания", "Уточнения редакционного характера."))
QUOTE_CHARS = 500
SUFFIX = ".заключение.docx"


@dataclass(frozen=True)
class Item:
    severity: str
    code: str
    message: str
    quote: str
    section: str | None
    source: str | None     # MR point or registry field
    fix: str | None
    is_citation: bool      # the fix is the exact citation, not wording to add
    comment: str | None
    accepted: bool


@dataclass(frozen=True)
class Conclusion:
    organisation: str | None
    title: str | None
    document_date: dt.date | None
    source: str
    content_hash: str | None
    checked: dt.date
    reference_version: str
    registry_version: str
    present: int
    applicable: int
    items: tuple[Item, ...]        # not dismissed, errors first, in reading order
    dismissed: int
    reviewer: str | None

    def of(self, severity: str) -> list[Item]:
        return [i for i in self.items if i.severity == severity]


def _item(f: Finding | dict[str, Any], review: Any) -> Item:
    get: Callable[[str], Any] = f.__getitem__ if isinstance(f, dict) else lambda k: getattr(f, k)
    return Item(severity=get("severity"), code=get("code"), message=get("message"), quote=get("quote") or "",
                section=get("section"), source=get("source"), fix=get("fix"), is_citation=bool(get("act")),
                comment=review.comment if review else None, accepted=bool(review and review.decision == "accepted"))


def from_report(report: Report, data: bytes | None, *, reviewer: str | None = None,
                checked: dt.date | None = None) -> Conclusion:
    """The conclusion on ``report`` (decisions applied); ``data`` is the file, for its SHA-256."""
    view = build_view(report, checked)
    findings = sorted(report.findings, key=lambda f: (SEVERITY_ORDER[f.severity], finding_order(f)))
    return Conclusion(
        organisation=report.organisation, title=report.structure.title, document_date=document_date(report.structure),
        source=report.document.source.replace("\\", "/").rsplit("/", 1)[-1],
        content_hash=hashlib.sha256(data).hexdigest() if data is not None else None, checked=view.checked,
        reference_version=report.reference_version, registry_version=report.registry_version,
        present=view.overall.present, applicable=view.overall.applicable,
        items=tuple(_item(f, report.review_of(f.fingerprint)) for f in findings),
        dismissed=len(report.suppressed), reviewer=reviewer)


def from_store(store: Store, document: dict[str, Any], *, reviewer: str | None = None) -> Conclusion:
    """The conclusion on one analysed document of a batch store, with the decisions of its organisation."""
    reviews = reviews_for(store, document.get("organisation") or "")
    kept, dismissed = [], 0
    for f in store.findings(document["id"]):
        review = reviews.get(f.get("fingerprint") or "")
        if review and review.decision == "dismissed":
            dismissed += 1
        else:
            kept.append(_item(f, review))
    applicable = sum(document[f"n_{s}"] or 0 for s in ("present", "partial", "misplaced", "missing"))
    return Conclusion(
        organisation=document.get("organisation_name"), title=document["title"],
        document_date=dt.date.fromisoformat(document["document_date"]) if document.get("document_date") else None,
        source=document["name"], content_hash=document["content_hash"],
        checked=dt.date.fromisoformat(document["created_at"][:10]), reference_version=document["reference_version"],
        registry_version=document["registry_version"], present=document["n_present"] or 0, applicable=applicable,
        items=tuple(kept), dismissed=dismissed, reviewer=reviewer)


def store_conclusions(store: Store, *, reviewer: str | None = None) -> list[tuple[str, Conclusion]]:
    """A conclusion per analysed in-scope document of the store, with a file name for it (ИМЯ.заключение.docx)."""
    documents = [d for d in store.documents() if d["error_code"] is None and d["in_scope"] == 1]
    stems = [Path(d["name"]).stem for d in documents]
    out = []
    for document, stem in zip(documents, stems, strict=True):
        name = re.sub(r'[\\/:*?"<>|]', "_", stem if stems.count(stem) == 1 else f"{stem}-{document['id']}")
        out.append((f"{name}{SUFFIX}", from_store(store, document, reviewer=reviewer)))
    return out


# ------------------------------------------------------------------ rendering
def _date(value: dt.date | None) -> str:
    return value.strftime("%d.%m.%Y") if value else "не указана"


def _paragraph(document: Any, text: str = "", *, bold: bool = False, italic: bool = False, size: float | None = None,
               align: Any = None, space_after: float = 4, indent: float | None = None) -> Any:
    p = document.add_paragraph()
    if text:
        run = p.add_run(text)
        run.bold, run.italic = bold, italic
        if size:
            run.font.size = Pt(size)
    if align is not None:
        p.alignment = align
    p.paragraph_format.space_after = Pt(space_after)
    if indent is not None:
        p.paragraph_format.left_indent = Cm(indent)
    return p


def _labelled(document: Any, label: str, text: str, *, italic: bool = False) -> None:
    p = _paragraph(document, indent=0.75, space_after=2)
    p.add_run(f"{label}: ").bold = True
    p.add_run(text).italic = italic


def _details(document: Any, c: Conclusion) -> None:
    rows = [("Организация", c.organisation or "не указана в документе"),
            ("Документ", c.title or c.source), ("Дата документа", _date(c.document_date)), ("Файл", c.source),
            ("Контрольная сумма файла (SHA-256)", c.content_hash or "—"), ("Дата проверки", _date(c.checked)),
            ("Версия эталона (МР)", c.reference_version), ("Версия реестра правовых актов", c.registry_version)]
    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for label, value in rows:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value
        cells[0].width, cells[1].width = Cm(5.5), Cm(11)
        for paragraph in cells[1].paragraphs:
            for run in paragraph.runs:
                run.font.size = Pt(10 if label.startswith("Контрольная") else 11)
    for column, width in zip(table.columns, (Cm(5.5), Cm(11)), strict=True):
        column.width = width


def _summary(c: Conclusion) -> str:
    counts = {s: len(c.of(s)) for s, _, _ in PARTS}
    share = f" ({round(100 * c.present / c.applicable)} %)" if c.applicable else ""
    text = (f"Положение проверено на соответствие Методическим рекомендациям Минпросвещения России по использованию "
            f"ИКОП «Сферум» и на точность ссылок на нормативные правовые акты. Из {c.applicable} применимых к "
            f"организации положений рекомендаций в документе полностью отражено {c.present}{share}. ")
    if not c.items:
        return text + "Замечаний, требующих доработки документа, нет."
    return text + (f"Необходимо внести изменений: {counts['error']}; рекомендаций: {counts['warning']}; "
                   f"замечаний: {counts['info']}.")


def _item_block(document: Any, number: str, item: Item) -> None:
    p = _paragraph(document, space_after=2)
    p.paragraph_format.keep_with_next = True
    p.add_run(f"{number} ").bold = True
    p.add_run(item.message)
    if item.section:
        _labelled(document, "Пункт положения", item.section)
    if item.quote:
        _labelled(document, "Текст положения", f"«{shorten(strip_list_mark(item.quote), QUOTE_CHARS)}»", italic=True)
    if item.source:
        _labelled(document, "Основание", item.source)
    if item.fix:
        _labelled(document, "Правильная ссылка" if item.is_citation else "Предлагаемая редакция", item.fix)
    if item.comment:
        _labelled(document, "Комментарий методиста", item.comment)
    document.paragraphs[-1].paragraph_format.space_after = Pt(8)


def conclusion_docx(c: Conclusion) -> bytes:
    """The conclusion as a DOCX letter."""
    document = docx.Document()
    section = document.sections[0]
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = "Times New Roman", Pt(12)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "Times New Roman")

    _paragraph(document, "Исх. № ________ от «___» ____________ 20___ г.", space_after=0)
    _paragraph(document, f"Руководителю\n{c.organisation or 'образовательной организации'}",
               align=WD_ALIGN_PARAGRAPH.RIGHT, space_after=18)
    _paragraph(document, "ЗАКЛЮЧЕНИЕ", bold=True, size=14, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=2)
    _paragraph(document, "по результатам проверки локального нормативного акта об использовании "
                         "информационно-коммуникационной образовательной платформы «Сферум»",
               bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=12)
    _details(document, c)
    _paragraph(document, space_after=6)
    _paragraph(document, "1. Общие выводы", bold=True, space_after=4)
    _paragraph(document, _summary(c), align=WD_ALIGN_PARAGRAPH.JUSTIFY, space_after=8)
    part = 1
    for severity, heading, lead in PARTS:
        items = c.of(severity)
        if not items:
            continue
        part += 1
        _paragraph(document, f"{part}. {heading}", bold=True, space_after=2).paragraph_format.keep_with_next = True
        _paragraph(document, lead, italic=True, space_after=6)
        for n, item in enumerate(items, 1):
            _item_block(document, f"{part}.{n}.", item)
    notes = ("Заключение подготовлено по результатам автоматизированной проверки (reglint) и рассмотрения "
             "методистом.")
    if c.dismissed:
        notes += f" Находки, признанные методистом неприменимыми к организации ({c.dismissed}), не включены."
    _paragraph(document, notes, italic=True, size=10, space_after=24)
    signature = document.add_table(rows=3, cols=3)
    cells = signature.rows[0].cells
    cells[0].text, cells[1].text, cells[2].text = "Методист", "____________________", c.reviewer or "______________"
    signature.rows[1].cells[1].text, signature.rows[1].cells[2].text = "(подпись)", "(расшифровка подписи)"
    for cell in signature.rows[1].cells:
        for run in (r for p in cell.paragraphs for r in p.runs):
            run.font.size = Pt(9)
    date = signature.rows[2].cells[0].merge(signature.rows[2].cells[2])
    date.text = "«___» ____________ 20___ г."
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def conclusion_pdf(docx_bytes: bytes, source: str = "conclusion.docx") -> bytes:
    """The DOCX conclusion as PDF through LibreOffice (ConverterMissing when it is not installed)."""
    from analyzer.ingest.office_convert import convert

    return convert(docx_bytes, source, "docx", "pdf")
