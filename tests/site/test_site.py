"""The built site (real rules.yaml, real `mkdocs build --strict`) states the key facts, each with its source."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from pydantic import BaseModel

from generator.scheme.loader import load
from generator.scheme.model import Sourced

from support import REPO, RULES

RULES_MODEL = load(RULES)


def page(site: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((site / name).read_text(encoding="utf-8"), "html.parser")


def content(site: Path, name: str):
    """The page's article, without the '#' permalinks MkDocs adds to headings."""
    article = page(site, name).select_one("article.md-content__inner")
    for link in article.select("a.headerlink"):
        link.decompose()
    return article


def text_of(element) -> str:
    return " ".join(element.get_text(" ").split())


LANGUAGE_FOLDERS = {lang.code for lang in RULES_MODEL.languages}


def html_pages(site: Path, languages: bool = False) -> list[Path]:
    """The Danish site's pages; with `languages`, the other languages' pages (under /<code>/) too."""
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html"
                  and (languages or p.relative_to(site).parts[0] not in LANGUAGE_FOLDERS))


def test_start_page_sends_each_audience_its_own_way(built_site):
    doc = page(built_site, "index.html")
    cards = {li["data-audience"]: li.a["href"] for li in doc.select("li.audience-card")}
    assert set(cards) == {a.id for a in RULES_MODEL.audiences} == {"borger", "medarbejder", "partner"}
    for audience, href in cards.items():
        assert (built_site / href).is_file(), href
        assert content(built_site, href).h1.get_text(strip=True) == next(
            a.title for a in RULES_MODEL.audiences if a.id == audience)


