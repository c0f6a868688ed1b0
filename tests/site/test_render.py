"""generator/site/render.py, its helpers one by one: escaping for HTML and Markdown, dates and numbers in the
active language, the addresses MkDocs gives pages and the links between them, the translation notice, the data
the checklist script reads, and which content/ files are pages.

Whole rendered pages are tested against the built site (test_site.py, test_escaping.py, test_meta.py).
"""

from __future__ import annotations

import datetime as dt
import json
import re

import markdown
import pytest
from markupsafe import Markup

from generator import i18n
from generator.scheme.loader import load
from generator.site import render

from support import RULES

HOSTILE = '<a href="x">[l](javascript:x) *b* _u_ `c` {x} | ~ \\ &amp;'


def test_safe_text_leaves_nothing_that_html_or_markdown_reads_as_markup():
    escaped = render.safe_text(HOSTILE)
    assert not any(c in escaped for c in '<>"[]*_`{}|~\\'), escaped
    # What Markdown (with HTML inside) makes of it is the original text, shown, not obeyed.
    html = markdown.markdown(f"<p>{escaped}</p>")
    assert "<a" not in html and "<em>" not in html and "<code>" not in html
    from bs4 import BeautifulSoup
    assert BeautifulSoup(html, "html.parser").get_text() == HOSTILE


@pytest.mark.parametrize("value", [
    'For borgere\n\n!!! danger "Vigtigt"\n    Ring straks til 11 22 33 44.\n\n# FAKE\n\n    kode\n\n---',
    "Checklists are tested.\r\n\r\n## PO-HEADING", "a\u2028# b", "!!! danger", "# Overskrift", "    kode",
    "1. punkt", "- punkt", "+ punkt", "===",
])
def test_safe_text_is_one_line_that_starts_no_markdown_block(value):
    """Found by the hostile-input probe: a line break in a title or a translation started a new Markdown line,
    where '!!! danger' made a red warning box and '#' a heading."""
    html = markdown.markdown("Tekst\n\n" + render.safe_text(value) + "\n",
                             extensions=["admonition", "attr_list", "md_in_html"])
    assert "\n" not in render.safe_text(value)
    assert html.count("<p>") == 2 and not re.search(r"<(h\d|pre|code|ul|ol|hr|div)\b", html), html


def test_safe_text_keeps_markup_the_templates_made_themselves():
    assert render.safe_text(Markup("<b>fed</b>")) == "<b>fed</b>"


@pytest.mark.parametrize("code, date, number", [("da", "6. marts 2015", "50.000"), ("en", "March 6, 2015", "50,000"),
                                                ("ar", "6 مارس 2015", "50,000")])
def test_dates_and_numbers_are_written_as_the_active_language_writes_them(tmp_path, code, date, number):
    with i18n.language(code, tmp_path):
        assert render.danish_date(dt.date(2015, 3, 6)) == date
        assert render.danish_number(50000) == number


@pytest.mark.parametrize("path, flat, directory", [("index.md", "index.html", ""), ("borger.md", "borger.html", "borger/"),
                                                   ("en/index.md", "en/index.html", "en/"),
                                                   ("en/borger.md", "en/borger.html", "en/borger/")])
def test_a_page_gets_the_address_mkdocs_gives_it(path, flat, directory):
    assert render.page_url(path, use_directory_urls=False) == flat
    assert render.page_url(path, use_directory_urls=True) == directory


@pytest.mark.parametrize("here, target, directories, link", [
    ("en/borger.md", "kilder.html#kilde-1", False, "../kilder.html#kilde-1"),
    ("en/borger.md", "en/tjek.html", False, "tjek.html"),
    ("en/borger.md", "en/borger.html", False, "borger.html"),
    ("index.md", "#top", False, "#top"),
    ("en/borger.md", "kilder/#kilde-1", True, "../../kilder/#kilde-1"),
    ("borger.md", "borger/", True, "./"),
    ("borger.md", "assets/scheme.css", True, "../assets/scheme.css"),
])
def test_a_link_is_relative_to_where_the_page_is(here, target, directories, link):
    assert render.relative_url(here, target, directories) == link


