"""Numbering and layout defects a reviewer flags, each spanning the text they
would quote: gaps, restarts and repeats in the numbering, numbering that
stops part-way through a section, a colon announcing a list that does not
follow, a title naming another kind of act than the text, and a
participants' section missing a participant.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from analyzer.first_letters import compile_scanning
from analyzer.lexicon import parses
from analyzer.model import Role, StructureDefect
from analyzer.structure.lines import Line
from analyzer.structure.title import Title
from analyzer.structure.tree import Node
from analyzer.structure.words import has_predicate
from analyzer.vocabulary import DefectKind

# Phrases announcing a list; when a new sentence follows instead, the list did not come there.
_ANNOUNCED = compile_scanning(
    r"(?<![а-яё])(а\s+именно|следующ[а-яё]*(?:\s+[а-яё]+)?|так[а-яё]+\s+как)\s*:\s*(?=[А-ЯЁ])", re.IGNORECASE)
_SELF_REFERENCE = compile_scanning(
    r"(?<![а-яё])настоящ[а-яё]*\s+(положени[а-яё]*|поряд(?:ок|к[а-яё]*)|правил[а-яё]*|инструкци[а-яё]*|регламент[а-яё]*)",
    re.IGNORECASE)
CORE_PARTICIPANTS: dict[Role, str] = {
    "administrator": "администратор платформы", "head": "руководитель (администрация)",
    "teacher": "педагогические работники", "student": "обучающиеся",
    "parent": "родители (законные представители)",
}


def _defect(kind: DefectKind, line: Line, detail: str) -> StructureDefect:
    return StructureDefect(kind=kind, start=line.start, end=line.end, detail=detail)


def _label(node: Node) -> str:
    return ".".join(map(str, node.parts))


def _sequence(nodes: Sequence[Node]) -> Iterator[StructureDefect]:
    """Gaps and restarts among the numbered children of each section, and the top level."""
    groups: dict[tuple[int | None, str], list[Node]] = {}
    for node in nodes:
        if node.style in ("dotted", "child", "letter_upper", "letter_lower", "paren"):
            groups.setdefault((node.parent, node.style), []).append(node)
    for (parent_at, style), siblings in groups.items():
        parent = nodes[parent_at] if parent_at is not None else None
        if style == "child" and parent is not None and parent.parts:
            yield _defect("number_restart", siblings[0].lead,
                          f"в разделе {_label(parent)} пункты пронумерованы заново с «{siblings[0].lead.written}»"
                          f" вместо «{_label(parent)}.1.»")
        previous: Node | None = None
        for node in siblings:
            yield from _step(parent, previous, node, style)
            previous = node


def _step(parent: Node | None, previous: Node | None, node: Node, style: str) -> Iterator[StructureDefect]:
    parts = node.parts
    written = node.lead.written
    if previous is None:
        prefix = parent.parts if parent is not None and style == "dotted" else ()
        if style == "dotted" and parent is not None and prefix and len(parts) > 1 and parts[:-1] != prefix:
            yield _defect("number_gap", node.lead, f"пункт {written} стоит в разделе {_label(parent)}")
        elif style != "child" and parts[-1] != 1 and (parent is not None or style != "dotted"):
            yield _defect("number_gap", node.lead, f"раздел начинается с пункта {written}: предыдущие пункты "
                                                   "отсутствуют или не пронумерованы")
        return
    before = previous.parts
    if parts == before and style not in ("dotted", "child"):
        yield _defect("duplicate_number", node.lead, f"пункт {written} повторяется")
    if parts == before or parts[:-1] != before[:-1]:
        return  # clause numbers repeat once per document (_duplicates); other prefixes belong to their parent
    if parts[-1] > before[-1] + 1:
        yield _defect("number_gap", node.lead, f"после пункта {previous.lead.written} идёт {written}")
    elif parts[-1] < before[-1]:
        yield _defect("number_restart", node.lead,
                      f"нумерация начата заново: после {previous.lead.written} идёт {written}")


def _duplicates(nodes: Sequence[Node]) -> Iterator[StructureDefect]:
    seen: set[str] = set()
    for node in nodes:
        if node.style not in ("dotted", "child"):
            continue
        label = _label(node)
        if label in seen and node.style == "dotted":
            yield _defect("duplicate_number", node.lead, f"номер {label} уже использован выше")
        seen.add(label)


def _unnumbered(nodes: Sequence[Node]) -> Iterator[StructureDefect]:
    """Numbering that stops: unnumbered paragraphs after numbered clauses, one defect per top section."""
    numbered_tops = any(n.parent is None and n.parts for n in nodes)
    reported: set[int] = set()
    for i, node in enumerate(nodes):
        top = i
        while (up := nodes[top].parent) is not None:
            top = up
        if top in reported or node.kind != "paragraph" or node.parent is None:
            continue
        siblings = nodes[node.parent].children
        at = siblings.index(i)
        if at and nodes[siblings[at - 1]].style in ("dotted", "child"):
            reported.add(top)
            previous = nodes[siblings[at - 1]].lead.written
            head = "раздел без номера; " if not nodes[top].parts and numbered_tops else ""
            yield _defect("unnumbered", node.lead, f"{head}после пункта {previous} текст идёт без номеров пунктов")
    for i, node in enumerate(nodes):
        if node.parent is None and node.kind == "heading" and not node.parts and numbered_tops and i not in reported:
            yield _defect("unnumbered", node.lead, "раздел без номера среди пронумерованных разделов")


def _dangling(nodes: Sequence[Node], text: str) -> Iterator[StructureDefect]:
    """A colon announcing a list that does not come, or comes only after unrelated text."""
    for node in nodes:
        own_start, own_end = node.lead.text_start, node.lines[-1].end
        covered: set[int] = set()
        announced = _ANNOUNCED.finditer(text, own_start, own_end) if text.find(":", own_start, own_end) >= 0 else ()
        for m in announced:
            stop = text.find(".", m.end(), own_end)
            stop = own_end if stop < 0 else stop + 1
            if has_predicate(text[m.end():stop]):
                covered.add(text.index(":", m.start()))
                tail = "; перечень идёт только после неё" if node.children else ""
                yield StructureDefect("dangling_colon", m.start(), stop,
                                      f"после «{' '.join(m.group(1).split())}:» вместо перечня — отдельная фраза{tail}")
        if node.kind == "heading":
            continue
        for k, line in enumerate(node.lines):
            if not line.text.endswith(":") or any(line.start <= c < line.end for c in covered):
                continue
            if k + 1 < len(node.lines):
                if has_predicate(node.lines[k + 1].text):
                    yield _defect("dangling_colon", node.lines[k + 1],
                                  "перечень после двоеточия прерван посторонним текстом" if node.children
                                  else "после двоеточия вместо перечня идёт текст")
            elif not node.children:
                yield _defect("dangling_colon", line, "после двоеточия нет перечня")


def _sentence(text: str, at: int) -> tuple[int, int]:
    start = max(text.rfind("\n", 0, at), text.rfind(". ", 0, at) + 1) + 1
    while start < at and text[start].isspace():
        start += 1
    end = min(x for x in (text.find(". ", at), text.find("\n", at), len(text)) if x >= 0)
    return start, end + (text[end:end + 1] == ".")


def _title_mismatch(text: str, flat: str, title: Title | None, body_start: int) -> Iterator[StructureDefect]:
    if title is None:
        return
    kind = parses(title.kind.split()[0])[0][0]
    for m in _SELF_REFERENCE.finditer(text, body_start):
        named = parses(m.group(1))[0][0]
        if named != kind:
            start, end = _sentence(flat, m.start())   # the whole sentence, however it is wrapped
            yield StructureDefect("title_mismatch", start, end,
                                  f"заголовок называет документ «{title.kind}», а текст — «{named}»")
            return


def _missing_participants(nodes: Sequence[Node]) -> Iterator[StructureDefect]:
    for node in nodes:
        present = {nodes[c].cue for c in node.children if nodes[c].kind != "bullet"} & set(CORE_PARTICIPANTS)
        if len(present) >= 3 and (absent := [name for role, name in CORE_PARTICIPANTS.items() if role not in present]):
            yield _defect("missing_section", node.lead, "в разделе об участниках нет подразделов: " + ", ".join(absent))


def find_defects(text: str, flat: str, nodes: Sequence[Node], title: Title | None,
                 body_start: int) -> tuple[StructureDefect, ...]:
    found = [*_sequence(nodes), *_duplicates(nodes), *_unnumbered(nodes), *_dangling(nodes, text),
             *_title_mismatch(text, flat, title, body_start), *_missing_participants(nodes)]
    return tuple(sorted(found, key=lambda d: (d.start, d.kind)))
