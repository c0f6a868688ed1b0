"""generator/gate/diff.py: what an edit of the rules changes, for its reviewer: items matched by id, texts by a
stable key, and the answer paths and scenarios that now reach another outcome.

The command line (`diff OLD NEW` on copies of the real rules) is tested in test_report.py; these tests call the
module on the minimal scheme, changed in one place at a time.
"""

from __future__ import annotations

import pytest

from generator.gate import diff
from generator.scheme.loader import load

from support import FIXTURES, with_sources

SCENARIO = """id: {id}
title: {title}
checklist: tjek
story: Et eksempel.
answers:
  med: {med}
  antal: {antal}
expect: {expect}
"""


@pytest.fixture(scope="module")
def rules(tmp_path_factory):
    folder = with_sources(tmp_path_factory.mktemp("diff"))
    (folder / "rules.yaml").write_text((FIXTURES / "minimal.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    return load(folder / "rules.yaml")


def with_outcomes(rules, change):
    """The scheme with checklist 'tjek''s outcomes replaced by change(outcomes)."""
    checklist = rules.checklists[0]
    return rules.model_copy(update={"checklists": [checklist.model_copy(update={"outcomes": change(checklist.outcomes)})]})


def test_an_unchanged_scheme_reports_every_path_the_same(rules):
    paths = 7   # med: Ja (antal 1, 2–10, Ved ikke), Ved ikke (the same three), Nej
    assert diff.report(rules, rules) == f"Tjekliste tjek: alle {paths} svarveje giver samme resultat som før."


def test_list_items_are_keyed_by_id_so_a_reordering_is_no_change(rules):
    flat = diff.flatten(rules)
    assert flat["rules[kun-test].title"] == "Kun i test" and flat["rules[vil-selv].title"] == "Man skal selv ville"
    assert flat["budget.years[0]"] == 2020, "items without an id are keyed by position"
    swapped = rules.model_copy(update={"rules": list(reversed(rules.rules))})
    assert diff.flatten(swapped) == flat
    assert diff.report(rules, swapped) == diff.report(rules, rules)


def test_a_changed_text_shows_before_and_after(rules):
    new = rules.model_copy(update={"rules": [r.model_copy(update={"title": "Kun når man tester"})
                                             if r.id == "kun-test" else r for r in rules.rules]})
    lines = diff.report(rules, new).splitlines()
    assert lines[0] == "Ændret: rules[kun-test].title"
    assert lines[1:3] == ["    før: Kun i test", "    nu:  Kun når man tester"]


def test_removed_and_changed_outcomes_are_named_and_the_paths_that_moved_counted(rules):
    new = with_outcomes(rules, lambda outcomes: [o.model_copy(update={"title": "Ja, du kan"}) if o.id == "ja" else o
                                                for o in outcomes if o.id != "nej"])
    lines = diff.report(rules, new).splitlines()
    assert "Tjekliste tjek: resultat fjernet: nej" in lines
    assert "Tjekliste tjek: resultat ja ændret (title)" in lines
    assert "Tjekliste tjek: 1 af 7 svarveje giver nu et andet resultat, fx:" in lines
    assert any(line.startswith("    med=no: nej → ") for line in lines), lines


def test_beyond_the_path_limit_the_report_says_how_many_it_compared(rules, monkeypatch):
    monkeypatch.setattr(diff, "PATH_LIMIT", 3)
    assert diff.report(rules, rules) == "Tjekliste tjek: alle de første 3 af 7 svarveje giver samme resultat som før."


def test_a_scenario_that_now_reaches_another_outcome_is_named_with_what_it_expects(rules, tmp_path):
    folder = tmp_path / "scenarios"
    folder.mkdir()
    (folder / "alene.yaml").write_text(SCENARIO.format(id="alene", title="Alene", med='"yes"', antal=1, expect="ja"),
                                       encoding="utf-8")
    (folder / "nej.yaml").write_text(SCENARIO.format(id="nej", title="Nej tak", med='"no"', antal=1, expect="nej"),
                                     encoding="utf-8")
    # The limits of 'ja' and 'mange' swapped: one person is now 'mange'; saying no still gives 'nej'.
    text = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")
    for old, new in (("{q: antal, lte: 1}]}", "{q: antal, gte: 2}]}"), ("when: {q: antal, gte: 2}", "when: {q: antal, lte: 1}")):
        assert old in text
        text = text.replace(old, new, 1)
    (with_sources(tmp_path / "new") / "rules.yaml").write_text(text, encoding="utf-8")
    lines = diff.report(rules, load(tmp_path / "new" / "rules.yaml"), folder).splitlines()
    assert ("Scenarie alene (Alene) når nu mange i stedet for ja; det forventer ja, så scenariet skal rettes eller "
            "reglen genovervejes.") in lines
    assert not any(line.startswith("Scenarie nej") for line in lines), "an unchanged scenario is not listed"


def test_scenarios_are_looked_for_beside_the_rules(tmp_path):
    assert diff.scenarios_for(tmp_path / "rules.yaml") is None
    (tmp_path / "scenarios").mkdir()
    assert diff.scenarios_for(tmp_path / "rules.yaml") == (tmp_path / "scenarios").resolve()
