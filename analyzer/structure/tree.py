"""The section tree of the body, built over its logical lines with a stack
of open sections.

- Clause numbers rank by depth ("1." < "1.1" < "1.1.1"); Roman numerals and
  unnumbered headings ("Общие положения", capitals) stand at the top.
- A "1." that restarts inside a numbered heading ("4." then "1."–"6.") opens
  a list of that heading's clauses (style ``child``); a heading-like "5. …"
  closes it again.
- Lettered and parenthesised items are siblings of the open item of the
  same style, otherwise children of the section they follow.
- Bullets are children of the section that introduces them; a bullet ending
  with ":" takes the following bullets as its own until one reads as its
  sibling (a finite verb where the list so far has verbs: "осуществляет …"
  after "чат руководителя …").
- A plain paragraph continues its section until that section has children;
  a paragraph introducing a list, or one after a finished list, is a section
  of kind ``paragraph``.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from analyzer.lexicon import first_words
from analyzer.model import Role
from analyzer.structure.lines import Line, heading_like, is_unnumbered_heading
from analyzer.structure.roles import cue_role
from analyzer.structure.words import pos
from analyzer.vocabulary import NumberingStyle, SectionKind

LIST_STYLES: tuple[NumberingStyle, ...] = ("bullet", "letter_upper", "letter_lower", "paren")
LOOKAHEAD = 6   # lines looked at to see whether a list goes on after plain text
_PREDICATES = frozenset({"VERB", "INFN"})


@dataclass
class Node:
    """A section while the tree is built; ``lines[0]`` is its lead line."""

    lines: list[Line]
    kind: SectionKind
    style: str | None          # marker style, "child" for a restarted clause list, None unnumbered
    rank: int | None           # numbered and heading sections; None for lists and paragraphs
    parent: int | None
    children: list[int] = field(default_factory=list)
    end: int = 0
    cue: Role | None = None    # the role its lead line names, if any

    @property
    def lead(self) -> Line:
        return self.lines[0]

    @property
    def parts(self) -> tuple[int, ...]:
        return self.lead.marker.parts if self.lead.marker else ()

    @property
    def opens_list(self) -> bool:
        return self.lines[-1].text.endswith(":")


def _predicate(text: str) -> str:
    """The first verb form among the first words, or "nominal": a list item's shape."""
    for word in first_words(text, 4):
        if pos(word) in _PREDICATES:
            return pos(word)
    return "nominal"


