"""The same regulation edited the way copies of it circulate — re-wrapped,
renumbered, other bullets, markdown stripped, OCR look-alikes — keeps its
tree and its roles; odd inputs do not crash."""
from __future__ import annotations

import re
import textwrap

import pytest

LOOKALIKES = str.maketrans("аеорсАЕОРС", "aeopcAEOPC")
ROLE_WORDS = re.compile(r"(?i)\b(администратор\w*|администрация|родитель|обучающийся|учащийся|руководитель|"
                        r"педагогический|классный|права|общие|заключительные)\b")


def _shape(structure, labels=True):
    return [(s.label if labels and s.kind != "bullet" else s.kind, s.level, s.kind, s.role) for s in structure.sections]


def _defects(structure):
    return [d.kind for d in structure.defects]


def _rewrap(text: str, width: int) -> str:
    return "\n".join(textwrap.fill(line, width, subsequent_indent=" " * (len(line) - len(line.lstrip())))
                     if line.strip() else "" for line in text.split("\n"))


def _renumber(text: str) -> str:
    """Every clause number shifted by one: "1." → "2.", "2.3" → "3.3"."""
    return re.sub(r"(?m)^([#\s*-]*)(\d{1,2})(?=\.\d|\.\s|\.[А-ЯЁ])",
                  lambda m: m.group(1) + str(int(m.group(2)) + 1), text)


@pytest.mark.parametrize("width", [60, 75, 90])
def test_rewrapped(corpus, corpus_text, structure_of, regulation, width):
    structure = structure_of(_rewrap(corpus_text(regulation), width))
    assert _shape(structure) == _shape(corpus[regulation])
    assert _defects(structure) == _defects(corpus[regulation])
    assert structure.title == corpus[regulation].title


def test_blank_lines_carry_no_meaning(corpus, corpus_text, structure_of, regulation):
    text = corpus_text(regulation)
    squeezed = structure_of(re.sub(r"\n\s*\n", "\n", text))
    spaced = structure_of(text.replace("\n", "\n\n"))
    assert _shape(squeezed) == _shape(spaced) == _shape(corpus[regulation])


def test_renumbered(corpus, corpus_text, structure_of, regulation):
    original, shifted = corpus[regulation], structure_of(_renumber(corpus_text(regulation)))
    assert _shape(shifted, labels=False) == _shape(original, labels=False)
    for before, after in zip(original.sections, shifted.sections):
        if re.fullmatch(r"\d+(\.\d+)*", before.label):
            first, _, rest = before.label.partition(".")
            assert after.label == ".".join(filter(None, [str(int(first) + 1), rest]))


def test_other_bullets(corpus, corpus_text, structure_of, regulation):
    text = re.sub(r"(?m)^(\s*)[-·•]\s", lambda m: m.group(1) + "• ", corpus_text(regulation))
    assert _shape(structure_of(text)) == _shape(corpus[regulation])


def test_markdown_stripped(corpus, corpus_text, structure_of, regulation):
    text = corpus_text(regulation)
    plain = re.sub(r"(?m)^#+\s*|\*\*|^- (?=\d)", "", re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text))
    assert _shape(structure_of(plain)) == _shape(corpus[regulation])


def test_ocr_lookalikes(corpus, corpus_text, structure_of, regulation):
    damaged = ROLE_WORDS.sub(lambda m: m.group(0).translate(LOOKALIKES), corpus_text(regulation))
    assert damaged != corpus_text(regulation)
    structure = structure_of(damaged)
    assert _shape(structure) == _shape(corpus[regulation])
    assert [(a.kind, a.protocol_number, a.order_number) for a in structure.approvals] == \
           [(a.kind, a.protocol_number, a.order_number) for a in corpus[regulation].approvals]


@pytest.mark.parametrize("text", [
    "", "   \n\n\t", "ПОЛОЖЕНИЕ", "Одна строка текста без нумерации.", "УТВЕРЖДАЮ", "1.", "- ", "А)", "**",
    "ПОЛОЖЕНИЕ об использовании платформы\nУТВЕРЖДАЮ\nДиректор",
    ("Текст без нумерации. Ещё одно предложение.\nАдминистратор выстраивает структуру:\n- подает заявку;\n"
    "Родитель присоединяется к чату."),
])
def test_odd_inputs(structure_of, text):
    structure = structure_of(text)
    assert structure.body_start <= len(text)
    for s in structure.sections:
        assert 0 <= s.start <= s.text_end <= s.end <= len(text)


def test_text_without_numbering(structure_of):
    structure = structure_of("ПОЛОЖЕНИЕ об использовании платформы\nТекст без нумерации. Ещё текст.\n"
                             "Администратор выстраивает структуру:\n- подает заявку;\n- регистрирует.\n"
                             "Родитель присоединяется к чату.")
    assert structure.title == "ПОЛОЖЕНИЕ об использовании платформы"
    assert [(s.kind, s.role) for s in structure.sections] == [
        ("paragraph", "general"), ("paragraph", "administrator"), ("bullet", "administrator"),
        ("bullet", "administrator"), ("paragraph", "parent")]


def test_title_and_stamps_only(structure_of):
    structure = structure_of("УТВЕРЖДАЮ\nДиректор\n____ Иванов И.И.\nПОЛОЖЕНИЕ об использовании платформы")
    assert structure.sections == () and structure.approvals and structure.title
