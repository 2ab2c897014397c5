"""Проверка документа: one regulation → its gaps, evidence, fixes and downloads."""
from __future__ import annotations

from functools import partial
from pathlib import Path

import altair as alt
import streamlit as st

from analyzer.app_support import (
    CATEGORY_RU,
    approvals_frame,
    citations_frame,
    coverage_frame,
    diff_html,
    escape_markdown,
    finding_markdown,
    finding_role,
    status_chart,
    style_status,
)
from analyzer.clause_set import ROLE_TITLES, ClauseSet
from analyzer.model import Report
from analyzer.report.docx_writer import annotate_docx, fix_docx, gap_report_docx
from analyzer.report.html_writer import render_html
from analyzer.report.json_writer import dumps
from analyzer.report.scan_evidence import evidence_image
from analyzer.report.view import (
    SEVERITY_ORDER,
    SEVERITY_PLURAL_RU,
    SEVERITY_RU,
    FindingView,
    ReportView,
    build_view,
    upper_first,
)
from app_pages.ui import Upload, pick_document, run_analysis, warm_pipeline

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def show_summary(view: ReportView) -> None:
    st.subheader(escape_markdown(view.title or view.source))
    levels = " · ".join(f"{s.label}: {s.present} из {s.applicable}" for s in view.scores[:-1] if s.applicable)
    st.caption(escape_markdown(f"{view.source} · тип организации: {view.institution} · положения МР на месте — "
                               f"{levels}"))
    overall = view.overall
    cols = st.columns(5)
    cols[0].metric("Оценка", f"{overall.percent}%" if overall.percent is not None else "—",
                   help=f"Положений МР на месте: {overall.present} из {overall.applicable}")
    for col, severity in zip(cols[1:4], SEVERITY_ORDER, strict=True):
        col.metric(upper_first(SEVERITY_PLURAL_RU[severity]), view.counts[severity])
    cols[4].metric("Ссылок на акты", len(view.citations),
                   help=f"С ошибками: {sum(not c.ok for c in view.citations)}")
    if view.ocr_banner:
        st.warning(escape_markdown(view.ocr_banner), icon=":material/document_scanner:")
    if not view.in_scope:
        st.warning("Документ не похож на положение об использовании ИКОП «Сферум»: соответствие МР не проверялось.")


def show_downloads(report: Report, upload: Upload) -> None:
    stem = Path(upload.name).stem
    row = st.container(horizontal=True)
    row.download_button("JSON", partial(dumps, [report]), file_name=f"{stem}.reglint.json",
                        mime="application/json", on_click="ignore", icon=":material/data_object:")
    row.download_button("HTML-отчёт", partial(render_html, report), file_name=f"{stem}.reglint.html",
                        mime="text/html", on_click="ignore", icon=":material/html:")
    row.download_button("Отчёт DOCX", partial(gap_report_docx, report), file_name=f"{stem}.reglint.docx",
                        mime=DOCX_MIME, on_click="ignore", icon=":material/table_view:")
    if report.document.format == "docx":
        row.download_button("DOCX с замечаниями", partial(annotate_docx, report, upload.data),
                            file_name=f"{stem}.замечания.docx", mime=DOCX_MIME, on_click="ignore",
                            icon=":material/comment:")
        row.download_button("Исправленный DOCX (правки)", partial(fix_docx, report, upload.data),
                            file_name=f"{stem}.исправлено.docx", mime=DOCX_MIME, on_click="ignore",
                            icon=":material/edit_document:", type="primary")


def show_finding(item: FindingView, role: str | None, report: Report, upload: Upload, key: str) -> None:
    finding = item.finding
    where = " · ".join(filter(None, (f"раздел {item.location}" if item.location else None,
                                     ROLE_TITLES[role] if role else None, finding.clause, finding.source)))
    with st.container(border=True):
        st.markdown(finding_markdown(finding))
        if where:
            st.caption(escape_markdown(where))
        if finding.ocr and st.toggle("Показать на скане", key=key):
            image = evidence_image(report.document, upload.data, finding)
            if image is None:
                st.caption("Цитату не удалось найти среди распознанных слов страницы.")
            else:
                st.image(image, caption="Текст распознан с изображения: сверьте цитату со сканом")


