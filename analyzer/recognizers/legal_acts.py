"""Citations of legal acts, wherever they stand in a regulation.

A citation is a *head* — the kind of act with its issuer ("Постановлением
Правительства РФ"), a federal-law number ("№ 273-ФЗ") or a sanitary-rules code
("СП 2.4.3648-20") — followed by its requisites (number and date, in either
order, possibly across a line or paragraph break) and, usually, its title in
quotes of any kind. The reported span runs from the head through the last
requisite; the title goes into ``CitedAct.title``.

Regulations also write acts in shorter ways, and each is read as a citation:
a kind word with a quoted title and no requisites («Федеральным законом «О
персональных данных»»), a law by the short name the registry lists
(«Законом об образовании»), several acts under one kind word («Федеральными
законами от … № 152-ФЗ «…» и от … № 436-ФЗ «…»» — one citation each, the later
ones spanning their own requisites), an issuer before the kind word
(«Минпросвещения России. Письмо от … № …») and a presidential decree.

Why regular expressions and not spaCy's ``Matcher``: the span must be
character-exact across line breaks, and the parts come in forms a tokenizer
splits inconsistently ("№1241", "273- ФЗ", "2022г.", "ГД-1736/03", «29»);
dates already come from the regex-based ``dates`` recognizer. As in presidio's
pattern recognizers, each pattern is declarative and a validation step — the
issuer must be a federal body — rejects look-alikes such as the regulation's
own approval order ("Приказ № 411-1/Д", "утверждается приказом директора").
The kind words and the federal bodies are reviewed data, reference/issuers.yaml.
Kinds and issuers are matched on the OCR-repaired text (same length), values
are taken from the original.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from analyzer.dates import find_dates
from analyzer.first_letters import compile_scanning
from analyzer.issuer_data import load_issuer_data
from analyzer.lexicon import repair_ocr
from analyzer.model import CitedAct, DateMention
from analyzer.vocabulary import ActKind

_I = re.IGNORECASE
_DATA = load_issuer_data()   # reference/issuers.yaml: the kind words and the federal bodies
KIND_FORMS = {k.key: k for k in _DATA.kinds}
# One look-behind and a first-letter look-ahead (read from the kind words): most positions of a text fail at once.
_KIND = compile_scanning(r"(?<![\w-])(?:" + "|".join(rf"(?P<{k.key}>{k.forms}(?![\w-]))" for k in _DATA.kinds) + ")",
                         _I)
# "273-ФЗ", "№ 273- ФЗ", "ФЗ-273"; "Ф3": OCR.
_FZ_NUMBER = compile_scanning(r"(?<![\w-])(?:(?:№\s*)?\d{1,4}\s?-\s?Ф[З3]|Ф[З3]\s?-\s?\d{1,4})(?!\w)")
_CODE = compile_scanning(r"(?<!\w)(?:[Сс]ан[Пп]и[Нн]|САНПИН|СП)\s?(?P<code>\d+(?:\.\d+){2,3}-\d\d)(?!\d)")

_COUNTRY = _DATA.country
_BODY_FORMS = {b.key: re.compile(b.forms, _I) for b in _DATA.bodies}
_FALLBACK = frozenset(b.key for b in _DATA.bodies if b.fallback)
_BODY = "|".join(f"(?:{b.forms})" for b in _DATA.bodies)
_DEPARTMENT = r"департамент\w*(?:\s+[^\s,()]+)+?"
# A federal issuer: [Департамент X] body [country] [, Департамент X | (Департамент X)] — and nothing else,
# so that "Министерства образования Московской области" is not one.
_ISSUER = re.compile(
    rf"(?:{_DEPARTMENT}\s+)?(?:{_BODY})(?:\s+{_COUNTRY})?(?:\s*,\s*{_DEPARTMENT}|\s*\(\s*{_DEPARTMENT}\s*\))?", _I)
_LAW_ISSUER = re.compile(_COUNTRY, _I)
# An issuer that heads the citation: "Минпросвещения России. Письмо от …".
_ISSUER_FIRST = re.compile(rf"(?<![\w-])(?P<issuer>{_ISSUER.pattern})[^\S\n]*[.:]\s*\Z", _I)
_ISSUER_FIRST_WINDOW = 160
# Another act under the same kind word: "… № 152-ФЗ «…» и от 29.12.2010 № 436-ФЗ".
_MORE = re.compile(r"[^\S\n]*(?:,[^\S\n]*(?:а\s+также\s+|и\s+)?|\s+(?:и|а\s+также)\s+)(?=(?:от|№)(?!\w))", _I)
_TITLE_CLOSED = frozenset("»”“\"")

# Parts joined by "-", "/" or "."; a hyphen may end a line ("№ 04-\n643").
_NUMBER = r"(?:[A-ZА-ЯЁ]{1,3}\s?-\s?)?\d+(?:(?:-[^\S\n]*\n\s*(?=\d)|[-/]|\.(?=\d))[\dA-Za-zА-ЯЁа-яё]+)*(?:\s?-\s?Ф[З3](?!\w))?"
# "N°", "Ne" (before digits), a Cyrillic "М" before a number: how OCR reads "№".
_NUMBER_REQ = re.compile(rf"(?:№|N[°º]|No\.?|Ne(?=\s*\d)|N|М(?=\s+\S*\d))\s*(?P<number>{_NUMBER})")
_FROM = re.compile(r"от(?!\w)\s*", _I)
_FROM_BEFORE = re.compile(r"(?<!\w)от\s*$", _I)
_SEP = re.compile(r"[\s,]*")
_BEFORE_TITLE = re.compile(r"[^\S\n]*\n?[^\S\n]*(?:\([^()\n]{0,80}\)\s*)?")
_ISSUER_TOKEN = re.compile(r"[^\S\n]*\n?[^\S\n]*([^\s«»\"“”„№;:]+)")
_MAX_ISSUER_TOKENS = 20

_BLANKS = re.compile(r"\s*")

_NEW_ITEM = re.compile(r"[-–—·•*]|\d+[.)]|[а-яa-z]\)", _I)
_CLOSER = {"«": "»", "“": "”", "„": "“", '"': '"'}
_MAX_TITLE = 1000


def _skip(pattern: re.Pattern[str], text: str, pos: int) -> int:
    """Where ``pattern`` (which also matches the empty string) ends at ``pos``."""
    m = pattern.match(text, pos)
    assert m is not None
    return m.end()


@dataclass(frozen=True)
class _Requisites:
    end: int
    number: tuple[int, int] | None = None   # span of the number itself
    date: DateMention | None = None


@lru_cache(maxsize=1024)
def issuer_body(issuer: str | None) -> str | None:
    """The federal body an issuer names ("Минпросвещения России" → "minpros"), or None."""
    if not issuer:
        return None
    hits = [(m.start(), key) for key, p in _BODY_FORMS.items() if (m := p.search(repair_ocr(issuer)))]
    specific = [h for h in hits if h[1] not in _FALLBACK]
    return min(specific or hits)[1] if hits else None


def is_federal_issuer(kind: str, issuer: str) -> bool:
    """Whether ``issuer`` (as written after the kind word) makes this an act of a federal body."""
    issuer = " ".join(issuer.split()).strip(" ,")
    if kind == "federal_law":
        return not issuer or bool(_LAW_ISSUER.fullmatch(issuer))
    return bool(_ISSUER.fullmatch(issuer))


def _date_at(text: str, pos: int) -> DateMention | None:
    m = _FROM.match(text, pos)
    if not m:
        return None
    dates = find_dates(text, m.end(), min(len(text), m.end() + 40))
    return dates[0] if dates and dates[0].start == m.end() else None


def _requisites(text: str, pos: int, found: _Requisites | None = None) -> _Requisites | None:
    """Number and date, in either order, from ``pos`` (after what ``found`` holds); None if nothing."""
    found = found or _Requisites(end=pos)
    while True:
        at = _skip(_SEP, text, found.end)
        date = None if found.date else _date_at(text, at)
        if date:
            found = _Requisites(date.end, found.number, date)
            continue
        number = None if found.number else _NUMBER_REQ.match(text, at)
        if number:
            found = _Requisites(number.end(), number.span("number"), found.date)
            continue
        return found if found.end > pos else None


def _date_before(text: str, pos: int) -> tuple[int, DateMention] | None:
    """An "от <date>" that ends right before ``pos``: (where "от" starts, the date)."""
    dates = find_dates(text, max(0, pos - 50), pos)
    if not dates or text[dates[-1].end:pos].strip(" ,\n\t"):
        return None
    lead = _FROM_BEFORE.search(text, max(0, dates[-1].start - 6), dates[-1].start)
    return (lead.start(), dates[-1]) if lead else None


def _title_goes_on(text: str, newline: int, after: int) -> bool:
    """Whether an open title continues past the line break at ``newline``.

    It does when the next line goes on in lower case; after a plain line break
    (a re-wrapped or PDF text, not a blank line) also when the line does not end
    a sentence and the next one does not start a new item.
    """
    if after >= len(text):
        return False
    if text[after].islower():
        return True
    wrapped = text.count("\n", newline, after) == 1
    return wrapped and text[:newline].rstrip()[-1:] not in ";.:!?" and not _NEW_ITEM.match(text, after)


def read_title(text: str, pos: int) -> tuple[int, str] | None:
    """The quoted title opening at ``pos``: (end, title without its outer quotes).

    Nested quotes of any kind are balanced; a title whose quotes never close
    runs to the end of its line (or to a ";"). Line breaks inside a title are
    crossed as :func:`_title_goes_on` says.
    """
    if pos >= len(text) or text[pos] not in _CLOSER:
        return None
    stack = [_CLOSER[text[pos]]]
    i, limit, line_end = pos + 1, min(len(text), pos + _MAX_TITLE), None
    while i < limit:
        ch = text[i]
        if ch == "\n":
            after = _skip(_BLANKS, text, i)
            if not _title_goes_on(text, i, after):
                break
            i = after
            continue
        if ch == ";" and line_end is None:
            line_end = i
        if ch == '"' and stack[-1] == '"' and (text[i - 1].isspace() or text[i - 1] in _CLOSER):
            stack.append('"')
        elif ch in stack:
            while stack.pop() != ch:
                pass
            if not stack:
                return i + 1, " ".join(text[pos + 1:i].split())
        elif ch in _CLOSER:
            stack.append(_CLOSER[ch])
        i += 1
    end = line_end if line_end is not None else i
    body = text[pos + 1:end].rstrip(" \t.,;»”“\"")
    return pos + 1 + len(body), " ".join(body.split())


def _title_after(text: str, pos: int) -> tuple[int, str] | None:
    """The title after the requisites, past an editorial remark such as "(ред. от 04.08.2023)"."""
    return read_title(text, _skip(_BEFORE_TITLE, text, pos))


@dataclass(frozen=True)
class _Found:
    start: int
    end: int          # end of the quoted span (the last requisite)
    extent: int       # end of everything read, title included
    act: CitedAct


def _make(text: str, start: int, kind: ActKind, issuer: str | None, req: _Requisites | None,
          title: tuple[int, str] | None, quoted: bool = True) -> _Found:
    """The citation read from the original ``text`` at the spans found in the folded one.

    Without requisites the title is what identifies the act, and the span runs through it.
    """
    number = re.sub(r"\s*([-/])\s*", r"\1", text[slice(*req.number)]) if req and req.number else None
    date = req.date if req else None
    issuer = " ".join((issuer or "").split()).strip(" ,")
    cut = quoted and title is not None and text[title[0] - 1] not in _TITLE_CLOSED
    act = CitedAct(kind=kind, issuer=issuer or None, number=number, date=date.value if date else None,
                   date_text=" ".join(text[date.start:date.end].split()) if date else None,
                   title=title[1] if title else None, title_end=title[0] if title else None, title_cut=cut)
    end = req.end if req else title[0] if title else start
    return _Found(start, end, max(end, title[0] if title else 0), act)


def _issuer_end(folded: str, pos: int) -> int:
    """Where the issuer after a kind word ends: before the first requisite, quote or blank line."""
    end = pos
    for _ in range(_MAX_ISSUER_TOKENS):
        at = _skip(_SEP, folded, end)
        if at >= len(folded) or folded[at] in _CLOSER or _requisites(folded, at):
            break
        m = _ISSUER_TOKEN.match(folded, end)   # crosses one line break, never a blank line
        if not m:
            break
        end = m.end()
    return end


def _short_title(folded: str, pos: int, named: re.Pattern | None) -> tuple[int, str] | None:
    """A law's short name written without quotes right after the kind word: "об образовании в РФ"."""
    m = named.match(folded, pos) if named else None
    return (m.end("title"), " ".join(m.group("title").split())) if m else None


