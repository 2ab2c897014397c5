"""The structure of a regulation: approval blocks, title, the tree of
numbered sections with the role each speaks of, and numbering defects.

    from analyzer.structure import parse
    structure = parse(analyse_text(document.text))
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from analyzer.model import Section, Structure
from analyzer.structure.approval import find_approvals
from analyzer.structure.defects import find_defects
from analyzer.structure.lines import Line, is_unnumbered_heading
from analyzer.structure.roles import resolve, topic_role
from analyzer.structure.title import find_title
from analyzer.structure.tree import Node, build_tree

if TYPE_CHECKING:   # the pipeline builds the text from these modules' lines; the parser only reads it
    from analyzer.analysed import AnalysedText

__all__ = ["parse"]

HEADING_CHARS = 200
HEADER_LINES = 25


def _heading(text: str) -> str:
    if len(text) <= HEADING_CHARS:
        return text
    cut = text.rfind(" ", 0, HEADING_CHARS)
    return text[:cut if cut > 0 else HEADING_CHARS].rstrip(" ,;:") + "…"


def _first_body_line(lines: Sequence[Line], start: int) -> int:
    """The first numbered line or section heading from ``start``: the header ends there."""
    for i in range(start, min(len(lines), start + HEADER_LINES)):
        line = lines[i]
        if (line.marker and line.marker.style in ("dotted", "roman")) or \
                (is_unnumbered_heading(line) and topic_role(line.text)):
            return i
    return min(len(lines), start + HEADER_LINES)


def _sections(nodes: Sequence[Node]) -> tuple[Section, ...]:
    roles = resolve([n.parent for n in nodes], [n.cue for n in nodes], [n.kind == "bullet" for n in nodes])
    levels: list[int] = []
    sections = []
    for node, role in zip(nodes, roles):
        levels.append(1 if node.parent is None else levels[node.parent] + 1)
        lead = node.lead
        sections.append(Section(
            number=(lead.marker.written or None) if lead.marker else None, level=levels[-1], kind=node.kind,
            role=role, heading=_heading(lead.text), start=lead.start, end=node.end,
            text_end=node.lines[-1].end, parent=node.parent))
    return tuple(sections)


def parse(analysed: AnalysedText) -> Structure:
    """The structure of a document from its analysed text; never raises on odd text."""
    text, lines = analysed.repaired, analysed.lines  # same length: every span still points into document.text
    title = find_title(lines)
    body_from = title.last + 1 if title else 0
    # Stamps stand above the title, or below it when the title comes first.
    header = (lines[:title.first] if title else ()) + lines[body_from:_first_body_line(lines, body_from)]
    approvals = find_approvals(text, header)
    if approvals:
        body_from = max(body_from, next((i for i, line in enumerate(lines) if line.start >= approvals[-1].end),
                                        len(lines)))
    body_start = lines[body_from].start if body_from < len(lines) else len(text)
    nodes = build_tree(lines[body_from:])
    return Structure(
        title=title.text if title else None,
        title_span=(title.start, title.end) if title else None,
        approvals=approvals,
        sections=_sections(nodes),
        defects=find_defects(text, analysed.unwrapped, nodes, title, body_start),
        body_start=body_start)
