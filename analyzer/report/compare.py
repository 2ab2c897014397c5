"""Two drafts of one regulation compared: what changed in the text and in the audit.

Sections are aligned by their own text (difflib over the sequence of
sections, the written number left out, so renumbering alone is no change);
sections in a replaced stretch are paired when their words are mostly the
same. A finding is the same in both drafts when its code, clause, act and
quote (case, ё, spacing, list mark and closing punctuation aside) agree.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher

from analyzer.clause_set import load_clause_set
from analyzer.model import Finding, Report
from analyzer.report.diffview import word_diff
from analyzer.report.view import STATUS_RU, numbered_label, strip_list_mark

SAME_SECTION = 0.5   # share of common words for two sections in a replaced stretch to be one section edited
_SHOWN = 160


@dataclass(frozen=True)
class SectionChange:
    old_number: str | None
    new_number: str | None
    old_text: str
    new_text: str


@dataclass(frozen=True)
class StatusChange:
    clause: str
    title: str
    old: str
    new: str


@dataclass(frozen=True)
class Comparison:
    old_source: str
    new_source: str
    added: tuple[SectionChange, ...]
    removed: tuple[SectionChange, ...]
    changed: tuple[SectionChange, ...]
    fixed: tuple[Finding, ...]            # in the old draft, not in the new
    new: tuple[Finding, ...]              # in the new draft, not in the old
    clause_changes: tuple[StatusChange, ...]


@dataclass(frozen=True)
class _Unit:
    number: str | None
    text: str
    key: tuple[str, ...]


def _words(text: str) -> tuple[str, ...]:
    return tuple(re.findall(r"\w+", text.lower().replace("ё", "е")))


def _units(report: Report) -> list[_Unit]:
    text = report.document.text
    units = []
    for s in report.structure.sections:
        own = " ".join(text[s.start:s.text_end].split())
        units.append(_Unit(numbered_label(report.structure, s.start) or None, own, _words(strip_list_mark(own))))
    return units


def _similar(a: _Unit, b: _Unit) -> bool:
    return SequenceMatcher(None, a.key, b.key, autojunk=False).ratio() >= SAME_SECTION


def _sections(old: list[_Unit], new: list[_Unit]) -> tuple[list[SectionChange], ...]:
    added, removed, changed = [], [], []
    matcher = SequenceMatcher(None, [u.key for u in old], [u.key for u in new], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        candidates = list(new[j1:j2])
        for unit in old[i1:i2]:
            twin = next((c for c in candidates if _similar(unit, c)), None)
            if twin is None:
                removed.append(SectionChange(unit.number, None, unit.text, ""))
                continue
            for c in candidates[:candidates.index(twin)]:
                added.append(SectionChange(None, c.number, "", c.text))
            candidates = candidates[candidates.index(twin) + 1:]
            changed.append(SectionChange(unit.number, twin.number, unit.text, twin.text))
        added += [SectionChange(None, c.number, "", c.text) for c in candidates]
    return added, removed, changed


def finding_key(f: Finding) -> tuple[str, str | None, str | None, str]:
    quote = strip_list_mark(" ".join(f.quote.lower().replace("ё", "е").split())).rstrip(" .;,:")
    return f.code, f.clause, f.act, quote


def _only_in(first: tuple[Finding, ...], second: tuple[Finding, ...]) -> tuple[Finding, ...]:
    left = Counter(finding_key(f) for f in second)
    out = []
    for f in first:
        key = finding_key(f)
        if left[key]:
            left[key] -= 1
        else:
            out.append(f)
    return tuple(out)


def compare(old: Report, new: Report) -> Comparison:
    clause_set = new.clause_set or load_clause_set()
    added, removed, changed = _sections(_units(old), _units(new))
    statuses = {m.clause: m.status for m in old.clauses}
    clause_changes = tuple(StatusChange(m.clause, clause_set.get(m.clause).title, statuses[m.clause], m.status)
                           for m in new.clauses if m.clause in statuses and statuses[m.clause] != m.status)
    return Comparison(old_source=old.document.source, new_source=new.document.source, added=tuple(added),
                      removed=tuple(removed), changed=tuple(changed), fixed=_only_in(old.findings, new.findings),
                      new=_only_in(new.findings, old.findings), clause_changes=clause_changes)


def _short(text: str) -> str:
    return text if len(text) <= _SHOWN else text[:_SHOWN].rsplit(" ", 1)[0] + " …"


def _inline_diff(old: str, new: str) -> str:
    """``git diff --word-diff`` style: [-removed-]{+added+}."""
    marks = {"delete": "[-{}-]", "insert": "{{+{}+}}", "replace": "{{+{}+}}"}
    out = []
    for op, text in word_diff(old, new):
        body = text.lstrip()
        out.append(text[:len(text) - len(body)] + marks[op].format(body) if op in marks else text)
    return "".join(out).strip()


def _finding_line(f: Finding) -> str:
    where = f"п. {f.section}: " if f.section and any(ch.isalnum() for ch in f.section) else ""
    return f"  {f.code} {f.severity} {where}{f.message}"


def render_comparison_text(c: Comparison) -> str:
    out = [f"Сравнение редакций: {c.old_source} → {c.new_source}",
           f"Разделы: добавлено {len(c.added)}, удалено {len(c.removed)}, изменено {len(c.changed)}."]
    out += [f"+ {s.new_number or '¶'} «{_short(s.new_text)}»" for s in c.added]
    out += [f"- {s.old_number or '¶'} «{_short(s.old_text)}»" for s in c.removed]
    out += [f"~ {s.new_number or s.old_number or '¶'}: {_inline_diff(s.old_text, s.new_text)}" for s in c.changed]
    out.append(f"Положения, изменившие статус ({len(c.clause_changes)}):")
    out += [f"  {s.clause} {s.title}: {STATUS_RU[s.old]} → {STATUS_RU[s.new]}" for s in c.clause_changes]
    out.append(f"Исправлено находок: {len(c.fixed)}")
    out += [_finding_line(f) for f in c.fixed]
    out.append(f"Новые находки: {len(c.new)}")
    out += [_finding_line(f) for f in c.new]
    return "\n".join(out)