def _issuer_first(folded: str, start: int) -> re.Match | None:
    """An issuer that stands before the kind word, ending with "." or ":" on the way to it."""
    window = max(0, start - _ISSUER_FIRST_WINDOW)
    return _ISSUER_FIRST.search(folded, window, start)


def _more(text: str, folded: str, first: _Found, kind: ActKind) -> list[_Found]:
    """The further acts under the kind word of ``first``, each with its own number."""
    found, at = [], first.extent
    while (sep := _MORE.match(folded, at)) and (req := _requisites(folded, sep.end())) and req.number:
        title = _title_after(text, req.end)
        found.append(_make(text, sep.end(), kind, first.act.issuer, req, title))
        at = found[-1].extent
    return found


def _from_kind(text: str, folded: str, m: re.Match, named: re.Pattern | None) -> list[_Found]:
    form = KIND_FORMS[m.lastgroup or ""]   # the kind word that matched
    kind = form.act_kind
    if kind == "federal_law" and (short := _short_title(folded, m.end(), named)):
        return [_make(text, m.start(), kind, None, None, short, quoted=False)]
    issuer_end = _issuer_end(folded, m.end())
    issuer_span, start = (m.end(), issuer_end), m.start()
    if not folded[m.end():issuer_end].strip() and kind != "federal_law" and (first := _issuer_first(folded, start)):
        issuer_span, start = first.span("issuer"), first.start()
    if not is_federal_issuer(kind, folded[slice(*issuer_span)]):
        return []
    issuer_text = text[slice(*issuer_span)]
    first_title = _title_after(text, issuer_end)   # "Федеральный закон «Об образовании…» от … № …"
    req = _requisites(folded, first_title[0] if first_title else issuer_end)
    if not req:
        return [_make(text, start, kind, issuer_text, None, first_title)] if first_title and first_title[1] else []
    if form.needs_title and not first_title:
        return []   # "законом от … № …" is read by the law's number
    title = first_title or _title_after(text, req.end)
    head = _make(text, start, kind, issuer_text, req, title)
    return [head, *_more(text, folded, head, kind)]


