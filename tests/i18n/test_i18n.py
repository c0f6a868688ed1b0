"""generator/i18n (the package's own module): `_()` and its placeholders, the scheme's translatable texts with
their places as context, a scheme translated from a catalogue with each text's status, and the coverage check.

The site's own words per language are tested in test_chrome.py, catalogue files in test_catalogs.py, and the
built pages in every language in test_languages.py.
"""

from __future__ import annotations

import pytest
from babel.messages.catalog import Catalog

from generator import i18n
from generator.i18n import _
from generator.scheme.loader import load

from support import FIXTURES, with_sources


@pytest.fixture(scope="module")
def rules(tmp_path_factory):
    folder = with_sources(tmp_path_factory.mktemp("i18n"))
    (folder / "rules.yaml").write_text((FIXTURES / "minimal.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    return load(folder / "rules.yaml")


def test_without_an_active_language_the_danish_text_is_used_with_its_placeholders_filled():
    assert i18n.active() is None and i18n.active_code() == "da" and i18n.source_code() == "da"
    assert _("Spørgsmål %(n)s.", n=3) == "Spørgsmål 3."
    assert _("100 %(unit)s", unit="%") == "100 %", "a value is put in as it is, never read as a placeholder"


def test_a_language_is_active_only_inside_its_block(tmp_path):
    with i18n.language("en", tmp_path) as english:
        assert i18n.active() is english and i18n.active_code() == "en"
        assert _("Spørgsmål %(n)s.", n=3) == "Question 3."
    assert i18n.active() is None and _("Ja") == "Ja"
    with i18n.language("da", tmp_path) as danish:
        assert danish is None, "Danish for a Danish scheme needs no catalogue"


def test_every_translatable_text_has_its_place_as_context_named_by_ids(rules):
    found = dict(i18n.texts(rules))
    assert found["scheme/name"] == "Testordningen"
    assert found["rules/kun-test/text"] == "Man kan kun få lån i test."
    assert found["checklists/tjek/questions/antal/text"] == "Hvor mange er I?"
    assert found["checklists/tjek/outcomes/mange/title"] == "I er for mange"
    assert not [c for c in found if c.endswith(("/quote", "/id", "/source")) or "/quote/" in c], \
        "quotes, ids and references are never translated"
    contexts = [c for c, _t in i18n.texts(rules)]
    assert len(contexts) == len(set(contexts)), "each place is one entry"


def test_a_translated_scheme_marks_each_text_reviewed_unreviewed_or_shown_in_danish(rules):
    catalog = Catalog(locale="en")
    catalog.add("Kun i test", "Only in testing", context="rules/kun-test/title")
    catalog.add("Man kan kun få lån i test.", "Loans only in testing.", context="rules/kun-test/text",
                flags=["fuzzy"])
    catalog.add("Man skal selv ville", "You must want it", context="rules/et-andet-sted/title")
    with i18n.language("en", catalog=catalog) as english:
        shown = i18n.translated(rules)
        by_id = {r.id: r for r in shown.rules}
        assert by_id["kun-test"].title == "Only in testing"
        assert by_id["kun-test"].text == "Loans only in testing."
        assert by_id["vil-selv"].title == "Man skal selv ville", "a translation of another place is not used"
        assert english.text_status == {"Only in testing": i18n.REVIEWED, "Loans only in testing.": i18n.UNREVIEWED,
                                       **{t: i18n.FALLBACK for c, t in i18n.texts(rules)
                                          if c not in ("rules/kun-test/title", "rules/kun-test/text")}}
        english.note("Only in testing")
        assert english.shown == {i18n.REVIEWED}
        english.note("Man skal selv ville")
        assert english.shown == {i18n.REVIEWED, i18n.FALLBACK}
    assert rules.rules[0].title == "Kun i test", "the scheme itself is left as written"


def test_a_text_changed_since_its_translation_falls_back_to_danish(rules):
    catalog = Catalog(locale="en")
    catalog.add("Kun i prøver", "Only in trials", context="rules/kun-test/title")   # the Danish text was edited
    with i18n.language("en", catalog=catalog):
        assert i18n.translated(rules).rules[0].title == "Kun i test"


def test_the_scheme_in_its_own_language_is_not_rebuilt(rules):
    assert i18n.translated(rules, "da") is rules


@pytest.mark.parametrize("text, found", [
    ("Spørg %(contact)s om %(n)d ting i {days} dage.", ["%(contact)s", "%(n)d", "{days}"]),
    ("100 % og {} og %s", []),
])
def test_placeholders_are_the_named_ones(text, found):
    assert i18n.placeholders(text) == found


def test_links_are_markdown_targets_and_bare_addresses():
    assert i18n.links("Se [siden](kilder.html#a) og https://kk.dk/x") == ["https://kk.dk/x", "kilder.html#a"]


def test_coverage_counts_translations_and_names_a_changed_placeholder_or_link():
    catalog = Catalog(locale="en")
    catalog.add("Spørg %(contact)s.", "Ask %(kontakt)s.", context="a")
    catalog.add("Se [siden](kilder.html).", "See [the page](https://evil.example).", context="b")
    catalog.add("Godt.", "Good.", context="c", flags=["fuzzy"])
    wanted = [("a", "Spørg %(contact)s."), ("b", "Se [siden](kilder.html)."), ("c", "Godt."), ("d", "Ikke oversat."),
              (None, "Ja")]
    result = i18n.coverage("en", wanted, catalog)
    chrome_reviewed = 0 if i18n.chrome_catalog("en").get("Ja").fuzzy else 1   # the generator's own 'Ja'
    assert (result.total, result.translated, result.reviewed) == (5, 4, 2 + chrome_reviewed)
    assert result.percent == 80.0
    assert len(result.broken) == 2
    assert result.broken[0].startswith("a: «Spørg %(contact)s.»: placeholders ['%(contact)s'] in the original")
    assert result.broken[1].startswith("b: «Se [siden](kilder.html).»: links ['kilder.html'] in the original")


def test_a_missing_catalogue_is_an_empty_one(tmp_path):
    catalog = i18n.read_catalog(tmp_path, "en")
    assert len(catalog) == 0 and str(catalog.locale) == "en"


@pytest.mark.parametrize("code, in_language, name", [("en", "da", "engelsk"), ("da", "en", "Danish"),
                                                     ("ar", "da", "arabisk")])
def test_a_language_is_named_as_a_sentence_of_another_language_writes_it(code, in_language, name):
    assert i18n.language_name(code, in_language) == name
