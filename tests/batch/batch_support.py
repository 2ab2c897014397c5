"""Helpers of the batch tests: a small real corpus, row dumps of a store, a worker that dies."""
from __future__ import annotations

import os
import random
import shutil
import sqlite3
from pathlib import Path
from typing import Any

from PIL import Image
from synth import ocr_noise, random_variant, rewrap

from analyzer.batch.worker import Task, analyze_task

CORPORA = Path(__file__).resolve().parents[2] / "corpora"
REGULATIONS = sorted((CORPORA / "regulations").glob("*.txt"))
# Fields that differ between two runs of the same documents.
VOLATILE = {"id", "document_id", "seconds", "timings", "worker", "peak_rss_kb", "created_at"}


def make_corpus(folder: Path) -> int:
    """A dozen documents in ``folder`` (with a subfolder), plus files a batch must skip; how many it must audit."""
    sub = folder / "region" / "district"
    sub.mkdir(parents=True)
    for path in REGULATIONS:
        shutil.copy(path, folder / path.name)
    shutil.copy(CORPORA / "formats" / "co-milyutina-2023.docx", sub)
    shutil.copy(CORPORA / "formats" / "apk-college.docx", sub)
    shutil.copy(CORPORA / "formats" / "ddt-grad-chudes-2023.pdf", sub)
    blank = Image.new("L", (170, 240), 255)   # a scanned page with nothing on it: OCR finds no text, RL003
    blank.save(sub / "pustoi-skan.pdf", save_all=True, append_images=[blank])
    rng = random.Random(7)
    texts = [p.read_text(encoding="utf-8") for p in REGULATIONS]
    (sub / "variant-1.txt").write_text(random_variant(texts[0], rng), encoding="utf-8")
    (sub / "variant-2.txt").write_text(rewrap(texts[3], 64), encoding="utf-8")
    (sub / "variant-3.txt").write_text(ocr_noise(texts[1], rng, 0.03), encoding="utf-8")
    (sub / "broken.docx").write_bytes(b"PK\x03\x04" + bytes(rng.randrange(256) for _ in range(2000)))
    (folder / ".hidden.txt").write_text(texts[0], encoding="utf-8")
    (sub / "~$lock.docx").write_bytes(b"\x00" * 162)
    (sub / "picture.gif").write_bytes(b"GIF89a")
    return 12


def dump(db: Path) -> dict[str, Any]:
    """Everything a store holds about each path, without what changes from run to run."""
    con = sqlite3.connect(db)
    con.row_factory = sqlite3.Row
    out: dict[str, Any] = {}
    for doc in con.execute("SELECT * FROM documents"):
        children = {table: sorted(tuple((k, v) for k, v in dict(r).items() if k not in VOLATILE)
                                  for r in con.execute(f"SELECT * FROM {table} WHERE document_id = ?", (doc["id"],)))
                    for table in ("clauses", "findings", "legal_refs")}
        out[doc["path"]] = {k: v for k, v in dict(doc).items() if k not in VOLATILE} | children
    con.close()
    return out


def count(db: Path, table: str = "documents") -> int:
    con = sqlite3.connect(db)
    try:
        return con.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
    finally:
        con.close()


def analyse_or_die(task: Task) -> dict[str, Any]:
    """The worker function, except that a document named "…crash…" kills its process."""
    if "crash" in task.name:
        os._exit(3)
    return analyze_task(task)


def inherited_heap(task: Task) -> dict[str, Any]:
    """What a worker process starts from: the objects frozen before it was forked, and the analysis modules."""
    import gc
    import sys

    return {"name": task.name, "frozen": gc.get_freeze_count(), "spacy": "spacy" in sys.modules}
