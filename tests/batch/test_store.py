"""The store on a real SQLite file: rows per document, skipping, replacing, resuming after Ctrl-C."""
from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from batch_support import count, dump

from analyzer.batch import audit
from analyzer.batch.store import Store
from analyzer.clause_set import load_clause_set
from analyzer.pipeline import analyze
from analyzer.report.json_writer import report_to_dict


def test_every_document_has_one_row_with_its_children(audited, corpus):
    db, summary = audited
    folder, expected = corpus
    assert (summary.total, summary.done, summary.skipped) == (expected, expected, 0)
    docs = Store(db).documents()
    assert len(docs) == expected and len({d["path"] for d in docs}) == expected
    assert not any(".hidden" in d["name"] or "~$" in d["name"] or d["name"].endswith(".png") for d in docs)
    analysed = [d for d in docs if d["error_code"] is None]
    n_clauses = len(load_clause_set().clauses)
    assert count(db, "clauses") == n_clauses * len(analysed)
    report = analyze(folder / "school-59-krasnodar-2023.txt")
    row = next(d for d in docs if d["name"].endswith("school-59-krasnodar-2023.txt"))
    assert row["n_error"] == sum(f.severity == "error" for f in report.findings)
    assert row["n_missing"] == sum(c.status == "missing" for c in report.clauses)
    applicable = [c for c in report.clauses if c.status != "not_applicable"]
    assert row["score"] == pytest.approx(sum(c.status == "present" for c in applicable) / len(applicable))
    assert len(Store(db).findings(row["id"])) == len(report.findings)
    assert set(row["timings"]) >= {"read", "structure", "lemmatise", "citations", "match", "checks", "store"}


def test_failures_are_recorded_and_the_batch_goes_on(audited):
    db, summary = audited
    errors = {Path(d["name"]).name: d for d in Store(db).documents() if d["error_code"]}
    assert summary.failed == len(errors) == 2
    assert errors["pustoi-skan.pdf"]["error_code"] == "RL003"
    assert "распознавание (OCR) ничего не нашло" in errors["pustoi-skan.pdf"]["error_message"]
    assert errors["broken.docx"]["error_code"] == "RL001"
    assert "broken.docx" in errors["broken.docx"]["error_message"]


def test_statistics_agree_with_the_rows(audited):
    db, _ = audited
    store = Store(db)
    names, clause_ids, statuses = store.matrix()
    assert clause_ids == [c.id for c in load_clause_set().clauses]
    assert sorted(names) == sorted(d["name"] for d in store.documents() if d["in_scope"] == 1)
    for stat in store.clause_stats():
        column = [row[clause_ids.index(stat["clause"])] for row in statuses]
        assert stat["missing"] == column.count("missing")
        assert stat["present"] == column.count("present")
        assert stat["applicable"] == len(column) - column.count("not_applicable")
    refs = sqlite3.connect(db).execute("SELECT act, problems, document_id FROM legal_refs").fetchall()
    for act in store.act_stats():
        mine = [(json.loads(p), d) for a, p, d in refs if a == act["act"]]
        assert act["citations"] == len(mine)
        assert act["wrong_number"] == len({d for p, d in mine if "wrong_number" in p})


def test_rerun_skips_and_force_replaces_without_duplicates(audited, corpus, tmp_path):
    db = tmp_path / "copy.sqlite"
    shutil.copy(audited[0], db)
    before = dump(db)
    again = audit([corpus[0]], db, workers=1)
    assert (again.total, again.done, again.skipped) == (corpus[1], 0, corpus[1])
    forced = audit([corpus[0]], db, workers=1, force=True)
    assert (forced.done, forced.skipped) == (corpus[1], 0)
    assert dump(db) == before
    assert count(db, "clauses") == count(audited[0], "clauses")


def test_an_edited_file_is_audited_again_under_the_same_row(tmp_path, corpus):
    doc = tmp_path / "school.txt"
    shutil.copy(Path(corpus[0]) / "school-59-krasnodar-2023.txt", doc)
    db = tmp_path / "audit.sqlite"
    audit([doc], db, workers=1)
    doc.write_text(doc.read_text(encoding="utf-8").replace("Сферум", "Сферум»", 1), encoding="utf-8")
    summary = audit([doc], db, workers=1)
    assert (summary.done, summary.skipped) == (1, 0)
    assert count(db) == 1


@pytest.mark.parametrize("workers", [1, 2])
def test_interrupted_batch_resumes_without_loss_or_duplicates(corpus, tmp_path, workers):
    folder, expected = corpus
    db = tmp_path / "audit.sqlite"
    k = 4

    def interrupt(done: int, total: int, name: str) -> None:
        if done == k:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        audit([folder], db, workers=workers, progress=interrupt)
    assert count(db) == k
    done_before = {d["path"] for d in Store(db).documents()}
    summary = audit([folder], db, workers=workers)
    assert (summary.skipped, summary.done) == (k, expected - k)
    assert count(db) == expected and len({d["path"] for d in Store(db).documents()}) == expected
    assert done_before <= {d["path"] for d in Store(db).documents()}


def test_internal_errors_are_not_skipped(tmp_path, corpus):
    doc = tmp_path / "school.txt"
    shutil.copy(Path(corpus[0]) / "school-59-krasnodar-2023.txt", doc)
    db = tmp_path / "audit.sqlite"
    audit([doc], db, workers=1)
    con = sqlite3.connect(db)
    con.execute("UPDATE documents SET error_code = 'RL900'")
    con.commit()
    con.close()
    summary = audit([doc], db, workers=1)
    assert (summary.done, summary.skipped) == (1, 0)
    assert Store(db).documents()[0]["error_code"] is None


def test_json_columns_hold_what_json_dumps_writes(audited, corpus):
    """The store encodes with encoders built once and writes an empty list directly: the text is json.dumps's."""
    db, _ = audited
    folder, _ = corpus
    row = next(d for d in Store(db).documents() if d["name"].endswith("co-milyutina-2023.docx"))
    report = report_to_dict(analyze(folder / "region" / "district" / "co-milyutina-2023.docx"))
    with sqlite3.connect(db) as con:
        clauses = con.execute("SELECT clause, reasons, evidence FROM clauses WHERE document_id = ?",
                              (row["id"],)).fetchall()
        problems = con.execute("SELECT problems FROM legal_refs WHERE document_id = ? ORDER BY id",
                               (row["id"],)).fetchall()
    expected = {c["id"]: (json.dumps(c["reasons"]), json.dumps(c["evidence"], ensure_ascii=False))
                for c in report["clauses"]}
    assert {clause: (reasons, evidence) for clause, reasons, evidence in clauses} == expected
    assert any(r == "[]" for r, _ in expected.values()) and any(r != "[]" for r, _ in expected.values())
    assert any(e != "[]" and not e.isascii() for _, e in expected.values())
    assert [p for (p,) in problems] == [json.dumps(r["problems"]) for r in report["legal_refs"]]
