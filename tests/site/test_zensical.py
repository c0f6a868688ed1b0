"""Not locked to one engine: the same generated pages built by Zensical (Material's successor) give the same
checklists. Every answer path of every checklist is replayed in Chromium against the Zensical build."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from support import REPO, RULES, all_pages
from generator.site import zensical as engines
from parity import CHECKLISTS, replay_every_path


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("zensical") / "site"
    engines.build("zensical", RULES, REPO / "mkdocs.yml", out)
    return out


@pytest.fixture(scope="module")
def zensical_url(zensical_site):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(zensical_site))
    handler.log_message = lambda *a: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_zensical_builds_every_page_with_its_policy_and_footer(zensical_site):
    for name in all_pages():
        doc = BeautifulSoup((zensical_site / name).read_text(encoding="utf-8"), "html.parser")
        csp = doc.select_one('meta[http-equiv="Content-Security-Policy"]')
        assert csp is not None and "default-src 'self'" in csp["content"], name
        assert doc.html["lang"] == "da", name
        assert {a["data-footer"] for a in doc.select("a[data-footer]")} == {"accessibility", "privacy", "sources"}
        assert doc.select_one("article h1") is not None, name


@pytest.mark.parametrize("checklist_id", list(CHECKLISTS))
def test_every_answer_path_gives_the_same_outcome_under_zensical(page, zensical_url, checklist_id):
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    count, mismatches = replay_every_path(page, zensical_url, checklist_id)
    print(f"\nzensical {checklist_id}: {count} answer paths replayed, {len(mismatches)} mismatches")
    assert not mismatches, mismatches[:5]
    assert not errors, errors


def test_export_is_the_same_markdown_mkdocs_gets(tmp_path):
    """The exported pages are exactly what the hook hands MkDocs: one renderer, any engine."""
    from generator.scheme.loader import load
    from generator.site.render import render_all
    from generator.checklist.scenarios import load_scenarios, scenarios_dir

    engines.export(RULES, REPO / "mkdocs.yml", tmp_path)
    rules = load(RULES)
    rendered = render_all(rules, REPO / "content", use_directory_urls=False,
                          scenarios=load_scenarios(scenarios_dir(RULES), rules))
    for page in rendered:
        assert (tmp_path / "docs" / page.path).read_text(encoding="utf-8") == page.markdown, page.path
