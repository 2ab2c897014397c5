"""Scans in a batch: OCR'd once, kept in the store by content hash, not OCR'd again on a re-audit."""
from __future__ import annotations

import sqlite3

import pypdfium2 as pdfium
import pytest

from analyzer.batch import OcrSettings, audit
from analyzer.batch.store import Store
from analyzer.ingest import ocr


@pytest.fixture(scope="module")
def scan_folder(tmp_path_factory, formats_dir):
    """The last page of the corpora scan as a JPEG at 150 dpi: one page to OCR."""
    folder = tmp_path_factory.mktemp("scans")
    pdf = pdfium.PdfDocument(str(formats_dir / "school-59-krasnodar-2023-scan.pdf"))
    pdf[2].render(scale=150 / 72, grayscale=True).to_pil().save(folder / "stranica-3.jpg", quality=80,
                                                               dpi=(150, 150))
    return folder


def test_a_reaudit_reads_the_store_not_the_image(scan_folder, tmp_path, monkeypatch):
    db = tmp_path / "audit.sqlite"
    pages: list[int] = []
    first = audit([scan_folder], db, workers=1, ocr=OcrSettings(progress=pages.append))
    assert (first.done, first.failed) == (1, 0) and pages == [1]
    kept = Store(db).ocr_pages(Store(db).documents()[0]["content_hash"])
    assert [p["page"] for p in kept] == [1] and kept[0]["dpi"] == 150

    def fail(*args, **kwargs):
        raise AssertionError("OCR ran again")

    monkeypatch.setattr(ocr, "recognise", fail)
    again = audit([scan_folder], db, workers=1, force=True)
    assert (again.done, again.failed) == (1, 0)
    row = sqlite3.connect(db).execute("SELECT format, error_code FROM documents").fetchone()
    assert row == ("jpeg", None)


def test_ocr_never_records_the_scan_as_an_error(scan_folder, tmp_path):
    db = tmp_path / "audit.sqlite"
    summary = audit([scan_folder], db, workers=1, ocr=OcrSettings(mode="never"))
    assert summary.failed == 1
    assert Store(db).documents()[0]["error_code"] == "RL003"


def test_ocr_runs_on_the_dask_cluster(scan_folder, tmp_path):
    distributed = pytest.importorskip("distributed")
    db = tmp_path / "dask.sqlite"
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as cluster:
        summary = audit([scan_folder], db, scheduler=cluster.scheduler_address)
        pids = {w.process.pid for w in cluster.workers.values()}
    assert (summary.done, summary.failed) == (1, 0)
    [document] = Store(db).documents()
    assert int(document["worker"].rsplit(":", 1)[1]) in pids
    assert [p["page"] for p in Store(db).ocr_pages(document["content_hash"])] == [1]
