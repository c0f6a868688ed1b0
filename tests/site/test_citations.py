"""Citations on the built site: each opens the exact words it rests on, in every language, never translated."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator import i18n
from generator.scheme.loader import load
from generator.scheme.sources import SourceText

from support import REPO, RULES

RULES_MODEL = load(RULES)
TEXTS = {s.id: SourceText.read(s.id, RULES.parent / s.text) for s in RULES_MODEL.sources}
LANGUAGES = [i18n.SOURCE_LANGUAGE] + [lang.code for lang in RULES_MODEL.languages]
DANISH_NOTE = "Kilden er på dansk, og citatet er ikke oversat."


def pages(site: Path, code: str) -> list[Path]:
    folder = site if code == i18n.SOURCE_LANGUAGE else site / code
    return sorted(p for p in folder.glob("*.html") if p.name != "404.html")


def article(path: Path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one("article")


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_passage_shown_occurs_verbatim_in_its_source(built_site, code):
    shown = 0
    for path in pages(built_site, code):
        for quote in article(path).select("[data-quote-source]"):
            assert not quote.find(True), f"{path.name}: a passage element holds the passage text only"
            source = quote["data-quote-source"]
            assert TEXTS[source].find(quote.get_text()), f"{path.name}: «{quote.get_text()}» is not in {source}"
            assert quote.get("lang") == i18n.SOURCE_LANGUAGE, "passages are Danish on every page, marked so"
            shown += 1
    assert shown > 50, f"{code}: only {shown} passages shown"


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_citation_opens_its_passages_without_javascript(built_site, code):
    with i18n.language(code, REPO / "translations"):
        note = i18n._(DANISH_NOTE)
    for path in pages(built_site, code):
        body = article(path)
        for ref in body.select(".source-ref"):
            assert ref.name == "summary" and ref.parent.name == "details", f"{path.name}: a citation that does not open"
        for citation in body.select("details.citation"):
            assert citation.select("[data-quote-source]"), f"{path.name}: a citation without its passage"
            meta = " ".join(citation.select_one(".citation-meta").get_text(" ").split())
            assert (note in meta) == (code != i18n.SOURCE_LANGUAGE), (path.name, meta)


def test_every_fact_carries_a_citation(built_site):
    for path in pages(built_site, i18n.SOURCE_LANGUAGE):
        for fact in article(path).select("[data-fact]"):
            if "quiz" in fact.get("class", []):
                continue
            assert fact.select("details.citation"), f"{path.name}: {fact['data-fact']} has no citation"


def test_every_no_shows_the_words_that_exclude(built_site):
    noes = 0
    for path in pages(built_site, i18n.SOURCE_LANGUAGE):
        for card in article(path).select(".outcome-list .outcome.verdict-no"):
            because = card.select_one(".because")
            assert because and because.select("[data-quote-source]"), f"{path.name}: {card['data-outcome-id']}"
            noes += 1
    assert noes, "the real checklists say no somewhere, where a source excludes in so many words"
