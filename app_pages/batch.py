"""Пакетный аудит: many regulations (files or ZIP archives) into the batch store;
the store's documents, heatmap, charts and exports, shown again after a reload.
"""
from __future__ import annotations

from functools import partial
from pathlib import Path

import altair as alt
import pandas as pd
import streamlit as st

from analyzer import BatchSummary, audit_items
from analyzer.batch.exports import Table, tables
from analyzer.batch.store import Store
from analyzer.vocabulary import EXPORT_FORMAT_RU, STATUS_RU, ExportFormat
from app_pages.support import (
    act_problems_frame,
    batch_limits_error,
    conclusions_zip,
    escape_markdown,
    export_file,
    heatmap_frame,
    missing_frame,
    review_progress,
    status_chart,
    table_frame,
    upload_limit_note,
)
from app_pages.ui import CORPORA, UPLOAD_TYPES, sample_names, store_path, warm_pipeline

IN_PROCESS_FILES = 4        # a pool of warmed-up workers pays off only for larger batches
DOCUMENT_COLUMNS = ["Документ", "Формат", "Тип организации", "Положение о «Сферуме»", "Охват МР",
                    *(f"Положений: {STATUS_RU[s]}" for s in ("present", "partial", "misplaced", "missing")),
                    "Ошибок", "Предупреждений", "Замечаний", "Рассмотрено", "Отклонено рецензентом", "Ошибка чтения",
                    "Проверено (UTC)"]
