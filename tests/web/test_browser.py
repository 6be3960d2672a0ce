"""The dashboard in a real browser: Playwright driving Debian's Chromium against a live uvicorn server.

Screenshots of every page go to out/screenshots/ (gitignored). The tests skip, saying why, when Playwright
or Chromium is missing; they never download a browser.
"""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest
from tests.web.conftest import ROOT

CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = ROOT / "out" / "screenshots"
ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(web_db):
    """The app on a uvicorn server in a thread, on a free port of 127.0.0.1."""
    import uvicorn

    from accord.web import create_app

    port = _free_port()
    config = uvicorn.Config(create_app(web_db), host="127.0.0.1", port=port, log_level="warning")
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not uv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the uvicorn server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    uv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is missing (scripts/test installs Debian's chromium)")
    with sync_api.sync_playwright() as playwright:
        try:
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        except Exception as exc:  # noqa: BLE001 - any launch failure means: no browser here
            pytest.skip(f"cannot launch {CHROMIUM}: {str(exc).splitlines()[0]}")
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def context(browser):
    """One browser context for the module: Plotly's bundle is fetched once, then cached."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context
    context.close()


@pytest.fixture()
def page(context):
    tab = context.new_page()
    dialogs: list[str] = []
    tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.dialogs, tab.errors = dialogs, errors  # type: ignore[attr-defined]
    yield tab
    tab.close()


def _shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def _charts_drawn(page) -> None:
    page.wait_for_selector("body[data-charts=ready]", timeout=15_000)


def test_overview(page, server):
    page.goto(server + "/")
    _charts_drawn(page)
    assert page.locator("#chart-timeline .main-svg").count() >= 1  # Plotly drew, from Accord's own copy
    assert page.locator("#world-map circle.place").count() >= 1
    assert page.locator("table.dyads tbody tr").count() >= 1
    assert not page.errors
    _shot(page, "overview")


def test_dyad_page_shows_the_visit(page, server):
    page.goto(server + "/dyad")
    page.fill("input[name=a]", "PAK")
    page.fill("input[name=b]", "BLR")
    page.click("form.pick button")
    page.wait_for_url("**/dyad?a=PAK&b=BLR*")
    _charts_drawn(page)
    assert page.locator("#chart-timeline .main-svg").count() >= 1
    assert page.locator("#chart-goldstein .main-svg").count() >= 1
    visit = page.locator("table.events tr", has_text="Islamabad").filter(
        has=page.locator("a.cameo", has_text="042")
    )
    assert visit.count() >= 1
    assert page.locator("table.sectors td", has_text="GOV").count() >= 1
    assert not page.errors
    _shot(page, "dyad-PAK-BLR")


def test_event_page_highlights_the_trigger(page, server):
    page.goto(server + "/dyad?a=PAK&b=BLR")
    page.locator("table.events tr", has_text="arrives").locator("a.cameo", has_text="042").first.click()
    page.wait_for_selector("#sentence mark.trigger")
    assert page.locator("#sentence mark.trigger").inner_text() == "arrives"
    assert page.locator("#sentence mark.actor.source").inner_text() == "Belarus FM"
    _shot(page, "event")
    page.click("#article-link")
    page.wait_for_selector("#article-text")
    assert "Islamabad" in page.locator("#article-text").inner_text()
    _shot(page, "article")


def test_search_returns_results(page, server):
    page.goto(server + "/")
    page.fill("header input[name=q]", "minister")
    page.click("header form.search button")
    page.wait_for_selector("#result-count")
    assert page.locator("table.events tbody tr").count() >= 1
    found = page.locator("#result-count").inner_text()  # "N events found."
    assert int(found.split()[0]) >= 1, found
    _shot(page, "search")


def test_script_in_an_article_does_not_run(page, server):
    page.goto(server + "/events?q=Minsk+on+Tuesday")
    page.locator("table.events a.cameo").first.click()
    page.click("#article-link")
    page.wait_for_selector("#article-text")
    assert "<script>" in page.locator("#article-text").inner_text()  # shown as text
    assert "<script>" in page.locator("h1").inner_text()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert not page.dialogs
    _shot(page, "hostile-article")
