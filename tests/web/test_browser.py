"""The web UI in a real browser: Debian's chromium driven by Playwright, against a live server.

Screenshots go to $NEWSTRACE_SCREENSHOTS (`make screenshots` writes the README's, in
docs/screenshots), else to the test's temporary folder. Without chromium the tests
skip with a message, except where NEWSTRACE_REQUIRE_BROWSER is set (CI installs it).
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from newstrace.web.app import create_app

from .conftest import SEEDS

CHROMIUM = "/usr/bin/chromium"
if not Path(CHROMIUM).exists() or shutil.which("chromium") is None:
    if os.environ.get("NEWSTRACE_REQUIRE_BROWSER"):
        raise RuntimeError(f"{CHROMIUM} is missing and NEWSTRACE_REQUIRE_BROWSER is set")
    pytest.skip(f"no browser at {CHROMIUM} (apt-get install chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def base_url(web_db: str) -> Iterator[str]:
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(web_db), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "the server did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"]
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser, request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    opened = context.new_page()
    problems: list[str] = []
    opened.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    opened.on("pageerror", lambda error: problems.append(str(error)))
    yield opened
    context.close()
    # a Content-Security-Policy violation or a script error shows as a console error
    assert not problems, problems


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = Path(os.environ.get("NEWSTRACE_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_home_search_and_click_through_to_a_speaker_and_a_family(page, base_url: str, shots: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto(base_url + "/")
    assert page.locator("h1").inner_text().startswith("Who said what")
    page.screenshot(path=str(shots / "home.png"), full_page=True)

    page.get_by_label("Search quotes and documents").fill("dredging")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=dredging")
    assert "<script>alert(1)</script>" in page.locator("ol.quotes blockquote").first.inner_text()

    page.goto(base_url + "/")
    page.locator("ol.speakers a").first.click()
    page.wait_for_url("**/speakers/**")
    assert page.locator("svg.timeline rect.bar").count() >= 1
    assert page.locator("svg.timeline").bounding_box()["height"] > 40
    page.screenshot(path=str(shots / "speaker.png"), full_page=False)

    page.locator("a", has_text="family and wording").first.click()
    page.wait_for_url("**/families/**")
    assert page.locator("li.variant.origin").count() == 1


def test_document_page_highlights_quotes_and_shows_the_speaker_on_focus(
    page, base_url: str, shots: Path
) -> None:  # type: ignore[no-untyped-def]
    page.goto(base_url + "/quotes?kind=direct")
    page.locator("ol.quotes .cite a").first.click()
    page.wait_for_url("**/documents/**")
    quote = page.locator("section.body a.quote").first
    assert quote.is_visible()
    background = quote.evaluate("element => getComputedStyle(element).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    quote.focus()
    tip = page.locator(".tip")
    tip.wait_for(state="visible")
    assert tip.inner_text() == quote.get_attribute("data-speaker")
    assert page.locator("time.date-mention").count() >= 1
    page.locator(".removed details summary").first.click()
    assert page.locator(".removed details[open] pre").first.is_visible()
    page.screenshot(path=str(shots / "document.png"), full_page=False)


def test_story_page_and_a_phone_sized_screen(browser, base_url: str, shots: Path) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True
    )
    phone = context.new_page()
    phone.goto(base_url + "/")
    phone.locator("ol.stories a").first.click()
    phone.wait_for_url("**/stories/**")
    assert phone.locator("table tbody tr").count() >= 2
    # nothing wider than the screen but the table, which scrolls inside its own box
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390 + 1
    phone.screenshot(path=str(shots / "story-phone.png"), full_page=False)
    context.close()


def test_keyboard_reaches_the_search_box_and_the_skip_link(page, base_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(base_url + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "site-search"


@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seed pages not found at {SEEDS}")
def test_seed_family_shows_both_wordings_with_the_differences(page, base_url: str, shots: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto(base_url + "/search?q=objectives")
    page.locator("ol.quotes li", has_text="Putin").locator("a", has_text="family").first.click()
    page.wait_for_url("**/families/**")
    assert page.locator("li.variant").count() >= 2
    assert page.locator("del", has_text="goals").count() >= 1
    assert page.locator("ins", has_text="objectives").count() >= 1
    page.screenshot(path=str(shots / "family.png"), full_page=True)
