#!/usr/bin/env python3
"""Score the plain office fixtures (corpora/formats/plain, no automatic lists) against their numbered twins
(corpora/formats) with the reviewer's scorer, one format at a time; prints one summary line per set.

    .venv/bin/python bench/plain_twins.py [--shared ../shared]
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FORMATS = ("docx", "odt", "rtf", "doc")


def score(shared: Path, folder: Path, fmt: str) -> str:
    """The scorer's summary line for the documents ``folder/*.fmt`` (linked alone into a folder of their own)."""
    with tempfile.TemporaryDirectory() as tmp:
        for path in sorted(folder.glob(f"*.{fmt}")):
            (Path(tmp) / path.name).symlink_to(path)
        out = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), "--gold", str(shared / "gold"),
                              "--docs", tmp, "--cmd", f"{ROOT / '.venv' / 'bin' / 'reglint'} check --format json"],
                             capture_output=True, text=True, check=False)
    return (out.stdout.strip().splitlines() or [out.stderr.strip()])[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    for fmt in FORMATS:
        numbered = score(args.shared, ROOT / "corpora" / "formats", fmt)
        plain = score(args.shared, ROOT / "corpora" / "formats" / "plain", fmt)
        print(f"{fmt:5} numbered: {numbered}\n{fmt:5} plain:    {plain}\n{fmt:5} same: {numbered == plain}")


if __name__ == "__main__":
    main()
