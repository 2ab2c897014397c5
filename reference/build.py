"""Builds reference/mr_points.yaml from the MR text and checks the clause set.

When the ministry reissues its recommendations, put the new text in
corpora/reference/ and run ``reglint reference build --mr NEW.txt``: the
points are re-parsed, the changed points are listed, and the clause set is
validated against the spec (every ID, level, role, applies and MR point).
Any drift makes the command fail.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

POINT_RE = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2})?)\.?\s+(?=\S)", re.MULTILINE)
SPEC_FIELDS = ("role", "level", "source", "applies")


@dataclass(frozen=True)
class BuildResult:
    points: dict[str, str]
    changed: tuple[str, ...]
    problems: tuple[str, ...]


def parse_mr_points(text: str) -> dict[str, str]:
    """MR text → {"1": "...", "17.1": "...", "26": "...", "26 (2)": "..."}.

    A point runs to the next line that starts with a point number that keeps
    the sequence (the next top-level number, or a sub-point of the current
    one); lines like "1) ..." inside a point stay in it.
    """
    points: dict[str, str] = {}
    current_top = 0
    accepted: list[tuple[str, int, int]] = []
    for m in POINT_RE.finditer(text):
        number = m.group(1)
        top = int(number.split(".")[0])
        is_sub = "." in number
        if (not is_sub and top in (current_top, current_top + 1)) or (is_sub and top == current_top):
            accepted.append((number, m.start(), m.end()))
            current_top = top
    for i, (number, _, body_start) in enumerate(accepted):
        end = accepted[i + 1][1] if i + 1 < len(accepted) else len(text)
        body = re.sub(r"\s+", " ", text[body_start:end]).strip()
        key = number
        n = 2
        while key in points:
            key = f"{number} ({n})"
            n += 1
        points[key] = body
    return points


def validate(clauses: list[dict], spec: list[dict], points: dict[str, str]) -> list[str]:
    """Drift between the project's clause set, the spec and the MR points."""
    problems = []
    ours = {c["id"]: c for c in clauses}
    theirs = {c["id"]: c for c in spec}
    for cid in sorted(set(theirs) - set(ours)):
        problems.append(f"{cid}: in the spec, missing from reference/clauses.yaml")
    for cid in sorted(set(ours) - set(theirs)):
        problems.append(f"{cid}: not in the spec")
    for cid in sorted(set(ours) & set(theirs)):
        for key in SPEC_FIELDS:
            if ours[cid].get(key) != theirs[cid].get(key):
                problems.append(f"{cid}: {key} is {ours[cid].get(key)!r}, the spec says {theirs[cid].get(key)!r}")
        for ref in (s.strip()[3:] for s in ours[cid]["source"].split(",") if s.strip().startswith("MR-")):
            if ref not in points:
                problems.append(f"{cid}: MR point {ref} not found in the MR text")
    return problems


def build(mr_path: Path, clauses_path: Path, spec_path: Path | None, out_path: Path) -> BuildResult:
    points = parse_mr_points(mr_path.read_text(encoding="utf-8"))
    old: dict[str, str] = {}
    if out_path.exists():
        old = {str(p["number"]): p["text"] for p in yaml.safe_load(out_path.read_text(encoding="utf-8"))["points"]}
    changed = tuple(sorted(k for k in set(points) | set(old) if points.get(k) != old.get(k)))
    clauses = yaml.safe_load(clauses_path.read_text(encoding="utf-8"))["clauses"]
    spec = yaml.safe_load(spec_path.read_text(encoding="utf-8"))["clauses"] if spec_path else []
    problems = tuple(validate(clauses, spec, points) if spec_path else ())
    data = {"version": f"mr-{mr_path.stem}", "source": mr_path.name,
            "points": [{"number": k, "text": v} for k, v in points.items()]}
    out_path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")
    return BuildResult(points=points, changed=changed, problems=problems)

