"""Languages: every language's site is complete, the switcher keeps the page, Arabic mirrors, notices are honest,
and `check` refuses a translation that changes a placeholder or a link."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po
from bs4 import BeautifulSoup

from support import REPO, RULES, all_pages, language_pages
from generator import i18n
from generator.scheme.loader import load
from generator.scheme.problems import InputError

RULES_MODEL = load(RULES)
SHOTS = REPO / "build" / "screenshots"


def soup(site: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((site / name).read_text(encoding="utf-8"), "html.parser")


def switcher(doc: BeautifulSoup) -> dict[str, str]:
    return {a["data-language"]: a["href"] for a in doc.select("a.md-select__link[data-language]")}


def test_every_language_has_its_pages_and_none_is_empty(built_site):
    for lang in RULES_MODEL.languages:
        names = language_pages(lang.code)
        assert names, lang.code
        for name in names:
            doc = soup(built_site, name)
            article = doc.select_one("article.md-content__inner")
            assert doc.html["lang"] == lang.code, name
            assert article.h1 and len(article.get_text(" ", strip=True)) > 100, f"{name} is (nearly) empty"
    arabic = {lang.code: lang for lang in RULES_MODEL.languages}["ar"]
    assert len(language_pages("ar")) == len(arabic.pages), "Arabic has exactly its citizen pages"
    assert "ar/tjek-borger.html" in language_pages("ar")


@pytest.mark.parametrize("name", all_pages())
def test_switcher_links_to_the_same_page_in_each_language(built_site, name):
    links = switcher(soup(built_site, name))
    assert set(links) == {"da"} | {lang.code for lang in RULES_MODEL.languages}
    for code, href in links.items():
        target = (built_site / name).parent / href
        assert target.exists(), (name, code, href)
        expected = name if code == "da" else (f"{code}/{name}" if f"{code}/{name}" in language_pages(code)
                                               else f"{code}/index.html")
        assert target.resolve() == (built_site / expected).resolve(), (name, code)
        # …and back: the page in that language links to this one.
        if expected != f"{code}/index.html" or name == "index.html":
            back = switcher(soup(built_site, expected))["da"]
            assert ((built_site / expected).parent / back).resolve() == (built_site / name).resolve()


def test_arabic_pages_are_right_to_left_and_english_left_to_right(built_site):
    for name in language_pages("ar"):
        doc = soup(built_site, name)
        assert doc.html["lang"] == "ar" and doc.body["dir"] == "rtl", name
    for name in language_pages("en"):
        assert soup(built_site, name).body["dir"] == "ltr", name


def test_links_to_pages_not_in_arabic_go_to_the_danish_page(built_site):
    doc = soup(built_site, "ar/tjek-borger.html")
    legal = [a["href"] for a in doc.select("a[href*='lovgrundlag']")]
    assert legal, "the citizen checklist links to the legal basis"
    for href in legal:
        target = (built_site / "ar" / href.split("#")[0]).resolve()
        assert target == (built_site / "lovgrundlag.html").resolve(), href


def test_pages_with_unreviewed_or_missing_translations_say_so(built_site):
    for code in [lang.code for lang in RULES_MODEL.languages]:
        for name in language_pages(code):
            notice = soup(built_site, name).select_one(".notice-translation")
            catalog = i18n.read_catalog(REPO / "translations", code)
            everything_reviewed = all(m.string and not m.fuzzy for m in catalog if m.id)
            if not everything_reviewed:
                assert notice is not None, f"{name} shows unreviewed or Danish text without saying so"
            if notice is not None:
                assert "Denne side er oversat" not in notice.get_text(), f"{name}: the notice itself is in Danish"
                kinds = notice["data-translation"].split()
                assert kinds and set(kinds) <= {"unreviewed", "fallback"}
                danish = notice.select_one("a[hreflang=da]")["href"]
                assert ((built_site / name).parent / danish).resolve() == (
                    built_site / name.split("/", 1)[1]).resolve(), "the notice links to the Danish page"


def test_danish_pages_have_no_translation_notice(built_site):
    for name in all_pages():
        assert soup(built_site, name).select_one(".notice-translation") is None, name


def test_switcher_in_the_browser_keeps_the_page(page, base_url):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{base_url}/processen.html")
    choose_language(page, "en")
    assert page.url == f"{base_url}/en/processen.html"
    assert page.locator("html").get_attribute("lang") == "en"
    page.screenshot(path=str(SHOTS / "en-processen-desktop.png"), full_page=False)
    choose_language(page, "ar")
    assert page.url == f"{base_url}/ar/processen.html"
    assert page.locator("body").get_attribute("dir") == "rtl"
    choose_language(page, "da")
    assert page.url == f"{base_url}/processen.html"


def choose_language(page, code: str) -> None:
    """Open the header's language menu from the keyboard and follow the entry for `code`."""
    page.locator(".md-header .md-select button").focus()
    link = page.locator(f".md-header a.md-select__link[data-language={code}]")
    link.wait_for(state="visible")
    with page.expect_navigation(wait_until="load"):
        link.click()


