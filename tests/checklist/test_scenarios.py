"""Scenarios: each persona's answers reach the expected outcome; together they cover every outcome."""

from __future__ import annotations

import pytest

from generator.scheme.loader import load
from generator.checklist.logic import evaluate
from generator.scheme.problems import InputError
from generator.checklist.scenarios import coverage, load_scenarios, scenarios_dir

from support import RULES

RULES_MODEL = load(RULES)
SCENARIOS = load_scenarios(scenarios_dir(RULES), RULES_MODEL)
CHECKLISTS = {c.id: c for c in RULES_MODEL.checklists}


def test_there_are_at_least_twenty_scenarios_including_the_required_personas():
    assert len(SCENARIOS) >= 20
    ids = {s.id for s in SCENARIOS}
    for required in ["medarbejder-foertidspensionist-med-restarbejdsevne", "borger-kooperativ-gruppe",
                     "borger-sygedagpenge-uden-nedsat-arbejdsevne", "medarbejder-revalidend-uden-progression",
                     "borger-ved-ikke-om-revalidering"]:
        assert required in ids
    assert SCENARIOS_BY_ID["borger-ved-ikke-om-revalidering"].answers["revalidering"] == "unknown"


SCENARIOS_BY_ID = {s.id: s for s in SCENARIOS}


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.id for s in SCENARIOS])
def test_scenario_reaches_its_outcome(scenario):
    assert evaluate(CHECKLISTS[scenario.checklist], scenario.answers).outcome == scenario.expect


def test_scenarios_cover_every_outcome_and_branch_of_every_checklist(capsys):
    report = coverage(RULES_MODEL, SCENARIOS)
    with capsys.disabled():
        print()
        for cov in report:
            print("coverage:", cov.summary())
    for cov in report:
        assert all(cov.outcomes.values()), cov.summary()
        assert all(cov.branches.values()), cov.summary()


def test_a_scenario_with_an_unknown_outcome_is_refused(tmp_path):
    directory = tmp_path / "scenarios"
    directory.mkdir()
    (directory / "x.yaml").write_text(
        "id: x\ntitle: X\nchecklist: tjek-borger\nstory: En historie.\nanswers:\n  egen-virksomhed: \"no\"\n"
        "expect: ikke-selvstaendg\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_scenarios(directory, RULES_MODEL)
    message = str(caught.value)
    assert "x.yaml:7:9" in message and "unknown outcome 'ikke-selvstaendg'" in message
    assert "Did you mean 'ikke-selvstaendig'?" in message


def test_a_scenario_with_an_unknown_question_is_refused(tmp_path):
    directory = tmp_path / "scenarios"
    directory.mkdir()
    (directory / "y.yaml").write_text(
        "id: y\ntitle: Y\nchecklist: tjek-borger\nstory: En historie.\nanswers:\n  egen-virksomhd: \"no\"\n"
        "expect: ikke-selvstaendig\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_scenarios(directory, RULES_MODEL)
    assert "y.yaml:6:3" in str(caught.value) and "Did you mean 'egen-virksomhed'?" in str(caught.value)