class _Builder:
    def __init__(self) -> None:
        self.nodes: list[Node] = []
        self.stack: list[int] = []
        self.top_rank = 1

    def _top(self) -> Node | None:
        return self.nodes[self.stack[-1]] if self.stack else None

    def _push(self, line: Line, kind: SectionKind, style: str | None, rank: int | None) -> None:
        parent = self.stack[-1] if self.stack else None
        self.nodes.append(Node([line], kind, style, rank, parent))
        if parent is not None:
            self.nodes[parent].children.append(len(self.nodes) - 1)
        self.stack.append(len(self.nodes) - 1)

    def _pop_while(self, condition: Callable[[Node], bool]) -> None:
        while self.stack and condition(self.nodes[self.stack[-1]]):
            self.stack.pop()

    def _innermost(self, condition: Callable[[Node], bool]) -> int | None:
        return next((k for k in reversed(range(len(self.stack))) if condition(self.nodes[self.stack[k]])), None)

    def place(self, line: Line, ahead: Sequence[Line]) -> None:
        marker = line.marker
        if marker is None:
            if is_unnumbered_heading(line):
                self._ranked(line, self.top_rank, "heading", None)
            else:
                self._paragraph(line, ahead)
        elif marker.style == "dotted":
            self._dotted(line)
        elif marker.style == "roman":
            self.top_rank = 0
            self._ranked(line, 0, "heading", "roman")
        elif marker.style == "bullet":
            self._bullet(line)
        else:
            self._item(line)

    def _ranked(self, line: Line, rank: int, kind: SectionKind, style: str | None) -> None:
        self._pop_while(lambda n: n.rank is None or n.rank >= rank)
        self._push(line, kind, style, rank)

    def _dotted(self, line: Line) -> None:
        assert line.marker is not None
        parts = line.marker.parts
        if len(parts) > 1:
            deep: SectionKind = "heading" if heading_like(line.text) and not line.text.endswith(".") else "clause"
            self._ranked(line, len(parts), deep, "dotted")
            return
        heading = heading_like(line.text, allow_colon=True)
        if not heading and self._child_clause(parts[0]):
            self._push(line, "clause", "child", None)
            return
        self._ranked(line, 1, "heading" if heading else "clause", "dotted")

    def _child_clause(self, value: int) -> bool:
        """Place a "N." sentence inside the open heading when its numbering restarted there."""
        at = self._innermost(lambda n: n.style == "child")
        top_at = self._innermost(lambda n: n.rank == 1)
        top = self.nodes[self.stack[top_at]] if top_at is not None else None
        if at is not None:
            last = self.nodes[self.stack[at]].parts[0]
            if value == last + 1 or (value > last and (not top or not top.parts or value != top.parts[0] + 1)):
                del self.stack[at:]
                return True
            return False
        if top is None or top_at is None or top.kind != "heading" \
                or (top.parts and value != 1 and value > top.parts[0]):
            return False
        if any(self.nodes[c].style in ("dotted", "child") for c in top.children):
            return False
        del self.stack[top_at + 1:]
        return True

    def _item(self, line: Line) -> None:
        assert line.marker is not None
        style = line.marker.style
        at = self._innermost(lambda n: n.style == style or n.rank is not None)
        if at is not None and self.nodes[self.stack[at]].style == style:
            del self.stack[at:]
        else:
            self._pop_while(lambda n: n.style == "bullet" and not n.opens_list)
        self._push(line, "item", style, None)

    def _bullet(self, line: Line) -> None:
        while (top := self._top()) is not None and top.style == "bullet":
            if line.indent > top.lead.indent:
                break
            if line.indent == top.lead.indent and top.opens_list and not self._sibling_of(line, top):
                break
            self.stack.pop()
        self._push(line, "bullet", "bullet", None)

    def _sibling_of(self, line: Line, bullet: Node) -> bool:
        shape = _predicate(line.text)
        if shape not in _PREDICATES:
            return False
        siblings = self.nodes[bullet.parent].children if bullet.parent is not None else []
        return any(_predicate(self.nodes[s].lead.text) == shape for s in siblings
                   if self.nodes[s].style == "bullet" and self.nodes[s].lead.start <= bullet.lead.start)

    @staticmethod
    def _inside_list(line: Line, bullet: Node, ahead: Sequence[Line]) -> bool:
        """Plain lines between two bullets of one list belong to the first ("… обучающихся.\n«Сферум» не …")."""
        if line.text.endswith(":"):
            return False
        for nxt in ahead:
            if nxt.marker is None and not nxt.text.endswith(":") and not is_unnumbered_heading(nxt):
                continue
            return (nxt.marker is not None and nxt.marker.written == bullet.lead.written
                    and nxt.indent == bullet.lead.indent)
        return False

    def _paragraph(self, line: Line, ahead: Sequence[Line]) -> None:
        top = self._top()
        following = ahead[0] if ahead else None
        introduces = (line.text.endswith(":") and following is not None and following.marker is not None
                      and following.marker.style in LIST_STYLES)
        if top is None:
            self._push(line, "paragraph", None, None)
        elif top.style == "bullet" and self._inside_list(line, top, ahead):
            top.lines.append(line)
        elif top.style == "bullet":
            self._pop_while(lambda n: n.style == "bullet")
            if (owner := self._top()) is not None and owner.kind != "heading" and owner.opens_list:
                self.stack.pop()
            self._push(line, "paragraph", None, None)
        elif top.children:
            self._push(line, "paragraph", None, None)
        elif introduces:
            if top.kind == "paragraph":
                self.stack.pop()
            self._push(line, "paragraph", None, None)
        else:
            top.lines.append(line)

    def finish(self) -> list[Node]:
        for node in reversed(self.nodes):
            node.end = max([node.lines[-1].end] + [self.nodes[c].end for c in node.children])
            node.cue = cue_role(node.lead.text)
        return self.nodes


def build_tree(lines: Sequence[Line]) -> list[Node]:
    """The body's sections in document order, parents before children."""
    builder = _Builder()
    for i, line in enumerate(lines):
        builder.place(line, lines[i + 1:i + 1 + LOOKAHEAD])
    return builder.finish()
