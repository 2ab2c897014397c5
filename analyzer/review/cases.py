"""`reglint review export`: the findings reviewers dismissed, as check cases (tests/checks/cases format).

Each dismissal with a quote becomes an ``expect: pass`` case of its code: the
document's head and the section the quote stands in (stored with the
decision), the run date of the decision, and — as comments for the developer —
the organisation, the reviewer, the reason and the quote. Copied into
tests/checks/cases/RLxxx.yml, the case fails until the check stops producing
the false positive. Dismissals without a quote (a missing duty) have no text
to test and are counted, not written.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import yaml

from analyzer.batch.store import Store
from analyzer.checks import CHECKS
from analyzer.report.view import reason_label
from analyzer.review.decisions import dismissed


class _Literal(str):
    """A multi-line string written as a YAML block (``|``)."""


def _represent(dumper: yaml.SafeDumper, value: _Literal) -> Any:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(_Literal, _represent)


@dataclass(frozen=True)
class Export:
    files: dict[str, str]     # file name (RLxxx.yml) → YAML
    skipped: int              # dismissals without a quote


def _slug(text: str) -> str:
    return re.sub(r"[^0-9a-zа-яё]+", "-", text.lower()).strip("-")[:40] or "organisation"


def _case(row: dict[str, Any]) -> dict[str, Any]:
    text = "\n".join(line.rstrip() for line in row["context"].splitlines()) + "\n"
    return {"name": f"dismissed-{_slug(row['organisation'])}-{row['fingerprint'][:8]}", "expect": "pass",
            "today": dt.date.fromisoformat(row["decided_at"][:10]), "text": _Literal(text)}


def _comment(row: dict[str, Any]) -> str:
    lines = [(f"# Отклонено: {reason_label(row['reason'])} — {row['reviewer']}, {row['decided_at'][:10]}; "
             f"организация «{row['organisation']}», документ {row['document']}"),
             f"# Ложное срабатывание на: «{' '.join(row['quote'].split())}»"]
    if row["comment"]:
        lines.append(f"# Комментарий: {' '.join(row['comment'].split())}")
    return "\n".join(lines)


def export_cases(store: Store) -> Export:
    """The store's dismissals as case files by code."""
    by_code: dict[str, list[str]] = defaultdict(list)
    skipped = 0
    for row in dismissed(store):
        if not row["quote"] or not row["context"]:
            skipped += 1
            continue
        body = yaml.dump([_case(row)], Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=120)
        by_code[row["code"]].append(f"{_comment(row)}\n{body}")
    files = {}
    for code, cases in sorted(by_code.items()):
        check = CHECKS.get(code)
        header = f"# {code} {check.name}: false positives reviewers dismissed (reglint review export).\n" if check \
            else f"# {code}: false positives reviewers dismissed (reglint review export).\n"
        files[f"{code}.yml"] = header + "\n".join(cases)
    return Export(files, skipped)
