"""The finding catalogue as data: what every code means, without importing the checks.

`reglint explain` reads ``codes.json`` beside this module; it is written from
the check registry and the input errors (``analyzer.checks.catalogue``) by
``make docs``, and a test fails when it is stale.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

DATA = Path(__file__).with_name("codes.json")


@dataclass(frozen=True)
class CodeDoc:
    code: str
    name: str
    category: str
    severity: str
    summary: str
    sections: dict[str, str]


def load() -> list[CodeDoc]:
    return [CodeDoc(**entry) for entry in json.loads(DATA.read_text(encoding="utf-8"))]


def explain(code: str) -> CodeDoc | None:
    return next((d for d in load() if d.code == code.upper()), None)


def dumps(docs: list[CodeDoc]) -> str:
    return json.dumps([asdict(d) for d in docs], ensure_ascii=False, indent=1) + "\n"