def _from_law_number(text: str, folded: str, m: re.Match, named: re.Pattern | None) -> list[_Found]:
    """A federal law known by its number alone: "(от 29.12.2012) № 273-ФЗ", "ФЗ-273"."""
    written = m.group(0)
    digits = next(i for i, ch in enumerate(written) if ch.isdecimal()) if written[0] in "№0123456789" else 0
    number = _Requisites(m.end(), (m.start() + digits, m.end()))
    req = _requisites(folded, m.end(), number) or number
    start = m.start()
    if not req.date and (before := _date_before(folded, start)):
        start, req = before[0], _Requisites(req.end, req.number, before[1])
    return [_make(text, start, "federal_law", None, req, _title_after(text, req.end))]


def _from_code(text: str, folded: str, m: re.Match, named: re.Pattern | None) -> list[_Found]:
    """Sanitary rules known by their code: "СП 2.4.3648-20" (the code stands for the number)."""
    date = _date_at(folded, _skip(_SEP, folded, m.end()))
    req = _Requisites(date.end if date else m.end(), m.span("code"), date)
    return [_make(text, m.start(), "sanitary_rules", None, req, _title_after(text, req.end))]


def _named(short_titles: tuple[str, ...]) -> re.Pattern | None:
    """Short names of laws as written after the kind word, longest first, "в РФ" allowed after."""
    if not short_titles:
        return None
    names = "|".join(r"\s+".join(map(re.escape, t.split())) for t in sorted(short_titles, key=len, reverse=True))
    return re.compile(rf"\s+(?:{_COUNTRY}\s+)?(?P<title>(?:{names})(?:\s+в\s+{_COUNTRY})?)(?![\w-])", _I)


def find_citations(text: str, short_titles: tuple[str, ...] = (),
                   repaired: str | None = None) -> list[tuple[int, int, CitedAct]]:
    """Every citation of an act of a federal body in ``text``, in order: (start, end, what it says).

    ``short_titles`` are the names laws go by without quotes ("об образовании"); ``repaired``: ``text``
    OCR-repaired, when the caller has it.
    """
    folded = repair_ocr(text) if repaired is None else repaired
    named = _named(short_titles)
    heads = sorted([(m.start(), _from_kind, m) for m in _KIND.finditer(folded)]
                   + [(m.start(), _from_law_number, m) for m in _FZ_NUMBER.finditer(folded)]
                   + [(m.start(), _from_code, m) for m in _CODE.finditer(folded)], key=lambda h: h[0])
    found: list[tuple[int, int, CitedAct]] = []
    covered = 0
    for start, reader, m in heads:
        if start < covered:
            continue
        for citation in reader(text, folded, m, named):
            if citation.start >= (found[-1][1] if found else 0):
                found.append((citation.start, citation.end, citation.act))
                covered = max(covered, citation.extent)
    return found
