"""Institution type and scope: what kind of document reglint is looking at."""
from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.institution import institution_type
from analyzer.scope import judge_scope

REGULATIONS = Path(__file__).resolve().parents[2] / "corpora" / "regulations"


@pytest.mark.parametrize("name, kind", [
    ("apk-college", "college"), ("co-milyutina-2023", "school"),
    ("ddt-grad-chudes-2023", "additional"), ("school-59-krasnodar-2023", "school"),
])
def test_corpora_institutions(name, kind):
    assert institution_type((REGULATIONS / f"{name}.txt").read_text(encoding="utf-8")) == kind


@pytest.mark.parametrize("text, kind", [
    ("Положение об использовании ИКОП «Сферум» в МБОУ СОШ № 14 г. Армавира", "school"),
    ("МАОУ «Гимназия № 5»", "school"),
    ("ГБПОУ «Тамбовский политехнический техникум»", "college"),
    ("МБУ ДО «Спортивная школа олимпийского резерва № 3»", "additional"),
    ("ГБУ ДО ЦДТ «Радуга»", "additional"),
    ("муниципальное автономное дошкольное образовательное учреждение детский сад № 12", "preschool"),
    ("Положение об использовании платформы", "unknown"),
    # a school's act left over from a kindergarten's template is still a school's
    ("ГБОУ школа № 59\nПоложение\nучастники: воспитанники, родители; администрация сада", "school"),
])
def test_institution_cues(text, kind):
    assert institution_type(text) == kind


SFERUM_BODY = "\n".join(["использование ИКОП «Сферум»"] * 5)


@pytest.mark.parametrize("text, in_scope, says", [
    ("ПОЛОЖЕНИЕ об использовании ИКОП «Сферум»\n" + SFERUM_BODY, True, None),
    ("ПРИКАЗ\nО назначении администратора ИКОП «Сферум»\nПРИКАЗЫВАЮ:\n1. Назначить администратором Сферум", False,
     "приказ"),
    ("ПРАВИЛА общения в родительском чате класса в мессенджере MAX\n" + SFERUM_BODY, False, "правила"),
    ("ПОЛОЖЕНИЕ об электронном обучении и использовании дистанционных образовательных технологий\n1. Общие",
     False, "дистанционных"),
    ("ПОЛОЖЕНИЕ о школьной форме\n1. Общие положения", False, "другой локальный акт"),
    ("ПОЛОЖЕНИЕ об использовании информационно-коммуникационной платформы МАХ\n1. Общие положения", False, "MAX"),
    ("ПОЛОЖЕНИЕ об электронной информационно-образовательной среде МБОУ СОШ № 61\n1. Общие положения", False,
     "ЭИОС"),
])
def test_scope(text, in_scope, says):
    verdict = judge_scope(text, None, "school")
    assert verdict.in_scope is in_scope
    assert (verdict.looks_like is None) if says is None else (says in verdict.looks_like)


def test_the_recommendations_themselves_are_not_a_regulation():
    text = (REGULATIONS.parent / "reference" / "metodrek-minprosv-2023.txt").read_text(encoding="utf-8")
    verdict = judge_scope(text, None, "school")
    assert not verdict.in_scope and "методические рекомендации" in verdict.looks_like


def test_a_preschool_regulation_is_out_of_scope():
    verdict = judge_scope("ПОЛОЖЕНИЕ об использовании ИКОП «Сферум» в МАДОУ детский сад № 3\n" + SFERUM_BODY,
                          None, "preschool")
    assert not verdict.in_scope and "дошкольной" in verdict.looks_like


def test_an_order_with_the_regulation_attached_is_in_scope():
    text = "ПРИКАЗ\nОб утверждении положения\nПРИКАЗЫВАЮ: утвердить положение.\n\nПОЛОЖЕНИЕ об использовании\n" + SFERUM_BODY
    assert judge_scope(text, None, "school").in_scope


def test_an_out_of_scope_document_gets_one_verdict_not_a_list_of_gaps():
    from analyzer.pipeline import analyze

    report = analyze(REGULATIONS.parent / "reference" / "metodrek-minprosv-2023.txt")
    assert not report.in_scope
    assert [f.code for f in report.findings] == ["RL010"]
    assert {m.status for m in report.clauses} == {"not_applicable"}
