"""End to end in a real browser: `streamlit run app.py`, upload a DOCX through
the file input, read the findings, download the HTML report.

Runs Debian's /usr/bin/chromium through Playwright (never `playwright install`).
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from app_pages.support import NEW_WORKSPACE

if TYPE_CHECKING:
    from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOT = ROOT / "artifacts" / "e2e-check.png"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-dev-shm-usage"]

pytestmark = [pytest.mark.e2e,
              pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is not installed")]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_healthy(url: str, server: subprocess.Popen[bytes], log: Path, timeout: float = 45) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"streamlit exited with {server.returncode}:\n{log.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    pytest.fail(f"streamlit did not answer /_stcore/health in {timeout} s:\n{log.read_text(errors='replace')}")


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    tmp = tmp_path_factory.mktemp("e2e")
    port, log = _free_port(), tmp / "streamlit.log"
    env = {**os.environ, "REGLINT_WORKSPACES": str(tmp / "workspaces")}
    with log.open("wb") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
             "--server.address", "127.0.0.1", "--server.port", str(port), "--browser.gatherUsageStats", "false"],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        url = f"http://127.0.0.1:{port}"
        _wait_healthy(url, server, log)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


@pytest.fixture
def page(app_url: str) -> Iterator[Page]:
    """A fresh page of Debian's Chromium, opened at the app."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1800}, locale="ru-RU")
            page.goto(app_url, wait_until="domcontentloaded")
            yield page
        finally:
            browser.close()


def test_upload_docx_shows_findings_and_downloads_html(page: Page, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    source = ROOT / "corpora" / "formats" / "ddt-grad-chudes-2023.docx"
    page.locator("input[type=file]").first.set_input_files(source)
    partial = page.get_by_text("проходит процесс верификации").first
    expect(partial).to_be_visible(timeout=40_000)
    expect(page.get_by_text("RL102").first).to_be_visible()
    expect(page.get_by_text("Оценка")).to_be_visible()

    with page.expect_download(timeout=20_000) as download_info:
        page.get_by_role("button", name="HTML-отчёт").click()
    download = download_info.value
    assert download.suggested_filename == "ddt-grad-chudes-2023.reglint.html"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    report = saved.read_text(encoding="utf-8")
    assert report.lstrip().lower().startswith("<!doctype html")
    assert "TCH-VERIFY" in report and "верификации" in report

    with page.expect_download(timeout=20_000) as download_info:
        page.get_by_role("button", name="Исправленный DOCX (правки)").click()
    fixed = tmp_path / "fixed.docx"
    download_info.value.save_as(fixed)
    with zipfile.ZipFile(fixed) as docx:
        assert "<w:ins " in docx.read("word/document.xml").decode("utf-8")   # tracked insertions

    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOT), full_page=True)


def _choose_workspace(page: Page, option: str, new_name: str | None = None) -> None:
    """Pick ``option`` in the sidebar's workspace box; a new workspace is then named ``new_name``."""
    from playwright.sync_api import expect

    box = page.get_by_role("combobox", name="Рабочая область (у каждого аудита своя база)")
    expect(box).to_be_visible(timeout=40_000)
    box.click()
    page.get_by_role("option", name=option).click()
    expect(box).to_have_value(option, timeout=20_000)
    if new_name:
        field = page.get_by_label("Название новой рабочей области")
        field.fill(new_name)
        field.press("Enter")
        expect(field).to_have_value(new_name)


def test_review_buttons_dismiss_a_finding_and_the_conclusion_leaves_it_out(page: Page, tmp_path: Path) -> None:
    import docx
    from playwright.sync_api import expect

    from analyzer.pipeline import analyze

    source = ROOT / "corpora" / "formats" / "ddt-grad-chudes-2023.docx"
    page.locator("input[type=file]").first.set_input_files(source)
    cards = page.locator("[data-testid=stVerticalBlock]")   # the innermost one holding both is the card
    remnant = cards.filter(has_text="RL401").filter(has=page.get_by_role("button", name="Отклонить")).last
    expect(remnant).to_be_visible(timeout=40_000)
    expect(remnant.get_by_role("button", name="Отклонить")).to_be_disabled()
    reviewer = page.get_by_label("Рецензент (ФИО для решений и подписи заключения)")
    reviewer.fill("Е.В. Смирнова")
    reviewer.press("Enter")
    page.wait_for_timeout(1000)
    expect(remnant.get_by_role("button", name="Отклонить")).to_be_disabled()   # no workspace yet
    _choose_workspace(page, NEW_WORKSPACE, "Район 5")
    expect(remnant.get_by_role("button", name="Отклонить")).to_be_enabled(timeout=20_000)
    remnant.get_by_role("button", name="Отклонить").click()
    expect(page.get_by_text("отклонено: 1")).to_be_visible(timeout=20_000)
    expect(cards.filter(has_text="RL401").filter(has=page.get_by_role("button", name="Отклонить"))
           ).to_have_count(0)

    page.reload(wait_until="domcontentloaded")                 # a new session: only the store remembers
    _choose_workspace(page, "Район 5")
    page.locator("input[type=file]").first.set_input_files(source)
    expect(page.get_by_text("отклонено: 1")).to_be_visible(timeout=40_000)
    page.get_by_text("отклонены", exact=True).click()
    dismissed = cards.filter(has_text="RL401").filter(has=page.get_by_role("button", name="Отклонить")).last
    expect(dismissed.get_by_text("отклонено", exact=True)).to_be_visible(timeout=20_000)

    reviewer = page.get_by_label("Рецензент (ФИО для решений и подписи заключения)")
    reviewer.fill("Е.В. Смирнова")
    reviewer.press("Enter")
    page.wait_for_timeout(1500)
    with page.expect_download(timeout=30_000) as download_info:
        page.get_by_role("button", name="Заключение DOCX").click()
    saved = tmp_path / "conclusion.docx"
    download_info.value.save_as(saved)
    letter = docx.Document(saved)
    text = "\n".join([p.text for p in letter.paragraphs]
                     + [c.text for t in letter.tables for row in t.rows for c in row.cells])
    assert "ЗАКЛЮЧЕНИЕ" in text and "Е.В. Смирнова" in text and "ГБУ ДО ДДТ «Град чудес»" in text
    assert "не включены" in text
    remnant_message = next(f.message for f in analyze(source).findings if f.code == "RL401")
    assert remnant_message not in text