def test_arabic_layout_mirrors(page, base_url):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{base_url}/ar/borger.html")
    nav = page.locator(".md-sidebar--primary").bounding_box()
    content = page.locator("article.md-content__inner").bounding_box()
    assert nav["x"] > content["x"], "the navigation is on the right in Arabic"
    notice = page.locator(".md-typeset .notice").first
    style = notice.evaluate("n => [getComputedStyle(n).borderRightWidth, getComputedStyle(n).borderLeftWidth]")
    assert style[0] != "0px" and style[1] == "0px", "the notice's bar is on the reading side (right)"
    page.screenshot(path=str(SHOTS / "ar-borger-desktop.png"), full_page=False)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{base_url}/ar/tjek-borger.html#svar=egen-virksomhed:yes;ejere:1;revalidering:yes")
    page.wait_for_selector("[data-outcome]:not([data-outcome=''])")
    page.screenshot(path=str(SHOTS / "ar-tjek-borger-phone.png"), full_page=True)


# --- check and the catalogues ------------------------------------------------------------------------------


@pytest.fixture()
def scheme_copy(tmp_path) -> Path:
    for name in ("rules.yaml", "mkdocs.yml"):
        shutil.copy(REPO / name, tmp_path / name)
    for folder in ("content", "scenarios", "translations", "overrides", "sources"):
        if (REPO / folder).exists():
            shutil.copytree(REPO / folder, tmp_path / folder)
    (tmp_path / "generator").symlink_to(REPO / "generator")  # mkdocs.yml names its hook by a relative path
    return tmp_path


def run(*args, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True,
                          env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1"})


def edit_catalog(folder: Path, code: str, change) -> None:
    path = folder / "translations" / f"{code}.po"
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=code)
    change(catalog)
    with path.open("wb") as handle:
        write_po(handle, catalog, width=0)


def test_check_reports_coverage_per_language(scheme_copy):
    result = run("check", cwd=scheme_copy)
    assert result.returncode == 0, result.stdout + result.stderr
    for lang in RULES_MODEL.languages:
        assert f"translation {lang.code}: " in result.stdout
        assert "texts translated (" in result.stdout


