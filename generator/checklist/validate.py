"""Check each checklist's logic: references in scope, values that exist, and exactly one outcome for every path.

Completeness and overlap are proven by walking every answer path with the reference evaluator (`logic`),
so a checklist that builds can never leave a reader without an answer or give two answers at once.
"""

from __future__ import annotations

from generator.checklist.logic import UNKNOWN, LogicError, paths, questions_in
from generator.scheme.model import Checklist, Condition, Question, Rules
from generator.scheme.problems import Problem, did_you_mean, path_to_text
from generator.scheme.reading import Positions

PATH_LIMIT = 20000


def check(rules: Rules, positions: Positions) -> list[Problem]:
    problems: list[Problem] = []
    rule_kind = {r.id: r.kind for r in rules.rules}
    for i, checklist in enumerate(rules.checklists):
        base = ("checklists", i)
        found = _structure(checklist, base, positions, rule_kind)
        problems += found
        if not found:
            problems += _coverage(checklist, base, positions)
    return problems


def _problem(positions: Positions, path: tuple, message: str, fix: str) -> Problem:
    line, col = positions.of(path, key=isinstance(path[-1], str))
    return Problem(positions.file, line, col, path_to_text(path), message, fix)


def _structure(checklist: Checklist, base: tuple, positions: Positions, rule_kind: dict) -> list[Problem]:
    problems: list[Problem] = []
    order = {q.id: n for n, q in enumerate(checklist.questions)}
    by_id = {q.id: q for q in checklist.questions}
    for kind, items in (("question", checklist.questions), ("outcome", checklist.outcomes)):
        seen: set[str] = set()
        for n, item in enumerate(items):
            if item.id in seen:
                problems.append(_problem(positions, base + (kind + "s", n, "id"),
                                         f"the {kind} id '{item.id}' is used twice in this checklist.",
                                         f"give each {kind} its own id."))
            seen.add(item.id)
    for n, q in enumerate(checklist.questions):
        if q.ask_if is not None:
            problems += _condition(q.ask_if, base + ("questions", n, "ask_if"), positions, by_id,
                                   before=lambda other, n=n: order.get(other, -1) < n)
    maybes = [o for o in checklist.outcomes if o.verdict == "maybe"]
    for n, o in enumerate(checklist.outcomes):
        path = base + ("outcomes", n)
        if o.verdict == "maybe" and o.when is not None:
            problems.append(_problem(positions, path + ("when",), "the 'maybe' outcome has a 'when'.",
                                     "remove 'when': the maybe outcome is used whenever the result depends on "
                                     "answers given as 'Ved ikke'."))
        if o.verdict != "maybe" and o.when is None:
            problems.append(_problem(positions, path, f"outcome '{o.id}' has no 'when'.",
                                     "add 'when:' with the answers that lead to this outcome."))
        if o.when is not None:
            problems += _condition(o.when, path + ("when",), positions, by_id, before=lambda other: True)
            if o.verdict in ("yes", "no"):
                for qid in questions_in(o.when):
                    rule = by_id[qid].rule if qid in by_id else None
                    if rule and rule_kind.get(rule) == "discretionary":
                        problems.append(_problem(
                            positions, path + ("verdict",),
                            f"outcome '{o.id}' gives a final '{o.verdict}' from question '{qid}', which tests the "
                            f"discretionary rule '{rule}'.",
                            "use verdict: assess: a caseworker's assessment is never a final yes or no."))
        for k, rule in enumerate(o.assesses):
            if rule_kind.get(rule) == "objective":
                problems.append(_problem(positions, path + ("assesses", k),
                                         f"rule '{rule}' is objective, so there is nothing to assess.",
                                         "list only rules with kind: discretionary here, or mark the rule so."))
    if len(maybes) != 1:
        problems.append(_problem(positions, base + ("outcomes",),
                                 f"the checklist has {len(maybes)} outcomes with verdict 'maybe'; it needs exactly one.",
                                 "keep one outcome with verdict: maybe and no 'when': it answers when the result "
                                 "depends on 'Ved ikke'."))
    return problems


