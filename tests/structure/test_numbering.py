"""Number forms at a line start, and what is not a number."""
from __future__ import annotations

import pytest
import synth

from analyzer.structure.lines import logical_lines
from analyzer.structure.numbering import find_marker

MARKERS = [
    # line, style, parts, as written
    ("1. Общие положения", "dotted", (1,), "1."),
    ("1.1. Настоящее Положение", "dotted", (1, 1), "1.1."),
    ("1.1 Настоящее Положение", "dotted", (1, 1), "1.1"),
    ("4.1 Настоящее положение вводится", "dotted", (4, 1), "4.1"),
    ("2.3.1. Классный руководитель", "dotted", (2, 3, 1), "2.3.1."),
    ("2.3.1 Классный руководитель", "dotted", (2, 3, 1), "2.3.1"),
    ("3.Права", "dotted", (3,), "3."),
    ("17.1 информирует обучающихся", "dotted", (17, 1), "17.1"),
    ("- 3.1. Участники образовательных отношений", "dotted", (3, 1), "3.1."),
    ("• 1.2. Положение разработано", "dotted", (1, 2), "1.2."),
    ("А) Действия администратора", "letter_upper", (1,), "А)"),
    ("Е) Родитель (законный представитель)", "letter_upper", (6,), "Е)"),
    ("б) чат с родителями", "letter_lower", (2,), "б)"),
    ("A) Действия администратора", "letter_upper", (1,), "A)"),   # Latin A from OCR
    ("1) описание и назначение", "paren", (1,), "1)"),
    ("12) иные сведения", "paren", (12,), "12)"),
    ("I. Общие положения", "roman", (1,), "I."),
    ("IV. Заключительные положения", "roman", (4,), "IV."),
    ("- чат с обучающимися", "bullet", (), "-"),
    ("• присоединяется к чату", "bullet", (), "•"),
    ("· координирует процессы", "bullet", (), "·"),
    ("– Распоряжением Минпросвещения", "bullet", (), "–"),
    ("— Письмом Минпросвещения", "bullet", (), "—"),
    ("* участвует в образовательной коммуникации", "bullet", (), "*"),
    # alone on the line: narrow wrapping put the text on the next one
    ("2.1.", "dotted", (2, 1), "2.1."),
    ("-", "bullet", (), "-"),
    ("А)", "letter_upper", (1,), "А)"),
    ("3)", "paren", (3,), "3)"),
    ("II.", "roman", (2,), "II."),
]

NOT_MARKERS = [
    "01.09.2021 № Р-210 «Об утверждении Методологии»",
    "29.12.2023 г. утверждено",
    "1.9.2021 распоряжение",
    "№ 2040 «О проведении эксперимента»",
    "2040 «О проведении эксперимента»",
    "3.5% средств",
    "1 000 рублей",
    "12 Текст без точки",
    "**ПОЛОЖЕНИЕ**",
    "Общие положения",
    "ИКОП «Сферум» назначается",
    "VII век",
]


@pytest.mark.parametrize("line, style, parts, written", MARKERS)
def test_marker(line, style, parts, written):
    marker = find_marker(line)
    assert (marker.style, marker.parts, marker.written) == (style, parts, written)


@pytest.mark.parametrize("line", NOT_MARKERS)
def test_not_a_marker(line):
    assert find_marker(line) is None


def test_text_after_the_marker():
    [line] = logical_lines("#### 1.2. Положение разработано в соответствии с:")
    assert line.marker.written == "1.2." and line.text == "Положение разработано в соответствии с:"


@pytest.mark.parametrize("text, joined", [
    # wrapped mid-sentence: the second line continues the first
    ("1.1. Положение является локальным нормативным актом, содержащим\nнормы, регулирующие порядок.", True),
    ("- постановлением Правительства от 7 декабря 2020 г.\n№ 2040 «О проведении эксперимента»;", True),
    ("- постановлением Правительства от 7 декабря 2020 г.\n\n2040 «О проведении эксперимента»;", True),
    ("- распоряжением Минпросвещения России от\n01.09.2021 № Р-210;", True),
    ("осуществляется непосредственно через ИКОП\n«Сферум».", True),
    ("имеют право на обращение в\n\nПоддержку Платформы в случаях возникновения вопросов.", True),
    ("в соответствии с пунктом\n2.1. настоящего Положения.", True),
    ("3. ОРГАНИЗАЦИЯ РАБОТЫ УЧАСТНИКОВ\nВ УЧЕБНОМ ПРОФИЛЕ VK-МЕССЕНДЖЕР", True),
    # narrow wrapping
    ("«Сферум» (далее\n– ИКОП «Сферум») и учебного профиля", True),
    ("- VK Мессенджер\n— бесплатное российское приложение;", True),
    ("1.1. Настоящее\nПоложение является локальным актом.", True),
    ("2. Порядок работы с\nПлатформой", True),
    ("Письмом Минпросвещения Российской\nФедерации от 22.02.2023 г.", True),
    ("- проходит регистрацию образовательной организации (при\n- необходимости);", True),
    # a new unit
    ("4. Заключительные положения\nНастоящее положение вводится в действие.", False),
    ("Общие положения\n1.1 Настоящее Положение является актом.", False),
    ("1.1. Первый пункт.\n1.2. Второй пункт.", False),
    ("Положение разработано в соответствии с:\n- Федеральным законом;", False),
    ("- чат с заместителями;\n- иные чаты.", False),
    ("Положение вводится в действие с момента подписания.\nНастоящее Положение действительно до принятия нового.", False),
    ("- обеспечивает безопасность своего доступа к Платформе\n- Постановлением Правительства", False),
    ("- информационные технологии;\n- «информационно-коммуникационная платформа» - совокупность", False),
])
def test_wrapped_lines(text, joined):
    assert (len(logical_lines(text)) == 1) == joined


