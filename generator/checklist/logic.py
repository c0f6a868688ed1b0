"""The one definition of what a checklist answers: the Python reference evaluator and its compiled graph.

Answers are three-valued: a test on an answer of 'Ved ikke' ('unknown') is neither true nor false (Kleene
logic). A question is asked when its `ask_if` is true or unknown. Once every question that applies is
answered, the outcome whose `when` is true is the result; if none is true but some could be, depending on the
unknown answers, the checklist's 'maybe' outcome is the result, naming the unknown answers that matter.

The browser never re-implements this: `compile_graph` walks every answer path here, at build time, and
emits a decision graph (identical sub-graphs shared) that the page's script only follows.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field

from generator.scheme.model import Checklist, Condition, Question

UNKNOWN = "unknown"
YES_NO = ("yes", "no")
Answer = str | int


@dataclass(frozen=True)
class Result:
    """Where a set of answers leads: the questions asked, the next one pending, or the outcome and why."""

    asked: tuple[str, ...]
    pending: str | None = None
    outcome: str | None = None
    reasons: tuple[str, ...] = ()   # questions whose answers decided the outcome
    unknown: tuple[str, ...] = ()   # questions answered 'Ved ikke' that the outcome depends on


class LogicError(Exception):
    """The checklist's logic has a hole or an overlap for some answers (found by `checks`)."""

    def __init__(self, kind: str, answers: dict, outcomes: list[str]):
        super().__init__(kind)
        self.kind, self.answers, self.outcomes = kind, answers, outcomes


# --- three-valued tests ------------------------------------------------------------------------------


def truth(cond: Condition, answers: dict[str, Answer]) -> bool | None:
    """True, False or None (unknown) for `cond` given the answers of the questions asked so far."""
    if cond.all is not None:
        values = [truth(c, answers) for c in cond.all]
        return False if False in values else (None if None in values else True)
    if cond.any is not None:
        values = [truth(c, answers) for c in cond.any]
        return True if True in values else (None if None in values else False)
    if cond.not_ is not None:
        value = truth(cond.not_, answers)
        return None if value is None else not value
    value = answers.get(cond.q)
    if value is None:          # not asked: a test on it is simply false
        return False
    if value == UNKNOWN:
        return None
    if cond.is_ is not None:
        return _same(value, cond.is_)
    if cond.in_ is not None:
        return any(_same(value, v) for v in cond.in_)
    number = float(value)
    for op, limit in (("gte", cond.gte), ("gt", cond.gt), ("lte", cond.lte), ("lt", cond.lt)):
        if limit is not None:
            return {"gte": number >= limit, "gt": number > limit, "lte": number <= limit, "lt": number < limit}[op]
    raise AssertionError("validated conditions always have a test")


def _same(answer: Answer, expected: Answer) -> bool:
    if isinstance(expected, int) and not isinstance(expected, bool):
        try:
            return float(answer) == expected
        except (TypeError, ValueError):
            return False
    return str(answer) == str(expected)


def questions_in(cond: Condition | None) -> list[str]:
    """The question ids a condition tests, in order of first mention."""
    if cond is None:
        return []
    found: list[str] = []
    for sub in (cond.all or []) + (cond.any or []) + ([cond.not_] if cond.not_ else []):
        found += [q for q in questions_in(sub) if q not in found]
    if cond.q and cond.q not in found:
        found.insert(0, cond.q)
    return found


# --- the reference evaluator -------------------------------------------------------------------------


def walk(checklist: Checklist, answers: dict[str, Answer]) -> tuple[list[str], str | None]:
    """The questions asked in order for these answers, and the first one still unanswered (or None)."""
    asked: list[str] = []
    given: dict[str, Answer] = {}
    for q in checklist.questions:
        if q.ask_if is not None and truth(q.ask_if, given) is False:
            continue
        if q.id not in answers:
            return asked, q.id
        asked.append(q.id)
        given[q.id] = answers[q.id]
    return asked, None


def evaluate(checklist: Checklist, answers: dict[str, Answer]) -> Result:
    """The reference answer: which outcome these answers reach and why (raises LogicError on a hole/overlap)."""
    asked, pending = walk(checklist, answers)
    if pending is not None:
        return Result(tuple(asked), pending=pending)
    given = {q: answers[q] for q in asked}
    verdicts = [(o, truth(o.when, given)) for o in checklist.outcomes if o.when is not None]
    true = [o for o, v in verdicts if v is True]
    if len(true) > 1:
        raise LogicError("overlap", given, [o.id for o in true])
    if true:
        reasons = tuple(q for q in asked if q in questions_in(true[0].when))   # in the order they were asked
        return Result(tuple(asked), outcome=true[0].id, reasons=reasons)
    possible = [o for o, v in verdicts if v is None]
    maybe = next((o for o in checklist.outcomes if o.verdict == "maybe" and o.when is None), None)
    if not possible or maybe is None:
        raise LogicError("hole", given, [])
    mentioned = {q for o in possible for q in questions_in(o.when)}
    unknown = [q for q in asked if q in mentioned and given[q] == UNKNOWN]
    return Result(tuple(asked), outcome=maybe.id, reasons=tuple(unknown), unknown=tuple(unknown))


# --- answers to try: every value a question can take, numbers as bands ------------------------------


@dataclass(frozen=True)
class Band:
    """A range of whole numbers that every condition treats alike; `key` names it in the graph."""

    low: int
    high: int

    @property
    def key(self) -> str:
        return f"{self.low}-{self.high}" if self.low != self.high else str(self.low)


