"""Reviewers' decisions on findings, kept in the batch store across drafts.

A decision is stored for an organisation (analyzer.organisation key) and a
fingerprint (analyzer.fingerprint), so it applies to every later draft of that
organisation's regulation where the finding appears again. Accepting or
dismissing replaces the current decision (the last one wins); every action,
comments included, is appended to ``decision_history`` in the same
transaction, so nothing a reviewer did is lost. SQLite serialises writers
(``BEGIN IMMEDIATE``): two reviewers deciding one finding at once both land in
the history, in order, and the later one is the decision.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

from analyzer.batch.store import Store
from analyzer.fingerprint import fingerprint_findings
from analyzer.model import Finding, Report, Review
from analyzer.organisation import organisation_key
from analyzer.vocabulary import DISMISS_REASONS, Decision, ReviewAction

MIN_PREFIX = 6
CONTEXT_HEAD = 1500


class ReviewError(Exception):
    """A decision that cannot be recorded; the message is Russian, for the reviewer."""


@dataclass(frozen=True)
class Outcome:
    review: Review
    replaced: Review | None      # the decision this one replaced, when it differed (now in the history only)
    concurrent: bool = False     # someone else decided after the reviewer last saw the finding


def with_organisation(report: Report, name: str) -> Report:
    """The report as if the head named ``name``: fingerprints are scoped to the organisation."""
    return dataclasses.replace(report, organisation=name, findings=fingerprint_findings(report.findings, name))


def find(report: Report, fingerprint: str) -> Finding:
    """The finding of ``report`` with this fingerprint (or a unique prefix of at least six digits)."""
    every = (*report.findings, *report.suppressed)
    exact = [f for f in every if f.fingerprint == fingerprint]
    hits = exact or ([f for f in every if f.fingerprint.startswith(fingerprint)]
                     if len(fingerprint) >= MIN_PREFIX else [])
    if len(hits) == 1:
        return hits[0]
    where = report.document.source
    if hits:
        raise ReviewError(f"отпечаток {fingerprint} подходит к нескольким находкам в {where}; укажите его полностью")
    raise ReviewError(f"в {where} нет находки с отпечатком {fingerprint} (возможно, она исправлена в этой "
                      f"редакции); список находок с отпечатками: reglint review {where} --db БАЗА")


def context_of(report: Report, finding: Finding) -> str | None:
    """The document's head and the section holding the quote (a list item with its lead): enough to reproduce it."""
    if finding.start is None:
        return None
    text, sections = report.document.text, report.structure.sections
    index = report.structure.index_at(finding.start)
    while index is not None and sections[index].kind in ("bullet", "item") and sections[index].parent is not None:
        index = sections[index].parent
    start, end = (sections[index].start, sections[index].end) if index is not None else (finding.start, finding.end)
    head = text[:min(report.structure.body_start, start)].strip()[-CONTEXT_HEAD:]
    return f"{head}\n\n{text[start:end].strip()}".strip()


def _review(row: Any) -> Review:
    return Review(fingerprint=row["fingerprint"], decision=row["decision"], reviewer=row["reviewer"],
                  decided_at=row["decided_at"], reason=row["reason"], comment=row["comment"])


def reviews_for(store: Store, organisation: str) -> dict[str, Review]:
    """The current decisions in one organisation (its key), by fingerprint."""
    rows = store.db.execute("SELECT * FROM decisions WHERE organisation = ?", (organisation,))
    return {r["fingerprint"]: _review(r) for r in rows}


def apply_reviews(report: Report, reviews: dict[str, Review]) -> Report:
    """Dismissed findings leave ``findings`` for ``suppressed``; the decisions that concern the report are kept."""
    every = (*report.findings, *report.suppressed)
    dismissed = {fp for fp, r in reviews.items() if r.decision == "dismissed"}
    return dataclasses.replace(
        report, findings=tuple(f for f in every if f.fingerprint not in dismissed),
        suppressed=tuple(f for f in every if f.fingerprint in dismissed),
        reviews=tuple(reviews[f.fingerprint] for f in every if f.fingerprint in reviews))


