"""The preview's incremental rebuilds (`site.preview`, `site.hook`): an edit re-renders only the pages it changes,
and the site it leaves is the site a full build makes, with real MkDocs and the real plugin."""

from __future__ import annotations

import gzip
import json
import logging
from pathlib import Path

import pytest

from projects import copy_of_repo_scheme

SERVE_URL = "http://127.0.0.1:8000/"


class _Rendered(logging.Handler):
    """The pages MkDocs renders, from its own debug log ('Building page <path>')."""

    def __init__(self):
        super().__init__(logging.DEBUG)
        self.pages: list[str] = []

    def emit(self, record):
        message = record.getMessage()
        if message.startswith("Building page "):
            self.pages.append(message[len("Building page "):])


@pytest.fixture
def serving(monkeypatch):
    """Builds as `serve` makes them (serve_url, the plugin told it is serving with incremental builds); the
    hook's memory of them is forgotten afterwards, so other tests in this process build as usual."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from generator.site import hook

    monkeypatch.delenv("SCHEME_RULES", raising=False)
    logger = logging.getLogger("mkdocs.commands.build")
    rendered, level = _Rendered(), logger.level
    logger.addHandler(rendered)
    logger.setLevel(logging.DEBUG)

    def run(project: Path, site_dir: Path, *, dirty: bool) -> list[str]:
        config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site_dir))
        config.plugins.on_startup(command="serve", dirty=False)  # as site.preview does
        config.site_url = SERVE_URL
        rendered.pages.clear()
        build(config, serve_url=SERVE_URL, dirty=dirty)
        return list(rendered.pages)

    try:
        yield run
    finally:
        logger.removeHandler(rendered)
        logger.setLevel(level)
        hook.on_startup("build", False)
        hook.on_build_error(None)


def _site(folder: Path) -> dict[str, object]:
    """Every file of a built site by path; the search index as its set of entries (their order is not
    meaningful) and the sitemap unzipped (gzip stamps the time)."""
    found: dict[str, object] = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        name = path.relative_to(folder).as_posix()
        data = path.read_bytes()
        if name == "search/search_index.json":
            index = json.loads(data)
            docs = index.pop("docs")
            found[name] = (index, sorted(json.dumps(d, sort_keys=True) for d in docs))
        elif name.endswith(".gz"):
            found[name] = gzip.decompress(data)
        else:
            found[name] = data
    return found


def _assert_same_site(preview, full) -> None:
    """The preview after its incremental rebuild is the site a full build makes, file for file."""
    a, b = _site(preview), _site(full)
    differ = sorted(name for name in set(a) | set(b) if a.get(name) != b.get(name))
    assert not differ, f"the incrementally rebuilt preview differs from a full build in: {differ[:10]}"


def test_a_content_edit_renders_only_that_page_and_leaves_the_site_a_full_build_makes(tmp_path, serving):
    project = copy_of_repo_scheme(tmp_path / "project")
    preview = tmp_path / "preview"
    first = serving(project, preview, dirty=False)
    assert "om-siden.md" in first and len(first) > 20, first
    stylesheet = next((preview / "assets" / "stylesheets").glob("main.*.min.css"))
    assert ".bug" not in stylesheet.read_text(encoding="utf-8"), "no page uses the 'bug' admonition yet"

    page = project / "content" / "om-siden.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n!!! bug \"Rettet i testen\"\n    Et nyt afsnit.\n",
                    encoding="utf-8")
    again = serving(project, preview, dirty=True)

    assert again == ["om-siden.md"], "only the edited page is rendered again"
    assert "Rettet i testen" in (preview / "om-siden.html").read_text(encoding="utf-8")
    assert ".bug" in stylesheet.read_text(encoding="utf-8"), "the slimmed stylesheet has the rules the edit needs"
    full = tmp_path / "full"
    serving(project, full, dirty=False)
    assert _site(preview) == _site(full)


def test_a_rules_edit_renders_only_the_pages_whose_markdown_changed(tmp_path, serving):
    project = copy_of_repo_scheme(tmp_path / "project")
    preview = tmp_path / "preview"
    serving(project, preview, dirty=False)
    rules = project / "rules.yaml"
    text = rules.read_text(encoding="utf-8")
    old = "Et mikrolån kan hjælpe dig med at starte din egen virksomhed."
    rules.write_text(text.replace(old, old + " Rettet i testen.", 1), encoding="utf-8")

    again = serving(project, preview, dirty=True)

    assert sorted(again) == ["index.md", "om-ordningen.md"], "the two pages that show the scheme's summary"
    assert any("Rettet i testen." in (preview / p.replace(".md", ".html")).read_text(encoding="utf-8")
               for p in again)
    full = tmp_path / "full"
    serving(project, full, dirty=False)
    _assert_same_site(preview, full)


def test_a_navigation_change_renders_every_page_and_removes_a_page_that_is_gone(tmp_path, serving):
    project = copy_of_repo_scheme(tmp_path / "project")
    extra = project / "content" / "ekstra.md"
    extra.write_text("# Ekstra\n\nEn side mere.\n", encoding="utf-8")
    preview = tmp_path / "preview"
    first = serving(project, preview, dirty=False)
    assert (preview / "ekstra.html").is_file()

    extra.unlink()
    again = serving(project, preview, dirty=True)

    assert sorted(again) == sorted(p for p in first if p != "ekstra.md"), "the navigation of every page changed"
    assert not (preview / "ekstra.html").exists()
    full = tmp_path / "full"
    serving(project, full, dirty=False)
    _assert_same_site(preview, full)
