"""The gap report as a Word document: summary, coverage by role, what to add,
legal references and all findings — the HTML report's content, for any input.
"""
from __future__ import annotations

import datetime as dt
import io

import docx
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table, _Cell

from analyzer.model import Report
from analyzer.report.view import (
    LEVEL_ONE_RU,
    OCR_MARK,
    SEVERITY_PLURAL_RU,
    STATUS_LETTER,
    STATUS_RU,
    ReportView,
    build_view,
    shorten,
    upper_first,
)
from analyzer.vocabulary import ClauseStatus

# Light fills by status; the letter in the cell carries the meaning in black and white.
FILL = {"present": "DFF3E4", "partial": "FFF1D6", "misplaced": "ECE4F8", "missing": "FDE0E0", "not_applicable": "EEEEEE"}
GAPS: tuple[ClauseStatus, ...] = ("missing", "partial", "misplaced")


def _shade(cell: _Cell, fill: str) -> None:
    shd = OxmlElement("w:shd", attrs={qn("w:val"): "clear", qn("w:color"): "auto", qn("w:fill"): fill})
    cell._tc.get_or_add_tcPr().append(shd)


def _table(document: docx.document.Document, header: tuple[str, ...], rows: list[tuple[str, ...]]) -> Table:
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
    for row in rows:
        for cell, text in zip(table.add_row().cells, row):
            cell.text = text
    return table


def _summary(document: docx.document.Document, view: ReportView) -> None:
    document.add_heading("Отчёт о проверке положения об использовании ИКОП «Сферум»", level=0)
    if view.title:
        document.add_paragraph(view.title).runs[0].bold = True
    for label, value in (("Файл", f"{view.source} ({view.format})"), ("Тип организации", view.institution),
                         ("Дата проверки", f"{view.checked:%d.%m.%Y}"), ("Эталон (МР)", view.reference_version),
                         ("Реестр правовых актов", view.registry_version)):
        p = document.add_paragraph()
        p.add_run(f"{label}: ").bold = True
        p.add_run(value)
    if view.ocr_banner:
        document.add_paragraph().add_run(view.ocr_banner).bold = True
    if not view.in_scope:
        document.add_paragraph("Документ не похож на положение об использовании ИКОП «Сферум» для этого типа "
                               "организации: положения МР к нему не применялись.")
    _table(document, ("Положения", "На месте", "Доля"),
           [("итого" if s.level == "all" else s.label, f"{s.present} из {s.applicable}",
             "—" if s.percent is None else f"{s.percent} %") for s in view.scores])
    document.add_paragraph("Находки: " + "; ".join(f"{SEVERITY_PLURAL_RU[s]} — {n}" for s, n in view.counts.items()))


def _coverage(document: docx.document.Document, view: ReportView) -> None:
    document.add_heading("Полнота по ролям", level=1)
    document.add_paragraph("Обозначения: " + ", ".join(f"{STATUS_LETTER[s]} — {STATUS_RU[s]}" for s in STATUS_LETTER))
    width = max((len(r.clauses) for r in view.roles), default=0)
    table = document.add_table(rows=0, cols=width + 2)
    table.style = "Table Grid"
    for role in view.roles:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = upper_first(role.title), f"{role.present} из {role.applicable}"
        for cell, clause in zip(cells[2:], role.clauses):
            cell.text = clause.letter
            _shade(cell, FILL[clause.status])
    document.add_paragraph()
    for role in view.roles:
        gaps = [c for c in role.clauses if c.status in GAPS]
        if not gaps:
            continue
        document.add_heading(upper_first(role.title), level=2)
        for c in gaps:
            p = document.add_paragraph(style="List Bullet")
            p.add_run(c.title).bold = True
            where = f", п. {c.section}" if c.section else ""
            p.add_run(f" ({c.id}, {LEVEL_ONE_RU[c.level]}, {c.mr}) — {c.status_ru}{where}. " + "; ".join(c.reasons))
            if c.quote:
                document.add_paragraph(f"В документе: «{c.quote}»")
            document.add_paragraph(f"Эталон: {c.wording}")


def _citations(document: docx.document.Document, view: ReportView) -> None:
    document.add_heading("Ссылки на правовые акты", level=1)
    if not view.citations:
        document.add_paragraph("Ссылок на правовые акты в тексте не найдено.")
        return
    _table(document, ("Пункт", "Как указано в документе", "Как должно быть (реестр)", "Статус"),
           [(c.section or "", c.quote, c.correct or "—", "верно" if c.ok else ", ".join(c.problems))
            for c in view.citations])


def _findings(document: docx.document.Document, view: ReportView) -> None:
    document.add_heading(f"Все находки ({len(view.findings)})", level=1)
    _table(document, ("Пункт", "Код", "Важность", "Находка", "Как исправить"),
           [(item.location, item.finding.code, item.severity_ru,
             item.finding.message + (f"\nТекст: «{item.finding.quote}»" if item.finding.quote else "")
             + (f" ({OCR_MARK})" if item.finding.ocr else ""),
             item.finding.fix or "") for item in view.findings])


def gap_report_docx(report: Report, checked: dt.date | None = None) -> bytes:
    """The gap report of ``report`` as DOCX bytes (landscape A4)."""
    view = build_view(report, checked)
    document = docx.Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for margin in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, margin, Cm(1.5))
    document.styles["Normal"].font.size = Pt(10)
    document.core_properties.title = shorten(f"Проверка: {view.title or view.source}", 250)
    document.core_properties.author = "reglint"
    _summary(document, view)
    _coverage(document, view)
    _citations(document, view)
    _findings(document, view)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
