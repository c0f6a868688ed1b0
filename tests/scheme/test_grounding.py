"""Grounding: every quote occurs in its source, locators follow from the quotes, gaps are real, "no" needs words.

Each bad input is made on a copy of a real scheme (and of the small fixture), and must be refused at its
file:line:col with the fix, never with a traceback.
"""

from __future__ import annotations

import contextlib
import io
import re

import pytest

from generator.commands import main
from generator.scheme.grounding import passages, sourced_items
from generator.scheme.loader import load
from generator.scheme.reading import read
from generator.scheme.sources import SourceText

from support import FIXTURES, REPO, RULES, scheme_copy

SCHEMES = {"copenhagen": RULES, "ishoej": REPO / "examples" / "ishoej-naestved" / "rules.yaml",
           "fixture": FIXTURES / "minimal.yaml"}


def validate(path) -> tuple[int, str]:
    """Run `python -m generator validate` in this process; return the exit code and what it printed."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["validate", "--rules", str(path)])
    return code, out.getvalue() + err.getvalue()


def place_of(path, item_path: tuple, key: bool = False) -> tuple[int, int]:
    """Line and column of a value (or of its key) in the rules file."""
    return read(path).positions.of(item_path, key=key)


def offset(text: str, line: int, column: int) -> int:
    return sum(len(l) for l in text.splitlines(keepends=True)[: line - 1]) + column - 1


@pytest.fixture(params=list(SCHEMES), ids=list(SCHEMES))
def scheme(request, tmp_path):
    return scheme_copy(tmp_path, SCHEMES[request.param])


def test_every_scheme_is_grounded(scheme):
    rules = load(scheme)
    items = list(sourced_items(rules))
    assert items and all(passages(item) for _, item in items)


def test_one_changed_word_is_refused_at_its_line_with_the_closest_passage(scheme):
    rules = load(scheme)
    path, item = next((p, i) for p, i in sourced_items(rules) if p[0] == "rules")
    passage = passages(item)[0]
    word = max(re.findall(r"\w{5,}", passage), key=len)
    text = scheme.read_text(encoding="utf-8")
    where = ("rules", path[1], "quote")
    line, column = place_of(scheme, where)
    at = text.index(word, offset(text, line, column))
    scheme.write_text(text[:at] + word[::-1] + text[at + len(word):], encoding="utf-8")
    code, printed = validate(scheme)
    assert code == 1 and "Traceback" not in printed
    assert f"rules.yaml:{line}:{column}: rules[{path[1]}].quote" in printed, printed
    assert "Did you mean: «" in printed and word in printed.split("Did you mean: «")[1].split("»")[0], printed
    assert "fix:" in printed


def test_a_source_without_its_text_file_is_refused(scheme):
    rules = load(scheme)
    (scheme.parent / rules.sources[0].text).unlink()
    line, column = place_of(scheme, ("sources", 0, "text"))
    code, printed = validate(scheme)
    assert code == 1 and "Traceback" not in printed
    assert f"rules.yaml:{line}:{column}: sources[0].text: the text file" in printed, printed
    assert "does not exist" in printed and "fix: save the document's full text" in printed


def test_a_source_named_without_a_text_file_is_refused(scheme):
    text = scheme.read_text(encoding="utf-8")
    rules = load(scheme)
    scheme.write_text(re.sub(rf"\n\s+text: {re.escape(rules.sources[0].text)}\n", "\n", text, count=1),
                      encoding="utf-8")
    code, printed = validate(scheme)
    assert code == 1 and "Traceback" not in printed
    assert "sources[0].text: the required field 'text' is missing." in printed, printed


@pytest.mark.parametrize("name", ["copenhagen", "fixture"])
def test_a_no_without_an_exclusion_is_refused(tmp_path, name):
    scheme = scheme_copy(tmp_path, SCHEMES[name])
    rules = load(scheme)
    c, n, outcome = next((c, n, o) for c, cl in enumerate(rules.checklists) for n, o in enumerate(cl.outcomes)
                         if o.verdict == "no")
    text = scheme.read_text(encoding="utf-8")
    excluding = [i for i, r in enumerate(rules.rules) if r.id in outcome.rules and r.kind == "exclusion"]
    for i in reversed(excluding):  # every exclusion the outcome rests on becomes a plain rule
        line, column = place_of(scheme, ("rules", i, "kind"))
        at = offset(text, line, column)
        text = text[:at] + text[at:].replace("exclusion", "objective", 1)
    scheme.write_text(text, encoding="utf-8")
    verdict_line, verdict_column = place_of(scheme, ("checklists", c, "outcomes", n, "verdict"))
    code, printed = validate(scheme)
    assert code == 1 and "Traceback" not in printed
    assert (f"rules.yaml:{verdict_line}:{verdict_column}: checklists[{c}].outcomes[{n}].verdict: outcome "
            f"'{outcome.id}' says 'no', but none of its rules is an exclusion") in printed, printed
    assert "fix: use verdict: maybe or assess" in printed


@pytest.mark.parametrize("name", list(SCHEMES))
def test_every_no_rests_on_an_exclusion(name):
    rules = load(SCHEMES[name])
    by_id = {r.id: r for r in rules.rules}
    noes = [o for c in rules.checklists for o in c.outcomes if o.verdict == "no"]
    assert all(any(by_id[r].kind == "exclusion" for r in o.rules) for o in noes)


def test_an_exclusion_whose_quote_excludes_no_one_is_refused(tmp_path):
    scheme = scheme_copy(tmp_path, SCHEMES["fixture"])
    text = scheme.read_text(encoding="utf-8")
    scheme.write_text(text.replace("quote: Kun én person ad gangen kan være med", "quote: Kun én person ad gangen"
                                   ).replace("quote: Kun én person ad gangen", "quote: én person ad gangen"),
                      encoding="utf-8")
    code, printed = validate(scheme)
    assert code == 1 and "rules[0].kind: rule 'kun-test' is an exclusion, but its quote does not state one" in printed


def test_a_locator_that_contradicts_the_quote_is_refused(scheme):
    rules = load(scheme)
    texts = {s.id: s for s in rules.sources}
    path, item = next((p, i) for p, i in sourced_items(rules) if p[0] == "rules" and i.locator)
    wrong = next(s.locator for s in texts[item.source].sections if s.locator.lower() != item.locator.lower())
    text = scheme.read_text(encoding="utf-8")
    line, column = place_of(scheme, ("rules", path[1], "id"), key=True)
    indent = " " * (column - 1)
    at = offset(text, line, column)
    end_of_line = text.index("\n", at) + 1
    scheme.write_text(text[:end_of_line] + f"{indent}locator: {wrong}\n" + text[end_of_line:], encoding="utf-8")
    code, printed = validate(scheme)
    assert code == 1 and "Traceback" not in printed
    assert f"rules[{path[1]}].locator: the locator '{wrong}' does not match where the quote stands: " \
           f"'{item.locator}'" in printed, printed
    assert f"fix: write locator: {item.locator}, or remove the locator" in printed


def test_locators_are_derived_from_where_each_quote_stands(scheme):
    rules = load(scheme)
    texts = {}
    for source in rules.sources:
        texts[source.id] = SourceText.read(source.id, scheme.parent / source.text)
        texts[source.id].sections = [(texts[source.id].find(s.starts)[0], s.locator) for s in source.sections]
    for _, item in sourced_items(rules):
        sections = list(dict.fromkeys(texts[item.source].place(p).section for p in passages(item)))
        assert item.locator == (" og ".join(s for s in sections if s) or None), (item, sections)


def test_a_gap_the_sources_do_answer_is_refused(tmp_path):
    scheme = scheme_copy(tmp_path, SCHEMES["copenhagen"])
    rules = load(scheme)
    n = next(i for i, g in enumerate(rules.gaps) if g.absent)
    line, column = place_of(scheme, ("gaps", n, "absent", 0))
    text = scheme.read_text(encoding="utf-8")
    at = offset(text, line, column)
    word = rules.gaps[n].absent[0]
    scheme.write_text(text[:at] + text[at:].replace(word, "revalidering", 1), encoding="utf-8")
    code, printed = validate(scheme)
    assert code == 1 and f"rules.yaml:{line}:{column}: gaps[{n}].absent[0]: 'revalidering' does occur in" in printed
