"""Build the project's legal-acts registry from the verified facts.

    python -m reference.build_registry [SPEC] [--out reference/legal_acts.yaml]

SPEC defaults to ``../shared/spec/legal-acts.yaml`` next to the repository;
the project's own additions (acts the spec lacks, issuer aliases, short
names, title abbreviations) come from ``reference/legal_acts_project.yaml``.
The output, ``reference/legal_acts.yaml``, is generated and committed: it keeps
every field of every act of the spec and adds

- ``kind_code``: federal_law | resolution | order | letter | instruction;
- ``citation``: the act's exact citation in Russian, flagged «реквизиты не
  подтверждены» where its identity facts are unverified;
- ``known_wrong_forms``: wrong numbers, dates, titles or designations seen in
  regulations, each backed by a phrase of the act's ``note`` (the build fails
  when the note no longer says so);

and a ``version`` (registry date + a hash of the content).

To add or correct an act, edit the spec (its header says how) and rebuild;
a hand edit of the generated file is overwritten by the next build. A new
known wrong form goes into ``KNOWN_WRONG_FORMS`` below, quoting the note.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import re
import sys
from functools import lru_cache
from pathlib import Path

import pymorphy3
import yaml

from analyzer.registry import KIND_CODES

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SPEC = REPO.parent / "shared" / "spec" / "legal-acts.yaml"
DEFAULT_OUT = REPO / "reference" / "legal_acts.yaml"
DEFAULT_PROJECT = REPO / "reference" / "legal_acts_project.yaml"

FIELDS = ("id", "kind", "issuer", "issuer_aliases", "number", "date", "title", "aliases",
          "in_force_from", "in_force_until", "valid_until", "replaced_by", "status",
          "status_2023_12_31", "verified", "unverified", "sources", "note", "cited_as", "short_titles")
LIST_FIELDS = {"issuer_aliases", "aliases", "unverified", "sources", "cited_as", "short_titles"}
AMENDABLE = {"issuer_aliases", "aliases", "short_titles", "sources"}
IDENTITY_NAMES = {"kind": "вид акта", "issuer": "орган", "number": "номер", "date": "дата",
                  "title": "заголовок"}

# act id -> wrong forms; "evidence" must be a phrase of the act's note.
KNOWN_WRONG_FORMS: dict[str, list[dict]] = {
    "minpros-r-210-2021": [
        {"field": "number", "value": "P-210", "problem": "wrong_number",
         "evidence": "«P-210» с латинской P — wrong_number"},
    ],
    "fz-436-2010": [
        {"field": "date", "value": dt.date(2010, 12, 21), "problem": "wrong_date",
         "evidence": "даты 21.12 или 23.12.2010 в ссылках — ошибка"},
        {"field": "date", "value": dt.date(2010, 12, 23), "problem": "wrong_date",
         "evidence": "даты 21.12 или 23.12.2010 в ссылках — ошибка"},
    ],
    "pp-1241-2022": [
        {"field": "title", "value": "О разработке, вводе в эксплуатацию и эксплуатации ФГИС «Моя школа»",
         "problem": "wrong_title", "evidence": "ни в одном источнике не найден — не алиас"},
    ],
    "sp-2-4-3648-20": [
        # Imprecise but not reported: the note keeps it outside wrong_kind.
        {"field": "designation", "value": "СанПиН 2.4.3648-20", "problem": None,
         "evidence": "«СанПиН 2.4.3648-20» — неточное обозначение (кодом wrong_kind не покрывается)"},
    ],
}


class BuildError(Exception):
    pass


def registry_date(spec_text: str) -> dt.date:
    """The date the spec's facts hold on, from its header ("Registry date: …")."""
    m = re.search(r"Registry date:\s*(\d{4}-\d\d-\d\d)", spec_text)
    if not m:
        raise BuildError("the spec header has no 'Registry date: YYYY-MM-DD'")
    return dt.date.fromisoformat(m.group(1))


@lru_cache(maxsize=1)
def _morph() -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer(lang="ru")


def genitive(phrase: str) -> str:
    """Put a body's name in the genitive: its words up to the head noun change.

    "Министерство просвещения Российской Федерации (Департамент X)" becomes
    "Департамента X Министерства просвещения Российской Федерации".
    """
    inner = re.fullmatch(r"(.+?)\s*\((.+)\)", phrase)
    if inner:
        return f"{genitive(inner.group(2))} {genitive(inner.group(1))}"
    words = phrase.split(" ")
    for i, word in enumerate(words):
        parse = _morph().parse(word)[0]
        form = parse.inflect({"gent"})
        if form is None:
            break
        words[i] = form.word[:1].upper() + form.word[1:] if word[:1].isupper() else form.word
        if "NOUN" in parse.tag:
            break
    return " ".join(words)


def russian_quotes(text: str) -> str:
    """Straight quotes to «…»: opening after a space or at the start."""
    return re.sub(r'"', lambda m: "«" if m.start() == 0 or text[m.start() - 1] in " («" else "»", text)


