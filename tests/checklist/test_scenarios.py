"""Scenarios: each persona's answers reach the expected outcome; together they cover every outcome."""

from __future__ import annotations

import pytest

from generator.scheme.loader import load
from generator.checklist.graph import evaluate
from generator.checklist.scenarios import coverage, load_scenarios, passes, run, scenarios_dir
from generator.scheme.problems import InputError

from support import FIXTURES, RULES

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


def test_scenarios_cover_every_outcome_and_branch_of_every_checklist(summary):
    report = coverage(RULES_MODEL, SCENARIOS)
    for cov in report:
        summary("scenario coverage", cov.summary())
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


KINDS_RULES = FIXTURES / "kinds" / "rules.yaml"
KINDS_MODEL = load(KINDS_RULES)
KINDS_SCENARIOS = load_scenarios(scenarios_dir(KINDS_RULES), KINDS_MODEL)


@pytest.mark.parametrize("scenario", KINDS_SCENARIOS, ids=[s.id for s in KINDS_SCENARIOS])
def test_scenarios_of_every_kind_reach_what_they_expect(scenario):
    checklist = next(c for c in KINDS_MODEL.checklists if c.id == scenario.checklist)
    assert passes(checklist, scenario)


def test_a_scenario_can_expect_the_next_question_as_evaluate_json_reports_it():
    from generator.commands.evaluate import report

    case = next(s for s in KINDS_SCENARIOS if s.expect_next)
    checklist = next(c for c in KINDS_MODEL.checklists if c.id == case.checklist)
    assert run(checklist, case).pending == case.expect_next
    pairs = [f"{q}={v}" for q, v in case.answers.items()]
    assert report(KINDS_MODEL, checklist.id, pairs, case.today)["next_question"]["id"] == case.expect_next


def test_a_scenario_on_another_day_of_use_can_reach_another_outcome():
    case = next(s for s in KINDS_SCENARIOS if s.id == "nyt-job")
    checklist = next(c for c in KINDS_MODEL.checklists if c.id == case.checklist)
    assert run(checklist, case).outcome == "nyt-job"
    later = case.model_copy(update={"today": case.today.replace(year=case.today.year + 1)})
    assert run(checklist, later).outcome == "fast-job", "a year later the job is more than six months old"


def _write(tmp_path, text: str):
    directory = tmp_path / "scenarios"
    directory.mkdir()
    (directory / "x.yaml").write_text(text, encoding="utf-8")
    return directory


@pytest.mark.parametrize("answers,words", [
    ("{bor: \"yes\", foedt: 1990-13-01}", ["'1990-13-01' is not a day of the calendar", "use a date as YYYY-MM-DD"]),
    ("{bor: \"yes\", foedt: 1990-05-01, ydelser: [kontanthjaelp, none]}", ["'none' cannot be combined"]),
    ("{bor: \"yes\", foedt: 1990-05-01, ydelser: [kontanthjalp]}", ["'kontanthjalp' is not an option of 'ydelser'",
                                                                      "Did you mean 'kontanthjaelp'?"]),
    ("{bor: \"yes\", foedt: 1990-05-01, ydelser: [kontanthjaelp], indkomst: 20000/week}",
     ["'20000/week' is not an amount"]),
    ("{bor: unknown}", ["'bor' does not offer 'Ved ikke' (unknown: false)"]),
])
def test_a_scenario_with_an_answer_its_question_does_not_take_is_refused(tmp_path, answers, words):
    directory = _write(tmp_path, f"id: x\ntitle: X\nchecklist: tjek-tilskud\nstory: En historie.\nanswers: {answers}\n"
                                 "expect: maaske\n")
    with pytest.raises(InputError) as caught:
        load_scenarios(directory, KINDS_MODEL)
    message = str(caught.value)
    for word in words:
        assert word in message, message
    assert "x.yaml:5:" in message


def test_a_scenario_needs_exactly_one_expectation(tmp_path):
    directory = _write(tmp_path, "id: x\ntitle: X\nchecklist: tjek-tilskud\nstory: En historie.\n"
                                 "answers: {bor: \"no\"}\nexpect: ikke-borger\nexpect_next: foedt\n")
    with pytest.raises(InputError) as caught:
        load_scenarios(directory, KINDS_MODEL)
    assert "exactly one of 'expect'" in str(caught.value)
