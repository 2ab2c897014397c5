"""Approval blocks in the shapes schools write them (the four corpus documents
are checked through tests/structure/expected/)."""
from __future__ import annotations

import datetime as dt

import pytest

CASES = [
    # text, [(kind, body, protocol, order, dates, signatory)]
    (("ПРИНЯТО\nНа Педагогическом совете\nПротокол № 2\n«29» декабря 2023 года\n"
     "УТВЕРЖДАЮ\nДиректор\n_____ И.Ю. Черникова\nПриказ № 411-1/Д\nот «29» декабря 2023 года\nПОЛОЖЕНИЕ о платформе"),
     [("adopted", "Педагогическом совете", "2", None, [dt.date(2023, 12, 29)], None),
      ("approved", "Директор", None, "411-1/Д", [dt.date(2023, 12, 29)], "И.Ю. Черникова")]),
    (("Принято педагогическим советом\nпротокол № 1 от 29.08.2023\n"
     "УТВЕРЖДАЮ\nдиректор МАОУ «ЦО им. И.А. Милютина»\nА.Н. Муромцев\nприказ от «31» августа 2023 года № 49-од\n"
     "ПОЛОЖЕНИЕ об использовании платформы"),
     [("adopted", "педагогическим советом", "1", None, [dt.date(2023, 8, 29)], None),
      ("approved", "директор МАОУ «ЦО им. И.А. Милютина»", None, "49-од", [dt.date(2023, 8, 31)], "А.Н. Муромцев")]),
    ("Утверждено:\nпедсоветом школы №59\nпротокол №1 от 28.12.2023г.\nдиректор\n_____ Трофименко Л.А.\nПОЛОЖЕНИЕ",
     [("approved", "педсоветом школы №59", "1", None, [dt.date(2023, 12, 28)], "Трофименко Л.А.")]),
    (("СОГЛАСОВАНО\nСоветом родителей\nпротокол № 3 от 30.08.2024\n"
     "РАССМОТРЕНО\nна заседании методического совета\nпротокол заседания от 29.08.2024 № 7\nПОЛОЖЕНИЕ"),
     [("agreed", "Советом родителей", "3", None, [dt.date(2024, 8, 30)], None),
      ("considered", "заседании методического совета", "7", None, [dt.date(2024, 8, 29)], None)]),
    # stamp under the title
    (("ПОЛОЖЕНИЕ об использовании платформы\nУТВЕРЖДЕНО приказом директора от 01.09.2023 № 12-о\n"
     "1. Общие положения\n1.1. Текст."),
     [("approved", "приказом директора", None, "12-о", [dt.date(2023, 9, 1)], None)]),
    # no title: the stamp ends at the first section
    ("УТВЕРЖДАЮ\nДиректор\n____ Иванов И.И.\nОбщие положения\n1.1. Текст положения.",
     [("approved", "Директор", None, None, [], "Иванов И.И.")]),
    # two table columns read across (text taken from a PDF)
    ("ПРИНЯТО УТВЕРЖДАЮ\nна педсовете Директор\nпротокол № 3 приказ № 5\n___ Петрова А.А.\nПОЛОЖЕНИЕ о платформе",
     [("adopted", "педсовете Директор", "3", None, [], None),
      ("approved", "педсовете Директор", None, "5", [], "Петрова А.А.")]),
    # no stamp at all
    ("Порядок применения сервисов\n1. ОБЩИЕ ПОЛОЖЕНИЯ\nНастоящее положение устанавливает правила.", []),
]


@pytest.mark.parametrize("text, blocks", CASES)
def test_approval_blocks(structure_of, text, blocks):
    structure = structure_of(text)
    got = [(a.kind, a.body, a.protocol_number, a.order_number, [d.value for d in a.dates], a.signatory)
           for a in structure.approvals]
    assert got == blocks
    for block in structure.approvals:
        assert block.end <= structure.body_start


def test_spans_and_dates_point_into_the_text(structure_of):
    text = CASES[0][0]
    adopted, approved = structure_of(text).approvals
    assert text[adopted.start:adopted.end].startswith("ПРИНЯТО")
    assert text[approved.start:approved.end].endswith("от «29» декабря 2023 года")
    assert [text[d.start:d.end] for d in adopted.dates + approved.dates] == ["«29» декабря 2023 года"] * 2


def test_the_body_does_not_start_inside_a_stamp(structure_of):
    structure = structure_of(CASES[0][0])
    assert structure.title == "ПОЛОЖЕНИЕ о платформе" and structure.sections == ()
