"""Fingerprint stability on the regulations and edited copies of them.

    .venv/bin/python bench/fingerprint_stability.py [corpora/regulations]

For each regulation: re-wrapped, renumbered, sections reordered (neutral
edits: every unchanged finding should keep its fingerprint), one finding
fixed (its fingerprint must go, the others stay) and one finding's wording
changed (its fingerprint must change). See tests/review/stability.py.
"""
from __future__ import annotations

import sys
from pathlib import Path

from analyzer.pipeline import analyze

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "tests"), str(REPO / "tests" / "review")]
from stability import NEUTRAL_EDITS, Stability, compare, fix_one, reword_one


def main(folder: Path) -> None:
    totals = [0] * 6
    print(f"{'document':32} {'edit':20} unchanged kept  changed new  fixed gone")
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        report = analyze(text.encode(), name=path.name)
        runs: list[tuple[str, Stability]] = []
        for name, edit in NEUTRAL_EDITS.items():
            runs.append((name, compare(report, analyze(edit(text).encode(), name=f"edited-{path.name}"))))
        fixed_text, fixed = fix_one(report)
        runs.append(("one finding fixed", compare(report, analyze(fixed_text.encode(), name=path.name), fixed)))
        runs.append(("one wording changed", compare(report, analyze(reword_one(report).encode(),
                                                                      name=path.name))))
        for name, s in runs:
            print(f"{path.stem:32} {name:20} {s.unchanged:9} {s.unchanged_kept:4} {s.changed:8} {s.changed_new:4} "
                  f"{s.fixed:6} {s.fixed_gone:4}")
            for i, v in enumerate((s.unchanged, s.unchanged_kept, s.changed, s.changed_new, s.fixed, s.fixed_gone)):
                totals[i] += v
    print(f"unchanged findings keeping their fingerprint: {totals[1]}/{totals[0]} = {totals[1] / totals[0]:.2f}")
    print(f"changed findings with a new fingerprint: {totals[3]}/{totals[2]} = {totals[3] / max(totals[2], 1):.2f}")
    print(f"fixed findings whose fingerprint is gone: {totals[5]}/{totals[4]}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "corpora" / "regulations")
