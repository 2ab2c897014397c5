"""RL4xx: words left from another organisation's template, the platform's
contacts and its name.

Remnants are spaCy ``Matcher`` patterns over lemmas (pymorphy3 via
analyzer.nlp), so word forms and OCR look-alike letters do not matter and
«воспитательной работы» never matches «воспитатель». The patterns, for which
kinds of organisation each is a remnant, the official contacts and the name's
forms are data: reference/template.yaml (analyzer.template_data). Names and
titles in quotes («Моя школа», «Школа № 23») are never remnants. The Matcher
runs only on the windows of the text that can hold a match (``analyzer.match_windows``).
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from rapidfuzz.distance import Levenshtein

from analyzer.checks.base import Check, CheckContext, register
from analyzer.cue_data import load_cue_data
from analyzer.lexicon import lemma, morph
from analyzer.match_windows import Fillers, FormIndex, Pattern, fillers, named_lemmas, windows
from analyzer.model import Finding
from analyzer.template_data import Remnant, load_template_data

if TYPE_CHECKING:
    from spacy.matcher import Matcher

MERGE_GAP = 60


def _possible(remnant: Remnant, kind: str, index: FormIndex) -> list[tuple[Pattern, Fillers]]:
    """The remnant's patterns that can match in the document, with their fillers."""
    if kind not in remnant.applies:
        return []
    return [(p, fills) for p in remnant.patterns if (fills := fillers(p, index)) is not None]


@lru_cache(maxsize=1)
def _named_lemmas() -> frozenset[str]:
    return named_lemmas(p for remnant in load_template_data().remnants for p in remnant.patterns)


@lru_cache(maxsize=32)
def _matcher(keys: tuple[str, ...]) -> Matcher:
    """A Matcher with only the remnants that can occur in the document: the Matcher's cost grows with patterns."""
    from spacy.matcher import Matcher

    from analyzer.spacy_doc import build_nlp

    matcher = Matcher(build_nlp().vocab)
    for remnant in load_template_data().remnants:
        if remnant.key in keys:
            matcher.add(remnant.key, list(remnant.patterns), greedy="LONGEST")
    return matcher


def _quoted(text: str, at: int) -> bool:
    """Whether ``at`` stands inside quotes on its line: a name or a title, not the regulation's own words."""
    before = text[text.rfind("\n", 0, at) + 1:at]
    return (before.count("«") > before.count("»") or before.count("“") > before.count("”")
            or before.count('"') % 2 == 1)


def _opens_line(text: str, at: int) -> bool:
    """Whether the word at ``at`` is the subject opening its line (after a list marker or number)."""
    return bool(re.fullmatch(r"[\s\d.)\-–—·•*]*(?:[А-Яа-я]\)\s*)?", text[text.rfind("\n", 0, at) + 1:at]))


def _remnants(ctx: CheckContext) -> Iterator[tuple[int, int, Remnant]]:
    text, kind, data = ctx.text.unwrapped, ctx.institution_type, load_template_data()
    tokens = ctx.text.tokens
    # The Doc's tokens and their lemmas, known without the Doc: spaCy runs only where a pattern can match.
    index = FormIndex.of(tokens.forms, lemma, _named_lemmas())
    possible = {r.key: patterns for r in data.remnants if (patterns := _possible(r, kind, index))}
    places = windows(tokens.cut, tokens.cut_starts, [p for patterns in possible.values() for p in patterns])
    if not places:
        return
    from spacy.tokens import Span
    from spacy.util import filter_spans

    from analyzer.spacy_doc import build_nlp

    nlp, matcher = build_nlp(), _matcher(tuple(possible))
    found: list[tuple[int, int, str]] = []
    for at, end in places:
        doc = nlp(tokens.text[at:end])
        spans = filter_spans([Span(doc, s, e, label=key) for key, s, e in matcher(doc)])
        found += [(at + sp.start_char, at + sp.end_char, sp.label_) for sp in spans]
    by_key = {r.key: r for r in data.remnants}
    skipped = [m.span() for m in load_cue_data().additional_schools.finditer(text)] if found else []
    skipped += [(c.start, c.end) for c in ctx.citations]
    for start, end, key in sorted(found):
        remnant = by_key[key]
        if kind not in remnant.applies or _quoted(text, start) \
                or any(s <= start < e for s, e in skipped):
            continue
        if remnant.key in ("pupils", "educators") and data.has_pupils.search(text):
            continue
        if remnant.key == "educators" and (re.match(r"\s*продл[её]нн", text[end:]) or not _opens_line(text, start)):
            continue   # «группа продлённого дня» is a school's; a воспитатель merely listed among staff is not a role
        if remnant.key == "school" and re.search(r"(?i)(?<![а-яё])мо[яейю]\W{0,3}$", text[max(0, start - 8):start]):
            continue   # ФГИС «Моя школа», its quotes lost
        yield start, end, remnant


