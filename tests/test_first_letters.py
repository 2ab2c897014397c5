"""analyzer.first_letters: the look-ahead in front of a pattern changes its speed, never its matches."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from analyzer.cue_data import load_cue_data
from analyzer.first_letters import compile_scanning, first_letters
from analyzer.lexicon import repair_ocr

ROOT = Path(__file__).parents[1]
TEXTS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpora" / "regulations").glob("*.txt"))]


def test_first_letters_of_words_groups_and_optional_parts() -> None:
    assert first_letters(r"\bшкол\w*") == {"ш"}
    assert first_letters(r"(?:спортивн\w*|музыкальн\w*)\s+школ") == {"с", "м"}
    assert first_letters(r"\(?\bпри\b") == {"\\(", "п"}
    assert first_letters(r"(?<![\d.])\d{1,2}\.\d\d") == {"\\d"}
    assert first_letters(r"[А-В]\d") == {"А", "Б", "В"}


@pytest.mark.parametrize("pattern", [r"\w{0,3}ДОУ", r"\D+", r".", r"[^а]", r"(?:а)?", r"x*"])
def test_no_letters_when_a_match_may_start_anywhere(pattern: str) -> None:
    assert first_letters(pattern) is None
    assert compile_scanning(pattern).pattern == pattern


def test_global_flags_stay_first() -> None:
    assert compile_scanning(r"(?i)школ\w*").findall("Школа и ШКОЛЕ") == ["Школа", "ШКОЛЕ"]


def test_reference_cues_find_the_same_matches_on_real_text() -> None:
    raw = yaml.safe_load((ROOT / "reference" / "cues.yaml").read_text(encoding="utf-8"))
    sources = [*raw["institution_cues"].values(), raw["additional_schools"]]
    data = load_cue_data()
    cues = [*data.institution_cues.values(), data.additional_schools]
    assert sum(c.pattern != s for c, s in zip(cues, sources)) >= 3   # most cues of reference/cues.yaml gain a look-ahead
    for cue, source in zip(cues, sources):
        plain = re.compile(source, re.IGNORECASE)
        for text in TEXTS + [t.upper() for t in TEXTS] + [repair_ocr(t).lower() for t in TEXTS]:
            assert [m.span() for m in cue.finditer(text)] == [m.span() for m in plain.finditer(text)]
