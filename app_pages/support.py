"""Tables and markup for the web service (app.py, app_pages/).

The figures and Russian labels come from analyzer.report.view, shared with the
other writers; here they are only laid out as DataFrames and HTML. Nothing
here imports streamlit, and document text is always escaped: it is untrusted.
"""
from __future__ import annotations

import html
import io
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import altair as alt
import pandas as pd
from pandas.io.formats.style import Styler

from analyzer import Finding, Report
from analyzer.batch.exports import Table, export
from analyzer.batch.html_summary import most_missing
from analyzer.batch.store import Store
from analyzer.clause_set import ClauseSet
from analyzer.errors import InputError, OutputError, StoreError
from analyzer.model import Review, Role
from analyzer.registry import Registry
from analyzer.report.diffview import side
from analyzer.report.view import FindingView, ReportView, reason_label
from analyzer.review.conclusion import conclusion_docx, store_conclusions
from analyzer.vocabulary import (
    ACT_STATUS_RU,
    APPROVAL_RU,
    CATEGORY_RU,
    DECISION_RU,
    INSTITUTION_SHORT_RU,
    LEVEL_ONE_RU,
    PROBLEM_RU,
    PROBLEMS,
    SEVERITY_RU,
    STATEMENT_HOW_RU,
    STATUS_RU,
    ExportFormat,
)

STATUS_COLOURS = {STATUS_RU["present"]: "#d4edda", STATUS_RU["partial"]: "#fff3cd",
                  STATUS_RU["misplaced"]: "#ffe0b2", STATUS_RU["missing"]: "#f8d7da",
                  STATUS_RU["not_applicable"]: "#e9ecef"}
STATUS_CHART_COLOURS = {STATUS_RU["present"]: "#43a047", STATUS_RU["partial"]: "#fbc02d",
                        STATUS_RU["misplaced"]: "#8e7cc3", STATUS_RU["missing"]: "#e53935",
                        STATUS_RU["not_applicable"]: "#cfd8dc"}
BADGES = {"error": "red", "warning": "orange", "info": "blue"}
# A web batch is held in memory while it runs; larger audits go through `reglint batch`.
NEW_WORKSPACE = "➕ новая рабочая область…"   # the batch page's choice that creates a workspace
BATCH_MAX_FILES = 300
BATCH_MAX_BYTES = 300 * 1024 ** 2
_DIFF_STYLE = {"delete": "background:#f8d7da;text-decoration:line-through", "insert": "background:#d4edda",
               "replace": "background:#fff3cd"}


def escape_markdown(text: str) -> str:
    """Text shown through st.markdown with no markup of its own.

    Every ASCII punctuation mark may be backslash-escaped in CommonMark; this
    also covers Streamlit's own ":" (emoji, colour directives) and "$" (LaTeX).
    """
    escaped = "".join(f"\\{ch}" if ch.isascii() and not ch.isalnum() and not ch.isspace() else ch for ch in text)
    return escaped.replace("\n", "  \n")


def finding_markdown(finding: Finding) -> str:
    """A finding as Streamlit markdown: severity badge, code, category, message, quote and fix."""
    badge = f":{BADGES[finding.severity]}-badge[{SEVERITY_RU[finding.severity]}]"
    category = CATEGORY_RU.get(finding.category, finding.category)
    lines = [f"{badge} **{finding.code}** · {category}  \n{escape_markdown(finding.message)}"]
    if finding.quote:
        lines.append(f"> {escape_markdown(finding.quote)}")
    if finding.fix:
        lines.append(f"**Как исправить:** {escape_markdown(finding.fix)}")
    return "\n\n".join(lines)


DECISION_FILTERS = {"open": "к рассмотрению", "undecided": "не рассмотрены", "accepted": "подтверждены",
                    "dismissed": "отклонены", "all": "все"}
DECISION_BADGES = {"accepted": "green", "dismissed": "gray"}


def review_markdown(review: Review) -> str:
    """The reviewer's decision on a card: badge, reason, who and when, the comment."""
    parts = []
    if review.decision:
        reason = f" ({reason_label(review.reason)})" if review.reason else ""
        parts.append(f":{DECISION_BADGES[review.decision]}-badge[{DECISION_RU[review.decision]}]"
                     f"{escape_markdown(reason)}")
    parts.append(escape_markdown(f"{review.reviewer}, {review.decided_at[:16].replace('T', ' ')} UTC"))
    text = " · ".join(parts)
    return f"{text}  \n**Комментарий:** {escape_markdown(review.comment)}" if review.comment else text


def decision_filter(view: ReportView, choice: str) -> list[FindingView]:
    """The findings a decision filter shows: open (not dismissed), undecided, accepted, dismissed or all."""
    if choice == "dismissed":
        return list(view.suppressed)
    if choice == "all":
        return [*view.findings, *view.suppressed]
    decided = {"undecided": None, "accepted": "accepted"}
    return [i for i in view.findings
            if choice == "open" or (i.review.decision if i.review else None) == decided[choice]]


