"""RL5xx: the regulation's structure — numbering and layout defects the
structure parser found, missing participants' sections, and contradictions a
general rule can see (an obligation inside a list of prohibitions, the head
reporting to the head).
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import ClassVar

from analyzer.checks.base import Check, CheckContext, register
from analyzer.lexicon import lemma, words
from analyzer.model import Finding, Section, StructureDefect
from analyzer.vocabulary import DefectKind


class DefectCheck(Check):
    """Base: one finding per structure defect of ``kind``."""

    category = "structure"
    severity = "warning"
    kind: ClassVar[DefectKind]
    what: ClassVar[str]        # Russian, opens the message
    fix_text: ClassVar[str]

    def defects(self, ctx: CheckContext) -> Iterator[StructureDefect]:
        return (d for d in ctx.structure.defects if d.kind == self.kind)

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        for defect in self.defects(ctx):
            yield self.finding(ctx, f"{self.what}: {defect.detail}.", start=defect.start, end=defect.end,
                               fix=self.fix_text)


def _section_starting(ctx: CheckContext, offset: int) -> Section | None:
    return next((s for s in ctx.structure.sections if s.start == offset), None)


def restart_collisions(ctx: CheckContext) -> dict[StructureDefect, StructureDefect]:
    """Each duplicate number caused by a restarted list («4. …» then «1.–6.» inside it, then «5. …»),
    mapped to that restart: one renumbering fixes both, so they are one finding."""
    sections = ctx.structure.sections
    restarted = {}
    for defect in ctx.structure.defects:
        found = _section_starting(ctx, defect.start) if defect.kind == "number_restart" else None
        if found and found.parent is not None:    # a list restarted inside a section
            restarted[found.parent] = defect
    result = {}
    for defect in ctx.structure.defects:
        found = _section_starting(ctx, defect.start) if defect.kind == "duplicate_number" else None
        if not found:
            continue
        earlier = next((s for s in sections if s.label == found.label and s.start < defect.start), None)
        if earlier is not None and earlier.parent in restarted:
            result[defect] = restarted[earlier.parent]
    return result


@register
class NumberGap(DefectCheck):
    """Numbering skips: a clause number is missing or a section starts part-way.

    Bad: «4. Заключительные положения» followed by unnumbered paragraphs and then «4.3. Вопросы, не урегулированные …».
    Good: «4.1. …», «4.2. …», «4.3. …».
    Source: the structure parser (analyzer/structure/defects.py); a local act's clauses are numbered in order.
    Known false positives: a list numbered by Word's automatic numbering that the reader could not restore.
    """

    code = "RL501"
    name = "structure.number-gap"
    kind = "number_gap"
    what = "Нарушена нумерация пунктов"
    fix_text = "Пронумеруйте пункты раздела подряд: N.1, N.2, …"


@register
class NumberRestart(DefectCheck):
    """Numbering starts over inside a section (1., 2. … instead of 4.1., 4.2.).

    Bad: «4. ПРАВА И ОБЯЗАННОСТИ …» then «1. Участники …», «2. …».
    Good: «4.1. Участники …», «4.2. …».
    Source: the structure parser; a restart that makes numbers collide with later sections is reported once, by RL503.
    Known false positives: a deliberately separate numbered list inside a clause (an enumeration of documents).
    """

    code = "RL502"
    name = "structure.number-restart"
    kind = "number_restart"
    what = "Нумерация пунктов начата заново"
    fix_text = "Пронумеруйте пункты с номером раздела: N.1, N.2, …"

    def defects(self, ctx: CheckContext) -> Iterator[StructureDefect]:
        merged = set(restart_collisions(ctx).values())
        return (d for d in super().defects(ctx) if d not in merged)


@register
class DuplicateNumber(DefectCheck):
    """A number is used twice, so a reference to the clause is ambiguous.

    Bad: clauses «5.» and «6.» inside section 4, then the section «5. ЗАКЛЮЧИТЕЛЬНЫЕ ПОЛОЖЕНИЯ».
    Good: «4.5.», «4.6.», then «5. ЗАКЛЮЧИТЕЛЬНЫЕ ПОЛОЖЕНИЯ».
    Source: the structure parser.
    Known false positives: two lists that both restart at 1 inside different clauses are not reported (they are
    not dotted numbers).
    """

    code = "RL503"
    name = "structure.duplicate-number"
    kind = "duplicate_number"
    what = "Номер пункта повторяется"
    fix_text = "Перенумеруйте пункты так, чтобы каждый номер встречался один раз."

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        collisions = restart_collisions(ctx)
        for defect in self.defects(ctx):
            restart = collisions.get(defect)
            why = f"; причина: {restart.detail}" if restart else ""
            yield self.finding(ctx, f"{self.what}: {defect.detail}{why}.", start=defect.start, end=defect.end,
                               fix=self.fix_text)


@register
class DanglingColon(DefectCheck):
    """A colon announces a list that does not follow, or an unrelated sentence stands before it.

    Bad: «координирует процессы …, а именно: Администратор назначается директором в соответствии с приказом.»
    Good: «координирует процессы …, а именно:» followed by the list of the administrator's actions.
    Source: the structure parser.
    Known false positives: a colon before a table or a picture the reader did not extract.
    """

    code = "RL504"
    name = "structure.dangling-colon"
    kind = "dangling_colon"
    what = "Перечень после двоеточия отсутствует или прерван"
    fix_text = "Приведите перечень сразу после двоеточия или уберите двоеточие; постороннюю фразу вынесите в отдельный пункт."


@register
class Unnumbered(DefectCheck):
    """Numbering stops part-way: unnumbered paragraphs or sections among numbered ones.

    Bad: «1.1 …», «1.2 …», then «Положение принимается педсоветом …» without a number.
    Good: «1.3. Положение принимается педагогическим советом …».
    Source: the structure parser.
    Known false positives: a paragraph continuing the previous clause across a page break.
    """

    code = "RL505"
    name = "structure.unnumbered"
    kind = "unnumbered"
    what = "Пункты без номеров"
    fix_text = "Пронумеруйте все пункты и разделы положения."


@register
class TitleMismatch(DefectCheck):
    """The title names one kind of act and the text calls itself another.

    Bad: the title «Порядок применения сервисов …» and the text «Настоящее положение устанавливает правила …».
    Good: the title «ПОЛОЖЕНИЕ об использовании …» and «Настоящее Положение …».
    Source: the structure parser (title and self-references «настоящее …»).
    Known false positives: a regulation that approves another document («Настоящий порядок» inside an annex).
    """

    code = "RL506"
    name = "structure.title-mismatch"
    kind = "title_mismatch"
    what = "Вид документа не согласован"
    fix_text = "Назовите документ одинаково в заголовке и в тексте: «Положение об использовании ИКОП «Сферум» …»."


@register
class MissingSection(DefectCheck):
    """A participant whose duties MR sets out has no section among the participants' sections.

    Bad: «2. Порядок работы с Платформой» with sections for the administrator, the administration, «воспитатели»
    and parents, but none for students.
    Good: sections for the administrator, the head, the class teacher, the teacher, students and parents.
    Source: MR, п. 16–27 (duties of each participant); the structure parser finds the participants' sections.
    Known false positives: participants' duties written as one undivided list without role headings.
    """

    code = "RL507"
    name = "structure.missing-section"
    kind = "missing_section"
    what = "Нет раздела об участнике"
    fix_text = "Добавьте раздел с обязанностями этого участника по методическим рекомендациям."


# ---------------------------------------------------------- contradictions
PROHIBITION = re.compile(r"(?i)(?:запрещается|запрещено|не\s+допускается|не\s+разрешается|не\s+вправе)\s*:")
OBLIGATION = re.compile(r"(?i)(?<![а-яё])(?<!не\s)(соблюдать|соблюсти|выполнять|выполнить|исполнять|исполнить)(?![а-яё])")
NORMS = frozenset({"законодательство", "закон", "правило", "требование", "обязанность", "норма", "соглашение",
                   "устав", "инструкция", "регламент", "положение"})
OBJECT_WINDOW = 5


CLAUSE_END = re.compile(r"[;,.\n]")
ITEM_END = re.compile(r";|\n|\.(?:\s|$)")


def _end(pattern: re.Pattern[str], text: str, start: int, limit: int) -> int:
    m = pattern.search(text, start, limit)
    return m.start() if m else limit


@register
class ObligationProhibited(Check):
    """A duty stands in a list of prohibitions, so the text forbids what it means to require.

    Bad: «… запрещается: размещать в чатах информацию …, соблюдать действующее российское и международное
    законодательство;».
    Good: «… обязаны: … соблюдать действующее российское и международное законодательство;» and the prohibition
    list without it.
    Source: the structure of the rights-and-duties section (МР, п. 28–29); a duty verb with a norm as its object
    («соблюдать законодательство», «выполнять требования») cannot be prohibited.
    Known false positives: «запрещается: выполнять требования третьих лиц …» (an unusual but legitimate ban).
    """

    code = "RL508"
    name = "structure.obligation-prohibited"
    category = "structure"
    severity = "warning"

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        text = ctx.text.unwrapped
        for section in ctx.structure.sections:
            has_colon = text.find(":", section.start, section.text_end) >= 0   # every prohibition list has one
            lead = PROHIBITION.search(text, section.start, section.text_end) if has_colon else None
            if not lead:
                continue
            # The list runs from the colon through the section's items (its children).
            for m in OBLIGATION.finditer(text, lead.end(), section.end):
                end = _end(CLAUSE_END, text, m.start(), section.end)
                following = [lemma(w) for w in words(text[m.end():end])[:OBJECT_WINDOW]]
                if NORMS.intersection(following):
                    yield self.finding(ctx, "Самопротиворечие: обязанность «" + " ".join(text[m.start():end].split()) +
                                            "» стоит в перечне запретов, и текст буквально запрещает её.",
                                       start=m.start(), end=end, fix="Перенесите эту обязанность в перечень «обязаны».")


HEAD_PERSONS = frozenset({"руководитель", "директор", "заведующий", "ректор", "начальник"})
HEAD_GROUPS = frozenset({"администрация", "заместитель", "руководство", "администратор"})
REPORTS_TO_HEAD = re.compile(
    r"(?i)(?<![а-яё])(?:доводит|докладывает|сообщает|информирует|представляет|предоставляет)(?![а-яё])"
    r"[^.;\n]{0,40}?(?<![а-яё])(?:руководител|директор|заведующ)[а-яё]*")
# "руководителя органа управления образованием" is a higher authority, not the head himself.
EXTERNAL = re.compile(r"(?i)\W*(?:[а-яё]+\W+){0,2}?(?:орган(?:а|у|ом|е|ы|ов)?(?![а-яё])|управлени|учредител|"
                      r"департамент|комитет|министерств|муниципальн|регион)")


def _names_head_person(heading: str) -> bool:
    """Whether the section's subject is the head himself, not the administration or a deputy."""
    for word in words(heading)[:8]:
        lem = lemma(word)
        if lem in HEAD_PERSONS:
            return True
        if lem in HEAD_GROUPS:
            return False
    return False


