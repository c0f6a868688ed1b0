"""The site's own words (the chrome) in the scheme's language: the generator ships them per language, a project
may override them, and the source language's site carries no translation notice."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file
from jinja2.ext import babel_extract

from generator import i18n
from generator.i18n import _

GENERATOR = Path(i18n.__file__).resolve().parent.parent
# Texts handed to _() through a variable (labels kept in tables), which extraction cannot see.
INDIRECT = ["Ja", "Nej", "Måske", "Det skal vurderes", "Ved ikke"]


def chrome_texts() -> set[str]:
    """Every text the generator's code and templates pass to _()."""
    found = set(INDIRECT)
    for path in GENERATOR.rglob("*.py"):
        found |= {m for _, m, _, _ in extract_from_file("python", str(path), keywords={"_": None})
                  if isinstance(m, str) and m and not m.endswith(" ")}
    for path in [*GENERATOR.glob("site/templates/**/*.j2"), *GENERATOR.glob("print/templates/**/*")]:
        if path.is_file():
            with open(path, "rb") as handle:
                found |= {m for _, _, m, _ in babel_extract(handle, ("_",), [], {}) if isinstance(m, str) and m}
    return found


def test_english_has_every_word_of_the_site():
    english = i18n.chrome_catalog("en")
    texts = chrome_texts()
    assert len(texts) > 200
    missing = sorted(t for t in texts if english.get(t) is None or not english.get(t).string)
    assert missing == [], missing
    for text in texts:
        assert i18n.placeholders(english.get(text).string) == i18n.placeholders(text), text


def test_the_generator_knows_its_languages():
    assert i18n.chrome_languages()[:2] == ["ar", "da"] and "en" in i18n.chrome_languages()


def test_a_projects_translation_overrides_the_generators(tmp_path):
    project = Catalog(locale="en")
    project.add("Ja", "Yes, indeed")
    with i18n.language("en", catalog=project, source="en"):
        assert _("Ja") == "Yes, indeed"
        assert _("Nej") == "No", "the generator's word where the project has none"


def test_the_schemes_own_language_carries_no_notice():
    with i18n.language("en", catalog=Catalog(locale="en"), source="en") as english:
        _("Ja"), _("Et ord, som ingen har oversat")
        assert english.shown == set()
    with i18n.language("en", catalog=Catalog(locale="en"), source="da") as translated:
        _("Ja"), _("Et ord, som ingen har oversat")
        assert translated.shown == {i18n.UNREVIEWED, i18n.FALLBACK}


def test_danish_chrome_needs_no_translation_for_a_scheme_written_in_english():
    with i18n.language("da", catalog=Catalog(locale="da"), source="en") as danish:
        assert _("Ved ikke") == "Ved ikke" and danish.shown == set()
    coverage = i18n.coverage("da", [(None, "Ved ikke"), ("scheme/name", "Garden waste")], Catalog(locale="da"))
    assert (coverage.translated, coverage.total) == (1, 2)


@pytest.mark.parametrize("code, expected", [("da", "Dansk"), ("en", "English"), ("ar", "العربية")])
def test_a_language_is_named_in_itself_for_the_switcher(code, expected):
    assert i18n.own_name(code) == expected
