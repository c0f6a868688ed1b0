"""Text from rules.yaml can never become markup: script tags, event handlers and javascript: links put into
every kind of text field come out as inert text, in the built HTML and in the browser. The same holds for
translations: every English translation is the payload too."""

from __future__ import annotations

import copy

import pytest
import yaml
from bs4 import BeautifulSoup

from generator.scheme.model import Rules
from generator.scheme.reading import read

from browsing import open_settled
from hostile import poison, poison_sources
from support import REPO, RULES

PAYLOAD = ' </title><script>alert("x1")</script><img src=x onerror=alert("x2")><a href="javascript:alert(3)">x3</a>' \
          ' [x4](javascript:alert(4)) {: onclick="alert(5)" } *x6* `x7`'


@pytest.fixture(scope="module")
def poisoned_site(tmp_path_factory):
    from generator.site import assemble as site
    from generator.site import build as site_build

    data = read(RULES).data
    model = Rules.model_validate(data)
    poisoned = copy.deepcopy(data)
    kinds: set = set()
    count = poison(model, poisoned, kinds, PAYLOAD)
    root = tmp_path_factory.mktemp("poisoned")
    rules = root / "rules.yaml"
    rules.write_text(yaml.safe_dump(poisoned, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (root / "scenarios").mkdir()
    poison_sources(REPO / "sources", root / "sources", PAYLOAD)
    poison_translations(root / "translations")
    out = root / "site"
    site_build.build(rules, REPO / "mkdocs.yml", out)
    print(f"\nescaping: payload put into {count} text values of {len(kinds)} field kinds")
    assert len(kinds) >= 60
    for kind in ['Fact.text', 'Rule.text', 'YesNoQuestion.text', 'ChoiceQuestion.text', 'NumberQuestion.unit',
                 'Option.label', 'Outcome.title', 'Outcome.explanation',
                 'LegalExcerpt.quote', 'Source.title', 'Role.name', 'Scheme.site_title', 'Audience.intro']:
        assert kind in kinds, kind
    return out


def poison_translations(folder):
    """Every English translation (the site's own words and the scheme's texts) becomes the payload."""
    from babel.messages.pofile import read_po, write_po

    folder.mkdir()
    with (REPO / "translations" / "en.po").open("rb") as handle:
        catalog = read_po(handle, locale="en")
    for message in catalog:
        if message.id:
            message.string = PAYLOAD
    with (folder / "en.po").open("wb") as handle:
        write_po(handle, catalog)


def test_payload_is_inert_in_the_built_html(poisoned_site):
    pages = sorted(poisoned_site.rglob("*.html"))
    seen_payload = 0
    for path in pages:
        doc = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for script in doc.find_all("script"):
            if script.get("type") in ("application/json",):
                continue
            assert "alert" not in (script.string or ""), (path.name, script)
        for element in doc.find_all(True):
            events = [a for a in element.attrs if a.lower().startswith("on")]
            assert not events, (path.name, element.name, events)
            href = (element.get("href") or "").strip().lower()
            assert not href.startswith("javascript:"), (path.name, element)
        assert not doc.find("img", src="x"), path.name
        seen_payload += path.read_text(encoding="utf-8").count("x1")
    assert seen_payload > 100, "the payload is on the pages, as text"


def test_payload_shows_as_text_and_runs_nothing_in_the_browser(browser, poisoned_site):
    import functools
    import http.server
    import threading

    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(poisoned_site))
    handler.log_message = lambda *a: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    page = browser.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        for name in ["index.html", "hvem-kan-deltage.html", "trappetrinsmodellen.html", "lovgrundlag.html",
                     "tjek-borger.html#svar=egen-virksomhed:yes;ejere:3", "saadan-virker-tjeklisterne.html"]:
            open_settled(page, f"{base}/{name}")   # every script of the page has run: an injected one would have too
            assert 'alert("x1")' in page.locator("article").inner_text(), name
        assert page.locator('a[href^="javascript:" i], [onerror], [onclick]').count() == 0
    finally:
        page.close()
        server.shutdown()
    assert dialogs == []
