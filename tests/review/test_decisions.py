"""Decisions kept in the store: applied to the next draft, last one wins, history kept, old stores upgraded."""
from __future__ import annotations

import csv
import json
import sqlite3
import threading
from pathlib import Path

import pytest
import synth
from stability import fix_one

from analyzer.batch import audit_items
from analyzer.batch.exports import export
from analyzer.batch.review_counts import document_progress
from analyzer.batch.store import _SCHEMA, Store
from analyzer.cli import main
from analyzer.organisation import organisation_key
from analyzer.pipeline import analyze
from analyzer.review.decisions import ReviewError, decide, history, load_reviews

ROOT = Path(__file__).resolve().parents[2]
DDT = ROOT / "corpora" / "regulations" / "ddt-grad-chudes-2023.txt"


@pytest.fixture(scope="module")
def first_draft():
    return analyze(DDT)


def _remnant(report):
    return next(f for f in report.findings if f.code == "RL401")


def test_a_dismissal_applies_to_the_next_draft(first_draft, tmp_path: Path) -> None:
    remnant = _remnant(first_draft)
    with Store(tmp_path / "r.sqlite") as store:
        decide(store, first_draft, remnant.fingerprint, "dismiss", reviewer="Иванова", reason="false_positive")
    text, fixed = fix_one(first_draft)
    next_draft = analyze(synth.renumber(synth.rewrap(text, 65), 1).encode(), name="положение-2024.txt")
    assert fixed.fingerprint not in {f.fingerprint for f in next_draft.findings}
    with Store(tmp_path / "r.sqlite") as store:
        reviewed = load_reviews(store, next_draft)
    assert [(f.fingerprint, " ".join(f.quote.split())) for f in reviewed.suppressed] == [
        (remnant.fingerprint, remnant.quote)]                        # re-wrapped: "в чате\nкласса"
    assert remnant.fingerprint not in {f.fingerprint for f in reviewed.findings}
    assert len(reviewed.findings) == len(next_draft.findings) - 1
    review = reviewed.review_of(remnant.fingerprint)
    assert (review.decision, review.reviewer, review.reason) == ("dismissed", "Иванова", "false_positive")


def test_decisions_stay_in_their_organisation(first_draft, tmp_path: Path) -> None:
    remnant = _remnant(first_draft)
    with Store(tmp_path / "r.sqlite") as store:
        decide(store, first_draft, remnant.fingerprint, "dismiss", reviewer="Иванова", reason="not_applicable")
        other = analyze(DDT.read_text(encoding="utf-8").replace("«Град чудес»", "«Радуга»").encode(), name="r.txt")
        assert load_reviews(store, other).suppressed == ()


def test_check_cli_applies_decisions_and_fail_on(first_draft, tmp_path: Path, capsys) -> None:
    db = tmp_path / "r.sqlite"
    warnings = [f for f in first_draft.findings if f.severity == "warning"]
    errors = [f for f in first_draft.findings if f.severity == "error"]
    for f in errors:
        assert main(["review", str(DDT), "--db", str(db), "--dismiss", f.fingerprint, "--reason", "fixed_elsewhere",
                     "--reviewer", "Петров"]) == 0
    assert main(["review", str(DDT), "--db", str(db), "--accept", warnings[0].fingerprint]) == 0
    assert main(["review", str(DDT), "--db", str(db), "--comment", warnings[0].fingerprint, "Добавить в 2.1"]) == 0
    capsys.readouterr()
    assert main(["check", str(DDT), "--db", str(db), "--format", "json"]) == 0       # every error dismissed
    data = json.loads(capsys.readouterr().out)
    assert {f["fingerprint"] for f in data["suppressed"]} == {f.fingerprint for f in errors}
    assert all(f["review"]["decision"] == "dismissed" for f in data["suppressed"])
    assert not [f for f in data["findings"] if f["severity"] == "error"]
    accepted = next(f for f in data["findings"] if f["fingerprint"] == warnings[0].fingerprint)
    assert accepted["review"]["decision"] == "accepted" and accepted["review"]["comment"] == "Добавить в 2.1"
    assert main(["check", str(DDT), "--db", str(db), "--fail-on", "warning", "--format", "json"]) == 1
    assert main(["check", str(DDT), "--format", "json"]) == 1                         # without the store
    assert main(["check", str(DDT), "--db", str(db), "--format", "html", "-o", str(tmp_path / "r.html")]) == 0
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert f"Отклонены рецензентом ({len(errors)})" in html and "исправлено в другом документе" in html
    assert "Добавить в 2.1" in html