def test_every_page_says_its_language_danish_at_the_root(built_site):
    for path in html_pages(built_site, languages=True):
        folder = path.relative_to(built_site).parts[0]
        expected = folder if folder in LANGUAGE_FOLDERS else "da"
        assert BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").html["lang"] == expected, path
    config = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]
    assert config["lang"] == ["da"]
    english = json.loads((built_site / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert english["config"]["lang"] == ["en"]


def test_cooperatives_cannot_get_a_loan(built_site):
    rules = content(built_site, "hvem-kan-deltage.html")
    coop = [r for r in rules.select(".rule") if "kooperativ" in text_of(r).lower()]
    assert coop, "the cooperative rule is on the eligibility page"
    assert "ikke" in text_of(coop[0]).lower()
    citation = coop[0].select_one("details.citation")
    assert citation["data-source"] == "kk-2015" and citation.select("[data-quote-source=kk-2015]")
    assert citation.select_one(".citation-meta a")["href"].startswith("kilder.html#kilde-kk-2015")


def test_broader_target_group_for_the_preparatory_course(built_site):
    table = content(built_site, "hvem-kan-deltage.html").select_one("table.target-groups")
    groups = text_of(table).lower()
    for group in ["aktivitetsparate kontanthjælpsmodtagere", "førtidspensionister", "ledighedsydelsesmodtagere",
                  "sygedagpengemodtagere"]:
        assert group in groups, group
    assert "nedsat arbejdsevne" in groups


def test_goal_of_20_revalidender(built_site):
    goal = content(built_site, "maal-og-budget.html").select_one(".goal")
    assert goal.select_one(".goal-number").get_text(strip=True) == "20"
    assert "revalidend" in text_of(goal).lower()
    assert "2015" in text_of(goal) and "2016" in text_of(goal)


def test_budget_is_a_real_table_with_totals_of_1200_in_both_years(built_site):
    table = content(built_site, "maal-og-budget.html").select_one("table.budget")
    assert table.caption and "1.000 kr." in text_of(table.caption)
    assert [th.get_text(strip=True) for th in table.thead.select("th")][1:] == ["2015", "2016"]
    total = table.tfoot.select_one('tr[data-line="total"]')
    assert [td.get_text(strip=True) for td in total.select("td")] == ["1.200", "1.200"]
    rows = {tr.th.get_text(strip=True).lower(): [td.get_text(strip=True) for td in tr.select("td")]
            for tr in table.tbody.select("tr")}
    assert rows["projektleder"] == ["350", "450"]
    assert len(rows) == 4


def test_ishoej_naestved_loan_range_is_attributed_to_ishoej_naestved(built_site):
    ranges = content(built_site, "andre-kommuner.html").select(".loan-range")
    assert ranges and "1.000" in text_of(ranges[0]) and "50.000" in text_of(ranges[0])
    assert "Ishøj" in text_of(ranges[0])


@pytest.mark.parametrize("figure", [r"(?<![\d.])50\.000", r"(?<![\d.])1\.000 og", r"\b6 måneder"])
def test_ishoej_figures_never_appear_as_copenhagens(built_site, figure):
    """Every place an Ishøj–Næstved figure appears, the same element names Ishøj–Næstved."""
    seen = 0
    pattern = re.compile(figure)
    for path in html_pages(built_site):
        article = content(built_site, path.relative_to(built_site).as_posix())
        for node in article.find_all(string=lambda s: s and pattern.search(s)):
            holder = node.find_parent(attrs={"data-fact": True}) or node.find_parent(["li", "p", "td"])
            assert holder is not None and "Ishøj" in text_of(holder.find_parent(attrs={"data-model": True})
                                                              or holder), (path.name, text_of(holder))
            seen += 1
    assert seen, f"{figure} appears somewhere"


def _sourced_items(obj, found):
    if isinstance(obj, BaseModel):
        if isinstance(obj, Sourced) and getattr(obj, "id", None):
            found.append(obj)
        for name in type(obj).model_fields:
            _sourced_items(getattr(obj, name), found)
    elif isinstance(obj, list):
        for item in obj:
            _sourced_items(item, found)
    return found


def test_every_fact_in_the_rules_is_on_the_site_with_its_source(built_site):
    shown: dict[str, set[str]] = {}
    for path in html_pages(built_site):
        for element in page(built_site, path.relative_to(built_site).as_posix()).select("[data-fact]"):
            refs = element.select("details.citation .citation-meta a")
            shown.setdefault(element["data-fact"], set()).update(
                urlsplit(a["href"]).fragment.removeprefix("kilde-") for a in refs)
    items = _sourced_items(RULES_MODEL, [])
    assert len(items) > 60
    missing = [i.id for i in items if i.id not in shown]
    assert not missing, f"facts not shown on any page: {missing}"
    wrong = [i.id for i in items if i.source not in shown[i.id]]
    assert not wrong, f"facts shown without a link to their own source: {wrong}"


def test_every_fact_bearing_element_links_to_an_existing_source(built_site):
    sources = page(built_site, "kilder.html")
    anchors = {el["id"] for el in sources.select("[id]")}
    count = 0
    for path in html_pages(built_site):
        for element in page(built_site, path.relative_to(built_site).as_posix()).select("[data-fact]"):
            ref = element.select_one("details.citation .citation-meta a")
            assert ref is not None, (path.name, element["data-fact"])
            target, _, anchor = ref["href"].partition("#")
            assert (path.parent / target).resolve() == (built_site / "kilder.html").resolve()
            assert anchor in anchors, anchor
            count += 1
    assert count > 60


def test_legal_excerpts_are_dated_quotations_with_a_law_may_have_changed_note(built_site):
    legal = content(built_site, "lovgrundlag.html")
    assert "kan være ændret" in text_of(legal.select_one(".notice-law"))
    for excerpt in RULES_MODEL.legal_excerpts:
        block = legal.select_one(f'[data-fact="{excerpt.id}"]')
        assert " ".join(excerpt.quote.split()) == text_of(block.select_one("blockquote"))
        assert block.select_one("time")["datetime"] == excerpt.last_checked.isoformat()
        changed = "Vejledningen kan være ændret siden" if excerpt.kind == "guidance" else "Loven kan være ændret siden"
        assert changed in text_of(block)


def test_process_diagram_is_built_from_the_rules_with_a_text_equivalent(built_site):
    figure = content(built_site, "processen.html").select_one("figure.flow")
    assert figure.figcaption and figure["aria-labelledby"] == figure.figcaption["id"]
    steps = figure.select("ol > li.flow-step")
    assert [li["data-fact"] for li in steps] == [s.id for s in RULES_MODEL.process.steps]
    for li, step in zip(steps, RULES_MODEL.process.steps):
        assert step.title in text_of(li)
    conditional = [li["data-fact"] for li in steps if "flow-step-conditional" in li["class"]]
    assert conditional == [s.id for s in RULES_MODEL.process.steps if s.only_if]


def test_step_model_is_drawn_as_a_staircase_and_marked_as_an_example(built_site):
    from generator.scheme.references import module_order

    doc = content(built_site, "trappetrinsmodellen.html")
    stairs = doc.select("figure.staircase ol > li.stair-step")
    order = module_order(RULES_MODEL)
    assert [li.a["href"] for li in stairs] == [f"#modul-{m.id}" for m in order]
    assert len(order) == len(RULES_MODEL.step_model.modules)
    for m in order:
        assert doc.find(id=f"modul-{m.id}") is not None
    if any(m.example for m in order):
        assert doc.select_one(".notice-example") is not None
        assert len(doc.select(".module .badge")) == sum(m.example for m in order)


def test_hand_written_pages_pull_data_through_jinja(built_site):
    about = content(built_site, "om-siden.html")
    for source in RULES_MODEL.sources:
        assert source.title in text_of(about)
    assert "{{" not in text_of(about) and "{%" not in text_of(about)


def test_internal_links_and_anchors_all_resolve(built_site):
    ids: dict[Path, set[str]] = {}
    broken = []
    for path in html_pages(built_site):
        doc = page(built_site, path.relative_to(built_site).as_posix())
        for a in doc.select("a[href]"):
            parts = urlsplit(a["href"])
            if parts.scheme or parts.netloc or a["href"].startswith("mailto:"):
                continue
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                broken.append((path.name, a["href"]))
                continue
            if parts.fragment and not parts.fragment.startswith("svar="):  # svar= is a checklist's answers
                if target not in ids:
                    ids[target] = {el["id"] for el in BeautifulSoup(target.read_text(encoding="utf-8"),
                                                                    "html.parser").select("[id]")}
                if parts.fragment not in ids[target]:
                    broken.append((path.name, a["href"]))
    assert not broken


def test_the_404_pages_links_resolve_from_the_sites_root(built_site):
    """A 404 page is served at any depth, so MkDocs gives it links from the root ("/index.html"); none may be
    protocol-relative ("//en/" names a host called "en"), and each must name a page that exists."""
    for path in sorted(built_site.rglob("404.html")):
        doc = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        hrefs = [a["href"] for a in doc.select("a[href]") if not urlsplit(a["href"]).scheme]
        assert hrefs and not [h for h in hrefs if h.startswith("//")], (path, hrefs)
        assert "Not found" not in doc.h1.get_text() and doc.select_one("article a[href]"), "in the site's words"
        for href in hrefs:
            target = built_site / unquote(urlsplit(href).path).lstrip("/")
            if href.startswith("/") and urlsplit(href).path:
                assert (target / "index.html" if target.is_dir() else target).is_file(), (path, href)


def test_generator_code_names_no_municipality_or_scheme():
    words = {RULES_MODEL.scheme.municipality, RULES_MODEL.scheme.name, "København", "Ishøj", "Næstved", "Aarhus",
             "mikrolån", "Mikrolån"}
    for path in (REPO / "generator").rglob("*"):
        if path.is_file() and path.suffix in {".py", ".j2", ".css", ".js", ".html"}:
            text = path.read_text(encoding="utf-8")
            for word in words:
                assert word not in text, f"{path.relative_to(REPO)} mentions {word!r}"


def test_plain_mkdocs_build_strict_passes(tmp_path):
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "s")],
                            cwd=REPO, capture_output=True, text=True, timeout=300,
                            env={**__import__("os").environ, "NO_MKDOCS_2_WARNING": "1", "SCHEME_RULES": ""})
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "s" / "index.html").is_file()
    assert "WARNING" not in result.stderr


