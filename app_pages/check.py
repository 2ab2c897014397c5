"""Проверка документа: one regulation → its gaps, evidence, fixes and downloads."""
from __future__ import annotations

import sqlite3
from functools import partial
from pathlib import Path

import altair as alt
import streamlit as st

from analyzer import Report
from analyzer.batch.store import Store
from analyzer.clause_set import ClauseSet
from analyzer.errors import ConfigError, StoreError
from analyzer.ingest.office_convert import soffice
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
from analyzer.review.conclusion import conclusion_docx, conclusion_pdf, from_report
from analyzer.review.decisions import ReviewError, decide, load_reviews, with_organisation
from analyzer.vocabulary import CATEGORY_RU, DISMISS_REASONS, ROLE_TITLES, ReviewAction
from app_pages.support import (
    DECISION_FILTERS,
    approvals_frame,
    citations_frame,
    coverage_frame,
    decision_filter,
    diff_html,
    escape_markdown,
    finding_markdown,
    finding_role,
    review_markdown,
    status_chart,
    style_status,
)
from app_pages.ui import Upload, pick_document, run_analysis, store_path, warm_pipeline

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def show_summary(view: ReportView) -> None:
    st.subheader(escape_markdown(view.title or view.source))
    levels = " · ".join(f"{s.label}: {s.present} из {s.applicable}" for s in view.scores[:-1] if s.applicable)
    st.caption(escape_markdown(f"{view.source} · тип организации: {view.institution} · положения МР на месте — "
                               f"{levels}"))
    if view.edition:
        st.caption(escape_markdown(view.edition))
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


def _conclusion(report: Report, upload: Upload, reviewer: str, pdf: bool = False) -> bytes:
    document = conclusion_docx(from_report(report, upload.data, reviewer=reviewer or None))
    return conclusion_pdf(document, upload.name) if pdf else document


def show_downloads(report: Report, upload: Upload, reviewer: str) -> None:
    stem = Path(upload.name).stem
    row = st.container(horizontal=True)
    row.download_button("Заключение DOCX", partial(_conclusion, report, upload, reviewer),
                        file_name=f"{stem}.заключение.docx", mime=DOCX_MIME, on_click="ignore",
                        icon=":material/verified:", help="Письмо организации: необходимые изменения, рекомендации "
                                                         "и замечания без отклонённых рецензентом")
    if soffice():
        row.download_button("Заключение PDF", partial(_conclusion, report, upload, reviewer, True),
                            file_name=f"{stem}.заключение.pdf", mime="application/pdf", on_click="ignore",
                            icon=":material/picture_as_pdf:")
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


def reviewed(report: Report, upload: Upload) -> Report:
    """The report with the organisation the reviewer confirmed and the store's decisions applied."""
    organisation = st.session_state.get(f"check-org-{upload.digest[:12]}", report.organisation)
    if organisation and organisation != report.organisation:
        report = with_organisation(report, organisation)
    db = store_path()
    if db is None:
        return report
    try:
        with Store(db) as store:
            return load_reviews(store, report)
    except (sqlite3.Error, ConfigError, StoreError) as exc:
        st.error(escape_markdown(f"Решения рецензентов недоступны: база {db.name} повреждена или "
                                 f"несовместима ({exc})."))
        return report


def record(report: Report, fingerprint: str, action: ReviewAction, seen: str | None) -> None:
    """A review button's callback: store the decision; what the reviewer should know goes to the next run."""
    state, db = st.session_state, store_path()
    if db is None:
        state["check-review-error"] = "выберите рабочую область в боковой панели: решения хранятся в её базе"
        return
    try:
        with Store(db) as store:
            outcome = decide(store, report, fingerprint, action, reviewer=state.get("check-reviewer", ""),
                             reason=state.get(f"reason-{fingerprint}") if action == "dismiss" else None,
                             comment=state.get(f"comment-{fingerprint}") if action == "comment" else None, seen=seen)
    except (ReviewError, sqlite3.Error, ConfigError, StoreError) as exc:
        state["check-review-error"] = str(exc)
        return
    if outcome.concurrent and outcome.replaced:
        state["check-review-notice"] = (f"Пока вы читали отчёт, решение по этой находке принял(а) "
                                        f"{outcome.replaced.reviewer}; записано ваше, прежнее сохранено в истории.")


