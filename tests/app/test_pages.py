"""Every page run through app.py with Streamlit's AppTest: a sample picked or a
file uploaded, and what the page then shows compared with the library's report.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from analyzer.app_support import NEW_WORKSPACE
from analyzer.batch.store import Store
from analyzer.clause_set import load_clause_set
from analyzer.pipeline import analyze
from analyzer.registry import load_registry
from analyzer.report.compare import compare
from analyzer.report.view import STATUS_RU

ROOT = Path(__file__).resolve().parents[2]
DDT = "ddt-grad-chudes-2023"


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv("REGLINT_WORKSPACES", str(tmp_path / "workspaces"))
    return AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()


def _markdown(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown).replace("\\", "")


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
    assert {b.label for b in app.download_button} == {"JSON", "HTML-отчёт", "Отчёт DOCX"}


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
    app.selectbox(key="batch-workspace").set_value(NEW_WORKSPACE).run()
    app.text_input(key="batch-workspace-new").set_value("Район 5, 2025").run()
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
    reloaded.selectbox(key="batch-workspace").set_value("Район 5, 2025").run()
    documents = _frame(reloaded, "Охват МР")
    assert sorted(documents["Документ"]) == sorted(d["name"] for d in stored)
    assert {m.label: m.value for m in reloaded.metric}["Документов в базе"] == "2"
    assert {b.label for b in reloaded.download_button} == {"CSV", "XLSX", "HTML-сводка"}

