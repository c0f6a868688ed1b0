"""Every built page in real headless Chromium: it renders, has a Content-Security-Policy, makes no request to
any other origin, writes no cookies or storage, and logs no errors (CSP violations included)."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from browsing import open_settled
from support import REPO, all_pages, language_pages, not_found_pages

SHOTS = REPO / "build" / "screenshots"
SCREENSHOT_PAGES = {"index.html", "borger.html", "medarbejder.html", "partner.html", "processen.html",
                    "trappetrinsmodellen.html", "maal-og-budget.html", "en/index.html", "ar/index.html",
                    "ar/tjek-borger.html"}


PAGES = all_pages() + language_pages("en") + language_pages("ar") + not_found_pages()


@pytest.mark.parametrize("name", PAGES)
def test_page_is_private_and_renders_without_errors(page, base_url, name, summary):
    errors, foreign, own = [], [], []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    def seen(req):
        host = urlsplit(req.url).netloc
        if req.url.startswith("data:"):
            return
        (own if host == urlsplit(base_url).netloc else foreign).append(req.url)

    page.on("request", seen)
    page.set_viewport_size({"width": 1280, "height": 900})
    open_settled(page, f"{base_url}/{name}")   # loaded, every script of the page has run, nothing moves
    assert page.locator("h1").first.is_visible()
    csp = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    assert "default-src 'self'" in csp and "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp
    assert not errors, errors
    assert not foreign, foreign
    storage = page.evaluate("() => [localStorage.length, sessionStorage.length, document.cookie]")
    assert storage == [0, 0, ""], "the site stores nothing about the reader"
    assert page.context.cookies() == []
    summary("requests per page (all to the site's own origin, 0 to any other)", f"{name}: {len(own)}")
    if name in SCREENSHOT_PAGES:
        SHOTS.mkdir(parents=True, exist_ok=True)
        stem = name[:-5].replace("/", "-")
        page.screenshot(path=str(SHOTS / f"desktop-{stem}.png"), full_page=True)
        page.set_viewport_size({"width": 390, "height": 844})
        page.screenshot(path=str(SHOTS / f"phone-{stem}.png"), full_page=True)


def test_report_requests_per_page(built_site):
    """Every page the build wrote is opened above (the list is made before the build); their request counts are
    put on record by the `summary` fixture."""
    built = {p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html")}
    assert built == set(PAGES), (sorted(built - set(PAGES)), sorted(set(PAGES) - built))


def test_search_runs_locally_and_stores_nothing(page, base_url):
    foreign = []
    page.on("request", lambda r: foreign.append(r.url) if urlsplit(r.url).netloc not in
            ("", urlsplit(base_url).netloc) and not r.url.startswith("data:") else None)
    page.goto(f"{base_url}/index.html")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator(".md-search__input").press_sequentially("kooperativ")
    page.wait_for_selector(".md-search-result__item")
    assert page.locator(".md-search-result__item").count() > 0
    assert not foreign
    assert page.evaluate("() => [localStorage.length, sessionStorage.length, document.cookie]") == [0, 0, ""]


def test_every_page_footer_links_to_the_accessibility_statement(page, base_url):
    for name in all_pages():
        page.goto(f"{base_url}/{name}")
        link = page.locator('footer a[data-footer="accessibility"]')
        assert link.inner_text().strip() == "Tilgængelighedserklæring", name
    link.click()
    assert page.locator("h1").first.inner_text().startswith("Tilgængelighedserklæring")


def test_audience_cards_are_reachable_by_keyboard(page, base_url):
    page.goto(f"{base_url}/index.html")
    hrefs = []
    for _ in range(60):
        page.keyboard.press("Tab")
        href = page.evaluate("document.activeElement.closest('.audience-card') && "
                             "document.activeElement.getAttribute('href')")
        if href and href not in hrefs:
            hrefs.append(href)
    assert hrefs == ["borger.html", "medarbejder.html", "partner.html"]


def test_site_opened_from_disk_still_runs_its_checklists(page, built_site):
    """make site says: open site/index.html. The policy must not block scripts there."""
    errors = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.goto((built_site / "tjek-partner.html").as_uri())
    page.check('input[name="interesse"][value="no"]')
    page.check('input[name="ydelse"][value="kontanthjaelp"]')
    assert page.locator("[data-outcome]").get_attribute("data-outcome") == "ikke-nu"
    assert not [e for e in errors if "Content Security Policy" in e], errors
