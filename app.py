"""reglint web service: a router only; every page lives in app_pages/.

Whatever a page fails with, the user reads a Russian message (config.toml shows no error details).
"""
import logging

import streamlit as st

from app_pages.support import error_message
from app_pages.ui import pick_workspace

st.set_page_config(page_title="reglint — проверка положений о «Сферуме»", page_icon=":material/fact_check:",
                   layout="wide")

page = st.navigation([
    st.Page("app_pages/check.py", title="Проверка документа", icon=":material/fact_check:", default=True),
    st.Page("app_pages/compare.py", title="Сравнение редакций", icon=":material/compare_arrows:"),
    st.Page("app_pages/batch.py", title="Пакетный аудит", icon=":material/folder_zip:"),
    st.Page("app_pages/reference.py", title="Справочник", icon=":material/menu_book:"),
])
try:
    pick_workspace()
    page.run()
except Exception as exc:
    logging.getLogger("reglint.app").exception("page %s failed", page.title)
    st.error(error_message(exc))