def show_review(item: FindingView, report: Report, ready: bool) -> None:
    finding, review = item.finding, item.review
    fp, seen = finding.fingerprint, review.decided_at if review else None
    decision = review.decision if review else None
    if review:
        st.markdown(review_markdown(review))
    row = st.container(horizontal=True, vertical_alignment="bottom")
    row.button("Подтвердить", key=f"accept-{fp}", on_click=record, args=(report, fp, "accept", seen),
               disabled=not ready or decision == "accepted", icon=":material/check:")
    row.selectbox("Причина отклонения", list(DISMISS_REASONS), format_func=DISMISS_REASONS.get, key=f"reason-{fp}",
                  width=300)
    row.button("Отклонить", key=f"dismiss-{fp}", on_click=record, args=(report, fp, "dismiss", seen),
               disabled=not ready or decision == "dismissed", icon=":material/block:")
    row = st.container(horizontal=True, vertical_alignment="bottom")
    row.text_input("Комментарий рецензента", key=f"comment-{fp}", value=(review.comment or "") if review else "",
                   placeholder="что именно исправить, сроки…")
    row.button("Сохранить комментарий", key=f"comment-save-{fp}", on_click=record, args=(report, fp, "comment", seen),
               disabled=not ready)


def show_finding(item: FindingView, role: str | None, report: Report, upload: Upload, ready: bool, key: str) -> None:
    finding = item.finding
    where = " · ".join(filter(None, (f"раздел {item.location}" if item.location else None,
                                     ROLE_TITLES[role] if role else None, finding.clause, finding.source)))
    with st.container(border=True):
        st.markdown(finding_markdown(finding))
        if where:
            st.caption(escape_markdown(where))
        show_review(item, report, ready)
        if finding.ocr and st.toggle("Показать на скане", key=key):
            image = evidence_image(report.document, upload.data, finding)
            if image is None:
                st.caption("Цитату не удалось найти среди распознанных слов страницы.")
            else:
                st.image(image, caption="Текст распознан с изображения: сверьте цитату со сканом")


def show_reviewer(report: Report, upload: Upload) -> bool:
    """The reviewer's name and the organisation decisions are kept for; True when they and a workspace are known."""
    left, right = st.columns(2)
    reviewer = left.text_input("Рецензент (ФИО для решений и подписи заключения)", key="check-reviewer")
    organisation = right.text_input("Организация (решения действуют для всех её редакций)",
                                    value=report.organisation or "", key=f"check-org-{upload.digest[:12]}")
    for key, show in (("check-review-error", st.error), ("check-review-notice", st.warning)):
        if message := st.session_state.pop(key, None):
            show(escape_markdown(message))
    ready = bool(reviewer.strip() and organisation.strip() and store_path())
    if not ready:
        st.caption("Чтобы подтверждать и отклонять замечания, выберите рабочую область в боковой панели "
                   "и укажите рецензента и организацию.")
    return ready


def show_findings(view: ReportView, report: Report, clause_set: ClauseSet, upload: Upload) -> None:
    ready = show_reviewer(report, upload)
    decided = sum(i.review is not None and i.review.decision is not None for i in view.findings) + len(view.suppressed)
    choice = st.radio("Решения", list(DECISION_FILTERS), format_func=DECISION_FILTERS.get, horizontal=True,
                      key="check-decision", help="Отклонённые рецензентом замечания не учитываются в оценке, "
                                                 "числе замечаний и заключении")
    st.caption(f"Рассмотрено: {decided} из {len(view.findings) + len(view.suppressed)}; "
               f"отклонено: {len(view.suppressed)}")
    items = decision_filter(view, choice)
    roles = [finding_role(report, item.finding, clause_set) for item in items]
    left, middle, right = st.columns(3)
    severities = left.multiselect("Важность", list(SEVERITY_ORDER), format_func=SEVERITY_RU.get,
                                  placeholder="все", key="check-severity")
    chosen_roles = middle.multiselect("Роль", list(dict.fromkeys(r for r in roles if r)), format_func=ROLE_TITLES.get,
                                      placeholder="все", key="check-role")
    categories = right.multiselect("Категория", list(dict.fromkeys(i.finding.category for i in items)),
                                   format_func=lambda c: CATEGORY_RU.get(c, c), placeholder="все",
                                   key="check-category")
    shown = [(item, role) for item, role in zip(items, roles, strict=True)
             if (not severities or item.finding.severity in severities)
             and (not chosen_roles or role in chosen_roles)
             and (not categories or item.finding.category in categories)]
    st.caption(f"Показано замечаний: {len(shown)} из {len(items)}")
    for i, (item, role) in enumerate(shown):
        show_finding(item, role, report, upload, ready, f"check-scan-{item.finding.code}-{item.finding.start}-{i}")


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
report = reviewed(report, upload)
view = build_view(report)
show_summary(view)
show_downloads(report, upload, st.session_state.get("check-reviewer", ""))
tabs = st.tabs(["Замечания", "Покрытие по ролям", "Сравнение с МР", "Реквизиты и ссылки на акты"])
with tabs[0]:
    show_findings(view, report, clause_set, upload)
with tabs[1]:
    show_coverage(view)
with tabs[2]:
    show_diff(view)
with tabs[3]:
    show_legal_refs(view, report)
