"""An act outside the registry is listed as not checked, with what was read, and is not a problem."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from analyzer.pipeline import analyze
from analyzer.report.json_writer import report_to_dict
from analyzer.report.text_writer import render_text

REGULATIONS = Path(__file__).resolve().parents[2] / "corpora" / "regulations"


def _edited(extra: str) -> bytes:
    text = (REGULATIONS / "co-milyutina-2023.txt").read_text(encoding="utf-8")
    head, sep, tail = text.partition("1.2.")
    return (head + sep + " " + extra + tail).encode()


def test_act_outside_the_registry_is_listed_as_read():
    extra = "Положение учитывает приказ Минпросвещения России от 02.03.2023 № 77 «О цифровых сервисах» и "
    report = analyze(_edited(extra), name="draft.txt", today=dt.date(2024, 1, 10))
    refs = [r for r in report_to_dict(report)["legal_refs"] if r["cited"]["number"] == "77"]

    assert [(r["act"], r["problems"], r["checked"], r["cited"]["title"]) for r in refs] == \
        [("unknown", [], False, "О цифровых сервисах")]
    assert not [f for f in report.findings if f.category == "legal_ref" and f.act == "unknown"]
    line = next(ln for ln in render_text(report).splitlines() if "№ 77" in ln)
    assert "не проверена" in line and "приказ Минпросвещения России № 77 от 02.03.2023 «О цифровых сервисах»" in line


def test_citation_with_nothing_to_identify_the_act_is_a_finding():
    report = analyze(_edited("Положение учитывает приказ Минпросвещения России от 02.03.2023 и "),
                     name="draft.txt", today=dt.date(2024, 1, 10))

    malformed = [f for f in report.findings if f.code == "RL209"]
    assert [f.quote for f in malformed] == ["приказ Минпросвещения России от 02.03.2023"]
