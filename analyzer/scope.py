"""Is this document a Sferum regulation at all?

Schools upload the wrong local act often enough: the order appointing the
administrator, rules for a messenger chat, the distance-learning regulation,
or a kindergarten's act (preschool is outside MR). Such a document gets one
out-of-scope verdict instead of fifty missing duties.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from analyzer.first_letters import compile_scanning
from analyzer.model import InstitutionType

SFERUM = compile_scanning(r"сферум|sferum|\bикоп\b|учебн\w+\s+профил", re.IGNORECASE)
MIN_SFERUM_MENTIONS = 3
TOP = 1500

ORDER = re.compile(r"^\W*П\s?Р\s?И\s?К\s?А\s?З\W*$|\b(?:приказываю|ПРИКАЗЫВАЮ)\b", re.MULTILINE)
REGULATION = re.compile(r"^\W*(?:ПОЛОЖЕНИЕ|ПОРЯДОК|РЕГЛАМЕНТ|ПРАВИЛА|ИНСТРУКЦИЯ)\b"
                        r"|^\W*(?:Положение|Порядок|Регламент|Правила|Инструкция)\s+(?:об?|о|по|использования|применения)\s"
                        r"|(?i:настоящ\w+\s+(?:положени|порядо|регламент))", re.MULTILINE)
CHAT_RULES = re.compile(r"\bправила\b[^\n]{0,120}\b(?:чат\w*|мессенджер\w*|групп\w*|MAX|МАКС)", re.IGNORECASE)
RECOMMENDATIONS = re.compile(r"методическ\w+\s+рекомендаци", re.IGNORECASE)
# What a document that hardly names Sferum is about, from its title and first lines.
OTHER_SUBJECTS = (
    (re.compile(r"\b(?:MAX|МАКС|МАХ)\b|национальн\w+\s+мессенджер", re.IGNORECASE),
     "положение о национальном мессенджере MAX, а не об ИКОП «Сферум»"),
    (re.compile(r"\bЭИОС\b|электронн\w+\s+информационно-образовательн\w+\s+сред", re.IGNORECASE),
     "положение об электронной информационно-образовательной среде (ЭИОС)"),
    (re.compile(r"электронн\w+\s+обучени\w*|дистанционн\w+\s+(?:образовательн\w+\s+технолог|обучени)", re.IGNORECASE),
     "положение об электронном обучении и дистанционных образовательных технологиях"),
)


@dataclass(frozen=True)
class ScopeVerdict:
    in_scope: bool
    looks_like: str | None = None       # Russian: what the document seems to be


def judge_scope(text: str, title: str | None, institution: InstitutionType) -> ScopeVerdict:
    """In scope: a Sferum regulation of a school, college or additional-education body (``text``: OCR-repaired)."""
    top = (title or "") + "\n" + text[:TOP]
    # Enough mentions are counted, not all of them; a regulation says what it is near the top, so the rest
    # of the text is read for an order only when it does not.
    mentions = sum(1 for _ in itertools.islice(SFERUM.finditer(text), MIN_SFERUM_MENTIONS))
    if institution == "preschool":
        return ScopeVerdict(False, "документ дошкольной образовательной организации (детского сада): "
                                   "методические рекомендации на дошкольное образование не распространяются")
    regulation = REGULATION.search(text) is not None
    if not regulation and ORDER.search(text):
        return ScopeVerdict(False, "приказ (например, о назначении администратора или о введении положения), а не положение")
    if CHAT_RULES.search(top):
        return ScopeVerdict(False, "правила общения в чате или мессенджере, а не положение об использовании ИКОП «Сферум»")
    if mentions < MIN_SFERUM_MENTIONS and not SFERUM.search(title or ""):
        for pattern, what in OTHER_SUBJECTS:
            if pattern.search(top):
                return ScopeVerdict(False, what)
        return ScopeVerdict(False, "другой локальный акт: ИКОП «Сферум» в нём почти не упоминается")
    if not regulation:
        if RECOMMENDATIONS.search(top):
            return ScopeVerdict(False, "методические рекомендации, а не локальный акт организации")
        return ScopeVerdict(False, "документ о «Сферуме», но не локальный акт: в нём нет положения или порядка")
    return ScopeVerdict(True)