def review_progress(documents: list[dict[str, Any]]) -> list[float | None]:
    """Per document row: the share of its findings a reviewer decided, in percent."""
    return [100 * d["n_decided"] / d["n_findings"] if d.get("n_findings") else None for d in documents]


def finding_role(report: Report, finding: Finding, clause_set: ClauseSet) -> Role | None:
    """The role a finding concerns: its clause's role, else the role of the section it stands in."""
    if finding.clause:
        return clause_set.get(finding.clause).role  # type: ignore[return-value]
    section = report.structure.section_at(finding.start) if finding.start is not None else None
    return section.role if section else None


def coverage_frame(view: ReportView) -> pd.DataFrame:
    """One row per reference clause, grouped by role in the order of the MR; "№" is its place in the role."""
    rows = [{"Роль": row.title, "№": i, "Код": c.id, "Статус": c.status_ru, "Буква": c.letter,
             "Раздел": c.section or "", "Положение МР": c.title, "Уровень": LEVEL_ONE_RU[c.level], "Источник": c.mr}
            for row in view.roles for i, c in enumerate(row.clauses, 1)]
    return pd.DataFrame(rows)


def status_chart(frame: pd.DataFrame, x: alt.X, y: alt.Y, tooltip: list[str], text: str | None = None) -> alt.Chart:
    """A heatmap of clause statuses ("Статус" column), one fixed colour per status; ``text`` labels the cells."""
    base = alt.Chart(frame).encode(x=x, y=y)
    cells = base.mark_rect(stroke="white", strokeWidth=1).encode(
        color=alt.Color("Статус:N", scale=alt.Scale(domain=list(STATUS_CHART_COLOURS),
                                                     range=list(STATUS_CHART_COLOURS.values())),
                        legend=alt.Legend(orient="top", title=None)),
        tooltip=tooltip)
    return cells + base.mark_text(fontSize=11).encode(text=f"{text}:N", tooltip=tooltip) if text else cells


def style_status(frame: pd.DataFrame, columns: tuple[str, ...] = ("Статус",)) -> Styler:
    """The status cells coloured: green present, yellow partial, red missing."""
    return frame.style.map(lambda v: f"background-color: {STATUS_COLOURS.get(v, 'transparent')}",
                           subset=list(columns))


def citations_frame(view: ReportView) -> pd.DataFrame:
    """Each citation of a legal act: as written → as it should be, with its problems in Russian."""
    columns = ["Раздел", "Как указано в документе", "Как должно быть", "Замечания"]
    rows = [[c.section or "", c.quote, c.correct or "акта нет в реестре",
             "; ".join(c.problems) or c.unchecked or "нет"] for c in view.citations]
    return pd.DataFrame(rows, columns=columns)


def approvals_frame(report: Report) -> pd.DataFrame:
    columns = ["Гриф", "Кем", "Протокол №", "Приказ №", "Подпись", "Даты"]
    rows = [[APPROVAL_RU[a.kind], a.body, a.protocol_number or "—", a.order_number or "—", a.signatory or "—",
             ", ".join(d.value.strftime("%d.%m.%Y") if d.value else d.text for d in a.dates) or "—"]
            for a in report.structure.approvals]
    return pd.DataFrame(rows, columns=columns)


def diff_html(segments: tuple[tuple[str, str], ...], which: str) -> str:
    """One column of the side-by-side diff (``reference`` or ``document``), every word escaped."""
    spans = (f'<span style="{_DIFF_STYLE[op]}">{html.escape(text)}</span>' if op in _DIFF_STYLE
             else html.escape(text) for op, text in side(list(segments), which))
    return f'<div style="line-height:1.6">{"".join(spans)}</div>'


def clauses_frame(clause_set: ClauseSet, role: str) -> pd.DataFrame:
    """The reference clauses of one role with their MR points."""
    rows = [{"Код": c.id, "Положение": c.title, "Уровень": LEVEL_ONE_RU[c.level],
             "Для кого": ", ".join(INSTITUTION_SHORT_RU[i] for i in c.applies),
             "Эталонная формулировка": c.wording, "Источник": ", ".join(c.source), "Текст МР": c.mr_text}
            for c in clause_set.clauses if c.role == role]
    return pd.DataFrame(rows)


def editions_frame(clause_set: ClauseSet) -> pd.DataFrame:
    """Both texts of the recommendations side by side, clause by clause (the clauses either text states)."""
    rows = []
    for c in clause_set.clauses:
        if not any(s.present for s in c.statements):
            continue
        row = {"Код": c.id, "Положение": c.title}
        for text, statement in zip(clause_set.texts, c.statements, strict=True):
            where = f"п. {', '.join(statement.points)}" if statement.points else ""
            row[f"{text.title}: где"] = where or "—"
            row[f"{text.title}: как"] = STATEMENT_HOW_RU[statement.how]
            row[f"{text.title}: формулировка"] = statement.wording or "—"
        rows.append(row)
    return pd.DataFrame(rows)


