"""Time ``analyzer.ingest.read`` on every corpora file, by format, and compare PDF readers.

    .venv/bin/python bench/ingest_timing.py [--repeat N]

The first table is the time per document by format (median of N reads; DOC,
ODT and RTF include a LibreOffice conversion, read once). The second compares
the raw text extraction of pdfplumber and pypdfium2 on the corpora PDFs with
reglint's whole PDF reader.
"""
from __future__ import annotations

import argparse
import statistics
import time
from collections import defaultdict
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium

from analyzer.errors import InputError
from analyzer.ingest import read

CORPORA = Path(__file__).resolve().parents[1] / "corpora"
CONVERTED = {".doc", ".odt", ".rtf"}


def median_ms(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def read_or_error(path: Path) -> None:
    try:
        read(path)
    except InputError:
        pass   # the scan: timing its refusal is still timing


def by_format(repeat: int) -> None:
    files = sorted((CORPORA / "formats").glob("*.*")) + sorted((CORPORA / "regulations").glob("*.txt"))
    times: dict[str, list[float]] = defaultdict(list)
    for path in files:
        if path.suffix in {".py", ".md"}:
            continue
        times[path.suffix].append(median_ms(partial(read_or_error, path), 1 if path.suffix in CONVERTED else repeat))
    print(f"{'format':8}{'files':>6}{'median ms':>12}{'max ms':>10}")
    for suffix, values in sorted(times.items()):
        print(f"{suffix[1:]:8}{len(values):>6}{statistics.median(values):>12.1f}{max(values):>10.1f}")


def plumber_text(path: Path) -> int:
    with pdfplumber.open(path) as pdf:
        return sum(len(page.extract_text() or "") for page in pdf.pages)


def pdfium_text(path: Path) -> int:
    pdf = pdfium.PdfDocument(path)
    try:
        return sum(len(pdf[i].get_textpage().get_text_range()) for i in range(len(pdf)))
    finally:
        pdf.close()


def pdf_readers(repeat: int) -> None:
    print(f"\n{'PDF':36}{'pages':>6}{'pdfplumber':>12}{'pypdfium2':>11}{'reglint':>9}   ms per page")
    for path in sorted((CORPORA / "formats").glob("*.pdf")):
        pages = len(pdfium.PdfDocument(path))
        cells = [median_ms(partial(reader, path), repeat) for reader in (plumber_text, pdfium_text, read_or_error)]
        print(f"{path.name:36}{pages:>6}" + "".join(f"{ms / pages:>{w}.1f}" for ms, w in zip(cells, (12, 11, 9))))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5, help="reads per file for the median (default 5)")
    args = parser.parse_args()
    read_or_error(next((CORPORA / "formats").glob("*.pdf")))   # load lazy dictionaries outside the timing
    by_format(args.repeat)
    pdf_readers(args.repeat)


if __name__ == "__main__":
    main()
