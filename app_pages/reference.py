"""Справочник: the reference clauses by role and the legal-acts registry."""
from __future__ import annotations

import streamlit as st

from analyzer.report.view import upper_first
from analyzer.vocabulary import ROLE_TITLES, ROLES
from app_pages.support import clauses_frame, editions_frame, escape_markdown, registry_frame
from app_pages.ui import warm_pipeline

st.title("Справочник")
clause_set, registry = warm_pipeline()
st.markdown(f"**Версия эталона (МР):** `{clause_set.version}`  \n"
            f"**Версия реестра актов:** `{registry.version}`, статусы актов на {registry.date:%d.%m.%Y}")

st.header("Положения методических рекомендаций по ролям")
st.caption(f"Положений в эталоне: {len(clause_set.clauses)}. Нет обязательного положения — ошибка, рекомендуемого — "
           "предупреждение, положения типового образца — замечание. Источник: MR-n — пункт n методических "
           "рекомендаций, TPL — типовое положение.")
roles = [r for r in ROLES if any(c.role == r for c in clause_set.clauses)]
for tab, role in zip(st.tabs([upper_first(ROLE_TITLES[r]) for r in roles]), roles, strict=True):
    tab.table(clauses_frame(clause_set, role).map(escape_markdown))

st.header("Два текста методических рекомендаций")
st.caption("Школы следуют двум текстам МР под одним названием: к письму № 04-643 и к письму № 04-423. Для каждого "
           "положения — где и как его формулирует каждый текст. Где тексты расходятся, положение, следующее любому "
           "из них, не ошибочно (замечание RL104); положение, которое есть только в одном тексте, обязательно лишь "
           "для положений, следующих этому тексту.")
st.table(editions_frame(clause_set).map(escape_markdown))

st.header("Реестр правовых актов")
st.caption("Статусы и правильные ссылки. Реквизиты, не подтверждённые по официальной публикации, отмечены в ссылке: "
           "ошибки в них не сообщаются.")
st.table(registry_frame(registry).map(escape_markdown))
