"""The web UI in a real browser: Debian's Chromium, headless, driven by Playwright against a real uvicorn.

Opens the story list, the two-outlet story (both outlets side by side, the differences), follows an entity,
opens an article and searches; keeps a screenshot of each page in test-artifacts/. Playwright's own browser
download is never used: ``executable_path`` points at /usr/bin/chromium (``apt-get install chromium``).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's Chromium at /usr/bin/chromium: apt-get install chromium"
    ),
]

playwright_api = pytest.importorskip("playwright.sync_api", reason="needs the playwright package (pip)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def base_url(nlp_db: Path) -> Iterator[str]:
    import uvicorn

    from svodka.web.app import create_app

    port = free_port()
    app = create_app(str(nlp_db), word_vectors=False)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start within 20 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
            ],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ru-RU")
    tab = context.new_page()
    problems: list[str] = []
    tab.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None)
    tab.on("pageerror", lambda e: problems.append(str(e)))
    tab.problems = problems
    yield tab
    context.close()


def shot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_list_story_entity_article_search(page: Any, base_url: str) -> None:
    page.goto(base_url + "/")
    assert page.locator("h1").inner_text() == "Сюжеты"
    first = page.locator(".story-card").first
    assert "vestnik-test.ru" in first.inner_text() and "sibir-daily.ru" in first.inner_text()
    assert "2 источника" in first.inner_text()
    shot(page, "01-story-list")

    first.locator("h2 a").click()
    page.wait_for_url("**/stories/**")
    columns = page.locator(".column")
    assert columns.count() == 2
    outlets = {columns.nth(i).locator(".badge").first.inner_text() for i in range(2)}
    assert outlets == {"vestnik-test.ru", "sibir-daily.ru"}
    assert page.locator(".columns .hl-diff").count() >= 2  # the differing claim marked in both texts
    differences = page.locator(".diff-card")
    assert differences.count() >= 1
    numbers = differences.filter(has_text="15").first.inner_text()
    assert "12" in numbers and "15" in numbers
    place = differences.filter(has_text="в мэрии Новосибирска").first.inner_text()
    assert "в загородной резиденции" in place  # the place difference, told about in Russian
    assert page.locator(".tone-card").count() == 2
    shot(page, "02-story")

    page.locator(".chips a.chip", has_text="Андрей Соколов").first.click()
    page.wait_for_url("**/entities/**")
    assert page.locator("h1").inner_text() == "Андрей Соколов"
    assert page.locator("svg.bars rect.bar").count() >= 1
    assert page.locator(".quote").count() >= 1  # his quote about the bridge
    shot(page, "03-entity")

    page.locator(".member-list a").first.click()
    page.wait_for_url("**/stories/**")
    page.locator(".member-list a", has_text="Соколов и Белова").click()
    page.wait_for_url("**/articles/**")
    assert page.locator(".article-text a.ent").count() >= 2
    assert page.locator(".article-text .hl-quote").count() >= 1
    shot(page, "04-article")

    page.fill(".top-search input", "соглашений")
    page.press(".top-search input", "Enter")
    page.wait_for_url("**/search?q=*")
    assert page.locator(".article-card").count() == 2
    assert page.locator(".article-card mark").count() == 2
    shot(page, "05-search")
    assert not [p for p in page.problems if "Content Security Policy" in p or "Refused" in p], page.problems


def test_english_switch(page: Any, base_url: str) -> None:
    page.goto(base_url + "/")
    page.locator(".lang-switch").click()
    page.wait_for_url("**lang=en**")
    assert page.locator("h1").inner_text() == "Stories"
    page.goto(base_url + "/search")
    assert page.locator("h1").inner_text() == "Search"  # remembered in a cookie
    shot(page, "06-english")


def test_hostile_article_does_not_run(page: Any, base_url: str) -> None:
    page.goto(base_url + "/articles/x-1")
    assert page.evaluate("window.__pwned === undefined")
    assert "<script>" in page.locator("h1").inner_text()  # shown as text
    assert page.locator("a.ext").count() == 0  # the javascript: URL is not linked
    shot(page, "07-hostile-article")
    page.goto(base_url + "/")
    assert page.evaluate("window.__pwned === undefined")


def test_readable_without_javascript(browser: Any, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    tab = context.new_page()
    tab.goto(base_url + "/")
    tab.locator(".story-card h2 a").first.click()
    tab.wait_for_url("**/stories/**")
    assert tab.locator(".diff-card").count() >= 1
    shot(tab, "08-story-mobile-no-js")
    context.close()
