"""A second real scheme, Ishøj–Næstved's pilot, built by the same generator: it builds, passes `check`, and
neither site shows the other's facts."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from support import REPO, RULES, build_site, run_generator
from generator import i18n
from generator.scheme.loader import load
from generator.checklist.scenarios import load_scenarios, scenarios_dir

EXAMPLE = REPO / "examples" / "ishoej-naestved"
LONG = 25   # shorter texts ("For borgere", "Ja") are the site's common words, not facts


@pytest.fixture(scope="module")
def example_site(tmp_path_factory) -> Path:
    return build_site(EXAMPLE / "rules.yaml", EXAMPLE / "mkdocs.yml", tmp_path_factory.mktemp("example") / "site")


def visible_text(site: Path) -> dict[str, str]:
    """Each page's text as a reader sees it (scripts left out), whitespace collapsed."""
    pages = {}
    for path in sorted(site.rglob("*.html")):
        doc = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for node in doc(["script", "style"]):
            node.decompose()
        # Verbatim passages of a source are the source's words, not the scheme's: both sites may quote ISH-2015.
        for node in doc.select("[data-quote-source]"):
            node.decompose()
        pages[path.relative_to(site).as_posix()] = " ".join(doc.get_text(" ").split())
    return pages


def own_texts(rules_file: Path) -> set[str]:
    rules = load(rules_file)
    found = {" ".join(text.split()) for _, text in i18n.texts(rules)}
    for scenario in load_scenarios(scenarios_dir(rules_file), rules):
        found |= {" ".join(text.split()) for _, text in i18n.texts(scenario)}
    return {t for t in found if len(t) >= LONG}


def test_the_example_passes_check_and_its_scenarios_cover_every_outcome():
    rules_file = EXAMPLE / "rules.yaml"
    check = run_generator("check", "--rules", str(rules_file))
    assert check.returncode == 0, check.stdout + check.stderr
    assert "check passed: 0 error(s), 0 warning(s)" in check.stdout
    scenarios = run_generator("scenarios", "--rules", str(rules_file))
    assert scenarios.returncode == 0 and "outcomes 6/6" in scenarios.stdout, scenarios.stdout


def test_the_example_site_is_complete(example_site):
    names = {p.name for p in example_site.glob("*.html")}
    for page in ["index.html", "borger.html", "tjek-forsoeg.html", "om-ordningen.html", "hvem-kan-deltage.html",
                 "processen.html", "trappetrinsmodellen.html", "kilder.html", "eksempler.html", "privatliv.html",
                 "tilgaengelighed.html", "om-forsoeget.html"]:
        assert page in names, page
    doc = BeautifulSoup((example_site / "tjek-forsoeg.html").read_text(encoding="utf-8"), "html.parser")
    assert len(doc.select("fieldset[data-question]")) == 3
    assert doc.select_one("script.checklist-data") is not None
    assert "Mikrolån i Ishøj Kommune (forsøg)" in doc.title.get_text()


def test_neither_site_shows_the_other_schemes_facts(built_site, example_site):
    copenhagen, ishoej = own_texts(RULES), own_texts(EXAMPLE / "rules.yaml")
    assert len(copenhagen) > 200 and len(ishoej) > 30
    shared = copenhagen & ishoej
    for site, own, foreign, label in ((built_site, copenhagen, ishoej - shared, "Ishøj–Næstved"),
                                      (example_site, ishoej, copenhagen - shared, "Copenhagen")):
        leaks = []
        for page, text in visible_text(site).items():
            # A site may quote its own texts, which can contain a shorter foreign one (Copenhagen describes the
            # Ishøj model in its own words): only what is left after removing its own texts can leak.
            for mine in sorted(own, key=len, reverse=True):
                text = text.replace(mine, " ")
            leaks += [(page, fact) for fact in foreign if fact in text]
        assert not leaks, f"{label}'s facts on the other site: {leaks[:5]}"
    # Each site does show its own facts (so the check above could fail).
    example_text = " ".join(visible_text(example_site).values())
    assert sum(fact in example_text for fact in ishoej) > 0.8 * len(ishoej)


def test_the_example_never_names_copenhagen_or_its_figures(example_site):
    text = " ".join(visible_text(example_site).values())
    for word in ["København", "KK-2015", "550.000", "20 revalidender", "Aarhus", "revalidering", "Revalidering"]:
        assert word not in text, word