def load_reviews(store: Store, report: Report) -> Report:
    """``report`` with the store's decisions of its organisation applied."""
    return apply_reviews(report, reviews_for(store, organisation_key(report.organisation)))


def decide(store: Store, report: Report, fingerprint: str, action: ReviewAction, *, reviewer: str,
           reason: str | None = None, comment: str | None = None, seen: str | None = None) -> Outcome:
    """Record ``action`` on a finding of ``report``; the last decision wins, each one goes to the history.

    ``seen`` is the time of the decision the reviewer last saw (None: none); a later one by then is reported.
    """
    organisation = organisation_key(report.organisation)
    if not organisation:
        raise ReviewError(f"{report.document.source}: в начале документа не найдено название организации, а решения "
                          f"хранятся для организации; укажите её: --org «НАЗВАНИЕ»")
    finding = find(report, fingerprint)
    if action == "dismiss" and not (reason or "").strip():
        raise ReviewError(f"укажите причину отклонения: --reason {' | '.join(DISMISS_REASONS)} или своими словами")
    if action == "comment" and not (comment or "").strip():
        raise ReviewError("текст комментария пуст")
    now = dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")
    reviewer = reviewer.strip() or "рецензент"
    with store._transaction():
        row = store.db.execute("SELECT * FROM decisions WHERE organisation = ? AND fingerprint = ?",
                               (organisation, finding.fingerprint)).fetchone()
        before = _review(row) if row else None
        decisions: dict[str, Decision] = {"accept": "accepted", "dismiss": "dismissed"}
        decision = decisions.get(action, before.decision if before else None)
        kept_comment = comment if comment is not None else before.comment if before else None
        kept_reason = reason if action == "dismiss" else None if action == "accept" else \
            before.reason if before else None
        values = {"organisation": organisation, "fingerprint": finding.fingerprint, "decision": decision,
                  "reason": kept_reason, "comment": kept_comment, "reviewer": reviewer, "decided_at": now,
                  "reference_version": report.reference_version, "registry_version": report.registry_version,
                  "code": finding.code, "clause": finding.clause, "act": finding.act, "severity": finding.severity,
                  "message": finding.message, "quote": finding.quote, "context": context_of(report, finding),
                  "document": report.document.source}
        store.db.execute(f"INSERT OR REPLACE INTO decisions ({', '.join(values)}) "
                         f"VALUES ({', '.join('?' * len(values))})", list(values.values()))
        store.db.execute(
            "INSERT INTO decision_history (organisation, fingerprint, action, reason, comment, reviewer, decided_at, "
            "reference_version, registry_version, document) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (organisation, finding.fingerprint, action, reason, comment, reviewer, now, report.reference_version,
             report.registry_version, report.document.source))
    review = Review(finding.fingerprint, decision, reviewer, now, kept_reason, kept_comment)
    replaced = before if before and action != "comment" and before.decision not in (None, decision) else None
    concurrent = before is not None and seen != before.decided_at and seen is not None
    return Outcome(review, replaced, concurrent)


def history(store: Store, organisation: str, fingerprint: str) -> list[dict[str, Any]]:
    """Every action on one finding of an organisation, oldest first."""
    rows = store.db.execute("SELECT * FROM decision_history WHERE organisation = ? AND fingerprint = ? ORDER BY id",
                            (organisation, fingerprint))
    return [dict(r) for r in rows]


def dismissed(store: Store) -> list[dict[str, Any]]:
    """Every current dismissal with its quote and context, by code."""
    rows = store.db.execute("SELECT * FROM decisions WHERE decision = 'dismissed' ORDER BY code, organisation, "
                            "decided_at")
    return [dict(r) for r in rows]
