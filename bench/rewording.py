"""Rewording robustness: the clause matcher on edited copies of the four development regulations.

Each edit of bench/rewording.yaml is applied alone to its regulation. A defect
(a weakening condition, a deleted duty, a duty moved to another person) must
leave every clause it targets flagged — partial, misplaced or missing — where
it was present before; a neutral edit (a synonym, a sentence moved within its
role) must leave every clause of the document with the status it had.

    .venv/bin/python bench/rewording.py [-v]

prints the flagged share of injected defects and the stable share of clause
verdicts under neutral edits (tests/matching/test_rewording.py asserts them).
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from analyzer.model import Document
from analyzer.pipeline import analyze_document

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
import synth

EDITS = REPO / "bench" / "rewording.yaml"
REGULATIONS = REPO / "corpora" / "regulations"
FLAGGED = {"partial", "misplaced", "missing"}
DEFECTS = {"condition", "delete", "move_role"}
NEUTRAL = {"synonym", "move"}


@cache
def statuses(text: str) -> dict[str, str]:
    report = analyze_document(Document(source="edited.txt", format="txt", text=text))
    return {m.clause: m.status for m in report.clauses}


def edited(edit: dict) -> str:
    text = (REGULATIONS / f"{edit['doc']}.txt").read_text(encoding="utf-8")
    for op, *args in edit["edits"]:
        text = getattr(synth, op)(text, *args)
    return text


@dataclass
class Result:
    defects: int = 0
    flagged: int = 0
    verdicts: int = 0          # clause verdicts under neutral edits
    stable: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def flagged_share(self) -> float:
        return self.flagged / self.defects if self.defects else 1.0

    @property
    def stable_share(self) -> float:
        return self.stable / self.verdicts if self.verdicts else 1.0


def run(edits: list[dict]) -> Result:
    result = Result()
    for edit in edits:
        before = statuses((REGULATIONS / f"{edit['doc']}.txt").read_text(encoding="utf-8"))
        after = statuses(edited(edit))
        if edit["kind"] in DEFECTS:
            unflagged_before = [c for c in edit["target"] if before[c] in FLAGGED]
            if unflagged_before:
                raise ValueError(f"{edit['name']}: {unflagged_before} already flagged before the edit")
            result.defects += 1
            missed = [c for c in edit["target"] if after[c] not in FLAGGED]
            result.flagged += not missed
            result.misses += [f"{edit['name']}: {c} stays {after[c]}" for c in missed]
        elif edit["kind"] in NEUTRAL:
            changed = [c for c in before if before[c] != after[c]]
            result.verdicts += len(before)
            result.stable += len(before) - len(changed)
            result.misses += [f"{edit['name']}: {c} {before[c]} → {after[c]}" for c in changed]
        else:
            raise ValueError(f"{edit['name']}: unknown kind {edit['kind']!r}")
    return result


def load() -> list[dict]:
    return yaml.safe_load(EDITS.read_text(encoding="utf-8"))["edits"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    edits = load()
    result = run(edits)
    kinds = sorted({e["kind"] for e in edits})
    print(f"edits {len(edits)} over {len({e['doc'] for e in edits})} regulations: "
          + ", ".join(f"{k} {sum(e['kind'] == k for e in edits)}" for k in kinds))
    print(f"injected defects flagged {result.flagged_share:.3f} ({result.flagged}/{result.defects}); "
          f"verdicts stable under neutral edits {result.stable_share:.3f} ({result.stable}/{result.verdicts})")
    if args.verbose:
        print("\n".join(result.misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
