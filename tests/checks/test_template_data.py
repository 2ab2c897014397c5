"""reference/template.yaml: the packaged data loads, a broken copy is refused
with the field named, and its version (and reference/cues.yaml's and issuers.yaml's)
is part of every report's reference version."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from reference_copies import edited_copy

from analyzer import analyze
from analyzer.cue_data import load_cue_data
from analyzer.errors import ConfigError
from analyzer.issuer_data import load_issuer_data
from analyzer.template_data import default_path, load_template_data, load_template_data_from
from analyzer.vocabulary import INSTITUTIONS

REGULATION = Path(__file__).resolve().parents[2] / "corpora" / "regulations" / "apk-college.txt"


def test_packaged_data_loads():
    data = load_template_data()
    assert {"pupils", "educators", "school"} <= {r.key for r in data.remnants}   # keys the check's exceptions name
    assert set(data.organisation_in) == set(INSTITUTIONS)
    assert data.support_email == "info@sferum.ru" and "sferum.ru" in data.sites



@pytest.mark.parametrize(("change", "named"), [
    (lambda raw: raw.pop("version"), "version"),
    (lambda raw: raw["remnants"][0].update(applies=["school", "university"]), "remnants[0].applies"),
    (lambda raw: raw["remnants"][1].update(patterns=[]), "remnants[1]: patterns"),
    (lambda raw: raw["remnants"][2].update(why="в {organisation}"), "remnants[2]"),
    (lambda raw: raw["remnants"][3].update(key=raw["remnants"][0]["key"]), "key"),
    (lambda raw: raw.update(has_pupils="интернат("), "has_pupils"),
    (lambda raw: raw["contacts"].update(sites=[]), "contacts.sites"),
    (lambda raw: raw["organisation_in"].pop("college"), "organisation_in"),
])
def test_broken_copy_is_refused_naming_the_field(tmp_path, change, named):
    with pytest.raises(ConfigError, match=re.escape(named)):
        load_template_data_from(edited_copy(default_path(), tmp_path, change))


def test_an_unchanged_copy_loads_the_same(tmp_path):
    assert load_template_data_from(edited_copy(default_path(), tmp_path, lambda raw: None)) == load_template_data()


def test_report_carries_the_data_versions():
    report = analyze(REGULATION)
    assert report.reference_version.endswith(f"+template-{load_template_data().version}"
                                             f"+cues-{load_cue_data().version}"
                                             f"+issuers-{load_issuer_data().version}")
