"""RL2xx: citations of legal acts, as linked and checked by analyzer.citations.

One finding per (citation, problem). The fix is the registry's exact
citation of the act, or of its successor when the act is no longer in force.
Problems the registry cannot confirm never reach here: analyzer.citations
drops them.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import ClassVar

from analyzer.checks.base import Check, CheckContext, register
from analyzer.model import Citation, Finding
from analyzer.registry import Act
from analyzer.vocabulary import ACT_KIND_RU, Severity


def _date(value: dt.date | None) -> str:
    return value.strftime("%d.%m.%Y") if value else "не указана"


def successor(act: Act, ctx: CheckContext) -> Act | None:
    """The registry act named in ``replaced_by`` (an id, or a note mentioning one), if confirmed."""
    if not act.confirmed("replaced_by"):
        return None
    ids = {a.id for a in ctx.registry.acts}
    named = [m for m in re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)+", act.replaced_by or "") if m in ids and m != act.id]
    return ctx.registry.get(named[0]) if named else None


class LegalRefCheck(Check):
    category = "legal_ref"
    severity: ClassVar[Severity] = "error"
    problem: ClassVar[str]

    def describe(self, citation: Citation, act: Act, ctx: CheckContext) -> str:
        raise NotImplementedError

    def fix(self, citation: Citation, act: Act, ctx: CheckContext) -> str:
        return f"Правильная ссылка: {act.citation}"

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        for citation in ctx.citations:
            if self.problem in citation.problems and citation.act != "unknown":
                act = ctx.registry.get(citation.act)
                yield self.finding(ctx, self.describe(citation, act, ctx), start=citation.start, end=citation.end,
                                   fix=self.fix(citation, act, ctx), act=act.id, source="реестр правовых актов")


@register
class WrongDate(LegalRefCheck):
    """The cited date is not the act's date.

    Bad: «Постановлением Правительства РФ от 13 июня 2022 г. № 1241».
    Good: «Постановлением Правительства РФ от 13 июля 2022 г. № 1241».
    Source: reference/legal_acts.yaml (date, confirmed by the act's publication).
    Known false positives: none known; a date the registry marks unverified is never reported.
    """

    code = "RL201"
    name = "legal-ref.wrong-date"
    problem = "wrong_date"

    def describe(self, citation: Citation, act: Act, ctx: CheckContext) -> str:
        written = citation.cited.date_text or "—"
        return f"Неверная дата акта ({act.kind} № {act.number or '—'}): в ссылке «{written}», правильно {_date(act.date)}."


@register
class WrongNumber(LegalRefCheck):
    """The cited number is not the act's number (a Latin letter for a Cyrillic one included).

    Bad: «Распоряжением Минпросвещения России от 01.09.2021 N P-210» (Latin P).
    Good: «Распоряжением Минпросвещения России от 01.09.2021 № Р-210».
    Source: reference/legal_acts.yaml (number).
    Known false positives: a number broken by OCR beyond look-alike letters and spaces.
    """

    code = "RL202"
    name = "legal-ref.wrong-number"
    problem = "wrong_number"

    def describe(self, citation: Citation, act: Act, ctx: CheckContext) -> str:
        latin = bool(re.search(r"[A-Za-z]", citation.cited.number or "")) and not re.search(r"[A-Za-z]", act.number or "")
        why = " (в номере латинские буквы вместо кириллических)" if latin else ""
        return f"Неверный номер акта: в ссылке «{citation.cited.number}», правильно «{act.number}»{why}."


@register
class MissingNumber(LegalRefCheck):
    """An act is cited without its number.

    Bad: «Приказом Минцифры России от 15 июля 2022 г. «О мероприятиях по созданию элементов ФГИС «Моя школа»…»».
    Good: the citation with the act's number, as in the registry.
    Source: reference/legal_acts.yaml; the requisites of a citation are kind, issuer, date and number.
    Known false positives: a number the reader lost (a scan where «№ …» is unreadable).
    """

    code = "RL203"
    name = "legal-ref.missing-number"
    problem = "missing_number"

    def describe(self, citation: Citation, act: Act, ctx: CheckContext) -> str:
        return f"Акт указан без номера ({act.kind} от {_date(act.date)})."

    def fix(self, citation: Citation, act: Act, ctx: CheckContext) -> str:
        if act.confirmed("number"):
            return f"Добавьте номер акта. Правильная ссылка: {act.citation}"
        return f"Добавьте номер акта; сверьте его с официальной публикацией ({act.citation})."


@register
class WrongTitle(LegalRefCheck):
    """The cited title is not the act's title (quotes, case and word forms ignored).

    Bad: «Постановлением Правительства РФ от 13.07.2022 № 1241 «О разработке, вводе в эксплуатацию и эксплуатации ФГИС «Моя школа»»».
    Good: «… № 1241 «О федеральной государственной информационной системе «Моя школа» и внесении изменения …»».
    Source: reference/legal_acts.yaml (title, aliases).
    Known false positives: a title shortened with an ellipsis the reader did not keep.
    """

    code = "RL204"
    name = "legal-ref.wrong-title"
    problem = "wrong_title"

    def describe(self, citation: Citation, act: Act, ctx: CheckContext) -> str:
        return f"Неверное название акта: «{citation.cited.title}», правильно «{act.title}»."


@register
class WrongKind(LegalRefCheck):
    """The cited kind of act (закон, постановление, приказ, письмо, распоряжение) or its issuer is wrong.

    Bad: «Приказом Минпросвещения России от 01.09.2021 № Р-210» (it is an instruction, распоряжение).
    Good: «Распоряжением Минпросвещения России от 01.09.2021 № Р-210».
    Source: reference/legal_acts.yaml (kind, issuer and its accepted forms).
    Known false positives: an issuer written in a form the registry does not list (a renamed ministry).
    """

    code = "RL205"
    name = "legal-ref.wrong-kind"
    problem = "wrong_kind"

    def describe(self, citation: Citation, act: Act, ctx: CheckContext) -> str:
        cited = citation.cited
        written = " ".join(filter(None, (ACT_KIND_RU.get(cited.kind or "", cited.kind), cited.issuer))) or "не указан"
        return f"Неверно указан вид акта или орган, его издавший: в ссылке «{written}», правильно — {act.kind} ({act.issuer})."


@register
class Repealed(LegalRefCheck):
    """The cited act had lost force (утратил силу) by the regulation's date, or by today if undated.

    Bad: a 2024 regulation based on an act repealed in 2023.
    Good: a reference to the act in force that replaced it.
    Source: reference/legal_acts.yaml (in_force_until, dated status fields, replaced_by).
    Known false positives: none known; an undated repeal is never reported.
    """

    code = "RL206"
    name = "legal-ref.repealed"
    problem = "repealed"

    def describe(self, citation: Citation, act: Act, ctx: CheckContext) -> str:
        when = f" {_date(act.in_force_until)}" if act.confirmed("in_force_until") else ""
        return f"Акт утратил силу{when}: ссылаться на него как на основание положения нельзя."

    def fix(self, citation: Citation, act: Act, ctx: CheckContext) -> str:
        new = successor(act, ctx)
        if new:
            return f"Замените ссылкой на действующий акт: {new.citation}"
        return "Исключите ссылку на утративший силу акт или замените её ссылкой на действующий акт."


@register
class Expired(Repealed):
    """The cited act was temporary (an experiment) and its period was over by the regulation's date.

    Bad: «… в соответствии с постановлением Правительства РФ от 7 декабря 2020 г. № 2040 «О проведении эксперимента …»» in a 2023 regulation.
    Good: «… в соответствии с постановлением Правительства РФ от 13.07.2022 № 1241 «О федеральной государственной информационной системе «Моя школа» …»».
    Source: reference/legal_acts.yaml (in_force_until, valid_until, replaced_by).
    Known false positives: an act cited only as history ("создана в рамках эксперимента по …"), which a reader may accept.
    """

    code = "RL207"
    name = "legal-ref.expired"
    problem = "expired"

    def describe(self, citation: Citation, act: Act, ctx: CheckContext) -> str:
        until = act.in_force_until if act.confirmed("in_force_until") else act.valid_until
        return f"Срок действия временного акта истёк ({_date(until)}): ссылаться на него как на действующий нельзя."


@register
class NotYetInForce(LegalRefCheck):
    """The regulation is dated before the cited act entered into force.

    Bad: a regulation approved on 29.12.2023 «в соответствии с» the resolution № 1678 in force from 01.09.2024.
    Good: a reference to the act in force on the regulation's date, or a later date of the regulation.
    Source: reference/legal_acts.yaml (in_force_from, dated status fields).
    Known false positives: a regulation that deliberately prepares for an act about to enter into force.
    """

    code = "RL208"
    name = "legal-ref.not-yet-in-force"
    severity = "warning"
    problem = "not_yet_in_force"

    def describe(self, citation: Citation, act: Act, ctx: CheckContext) -> str:
        since = f" (вступает в силу {_date(act.in_force_from)})" if act.confirmed("in_force_from") else ""
        return f"На дату положения ({_date(ctx.document_date)}) акт ещё не вступил в силу{since}."

    def fix(self, citation: Citation, act: Act, ctx: CheckContext) -> str:
        return f"Сверьте дату положения со вступлением акта в силу: {act.citation}"


@register
class MalformedUnknown(Check):
    """A citation of an act the registry does not know, whose requisites are themselves broken.

    Bad: «Приказом Минпросвещения России от 31.02.2022 № 999» (no such date), a date that has not come yet,
    or «Приказом Минпросвещения России от 01.02.2023» (neither number nor title: no act can be identified).
    Good: «Письмом Минпросвещения России от 26.08.2022 № 04-643 «О направлении информации»».
    Source: the requisites of a citation (kind, issuer, date, number, title). A well-formed citation of an act
    the registry does not know is not reported: it is listed as not checked, with what was read.
    Known false positives: a requisite the reader lost to OCR damage.
    """

    code = "RL209"
    name = "legal-ref.malformed"
    category = "legal_ref"
    severity = "warning"

    def defect(self, citation: Citation, ctx: CheckContext) -> str | None:
        cited = citation.cited
        if cited.date_text and cited.date is None:
            return f"невозможная дата «{cited.date_text}»"
        if cited.date and cited.date > ctx.today:
            return f"дата «{cited.date_text}» ещё не наступила"
        if "unknown" in citation.problems:
            return "нет ни номера, ни названия акта"
        return None

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        for citation in ctx.citations:
            if citation.act != "unknown" or not (defect := self.defect(citation, ctx)):
                continue
            yield self.finding(ctx, f"Ссылка на правовой акт оформлена с ошибкой: {defect}. "
                                    "Акт не найден в реестре, проверить реквизиты нельзя.",
                               start=citation.start, end=citation.end, act="unknown",
                               fix="Укажите вид акта, орган, дату и номер по официальной публикации.")
