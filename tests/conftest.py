"""Shared fixtures: the real site built once per run, served on loopback, and Debian's Chromium for Playwright."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
RULES = REPO / "rules.yaml"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def all_pages() -> list[str]:
    """Every page the real site has, as MkDocs will write it (known before the build, for parametrize)."""
    from generator.loader import load
    from generator.render import page_url
    from generator.site import pages_for

    return sorted(page_url(p, use_directory_urls=False) for p in pages_for(load(RULES), RULES, REPO / "content"))


def language_pages(code: str) -> list[str]:
    """The pages the site has in language `code` (under /<code>/), as the language switcher knows them."""
    from generator.loader import load
    from generator.site import alternates

    entry = next(e for e in alternates(load(RULES), "da", True, REPO / "content", False) if e["lang"] == code)
    return sorted(f"{code}/{url}" for url in (entry["pages"] if entry["pages"] is not None else all_pages()))


def build_site(rules: Path, config: Path, out: Path) -> Path:
    """Build a scheme with `--strict` from the repository root, as `python -m generator build` does."""
    from generator import site

    cwd = os.getcwd()
    os.chdir(REPO)
    try:
        site.build(rules, config, out)
    finally:
        os.chdir(cwd)
        os.environ.pop(site.RULES_ENV, None)
    return out


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real rules.yaml built once with `--strict`, exactly as `make site` builds it."""
    return build_site(RULES, REPO / "mkdocs.yml", tmp_path_factory.mktemp("built") / "site")


@pytest.fixture(scope="session")
def site_server(built_site):
    """Serve the built site on a loopback port for the browser tests."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def base_url(site_server):
    return site_server


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Use Debian's chromium; Playwright never downloads a browser here."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Debian's chromium is missing at {CHROMIUM}: run `make test`, which installs it.")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}