def test_last_decision_wins_and_history_keeps_every_action(first_draft, tmp_path: Path, capsys) -> None:
    fp = _remnant(first_draft).fingerprint
    db = tmp_path / "r.sqlite"
    assert main(["review", str(DDT), "--db", str(db), "--dismiss", fp, "--reason", "false_positive",
                 "--reviewer", "Иванова"]) == 0
    assert main(["review", str(DDT), "--db", str(db), "--accept", fp[:8], "--reviewer", "Петров"]) == 0
    err = capsys.readouterr().err
    assert "Заменено решение «отклонено» (Иванова" in err and "сохранено в истории" in err
    with Store(db) as store:
        actions = history(store, organisation_key(first_draft.organisation), fp)
        assert [(a["action"], a["reviewer"]) for a in actions] == [("dismiss", "Иванова"), ("accept", "Петров")]
        assert load_reviews(store, first_draft).review_of(fp).decision == "accepted"
    assert main(["review", str(DDT), "--db", str(db), "--history", fp]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "Иванова: отклонено — ложное срабатывание" in lines[0] and "Петров: подтверждено" in lines[1]


def test_two_reviewers_at_once_are_both_recorded(first_draft, tmp_path: Path) -> None:
    fp = _remnant(first_draft).fingerprint
    db = tmp_path / "r.sqlite"
    Store(db).close()
    barrier = threading.Barrier(2)

    def review(name: str, action: str) -> None:
        with Store(db) as store:
            barrier.wait()
            decide(store, first_draft, fp, action, reviewer=name, reason="false_positive")

    threads = [threading.Thread(target=review, args=a) for a in (("А", "dismiss"), ("Б", "accept"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    with Store(db) as store:
        actions = history(store, organisation_key(first_draft.organisation), fp)
        final = load_reviews(store, first_draft).review_of(fp)
    assert sorted(a["reviewer"] for a in actions) == ["А", "Б"]
    assert final.reviewer == actions[-1]["reviewer"]                  # the later one is the decision


def test_a_stale_view_is_reported(first_draft, tmp_path: Path) -> None:
    fp = _remnant(first_draft).fingerprint
    with Store(tmp_path / "r.sqlite") as store:
        first = decide(store, first_draft, fp, "accept", reviewer="А")
        assert not first.concurrent
        decide(store, first_draft, fp, "dismiss", reviewer="Б", reason="false_positive")
        late = decide(store, first_draft, fp, "accept", reviewer="А", seen=first.review.decided_at)
    assert late.concurrent and late.replaced.reviewer == "Б"


def test_unknown_fingerprint_and_missing_reason_are_explained(first_draft, tmp_path: Path, capsys) -> None:
    with Store(tmp_path / "r.sqlite") as store, pytest.raises(ReviewError, match="нет находки с отпечатком 0123456789"):
        decide(store, first_draft, "0123456789", "accept", reviewer="А")
    assert main(["review", str(DDT), "--db", str(tmp_path / "r.sqlite"), "--dismiss",
                 first_draft.findings[0].fingerprint]) == 2
    assert "укажите причину отклонения" in capsys.readouterr().err


def test_an_organisation_must_be_known_or_given(tmp_path: Path, capsys) -> None:
    text = DDT.read_text(encoding="utf-8").replace("ГБУ ДО ДДТ «Град чудес»", "Дом творчества")
    draft = tmp_path / "draft.txt"
    draft.write_text(text, encoding="utf-8")
    report = analyze(draft)
    assert report.organisation is None
    args = ["review", str(draft), "--db", str(tmp_path / "r.sqlite"), "--accept", report.findings[0].fingerprint]
    assert main(args) == 2 and "--org" in capsys.readouterr().err
    named = ["review", str(draft), "--db", str(tmp_path / "r.sqlite"), "--org", "ГБУ ДО «Дом творчества»"]
    assert main(named) == 0
    fp = capsys.readouterr().out.splitlines()[1].split()[0]
    assert main([*named, "--accept", fp]) == 0


def test_a_store_from_an_older_schema_is_upgraded_without_loss(tmp_path: Path) -> None:
    db = tmp_path / "old.sqlite"
    old = sqlite3.connect(db)
    old.executescript(_SCHEMA + "PRAGMA user_version=1;")
    old.execute("INSERT INTO documents (path, name, reference_version, registry_version, created_at) "
                "VALUES ('a.txt', 'a.txt', 'r', 'g', '2025-01-01')")
    old.commit()
    old.close()
    with Store(db) as store:
        assert store.upgraded
        assert [d["name"] for d in store.documents()] == ["a.txt"]
        assert store.db.execute("SELECT COUNT(*) FROM decisions").fetchone()[0] == 0
    with Store(db) as store:
        assert not store.upgraded


def test_batch_exports_count_only_findings_not_dismissed(first_draft, tmp_path: Path) -> None:
    db = tmp_path / "audit.sqlite"
    audit_items([(DDT.name, DDT.read_bytes())], db, workers=1)
    errors = [f for f in first_draft.findings if f.severity == "error"]
    with Store(db) as store:
        (undecided,) = document_progress(store).values()
        assert (undecided["n_dismissed"], undecided["n_decided"]) == (0, 0)
        decide(store, first_draft, errors[0].fingerprint, "dismiss", reviewer="А", reason="false_positive")
        decide(store, first_draft, errors[1].fingerprint, "accept", reviewer="А")
        (progress,) = document_progress(store).values()
    assert (progress["n_error"], progress["n_dismissed"], progress["n_decided"]) == (len(errors) - 1, 1, 2)
    (documents, *_) = export(db, "csv", tmp_path)
    with documents.open(encoding="utf-8-sig", newline="") as f:
        (row,) = list(csv.DictReader(f))
    assert (int(row["Ошибок"]), int(row["Отклонено рецензентом"]), int(row["Рассмотрено находок"])) == (
        len(errors) - 1, 1, 2)
    (summary,) = export(db, "html", tmp_path)
    assert "отклонено как неприменимые: 1" in summary.read_text(encoding="utf-8")


def test_a_damaged_store_is_explained(tmp_path: Path, capsys) -> None:
    db = tmp_path / "damaged.sqlite"
    db.write_bytes(b"not a database at all" * 100)
    assert main(["review", str(DDT), "--db", str(db), "--accept", "123456"]) == 2
    assert main(["check", str(DDT), "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert err.count(f"база {db}: файл повреждён или это не база SQLite") == 2 and "Traceback" not in err


def test_review_and_conclusion_work_in_a_named_workspace(first_draft, tmp_path: Path, monkeypatch,
                                                           capsys) -> None:
    import docx

    monkeypatch.setenv("REGLINT_WORKSPACES", str(tmp_path / "ws"))
    remnant = _remnant(first_draft)
    assert main(["review", str(DDT), "--workspace", "Район 5", "--dismiss", remnant.fingerprint,
                 "--reason", "not_applicable", "--reviewer", "Иванова"]) == 0
    with Store(tmp_path / "ws" / "Район 5.sqlite") as store:
        assert load_reviews(store, first_draft).suppressed[0].fingerprint == remnant.fingerprint
    letter = tmp_path / "conclusion.docx"
    assert main(["conclusion", str(DDT), "--workspace", "Район 5", "-o", str(letter)]) == 0
    text = "\n".join(p.text for p in docx.Document(str(letter)).paragraphs)
    assert remnant.message not in text and "ЗАКЛЮЧЕНИЕ" in text
    assert main(["review", str(DDT), "--workspace", "../elsewhere", "--accept", remnant.fingerprint]) == 2
    assert "недопустимо" in capsys.readouterr().err