def _merged(text: str, found: list[tuple[int, int, Remnant]]) -> Iterator[tuple[int, int, list[Remnant]]]:
    """Remnants in one clause of a sentence, a few words apart, are one finding."""
    group: list[tuple[int, int, Remnant]] = []
    for item in found:
        if group and (item[0] - group[-1][1] > MERGE_GAP or re.search(r"[\n.;!?]", text[group[-1][1]:item[0]])):
            yield group[0][0], group[-1][1], [r for _, _, r in group]
            group = []
        group.append(item)
    if group:
        yield group[0][0], group[-1][1], [r for _, _, r in group]


@register
class TemplateRemnant(Check):
    """Words of another kind of organisation left from the template the regulation was copied from.

    Bad: in a school «может написать воспитателю, педагогу или администрации сада»; in a college «Общий канал
    школы»; in a house of creativity «участвует в образовательной коммуникации, осуществляемой в чате класса».
    Good: «может написать учителю, классному руководителю или администрации школы»; «Общий канал колледжа»;
    «в чате группы (объединения)».
    Source: MR, п. 3–4 (the platform is used by schools, colleges and additional education, each with its own
    participants); the institution type comes from the regulation's name and text.
    Known false positives: a school that has preschool groups or a boarding school but does not say so
    («интернат», «дошкольные группы»); «класс» as a Sferum community name («класс «Учительская»») is never flagged.
    """

    code = "RL401"
    name = "template.remnant"
    category = "template_remnant"
    severity = "warning"

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        organisation_in = load_template_data().organisation_in
        if ctx.institution_type not in organisation_in:
            return
        text = ctx.text.unwrapped
        found = list(_remnants(ctx))
        org = organisation_in[ctx.institution_type]
        for start, end, remnants in _merged(text, found):
            unique = list({r.key: r for r in remnants}.values())
            why = "; ".join(r.why.format(org=org) for r in unique)
            quote = " ".join(text[start:end].split())
            yield self.finding(ctx, f"Остаток шаблона другой организации: «{quote}» — {why}.",
                               start=start, end=end, fix="Замените на " + "; ".join(r.fix for r in unique) + ".")


# ------------------------------------------------------------------ contacts
# Unicode on purpose: an address typed with a Cyrillic look-alike letter is a wrong address.
EMAIL = re.compile(r"(?<![\w.@-])[\w.+-]+@(?P<host>[\w-]+(?:\.[\w-]+)+)")
# Possessive labels: a shorter label is followed by a word character or «-», never by «.» or «/», so giving
# characters back cannot make a match; without backtracking a word is read once, not once per its letters.
SITE = re.compile(r"(?<![\w.@/-])(?:https?://)?(?:www\.)?(?P<host>[\w-]++(?:\.[\w-]++)+)(?P<path>/[^\s)\]»\"”]*)?")
_TO_LATIN = str.maketrans("АВЕКМНОРСТХаеорсухкмтнв", "ABEKMHOPCTXaeopcyxkmthb")
SIMILAR = 0.7          # normalised similarity of a host label to "sferum" that makes it a Sferum look-alike


def sferum_like(host: str) -> bool:
    """A host naming Sferum, even misspelt: sferum.com, sferym.ru, prof-sferrum.ru."""
    labels = re.split(r"[.-]", host.translate(_TO_LATIN).lower())
    return any(Levenshtein.normalized_similarity(label, "sferum") >= SIMILAR for label in labels)


def _allowed_site(host: str, sites: tuple[str, ...]) -> bool:
    host = host.lower()
    return host in sites or host.endswith(".sferum.ru")


def _sentence(text: str, start: int, end: int) -> str:
    left = max(text.rfind(c, 0, start) for c in ".;\n")
    right = min((i for i in (text.find(c, end) for c in ";\n") if i >= 0), default=len(text))
    return text[left + 1:right]


def _why(written: str, right: str) -> str:
    return " (в адресе кириллические буквы вместо латинских)" if written.translate(_TO_LATIN).lower() == right else ""


