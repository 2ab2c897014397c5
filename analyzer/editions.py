"""Two texts of the recommendations: which one a draft follows, and what that means for a clause.

Schools follow both texts (corpora/reference/README.md). A draft follows the
text whose covering letter it cites; when it cites both letters or neither,
the text its statements are worded like, counted over the clauses where the
texts differ: a statement that says what only one text says (the first text's
wording, which the clause set is built from, or a deviation another text's
wording accounts for — its ``explains``) agrees with that text.

For a clause finding this decides three things (:func:`bearing`): the text
behind the finding (the followed text when it states the clause), whether a
clause only one text has keeps its level (only for drafts following that
text), and whether a deviation is another text's wording — then the draft is
not in error and the finding is an info naming both wordings. A draft that
states both wordings (a wider circle of people in one place, the first text's
in another) contradicts itself and stays in error.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from analyzer.clause_set import Clause, ClauseSet, Statement
from analyzer.model import Citation, ClauseMatch, EditionVerdict, Severity

# Match reasons about where a duty stands, not how it is worded.
_PLACEMENT = frozenset({"related_role", "wrong_role"})


def _differ(clause: Clause) -> bool:
    return any(s.present for s in clause.statements) and any(s.how != "same" for s in clause.statements)


def _accounts(statement: Statement, match: ClauseMatch) -> bool:
    """Whether ``statement``'s wording accounts for every deviation of the draft's statement."""
    worded = set(match.reasons) - _PLACEMENT
    if "incomplete" in worded and not (match.lacking and set(match.lacking) <= statement.lacks):
        return False
    if "subject" in worded and "incomplete" not in worded and statement.lacks:
        return False   # the draft also states the first text's circle of people: it contradicts itself
    return bool(worded) and worded - {"incomplete"} <= statement.explains


def explaining(match: ClauseMatch, clause: Clause) -> list[Statement]:
    """The texts whose wording accounts for every deviation of a partial statement."""
    if match.status != "partial":
        return []
    return [s for s in clause.statements if s.present and s.how != "same" and _accounts(s, match)]


def agreeing_text(match: ClauseMatch, clause: Clause) -> str | None:
    """The one text whose wording the draft's statement of ``clause`` agrees with, where the texts differ."""
    if not _differ(clause):
        return None
    if match.status == "present" and not match.reasons:
        texts = [s.text for s in clause.statements if s.how == "same"]
    else:
        texts = [s.text for s in explaining(match, clause)]
    return texts[0] if len(texts) == 1 else None


def follows(citations: tuple[Citation, ...], matches: tuple[ClauseMatch, ...], clause_set: ClauseSet
            ) -> EditionVerdict:
    """Which text the draft appears to follow: by the covering letter it cites, else by wording."""
    cited = {c.act for c in citations}
    letters = tuple(t.id for t in clause_set.texts if t.letter in cited)
    agreeing: dict[str, list[str]] = {}
    for match in matches:
        if text := agreeing_text(match, clause_set.get(match.clause)):
            agreeing.setdefault(text, []).append(match.clause)
    votes = Counter({t: len(ids) for t, ids in agreeing.items()}).most_common()
    pairs = tuple((t, tuple(ids)) for t, ids in agreeing.items())
    if len(letters) == 1:
        return EditionVerdict(letters[0], "letter", letters, pairs)
    if votes and (len(votes) == 1 or votes[0][1] > votes[1][1]):
        return EditionVerdict(votes[0][0], "wording", letters, pairs)
    return EditionVerdict(None, "none", letters, pairs)


@dataclass(frozen=True)
class Bearing:
    """What the texts of the recommendations mean for one clause finding."""

    source: str                     # the text behind the finding, with its points
    severity: Severity | None       # None: the clause's level
    note: str | None                # why the level changed, for the message
    other: Statement | None = None  # the text whose wording the draft follows instead (not in error)


def label(clause_set: ClauseSet, statement: Statement | None) -> str:
    if statement is None:
        return "типовое положение"
    title = clause_set.text(statement.text).title
    return f"{title}, п. {', '.join(statement.points)}" if statement.points else title


def _followed(clause_set: ClauseSet, verdict: EditionVerdict | None) -> str:
    if verdict is None or verdict.follows is None:
        return "какому тексту МР следует положение, не установлено"
    return f"положение следует тексту «{clause_set.text(verdict.follows).title}»"


def bearing(match: ClauseMatch, clause: Clause, clause_set: ClauseSet, verdict: EditionVerdict | None) -> Bearing:
    present = [s for s in clause.statements if s.present]
    followed = clause.statement(verdict.follows) if verdict and verdict.follows else None
    behind = followed if followed and followed.present else (present[0] if present else None)
    source = label(clause_set, behind)
    if other := explaining(match, clause):
        return Bearing(source, "info", None, other[0])
    if len(present) == 1 and len(clause.statements) > 1 and (followed is None or not followed.present):
        only = clause_set.text(present[0].text).title
        return Bearing(source, "info", f"положение есть только в тексте «{only}», а {_followed(clause_set, verdict)}")
    return Bearing(source, None, None)


def describe(verdict: EditionVerdict | None, clause_set: ClauseSet) -> str:
    """The verdict in a methodologist's words."""
    if verdict is None:
        return ""
    counts = {t: len(ids) for t, ids in verdict.agreeing}
    wording = "; ".join(f"как в тексте «{clause_set.text(t).title}» сформулировано положений: {n}"
                        for t, n in counts.items())
    if verdict.follows is None:
        cited = " и ".join(f"«{clause_set.text(t).title}»" for t in verdict.letters)
        why = f"ссылается на письма обоих текстов ({cited})" if len(verdict.letters) > 1 else \
            "не ссылается на письмо ни одного из текстов"
        return f"Какому тексту МР следует положение, не установлено: {why}" + (f"; {wording}." if wording else ".")
    title = clause_set.text(verdict.follows).title
    if verdict.by == "letter":
        return f"Положение следует тексту «{title}»: ссылается на его письмо."
    return f"Положение, по-видимому, следует тексту «{title}» — по формулировкам ({wording})."
