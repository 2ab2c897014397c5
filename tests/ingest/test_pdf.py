"""PDF: the corpora PDFs against their DOCX/TXT, and the layout rules on lines made here."""
from __future__ import annotations

import re

import pypdfium2 as pdfium
import pytest
from ingest_support import clause_numbers

from analyzer.ingest import read
from analyzer.ingest.pdf_layout import Line, keep_hyphen, paragraphs, strip_running

_WORD = re.compile(r"\w+")
_COMPOUND = re.compile(r"\w+(?:-\w+)+")


def test_clause_numbers_match_the_txt(regulation, regulations_dir, formats_dir):
    doc = read(formats_dir / f"{regulation}.pdf")
    assert doc.format == "pdf"
    assert clause_numbers(doc.text) == clause_numbers(read(regulations_dir / f"{regulation}.txt").text)


def test_pages_and_blocks(regulation, formats_dir):
    path = formats_dir / f"{regulation}.pdf"
    doc = read(path)
    assert doc.pages == len(pdfium.PdfDocument(str(path)))
    pages = [b.page for b in doc.blocks]
    assert pages == sorted(pages) and pages[0] == 1 and pages[-1] <= doc.pages
    assert len(set(pages)) >= doc.pages - 1   # a last page may hold only its number
    assert "\n".join(doc.text[b.start:b.end] for b in doc.blocks) == doc.text


def test_running_header_and_page_numbers_are_dropped(regulation, formats_dir):
    path = formats_dir / f"{regulation}.pdf"
    pdf = pdfium.PdfDocument(str(path))
    first_lines = [pdf[i].get_textpage().get_text_range().split("\r\n")[0].strip() for i in range(len(pdf))]
    header = first_lines[0]
    assert first_lines.count(header) == len(pdf), "the fixture repeats its header on every page"
    docx_lines = read(formats_dir / f"{regulation}.docx").text.split("\n")
    lines = read(path).text.split("\n")
    assert lines.count(header) == docx_lines.count(header)
    assert not any(line.isdigit() for line in lines)


def test_words_and_hyphenation_survive(regulation, formats_dir):
    pdf_text = read(formats_dir / f"{regulation}.pdf").text
    docx_text = read(formats_dir / f"{regulation}.docx").text
    assert "\ufffe" not in pdf_text and "\x02" not in pdf_text
    # Compounds broken at a line end ("Санкт-" / "Петербурга") are whole again.
    for compound in set(_COMPOUND.findall(docx_text)):
        assert compound in pdf_text
    # No word was cut or glued by the reader; LibreOffice itself draws tab-separated
    # words without a gap in one fixture, so a glued word must consist of DOCX words.
    vocabulary = set(_WORD.findall(docx_text))
    glued = re.compile("(?:" + "|".join(sorted(map(re.escape, vocabulary), key=len, reverse=True)) + ")+")
    for word in set(_WORD.findall(pdf_text)) - vocabulary:
        assert glued.fullmatch(word), word


# --------------------------------------------------------------------- layout rules
def line(text: str, page: int = 1, left: float = 86, right: float = 552, y: float = 700, size: float = 12) -> Line:
    return Line(text, page, left, right, top=y, bottom=y, size=size)


def column(texts: list[tuple[str, float]], page: int = 1, top: float = 700) -> list[Line]:
    """Lines of one page, each (text, right edge), at single spacing."""
    return [line(t, page, right=r, y=top - 14 * i) for i, (t, r) in enumerate(texts)]


def texts(lines: list[Line]) -> list[str]:
    return [p.text for p in paragraphs([lines])]


def test_wrapped_lines_join_and_items_start_paragraphs():
    lines = column([
        ("1. Общие положения", 230),
        ("1.1. Настоящее Положение является локальным нормативным", 552),
        ("актом, содержащим нормы использования платформы", 520),
        ("«Сферум» в учреждении им. И.А.", 552),
        ("Милютина.", 140),
        ("1.2. Положение разработано в соответствии с:", 420),
        ("o Федеральным законом от 27 июля 2006 г.", 551),
        ("№ 149-ФЗ «Об информации»;", 300),
        ("– Постановлением Правительства РФ;", 350),
        ("Настоящее Положение вступает в силу", 330),
    ])
    assert texts(lines) == [
        "1. Общие положения",
        ("1.1. Настоящее Положение является локальным нормативным актом, содержащим нормы использования "
         "платформы «Сферум» в учреждении им. И.А. Милютина."),
        "1.2. Положение разработано в соответствии с:",
        "• Федеральным законом от 27 июля 2006 г. № 149-ФЗ «Об информации»;",
        "- Постановлением Правительства РФ;",
        "Настоящее Положение вступает в силу",
    ]


def test_short_lines_and_extra_spacing_separate_paragraphs():
    lines = [line("ПОЛОЖЕНИЕ", right=368, y=700), line("об использовании платформы", right=500, y=686),
             line("ГБОУ школы № 59", right=300, y=672), line("Общие положения", right=216, y=640)]
    body = [line("Настоящее Положение является локальным нормативным актом,", y=626 - 14 * i) for i in range(6)]
    assert texts(lines + body)[:4] == ["ПОЛОЖЕНИЕ", "об использовании платформы ГБОУ школы № 59",
                                       "Общие положения", " ".join(b.text for b in body)]


@pytest.mark.parametrize(("left", "right", "joined"), [
    ("образо", "вательной", "образовательной"),             # hyphenation
    ("информа", "ции", "информации"),
    ("Санкт", "Петербурга", "Санкт-Петербурга"),            # capital: a compound
    ("информационно", "коммуникационной", "информационно-коммуникационной"),  # not a word when glued
    ("04", "643", "04-643"),
])
def test_hyphen_at_line_end(left, right, joined):
    lines = column([(f"в {left}-", 552), (f"{right} организации.", 300)])
    assert texts(lines) == [f"в {joined} организации."]


def test_the_documents_own_words_decide_a_hyphen():
    assert keep_hyphen("ссылки", "приглашения", {"ссылки-приглашения"})
    assert not keep_hyphen("мессен", "джер", {"мессенджер"})


def test_running_heads_and_page_numbers():
    bodies = [["1.1. Положение определяет порядок.", "1.2. Платформа «Сферум» используется."],
              ["2.1. Администратор назначается приказом.", "2.2. Он ведёт чаты."],
              ["3.1. Родители участвуют в чатах.", "Страница 3 из 3"]]
    pages = [column([("ГБОУ школа № 59", 552)] + [(t, 400) for t in body] + [(str(n), 322)], page=n)
             for n, body in enumerate(bodies, 1)]
    pages[1][-1] = line("- 2 -", page=2)
    kept = [[ln.text for ln in page] for page in strip_running(pages)]
    assert kept == [bodies[0], bodies[1], bodies[2][:1]]


def test_a_line_on_only_one_page_is_not_a_running_head():
    pages = [column([("Утверждено:", 400), ("Текст.", 300)], page=1), column([("Текст два.", 300)], page=2)]
    assert [ln.text for page in strip_running(pages) for ln in page] == ["Утверждено:", "Текст.", "Текст два."]
