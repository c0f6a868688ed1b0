"""The slimmed site (generator/site/slim.py): Material's stylesheet cut to the rules the site can use styles
every element exactly as the full stylesheet does, and search loads its engine only when the reader searches.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import material
import pytest
from playwright.sync_api import expect

from generator.site.slim import names_in_use, page as slim_page, slim, used_css

from browsing import SETTLE, open_settled
from support import REPO

MATERIAL_CSS = next((Path(material.__file__).parent / "templates" / "assets" / "stylesheets").glob("main.*.min.css"))
ENGINE = ("lunr.", ".full.js")


def test_rules_no_element_can_match_are_dropped():
    css = (":root{--used:red;--chain:var(--used);--unused:blue;--own:green}"
           ".a{color:var(--chain)}.b{color:red}.a .b,.a>.c{margin:0}.x:not(.b){padding:0}"
           "[data-y=z]{top:0}[data-q]{left:0}details[open]{right:0}"
           "@media screen{.b{color:blue}.a{color:green}}@keyframes k{0%{opacity:0}}")
    out = used_css(css, {"a", "c", "x", "data-y", "open"}, keep_properties=".o{color:var(--own)}")
    assert ".a{color:var(--chain)}" in out and ".a>.c{margin:0}" in out and ".x:not(.b){padding:0}" in out
    assert "[data-y=z]{top:0}" in out and "details[open]{right:0}" in out and "@keyframes k" in out
    assert "@media screen{.a{color:green}}" in out
    assert ".b{" not in out and ".a .b" not in out and "[data-q]" not in out
    assert "--used:red" in out and "--chain:var(--used)" in out and "--own:green" in out
    assert "--unused" not in out


def test_names_in_use_come_from_pages_and_script_strings(tmp_path):
    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_text('<div class="one two" id="three" data-four="x"><p hidden>a > b</p></div>',
                                         encoding="utf-8")
    (tmp_path / "assets" / "app.js").write_text('el.className = "five"; const six = 7;', encoding="utf-8")
    names = names_in_use(tmp_path)
    assert {"div", "one", "two", "three", "data-four", "hidden", "five", "open"} <= names
    assert "six" not in names, "identifiers are not class names; only string literals count"


def test_a_page_keeps_only_the_site_scripts_it_uses_and_one_render_blocking_stylesheet():
    head = ('<head><link rel="stylesheet" href="../assets/stylesheets/main.0a1b.min.css">\n'
            '<link rel="stylesheet" href="../assets/scheme.css">\n<link rel="stylesheet" href="../assets/print.css">')
    html = (head + '</head><body><form data-module="quiz"></form>\n'
            '<script src="../assets/javascripts/bundle.1.min.js"></script>\n'
            '<script src="../assets/checklist.js"></script>\n<script src="../assets/quiz.js"></script>\n</body>')
    out = slim_page(html)
    assert 'assets/quiz.js' in out and 'assets/checklist.js' not in out and "bundle.1.min.js" in out
    assert '<link rel="stylesheet" href="../assets/print.css" media="print">' in out
    assert "assets/scheme.css" not in out and "main.0a1b.min.css" in out, "scheme.css comes inside Material's"
    without_material = html.replace('<link rel="stylesheet" href="../assets/stylesheets/main.0a1b.min.css">', "")
    assert "assets/scheme.css" in slim_page(without_material), "kept when there is no Material stylesheet to carry it"


def test_each_built_page_loads_only_the_scripts_it_uses(built_site):
    for name in ("index.html", "tjek-borger.html", "ambassadoeruddannelse-hvem.html", "ar/tjek-borger.html"):
        html = (built_site / name).read_text(encoding="utf-8")
        for module in ("checklist", "quiz"):
            assert (f'src="assets/{module}.js"' in html) == (f'data-module="{module}"' in html), (name, module)
        assert 'href="assets/print.css" media="print"' in html and 'href="assets/scheme.css"' not in html
        assert '<link rel="icon" type="image/svg+xml" href="data:image/svg+xml,' in html, "the favicon costs no request"


def test_slimming_twice_keeps_the_real_search_worker(tmp_path):
    workers = tmp_path / "assets" / "javascripts" / "workers"
    styles = tmp_path / "assets" / "stylesheets"
    workers.mkdir(parents=True)
    styles.mkdir(parents=True)
    (workers / "search.abc.min.js").write_text("/* the real worker */", encoding="utf-8")
    (styles / "main.abc.min.css").write_text(".used{color:red}.unused{color:blue}", encoding="utf-8")
    (tmp_path / "index.html").write_text('<p class="used">x</p>', encoding="utf-8")
    (tmp_path / "assets" / "scheme.css").write_text(".own{color:green}", encoding="utf-8")
    slim(tmp_path)
    slim(tmp_path)  # e.g. a second build into the same folder
    assert (workers / "search.abc.min.full.js").read_text(encoding="utf-8") == "/* the real worker */"
    assert '"search.abc.min.full.js"' in (workers / "search.abc.min.js").read_text(encoding="utf-8")
    css = (styles / "main.abc.min.css").read_text(encoding="utf-8")
    assert css.startswith(".used{color:red}") and css.endswith(".own{color:green}") and css.count(".own") == 1
    assert sorted(p.name for p in tmp_path.rglob("*.tmp")) == [], "no temporary files left"


def test_the_built_site_ships_a_smaller_stylesheet_and_a_search_stand_in(built_site):
    for root in (built_site, built_site / "en", built_site / "ar"):
        slim = next((root / "assets" / "stylesheets").glob("main.*.min.css")).read_bytes()
        scheme = (root / "assets" / "scheme.css").read_bytes()
        assert slim.endswith(scheme), "the site's own stylesheet comes last, as its link did"
        material = len(gzip.compress(MATERIAL_CSS.read_bytes()))
        cut = slim[:slim.index(b"/* The site's own stylesheet")]
        assert len(gzip.compress(cut)) < 0.7 * material, "Material's part cut to what the pages use"
        assert len(gzip.compress(slim)) < material, "with the site's own stylesheet in it, still smaller"
        workers = root / "assets" / "javascripts" / "workers"
        stand_in = next(p for p in workers.glob("search.*.min.js"))
        assert "started when the reader first searches" in stand_in.read_text(encoding="utf-8")
        assert (workers / (stand_in.name[:-3] + ".full.js")).exists()


@pytest.mark.parametrize("name,query", [("index.html", "kooperativ"), ("en/index.html", "cooperative")])
def test_search_loads_its_engine_only_when_the_reader_searches(page, base_url, name, query):
    requested = []
    page.context.on("request", lambda request: requested.append(request.url))
    open_settled(page, f"{base_url}/{name}")
    assert not [url for url in requested if any(part in url for part in ENGINE)], "nothing before a search"
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").press_sequentially(query)
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    assert any(".full.js" in url for url in requested)
    assert name.startswith("en/") or any("lunr." in url for url in requested), "and the Danish language files"
    assert page.locator('.md-search-result__item a[href*="tjek-"]').count() > 0


# Every element's computed style (and that of its ::before and ::after), as one line per element. Custom
# properties are left out: the slimmed stylesheet drops those no rule reads, and what they do shows in the rest.
# A ::before or ::after whose content is 'none' is not generated (CSS 2, 12.1), so nothing else of its style can
# show: it is recorded by its content alone, which still tells a pseudo-element the slimmed stylesheet lost.
# Inside a closed <details> the content is skipped by the browser (content-visibility: hidden): its sizes are then
# whatever layout last ran, if any (0px on one load, 330px on the next), so for those elements the properties
# that are sizes of the laid-out box are left out; everything else of their style is compared.
# An element's margins are read as computed ('auto', '0.6rem' in px), not as getComputedStyle's used values: an
# auto margin's used value depends on which layout pass Chromium last ran (the header's centring margin read 0px
# on one load and 30px on the next under CI's load), while a margin rule the slimmed stylesheet lost still shows.
STYLES = """
() => {
  const layoutSizes = new Set(['width', 'height', 'block-size', 'inline-size', 'transform-origin',
                               'perspective-origin']);
  return [...document.querySelectorAll('body *')].map(el => {
    const line = [el.tagName, el.className && el.className.baseVal === undefined ? el.className : ''];
    const computed = el.computedStyleMap();
    const skipped = !el.checkVisibility({contentVisibilityAuto: true}) && !!el.closest('details:not([open])');
    for (const pseudo of [null, '::before', '::after']) {
      const style = getComputedStyle(el, pseudo);
      if (pseudo && style.getPropertyValue('content') === 'none') {
        line.push(pseudo + ' content:none');
        continue;
      }
      for (let i = 0; i < style.length; i++) {
        const name = style[i];
        if (name.startsWith('--') || (skipped && layoutSizes.has(name))) continue;
        const value = !pseudo && name.startsWith('margin') ? String(computed.get(name)) : style.getPropertyValue(name);
        line.push(name + ':' + value);
      }
    }
    return line.join(';');
  });
}
"""
STATES = {
    "checklist at a result, desktop": ("tjek-medarbejder.html#svar=interesse:yes;ejerform:alene;status:"
                                       "foertidspension;restarbejdsevne:yes;afklaring:yes", (1280, 800), None),
    "checklist at a result, phone": ("tjek-borger.html#svar=egen-virksomhed:yes;ejere:1;revalidering:unknown;"
                                     "ydelse:andet", (375, 667), None),
    "start page, phone, drawer open": ("index.html", (375, 667), "drawer"),
    "training page after a quiz answer": ("ambassadoeruddannelse-hvem.html", (1280, 800), "quiz"),
    "search with results": ("index.html", (1280, 800), "search"),
    "Arabic checklist, desktop": ("ar/tjek-borger.html", (1280, 800), None),
}


def _styles_in_state(page, base_url, target, size, action):
    page.set_viewport_size(dict(zip(("width", "height"), size)))
    open_settled(page, f"{base_url}/{target}")
    if action == "drawer":
        page.locator("label.md-header__button[for=__drawer]").click()
    elif action == "quiz":
        form = page.locator("form.quiz").first
        form.locator("input[type=radio]").first.check()
        form.locator("[data-action=check]").click()
    elif action == "search":
        page.locator(".md-search__input").click()
        page.locator(".md-search__input").press_sequentially("revalidering")
        expect(page.locator(".md-search-result__item").first).to_be_visible()
    page.evaluate(SETTLE)
    return page.evaluate(STYLES)


@pytest.mark.parametrize("state", list(STATES))
def test_the_slimmed_stylesheet_styles_every_element_as_materials_full_one(page, base_url, state):
    target, size, action = STATES[state]
    slimmed = _styles_in_state(page, base_url, target, size, action)
    full_css = MATERIAL_CSS.read_bytes() + b"\n" + (REPO / "generator" / "site" / "assets" / "scheme.css").read_bytes()
    page.route("**/assets/stylesheets/main.*.min.css",
               lambda route: route.fulfill(body=full_css, content_type="text/css"))
    full = _styles_in_state(page, base_url, target, size, action)
    assert len(slimmed) == len(full) > 100
    differ = [(n, a[:80], sorted(set(a.split(";")) ^ set(b.split(";")))[:6])
              for n, (a, b) in enumerate(zip(slimmed, full)) if a != b]
    assert not differ, f"{len(differ)} elements styled differently:\n" + "\n".join(map(str, differ[:10]))
