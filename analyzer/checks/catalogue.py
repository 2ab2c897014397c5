"""The one place every finding code is documented: the registered checks and
the input errors, rendered to docs/findings.md and to analyzer/codes.json
(what `reglint explain` reads). ``python -m analyzer.checks.catalogue`` writes both.
"""
from __future__ import annotations

import inspect
from pathlib import Path

from analyzer import codes, errors
from analyzer.checks.base import CHECKS, DOCSTRING_SECTIONS, Check, CheckCrashed
from analyzer.codes import CodeDoc

FINDINGS_PAGE = Path(__file__).resolve().parents[2] / "docs" / "findings.md"


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
    classes: list[type[Check]] = [*CHECKS.values(), CheckCrashed]
    for cls in classes:
        summary, sections = _split_doc(cls.__doc__ or "")
        docs.append(CodeDoc(cls.code, cls.name, cls.category, cls.severity, summary, sections))
    return sorted(docs, key=lambda d: d.code)


def render_markdown() -> str:
    out = ["# Finding codes", "",
           "Generated from the check registry by `reglint explain --all --markdown`; a test fails when it is stale.",
           "Codes are stable: a published code is never reused. Ranges: RL0xx input and document, RL1xx clause",
           "coverage, RL2xx legal references, RL3xx dates and approval, RL4xx template remnants, names and",
           "contacts, RL5xx structure, RL9xx internal. Clause findings (RL1xx) take their severity from the",
           "clause's level: required → error, recommended → warning, template → info.", "",
           "**Two texts of the recommendations.** Schools follow two texts of the MR under one title: the one",
           "sent with letter № 04-643 (the clause set is built from it) and the one with letter № 04-423",
           "(`reference/clauses.yaml` records, clause by clause, where and how each states it: the same,",
           "narrower, wider, absent). A report says which text the draft follows — the one whose letter it",
           "cites, else the one whose wording its statements share (`reference_text` in the JSON) — and every",
           "clause finding's `source` names the text behind it. Where the texts differ and the draft words a",
           "duty as the other text does, it is not in error: RL104, an info naming both wordings (a draft",
           "that states both wordings contradicts itself and keeps its RL102). A clause only one text has",
           "keeps its level (RL101–RL103) for drafts following that text and is info otherwise, the message",
           "saying so.", "",
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


if __name__ == "__main__":
    FINDINGS_PAGE.write_text(render_markdown(), encoding="utf-8")
    codes.DATA.write_text(codes.dumps(catalogue()), encoding="utf-8")
