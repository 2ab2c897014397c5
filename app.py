"""reglint web service: a router only; every page lives in app_pages/."""
import streamlit as st

st.set_page_config(page_title="reglint — проверка положений о «Сферуме»", page_icon=":material/fact_check:",
                   layout="wide")

st.navigation([
    st.Page("app_pages/check.py", title="Проверка документа", icon=":material/fact_check:", default=True),
    st.Page("app_pages/compare.py", title="Сравнение редакций", icon=":material/compare_arrows:"),
    st.Page("app_pages/batch.py", title="Пакетный аудит", icon=":material/folder_zip:"),
    st.Page("app_pages/reference.py", title="Справочник", icon=":material/menu_book:"),
]).run()
