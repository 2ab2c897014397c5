"""Thresholds from a config file: --config, reglint.toml, [tool.reglint] in pyproject.toml; defaults otherwise."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from analyzer.cli import main
from analyzer.config import load_thresholds
from analyzer.errors import ConfigError
from analyzer.thresholds import Thresholds

REGULATION = Path(__file__).resolve().parents[1] / "corpora" / "regulations" / "school-59-krasnodar-2023.txt"


def test_defaults_without_a_config(tmp_path):
    assert load_thresholds(folder=tmp_path) == Thresholds()
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    assert load_thresholds(folder=tmp_path) == Thresholds()


def test_reglint_toml_before_pyproject(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.reglint.thresholds]\nfuzzy_min = 40\n", encoding="utf-8")
    assert load_thresholds(folder=tmp_path) == Thresholds(fuzzy_min=40.0)
    (tmp_path / "reglint.toml").write_text("[thresholds]\nexplained_margin = 8.5\n", encoding="utf-8")
    assert load_thresholds(folder=tmp_path) == Thresholds(explained_margin=8.5)


@pytest.mark.parametrize("text", ["[thresholds]\nfuzzy = 3\n", "[thresholds]\nfuzzy_min = 'высокий'\n",
                                  "[thresholds\n", "thresholds = 3\n"])
def test_a_wrong_config_is_refused(tmp_path, text):
    path = tmp_path / "reglint.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match="reglint.toml"):
        load_thresholds(path)


def _check(capsys, *extra: str) -> dict:
    assert main(["check", str(REGULATION), "--format", "json", "--fail-on", "never", *extra]) == 0
    return json.loads(capsys.readouterr().out)


def test_check_uses_the_config(tmp_path, capsys):
    default = _check(capsys)
    strict = tmp_path / "strict.toml"
    strict.write_text("[thresholds]\nfuzzy_min = 101\n", encoding="utf-8")   # no wording can pass the fuzzy gate
    report = _check(capsys, "--config", str(strict))
    present = [c for c in default["clauses"] if c["status"] == "present"]
    assert present and not [c for c in report["clauses"] if c["status"] == "present"]
    assert "+thresholds-" in report["reference_version"] and "+thresholds-" not in default["reference_version"]


def test_check_refuses_a_wrong_config(tmp_path, capsys):
    bad = tmp_path / "bad.toml"
    bad.write_text("[thresholds]\nfuzy_min = 30\n", encoding="utf-8")
    assert main(["check", str(REGULATION), "--config", str(bad)]) == 2
    assert "bad.toml" in capsys.readouterr().err
