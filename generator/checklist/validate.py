"""Check each checklist's logic: references in scope, tests that fit each question's kind, and the proof that
every combination of answers reaches exactly one outcome.

The proof is the compiled decision graph (`graph.py`): it reasons over the conditions rather than walking the
answer paths, so a checklist of hundreds of questions is proven in seconds. Each failure names answers that
show it (a counterexample) and the line of the outcome or question to correct.
"""

from __future__ import annotations

from generator.checklist.graph import GraphTooLarge, graph_of
from generator.checklist.kinds import today
from generator.checklist.logic import question_tests, questions_in
from generator.scheme.model import Checklist, Condition, Rules
from generator.scheme.problems import Problem, did_you_mean, path_to_text
from generator.scheme.reading import Positions

MAX_FAILURES = 3   # counterexamples shown per checklist; the first ones usually explain the rest


def check(rules: Rules, positions: Positions) -> list[Problem]:
    problems: list[Problem] = []
    rule_kind = {r.id: r.kind for r in rules.rules}
    for i, checklist in enumerate(rules.checklists):
        base = ("checklists", i)
        found = _structure(checklist, base, positions, rule_kind)
        problems += found
        if not found:
            problems += _proof(checklist, base, positions)
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
    tests: dict[str, list] = {q.id: [] for q in checklist.questions}
    for n, q in enumerate(checklist.questions):
        if q.ask_if is not None:
            problems += _references(q.ask_if, base + ("questions", n, "ask_if"), positions, by_id, tests,
                                    before=lambda other, n=n: order.get(other, -1) < n)
    maybes = [n for n, o in enumerate(checklist.outcomes) if o.verdict == "maybe"]
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
            problems += _references(o.when, path + ("when",), positions, by_id, tests, before=lambda other: True)
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
            if rule_kind.get(rule) in ("objective", "exclusion"):
                problems.append(_problem(positions, path + ("assesses", k),
                                         f"rule '{rule}' is {'an exclusion' if rule_kind[rule] == 'exclusion' else 'objective'}, so there is "
                                         "nothing to assess.",
                                         "list only rules with kind: discretionary here, or mark the rule so."))
    if len(maybes) > 1:
        problems.append(_problem(positions, base + ("outcomes", maybes[1]),
                                 f"the checklist has {len(maybes)} outcomes with verdict 'maybe'; at most one is used.",
                                 "keep one outcome with verdict: maybe and no 'when'; give the others a 'when' "
                                 "and another verdict."))
    for q in checklist.questions:
        for path, message, fix in q.check_tests(tests[q.id]):
            problems.append(_problem(positions, path, message, fix))
    return problems


def _references(cond: Condition, path: tuple, positions: Positions, by_id: dict, tests: dict, before) -> list[Problem]:
    """Every question a condition tests exists and is asked before; its tests are noted for the kind's check."""
    problems: list[Problem] = []
    for sub_path, test in question_tests(cond, path):
        if test.q not in by_id:
            problems.append(_problem(positions, sub_path + ("q",), f"unknown question '{test.q}'."
                                     + did_you_mean(test.q, by_id), f"use a question id of this checklist: "
                                     f"{', '.join(by_id)}."))
            continue
        if not before(test.q):
            problems.append(_problem(positions, sub_path + ("q",), f"'ask_if' tests question '{test.q}', which is "
                                     "not asked before this one.", "test only earlier questions, or move this "
                                     "question after the one it depends on."))
        tests[test.q].append((sub_path, test))
    return problems


def _answers_text(graph, measures: dict) -> str:
    values = graph.answers(measures, today())
    return ", ".join(f"{q}={graph.questions[q].text_of(v)}" for q, v in values.items()) or "no answers"


def _proof(checklist: Checklist, base: tuple, positions: Positions) -> list[Problem]:
    """Every combination of answers reaches exactly one outcome; every outcome is reached; every question is
    asked somewhere; a maybe outcome exists exactly when 'Ved ikke' can leave the result open."""
    try:
        graph = graph_of(checklist)
    except GraphTooLarge as exc:
        return [_problem(positions, base + ("id",), f"checklist '{checklist.id}' needs a decision graph of more "
                         f"than {exc.limit} nodes: too much for a page.",
                         "split it into smaller checklists, or offer 'Ved ikke' (unknown: true) only on questions "
                         "a reader may really not know.")]
    index = {o.id: n for n, o in enumerate(checklist.outcomes)}
    problems = []
    for failure in graph.failures[:MAX_FAILURES]:
        answers = _answers_text(graph, failure.answers)
        if failure.kind == "overlap":
            later = max(index[o] for o in failure.outcomes)
            problems.append(_problem(positions, base + ("outcomes", later, "when"),
                                     f"outcomes {' and '.join(repr(o) for o in failure.outcomes)} both hold for the "
                                     f"answers {answers}.",
                                     "narrow the 'when' of one of them so that they cannot both hold."))
        elif failure.kind == "hole":
            problems.append(_problem(positions, base + ("outcomes",), f"no outcome holds for the answers {answers}.",
                                     "add an outcome for these answers, or widen the 'when' of an existing one."))
        else:
            problems.append(_problem(positions, base + ("outcomes",),
                                     f"for the answers {answers} the result depends on 'Ved ikke' (it could be "
                                     f"{' or '.join(repr(o) for o in failure.outcomes)}), but no outcome has "
                                     "verdict 'maybe'.",
                                     "add an outcome with verdict: maybe and no 'when' (shown when the result "
                                     "depends on 'Ved ikke'), or set unknown: false on the questions that every "
                                     "reader can answer."))
    if graph.failures:
        return problems
    reached, asked = graph.reached_outcomes(), graph.asked_questions()
    for n, o in enumerate(checklist.outcomes):
        if o.id in reached:
            continue
        if o.verdict == "maybe":
            if not any(q.unknown for q in checklist.questions):
                message = f"no question offers 'Ved ikke' (all have unknown: false), so outcome '{o.id}' is never shown."
                fix = f"remove outcome '{o.id}', or offer 'Ved ikke' (unknown: true) on a question a reader may not know."
            else:
                message = f"no answer 'Ved ikke' leaves the result open, so outcome '{o.id}' is never shown."
                fix = f"remove outcome '{o.id}': every combination of answers already has a definite outcome."
            problems.append(_problem(positions, base + ("outcomes", n), message, fix))
        else:
            problems.append(_problem(positions, base + ("outcomes", n), f"outcome '{o.id}' can never be reached: no "
                                     "combination of answers makes its 'when' hold.",
                                     "correct its 'when', or remove the outcome."))
    for n, q in enumerate(checklist.questions):
        if q.id not in asked:
            problems.append(_problem(positions, base + ("questions", n), f"question '{q.id}' is never asked.",
                                     "correct its 'ask_if', or remove the question."))
    return problems

