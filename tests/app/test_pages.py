"""Every page run through app.py with Streamlit's AppTest: a sample picked or a
file uploaded, and what the page then shows compared with the library's report.
"""
from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path

import docx
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from analyzer.batch.store import Store
from analyzer.clause_set import load_clause_set
from analyzer.pipeline import analyze
from analyzer.registry import load_registry
from analyzer.report.compare import compare
from analyzer.report.view import STATUS_RU
from analyzer.review.decisions import decide
from app_pages.support import NEW_WORKSPACE, conclusions_zip

ROOT = Path(__file__).resolve().parents[2]
DDT = "ddt-grad-chudes-2023"


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv("REGLINT_WORKSPACES", str(tmp_path / "workspaces"))
    return AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()


def _digest(stem: str) -> str:
    return hashlib.sha256((ROOT / "corpora" / "regulations" / f"{stem}.txt").read_bytes()).hexdigest()[:12]


def _markdown(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown).replace("\\", "")


def _new_workspace(at: AppTest, name: str) -> None:
    at.selectbox(key="workspace").set_value(NEW_WORKSPACE).run()
    at.text_input(key="workspace-new").set_value(name).run()


def _frame(at: AppTest, column: str) -> pd.DataFrame:
    """The first table or dataframe with ``column``; markdown escapes of st.table cells undone."""
    frame = next(d.value for d in [*at.dataframe, *at.table] if column in d.value.columns)
    return frame.map(lambda v: v.replace("\\", "") if isinstance(v, str) else v)


def test_check_page_shows_findings_coverage_references_and_downloads(app: AppTest) -> None:
    app.selectbox(key="check-sample").set_value(f"regulations/{DDT}.txt").run()
    assert not app.exception and not app.error
    report = analyze(ROOT / "corpora" / "regulations" / f"{DDT}.txt")
    metrics = {m.label: m.value for m in app.metric}
    assert metrics["Ошибки"] == str(sum(f.severity == "error" for f in report.findings))
    assert metrics["Оценка"].endswith("%")

    text = _markdown(app)
    for finding in report.findings:
        assert f"**{finding.code}**" in text and finding.message in text
    partial = next(f for f in report.findings if f.clause == "TCH-VERIFY")
    assert partial.category == "partial_clause" and partial.quote.strip() in text

    coverage = _frame(app, "Код")
    assert len(coverage) == len(load_clause_set().clauses)
    assert coverage.set_index("Код").loc["TCH-VERIFY", "Статус"] == STATUS_RU["partial"]
    approvals = _frame(app, "Гриф")
    assert len(approvals) == len(report.structure.approvals) > 0
    references = _frame(app, "Как должно быть")
    assert list(references["Как указано в документе"]) == [c.quote for c in report.citations]
    assert any("следует тексту «МР-2023, текст 1" in c.value.replace("\\", "") for c in app.caption)
    assert {b.label for b in app.download_button} == {"JSON", "HTML-отчёт", "Отчёт DOCX", "Заключение DOCX",
                                                      "Заключение PDF"}


def test_check_page_filters_findings_by_severity(app: AppTest) -> None:
    app.selectbox(key="check-sample").set_value(f"regulations/{DDT}.txt").run()
    app.multiselect(key="check-severity").set_value(["error"]).run()
    cards = [m.value for m in app.markdown if "-badge[" in m.value]
    assert cards and all(card.startswith(":red-badge[") for card in cards)
    errors = sum(f.severity == "error" for f in analyze(ROOT / "corpora" / "regulations" / f"{DDT}.txt").findings)
    assert len(cards) == errors


def test_check_page_diff_starts_at_a_deviating_clause(app: AppTest) -> None:
    app.selectbox(key="check-sample").set_value(f"regulations/{DDT}.txt").run()
    clause = app.selectbox(key="check-diff-clause").value
    assert clause.status != "present"
    reference, document = (h.proto.body for h in app.get("html")[:2])
    assert "line-through" in reference and "line-through" not in document


def test_check_page_reads_an_uploaded_docx(app: AppTest) -> None:
    data = (ROOT / "corpora" / "formats" / f"{DDT}.docx").read_bytes()
    app.file_uploader(key="check-upload").set_value((f"{DDT}.docx", data, "application/octet-stream")).run()
    assert not app.exception and not app.error
    assert "TCH-VERIFY" in set(_frame(app, "Код")["Код"])
    assert {"DOCX с замечаниями", "Исправленный DOCX (правки)"} <= {b.label for b in app.download_button}


def test_check_page_shows_an_input_error_in_russian(app: AppTest) -> None:
    app.file_uploader(key="check-upload").set_value(("broken.docx", b"not a zip at all", "application/octet-stream"))
    app.run()
    assert not app.exception
    assert len(app.error) == 1 and app.error[0].value.replace("\\", "").startswith("broken.docx: файл повреждён")
    assert not app.metric


