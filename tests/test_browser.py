"""The built site in real headless Chromium: pages render, nothing is fetched from other origins."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import REPO

SHOTS = REPO / "build" / "screenshots"
PAGES = ["index.html", "borger.html", "medarbejder.html", "partner.html", "processen.html",
         "trappetrinsmodellen.html", "maal-og-budget.html"]


@pytest.mark.parametrize("name", PAGES)
def test_page_renders_without_errors_or_third_party_requests(page, base_url, name):
    errors, foreign = [], []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("request", lambda req: foreign.append(req.url)
            if urlsplit(req.url).netloc not in ("", urlsplit(base_url).netloc) and not req.url.startswith("data:")
            else None)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{base_url}/{name}")
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").first.is_visible()
    assert not errors, errors
    assert not foreign, foreign
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"desktop-{Path(name).stem}.png"), full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=str(SHOTS / f"phone-{Path(name).stem}.png"), full_page=True)


def test_audience_cards_are_reachable_by_keyboard(page, base_url):
    page.goto(f"{base_url}/index.html")
    hrefs = []
    for _ in range(60):
        page.keyboard.press("Tab")
        href = page.evaluate("document.activeElement.closest('.audience-card') && document.activeElement.getAttribute('href')")
        if href and href not in hrefs:
            hrefs.append(href)
    assert hrefs == ["borger.html", "medarbejder.html", "partner.html"]
