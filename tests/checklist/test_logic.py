"""The reference evaluator: three-valued answers, 'maybe' only where the result depends on 'Ved ikke'."""

from __future__ import annotations

import pytest

from generator.scheme.loader import load
from generator.checklist.logic import UNKNOWN, compile_graph, evaluate, follow, number_bands, paths, truth
from generator.scheme.model import Condition

from support import FIXTURES, RULES

MINIMAL = load(FIXTURES / "minimal.yaml").checklists[0]
REAL = {c.id: c for c in load(RULES).checklists}


def cond(**kw) -> Condition:
    return Condition.model_validate(kw)


@pytest.mark.parametrize("condition,answers,expected", [
    (dict(q="a", **{"is": "yes"}), {"a": "yes"}, True),
    (dict(q="a", **{"is": "yes"}), {"a": "no"}, False),
    (dict(q="a", **{"is": "yes"}), {"a": UNKNOWN}, None),
    (dict(q="a", **{"is": "yes"}), {}, False),  # not asked: simply false
    (dict(all=[dict(q="a", **{"is": "yes"}), dict(q="b", **{"is": "yes"})]), {"a": "no", "b": UNKNOWN}, False),
    (dict(all=[dict(q="a", **{"is": "yes"}), dict(q="b", **{"is": "yes"})]), {"a": "yes", "b": UNKNOWN}, None),
    (dict(any=[dict(q="a", **{"is": "yes"}), dict(q="b", **{"is": "yes"})]), {"a": "yes", "b": UNKNOWN}, True),
    (dict(any=[dict(q="a", **{"is": "yes"}), dict(q="b", **{"is": "yes"})]), {"a": "no", "b": UNKNOWN}, None),
    (dict(**{"not": dict(q="a", **{"is": "yes"})}), {"a": UNKNOWN}, None),
    (dict(**{"not": dict(q="a", **{"is": "yes"})}), {"a": "no"}, True),
    (dict(q="n", gte=2), {"n": 2}, True),
    (dict(q="n", gt=2), {"n": 2}, False),
    (dict(q="n", lt=2), {"n": 1}, True),
    (dict(q="n", **{"in": ["x", "y"]}), {"n": "y"}, True),
])
def test_tests_are_three_valued(condition, answers, expected):
    assert truth(cond(**condition), answers) is expected


def test_unknown_is_never_read_as_yes_or_no():
    result = evaluate(MINIMAL, {"med": UNKNOWN, "antal": 1})
    assert result.outcome == "maaske"
    assert result.unknown == ("med",)


def test_unknown_that_does_not_matter_gives_a_definite_answer():
    result = evaluate(MINIMAL, {"med": UNKNOWN, "antal": 5})
    assert result.outcome == "mange", "'I er for mange' holds whatever the unknown answer is"
    assert result.unknown == ()


def test_question_with_unknown_condition_is_asked():
    assert evaluate(MINIMAL, {"med": UNKNOWN}).pending == "antal"
    assert evaluate(MINIMAL, {"med": "no"}).pending is None


def test_number_bands_split_where_a_condition_changes():
    antal = MINIMAL.questions[1]
    assert [(b.low, b.high) for b in number_bands(MINIMAL, antal)] == [(1, 1), (2, 10)]


def test_every_path_of_the_real_checklists_reaches_exactly_one_outcome():
    for checklist in REAL.values():
        walked = paths(checklist)
        assert walked and all(p.result.outcome for p in walked)
        assert {p.result.outcome for p in walked} == {o.id for o in checklist.outcomes}


def test_compiled_graph_gives_the_evaluators_outcome_for_every_path():
    for checklist in REAL.values():
        graph = compile_graph(checklist)
        for p in paths(checklist):
            steps, node = follow(graph, p.answers)
            assert [q for q, _ in steps] == list(p.result.asked)
            assert node["outcome"] == p.result.outcome
            assert node["unknown"] == list(p.result.unknown)


def test_graph_shares_identical_sub_graphs():
    checklist = REAL["tjek-borger"]
    assert len(compile_graph(checklist).nodes) < len(paths(checklist))
