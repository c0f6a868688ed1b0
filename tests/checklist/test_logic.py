"""The definition of what a checklist answers: three-valued tests, 'maybe' only where the result depends on
'Ved ikke', and a 'Ved ikke' opens only the questions that can still change the outcome."""

from __future__ import annotations

import pytest

from generator.checklist.graph import evaluate, graph_of, plan
from generator.checklist.logic import UNKNOWN, by_definition, truth
from generator.scheme.loader import load
from generator.scheme.model import Condition

from support import FIXTURES, RULES

MINIMAL = load(FIXTURES / "minimal.yaml").checklists[0]
QUESTIONS = {q.id: q for q in MINIMAL.questions}   # med: yes_no, antal: number 1..10
REAL = {c.id: c for c in load(RULES).checklists}
KINDS = {c.id: c for c in load(FIXTURES / "kinds" / "rules.yaml").checklists}


def cond(**kw) -> Condition:
    return Condition.model_validate(kw)


@pytest.mark.parametrize("condition,answers,expected", [
    (dict(q="med", **{"is": "yes"}), {"med": "yes"}, True),
    (dict(q="med", **{"is": "yes"}), {"med": "no"}, False),
    (dict(q="med", **{"is": "yes"}), {"med": UNKNOWN}, None),
    (dict(q="med", **{"is": "yes"}), {}, False),  # not asked: simply false
    (dict(all=[dict(q="med", **{"is": "yes"}), dict(q="antal", gte=2)]), {"med": "no", "antal": UNKNOWN}, False),
    (dict(all=[dict(q="med", **{"is": "yes"}), dict(q="antal", gte=2)]), {"med": "yes", "antal": UNKNOWN}, None),
    (dict(any=[dict(q="med", **{"is": "yes"}), dict(q="antal", gte=2)]), {"med": "yes", "antal": UNKNOWN}, True),
    (dict(any=[dict(q="med", **{"is": "yes"}), dict(q="antal", gte=2)]), {"med": "no", "antal": UNKNOWN}, None),
    (dict(**{"not": dict(q="med", **{"is": "yes"})}), {"med": UNKNOWN}, None),
    (dict(**{"not": dict(q="med", **{"is": "yes"})}), {"med": "no"}, True),
    (dict(q="antal", gte=2), {"antal": 2}, True),
    (dict(q="antal", gt=2), {"antal": 2}, False),
    (dict(q="antal", lt=2.5), {"antal": 2}, True),
    (dict(q="antal", **{"in": [3, 4]}), {"antal": 4}, True),
    (dict(q="med", **{"in": ["yes", "no"]}), {"med": "no"}, True),
])
def test_tests_are_three_valued(condition, answers, expected):
    assert truth(cond(**condition), answers, QUESTIONS) is expected


def test_unknown_is_never_read_as_yes_or_no():
    result = evaluate(MINIMAL, {"med": UNKNOWN, "antal": 1})
    assert result.outcome == "maaske"
    assert result.unknown == ("med",)


def test_unknown_that_does_not_matter_gives_a_definite_answer():
    result = evaluate(MINIMAL, {"med": UNKNOWN, "antal": 5})
    assert result.outcome == "mange", "'I er for mange' holds whatever the unknown answer is"
    assert result.unknown == ()


def test_question_opened_by_an_unknown_answer_is_asked_when_it_can_change_the_outcome():
    assert evaluate(MINIMAL, {"med": UNKNOWN}).pending == "antal", "antal ≥ 2 would give 'mange' for sure"
    assert evaluate(MINIMAL, {"med": "no"}).pending is None


def test_a_dont_know_opens_only_questions_that_can_still_change_the_outcome():
    """Borger: with 'Ved ikke' to the benefit, whether the reader has reduced working capacity (asked only for
    sickness benefit) cannot change anything any more: it is left out, and the result names what to clarify."""
    borger = REAL["tjek-borger"]
    answers = {"egen-virksomhed": "yes", "ejere": 1, "revalidering": "no", "ydelse": UNKNOWN}
    result = evaluate(borger, answers)
    assert result.outcome == "afklar" and result.asked == tuple(answers)
    assert result.unknown == ("ydelse",)
    # With a known benefit the same question is asked as before.
    assert evaluate(borger, {**answers, "ydelse": "sygedagpenge"}).pending == "nedsat-arbejdsevne"
    # And where an answer can still decide the outcome, the opened question stays: an unknown revalidering
    # still asks which benefit the reader gets, because 'kontanthjælp' + 'under afklaring' decides it.
    opened = evaluate(borger, {"egen-virksomhed": "yes", "ejere": 1, "revalidering": UNKNOWN})
    assert opened.pending == "ydelse"


@pytest.mark.parametrize("checklist", [*REAL.values(), *KINDS.values(), MINIMAL], ids=lambda c: c.id)
def test_the_compiled_graph_gives_the_definitions_answer_on_every_path(checklist):
    """The symbolic compiler (graph.py) against the plain definition (logic.by_definition) on every path."""
    graph = graph_of(checklist)
    _tests, branches, _routes = plan(checklist)
    walked = graph.paths()
    assert walked
    for measures, leaf in walked:
        reference = by_definition(checklist, measures, branches)
        followed = graph.result(checklist, measures)
        assert followed.asked == reference.asked, measures
        assert (followed.outcome, followed.reasons, followed.unknown) == \
               (reference.outcome, reference.reasons, reference.unknown), measures
        assert leaf["outcome"] == reference.outcome


@pytest.mark.parametrize("checklist", [*REAL.values(), *KINDS.values()], ids=lambda c: c.id)
def test_every_prefix_stops_at_the_question_the_definition_asks_next(checklist):
    graph = graph_of(checklist)
    _tests, branches, _routes = plan(checklist)
    for measures, _leaf in graph.paths():
        asked = list(measures)
        for n in range(len(asked)):
            prefix = {q: measures[q] for q in asked[:n]}
            assert graph.result(checklist, prefix).pending == by_definition(checklist, prefix, branches).pending
