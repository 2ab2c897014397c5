"""Scans: build harder scanned copies of the four regulations, score them, time OCR.

    .venv/bin/python bench/ocr_bench.py make  --out /tmp/ocr-bench        # the scanned copies (about 1 min)
    .venv/bin/python bench/ocr_bench.py score --out /tmp/ocr-bench        # the scorer per set and setting
    .venv/bin/python bench/ocr_bench.py cost  --out /tmp/ocr-bench        # reglint check vs bare tesseract
    .venv/bin/python bench/ocr_bench.py batch --out /tmp/ocr-bench        # batch pages/s, 2 workers
    .venv/bin/python bench/ocr_bench.py diff  --out /tmp/ocr-bench        # findings a scan adds or drops

Sets, each with the four regulations under their gold names (``make``):

* ``scan200``: the text PDFs of corpora/formats rendered at 200 dpi, grey JPEG pages in a PDF — a clean scan;
* ``hard``: the same pages skewed by up to ±2°, unevenly lit, noisy, at 150 dpi (apk, ddt) or 200 dpi, JPEG 55,
  the second page upside down;
* ``tiff``: the hard pages (upright) thresholded to a bilevel multipage TIFF (CCITT G4, 200 dpi);
* ``corpora``: the corpora's own scan of school-59 (120 dpi grey), scored with that regulation's gold only.

``score`` runs the pipeline in this process per setting (resolution × page segmentation mode), writes the
JSON reports and scores them with ../shared/eval/score.py --reports. ``cost`` times, in one interleaved
run, ``reglint check`` on the scan200 set against bare ``tesseract -l rus`` on the same pages rendered at
300 dpi, both with OMP_THREAD_LIMIT=1. Nothing here asserts timings; the machine may be shared.
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageFilter

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
STEMS = sorted(p.stem for p in (ROOT / "corpora" / "regulations").glob("*.txt"))
CORPORA_SCAN = ROOT / "corpora" / "formats" / "school-59-krasnodar-2023-scan.pdf"
SETS = ("scan200", "hard", "tiff", "corpora")
ENV = {**os.environ, "OMP_THREAD_LIMIT": "1"}


def _pages(stem: str, dpi: int) -> list[Image.Image]:
    pdf = pdfium.PdfDocument(str(ROOT / "corpora" / "formats" / f"{stem}.pdf"))
    return [pdf[i].render(scale=dpi / 72, grayscale=True).to_pil() for i in range(len(pdf))]


def _degrade(page: Image.Image, rng: random.Random, dpi: int) -> Image.Image:
    """Skew, uneven light and noise on a 300-dpi page, then down to ``dpi``."""
    page = page.rotate(rng.uniform(-2.0, 2.0), resample=Image.Resampling.BICUBIC, fillcolor=255)
    pixels = np.asarray(page, dtype=np.float32)
    h, w = pixels.shape
    light = np.linspace(rng.uniform(0.72, 0.85), 1.0, w)[None, :] * np.linspace(1.0, rng.uniform(0.8, 0.95), h)[:, None]
    noise = np.random.default_rng(rng.randrange(1 << 30)).normal(0, 14, pixels.shape)
    pixels = np.clip(pixels * light + noise, 0, 255).astype(np.uint8)
    page = Image.fromarray(pixels).filter(ImageFilter.GaussianBlur(0.6))
    return page.resize((w * dpi // 300, h * dpi // 300), Image.Resampling.LANCZOS)


def _save_pdf(pages: list[Image.Image], path: Path, dpi: int, quality: int) -> None:
    pages[0].save(path, "PDF", save_all=True, append_images=pages[1:], resolution=dpi, quality=quality)


def make(out: Path) -> None:
    rng = random.Random(13)
    for name in SETS:
        (out / name).mkdir(parents=True, exist_ok=True)
    for i, stem in enumerate(STEMS):
        _save_pdf(_pages(stem, 200), out / "scan200" / f"{stem}.pdf", 200, 75)
        dpi = (150, 200)[i % 2]
        hard = [_degrade(p, rng, dpi) for p in _pages(stem, 300)]
        upright = list(hard)
        hard[1] = hard[1].rotate(180)
        _save_pdf(hard, out / "hard" / f"{stem}.pdf", dpi, 55)
        bilevel = [p.resize((p.width * 200 // dpi, p.height * 200 // dpi)).point(lambda v: 255 if v > 150 else 0)
                   .convert("1") for p in upright]
        bilevel[0].save(out / "tiff" / f"{stem}.tiff", save_all=True, append_images=bilevel[1:],
                        compression="group4", dpi=(200, 200))
        print(stem, f"hard at {dpi} dpi, {len(hard)} pages")
    shutil.copy(CORPORA_SCAN, out / "corpora" / "school-59-krasnodar-2023.pdf")


def _gold(name: str) -> Path:
    if name != "corpora":
        return SHARED / "gold"
    folder = Path(tempfile.mkdtemp(prefix="gold-"))
    shutil.copy(SHARED / "gold" / "school-59-krasnodar-2023.yaml", folder)
    return folder


def _score(reports: Path, gold: Path) -> str:
    done = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), "--gold", str(gold), "--reports",
                           str(reports), "-v"], capture_output=True, text=True, check=False)
    return done.stdout.strip()


def _reports(docs: Path, target: Path, dpi: int, psm: int) -> tuple[int, float]:
    from analyzer.ingest import OcrOptions, ocr
    from analyzer.pipeline import analyze
    from analyzer.report.json_writer import dumps

    ocr.PSM = psm
    target.mkdir(parents=True, exist_ok=True)
    pages, seconds = 0, 0.0
    for path in sorted(docs.iterdir()):
        started = time.perf_counter()
        report = analyze(path, ocr=OcrOptions(dpi=dpi))
        seconds += time.perf_counter() - started
        pages += report.document.pages or 0
        (target / f"{path.stem}.json").write_text(dumps([report]), encoding="utf-8")
    return pages, seconds


def score(out: Path, settings: list[str], sets: list[str]) -> None:
    for name in sets:
        for setting in settings:
            dpi, psm = (int(x) for x in setting.split("/"))
            target = out / "reports" / name / f"{dpi}-{psm}"
            pages, seconds = _reports(out / name, target, dpi, psm)
            lines = _score(target, _gold(name)).splitlines()
            print(f"## {name} dpi={dpi} psm={psm}: {pages} pages, {seconds / max(pages, 1):.2f} s/page")
            print("\n".join(line for line in lines if line.startswith("  ")))
            print(lines[-1], flush=True)


def cost(out: Path, rounds: int) -> None:
    docs = sorted((out / "scan200").iterdir())
    pngs = Path(tempfile.mkdtemp(prefix="pages300-"))
    for stem in STEMS:
        for i, page in enumerate(_pages(stem, 300)):
            page.save(pngs / f"{stem}-{i + 1}.png")
    n_pages = len(list(pngs.iterdir()))
    reglint = tesseract = 0.0
    for _ in range(rounds):          # interleaved, so that both see the same load of a shared machine
        for doc in docs:
            started = time.perf_counter()
            subprocess.run([str(ROOT / ".venv" / "bin" / "reglint"), "check", "--format", "json", str(doc)],
                           capture_output=True, env=ENV, check=False)
            reglint += time.perf_counter() - started
        for png in sorted(pngs.iterdir()):
            started = time.perf_counter()
            subprocess.run(["tesseract", str(png), "stdout", "-l", "rus"], capture_output=True, env=ENV, check=False)
            tesseract += time.perf_counter() - started
    per_reglint, per_tesseract = reglint / rounds / n_pages, tesseract / rounds / n_pages
    print(f"pages {n_pages}, rounds {rounds}: reglint check (200-dpi scan, end to end) {per_reglint:.2f} s/page; "
          f"bare tesseract (300 dpi PNG, text only) {per_tesseract:.2f} s/page; ratio {per_reglint / per_tesseract:.2f}")
    shutil.rmtree(pngs)


def batch(out: Path, workers: int) -> None:
    from analyzer.batch import audit

    folder = Path(tempfile.mkdtemp(prefix="batch-scans-"))
    for name in ("scan200", "hard", "tiff"):
        for path in (out / name).iterdir():
            shutil.copy(path, folder / f"{name}-{path.name}")
    db = folder / "audit.sqlite"
    started = time.perf_counter()
    summary = audit([folder], db, workers=workers)
    seconds = time.perf_counter() - started
    from analyzer.batch.store import Store

    pages = sum(len(Store(db).ocr_pages(d["content_hash"])) for d in Store(db).documents())
    print(f"{summary.done} documents, {pages} OCR'd pages, {workers} workers: {seconds:.1f} s, "
          f"{pages / seconds:.2f} pages/s (failed {summary.failed})")
    started = time.perf_counter()
    audit([folder], db, workers=workers, force=True)
    print(f"re-audit from the store's OCR cache (--force): {time.perf_counter() - started:.1f} s")
    shutil.rmtree(folder)


def diff(out: Path, sets: list[str]) -> None:
    """Findings of each scanned copy that its TXT has not (and the reverse), errors first."""
    from analyzer.pipeline import analyze

    for stem in STEMS:
        typed = analyze(ROOT / "corpora" / "regulations" / f"{stem}.txt")
        keys = {(f.code, f.message) for f in typed.findings}
        for name in sets:
            path = next(iter(sorted((out / name).glob(f"{stem}.*"))), None)
            if path is None:
                continue
            report = analyze(path)
            scanned = {(f.code, f.message) for f in report.findings}
            added = [f for f in report.findings if (f.code, f.message) not in keys]
            lost = [f for f in typed.findings if (f.code, f.message) not in scanned]
            print(f"## {name}/{stem}: +{len(added)} -{len(lost)}; errors added "
                  f"{sum(f.severity == 'error' for f in added)}")
            for f in sorted(added, key=lambda f: f.severity):
                print(f"  + {f.severity} {f.code} {f.message[:150]} «{f.quote[:80]}»")
            for f in sorted(lost, key=lambda f: f.severity):
                print(f"  - {f.severity} {f.code} {f.message[:150]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=("make", "score", "cost", "batch", "diff"))
    parser.add_argument("--out", type=Path, default=Path("/tmp/ocr-bench"))
    parser.add_argument("--settings", default="200/3", help="dpi/psm pairs, comma separated, e.g. 150/3,200/3,300/3")
    parser.add_argument("--sets", default=",".join(SETS))
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    sets = args.sets.split(",")
    if args.command == "make":
        make(args.out)
    elif args.command == "score":
        score(args.out, args.settings.split(","), sets)
    elif args.command == "cost":
        cost(args.out, args.rounds)
    elif args.command == "batch":
        batch(args.out, args.workers)
    else:
        diff(args.out, sets)


if __name__ == "__main__":
    main()
