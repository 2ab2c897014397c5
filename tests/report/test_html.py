"""The HTML gap report: self-contained, escaped, and with every part the methodologist reads."""
from __future__ import annotations

import re

import lxml.html
import pytest

from analyzer.report.html_writer import render_html
from analyzer.report.markdown_writer import render_markdown

from .conftest import CORPORA, TODAY, analyze_bytes

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'


@pytest.fixture(scope="module")
def hostile():
    """A real regulation whose duty line and title carry markup, analysed."""
    text = (CORPORA / "regulations" / "ddt-grad-chudes-2023.txt").read_text(encoding="utf-8")
    probe = analyze_bytes(text.encode(), "probe.txt")
    lines = text.split("\n")
    match = next(m for m in probe.clauses if m.status == "present" and m.evidence and m.evidence[0].quote in lines)
    line = match.evidence[0].quote
    hostile_line = line.rstrip(";.") + f" {SCRIPT} {IMG};"
    text = text.replace(line, hostile_line, 1).replace("ПОЛОЖЕНИЕ", f"ПОЛОЖЕНИЕ {SCRIPT}", 1)
    return analyze_bytes(text.encode(), f"{IMG}.txt"), match.clause


def test_document_text_is_escaped_everywhere(hostile):
    report, clause = hostile
    html = render_html(report, TODAY)
    assert SCRIPT not in html and "<img" not in html and 'onerror=alert(1)>' not in html
    assert html.count("<script") == 1          # the report's own filter script
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    article = lxml.html.fromstring(html).get_element_by_id(f"clause-{clause}")
    assert SCRIPT in article.text_content()     # shown as text in the side-by-side view
    assert not article.xpath(".//script | .//img")


def test_markdown_escapes_markup(hostile):
    report, _ = hostile
    md = render_markdown(report, TODAY)
    assert not re.search(r"(?<!\\)<", md)     # every "<" of the text is backslash-escaped
    assert r"\<script\>alert(1)\</script\>" in md


def test_report_is_self_contained(txt_reports):
    html = render_html(txt_reports["school-59-krasnodar-2023"], TODAY)
    assert not re.search(r"""(?:src|href)\s*=\s*(?!["']?#)""", html)
    assert "<link" not in html and "@import" not in html and "url(" not in html


@pytest.mark.parametrize("stem", ["apk-college", "school-59-krasnodar-2023"])
def test_every_clause_finding_and_citation_is_shown(stem, txt_reports):
    report = txt_reports[stem]
    tree = lxml.html.fromstring(render_html(report, TODAY))
    cells = tree.xpath("//table[contains(@class, 'cov')]//td[contains(@class, 'cell')]")
    assert len(cells) == len(report.clauses)
    assert [c.text_content() for c in cells].count("Н") == sum(m.status == "missing" for m in report.clauses)
    rows = tree.xpath("//section[@id='findings']//tbody/tr")
    assert len(rows) == len(report.findings)
    assert sorted(r.get("class") for r in rows) == sorted(f"sev-{f.severity}" for f in report.findings)
    legal = tree.xpath("//section[@id='legal']//tbody/tr")
    assert len(legal) == len(report.citations)
    boxes = tree.xpath("//fieldset[@id='filters']//input[@type='checkbox']")
    assert {b.get("value") for b in boxes} == {"error", "warning", "info"}
    assert all(b.get("checked") is not None for b in boxes)   # without JS everything stays visible


def test_side_by_side_for_evidence_and_wording_for_missing(txt_reports):
    report = txt_reports["ddt-grad-chudes-2023"]
    tree = lxml.html.fromstring(render_html(report, TODAY))
    for match in report.clauses:
        if match.status == "not_applicable":
            assert not tree.xpath(f"//article[@id='clause-{match.clause}']")
            continue
        article = tree.get_element_by_id(f"clause-{match.clause}")
        columns = article.xpath(".//div[@class='sbs']/div")
        if match.evidence:
            assert len(columns) == 2
        else:
            assert not columns and article.xpath(".//blockquote[@class='add']")
    partial = next(m for m in report.clauses if m.status == "partial")
    article = tree.get_element_by_id(f"clause-{partial.clause}")
    assert article.xpath(".//del") and article.xpath(".//ins")


def test_check_date_and_scores_in_header(txt_reports):
    report = txt_reports["co-milyutina-2023"]
    html = render_html(report, TODAY)
    assert TODAY.strftime("%d.%m.%Y") in html
    applicable = [m for m in report.clauses if m.status != "not_applicable"]
    present = sum(m.status == "present" for m in applicable)
    assert f"на месте {present} из {len(applicable)}" in html