def test_reference_page_lists_clauses_by_role_and_the_registry(app: AppTest) -> None:
    app.switch_page("app_pages/reference.py").run()
    assert not app.exception
    clause_set, registry = load_clause_set(), load_registry()
    assert clause_set.version in _markdown(app) and registry.version in _markdown(app)
    clause_frames = [t.value for t in app.table if "Эталонная формулировка" in t.value.columns]
    assert sum(len(f) for f in clause_frames) == len(clause_set.clauses)
    registry_frame = _frame(app, "Правильная ссылка")
    assert list(registry_frame["Правильная ссылка"]) == [a.citation for a in registry.acts]
    first, second = (t.title for t in clause_set.texts)
    editions = _frame(app, f"{second}: формулировка").set_index("Код")
    assert editions.loc["HEAD-APPOINT-ADMIN", f"{second}: где"] == "п. 4.3"
    assert "из числа работников" in editions.loc["HEAD-APPOINT-ADMIN", f"{second}: формулировка"]
    assert "из числа педагогических работников" in editions.loc["HEAD-APPOINT-ADMIN", f"{first}: формулировка"]
    assert editions.loc["ORG-YOUNG-STUDENTS", f"{second}: как"] == "нет"


def _edited_draft(text: str, inserted: str) -> str:
    """The regulation with one more clause after 1.7 and a template remnant reworded."""
    end = text.index("\n", text.index("1.7."))
    return f"{text[:end + 1]}1.8. {inserted}\n{text[end + 1:]}".replace("в чате класса", "в чате группы")


def test_compare_page_shows_fixed_findings_and_status_changes(app: AppTest) -> None:
    old_text = (ROOT / "corpora" / "regulations" / f"{DDT}.txt").read_text(encoding="utf-8")
    new_text = _edited_draft(old_text, load_clause_set().get("ORG-WEBSITE").wording)
    old, new = (analyze(t.encode(), name=n) for t, n in ((old_text, "old.txt"), (new_text, "new.txt")))
    comparison = compare(old, new)

    app.switch_page("app_pages/compare.py").run()
    app.file_uploader(key="compare-old-upload").set_value(("old.txt", old_text.encode(), "text/plain"))
    app.file_uploader(key="compare-new-upload").set_value(("new.txt", new_text.encode(), "text/plain")).run()
    assert not app.exception and not app.error
    metrics = {m.label: m.value for m in app.metric}
    assert metrics["Исправлено"] == str(len(comparison.fixed)) and comparison.fixed
    text = _markdown(app)
    assert all(f.message in text for f in comparison.fixed)
    changes = _frame(app, "Стало")
    assert list(zip(changes["Код"], changes["Было"], changes["Стало"], strict=True)) == [
        (c.clause, STATUS_RU[c.old], STATUS_RU[c.new]) for c in comparison.clause_changes]
    assert ("ORG-WEBSITE", STATUS_RU["missing"], STATUS_RU["present"]) in set(
        zip(changes["Код"], changes["Было"], changes["Стало"], strict=True))
    assert len(app.get("html")) == 2 * len(comparison.changed)


def test_batch_page_stores_two_samples_and_shows_them_after_a_reload(app: AppTest, tmp_path: Path) -> None:
    app.switch_page("app_pages/batch.py").run()
    assert app.info[0].value.startswith("Выберите рабочую область")
    _new_workspace(app, "Район 5, 2025")
    assert [i.value for i in app.info] == ["В базе пока нет документов: добавьте файлы и нажмите «Проверить»."]
    samples = [f"regulations/{DDT}.txt", "formats/co-milyutina-2023.docx"]
    app.multiselect(key="batch-samples").set_value(samples).run()
    app.button(key="batch-run").click().run()
    assert not app.exception and not app.error
    assert app.success[0].value.startswith("Проверено: 2, из них не прочитано: 0")

    with Store(tmp_path / "workspaces" / "Район 5, 2025.sqlite") as store:
        stored = store.documents()
    assert sorted(d["name"] for d in stored) == sorted(Path(s).name for s in samples)
    assert all(d["error_code"] is None and d["score"] for d in stored)

    reloaded = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    reloaded.switch_page("app_pages/batch.py").run()
    reloaded.selectbox(key="workspace").set_value("Район 5, 2025").run()
    documents = _frame(reloaded, "Охват МР")
    assert sorted(documents["Документ"]) == sorted(d["name"] for d in stored)
    assert {m.label: m.value for m in reloaded.metric}["Документов в базе"] == "2"
    assert {b.label for b in reloaded.download_button} == {"CSV", "XLSX", "HTML-сводка", "Заключения по школам (ZIP)"}


def _cards(app: AppTest) -> str:
    return "\n".join(m.value for m in app.markdown if "-badge[" in m.value or "Комментарий" in m.value)


