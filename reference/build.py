"""Builds the points of both texts of the recommendations and checks the clause set.

The first text (numbered points) goes into reference/mr_points.yaml, the
second (six sections of paragraphs, corpora/reference/README.md) into
reference/mr2_points.yaml. When the ministry reissues its recommendations,
put the new text in corpora/reference/ and run ``reglint reference build
--mr NEW.txt``: the points are re-parsed, the changed points are listed, and
the clause set is validated against the spec (every ID, level, role, applies
and MR point) and against both texts (every ``ed1``/``ed2`` point and wording).
Any drift makes the command fail.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

POINT_RE = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2})?)\.?\s+(?=\S)", re.MULTILINE)
SECTION_RE = re.compile(r"^\s*(\d{1,2})\.\s*$", re.MULTILINE)
SPEC_FIELDS = ("role", "level", "source", "applies")
HOW = ("same", "narrower", "wider", "absent")
EXPLAINS = ("subject", "optional", "conditional")


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


def parse_section_points(text: str) -> dict[str, str]:
    """A text in numbered sections of unnumbered paragraphs → {"4": title, "4.3": paragraph 3, …}.

    A section starts at a line holding only its number ("4."); its title runs
    on while the next line starts in lower case. The text's line breaks are a
    PDF's, so a paragraph ends only where a line ends a sentence and the next
    line starts with a capital letter (enumerations «1) …» stay inside).
    """
    points: dict[str, str] = {}
    heads = list(SECTION_RE.finditer(text))
    for i, head in enumerate(heads):
        end = heads[i + 1].start() if i + 1 < len(heads) else len(text)
        lines = [line.strip() for line in text[head.end():end].split("\n") if line.strip()]
        if not lines:
            continue
        title = [lines.pop(0)]
        while lines and lines[0][:1].islower():
            title.append(lines.pop(0))
        paragraphs: list[list[str]] = []
        for line in lines:
            if not paragraphs or (paragraphs[-1][-1].endswith(".") and line[:1].isupper()):
                paragraphs.append([])
            paragraphs[-1].append(line)
        section = head.group(1)
        points[section] = " ".join(title)
        for k, paragraph in enumerate(paragraphs, 1):
            points[f"{section}.{k}"] = re.sub(r"\s+", " ", " ".join(paragraph)).strip()
    return points


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def validate_editions(clauses: list[dict], texts: dict[str, dict[str, str]]) -> list[str]:
    """Every ``ed1``/``ed2`` record names points its text has, says how, and quotes the text."""
    problems = []
    for clause in clauses:
        for text_id, points in texts.items():
            record = clause.get(text_id)
            if record is None:
                continue
            where = f"{clause['id']}: {text_id}"
            how = record.get("how", "same")
            if how not in HOW:
                problems.append(f"{where}: how is {how!r}, not one of {', '.join(HOW)}")
            named = [str(p) for p in record.get("points") or ()]
            if how == "absent" and (named or record.get("wording")):
                problems.append(f"{where}: absent, yet points or wording are given")
            if missing := [p for p in named if p not in points]:
                problems.append(f"{where}: points {', '.join(missing)} not in the text")
            wording = record.get("wording")
            scope = named or list(points)
            if wording and not any(_flat(wording) in _flat(points[p]) for p in scope if p in points):
                problems.append(f"{where}: the wording is not in the text: {wording[:60]!r}")
            if bad := set(record.get("explains") or ()) - set(EXPLAINS):
                problems.append(f"{where}: explains {sorted(bad)}, not among {', '.join(EXPLAINS)}")
            if bad := set(record.get("lacks") or ()) - set(clause.get("part_names") or ()):
                problems.append(f"{where}: lacks {sorted(bad)}, not among the clause's part_names")
    return problems


def build_second(text_path: Path, clauses_path: Path, first_points: dict[str, str], out_path: Path) -> BuildResult:
    """The second text's points into ``out_path``; both texts' records of the clause set checked."""
    points = parse_section_points(text_path.read_text(encoding="utf-8"))
    clauses = yaml.safe_load(clauses_path.read_text(encoding="utf-8"))["clauses"]
    problems = tuple(validate_editions(clauses, {"ed1": first_points, "ed2": points}))
    return BuildResult(points=points, changed=_write_points(points, text_path, out_path), problems=problems)


def _write_points(points: dict[str, str], source: Path, out_path: Path) -> tuple[str, ...]:
    """Write ``points`` parsed from ``source`` to ``out_path``; the point numbers whose text changed."""
    old: dict[str, str] = {}
    if out_path.exists():
        old = {str(p["number"]): p["text"] for p in yaml.safe_load(out_path.read_text(encoding="utf-8"))["points"]}
    data = {"version": f"mr-{source.stem}", "source": source.name,
            "points": [{"number": k, "text": v} for k, v in points.items()]}
    out_path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")
    return tuple(sorted(k for k in set(points) | set(old) if points.get(k) != old.get(k)))


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
    clauses = yaml.safe_load(clauses_path.read_text(encoding="utf-8"))["clauses"]
    spec = yaml.safe_load(spec_path.read_text(encoding="utf-8"))["clauses"] if spec_path else []
    problems = tuple(validate(clauses, spec, points) if spec_path else ())
    return BuildResult(points=points, changed=_write_points(points, mr_path, out_path), problems=problems)

