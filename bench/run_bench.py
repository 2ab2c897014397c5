"""Benchmark of batch audits on a corpus made by bench/make_corpus.py.

    .venv/bin/python bench/run_bench.py --corpus /tmp/reglint-corpus [--workers 1,2] [--limit N]

Prints markdown tables: documents per second end to end (``analyzer.batch.audit``
into a fresh store, process start-up and warm-up included) on the TXT and
DOCX documents for each worker count, then one run of the whole corpus with
the time per stage by format (``Report.timings`` plus the parent's store
write), and the peak memory of each worker process (``ru_maxrss``).
Hot spots: see bench/hotspots.py (py-spy on a real batch, all its processes).
"""
from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from analyzer.batch import audit
from analyzer.batch.runner import default_workers
from analyzer.batch.store import Store

STAGES = ("read", "structure", "lemmatise", "citations", "match", "checks", "store")


def corpus_files(corpus: Path, formats: set[str], limit: int | None) -> list[Path]:
    files = sorted(p for p in corpus.rglob("*") if p.suffix[1:] in formats)
    return files[:limit] if limit else files


def timed_audit(files: list[Path], workers: int, db: Path) -> tuple[float, int, int]:
    listing = db.with_suffix(".list")
    listing.write_text("\n".join(map(str, files)), encoding="utf-8")
    started = time.perf_counter()
    summary = audit([f"@{listing}"], db, workers=workers)
    return time.perf_counter() - started, summary.done, summary.failed


def scaling(files: list[Path], worker_counts: list[int], tmp: Path) -> None:
    print(f"\n### Throughput, {len(files)} TXT + DOCX documents\n")
    print("| workers | seconds | documents/s | speed-up | failed |\n|---:|---:|---:|---:|---:|")
    base = None
    for workers in worker_counts:
        seconds, done, failed = timed_audit(files, workers, tmp / f"scale-{workers}.sqlite")
        rate = done / seconds
        base = base or rate
        print(f"| {workers} | {seconds:.1f} | {rate:.1f} | {rate / base:.2f} | {failed} |")


def stages(files: list[Path], workers: int, tmp: Path) -> None:
    db = tmp / "mixed.sqlite"
    seconds, done, failed = timed_audit(files, workers, db)
    print(f"\n### Whole corpus: {done} documents on {workers} workers in {seconds:.1f} s "
          f"({done / seconds:.1f} documents/s), {failed} failed\n")
    docs = Store(db).documents()
    by_format: dict[str, list[dict]] = defaultdict(list)
    for doc in docs:
        if doc["timings"]:
            by_format[doc["format"]].append(doc)
    print("Mean milliseconds per document and stage (worker side, except `store`: the parent's write)\n")
    print("| format | documents | " + " | ".join(STAGES) + " | total |\n|---|---:|" + "---:|" * (len(STAGES) + 1))
    for fmt, rows in sorted(by_format.items()):
        means = [statistics.fmean(r["timings"].get(s, 0.0) for r in rows) * 1000 for s in STAGES]
        total = statistics.fmean(r["seconds"] for r in rows) * 1000 + means[-1]
        print(f"| {fmt} | {len(rows)} | " + " | ".join(f"{m:.1f}" for m in means) + f" | {total:.1f} |")
    peaks: dict[str, int] = defaultdict(int)
    for doc in docs:
        if doc["worker"]:
            peaks[doc["worker"]] = max(peaks[doc["worker"]], doc["peak_rss_kb"] or 0)
    print("\nPeak resident memory per worker process (MB): "
          + ", ".join(f"{kb / 1024:.0f}" for _, kb in sorted(peaks.items())))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--workers", default=None, help="worker counts to compare, e.g. 1,2 (default 1 … all cores)")
    parser.add_argument("--limit", type=int, help="use only the first N documents of each run")
    args = parser.parse_args(argv)
    plain = corpus_files(args.corpus, {"txt", "docx"}, args.limit)
    counts = [int(w) for w in args.workers.split(",")] if args.workers else list(range(1, default_workers() + 1))
    print(f"{default_workers()} cores available")
    with tempfile.TemporaryDirectory(prefix="reglint-bench-") as tmp:
        scaling(plain, counts, Path(tmp))
        stages(corpus_files(args.corpus, {"txt", "docx", "pdf"}, args.limit), max(counts), Path(tmp))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