@register
class WrongContact(Check):
    """A support e-mail or a Sferum site other than info@sferum.ru, sferum.ru, prof-sferum.ru.

    Bad: «по адресу электронной почты info@sferum.com»; «на сайте sferum.ru.ru»; «info@sferym.ru»; «info@sfеrum.ru»
    with a Cyrillic «е».
    Good: «по адресу электронной почты info@sferum.ru»; «на сайте prof-sferum.ru».
    Source: MR (contacts of the Sferum support service and the methodological site).
    Known false positives: a new official Sferum address not yet in this list. «prof- sferum.ru» broken by a line
    wrap is read as sferum.ru and not flagged; the organisation's own e-mail is flagged only when the sentence
    names it as the support address.
    """

    code = "RL402"
    name = "contact.wrong"
    category = "wrong_contact"
    severity = "error"

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        text, data = ctx.document.text, load_template_data()
        emails = list(EMAIL.finditer(text)) if "@" in text else []
        for m in emails:
            address = m.group(0).rstrip(".-")
            if address.lower() == data.support_email:
                continue
            if sferum_like(m["host"]) or re.search(r"(?i)поддержк", _sentence(text, m.start(), m.end())):
                yield self.finding(ctx, f"Неверный адрес службы поддержки Сферума: «{address}»"
                                        f"{_why(address, data.support_email)}.",
                                   start=m.start(), end=m.start() + len(address), fix=data.support_email)
        for m in SITE.finditer(text):
            host = m["host"].rstrip(".-")
            if any(e.start() <= m.start() < e.end() for e in emails) or not sferum_like(host) \
                    or _allowed_site(host, data.sites):
                continue
            fix = max(data.sites, key=lambda s: Levenshtein.normalized_similarity(host.translate(_TO_LATIN).lower(), s))
            yield self.finding(ctx, f"Неверный адрес сайта Сферума: «{m.group(0)}»{_why(host, fix)}.",
                               start=m.start(), end=m.end(), fix=fix)


# ---------------------------------------------------------------------- name
# Only the platform's name: «информационно-коммуникативные технологии» is another (if loose) term.
NAME_DISTORTED = re.compile(
    r"(?i)информационно\s*-\s*коммуникативн[а-яё]*\s+(?:образовательн[а-яё]*\s+)?платформ[а-яё]*"
    r"(?:\s*[«\"“]\s*сферум[^»\"”\n]{0,20}[»\"”])?")
_CYRILLIC_WORD = re.compile(r"(?<![\w-])[А-Яа-яЁё]{5,}(?![\w-])")
_CYRILLIC_FORM = re.compile(r"[А-Яа-яЁё]{5,}")


@lru_cache(maxsize=100_000)
def misspelt_name(word: str) -> bool:
    """«Сферрум», «Сфирум»: one or two letters off a form of «Сферум», and not a Russian word («сферу»).
    Judged once per distinct word in a process: regulations share most of their words."""
    word, forms = word.lower().replace("ё", "е"), load_template_data().name_forms
    if word in forms or min(Levenshtein.distance(word, f, score_cutoff=2) for f in forms) > (1 if len(word) < 7 else 2):
        return False
    return not morph().word_is_known(word)


@register
class WrongName(Check):
    """The platform's name distorted.

    Bad: «ПОЛОЖЕНИЕ об использовании информационно-коммуникативной образовательной платформы «СФЕРУМ»»; «Сферрум».
    Good: «информационно-коммуникационной образовательной платформы «Сферум»» (ИКОП «Сферум»).
    Source: MR, п. 1 (the platform's name); Government resolution № 1241 of 13.07.2022.
    Known false positives: a misspelling that is itself a Russian word is not caught. «Cферум» with a Latin «C»
    is not reported: it is text-layer or OCR noise that a reader does not see, and the name reads right;
    «образовательная платформа «Сферум»» without «информационно-коммуникационная» is an accepted short form.
    """

    code = "RL403"
    name = "name.wrong"
    category = "wrong_name"
    severity = "warning"

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        text, repaired = ctx.document.text, ctx.text.repaired
        for m in NAME_DISTORTED.finditer(repaired):
            yield self.finding(ctx, "Название платформы искажено: «информационно-коммуникативная» вместо "
                                    "«информационно-коммуникационная».", start=m.start(), end=m.end(),
                               fix="информационно-коммуникационная образовательная платформа «Сферум»")
        # Each word the pattern finds is one of the text's tokens: the text is read only when one is misspelt.
        if not any(misspelt_name(form) for form in ctx.text.tokens.forms if _CYRILLIC_FORM.fullmatch(form)):
            return
        for m in _CYRILLIC_WORD.finditer(repaired):
            if misspelt_name(m.group(0)):
                yield self.finding(ctx, f"Название платформы написано с ошибкой: «{text[m.start():m.end()]}».",
                                   start=m.start(), end=m.end(), fix="«Сферум»")
