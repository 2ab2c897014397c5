"""reference/issuers.yaml: it loads, it agrees with the registry's issuers and their aliases (so the two cannot
drift apart), and a broken copy is refused with the field named."""
from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest
from reference_copies import edited_copy

from analyzer.citations import check_citations
from analyzer.errors import ConfigError
from analyzer.issuer_data import IssuerData, default_path, load_issuer_data, load_issuer_data_from
from analyzer.recognizers.legal_acts import find_citations, is_federal_issuer, issuer_body
from analyzer.registry import Act, load_registry

_DEPARTMENT = re.compile(r"\s*\([^()]*\)\Z")   # "… Российской Федерации (Департамент …)"


def drift(acts: tuple[Act, ...], data: IssuerData) -> list[str]:
    """Where the registry's issuers and the issuer data disagree: an issuer the data does not name, or an
    issuer or alias that a citation would not read as that act's body."""
    problems = []
    for act in acts:
        if act.issuer in data.country_names:   # a federal law: the country's, no body issues it
            meant, kind = None, "federal_law"
        else:
            bodies = [b.key for b in data.bodies if _DEPARTMENT.sub("", act.issuer) in b.names]
            if len(bodies) != 1:
                problems.append(f"{act.id}: issuer {act.issuer!r} is the name of {bodies or 'no body'}")
                continue
            meant, kind = bodies[0], act.kind_code
        for name in (act.issuer, *act.issuer_aliases):
            if issuer_body(name) != meant:
                problems.append(f"{act.id}: {name!r} is read as {issuer_body(name)}, not {meant}")
        problems += [f"{act.id}: {alias!r} is not read as a federal issuer of a {kind}"
                     for alias in act.issuer_aliases if not is_federal_issuer(kind, alias)]
        if meant is None and act.kind_code != "federal_law":
            problems.append(f"{act.id}: a {act.kind_code} of the country, not of a body")
    return problems


def test_the_registry_and_the_issuer_data_agree():
    assert drift(load_registry().acts, load_issuer_data()) == []


@pytest.mark.parametrize(("issuer", "alias", "found"), [
    ("Министерство спорта Российской Федерации", None, "is the name of no body"),
    (None, "Минцифры России", "is read as mincifry, not minpros"),
    (None, "Минпросвещения Московской области", "not read as a federal"),
])
def test_drift_is_found(issuer, alias, found):
    act = load_registry().get("minpros-order-396-2021")
    assert act is not None
    act = dataclasses.replace(act, issuer=issuer or act.issuer,
                              issuer_aliases=(*act.issuer_aliases, *([alias] if alias else [])))
    problems = drift((act,), load_issuer_data())
    assert len(problems) == 1 and found in problems[0]


def test_every_name_in_the_data_is_read_as_its_body():
    data = load_issuer_data()
    assert [b.key for b in data.bodies if b.fallback] == ["federal"]
    for body in data.bodies:
        for name in body.names:
            assert issuer_body(name) == body.key and is_federal_issuer("order", name), name


def test_the_data_reads_citations():
    text = ("В соответствии с Законом об образовании, письмом Минпросвещения России от 04.08.2022 № 04-643 и "
            "приказом директора от 01.09.2023 № 12, приказом Рособрнадзора от 14.08.2020 № 831")
    cited = [(act.kind, act.issuer, act.number) for _, _, act in find_citations(text, ("об образовании",))]
    assert cited == [("federal_law", None, None), ("letter", "Минпросвещения России", "04-643"),
                     ("order", "Рособрнадзора", "831")]
    assert [issuer_body(issuer) for _, issuer, _ in cited] == [None, "minpros", "federal"]
    linked = check_citations(text, load_registry(), None, dt.date(2024, 1, 1))
    assert [c.act for c in linked] == ["fz-273-2012", "minpros-letter-04-643-2022", "unknown"]



@pytest.mark.parametrize(("change", "named"), [
    (lambda raw: raw.pop("version"), "version"),
    (lambda raw: raw.pop("country"), "country"),
    (lambda raw: raw["country"].update(forms="РФ|(России"), "country.forms"),
    (lambda raw: raw["bodies"]["minpros"].update(names="Минпросвещения"), "bodies.minpros.names"),
    (lambda raw: raw["bodies"]["minpros"].pop("forms"), "bodies.minpros.forms"),
    (lambda raw: raw["bodies"]["federal"].update(fallback="да"), "bodies.federal.fallback"),
    (lambda raw: raw["kinds"]["law"].update(act_kind="law"), "kinds.law.act_kind"),
    (lambda raw: raw["kinds"]["order"].update(forms=r"приказ(\w*"), "kinds.order.forms"),
    (lambda raw: raw["kinds"].update({"a law": raw["kinds"].pop("law")}), "kinds.a law"),
    (lambda raw: raw["kinds"]["law"].update(needs_title=1), "kinds.law.needs_title"),
])
def test_broken_copy_is_refused_naming_the_field(tmp_path, change, named):
    with pytest.raises(ConfigError, match=re.escape(named)):
        load_issuer_data_from(edited_copy(default_path(), tmp_path, change))


def test_an_unchanged_copy_loads_the_same(tmp_path):
    assert load_issuer_data_from(edited_copy(default_path(), tmp_path, lambda raw: None)) == load_issuer_data()