def citation(act: dict) -> str:
    """The act's exact citation as a Russian regulation should write it."""
    kind = act["kind"]
    parts = [kind[:1].upper() + kind[1:]]
    if act["kind"] != "федеральный закон":
        parts.append(genitive(act["issuer"]))
    if act["date"]:
        parts.append(f"от {act['date']:%d.%m.%Y}")
    if act["number"]:
        parts.append(f"№ {act['number']}")
    if act["title"]:
        parts.append(f"«{russian_quotes(act['title'])}»")
    text = " ".join(parts)
    doubtful = [IDENTITY_NAMES[f] for f in IDENTITY_NAMES if f in act["unverified"]]
    if doubtful:
        text += f" (реквизиты не подтверждены: {', '.join(doubtful)})"
    elif not act["verified"]:
        text += " (реквизиты не подтверждены)"
    return text


def wrong_forms(act: dict) -> list[dict]:
    forms = KNOWN_WRONG_FORMS.get(act["id"], [])
    note = " ".join((act.get("note") or "").split())
    for form in forms:
        if form["evidence"] not in note:
            raise BuildError(f"{act['id']}: the note no longer says {form['evidence']!r}")
    return [{k: v for k, v in form.items() if k != "evidence"} | {"source": "note"} for form in forms]


def build_act(raw: dict) -> dict:
    unknown = set(raw) - set(FIELDS)
    if unknown:
        raise BuildError(f"{raw.get('id')}: unknown fields {sorted(unknown)}")
    act = {f: raw.get(f, [] if f in LIST_FIELDS else None) for f in FIELDS}
    act["verified"] = bool(act["verified"])
    if act["kind"] not in KIND_CODES:
        raise BuildError(f"{act['id']}: unknown kind {act['kind']!r}")
    act["kind_code"] = KIND_CODES[act["kind"]]
    act["citation"] = citation(act)
    act["known_wrong_forms"] = wrong_forms(act)
    return act


def merge(spec_acts: list[dict], project: dict) -> list[dict]:
    """The spec's acts with the project's list additions, then the project's own acts."""
    amend = project.get("amend") or {}
    ids = {raw["id"] for raw in spec_acts}
    if unknown_ids := set(amend) - ids:
        raise BuildError(f"amendments for acts not in the spec: {sorted(unknown_ids)}")
    merged = []
    for raw in spec_acts:
        raw = dict(raw)
        for field, values in (amend.get(raw["id"]) or {}).items():
            if field not in AMENDABLE:
                raise BuildError(f"{raw['id']}: the project may only add to {sorted(AMENDABLE)}, not {field!r}")
            raw[field] = list(dict.fromkeys([*(raw.get(field) or []), *values]))
        merged.append(raw)
    own = project.get("acts") or []
    if clash := ids & {raw.get("id") for raw in own}:
        raise BuildError(f"project acts already in the spec: {sorted(clash)}")
    return merged + own


def build(spec_path: Path, project_path: Path = DEFAULT_PROJECT) -> dict:
    """The registry document built from the spec at ``spec_path`` and the project's additions."""
    text = spec_path.read_text(encoding="utf-8")
    project = yaml.safe_load(project_path.read_text(encoding="utf-8")) or {}
    acts = [build_act(raw) for raw in merge(yaml.safe_load(text)["acts"], project)]
    if unknown_ids := set(KNOWN_WRONG_FORMS) - {a["id"] for a in acts}:
        raise BuildError(f"known wrong forms for acts not in the spec: {sorted(unknown_ids)}")
    day = registry_date(text)
    abbreviations = project.get("abbreviations") or {}
    content = {"acts": acts, "abbreviations": abbreviations}
    digest = hashlib.sha256(json.dumps(content, ensure_ascii=False, sort_keys=True, default=str).encode()).hexdigest()
    return {"version": f"{day.isoformat()}+{digest[:8]}", "date": day, "abbreviations": abbreviations, "acts": acts}


HEADER = """\
# The legal-acts registry of reglint. GENERATED by reference/build_registry.py
# from shared/spec/legal-acts.yaml (field meanings are documented there) and the
# project's additions in reference/legal_acts_project.yaml;
# do not edit by hand: edit those and rebuild.
# Added by the project: kind_code, citation, known_wrong_forms, version, date, abbreviations.
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build reference/legal_acts.yaml from the spec.")
    parser.add_argument("spec", nargs="?", type=Path, default=DEFAULT_SPEC)
    parser.add_argument("--project", type=Path, default=DEFAULT_PROJECT)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    try:
        registry = build(args.spec, args.project)
    except (BuildError, OSError, yaml.YAMLError) as exc:
        print(f"build_registry: {exc}", file=sys.stderr)
        return 2
    body = yaml.safe_dump(registry, allow_unicode=True, sort_keys=False, width=10_000)
    args.out.write_text(HEADER + body, encoding="utf-8")
    print(f"{args.out}: {len(registry['acts'])} acts, version {registry['version']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
