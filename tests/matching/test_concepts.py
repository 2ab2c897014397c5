"""ConceptIndex: which concept groups of the clause set a sentence satisfies — an alternative holds when all
its words (a word ending in * a prefix) are among the sentence's lemmas."""
from __future__ import annotations

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