def number_bands(checklist: Checklist, question: Question) -> list[Band]:
    """Split [min, max] wherever some condition's verdict on this question can change."""
    cuts = {question.min, question.max + 1}
    for cond in _all_conditions(checklist):
        if cond.q != question.id:
            continue
        for limit, shift in ((cond.gte, 0), (cond.gt, 1), (cond.lte, 1), (cond.lt, 0)):
            if limit is not None:
                cuts.add(math.floor(limit) + shift if shift else math.ceil(limit))
        for value in ([cond.is_] if cond.is_ is not None else []) + list(cond.in_ or []):
            if isinstance(value, int):
                cuts.update({value, value + 1})
    edges = sorted(c for c in cuts if question.min <= c <= question.max + 1)
    bands = [Band(lo, hi - 1) for lo, hi in zip(edges, edges[1:]) if hi - 1 >= lo]
    return _merge_alike(checklist, question, bands)


def _merge_alike(checklist: Checklist, question: Question, bands: list[Band]) -> list[Band]:
    """Join neighbouring bands that every condition on the question treats the same."""
    conds = [c for c in _all_conditions(checklist) if c.q == question.id]

    def signature(band: Band) -> tuple:
        return tuple(truth(c, {question.id: band.low}) for c in conds)

    merged: list[Band] = []
    for band in bands:
        if merged and signature(merged[-1]) == signature(band):
            merged[-1] = Band(merged[-1].low, band.high)
        else:
            merged.append(band)
    return merged


def _all_conditions(checklist: Checklist):
    def walk_cond(cond: Condition | None):
        if cond is None:
            return
        yield cond
        for sub in (cond.all or []) + (cond.any or []) + ([cond.not_] if cond.not_ else []):
            yield from walk_cond(sub)

    for q in checklist.questions:
        yield from walk_cond(q.ask_if)
    for o in checklist.outcomes:
        yield from walk_cond(o.when)


def all_bands(checklist: Checklist) -> dict[str, list[Band]]:
    """The bands of every number question, computed once per walk rather than at every node."""
    return {q.id: number_bands(checklist, q) for q in checklist.questions if q.kind == "number"}


def branches(checklist: Checklist, question: Question, bands: dict[str, list[Band]] | None = None,
             ) -> list[tuple[str, Answer]]:
    """(graph key, a representative answer) for every distinct answer the question can get."""
    if question.kind == "yes_no":
        out = [(v, v) for v in YES_NO]
    elif question.kind == "choice":
        out = [(o.value, o.value) for o in question.options]
    else:
        found = bands[question.id] if bands is not None else number_bands(checklist, question)
        out = [(b.key, b.low) for b in found]
    if question.unknown:
        out.append((UNKNOWN, UNKNOWN))
    return out


# --- every path, and the compiled graph ---------------------------------------------------------------


@dataclass
class Path:
    """One complete way through a checklist: the answers given, in order, and where they lead."""

    answers: dict[str, Answer]
    result: Result


def paths(checklist: Checklist, limit: int | None = None) -> list[Path]:
    """Every complete answer path, depth first (stops after `limit` paths when given)."""
    by_id = {q.id: q for q in checklist.questions}
    bands = all_bands(checklist)
    found: list[Path] = []

    def visit(answers: dict[str, Answer]) -> bool:
        result = evaluate(checklist, answers)
        if result.pending is None:
            found.append(Path(dict(answers), result))
            return limit is None or len(found) < limit
        question = by_id[result.pending]
        for _, value in branches(checklist, question, bands):
            if not visit({**answers, question.id: value}):
                return False
        return True

    visit({})
    return found


@dataclass
class Graph:
    """The decision graph: nodes are questions (with where each answer leads) or outcomes (with why)."""

    nodes: list[dict] = field(default_factory=list)
    root: int = 0

    def to_json(self) -> dict:
        return {"root": self.root, "nodes": self.nodes}


def compile_graph(checklist: Checklist) -> Graph:
    """Walk every answer path once and share identical sub-graphs, so the browser only follows arrows."""
    by_id = {q.id: q for q in checklist.questions}
    bands = all_bands(checklist)
    graph = Graph()
    interned: dict[str, int] = {}

    def intern(node: dict) -> int:
        key = json.dumps(node, sort_keys=True)
        if key not in interned:
            interned[key] = len(graph.nodes)
            graph.nodes.append(node)
        return interned[key]

    def build(answers: dict[str, Answer]) -> int:
        result = evaluate(checklist, answers)
        if result.pending is None:
            return intern({"outcome": result.outcome, "reasons": list(result.reasons),
                           "unknown": list(result.unknown)})
        question = by_id[result.pending]
        node: dict = {"q": question.id, "next": {}}
        for key, value in branches(checklist, question, bands):
            node["next"][key] = build({**answers, question.id: value})
        if question.kind == "number":
            node["bands"] = [[b.low, b.high, b.key] for b in bands[question.id]]
        return intern(node)

    graph.root = build({})
    return graph


def follow(graph: Graph, answers: dict[str, Answer]) -> tuple[list[tuple[str, str]], dict]:
    """Walk the compiled graph as the page's script does: the (question, branch key) steps taken and the leaf."""
    steps: list[tuple[str, str]] = []
    node = graph.nodes[graph.root]
    while "q" in node:
        value = answers[node["q"]]
        key = str(value)
        if "bands" in node and value != UNKNOWN:
            key = next(b[2] for b in node["bands"] if b[0] <= int(value) <= b[1])
        steps.append((node["q"], key))
        node = graph.nodes[node["next"][key]]
    return steps, node
