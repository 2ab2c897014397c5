"""The one place every finding code is documented: the registered checks and
the input errors, rendered to docs/findings.md and by `reglint explain`.
"""
from __future__ import annotations

import inspect
from dataclasses import dataclass

from analyzer import errors
from analyzer.checks.base import CHECKS, DOCSTRING_SECTIONS, CheckCrashed


@dataclass(frozen=True)
class CodeDoc:
    code: str
    name: str
    category: str
    severity: str
    summary: str
    sections: dict[str, str]


def _split_doc(doc: str) -> tuple[str, dict[str, str]]:
    lines = inspect.cleandoc(doc).splitlines()
    summary, sections, current = lines[0], {}, None
    for line in lines[1:]:
        head = next((s for s in DOCSTRING_SECTIONS if line.startswith(s)), None)
        if head:
            current = head.rstrip(":")
            sections[current] = line[len(head):].strip()
        elif current and line.strip():
            sections[current] += " " + line.strip()
    return summary, sections


def _input_errors() -> list[CodeDoc]:
    docs = []
    for cls in errors.InputError.__subclasses__():
        docs.append(CodeDoc(code=cls.code, name=f"input.{cls.__name__.lower()}", category="input", severity="error",
                            summary=cls.reason, sections={}))
    return docs


def catalogue() -> list[CodeDoc]:
    docs = _input_errors()
    for cls in [*CHECKS.values(), CheckCrashed]:
        summary, sections = _split_doc(cls.__doc__ or "")
        docs.append(CodeDoc(cls.code, cls.name, cls.category, cls.severity, summary, sections))
    return sorted(docs, key=lambda d: d.code)


def explain(code: str) -> CodeDoc | None:
    return next((d for d in catalogue() if d.code == code.upper()), None)


def render_markdown() -> str:
    out = ["# Finding codes", "",
           "Generated from the check registry by `reglint explain --all --markdown`; a test fails when it is stale.",
           "Codes are stable: a published code is never reused. Ranges: RL0xx input and document, RL1xx clause",
           "coverage, RL2xx legal references, RL3xx dates and approval, RL4xx template remnants, names and",
           "contacts, RL5xx structure, RL9xx internal. Clause findings (RL1xx) take their severity from the",
           "clause's level: required → error, recommended → warning, template → info.",
           "On text read by OCR (ours or a scanner's text layer) every finding is marked `ocr`, and one that",
           "rests only on an OCR confusion (RL201–RL204, RL209, RL303, RL402, RL403: look-alike letters, digits",
           "for letters, a lost «№», a date or an address one confusion off) is info «проверьте по оригиналу»",
           "(`analyzer/checks/ocr_guard.py`).", "",
           "| code | name | category | severity | meaning |", "|---|---|---|---|---|"]
    for d in catalogue():
        out.append(f"| {d.code} | `{d.name}` | {d.category} | {d.severity} | {d.summary} |")
    for d in catalogue():
        if not d.sections:
            continue
        out += ["", f"## {d.code} `{d.name}`", "", d.summary, ""]
        out += [f"- **{k}** {v}" for k, v in d.sections.items()]
    return "\n".join(out) + "\n"
