"""The four corpus regulations, checked in full against the trees a careful
reader draws (tests/structure/expected/NAME.yaml)."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

EXPECTED = Path(__file__).parent / "expected"


def _expected(name: str) -> dict:
    return yaml.safe_load((EXPECTED / f"{name}.yaml").read_text(encoding="utf-8"))


def test_every_regulation_has_an_expected_tree(corpus_names):
    assert corpus_names and sorted(p.stem for p in EXPECTED.glob("*.yaml")) == corpus_names


def test_sections(corpus, regulation):
    got = [[s.number, s.level, s.kind, s.role, s.heading[:40]] for s in corpus[regulation].sections]
    assert got == _expected(regulation)["sections"]


def test_title_and_approvals(corpus, regulation):
    structure, want = corpus[regulation], _expected(regulation)
    assert structure.title == want["title"]
    got = [{"kind": a.kind, "body": a.body, "protocol_number": a.protocol_number, "order_number": a.order_number,
            "dates": [d.value for d in a.dates], "signatory": a.signatory} for a in structure.approvals]
    assert got == want["approvals"]


def test_defects(corpus, corpus_text, regulation):
    text = corpus_text(regulation)
    got = [(d.kind, " ".join(text[d.start:d.end].split())) for d in corpus[regulation].defects]
    want = _expected(regulation)["defects"]
    assert [kind for kind, _ in got] == [kind for kind, _ in want]
    for (_, quote), (_, start) in zip(got, want):
        assert quote.startswith(start)


def test_tree_is_consistent(corpus, regulation):
    """Parents come first and enclose their children; levels follow the parents."""
    sections = corpus[regulation].sections
    for i, s in enumerate(sections):
        assert s.start <= s.text_end <= s.end
        if s.parent is None:
            assert s.level == 1
        else:
            parent = sections[s.parent]
            assert s.parent < i and s.level == parent.level + 1
            assert parent.start <= s.start and s.end <= parent.end


def test_all_body_text_belongs_to_a_section(corpus, corpus_text, regulation):
    """No body line is lost: its last word lies in the own text of some section."""
    structure, text = corpus[regulation], corpus_text(regulation)
    own = [(s.start, s.text_end) for s in structure.sections]
    for m in re.finditer(r"[^\n]*\w", text[structure.body_start:]):
        at = structure.body_start + m.end() - 1
        assert any(start <= at < end for start, end in own), m.group(0)
