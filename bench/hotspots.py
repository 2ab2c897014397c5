"""Hot spots of a real batch run, from py-spy's raw (collapsed) stacks of all its processes.

    .venv/bin/pip install py-spy        # a development tool, not a dependency
    .venv/bin/py-spy record --subprocesses --rate 200 --format raw -o /tmp/batch.folded -- \\
        .venv/bin/reglint batch @/tmp/list.txt --db /tmp/profile.sqlite
    .venv/bin/python bench/hotspots.py /tmp/batch.folded [--top 25]

py-spy samples only threads on a CPU. The first table splits the samples
between the parent (expanding inputs, hashing, writing the store), analysis
in the workers (under ``analyzer.pipeline.analyze``) and the rest of the
workers' time (start-up, waiting on the pipe); the next two rank functions
by their share of the analysis samples, inclusive and own.
"""
from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

FRAME = re.compile(r"^(?P<function>.+) \((?P<file>[^()]*):\d+\)$")
ANALYZE = ("analyze", "analyzer/pipeline.py")


def read_stacks(path: Path) -> list[tuple[bool, list[tuple[str, str]], int]]:
    """(from the batch's parent process, frames root first, samples) per distinct stack."""
    stacks = []
    for line in path.read_text(encoding="utf-8").splitlines():
        stack, _, count = line.rpartition(" ")
        parts = stack.split(";")
        frames = [(m["function"], m["file"]) for p in parts if (m := FRAME.match(p))]
        stacks.append(("forkserver" not in parts[1] if len(parts) > 1 else True, frames, int(count)))
    return stacks


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folded", type=Path)
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args(argv)

    parts: Counter[str] = Counter()
    inclusive: Counter[str] = Counter()
    own: Counter[str] = Counter()
    for parent, frames, count in read_stacks(args.folded):
        analysing = any(f == ANALYZE[0] and file.endswith(ANALYZE[1]) for f, file in frames)
        parts["parent process" if parent else "workers: analysis" if analysing else "workers: other"] += count
        if analysing:
            for key in {f"{f} ({file})" for f, file in frames}:
                inclusive[key] += count
            own[f"{frames[-1][0]} ({frames[-1][1]})"] += count
    total, analysis = sum(parts.values()), parts["workers: analysis"]
    print("| where | samples | share |\n|---|---:|---:|")
    for name, n in parts.most_common():
        print(f"| {name} | {n} | {n / total:.1%} |")
    for title, table in (("inclusive", inclusive), ("own", own)):
        print(f"\n| function ({title}) | share of analysis |\n|---|---:|")
        for key, n in table.most_common(args.top):
            print(f"| `{key}` | {n / analysis:.1%} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
