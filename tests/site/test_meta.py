"""What search engines and Lighthouse's SEO audit read in each page's head: a description from the data on every
page in every language (the scheme's summary on the start page, the audience's teaser on an audience page, a
page's lead elsewhere), escaped like any data; and, when site_url is set, a canonical address per language.
"""

from __future__ import annotations

import html
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from generator import i18n
from generator.scheme.loader import load
from generator.site.render import description_of, with_description

from support import REPO, RULES, all_pages, build_site, language_pages, with_sources

RULES_MODEL = load(RULES)
PAGES = all_pages() + language_pages("en") + language_pages("ar")


def head(site: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((site / name).read_text(encoding="utf-8"), "html.parser")


def description(site: Path, name: str) -> str | None:
    tag = head(site, name).select_one('head meta[name="description"]')
    return tag["content"] if tag else None


def test_every_page_in_every_language_has_a_description(built_site):
    missing = [name for name in PAGES if not (description(built_site, name) or "").strip()]
    assert not missing, missing
    assert all(len(description(built_site, name)) <= 200 for name in PAGES)


def test_descriptions_come_from_the_data(built_site):
    assert description(built_site, "index.html") == " ".join(RULES_MODEL.scheme.summary.split())
    for audience in RULES_MODEL.audiences:
        assert description(built_site, f"{audience.id}.html") == " ".join(audience.teaser.split())
    checklist = RULES_MODEL.checklists[0]
    assert description(built_site, f"{checklist.id}.html") == description_of(f'<p class="lead">{checklist.intro}</p>')
    with i18n.language("ar", REPO / "translations"):
        arabic = i18n.translated(RULES_MODEL, "ar")
    assert description(built_site, "ar/index.html") == " ".join(arabic.scheme.summary.split())
    assert description(built_site, "ar/index.html") != description(built_site, "index.html")


def test_a_description_keeps_a_pages_own_front_matter_and_is_plain_text():
    page = "---\nreview: reviewed\n---\n# Titel\n\n<p class=\"lead\">Et &lt;b&gt; og &#91;x&#93; og <a href=\"y\">et link</a>.</p>\n"
    text = description_of(page)
    assert text == "Et <b> og [x] og et link."
    described = with_description(page, text)
    front = yaml.safe_load(described.split("---\n")[1])
    assert front == {"review": "reviewed", "description": text}
    assert with_description("---\ndescription: Egen.\n---\n# T\n", "Anden.") == "---\ndescription: Egen.\n---\n# T\n"


def test_a_description_is_the_pages_own_text_never_the_notice_every_page_carries():
    notice = '<div class="notice" role="note">\n<p class="notice-title">Er du i tvivl?</p>\n<p>Spørg.</p>\n</div>\n'
    facts = '<ul class="facts">\n<li class="fact" data-fact="a">Forløbet har to dele. <details class="citation">x</details></li>\n'
    assert description_of("# T\n\n" + notice + facts + "<p>Senere.</p>") == "Forløbet har to dele."
    assert description_of("# T\n\n" + notice + "<p>Egen tekst.</p>") == "Egen tekst."
    assert description_of("# T\n\n" + notice) == "Spørg.", "a page that is all notice is described by it"


def test_a_description_with_markup_characters_is_escaped_in_the_head(tmp_path):
    poisoned = tmp_path / "rules.yaml"
    text = RULES.read_text(encoding="utf-8")
    first_line = "Et mikrolån kan hjælpe dig med at starte din egen virksomhed."
    assert RULES_MODEL.scheme.summary.startswith(first_line) and first_line in text
    poisoned.write_text(text.replace(first_line, "'\"><script>alert(1)</script> " + first_line, 1), encoding="utf-8")
    for name in ("scenarios", "translations"):
        if (REPO / name).exists():
            (tmp_path / name).symlink_to(REPO / name)
    with_sources(tmp_path)
    site = build_site(poisoned, REPO / "mkdocs.yml", tmp_path / "site")
    source = (site / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in source
    assert description(site, "index.html").startswith("'\"><script>alert(1)</script>")


@pytest.fixture(scope="module")
def site_with_address(tmp_path_factory):
    """The real site built with site_url set, as a host would publish it."""
    folder = tmp_path_factory.mktemp("canonical")
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config.update(site_url="https://mikrolaan.example.dk/", docs_dir=str(REPO / "content"),
                  hooks=[str(REPO / "generator" / "mkdocs_hook.py")])
    config["theme"]["custom_dir"] = str(REPO / "overrides")
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return build_site(RULES, folder / "mkdocs.yml", folder / "site")


def canonical(site: Path, name: str) -> str | None:
    tag = head(site, name).select_one('head link[rel="canonical"]')
    return html.unescape(tag["href"]) if tag else None


def test_no_canonical_address_without_site_url(built_site):
    assert canonical(built_site, "index.html") is None


def test_every_language_has_its_own_canonical_address(site_with_address):
    base = "https://mikrolaan.example.dk/"
    assert canonical(site_with_address, "tjek-borger.html") == base + "tjek-borger.html"
    assert canonical(site_with_address, "en/tjek-borger.html") == base + "en/tjek-borger.html"
    assert canonical(site_with_address, "ar/index.html") == base + "ar/index.html"
    assert all(canonical(site_with_address, name) for name in PAGES)