def _condition(cond: Condition, path: tuple, positions: Positions, by_id: dict[str, Question], before) -> list[Problem]:
    problems: list[Problem] = []
    for key, subs in (("all", cond.all), ("any", cond.any)):
        for n, sub in enumerate(subs or []):
            problems += _condition(sub, path + (key, n), positions, by_id, before)
    if cond.not_ is not None:
        problems += _condition(cond.not_, path + ("not",), positions, by_id, before)
    if cond.q is None:
        return problems
    if cond.q not in by_id:
        problems.append(_problem(positions, path + ("q",), f"unknown question '{cond.q}'."
                                 + did_you_mean(cond.q, by_id), f"use a question id of this checklist: "
                                 f"{', '.join(by_id)}."))
        return problems
    if not before(cond.q):
        problems.append(_problem(positions, path + ("q",), f"'ask_if' tests question '{cond.q}', which is not "
                                 "asked before this one.", "test only earlier questions, or move this question "
                                 "after the one it depends on."))
    question = by_id[cond.q]
    numeric = [k for k in ("gte", "gt", "lte", "lt") if getattr(cond, k) is not None]
    if numeric and question.kind != "number":
        problems.append(_problem(positions, path + (numeric[0],), f"'{numeric[0]}' compares numbers, but "
                                 f"'{question.id}' is a {question.kind} question.", "use is: or in: with one of its "
                                 f"values: {', '.join(_values(question))}."))
    for key, values in (("is", [cond.is_] if cond.is_ is not None else []), ("in", cond.in_ or [])):
        for n, value in enumerate(values):
            where = path + ((key,) if key == "is" else (key, n))
            if value == UNKNOWN:
                problems.append(_problem(positions, where, "a condition cannot test for 'unknown'.",
                                         "leave 'Ved ikke' to the checklist's maybe outcome, which is chosen "
                                         "automatically when the result depends on it."))
            elif question.kind == "number":
                if not isinstance(value, int) or not question.min <= value <= question.max:
                    problems.append(_problem(positions, where, f"'{value}' is not a number between "
                                             f"{question.min} and {question.max}.", "use a whole number in range."))
            elif str(value) not in _values(question):
                problems.append(_problem(positions, where, f"'{value}' is not an answer to '{question.id}'."
                                         + did_you_mean(value, _values(question)),
                                         f"use one of: {', '.join(_values(question))}."))
    return problems


def _values(question: Question) -> list[str]:
    return ["yes", "no"] if question.kind == "yes_no" else [o.value for o in question.options]


def _coverage(checklist: Checklist, base: tuple, positions: Positions) -> list[Problem]:
    """Every path reaches exactly one outcome; every outcome is reached; every question is asked somewhere."""
    try:
        walked = paths(checklist, limit=PATH_LIMIT)
    except LogicError as exc:
        answers = ", ".join(f"{q}={v}" for q, v in exc.answers.items()) or "no answers"
        if exc.kind == "overlap":
            later = max(n for n, o in enumerate(checklist.outcomes) if o.id in exc.outcomes)
            return [_problem(positions, base + ("outcomes", later, "when"),
                             f"outcomes {' and '.join(repr(o) for o in exc.outcomes)} both hold for the answers "
                             f"{answers}.", "narrow the 'when' of one of them so that they cannot both hold.")]
        return [_problem(positions, base + ("outcomes",), f"no outcome holds for the answers {answers}.",
                         "add an outcome for these answers, or widen the 'when' of an existing one.")]
    problems = []
    reached = {p.result.outcome for p in walked}
    asked = {q for p in walked for q in p.result.asked}
    for n, o in enumerate(checklist.outcomes):
        if o.id not in reached:
            problems.append(_problem(positions, base + ("outcomes", n), f"outcome '{o.id}' can never be reached.",
                                     "correct its 'when', or remove the outcome."))
    for n, q in enumerate(checklist.questions):
        if q.id not in asked:
            problems.append(_problem(positions, base + ("questions", n), f"question '{q.id}' is never asked.",
                                     "correct its 'ask_if', or remove the question."))
    return problems