def registry_frame(registry: Registry) -> pd.DataFrame:
    rows = [{"Акт": a.id, "Вид": a.kind, "Номер": a.number or "—",
             "Дата": a.date.strftime("%d.%m.%Y") if a.date else "—", "Статус": ACT_STATUS_RU[a.status],
             "Правильная ссылка": a.citation, "Реквизиты проверены": "да" if a.verified else "нет",
             "Заменён": a.replaced_by or "—", "Примечание": a.note or ""}
            for a in registry.acts]
    return pd.DataFrame(rows)


def error_message(exc: BaseException) -> str:
    """What the app tells a user about a failure: the Russian message of reglint's own errors, else a
    Russian notice without English text or server paths."""
    if isinstance(exc, (InputError, OutputError, StoreError)):
        return escape_markdown(exc.message)
    return ("Внутренняя ошибка reglint: действие не выполнено. Подробности записаны в журнал сервера; "
            "сообщите администратору, что и с каким файлом вы делали.")


def upload_limit_note(max_mb: int) -> str:
    """The upload limit, explained before Streamlit's own (English) refusal of a bigger file."""
    return (f"Размер файла — не более {max_mb} МБ. Больший файл загрузчик не примет (сообщение «File must be "
            f"{max_mb}.0MB or smaller»): сохраните положение без картинок или в формате PDF/DOCX с текстом.")


# ------------------------------------------------------------------- batch
def batch_limits_error(items: list[tuple[str, bytes]]) -> str | None:
    """Why an uploaded batch is too big to run from the web page, or None."""
    total = sum(len(data) for _, data in items)
    if len(items) > BATCH_MAX_FILES:
        return f"Слишком много файлов: {len(items)}; за один раз можно проверить не более {BATCH_MAX_FILES}."
    if total > BATCH_MAX_BYTES:
        return (f"Файлы занимают {total / 1024 ** 2:.0f} МБ; за один раз можно проверить не более "
                f"{BATCH_MAX_BYTES / 1024 ** 2:.0f} МБ.")
    return None


def table_frame(table: Table) -> pd.DataFrame:
    """An export table (Russian column names) as a DataFrame; shares stay 0…1."""
    return pd.DataFrame(table.cells(), columns=[c.label for c in table.columns])


def heatmap_frame(matrix: tuple[list[str], list[str], list[list[str]]],
                  clause_stats: list[dict[str, Any]]) -> pd.DataFrame:
    """The documents × clauses matrix in long form, one row per stored status."""
    names, clauses, statuses = matrix
    titles = {c["clause"]: c["title"] or "" for c in clause_stats}
    rows = [(name, clause, titles.get(clause, ""), STATUS_RU[status])
            for name, row in zip(names, statuses, strict=True)
            for clause, status in zip(clauses, row, strict=True) if status]
    return pd.DataFrame(rows, columns=["Документ", "Код", "Положение МР", "Статус"])


def missing_frame(clause_stats: list[dict[str, Any]]) -> pd.DataFrame:
    """The duties most often missing, most often first."""
    bars = most_missing(clause_stats)
    return pd.DataFrame([(b.label, b.value, b.note) for b in bars],
                        columns=["Положение МР", "Документов без положения", "Доля"])


def act_problems_frame(act_stats: list[dict[str, Any]]) -> pd.DataFrame:
    """Per act and problem, how many documents cite the act so; acts cited correctly are left out."""
    rows = [(a["act"], a["citation"] or "", PROBLEM_RU[p], a[p])
            for a in act_stats if a["act"] != "unknown" for p in PROBLEMS if p != "unknown" and a[p]]
    return pd.DataFrame(rows, columns=["Акт", "Правильная ссылка", "Ошибка", "Документов"])


def conclusions_zip(db: Path, reviewer: str | None) -> bytes:
    """Every school's conclusion of a batch store (analysed, in scope) as DOCX files in one ZIP."""
    buffer = io.BytesIO()
    with Store(db) as store, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, conclusion in store_conclusions(store, reviewer=reviewer):
            archive.writestr(name, conclusion_docx(conclusion))
    return buffer.getvalue()


def export_file(db: Path, fmt: ExportFormat) -> bytes:
    """The store exported as one downloadable file: the XLSX workbook, or the CSV tables in a ZIP."""
    with tempfile.TemporaryDirectory() as tmp:
        paths = export(db, fmt, Path(tmp))
        if len(paths) == 1:
            return paths[0].read_bytes()
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in paths:
                archive.write(path, path.name)
        return buffer.getvalue()
