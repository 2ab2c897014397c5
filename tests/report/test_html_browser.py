"""The HTML report's severity filter in a real browser (Debian's chromium through Playwright)."""
from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.report.html_writer import render_html

from .conftest import TODAY

CHROMIUM = Path("/usr/bin/chromium")
VISIBLE_ROWS = ("() => [...document.querySelectorAll('#findings tbody tr')]"
                ".filter(r => r.offsetParent !== null).map(r => r.className)")
pytestmark = [pytest.mark.e2e, pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is not installed")]


def test_unticking_a_severity_hides_its_findings(txt_reports, tmp_path):
    playwright = pytest.importorskip("playwright.sync_api")
    report = txt_reports["school-59-krasnodar-2023"]
    page_file = tmp_path / "report.html"
    page_file.write_text(render_html(report, TODAY), encoding="utf-8")
    counts = {s: sum(f.severity == s for f in report.findings) for s in ("error", "warning", "info")}
    with playwright.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox"])
        page = browser.new_page()
        page.goto(page_file.as_uri())
        assert page.locator("#filters").is_visible()
        assert len(page.evaluate(VISIBLE_ROWS)) == len(report.findings)
        page.locator("#filters input[value='info']").uncheck()
        visible = page.evaluate(VISIBLE_ROWS)
        assert sorted(visible) == sorted(["sev-error"] * counts["error"] + ["sev-warning"] * counts["warning"])
        page.locator("#filters input[value='info']").check()
        assert len(page.evaluate(VISIBLE_ROWS)) == len(report.findings)
        browser.close()
