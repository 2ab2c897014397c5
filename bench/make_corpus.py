"""Build a benchmark corpus: N regulations varied from the four in corpora/regulations/.

    .venv/bin/python bench/make_corpus.py --out /tmp/reglint-corpus [-n 2000] [--pdf-share 0.1] [--pdf-unique 40]

Each document is ``tests/synth.py``'s ``random_variant`` of one of the four real
regulations (duties deleted or weakened, re-wrapped, paraphrased,
renumbered); a third also get a citation date or number altered, one in
twenty OCR noise. Formats: TXT and DOCX, half each, and PDF for
``--pdf-share`` of the corpus. DOCX files are written by
``corpora/formats/make_formats.py``'s ``build_docx`` (Word automatic
numbering; its "word" and "headings" conventions) or, for a third, as plain
paragraphs with typed numbers (python-docx, one paragraph a line). PDF needs
LibreOffice, which is slow: only ``--pdf-unique`` variants are converted, in
ONE ``soffice --convert-to pdf`` call, and copied over the PDF share, so a PDF's
content repeats (under other paths: each copy is still analysed).
Documents are spread over folders of 100, as a crawl of many schools' sites is.
"""
from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
import tempfile
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import docx

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "corpora" / "formats"), str(ROOT / "tests")]
from make_formats import build_docx, soffice_convert  # script folders, not packages
from synth import ocr_noise, random_variant, replace

REGULATIONS = sorted((ROOT / "corpora" / "regulations").glob("*.txt"))
CITED_DATE = re.compile(r"от\s+(\d{2})\.(\d{2})\.(\d{4})")
CITED_NUMBER = re.compile(r"№\s*(\d+)")
FOLDER_SIZE = 100


def alter_citation(text: str, rng: random.Random) -> str:
    """A wrong day in one cited date, or a wrong digit in one act number."""
    if rng.random() < 0.5 and (dates := list(CITED_DATE.finditer(text))):
        m = rng.choice(dates)
        day = (int(m.group(1)) % 28) + 1
        return replace(text, m.group(0), f"от {day:02d}.{m.group(2)}.{m.group(3)}")
    if numbers := list(CITED_NUMBER.finditer(text)):
        m = rng.choice(numbers)
        return replace(text, m.group(0), f"№ {int(m.group(1)) + rng.randint(1, 9)}")
    return text


def variant(index: int, seed: int) -> str:
    rng = random.Random(seed * 1_000_003 + index)
    text = random_variant(REGULATIONS[index % len(REGULATIONS)].read_text(encoding="utf-8"), rng)
    if rng.random() < 1 / 3:
        text = alter_citation(text, rng)
    if rng.random() < 0.05:
        text = ocr_noise(text, rng, rate=0.02)
    return text


def plain_docx(text: str, path: Path) -> None:
    """One paragraph per line, numbers typed: how many schools write their DOCX."""
    document = docx.Document()
    for line in text.split("\n"):
        document.add_paragraph(line)
    document.save(str(path))


def write(job: tuple[int, str, Path, int]) -> str:
    """Write document ``index`` as ``fmt`` at ``path``; how the DOCX was made.

    A third of the DOCX are plain; the others come from ``build_docx``, which
    reads a TXT (written beside, then removed) and refuses some variants (a
    re-wrapped title longer than Word's 255-character core property): those
    are plain too.
    """
    index, fmt, path, seed = job
    path.parent.mkdir(parents=True, exist_ok=True)
    text = variant(index, seed)
    if fmt == "txt":
        path.write_text(text, encoding="utf-8")
        return "txt"
    source = path.with_suffix(".src.txt")
    source.write_text(text, encoding="utf-8")
    style = ("word", "headings", "plain")[index % 3]
    try:
        if style != "plain":
            build_docx(str(source), str(path), style=style)
    except ValueError:
        style = "plain"
    finally:
        source.unlink()
    if style == "plain":
        plain_docx(text, path)
    return f"docx-{style}"


def plan(n: int, pdf_share: float, rng: random.Random) -> list[str]:
    formats = ["pdf"] * round(n * pdf_share)
    rest = n - len(formats)
    formats += ["txt"] * (rest // 2) + ["docx"] * (rest - rest // 2)
    rng.shuffle(formats)
    return formats


def make_pdfs(unique: int, seed: int, workers: int | None) -> list[Path]:
    """``unique`` PDF variants, converted by one soffice call; the caller copies them."""
    tmp = Path(tempfile.mkdtemp(prefix="reglint-pdf-"))
    docx = [tmp / f"pdf-{i:03d}.docx" for i in range(unique)]
    with ProcessPoolExecutor(workers) as pool:
        list(pool.map(write, [(100_000 + i, "docx", path, seed) for i, path in enumerate(docx)]))
    soffice_convert([str(p) for p in docx], "pdf", str(tmp), str(tmp / "profile"))
    return [p.with_suffix(".pdf") for p in docx]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("-n", type=int, default=2000, help="documents (default 2000)")
    parser.add_argument("--pdf-share", type=float, default=0.1, help="share of PDF documents (default 0.1)")
    parser.add_argument("--pdf-unique", type=int, default=40, help="distinct PDFs converted (default 40)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=None)
    args = parser.parse_args(argv)

    if args.out.exists():
        shutil.rmtree(args.out)
    formats = plan(args.n, args.pdf_share, random.Random(args.seed))
    paths = [args.out / f"{i // FOLDER_SIZE:02d}" / f"doc-{i:05d}.{fmt}" for i, fmt in enumerate(formats)]
    jobs = [(i, fmt, path, args.seed) for i, (fmt, path) in enumerate(zip(formats, paths, strict=True)) if fmt != "pdf"]
    with ProcessPoolExecutor(args.workers) as pool:
        made = Counter(pool.map(write, jobs, chunksize=16))
    pdf_paths = [p for p, fmt in zip(paths, formats, strict=True) if fmt == "pdf"]
    if pdf_paths:
        pdfs = make_pdfs(min(args.pdf_unique, len(pdf_paths)), args.seed, args.workers)
        for i, path in enumerate(pdf_paths):
            path.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(pdfs[i % len(pdfs)], path)
        shutil.rmtree(pdfs[0].parent)
    made["pdf"] = len(pdf_paths)
    print(f"{args.out}: {len(paths)} documents — " + ", ".join(f"{kind} {n}" for kind, n in sorted(made.items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
