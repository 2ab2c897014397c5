"""Start-up of the CLI: wall time of fresh processes, median of N runs, against a bare `python -c pass`.

    .venv/bin/python bench/startup.py [--runs 15]

Prints a markdown table: `reglint --help`, `reglint explain RL102`, and `reglint check --format json` of a
school's regulation that needs no spaCy (no word of another kind of organisation) and of a college's that
does (its «школа» is matched with spaCy's Matcher). The commands run in turn, so a load change on the
machine touches them alike.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REGULATIONS = ROOT / "corpora" / "regulations"
REGLINT = str(Path(sys.executable).with_name("reglint"))

COMMANDS = {
    "`python -c pass`": [sys.executable, "-c", "pass"],
    "`reglint --help`": [REGLINT, "--help"],
    "`reglint explain RL102`": [REGLINT, "explain", "RL102"],
    "`reglint check` of a TXT, no spaCy needed (co-milyutina-2023)":
        [REGLINT, "check", "--format", "json", str(REGULATIONS / "co-milyutina-2023.txt")],
    "`reglint check` of a TXT with spaCy's Matcher (apk-college)":
        [REGLINT, "check", "--format", "json", str(REGULATIONS / "apk-college.txt")],
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for _ in range(args.runs):
        for name, argv in COMMANDS.items():
            started = time.perf_counter()
            subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
            times[name].append(time.perf_counter() - started)
    bare = statistics.median(times["`python -c pass`"])
    print(f"| command (median of {args.runs} fresh processes) | ms | × bare Python |\n|---|---:|---:|")
    for name, runs in times.items():
        median = statistics.median(runs)
        print(f"| {name} | {median * 1000:.0f} | {median / bare:.1f} |")


if __name__ == "__main__":
    main()
