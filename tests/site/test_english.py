"""A scheme written in English (scheme.language: en) gets an English site: the generator's own words in English,
definite answers with informational outcomes, route tests of both kinds as scenarios, and no Danish chrome."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from support import FIXTURES, REPO, build_site

ENGLISH = FIXTURES / "english"
# Words only the Danish chrome uses: the answers, the result headings, the notices' and the pages' words.
DANISH = re.compile(r"[æøåÆØÅ]|\b(Ja|Nej|Ved ikke|Måske|Spørgsmål|Resultat|Næste|Kilde|Kilder|Svar|Forside|Tjek|"
                    r"Eksempler|Privatliv|Tilgængelighed|Oversigt|eller|og|ikke|siden|til|af|på|dette|afsnit)\b")


def generator(*args, cwd=REPO):
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True)


@pytest.fixture(scope="module")
def english_site(tmp_path_factory) -> Path:
    return build_site(ENGLISH / "rules.yaml", ENGLISH / "mkdocs.yml", tmp_path_factory.mktemp("english") / "site")


def everything_shown(page: Path) -> str:
    """The page's text, its attributes a reader or a screen reader meets, and the words the checklist script
    writes (from its JSON data)."""
    doc = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    parts = [s.string or "" for s in doc.select('script[type="application/json"]')]
    for node in doc(["script", "style"]):
        node.decompose()
    parts.append(doc.get_text(" "))
    for tag in doc.find_all(True):
        parts += [str(tag[a]) for a in ("title", "aria-label", "placeholder", "alt") if tag.get(a)]
    return " ".join(" ".join(parts).split())


def test_the_english_scheme_passes_check_with_english_readability():
    check = generator("check", "--rules", str(ENGLISH / "rules.yaml"))
    assert check.returncode == 0 and "check passed: 0 error(s), 0 warning(s)" in check.stdout, check.stdout
    assert "readability bins.md: Flesch-Kincaid grade" in check.stdout and "LIX" not in check.stdout
    assert "checklist bins: 3 answer paths" in check.stdout, "definite answers only: no 'Don't know' paths"


def test_both_kinds_of_route_test_run_as_scenarios():
    ran = generator("scenarios", "--rules", str(ENGLISH / "rules.yaml"))
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert "outcomes 3/3" in ran.stdout, ran.stdout
    moved = generator("evaluate", "bins", "--rules", str(ENGLISH / "rules.yaml"), "-a", "in-town=yes", "--json")
    assert '"pending": "has-bin"' in moved.stdout, moved.stdout


def test_a_failing_next_question_route_is_reported(tmp_path):
    project = tmp_path / "english"
    shutil.copytree(ENGLISH, project)
    route = project / "scenarios" / "in-town-asks-for-the-bin.yaml"
    route.write_text(route.read_text(encoding="utf-8").replace("expect_next: has-bin", "expect_next: in-town"),
                     encoding="utf-8")
    ran = generator("scenarios", "--rules", str(project / "rules.yaml"))
    assert ran.returncode == 1 and "in-town-asks-for-the-bin" in ran.stdout + ran.stderr, ran.stdout + ran.stderr


def test_every_page_is_english_with_no_danish_chrome(english_site):
    pages = sorted(english_site.rglob("*.html"))
    assert len(pages) >= 8
    for page in pages:
        doc = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert doc.html.get("lang") == "en", page.name
        found = sorted({m.group() for m in DANISH.finditer(everything_shown(page))})
        assert not found, (page.name, found)


def test_informational_outcomes_are_shown_without_a_yes_or_no(english_site):
    data = BeautifulSoup((english_site / "bins.html").read_text(encoding="utf-8"), "html.parser")
    text = everything_shown(english_site / "bins.html")
    assert "Your bin is emptied every two weeks" in text
    assert not re.search(r"\b(Yes|No): (Your bin|You can order|The service)", text), "no verdict before an info"
    labels = [label.get_text(" ", strip=True) for label in data.select("fieldset[data-question] label")]
    assert {"Yes", "No"} <= set(labels) and "Don't know" not in labels, labels


def test_the_examples_page_says_what_the_cases_are(english_site):
    text = everything_shown(english_site / "eksempler.html")
    assert "Examples marked “made up” are about made-up people." in text
    assert "Next question: Do you have a garden bin?" in text


def test_a_translation_of_an_english_scheme_is_made_from_english(tmp_path):
    """Danish listed under languages: the Danish site has Danish chrome, the scheme's texts fall back to English
    with a notice that names English, and the root stays English."""
    project = tmp_path / "english"
    shutil.copytree(ENGLISH, project)
    rules = yaml.safe_load((project / "rules.yaml").read_text(encoding="utf-8"))
    rules["languages"] = [{"code": "da", "name": "Dansk"}]
    (project / "rules.yaml").write_text(yaml.safe_dump(rules, allow_unicode=True, sort_keys=False), encoding="utf-8")
    site = build_site(project / "rules.yaml", project / "mkdocs.yml", tmp_path / "site")
    danish = BeautifulSoup((site / "da" / "bins.html").read_text(encoding="utf-8"), "html.parser")
    assert danish.html.get("lang") == "da"
    notice = danish.select_one(".notice-translation").get_text(" ", strip=True)
    assert "De står på engelsk." in notice and "Læs siden på engelsk" in notice, notice
    assert "Do you live in Example Town?" in danish.get_text(" "), "untranslated texts stay English"
    assert {"Ja", "Nej"} <= {label.get_text(strip=True) for label in danish.select("fieldset[data-question] label")}
    root = BeautifulSoup((site / "bins.html").read_text(encoding="utf-8"), "html.parser")
    assert root.html.get("lang") == "en" and root.select_one(".notice-translation") is None
    switcher = {a.get("lang"): a.get_text(strip=True) for a in root.select("a[data-language]")}
    assert switcher == {"en": "English", "da": "Dansk"}, switcher
