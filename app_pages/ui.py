"""Streamlit pieces the pages share: the warmed pipeline, cached analysis and
the document picker (an upload or a sample from the corpora). Not a page.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from analyzer import InputError, Report, analyze, warm_up
from analyzer.batch import workspaces
from analyzer.clause_set import ClauseSet, load_clause_set
from analyzer.ingest import MAX_BYTES
from analyzer.registry import Registry, load_registry
from app_pages.support import NEW_WORKSPACE, escape_markdown, upload_limit_note

CORPORA = Path(__file__).resolve().parents[1] / "corpora"
SAMPLE_DIRS = ("regulations", "formats")
UPLOAD_TYPES = ["pdf", "docx", "doc", "odt", "rtf", "txt", "tif", "tiff", "jpg", "jpeg", "png"]


@dataclass(frozen=True)
class Upload:
    name: str
    data: bytes

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


@st.cache_resource(show_spinner="Загрузка эталона, реестра актов и языковой модели…")
def warm_pipeline() -> tuple[ClauseSet, Registry]:
    """Build the pipeline's heavy objects once per server, before the first user's document."""
    warm_up()
    return load_clause_set(), load_registry()


@st.cache_data(max_entries=64, ttl=dt.timedelta(days=1), show_spinner=False)
def analyze_upload(digest: str, name: str, _data: bytes) -> Report:
    """One analysis per file content: ``digest`` keys the cache, the bytes are not hashed twice."""
    warm_pipeline()
    return analyze(_data, name=name)


def pick_workspace() -> None:
    """The sidebar's workspace: chosen or created once, then every page works in its store."""
    sidebar = st.sidebar
    existing = workspaces.names()
    chosen = sidebar.selectbox("Рабочая область (у каждого аудита своя база)", [*existing, NEW_WORKSPACE],
                               index=None, key="workspace", placeholder="выберите или создайте")
    if chosen == NEW_WORKSPACE:
        typed = sidebar.text_input("Название новой рабочей области", key="workspace-new",
                                   placeholder="например: Район 5, проверка 2025")
        try:
            st.session_state["workspace-store"] = workspaces.store_path(typed) if typed.strip() else None
        except workspaces.BadWorkspaceName as exc:
            sidebar.error(escape_markdown(str(exc)))
            st.session_state["workspace-store"] = None
    else:
        st.session_state["workspace-store"] = workspaces.store_path(chosen) if chosen else None


def store_path() -> Path | None:
    """The store of the sidebar's workspace (batch results and reviewers' decisions); None until one is chosen."""
    return st.session_state.get("workspace-store")


def sample_names() -> list[str]:
    """Sample regulations, as paths relative to corpora/."""
    return [f"{d}/{p.name}" for d in SAMPLE_DIRS for p in sorted((CORPORA / d).iterdir())
            if p.suffix.lstrip(".") in UPLOAD_TYPES]


def pick_document(key: str, label: str) -> Upload | None:
    """A file the user uploaded, else the sample chosen; None while neither is given."""
    st.caption(upload_limit_note(MAX_BYTES // 1024 ** 2))
    uploaded = st.file_uploader(label, type=UPLOAD_TYPES, key=f"{key}-upload", max_upload_size=MAX_BYTES // 1024 ** 2)
    sample = st.selectbox("…или образец из корпуса", sample_names(), index=None, key=f"{key}-sample",
                          placeholder="выберите образец")
    if uploaded is not None:
        return Upload(uploaded.name, uploaded.getvalue())
    if sample is not None:
        return Upload(Path(sample).name, (CORPORA / sample).read_bytes())
    return None


def run_analysis(upload: Upload) -> Report | None:
    """The report of ``upload``, or None after showing why the file cannot be read."""
    try:
        with st.spinner(escape_markdown(f"Анализ «{upload.name}»…")):
            report = analyze_upload(upload.digest, upload.name, upload.data)
    except InputError as exc:
        st.error(escape_markdown(exc.message))
        return None
    for warning in report.document.warnings:
        st.warning(escape_markdown(warning))
    return report
