"""Сравнение редакций: two drafts of one regulation — what was fixed, what
appeared, which duties changed status and how the text changed.
"""
from __future__ import annotations

import pandas as pd
import streamlit as st

from analyzer import Finding
from analyzer.report.compare import Comparison, SectionChange, compare
from analyzer.report.diffview import word_diff
from analyzer.report.view import STATUS_RU, build_view
from app_pages.support import diff_html, escape_markdown, finding_markdown, style_status
from app_pages.ui import pick_document, run_analysis, warm_pipeline


def show_findings(title: str, findings: tuple[Finding, ...], empty: str) -> None:
    st.subheader(f"{title}: {len(findings)}")
    if not findings:
        st.caption(empty)
    for finding in findings:
        with st.container(border=True):
            st.markdown(finding_markdown(finding))


def show_clause_changes(comparison: Comparison) -> None:
    if not comparison.clause_changes:
        st.info("Статус ни одного положения МР не изменился.")
        return
    frame = pd.DataFrame([(c.clause, c.title, STATUS_RU[c.old], STATUS_RU[c.new]) for c in comparison.clause_changes],
                         columns=["Код", "Положение МР", "Было", "Стало"])
    st.dataframe(style_status(frame, ("Было", "Стало")), hide_index=True)


def _number(change: SectionChange) -> str:
    return escape_markdown(change.new_number or change.old_number or "без номера")


def show_sections(comparison: Comparison) -> None:
    st.caption(f"Добавлено разделов: {len(comparison.added)}, удалено: {len(comparison.removed)}, "
               f"изменено: {len(comparison.changed)}. Перенумерация сама по себе изменением не считается. "
               "В изменённых пунктах слева прежняя редакция (удалённое зачёркнуто), справа новая "
               "(добавленное — зелёным, заменённое — жёлтым).")
    for change in comparison.changed:
        st.markdown(f"**Изменён пункт {_number(change)}**")
        segments = tuple(word_diff(change.old_text, change.new_text))
        left, right = st.columns(2)
        left.html(diff_html(segments, "reference"))
        right.html(diff_html(segments, "document"))
    for change in comparison.added:
        st.markdown(f"**Добавлен пункт {_number(change)}:** {escape_markdown(change.new_text)}")
    for change in comparison.removed:
        st.markdown(f"**Удалён пункт {_number(change)}:** {escape_markdown(change.old_text)}")


st.title("Сравнение редакций")
st.caption("Две редакции одного положения: какие замечания исправлены, какие появились, "
           "какие положения МР изменили статус и что поменялось в тексте.")
warm_pipeline()
left, right = st.columns(2)
with left:
    st.subheader("Прежняя редакция")
    old_upload = pick_document("compare-old", "Файл прежней редакции")
    old = run_analysis(old_upload) if old_upload else None
with right:
    st.subheader("Новая редакция")
    new_upload = pick_document("compare-new", "Файл новой редакции")
    new = run_analysis(new_upload) if new_upload else None
if old is None or new is None:
    if not (old_upload and new_upload):
        st.info("Выберите обе редакции: прежнюю слева, новую справа.")
    st.stop()

comparison = compare(old, new)
old_score, new_score = build_view(old).overall, build_view(new).overall
cols = st.columns(5)
cols[0].metric("Оценка новой редакции", f"{new_score.percent or 0}%",
               delta=f"{(new_score.percent or 0) - (old_score.percent or 0):+d} п.п.")
cols[1].metric("Замечаний в новой редакции", len(new.findings), delta=len(new.findings) - len(old.findings),
               delta_color="inverse")
cols[2].metric("Исправлено", len(comparison.fixed))
cols[3].metric("Появилось", len(comparison.new))
cols[4].metric("Изменено разделов", len(comparison.added) + len(comparison.removed) + len(comparison.changed))
findings_tab, clauses_tab, text_tab = st.tabs(["Замечания", "Положения МР", "Текст"])
with findings_tab:
    fixed_col, new_col = st.columns(2)
    with fixed_col:
        show_findings("Исправлено", comparison.fixed, "Ни одно замечание прежней редакции не исправлено.")
    with new_col:
        show_findings("Появилось", comparison.new, "Новых замечаний нет.")
with clauses_tab:
    show_clause_changes(comparison)
with text_tab:
    show_sections(comparison)
