"""analyzer.nlp: the token table every stage reads — words with offsets into the text, lemmas, stop flags."""
from __future__ import annotations

from pathlib import Path

from analyzer.nlp import tokenize

ROOT = Path(__file__).parents[1]


def test_words_lemmas_and_offsets() -> None:
    text = "2.1. Педагоги направляют ссылки-приглашения обучающимся (п. 3) в ИКОП «Сферум»."
    table = tokenize(text)
    words = [text[s:e] for s, e in zip(table.starts, table.ends)]
    assert words == ["Педагоги", "направляют", "ссылки", "приглашения", "обучающимся", "п", "в", "ИКОП", "Сферум"]
    assert table.lemmas[:5] == ("педагог", "направлять", "ссылка", "приглашение", "обучаться")
    assert [stop for stop, lem in zip(table.stops, table.lemmas) if lem == "в"] == [True]
    assert not any(table.stops[:5])


def test_between_selects_the_words_that_start_in_a_span() -> None:
    text = "Администратор создаёт чаты. Педагог ведёт чат класса."
    table = tokenize(text)
    second = text.index("Педагог")
    assert table.lemmas[table.between(second, len(text))] == ("педагог", "вести", "чат", "класс")
    assert table.lemmas[table.between(0, second)] == ("администратор", "создавать", "чат")


def test_every_offset_points_at_its_word_in_a_real_regulation() -> None:
    text = (ROOT / "corpora" / "regulations" / "school-59-krasnodar-2023.txt").read_text(encoding="utf-8")
    table = tokenize(text)
    assert len(table.starts) > 500
    assert list(table.starts) == sorted(table.starts)
    assert all(text[s:e].isalnum() and not text[s:e].isdigit() for s, e in zip(table.starts, table.ends))


def test_one_tokenizer_for_the_structure_parser_and_the_spacy_doc() -> None:
    """The structure parser's words are the word tokens of the spaCy Doc, compounds whole in both."""
    from analyzer.lexicon import WORD, words
    from analyzer.spacy_doc import build_nlp

    for path in sorted((ROOT / "corpora" / "regulations").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        doc = build_nlp()(text)
        assert doc.text == text
        assert [t.text for t in doc if WORD.fullmatch(t.text)] == words(text)
        compounds = [(t.idx, t.text) for t in doc if "-" in t.text and WORD.fullmatch(t.text)]
        assert compounds and all(text[i:i + len(w)] == w for i, w in compounds)   # «ссылки-приглашения», whole