@register
class HeadReportsToHead(Check):
    """The head's own section says the head reports to the head — a duty of another role copied in.

    Bad: in «2.2. Руководитель образовательной организации …»: «доводит до сведения руководителя образовательной
    организации статистические данные по использованию ИКОП «Сферум»».
    Good: the same duty in the administrator's section (МР: the administrator reports statistics to the head).
    Source: MR, п. 18 (the administrator's duties); section roles from the structure parser.
    Known false positives: a section headed by the head that also lists deputies' duties without sub-headings.
    """

    code = "RL509"
    name = "structure.head-reports-to-head"
    category = "structure"
    severity = "warning"

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        text, sections = ctx.text.unwrapped, ctx.structure.sections
        for section in sections:
            parent = sections[section.parent] if section.parent is not None else None
            if section.role != "head" or (parent is not None and parent.role == "head") \
                    or not _names_head_person(section.heading):
                continue
            for m in REPORTS_TO_HEAD.finditer(text, section.start, section.end):
                if EXTERNAL.match(text, m.end()):
                    continue
                end = _end(ITEM_END, text, m.start(), section.end)
                yield self.finding(ctx, "Самопротиворечие: в разделе руководителя сказано, что руководитель "
                                        f"отчитывается перед руководителем («{' '.join(text[m.start():end].split())}»).",
                                   start=m.start(), end=end,
                                   fix="Перенесите обязанность в раздел администратора ИКОП «Сферум»: "
                                       "«доводит до сведения руководителя образовательной организации "
                                       "статистические данные по использованию платформы».")