def test_marker_less_list_items():
    """Lower-case lines after "…:" and "…;" are items whose bullets were lost."""
    lines = logical_lines("Функции администратора:\nсопровождает все процессы;\nвносит информацию;\nведет каналы.")
    assert [line.marker.style if line.marker else None for line in lines] == [None, "bullet", "bullet", "bullet"]
    assert [line.text[:8] for line in lines[1:]] == ["сопровож", "вносит и", "ведет ка"]


@pytest.mark.parametrize("width", [16, 30, 45])
def test_marker_less_list_items_wrapped(width):
    """Items without bullets, each wrapped over lines, still end at their ";"."""
    text = synth.rewrap("Функции администратора платформы:\n"
                        "сопровождает и координирует все процессы по использованию платформы;\n"
                        "направляет заявку на регистрацию образовательной организации на платформе;\n"
                        "вносит и редактирует информацию об образовательной организации;\n"
                        "оказывает помощь и поддержку участникам образовательных отношений.", width)
    lines = logical_lines(text)
    assert [line.style for line in lines] == [None, "bullet", "bullet", "bullet", "bullet"]
    assert [line.text.split()[0] for line in lines[1:]] == ["сопровождает", "направляет", "вносит", "оказывает"]
    assert [line.text[-1] for line in lines[1:]] == [";", ";", ";", "."]


def test_lines_from_markdown():
    lines = logical_lines("## ПОЛОЖЕНИЕ\n\n### об использовании платформы\n\n### **3. Права участников**\n"
                          "3.2. Право на обращение по адресу [info@sferum.ru](mailto:info@sferum.ru).")
    assert [line.text for line in lines] == [
        "ПОЛОЖЕНИЕ об использовании платформы", "Права участников",
        "Право на обращение по адресу info@sferum.ru."]
    assert lines[1].marker.written == "3." and lines[1].emphasis


@pytest.mark.parametrize("text, marker, start", [
    ("2.1.\nАдминистратор назначается приказом.", "2.1.", "Администратор"),
    ("Администратор выстраивает структуру:\n-\nподает заявку;", "-", "подает"),
    ("3. Организация работы\nА)\nДействия администратора:", "А)", "Действия"),
    ("-\n1.2. Положение разработано в соответствии с:", "1.2.", "Положение"),
])
def test_marker_alone_on_its_line(text, marker, start):
    """A marker wrapped away from its text ("2.1." then the text on the next line) opens the line after it."""
    line = logical_lines(text)[-1]
    assert (line.marker.written, line.text.split()[0]) == (marker, start)
    assert marker in text[line.start:line.text_start] and text[line.text_start:].startswith(start)


def test_one_word_a_line():
    """A PDF text layer that gives the words of a justified line one a line (a real school's text)."""
    text = ("1.1. Настоящее Положение является локальным нормативным актом, содержащим\nнормы,\nрегулирующие\n"
            "порядок\nиспользования\nинформационнокоммуникационной образовательной платформы «Сферум» (далее - ИКОП\n"
            "«Сферум») и учебного профиля VK-мессенджер всеми участниками\nобразовательных\nотношений\n"
            "1.2. Положение разработано в соответствии с:")
    lines = logical_lines(text)
    assert [line.marker.written for line in lines] == ["1.1.", "1.2."]
    assert lines[0].text.endswith("всеми участниками образовательных отношений")


def test_unfinished_line_before_a_capital_is_read_by_the_room_left():
    """Undecidable from the words alone: in hard-wrapped text an unfinished line ("… сразу", no full stop)
    followed by a capitalised line ("Оно разработано …") may be one sentence wrapped there ("… в ГБОУ школе
    №59 города" / "Краснодара разработано …") as well as two. Only the room left on the line tells: with
    room for the next word the break was made by the author; on a full line it reads as wrapped."""
    body = synth.rewrap("1.1. Настоящее положение устанавливает правила применения сервисов взаимодействия "
                        "преподавателей с обучающимися и законными представителями посредством видео-конференц-"
                        "связи, быстрого обмена текстовыми сообщениями, фото-, аудио- и видеоинформацией, файлами "
                        "в ходе реализации образовательных программ.", 30)

    def texts(last: str) -> list[str]:
        return [line.text for line in logical_lines(f"{body}\n{last}\nОно разработано в\nсоответствии с:\n- законом;")]

    assert texts("1.2. Вводится сразу")[1:3] == ["Вводится сразу", "Оно разработано в соответствии с:"]
    assert texts("1.2. Вводится в действие сразу")[1] == "Вводится в действие сразу Оно разработано в соответствии с:"