@pytest.mark.parametrize("broken", ["placeholder", "link"])
def test_check_fails_on_a_translation_that_changes_a_placeholder_or_a_link(scheme_copy, broken):
    """A changed link is reported by `check`; a placeholder the Danish text does not have could not be filled in
    at all, so the catalogue is refused at the entry's line (by `check` and by every other command)."""
    message = "Skriv %(n)s fra https://example.org/a"

    def add(catalog):
        catalog.add(message, "Write %(m)s from https://example.org/a" if broken == "placeholder"
                    else "Write %(n)s from https://example.org/b")
    edit_catalog(scheme_copy, "en", add)
    if broken == "placeholder":
        with pytest.raises(InputError) as caught:
            i18n.read_catalog(scheme_copy / "translations", "en")
        assert "uses %(m)s, which the Danish text does not have" in str(caught.value)
        result = run("check", cwd=scheme_copy)
        assert result.returncode == 1 and "en.po:" in result.stderr and "%(m)s" in result.stderr
        assert "Traceback" not in result.stderr
        return
    wanted = [(None, message)]
    cov = i18n.coverage("en", wanted, i18n.read_catalog(scheme_copy / "translations", "en"))
    assert len(cov.broken) == 1 and broken in cov.broken[0], cov.broken
    # …and through `check` when the broken entry is one the site shows:
    shown = next(m for m in i18n.read_catalog(scheme_copy / "translations", "en") if m.id and m.context)

    def spoil(catalog):
        entry = catalog.get(shown.id, context=shown.context)
        entry.string = (entry.string or shown.id) + " https://evil.example/"
    edit_catalog(scheme_copy, "en", spoil)
    result = run("check", cwd=scheme_copy)
    assert result.returncode == 1, result.stdout
    assert f"ERROR   translation en: {shown.context}" in result.stdout
    assert "links" in result.stdout


def test_check_reports_a_translation_that_drops_a_placeholder(scheme_copy):
    """A translation without the Danish text's placeholder can be shown (the value is just missing): `check`
    reports it."""
    shown = next(m for m in i18n.read_catalog(scheme_copy / "translations", "en")
                 if m.id and not m.context and "%(" in m.id and m.string)

    def spoil(catalog):
        catalog.get(shown.id).string = "Nothing to fill in"
    edit_catalog(scheme_copy, "en", spoil)
    result = run("check", cwd=scheme_copy)
    assert result.returncode == 1, result.stdout
    assert "placeholders" in result.stdout


def test_update_keeps_translations_and_retires_those_of_changed_texts(scheme_copy):
    context, text = i18n.texts(RULES_MODEL)[1]
    edit_catalog(scheme_copy, "en", lambda c: setattr(c.get(text, context=context), "string", "Kept translation"))
    rules = (scheme_copy / "rules.yaml").read_text(encoding="utf-8")
    shown = i18n.read_catalog(scheme_copy / "translations", "en")
    other_context, other_text = next((c, t) for c, t in i18n.texts(RULES_MODEL)[2:]
                                     if rules.count(t) == 1 and f": {t}\n" in rules
                                     and shown.get(t, context=c) is not None)
    edit_catalog(scheme_copy, "en", lambda c: setattr(c.get(other_text, context=other_context), "string", "Old"))
    (scheme_copy / "rules.yaml").write_text(rules.replace(other_text, other_text + " Ny sætning."), encoding="utf-8")
    assert run("translations", cwd=scheme_copy).returncode == 0
    assert run("translations", cwd=scheme_copy).returncode == 0, "a second run keeps the obsolete entries too"
    catalog = i18n.read_catalog(scheme_copy / "translations", "en")
    assert catalog.get(text, context=context).string == "Kept translation"
    changed = catalog.get(other_text + " Ny sætning.", context=other_context)
    assert changed is not None and changed.string == "", "a changed Danish text needs a new translation"
    assert any(m.string == "Old" for m in catalog.obsolete.values()), "the old translation is kept as obsolete"


def test_missing_translation_falls_back_to_danish_with_a_notice(scheme_copy, tmp_path):
    edit_catalog(scheme_copy, "en", lambda c: [setattr(m, "string", "") for m in c if m.id])
    out = tmp_path / "site"
    result = run("build", "--site-dir", str(out), cwd=scheme_copy)
    assert result.returncode == 0, result.stderr
    doc = soup(out, "en/borger.html")
    notice = doc.select_one(".notice-translation")
    assert notice is not None and "fallback" in notice["data-translation"].split()
    audience = next(a for a in RULES_MODEL.audiences if a.id == "borger")
    assert doc.select_one("article h1").get_text(strip=True).startswith(audience.title), "Danish text, not empty"