EXPORTS: tuple[tuple[ExportFormat, str, str], ...] = (
    ("csv", "reglint-audit-csv.zip", "application/zip"),
    ("xlsx", "reglint-audit.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ("html", "reglint-audit.html", "text/html"))


def run_batch(items: list[tuple[str, bytes]], db: Path) -> BatchSummary:
    bar = st.progress(0.0, text="Подготовка…")

    def progress(done: int, total: int, name: str) -> None:
        bar.progress(done / total, text=escape_markdown(f"{done} из {total}: {name}"))

    in_process = len(items) <= IN_PROCESS_FILES and not any(n.lower().endswith(".zip") for n, _ in items)
    summary = audit_items(items, db, workers=1 if in_process else None, progress=progress)
    bar.empty()
    return summary


def show_documents(documents: Table) -> None:
    frame = table_frame(documents)
    frame["Рассмотрено"] = review_progress(documents.rows)
    frame = frame[DOCUMENT_COLUMNS]
    frame["Охват МР"] *= 100
    st.dataframe(frame, hide_index=True, column_config={
        "Охват МР": st.column_config.ProgressColumn(min_value=0, max_value=100, format="%.0f%%"),
        "Рассмотрено": st.column_config.ProgressColumn(
            min_value=0, max_value=100, format="%.0f%%", help="Доля находок, по которым рецензент принял решение")})


def show_heatmap(frame: pd.DataFrame, clause_order: list[str]) -> None:
    chart = status_chart(
        frame, x=alt.X("Код:N", sort=clause_order, title=None,
                       axis=alt.Axis(labelAngle=-90, labelOverlap=False, labelFontSize=9)),
        y=alt.Y("Документ:N", title=None, axis=alt.Axis(labelLimit=260)),
        tooltip=["Документ", "Код", "Положение МР", "Статус"])
    st.altair_chart(chart.properties(height=alt.Step(22)), width="stretch")


def show_missing(frame: pd.DataFrame) -> None:
    if frame.empty:
        st.success("Во всех документах есть все применимые положения МР.")
        return
    chart = alt.Chart(frame).mark_bar(color="#e53935").encode(
        x=alt.X("Документов без положения:Q", axis=alt.Axis(tickMinStep=1)),
        y=alt.Y("Положение МР:N", sort="-x", title=None, axis=alt.Axis(labelLimit=420)),
        tooltip=["Положение МР", "Документов без положения", "Доля"])
    st.altair_chart(chart, width="stretch")


def show_act_problems(frame: pd.DataFrame) -> None:
    if frame.empty:
        st.success("Ошибок в ссылках на правовые акты не найдено.")
        return
    chart = alt.Chart(frame).mark_bar().encode(
        x=alt.X("sum(Документов):Q", title="Документов с ошибкой в ссылке", axis=alt.Axis(tickMinStep=1)),
        y=alt.Y("Акт:N", sort="-x", title=None, axis=alt.Axis(labelLimit=260)),
        color=alt.Color("Ошибка:N", legend=alt.Legend(orient="top", title=None)),
        tooltip=["Акт", "Правильная ссылка", "Ошибка", "Документов"])
    st.altair_chart(chart, width="stretch")


def show_store(db: Path) -> None:
    with Store(db) as store:
        documents, clauses, acts = tables(store)
        matrix = store.matrix()
    if not documents.rows:
        st.info("В базе пока нет документов: добавьте файлы и нажмите «Проверить».")
        return
    scores = [d["score"] for d in documents.rows if d["score"] is not None]
    cols = st.columns(5)
    cols[0].metric("Документов в базе", len(documents.rows))
    cols[1].metric("Не прочитано", sum(d["error_code"] is not None for d in documents.rows))
    cols[2].metric("Не о «Сферуме»", sum(d["in_scope"] == 0 for d in documents.rows))
    cols[3].metric("Средний охват МР", f"{sum(scores) / len(scores):.0%}" if scores else "—")
    cols[4].metric("Отклонено рецензентами", sum(d["n_dismissed"] for d in documents.rows),
                   help="Находки, признанные неприменимыми; в числах ошибок и замечаний не учитываются")
    row = st.container(horizontal=True)
    for fmt, name, mime in EXPORTS:
        row.download_button(EXPORT_FORMAT_RU[fmt], partial(export_file, db, fmt), file_name=name, mime=mime,
                            on_click="ignore", icon=":material/download:")
    row.download_button("Заключения по школам (ZIP)", partial(conclusions_zip, db, None),
                        file_name="reglint-заключения.zip", mime="application/zip", on_click="ignore",
                        icon=":material/verified:", help="Письмо каждой организации без отклонённых рецензентом находок")
    show_documents(documents)
    st.subheader("Документы × положения МР")
    show_heatmap(heatmap_frame(matrix, clauses.rows), matrix[1])
    st.subheader("Чаще всего нет положения")
    show_missing(missing_frame(clauses.rows))
    st.subheader("Акты, на которые ссылаются с ошибками")
    show_act_problems(act_problems_frame(acts.rows))


st.title("Пакетный аудит")
db = store_path()
if db is None:
    st.info("Выберите рабочую область в боковой панели или создайте новую: результаты разных аудитов "
            "хранятся отдельно, решения рецензентов — вместе с результатами.")
    st.stop()
st.caption(escape_markdown(f"Результаты хранятся в базе {db.name} рабочей области и остаются после "
                           f"перезагрузки страницы."))
warm_pipeline()
st.caption(upload_limit_note(int(st.get_option("server.maxUploadSize"))))
uploads = st.file_uploader("Файлы положений или ZIP-архивы", type=[*UPLOAD_TYPES, "zip"], accept_multiple_files=True,
                           key="batch-upload")
samples = st.multiselect("…или образцы из корпуса", sample_names(), key="batch-samples", placeholder="выберите образцы")
if st.button("Проверить", type="primary", disabled=not (uploads or samples), key="batch-run"):
    items = [(u.name, u.getvalue()) for u in uploads] + [(Path(s).name, (CORPORA / s).read_bytes()) for s in samples]
    if error := batch_limits_error(items):
        st.error(error)
    else:
        summary = run_batch(items, db)
        st.success(f"Проверено: {summary.done}, из них не прочитано: {summary.failed}; уже были в базе: "
                   f"{summary.skipped}. Время: {summary.seconds:.1f} с.")
show_store(db)