def show_findings(view: ReportView, report: Report, clause_set: ClauseSet, upload: Upload) -> None:
    roles = [finding_role(report, item.finding, clause_set) for item in view.findings]
    left, middle, right = st.columns(3)
    severities = left.multiselect("Важность", list(SEVERITY_ORDER), format_func=SEVERITY_RU.get,
                                  placeholder="все", key="check-severity")
    chosen_roles = middle.multiselect("Роль", list(dict.fromkeys(r for r in roles if r)), format_func=ROLE_TITLES.get,
                                      placeholder="все", key="check-role")
    categories = right.multiselect("Категория", list(dict.fromkeys(i.finding.category for i in view.findings)),
                                   format_func=lambda c: CATEGORY_RU.get(c, c), placeholder="все",
                                   key="check-category")
    shown = [(item, role) for item, role in zip(view.findings, roles, strict=True)
             if (not severities or item.finding.severity in severities)
             and (not chosen_roles or role in chosen_roles)
             and (not categories or item.finding.category in categories)]
    st.caption(f"Показано замечаний: {len(shown)} из {len(view.findings)}")
    for i, (item, role) in enumerate(shown):
        show_finding(item, role, report, upload, f"check-scan-{item.finding.code}-{item.finding.start}-{i}")


def show_diff(view: ReportView) -> None:
    clauses = [c for row in view.roles for c in row.clauses if c.diff]
    if not clauses:
        st.info("В документе не найдено ни одного положения МР, сравнивать не с чем.")
        return
    first = next((i for i, c in enumerate(clauses) if c.status != "present"), 0)
    clause = st.selectbox("Положение", clauses, index=first, key="check-diff-clause",
                          format_func=lambda c: f"{c.id} — {c.title} ({c.status_ru})")
    st.caption("Красным зачёркнуто — слов МР нет в документе; зелёным — добавлено в документе; "
               "жёлтым — сказано иначе, чем в МР.")
    left, right = st.columns(2)
    left.markdown(f"**Формулировка МР** ({escape_markdown(clause.mr)})")
    left.html(diff_html(clause.diff, "reference"))
    right.markdown(f"**Текст документа** (раздел {escape_markdown(clause.section or '—')})")
    right.html(diff_html(clause.diff, "document"))


def show_coverage(view: ReportView) -> None:
    frame = coverage_frame(view)
    roles = list(dict.fromkeys(frame["Роль"]))
    chart = status_chart(frame, x=alt.X("№:O", title=None, axis=None),
                         y=alt.Y("Роль:N", sort=roles, title=None, axis=alt.Axis(labelLimit=320)),
                         tooltip=["Код", "Положение МР", "Статус", "Раздел"], text="Буква")
    st.altair_chart(chart.properties(height=alt.Step(28)), width="stretch")
    st.caption("Е — есть, Ч — частично, М — не на месте, Н — нет, «—» — не применяется. "
               "Наведите курсор на клетку, чтобы увидеть положение.")
    st.dataframe(style_status(frame.drop(columns=["Буква"])), hide_index=True, height=38 + 35 * len(frame))


def show_legal_refs(view: ReportView, report: Report) -> None:
    st.subheader("Реквизиты утверждения")
    if report.structure.approvals:
        st.table(approvals_frame(report).map(escape_markdown))
    else:
        st.warning("Реквизиты утверждения (ПРИНЯТО / УТВЕРЖДЕНО, протокол, приказ) не найдены.")
    st.subheader("Ссылки на правовые акты")
    if view.citations:
        st.table(citations_frame(view).map(escape_markdown))
    else:
        st.info("Ссылок на правовые акты в документе нет.")


st.title("Проверка документа")
st.caption("Положение об использовании ИКОП «Сферум» сверяется с методическими рекомендациями Минпросвещения "
           "и реестром правовых актов: чего не хватает, где это в тексте и как исправить.")
clause_set, _ = warm_pipeline()
upload = pick_document("check", "Файл положения: PDF, DOCX, DOC, ODT, RTF, TXT или скан (TIFF, JPEG, PNG)")
if upload is None:
    st.info("Загрузите файл положения или выберите образец.")
    st.stop()
report = run_analysis(upload)
if report is None:
    st.stop()
view = build_view(report)
show_summary(view)
show_downloads(report, upload)
tabs = st.tabs(["Замечания", "Покрытие по ролям", "Сравнение с МР", "Реквизиты и ссылки на акты"])
with tabs[0]:
    show_findings(view, report, clause_set, upload)
with tabs[1]:
    show_coverage(view)
with tabs[2]:
    show_diff(view)
with tabs[3]:
    show_legal_refs(view, report)
