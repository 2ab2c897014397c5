"""reference/cues.yaml: the packaged cues load and drive the parser; a broken copy is refused, the field named."""
from __future__ import annotations

import re

import pytest
from reference_copies import edited_copy

from analyzer.cue_data import DETECTED, default_path, load_cue_data, load_cue_data_from
from analyzer.errors import ConfigError
from analyzer.institution import institution_type
from analyzer.structure.roles import cue_role


def test_packaged_cues_load():
    data = load_cue_data()
    assert list(data.institution_cues) == ["preschool", "college", "additional", "school"]
    assert set(DETECTED) == set(data.institution_cues)
    words = [cue for cue, _ in data.role_cues]
    assert words.index("классный руководитель") < words.index("руководитель")   # longer cues first


def test_the_cues_decide():
    assert cue_role("Обязанности классного руководителя") == "class_teacher"
    assert cue_role("Действия администратора") == "administrator"
    assert institution_type("Положение ГБПОУ «Колледж связи»") == "college"
    assert institution_type("Положение МБУ ДО «Спортивная школа № 2»") == "additional"



@pytest.mark.parametrize(("change", "named"), [
    (lambda raw: raw.pop("version"), "version"),
    (lambda raw: raw["role_cues"].append(["завуч", "deputy"]), "role_cues["),
    (lambda raw: raw["institution_cues"].pop("school"), "institution_cues"),
    (lambda raw: raw["institution_cues"].update(college="колледж("), "institution_cues.college"),
    (lambda raw: raw.update(additional_schools=""), "additional_schools"),
])
def test_broken_copy_is_refused_naming_the_field(tmp_path, change, named):
    with pytest.raises(ConfigError, match=re.escape(named)):
        load_cue_data_from(edited_copy(default_path(), tmp_path, change))


def test_an_unchanged_copy_loads_the_same(tmp_path):
    assert load_cue_data_from(edited_copy(default_path(), tmp_path, lambda raw: None)) == load_cue_data()