@pytest.mark.parametrize("path, back", [("borger.md", "../borger.html"), ("del/mere.md", "../../del/mere.html")])
def test_the_notice_goes_under_the_heading_and_links_to_the_page_in_the_schemes_language(tmp_path, path, back):
    # A language's site stands under /<code>/; `path` is the page's place inside it, the same as in the root site.
    with i18n.language("en", tmp_path):
        page = render.with_notice("intro\n# Title\ntext\n", path, {i18n.FALLBACK, i18n.REVIEWED}, False)
    head, rest = page.split("# Title\n")
    assert head == "intro\n" and rest.endswith("</div>\ntext\n")
    assert 'data-translation="fallback"' in rest
    assert f'<a href="{back}" hreflang="da">' in rest


def test_no_notice_where_every_text_shown_is_reviewed(tmp_path):
    with i18n.language("en", tmp_path):
        assert render.with_notice("# T\nx\n", "borger.md", {i18n.REVIEWED}, False) == "# T\nx\n"
        assert render.with_notice("# T\nx\n", "borger.md", set(), False) == "# T\nx\n"


def test_script_json_cannot_close_its_script_element_and_reads_back_the_same():
    data = {"text": "</script><script>alert(1)</script> & <!--", "n": [1, "å"]}
    written = render.script_json(data)
    assert "<" not in written and ">" not in written and "&" not in written
    assert json.loads(written) == data


def test_the_address_keeps_only_the_answers_of_the_questions_asked_in_their_order():
    assert render.fragment(("b", "a"), {"a": "yes", "b": 3, "c": "no"}) == "b:3;a:yes"


def test_the_checklist_data_has_every_question_and_outcome_with_the_words_the_script_shows():
    rules = load(RULES)
    checklist = next(c for c in rules.checklists if c.id == "tjek-borger")
    data = render.checklist_data(rules, checklist)
    assert list(data["questions"]) == [q.id for q in checklist.questions]
    assert [q["n"] for q in data["questions"].values()] == list(range(1, len(checklist.questions) + 1))
    assert all(q["labels"]["unknown"] == "Ved ikke" for q in data["questions"].values())
    assert set(data["outcomes"]) == {o.id for o in checklist.outcomes}
    roles = {r.id: r.name for r in rules.roles}
    for o in checklist.outcomes:
        assert data["outcomes"][o.id]["contact"] == roles[o.contact]
    in_text = {r.id: r.in_text for r in rules.roles}
    assert data["default_contact"] == in_text[rules.scheme.contact], "as it reads in 'Spørg …', names kept as written"
    for q in checklist.questions:
        assert data["questions"][q.id]["clarify"] == (in_text[q.clarify_with] if q.clarify_with else None)
    assert set(data["words"]) == set(render.checklist_words())


def test_content_files_are_the_pages_not_their_translations(tmp_path):
    rules = load(RULES)
    codes = [lang.code for lang in rules.languages]
    assert codes, "the real scheme has languages to translate into"
    (tmp_path / "om.md").write_text("# Om\n", encoding="utf-8")
    (tmp_path / "del").mkdir()
    (tmp_path / "del" / "mere.md").write_text("# Mere\n", encoding="utf-8")
    (render.translation_of(tmp_path / "om.md", codes[0])).write_text("# About\n", encoding="utf-8")
    (tmp_path / "noter.txt").write_text("ikke en side", encoding="utf-8")
    assert render.translation_of(tmp_path / "om.md", codes[0]).name == f"om.{codes[0]}.md"
    assert render.content_files(tmp_path, rules) == [tmp_path / "del" / "mere.md", tmp_path / "om.md"]
    assert render.content_files(tmp_path / "findes-ikke", rules) == []


@pytest.mark.parametrize("source, status", [
    ("---\nreview: reviewed\n---\n# About\n", i18n.REVIEWED),
    ("---\nreview: unreviewed\n---\n# About\n", i18n.UNREVIEWED),
    ("# About\nreview: reviewed\n", i18n.UNREVIEWED),          # outside the front matter it is just text
    ("---\ntitle: x\n---\n# About\n", i18n.UNREVIEWED),
])
def test_a_translated_page_is_reviewed_only_when_its_front_matter_says_so(source, status):
    assert render.review_status(source) == status
