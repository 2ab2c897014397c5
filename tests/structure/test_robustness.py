"""The same regulation edited the way copies of it circulate — re-wrapped,
renumbered, other bullets, markdown stripped, OCR look-alikes — keeps its
tree and its roles; odd inputs do not crash.

Text layers of PDFs come hard-wrapped, often narrowly: a few words or one
word a line, in a proportional font, with or without blank lines between
paragraphs. The tree, the defects, the title and the stamps stay the same.
"""
from __future__ import annotations

import random
import re
import textwrap

import pytest
import synth

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


def _squeezed(text: str) -> str:
    """The blank lines between paragraphs lost, as many PDF text layers lose them."""
    return "\n".join(line for line in text.split("\n") if line.strip())


def _stamps(structure):
    return [(a.kind, a.protocol_number, a.order_number, [d.value for d in a.dates], a.signatory)
            for a in structure.approvals]


def _assert_same(structure, original):
    assert _shape(structure) == _shape(original)
    assert _defects(structure) == _defects(original)
    assert structure.title == original.title
    assert _stamps(structure) == _stamps(original)


@pytest.mark.parametrize("width", [12, 20, 30, 45, 60, 90])
@pytest.mark.parametrize("blanks", [True, False], ids=["paragraphs", "no-blank-lines"])
def test_narrowly_rewrapped(corpus, corpus_text, structure_of, regulation, width, blanks):
    text = synth.rewrap(corpus_text(regulation), width)
    _assert_same(structure_of(text if blanks else _squeezed(text)), corpus[regulation])


# Glyph widths of a proportional font, in widths of a small letter: capitals and ш, щ, ж … take more room.
_WIDE, _NARROW = set("шщжмюфыШЩЖМЮФЫ"), set("ijlrtгі.,;:!«»()- ")


def _glyph(ch: str) -> float:
    return 1.4 if ch in _WIDE else 0.55 if ch in _NARROW else 1.3 if ch.isupper() else 1.0


def _proportional(text: str, width: float) -> str:
    """Wrapped as a PDF lays text out: a line holds as many words as their glyphs leave room for."""
    out = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split():
            longer = f"{line} {word}" if line else word
            if line and sum(map(_glyph, longer)) > width:
                out.append(line)
                line = word
            else:
                line = longer
        out.append(line)
    return "\n".join(out)


def _ragged(text: str, seed: int) -> str:
    """A text layer that breaks a justified line into single words here and there, like

    "… актом, содержащим\nнормы,\nрегулирующие\nпорядок\nиспользования\nинформационнокоммуникационной …"."""
    rng = random.Random(seed)
    out = []
    for paragraph in text.split("\n"):
        line, width = "", 80
        for word in paragraph.split():
            if line and len(line) + 1 + len(word) > width:
                out.append(line)
                line, width = word, rng.choice([1, 1, 80])
            else:
                line = f"{line} {word}" if line else word
        out.append(line)
    return "\n".join(out)


@pytest.mark.parametrize("width", [16, 30, 60])
def test_wrapped_in_a_proportional_font(corpus, corpus_text, structure_of, regulation, width):
    _assert_same(structure_of(_squeezed(_proportional(corpus_text(regulation), width))), corpus[regulation])


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_single_words_on_lines(corpus, corpus_text, structure_of, regulation, seed):
    plain = re.sub(r"(?m)^#+\s*|\*\*|^- (?=\d)", "", corpus_text(regulation))  # what a PDF shows of markdown
    _assert_same(structure_of(_ragged(plain, seed)), corpus[regulation])


SECTION = ("2. Порядок работы с Платформой\n"
           "Администратор выстраивает структуру образовательной организации на Платформе и подготавливает "
           "площадку для регистрации педагогов и родителей:\n"
           "- подает заявку на регистрацию организации к Платформе;\n"
           "- после получения ответа регистрирует организацию на платформе;\n"
           "- обеспечивает безопасность своего доступа к Платформе\n"
           "Родитель (законный представитель) используя Платформу:\n"
           "- присоединяется к организации по ссылке-приглашению, переданной администратором;\n"
           "- обеспечивает безопасность своего доступа к Платформе.\n"
           "3. Заключительные положения\nНастоящее положение вводится в действие с момента его подписания.\n")


@pytest.mark.parametrize("width", [12, 20, 30, 45, 60])
def test_headings_and_lists_of_participants_wrapped(structure_of, width):
    """A heading that fills its line ("2. Порядок работы с Платформой", 30 letters) ends where the text under
    it starts, and a participant's list opens after an item without a closing mark."""
    original = structure_of(SECTION)
    assert [(s.label, s.kind, s.role) for s in original.sections if s.kind != "bullet"] == [
        ("2", "heading", "other"), ("", "paragraph", "administrator"), ("", "paragraph", "parent"),
        ("3", "heading", "final")]
    assert _shape(structure_of(synth.rewrap(SECTION, width))) == _shape(original)


def test_blank_line_after_every_wrapped_line(corpus, corpus_text, structure_of, regulation):
    text = _squeezed(synth.rewrap(corpus_text(regulation), 20)).replace("\n", "\n\n")
    _assert_same(structure_of(text), corpus[regulation])


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
