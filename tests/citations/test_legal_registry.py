"""The legal-acts registry: its build from the spec, validation at load, lookups."""
from __future__ import annotations

import copy
import datetime as dt
import re

import pytest
import yaml

from analyzer.citations import check_citations
from analyzer.errors import ConfigError
from analyzer.registry import default_path, load_registry, parse_registry, same_title
from reference import build_registry

SPEC = build_registry.DEFAULT_SPEC
needs_spec = pytest.mark.skipif(not SPEC.exists(), reason=f"no spec at {SPEC}")


def committed() -> dict:
    return yaml.safe_load(default_path().read_text(encoding="utf-8"))


def test_loads_with_version_and_unique_ids():
    registry = load_registry()
    assert re.fullmatch(r"\d{4}-\d\d-\d\d\+[0-9a-f]{8}", registry.version)
    assert registry.version.startswith(registry.date.isoformat())
    assert len({a.id for a in registry.acts}) == len(registry.acts) > 0


@needs_spec
def test_committed_registry_is_built_from_the_current_spec():
    assert build_registry.build(SPEC) == committed(), "rebuild: python -m reference.build_registry"


@needs_spec
def test_a_wrong_form_must_be_backed_by_the_note(tmp_path):
    spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    for act in spec["acts"]:
        if act["id"] == "minpros-r-210-2021":
            act["note"] = "Номер с кириллической «Р»."
    broken = tmp_path / "spec.yaml"
    broken.write_text("# Registry date: 2026-11-25\n" + yaml.safe_dump(spec, allow_unicode=True), encoding="utf-8")
    with pytest.raises(build_registry.BuildError, match="minpros-r-210-2021"):
        build_registry.build(broken)


@needs_spec
@pytest.mark.parametrize("project, message", [
    ({"amend": {"fz-273-2012": {"number": "274-ФЗ"}}}, "may only add"),
    ({"amend": {"no-such-act": {"aliases": ["x"]}}}, "not in the spec"),
    ({"acts": [{"id": "fz-273-2012"}]}, "already in the spec"),
])
def test_project_additions_may_only_add(tmp_path, project, message):
    path = tmp_path / "project.yaml"
    path.write_text(yaml.safe_dump(project, allow_unicode=True), encoding="utf-8")
    with pytest.raises(build_registry.BuildError, match=message):
        build_registry.build(SPEC, path)


def test_project_additions_reach_the_registry():
    registry = load_registry()
    assert "об образовании" in registry.get("fz-273-2012").short_titles
    assert "Минобрнауки" in registry.get("minobr-order-816-2017").issuer_aliases
    assert ("РФ", "Российской Федерации") in registry.abbreviations
    lead = registry.get("minpros-r-139-2023")
    assert not lead.verified and {"number", "date", "status"} <= lead.unverified


def test_citation_flags_unverified_requisites():
    registry = load_registry()
    assert "реквизиты не подтверждены" in registry.get("minpros-letter-04-127").citation
    assert "реквизиты не подтверждены" not in registry.get("fz-149-2006").citation
    assert registry.get("minpros-letter-04-643-2022").citation.startswith(
        "Письмо Департамента цифровой трансформации и больших данных Министерства просвещения Российской Федерации")


def _break(data: dict, act_id: str, change) -> dict:
    data = copy.deepcopy(data)
    change(next(a for a in data["acts"] if a["id"] == act_id), data)
    return data


BREAKAGES = {
    "bad date": ("fz-149-2006", lambda a, d: a.update(date="2006-13-45")),
    "unknown kind": ("pp-1241-2022", lambda a, d: a.update(kind="указ")),
    "missing citation": ("fz-273-2012", lambda a, d: a.pop("citation")),
    "unknown status": ("pp-2040-2020", lambda a, d: a.update(status_2023_12_31="lapsed")),
    "unverified names a missing field": ("fz-436-2010", lambda a, d: a.update(unverified=["signature"])),
    "duplicate id": ("fz-152-2006", lambda a, d: d["acts"].append(copy.deepcopy(a))),
}


@pytest.mark.parametrize("breakage", BREAKAGES, ids=list(BREAKAGES))
def test_broken_registry_names_the_act(tmp_path, breakage):
    act_id, change = BREAKAGES[breakage]
    path = tmp_path / "legal_acts.yaml"
    path.write_text(yaml.safe_dump(_break(committed(), act_id, change), allow_unicode=True), encoding="utf-8")
    with pytest.raises(ConfigError, match=re.escape(act_id)) as error:
        load_registry(path)
    assert str(path) in str(error.value)


def test_registry_without_acts_is_refused():
    with pytest.raises(ConfigError, match="acts"):
        parse_registry({"version": "x", "date": "2026-11-25"}, "mem")


def test_lookups():
    registry = load_registry()
    assert [a.id for a in registry.by_number("P-210")] == ["minpros-r-210-2021"]
    assert [a.id for a in registry.by_number("273- ФЗ", "federal_law")] == ["fz-273-2012"]
    assert registry.by_number("1241", "order") == ()
    assert {a.id for a in registry.by_date(dt.date(2006, 7, 27))} == {"fz-149-2006", "fz-152-2006"}
    assert [a.id for a in registry.by_code("2.4.3648-20")] == ["sp-2-4-3648-20"]
    best, score = registry.by_title("об образовании в российской федерации")[0]
    assert best.id == "fz-273-2012" and score == 100
    assert registry.by_title("О порядке приёма граждан") == []


@pytest.mark.parametrize("act", load_registry().acts, ids=lambda a: a.id)
def test_own_citation_links_back_without_problems(act):
    today = act.in_force_from or act.date or load_registry().date
    found = check_citations(act.citation, load_registry(), None, today)
    assert [c.act for c in found] == [act.id]
    assert list(found[0].problems) == ([] if act.number else ["missing_number"])


def _with_wrong_form(act, form) -> str:
    if form.field == "number":
        return act.citation.replace(act.number, form.value)
    if form.field == "date":
        return act.citation.replace(f"{act.date:%d.%m.%Y}", f"{form.value:%d.%m.%Y}")
    if form.field == "title":
        return act.citation.split(" «", 1)[0] + f" «{form.value}»"
    return form.value


@pytest.mark.parametrize("act,form", [(a, f) for a in load_registry().acts for f in a.known_wrong_forms],
                         ids=lambda x: getattr(x, "id", None) or getattr(x, "field", None))
def test_known_wrong_forms_are_caught(act, form):
    found = check_citations(_with_wrong_form(act, form), load_registry(), None, act.in_force_from or act.date)
    assert [c.act for c in found] == [act.id]
    assert list(found[0].problems) == ([form.problem] if form.problem else [])


def test_titles_compare_up_to_yo_dashes_and_abbreviations():
    assert same_title("Об утверждённом порядке в РФ", "Об утвержденном порядке в Российской Федерации")
    assert same_title("О Стратегии на 2017–2030 годы", "О Стратегии на 2017 - 2030 годы")
    assert not same_title("О Стратегии на 2017–2030 годы", "О Программе на 2017 - 2030 годы")