def test_check_page_review_buttons_dismiss_accept_and_comment_survive_a_reload(app: AppTest, tmp_path: Path) -> None:
    app.selectbox(key="check-sample").set_value(f"regulations/{DDT}.txt").run()
    report = analyze(ROOT / "corpora" / "regulations" / f"{DDT}.txt")
    remnant = next(f for f in report.findings if f.code == "RL401")
    error = next(f for f in report.findings if f.severity == "error")
    app.text_input(key="check-reviewer").input("Е.В. Смирнова").run()
    assert app.button(key=f"dismiss-{remnant.fingerprint}").disabled          # no workspace yet
    _new_workspace(app, "Район 5")
    assert app.text_input(key=f"check-org-{_digest(DDT)}").value == "ГБУ ДО ДДТ «Град чудес»"

    app.selectbox(key=f"reason-{remnant.fingerprint}").set_value("not_applicable").run()
    app.button(key=f"dismiss-{remnant.fingerprint}").click().run()
    app.button(key=f"accept-{error.fingerprint}").click().run()
    app.text_input(key=f"comment-{error.fingerprint}").input("Дополнить до 1 сентября").run()
    app.button(key=f"comment-save-{error.fingerprint}").click().run()
    assert not app.exception and not app.error
    warnings = sum(f.severity == "warning" for f in report.findings)
    assert {m.label: m.value for m in app.metric}["Предупреждения"] == str(warnings - 1)
    assert f"dismiss-{remnant.fingerprint}" not in {b.key for b in app.button}   # left the open list
    assert "Дополнить до 1 сентября" in _cards(app).replace("\\", "")

    reloaded = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    reloaded.selectbox(key="workspace").set_value("Район 5").run()
    reloaded.selectbox(key="check-sample").set_value(f"regulations/{DDT}.txt").run()
    assert {m.label: m.value for m in reloaded.metric}["Предупреждения"] == str(warnings - 1)
    reloaded.radio(key="check-decision").set_value("dismissed").run()
    dismissed = [b.key for b in reloaded.button if b.key.startswith("dismiss-")]
    assert dismissed == [f"dismiss-{remnant.fingerprint}"]
    assert ":gray-badge[отклонено]" in _cards(reloaded) and "не относится к этой организации" in _cards(reloaded)
    reloaded.radio(key="check-decision").set_value("accepted").run()
    assert [b.key for b in reloaded.button if b.key.startswith("accept-")] == [f"accept-{error.fingerprint}"]
    with Store(tmp_path / "workspaces" / "Район 5.sqlite") as store:
        assert store.db.execute("SELECT COUNT(*) FROM decision_history").fetchone()[0] == 3


def test_batch_page_shows_review_progress_per_document(app: AppTest, tmp_path: Path) -> None:
    app.switch_page("app_pages/batch.py").run()
    _new_workspace(app, "Район 5")
    app.multiselect(key="batch-samples").set_value([f"regulations/{DDT}.txt"]).run()
    app.button(key="batch-run").click().run()
    report = analyze(ROOT / "corpora" / "regulations" / f"{DDT}.txt")
    db = tmp_path / "workspaces" / "Район 5.sqlite"
    with Store(db) as store:
        decide(store, report, report.findings[0].fingerprint, "dismiss", reviewer="А", reason="false_positive")
        decide(store, report, report.findings[1].fingerprint, "accept", reviewer="А")
    app.run()
    documents = _frame(app, "Рассмотрено")
    row = documents.iloc[0]
    assert row["Рассмотрено"] == pytest.approx(100 * 2 / len(report.findings))
    assert row["Отклонено рецензентом"] == 1
    assert row["Ошибок"] + row["Предупреждений"] + row["Замечаний"] == len(report.findings) - 1
    assert {m.label: m.value for m in app.metric}["Отклонено рецензентами"] == "1"
    with zipfile.ZipFile(io.BytesIO(conclusions_zip(db, "Е.В. Смирнова"))) as archive:
        assert archive.namelist() == [f"{DDT}.заключение.docx"]
        letter = docx.Document(io.BytesIO(archive.read(f"{DDT}.заключение.docx")))
    text = "\n".join(p.text for p in letter.paragraphs)
    assert report.findings[0].message not in text and report.findings[1].message in text


def test_check_page_explains_a_damaged_store_and_still_shows_the_report(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "Битая.sqlite").write_bytes(b"not a database at all" * 100)
    monkeypatch.setenv("REGLINT_WORKSPACES", str(tmp_path))
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    app.selectbox(key="workspace").set_value("Битая").run()
    app.selectbox(key="check-sample").set_value(f"regulations/{DDT}.txt").run()
    assert not app.exception
    assert [e.value.replace("\\", "").startswith("Решения рецензентов недоступны") for e in app.error] == [True]
    assert {m.label for m in app.metric} >= {"Оценка", "Ошибки"}


def test_check_page_on_a_scan_shows_the_banner_and_the_evidence_on_the_page(app: AppTest) -> None:
    app.selectbox(key="check-sample").set_value("formats/school-59-krasnodar-2023-scan.pdf").run()
    assert not app.exception and not app.error
    assert any("Текст распознан с изображения" in w.value for w in app.warning)
    toggles = [t for t in app.toggle if t.label == "Показать на скане"]
    assert toggles
    toggles[0].set_value(True).run()
    assert not app.exception and len(app.get("image")) == 1
