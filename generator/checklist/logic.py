"""What a checklist answers, by definition: three-valued tests, which questions are asked, and the outcome.

Answers are three-valued: a test on an answer of 'Ved ikke' ('unknown') is neither true nor false (Kleene
logic), and a test on a question that was not asked is false. A question is asked when its `ask_if` is true;
when its `ask_if` is unknown (it depends on a 'Ved ikke'), it is asked only if its answer can still change the
outcome — if every answer, and not asking it at all, leads to the same outcomes for every later answer, it is
left out. Once every question that applies is answered, the outcome whose `when` is true is the result; if none
is true but some could be, depending on the unknown answers, the checklist's 'maybe' outcome is the result,
naming the unknown answers that matter.

This module states that definition plainly (`by_definition`, exponential, used by the tests as the oracle).
`graph.py` computes the same thing symbolically, once per checklist, and everything else — the page, the
drawing, scenarios, `check`, `diff` and the command line — uses its decision graph.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.checklist.kinds import UNKNOWN
from generator.scheme.model import Checklist, Condition

ABSENT = object()   # a question left out: every test on it is false


@dataclass(frozen=True)
class Result:
    """Where a set of answers leads: the questions asked, the next one pending, or the outcome and why."""

    asked: tuple[str, ...]
    pending: str | None = None
    outcome: str | None = None
    reasons: tuple[str, ...] = ()   # questions whose answers decided the outcome
    unknown: tuple[str, ...] = ()   # questions answered 'Ved ikke' that the outcome depends on
    invalid: str | None = None      # a question whose answer the checklist cannot take


class LogicError(Exception):
    """The checklist's logic has a hole or an overlap for some answers."""

    def __init__(self, kind: str, answers: dict, outcomes: list[str]):
        super().__init__(kind)
        self.kind, self.answers, self.outcomes = kind, answers, outcomes


def truth(cond: Condition, measures: dict, questions: dict) -> bool | None:
    """True, False or None (unknown) for `cond`, given the measures of the answers so far (see kinds.base)."""
    if cond.all is not None:
        values = [truth(c, measures, questions) for c in cond.all]
        return False if False in values else (None if None in values else True)
    if cond.any is not None:
        values = [truth(c, measures, questions) for c in cond.any]
        return True if True in values else (None if None in values else False)
    if cond.not_ is not None:
        value = truth(cond.not_, measures, questions)
        return None if value is None else not value
    value = measures.get(cond.q, ABSENT)
    if value is ABSENT:
        return False
    if value == UNKNOWN:
        return None
    return questions[cond.q].test(cond, value)


def questions_in(cond: Condition | None) -> list[str]:
    """The question ids a condition tests, in order of first mention."""
    if cond is None:
        return []
    found: list[str] = [cond.q] if cond.q else []
    for sub in cond.parts():
        found += [q for q in questions_in(sub) if q not in found]
    return found


def question_tests(cond: Condition | None, path: tuple = ()):
    """(path, test) for every question test inside a condition."""
    if cond is None:
        return
    if cond.q is not None:
        yield path, cond
    for key, subs in (("all", cond.all), ("any", cond.any)):
        for n, sub in enumerate(subs or []):
            yield from question_tests(sub, path + (key, n))
    if cond.not_ is not None:
        yield from question_tests(cond.not_, path + ("not",))


def tests_by_question(checklist: Checklist) -> dict[str, list[Condition]]:
    """Every distinct test of each question, over all `ask_if`s and `when`s (what its branches must tell apart)."""
    found: dict[str, dict[str, Condition]] = {q.id: {} for q in checklist.questions}
    conditions = [q.ask_if for q in checklist.questions] + [o.when for o in checklist.outcomes]
    for cond in conditions:
        for _path, test in question_tests(cond):
            if test.q in found:
                found[test.q].setdefault(test_key(test), test)
    return {q: list(tests.values()) for q, tests in found.items()}


def test_key(cond: Condition) -> str:
    """Equal for equal question tests wherever they are written."""
    return cond.model_dump_json(by_alias=True, exclude_none=True)


def maybe_outcome(checklist: Checklist):
    return next((o for o in checklist.outcomes if o.verdict == "maybe" and o.when is None), None)


def leaf(checklist: Checklist, measures: dict, questions: dict) -> tuple[str, str | None, list[str]]:
    """('outcome', id, possible) or ('overlap' | 'hole' | 'needs-maybe', None, outcome ids) once all is asked."""
    verdicts = [(o, truth(o.when, measures, questions)) for o in checklist.outcomes if o.when is not None]
    true = [o.id for o, v in verdicts if v is True]
    if len(true) > 1:
        return "overlap", None, true
    if true:
        return "outcome", true[0], []
    possible = [o.id for o, v in verdicts if v is None]
    maybe = maybe_outcome(checklist)
    if possible and maybe is not None:
        return "outcome", maybe.id, possible
    return ("needs-maybe" if possible else "hole"), None, possible


def by_definition(checklist: Checklist, measures: dict, branches: dict) -> Result:
    """The definition above, computed the slow way (every future answer is tried): the tests' oracle.

    `measures` maps question ids to measures or UNKNOWN; `branches` maps question ids to the branches of
    `graph.plan` (one measure per class of answers, 'Ved ikke' included).
    """
    questions = {q.id: q for q in checklist.questions}
    order = checklist.questions
    memo: dict = {}

    def tree(i: int, given: dict):
        key = (i, frozenset(given.items()))
        if key in memo:
            return memo[key]
        if i == len(order):
            kind, outcome, found = leaf(checklist, given, questions)
            out = ("o", outcome) if kind == "outcome" else ("fail", kind, tuple(found))
        else:
            q = order[i]
            t = truth(q.ask_if, given, questions) if q.ask_if is not None else True
            if t is False:
                out = tree(i + 1, given)
            else:
                children = {b.key: tree(i + 1, {**given, q.id: b.measure}) for b in branches[q.id]}
                absent = tree(i + 1, given) if t is None else None
                if t is None and all(c == absent for c in children.values()):
                    out = absent
                elif len(set(children.values())) == 1:
                    out = next(iter(children.values()))
                else:
                    out = ("q", q.id, tuple(sorted(children.items())))
        memo[key] = out
        return out

    asked: list[str] = []
    given: dict = {}
    for i, q in enumerate(order):
        t = truth(q.ask_if, given, questions) if q.ask_if is not None else True
        if t is False:
            continue
        if t is None:
            absent = tree(i + 1, given)
            if all(tree(i + 1, {**given, q.id: b.measure}) == absent for b in branches[q.id]):
                continue
        if q.id not in measures:
            return Result(tuple(asked), pending=q.id)
        asked.append(q.id)
        given[q.id] = measures[q.id]
    kind, outcome, possible = leaf(checklist, given, questions)
    if kind != "outcome":
        raise LogicError(kind, given, possible)
    return explain(checklist, tuple(asked), given, outcome, possible)


def explain(checklist: Checklist, asked: tuple, given: dict, outcome: str, possible: list[str]) -> Result:
    """The reasons for an outcome: the asked questions its `when` tests (for 'maybe': the unknown ones that the
    still possible outcomes test), in the order they were asked."""
    whens = {o.id: o.when for o in checklist.outcomes}
    if not possible:
        mentioned = set(questions_in(whens[outcome]))
        return Result(asked, outcome=outcome, reasons=tuple(q for q in asked if q in mentioned))
    mentioned = {q for o in possible for q in questions_in(whens[o])}
    unknown = tuple(q for q in asked if q in mentioned and given[q] == UNKNOWN)
    return Result(asked, outcome=outcome, reasons=unknown, unknown=unknown)