def test_scenarios_appear_as_worked_examples_for_ambassadors(built_site):
    from generator.checklist.scenarios import load_scenarios, scenarios_dir

    scenarios = load_scenarios(scenarios_dir(RULES), RULES_MODEL)
    examples = content(built_site, "eksempler.html")
    shown = {s["data-scenario"]: s for s in examples.select("section.scenario")}
    assert set(shown) == {s.id for s in scenarios}
    for s in scenarios:
        assert shown[s.id].select_one("[data-expect]")["data-expect"] == s.expect
        link = shown[s.id].select_one('a[href*="#svar="]')["href"]
        assert link.startswith(f"{s.checklist}.html#svar=")


def test_each_checklist_logic_is_drawn_with_a_text_equivalent(built_site):
    doc = content(built_site, "saadan-virker-tjeklisterne.html")
    for checklist in RULES_MODEL.checklists:
        svg = doc.select_one(f'svg[aria-labelledby="graph-title-{checklist.id}"]')
        assert svg is not None and svg["role"] == "img" and svg.title.get_text()
        boxes = svg.select("g.node")
        assert len(boxes) == len(checklist.questions) + len(checklist.outcomes)
        text = text_of(doc.select_one(f"#graf-{checklist.id}").find_next("details"))
        for q in checklist.questions:
            assert q.text in text
        for o in checklist.outcomes:
            assert o.title in text


def test_privacy_page_says_answers_never_leave_the_device(built_site):
    privacy = text_of(content(built_site, "privatliv.html"))
    assert "bliver ikke sendt" in privacy and "ikke cookies" in privacy
    statement = text_of(content(built_site, "tilgaengelighed.html"))
    assert "WCAG 2.1" in statement and "axe" in statement
