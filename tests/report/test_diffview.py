"""word_diff: word-level differences between a reference wording and a document's text."""
from __future__ import annotations

from analyzer.report.diffview import side, word_diff


def _text(segments, which):
    return "".join(text for _, text in side(segments, which))


def test_case_and_yo_do_not_count_as_differences():
    segments = word_diff("Проходит верификацию статуса «учитель»", "проходит ВЕРИФИКАЦИЮ статуса «учитёль»")
    assert [op for op, _ in segments] == ["equal"]


def test_a_replaced_word_is_a_delete_then_a_replace():
    segments = word_diff("проходит верификацию статуса «учитель» в профиле",
                         "проходит верификацию статуса «Преподаватель» в профиле")
    assert segments == [("equal", "проходит верификацию статуса «"), ("delete", "учитель"),
                        ("replace", "Преподаватель"), ("equal", "» в профиле")]


def test_each_side_reads_back_as_its_text():
    reference = "завершает процесс подтверждения статуса «учитель» педагогических работников."
    document = "- завершает процесс подтверждения статуса «Преподаватель» педагогических работников (при необходимости);"
    segments = word_diff(reference, document)
    assert _text(segments, "document") == document
    assert " ".join(_text(segments, "reference").split()) == reference
    assert ("insert", "-") in segments
    assert any(op == "replace" and "(при необходимости);" in text for op, text in segments)


def test_punctuation_is_compared_as_its_own_token():
    segments = word_diff("обеспечивает безопасность;", "обеспечивает безопасность.")
    assert segments == [("equal", "обеспечивает безопасность"), ("delete", ";"), ("replace", ".")]


def test_words_not_characters():
    # "регистрацию" and "регистрация" share most letters but are different words.
    segments = word_diff("подает заявку на регистрацию", "подает заявку на регистрация")
    assert ("delete", " регистрацию") in segments and ("replace", " регистрация") in segments


def test_empty_document_deletes_everything():
    assert word_diff("назначает администратора", "") == [("delete", "назначает администратора")]
