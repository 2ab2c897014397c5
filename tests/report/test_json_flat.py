"""The JSON writer copies findings and reviews field by field instead of ``dataclasses.asdict``: the same
dicts as long as every field is flat, which these tests hold it to."""
from __future__ import annotations

import dataclasses
import types
import typing

import pytest

from analyzer.model import Finding, Review
from analyzer.report import json_writer

FLAT = (str, int, float, bool, type(None))


def _flat_type(hint: object) -> bool:
    origin = typing.get_origin(hint)
    if origin is typing.Literal:
        return all(isinstance(v, FLAT) for v in typing.get_args(hint))
    if origin in (typing.Union, types.UnionType):
        return all(_flat_type(a) for a in typing.get_args(hint))
    return hint in FLAT


@pytest.mark.parametrize("cls", [Finding, Review])
def test_every_field_is_flat(cls: type) -> None:
    hints = typing.get_type_hints(cls)
    assert [f.name for f in dataclasses.fields(cls) if not _flat_type(hints[f.name])] == []


def test_findings_of_the_corpora_as_asdict_gives_them(txt_reports, docx_reports) -> None:
    findings = [f for reports in (txt_reports, docx_reports) for r in reports.values()
                for f in (*r.findings, *r.suppressed)]
    assert len(findings) > 20
    assert [json_writer._finding_fields(f) for f in findings] == [dataclasses.asdict(f) for f in findings]


def test_review_as_asdict_gives_it() -> None:
    review = Review("f1", "dismissed", "Иванова", "2026-12-02T07:00:00+00:00", reason="не применимо",
                    comment="см. протокол")
    expected = dataclasses.asdict(review)
    del expected["fingerprint"]
    assert json_writer._review(review) == expected
