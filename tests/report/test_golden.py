"""Golden files: each human-readable format of each corpora regulation.

A golden file is the writer's output with the reference and registry versions
replaced by placeholders (they change with every edit of the reference data).
Regenerate after an intended change with ``REGLINT_UPDATE_GOLDEN=1 pytest tests/report``
and review the diff.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from analyzer.report.csv_writer import render_csv
from analyzer.report.html_writer import render_html
from analyzer.report.markdown_writer import render_markdown
from analyzer.report.text_writer import render_text

from .conftest import STEMS, TODAY

GOLDEN = Path(__file__).parent / "golden"
WRITERS = {
    "txt": lambda report: render_text(report),
    "md": lambda report: render_markdown(report, TODAY),
    "html": lambda report: render_html(report, TODAY),
    "csv": lambda report: render_csv([report]),
}


def stable(text: str, report) -> str:
    return (text.replace(report.reference_version, "<reference-version>")
                .replace(report.registry_version, "<registry-version>"))


@pytest.mark.parametrize("suffix", sorted(WRITERS))
@pytest.mark.parametrize("stem", STEMS)
def test_output_matches_golden_file(stem: str, suffix: str, txt_reports) -> None:
    report = txt_reports[stem]
    out = stable(WRITERS[suffix](report), report)
    golden = GOLDEN / f"{stem}.{suffix}"
    if os.environ.get("REGLINT_UPDATE_GOLDEN") == "1":
        golden.write_text(out, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden.name}: run with REGLINT_UPDATE_GOLDEN=1"
    assert out == golden.read_text(encoding="utf-8"), f"{golden.name} differs; review, then REGLINT_UPDATE_GOLDEN=1"
