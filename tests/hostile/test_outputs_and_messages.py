"""Outputs that always reopen, usage errors with exit 2, workspaces that keep audits apart, and an app that
speaks Russian and shows no tracebacks."""
from __future__ import annotations

import tomllib
import zipfile
from pathlib import Path

import docx
import hostile_files as h
import pytest
from lxml import etree
from streamlit.testing.v1 import AppTest

from analyzer.batch import workspaces
from analyzer.batch.store import Store
from analyzer.cli import main
from analyzer.errors import StoreError
from app_pages.support import error_message

ROOT = h.ROOT
TXT = h.REGULATIONS[0]


def _reopens(path: Path) -> None:
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if name.endswith((".xml", ".rels")):
                etree.fromstring(zf.read(name))           # a strict parser: an undeclared entity fails here
    docx.Document(str(path))


@pytest.mark.parametrize("args", [["--fix"], ["--format", "docx"]])
def test_outputs_of_a_docx_declaring_an_entity_reopen(tmp_path, args):
    source = h.entity_docx(tmp_path)
    out = tmp_path / "out.docx"
    assert main(["check", str(source), *args, "-o", str(out)]) in (0, 1)
    _reopens(out)


def test_missing_inputs_and_bad_worker_counts_are_usage_errors(tmp_path, capsys):
    db = tmp_path / "a.sqlite"
    assert main(["batch", str(tmp_path / "nonexistent"), "--db", str(db)]) == 2
    assert "нет такого файла или папки" in capsys.readouterr().err
    assert not db.exists()
    for workers in ("-3", "0", "два"):
        with pytest.raises(SystemExit) as exited:
            main(["batch", str(TXT), "--db", str(db), "--workers", workers])
        assert exited.value.code == 2
        assert "не меньше 1" in capsys.readouterr().err


def test_workspaces_keep_audits_apart(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("REGLINT_WORKSPACES", str(tmp_path / "ws"))
    assert main(["batch", str(TXT), "--workspace", "Район 5", "--workers", "1"]) == 0
    assert main(["batch", str(h.REGULATIONS[1]), "--workspace", "Район 7", "--workers", "1"]) == 0
    assert workspaces.names() == ["Район 5", "Район 7"]
    for name, source in (("Район 5", TXT), ("Район 7", h.REGULATIONS[1])):
        with Store(workspaces.store_path(name)) as store:
            assert [d["name"] for d in store.documents()] == [str(source)]
    assert main(["export", "--workspace", "Район 7", "--format", "csv", "--out", str(tmp_path / "out")]) == 0
    capsys.readouterr()
    for bad in ("../etc", "a/b", " ", "..."):
        assert main(["batch", str(TXT), "--workspace", bad]) == 2
        assert "рабочей области" in capsys.readouterr().err
    assert sorted(p.name for p in (tmp_path / "ws").glob("*.sqlite")) == ["Район 5.sqlite", "Район 7.sqlite"]


def test_the_app_shows_no_error_details():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["showErrorDetails"] == "none"


def test_every_error_the_app_shows_is_russian():
    assert error_message(StoreError("x.sqlite", "файл повреждён")).startswith("база x") \
        and "файл повреждён" in error_message(StoreError("x.sqlite", "файл повреждён"))
    message = error_message(RuntimeError("File is encrypted, password required for extraction"))
    assert "Внутренняя ошибка" in message and "encrypted" not in message and "/" not in message


def test_a_failing_page_shows_a_russian_message_and_no_exception(tmp_path, monkeypatch):
    monkeypatch.setenv("REGLINT_WORKSPACES", str(tmp_path / "ws"))

    def boom(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("/srv/reglint/analyzer/x.py: KeyError 'w:val'")

    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    monkeypatch.setattr("app_pages.ui.analyze", boom)    # the page's analysis fails, the warm-up did not
    app.file_uploader(key="check-upload").set_value(("x.txt", b"\xd0\x9f\xd1\x80\xd0\xbe\xd0\xb1\xd0\xb0 boom",
                                                     "text/plain")).run()
    assert not app.exception
    assert any("Внутренняя ошибка" in e.value for e in app.error)
    assert not any("KeyError" in e.value for e in app.error)


def test_the_upload_limit_is_explained_in_russian_before_the_uploader(tmp_path, monkeypatch):
    monkeypatch.setenv("REGLINT_WORKSPACES", str(tmp_path / "ws"))
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert any("не более 30 МБ" in c.value for c in app.caption)
