"""ConceptIndex: which concept groups of the clause set a sentence satisfies — an alternative holds when all
its words (a word ending in * a prefix) are among the sentence's lemmas."""
from __future__ import annotations

import numpy as np

from analyzer.clause_set import load_clause_set
from analyzer.matching.concepts import ConceptIndex
from analyzer.nlp import tokenize


def _lemmas(text: str) -> frozenset[str]:
    return frozenset(tokenize(text).lemmas)


def test_alternatives_need_all_their_words_and_prefixes_match() -> None:
    clause_set = load_clause_set()
    index = ConceptIndex(clause_set)
    intro = next(c for c in clause_set.clauses if any(t.words == (("локальн", True),) for g in c.core for t in g))
    core = index.core[clause_set.clauses.index(intro)]
    sentences = [_lemmas("Настоящее Положение является локальным нормативным актом и устанавливает порядок "
                         "использования платформы."),
                 _lemmas("Настоящее Положение является локальным нормативным актом."),
                 _lemmas("Педагоги создают чаты классов.")]
    held = index.sentence_groups(sentences)[:, core]
    assert held[0].all()                     # «локальн*», «положение настоящ*», «устанавлива* порядок»
    assert held[1][:2].all() and not held[1][2]   # no alternative of the third group: «порядок» is missing
    assert not held[2].any()


def test_every_group_of_a_clause_wording_holds_in_that_wording() -> None:
    clause_set = load_clause_set()
    index = ConceptIndex(clause_set)
    sentences = [_lemmas(c.wording) for c in clause_set.clauses]
    held = index.sentence_groups(sentences)
    stated = sum(bool(held[i, index.core[i]].all()) for i in range(len(sentences)))
    assert stated >= 0.9 * len(sentences)    # the reference wordings state their own core (a few use synonyms)


def test_sentence_groups_follow_their_definition_on_a_regulation(regulations_dir) -> None:
    index = ConceptIndex(load_clause_set())
    text = (regulations_dir / "co-milyutina-2023.txt").read_text(encoding="utf-8")
    sentences = [_lemmas(line) for line in text.splitlines() if line.strip()]
    held = index.sentence_groups(sentences)

    def has(lemmas: frozenset[str], word: int) -> bool:
        w, prefix = index.words[word]
        return any(lemma.startswith(w) if prefix else lemma == w for lemma in lemmas)

    expected = [[any(all(has(lemmas, w) for w in index.terms[t]) for t in terms) for terms in index.groups]
                for lemmas in sentences]
    assert held.any() and (held == np.array(expected)).all()


def test_evaluate_follows_its_definition_on_a_regulation(regulations_dir) -> None:
    """states: the unit's first sentence holds every core group and no sentence an exclude group; parts: the
    share of part groups the unit's sentences hold (1 without parts)."""
    from analyzer.analysed import analyse_text
    from analyzer.matching.units import build_units
    from analyzer.structure import parse

    clause_set = load_clause_set()
    index = ConceptIndex(clause_set)
    text = (regulations_dir / "school-59-krasnodar-2023.txt").read_text(encoding="utf-8")
    analysed = analyse_text(text)
    units = build_units(analysed.repaired, parse(analysed), analysed.tokens)
    sentences = [u.lemmas for u in units if not u.is_list]
    states, parts, held = index.evaluate(sentences, [u.sentences for u in units])
    per_sentence = index.sentence_groups(sentences)
    assert states.any() and (parts < 1).any()
    for u, unit in enumerate(units):
        groups = per_sentence[list(unit.sentences)].any(axis=0)
        assert (held[u] == groups).all()
        for c in range(len(clause_set.clauses)):
            core, part_ids, excludes = index.core[c], index.parts[c], index.excludes[c]
            expected = per_sentence[unit.sentences[0], core].all() and not groups[excludes].any()
            assert states[c, u] == expected
            assert parts[c, u] == (np.float32(np.mean(groups[part_ids])) if part_ids else 1.0)


def test_word_hits_follow_their_definition(regulations_dir) -> None:
    """A lemma satisfies a word equal to it and every prefix word it starts with — looked up by its prefixes."""
    index = ConceptIndex(load_clause_set())
    lemmas = {lem for path in regulations_dir.glob("*.txt") for lem in tokenize(path.read_text(encoding="utf-8")).lemmas}
    lemmas |= {w + tail for w, _ in index.words for tail in ("", "ый", "-то")} | {w[:-1] for w, _ in index.words}
    got = {lemma: index._word_hits(lemma) for lemma in lemmas}
    expected = {lemma: tuple(i for i, (w, prefix) in enumerate(index.words)
                             if (lemma.startswith(w) if prefix else lemma == w)) for lemma in lemmas}
    assert got == expected and sum(map(bool, got.values())) > 300
