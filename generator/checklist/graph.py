"""The decision graph of a checklist, compiled once, with the proof that every answer reaches one outcome.

How it is built, without walking every answer path: the conditions (`ask_if`s and `when`s) become formulas
over tests of answers. Answering a question replaces its tests by true, false or unknown and simplifies what
is left (Kleene logic: `all` drops true parts and is false with a false one, …). Two ways of answering that
leave the same formulas behind have the same future, so they share one sub-graph: the graph has one node per
distinct state, not per path, like a decision diagram. A 200-question chain with 'Ved ikke' everywhere has
2^200 answer paths but a few hundred states.

At each state the next question's `ask_if` is true, false or unknown; on unknown, the question is asked only if
some answer leads to a different outcome-graph than leaving it out (logic.py states the rule). Each leaf is
checked as it is made: two outcomes true is an overlap, none true and none possible a hole, some possible but
no 'maybe' outcome a missing maybe — each with the answers that lead there as its counterexample. Outcomes
never reached and questions never asked follow from the finished graph.

Numbers, amounts and dates are split into bands at the limits their conditions name (interval reasoning), and
multiple-choice answers into the classes their tests tell apart, so each node has a handful of branches.

The page's script follows this graph: it maps an answer to its branch with the kind's own rule and walks the
arrows; it never evaluates a condition. `evaluate` here walks the same graph for the command line, scenarios
and templates.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from dataclasses import dataclass, field

from generator.checklist.kinds import UNKNOWN, AnswerError, Branch
from generator.checklist.kinds.amount import Amount
from generator.checklist.logic import Result, explain, maybe_outcome, question_tests, test_key, tests_by_question
from generator.scheme.model import Checklist, Condition

T, F, U = 0, 1, 2          # the three constant formulas
MAX_NODES = 20000          # a graph larger than this is refused: the page would be too heavy
MAX_STATES = 200000
_CACHE: dict[str, "DecisionGraph"] = {}


class GraphTooLarge(Exception):
    """The checklist's decision graph outgrows what a page can carry (`limit` nodes)."""

    def __init__(self, limit: int):
        super().__init__(f"more than {limit} nodes")
        self.limit = limit


@dataclass
class Failure:
    """A place where the logic breaks, with answers that lead there."""

    kind: str                   # 'overlap', 'hole' or 'needs-maybe'
    answers: dict               # question id → measure (turn into answers with `DecisionGraph.answers`)
    outcomes: list[str]         # the outcomes that both hold (overlap) or that are still possible


@dataclass
class DecisionGraph:
    """A checklist's compiled decision graph: nodes, the branches and routes of each question, and the proof."""

    checklist_id: str
    questions: dict                         # id → question (a kind's class)
    branches: dict[str, list[Branch]]       # id → its branches, 'Ved ikke' last where offered
    routes: dict[str, dict]                 # id → what the page needs to find a branch
    mentions: dict[str, list[str]]          # outcome id → the questions its `when` tests
    nodes: list[dict] = field(default_factory=list)
    root: int = 0
    examples: list[list] = field(default_factory=list)   # per node: [(question, measure), …] that reach it
    failures: list[Failure] = field(default_factory=list)
    states: int = 0

    # --- what the page gets ----------------------------------------------------------------------------

    def to_json(self) -> dict:
        return {"root": self.root, "nodes": self.nodes}

    def size(self) -> dict:
        """Nodes, arrows and bytes of the graph as the page carries it."""
        data = json.dumps(self.to_json(), separators=(",", ":"))
        return {"nodes": len(self.nodes), "edges": sum(len(n.get("next", {})) for n in self.nodes),
                "bytes": len(data.encode("utf-8"))}

    # --- what the proof found ----------------------------------------------------------------------------

    def reached_outcomes(self) -> set[str]:
        return {n["outcome"] for n in self.nodes if "outcome" in n}

    def asked_questions(self) -> set[str]:
        return {n["q"] for n in self.nodes if "q" in n}

    def unknown_before(self) -> dict[str, set[str]]:
        """For each question the graph asks, the questions some path has answered «Ved ikke» before asking it.

        The paper checklist says "if you answered «Ved ikke» to one of those, answer here too" only where a path
        does that: where «Ved ikke» ends the checklist at once, the later questions are never asked after it.
        """
        seen: list[set[str]] = [set() for _ in self.nodes]
        before: dict[str, set[str]] = {}
        for index in range(len(self.nodes) - 1, -1, -1):    # parents come after their children
            node = self.nodes[index]
            if "q" not in node:
                continue
            before.setdefault(node["q"], set()).update(seen[index])
            for key, child in node["next"].items():
                seen[child] |= seen[index] | ({node["q"]} if key == UNKNOWN else set())
        return before

    def count_paths(self) -> int:
        """How many complete answer paths there are (counted on the graph, not walked)."""
        counts: list[int] = []
        for node in self.nodes:            # children come before their parents
            counts.append(sum(counts[c] for c in node["next"].values()) if "q" in node else 1)
        return counts[self.root] if counts else 0

    # --- following it -------------------------------------------------------------------------------------

    def follow(self, measures: dict) -> tuple[list[tuple[str, str]], dict]:
        """Walk the graph as the page's script does: the (question, branch key) steps taken and where it stops
        (a leaf, or {'pending': q} / {'invalid': q})."""
        steps: list[tuple[str, str]] = []
        node = self.nodes[self.root]
        while "q" in node:
            q = node["q"]
            if q not in measures:
                return steps, {"pending": q}
            value = measures[q]
            key = UNKNOWN if value == UNKNOWN else self.questions[q].key(value, self.routes[q])
            if key is None or key not in node["next"]:
                return steps, {"invalid": q}
            steps.append((q, key))
            node = self.nodes[node["next"][key]]
        return steps, node

    def result(self, checklist: Checklist, measures: dict) -> Result:
        steps, end = self.follow(measures)
        asked = tuple(q for q, _key in steps)
        if "pending" in end:
            return Result(asked, pending=end["pending"])
        if "invalid" in end:
            return Result(asked, invalid=end["invalid"])
        given = {q: measures[q] for q in asked}
        return explain(checklist, asked, given, end["outcome"], end.get("possible", []))

    def answers(self, measures: dict, day: dt.date | None = None) -> dict:
        """Answer values for measures (e.g. a date for 'at least 36 half-months ago'), to show or replay."""
        return {q: m if m == UNKNOWN else self.questions[q].example(m, self.routes[q], day)
                for q, m in measures.items()}

    def paths(self, limit: int | None = None) -> list[tuple[dict, dict]]:
        """Complete answer paths as (measures, leaf), depth first; at most `limit` of them."""
        found: list[tuple[dict, dict]] = []

        def visit(index: int, measures: dict) -> bool:
            node = self.nodes[index]
            if "q" not in node:
                found.append((dict(measures), node))
                return limit is None or len(found) < limit
            for branch in self.branches[node["q"]]:
                if branch.key in node["next"]:
                    if not visit(node["next"][branch.key], {**measures, node["q"]: branch.measure}):
                        return False
            return True

        visit(self.root, {})
        return found

    def edge_runs(self) -> list[dict]:
        """For every arrow of the graph, one complete answer path through it (measures): replaying these covers
        every edge even where the paths are far too many to replay."""
        runs = []
        for index, node in enumerate(self.nodes):
            if "q" not in node:
                continue
            for branch in self.branches[node["q"]]:
                if branch.key not in node["next"]:
                    continue
                measures = {**dict(self.examples[index]), node["q"]: branch.measure}
                child = node["next"][branch.key]
                while "q" in self.nodes[child]:
                    below = self.nodes[child]
                    first = next(b for b in self.branches[below["q"]] if b.key in below["next"])
                    measures[below["q"]] = first.measure
                    child = below["next"][first.key]
                runs.append(measures)
        return runs


# --- compiling ------------------------------------------------------------------------------------------


def graph_of(checklist: Checklist) -> DecisionGraph:
    """The compiled graph of a checklist: made once per process for the same logic, whatever its language."""
    key = fingerprint(checklist)
    if key not in _CACHE:
        if len(_CACHE) > 64:
            _CACHE.pop(next(iter(_CACHE)))
        _CACHE[key] = Compiler(checklist).run()
    return _CACHE[key]


def fingerprint(checklist: Checklist) -> str:
    """The checklist's logic (not its texts), so translated copies share one compiled graph."""
    data = checklist.model_dump(mode="json", by_alias=True, exclude_none=True, include={
        "id": True, "questions": {"__all__": {"id", "kind", "unknown", "ask_if", "options", "min", "max", "per"}},
        "outcomes": {"__all__": {"id", "verdict", "when"}}})
    for q in data["questions"]:
        q["options"] = [o["value"] for o in q.get("options", [])]
    return json.dumps(data, sort_keys=True)


def plan(checklist: Checklist) -> tuple[dict, dict, dict]:
    """Each question's tests, branches ('Ved ikke' last, where offered) and route."""
    tests = tests_by_question(checklist)
    branches, routes = {}, {}
    for q in checklist.questions:
        found = q.branches(tests[q.id])
        routes[q.id] = q.route(tests[q.id], found)
        branches[q.id] = found + ([Branch(UNKNOWN, UNKNOWN)] if q.unknown else [])
    return tests, branches, routes


class Compiler:
    """Builds the graph of one checklist (see the module's docstring)."""

    def __init__(self, checklist: Checklist):
        self.checklist = checklist
        self.order = checklist.questions
        self.outcomes = checklist.outcomes
        self.maybe = maybe_outcome(checklist)
        tests, branches, routes = plan(checklist)
        questions = {q.id: q for q in self.order}
        self.graph = DecisionGraph(checklist.id, questions, branches, routes,
                                   {o.id: _mentioned(o.when) for o in self.outcomes})
        # Formulas, hash-consed: id → ('T',) | ('a', atom) | ('all', ids) | ('any', ids) | ('not', id)
        self.formulas: list[tuple] = [("T",), ("F",), ("U",)]
        self.mentions: list[frozenset] = [frozenset()] * 3
        self.table: dict[tuple, int] = {f: n for n, f in enumerate(self.formulas)}
        self.atoms: list[tuple[str, Condition]] = []
        self.atom_ids: dict[str, int] = {}
        # What each branch of a question makes of each of its tests: {question: {branch key: {atom: T|F|U}}}
        self.values: dict[str, dict[str, dict[int, int]]] = {}
        start = [self.formula(o.when) if o.when is not None else F for o in self.outcomes]
        start += [self.formula(q.ask_if) if q.ask_if is not None else T for q in self.order]
        self.start = tuple(start)
        for q in self.order:
            mine = [n for n, (qid, _c) in enumerate(self.atoms) if qid == q.id]
            self.values[q.id] = {}
            for b in branches[q.id]:
                self.values[q.id][b.key] = {a: U if b.key == UNKNOWN else (T if q.test(self.atoms[a][1], b.measure)
                                                                          else F) for a in mine}
            self.values[q.id][None] = {a: F for a in mine}     # left out
        self.memo: dict[tuple, int] = {}
        self.node_ids: dict[str, int] = {}
        self.sigs: list[int] = []
        self.sig_table: dict[tuple, int] = {}

    # formulas ------------------------------------------------------------------------------------------

    def _intern(self, key: tuple, mentions: frozenset) -> int:
        found = self.table.get(key)
        if found is None:
            found = self.table[key] = len(self.formulas)
            self.formulas.append(key)
            self.mentions.append(mentions)
        return found

    def formula(self, cond: Condition) -> int:
        if cond.q is not None:
            key = test_key(cond)
            if key not in self.atom_ids:
                self.atom_ids[key] = len(self.atoms)
                self.atoms.append((cond.q, cond))
            return self._intern(("a", self.atom_ids[key]), frozenset([cond.q]))
        if cond.not_ is not None:
            return self.negate(self.formula(cond.not_))
        return self.combine("all" if cond.all is not None else "any",
                            [self.formula(c) for c in (cond.all if cond.all is not None else cond.any)])

    def negate(self, f: int) -> int:
        if f in (T, F):
            return F if f == T else T
        if f == U:
            return U
        node = self.formulas[f]
        if node[0] == "not":
            return node[1]
        return self._intern(("not", f), self.mentions[f])

    def combine(self, op: str, parts: list[int]) -> int:
        absorbing, neutral = (F, T) if op == "all" else (T, F)
        flat: set[int] = set()
        for p in parts:
            if p == absorbing:
                return absorbing
            if p == neutral:
                continue
            node = self.formulas[p]
            if node[0] == op:
                flat.update(node[1])
            else:
                flat.add(p)
        if not flat:
            return neutral
        if len(flat) == 1:
            return next(iter(flat))
        ordered = tuple(sorted(flat))
        return self._intern((op, ordered), frozenset().union(*(self.mentions[p] for p in ordered)))

    def substitute(self, f: int, q: str, values: dict[int, int], memo: dict) -> int:
        if q not in self.mentions[f]:
            return f
        if f in memo:
            return memo[f]
        node = self.formulas[f]
        if node[0] == "a":
            out = values.get(node[1], f)
        elif node[0] == "not":
            out = self.negate(self.substitute(node[1], q, values, memo))
        else:
            out = self.combine(node[0], [self.substitute(p, q, values, memo) for p in node[1]])
        memo[f] = out
        return out

    def answer(self, state: tuple, q: str, key: str | None) -> tuple:
        memo: dict = {}
        values = self.values[q][key]
        return tuple(self.substitute(f, q, values, memo) for f in state)

    # the graph -----------------------------------------------------------------------------------------

    def run(self) -> DecisionGraph:
        limit = sys.getrecursionlimit()
        sys.setrecursionlimit(max(limit, 4 * len(self.order) + 1000))
        try:
            root = self.build(0, self.start, ())
        finally:
            sys.setrecursionlimit(limit)
        self.graph.states = len(self.memo)
        self._keep_reachable(root)
        return self.graph

    def _keep_reachable(self, root: int) -> None:
        """Drop the nodes built only to decide whether a question matters; number the rest from the leaves up."""
        nodes, examples = self.graph.nodes, self.graph.examples
        seen: dict[int, int] = {}

        def visit(index: int) -> int:
            if index in seen:
                return seen[index]
            node = nodes[index]
            if "q" in node:
                node = {"q": node["q"], "next": {k: visit(c) for k, c in node["next"].items()}}
            seen[index] = len(kept)
            kept.append(node)
            kept_examples.append(examples[index])
            return seen[index]

        kept: list[dict] = []
        kept_examples: list[list] = []
        self.graph.root = visit(root)
        self.graph.nodes, self.graph.examples = kept, kept_examples
        # Only leaves a reader can reach count: the others were built to compare futures.
        self.graph.failures = [Failure(n["fail"], dict(ex), n["outcomes"]) for n, ex in zip(kept, kept_examples)
                               if "fail" in n]


    def build(self, i: int, state: tuple, path: tuple) -> int:
        key = (i, state)
        found = self.memo.get(key)
        if found is not None:
            return found
        if len(self.memo) > MAX_STATES or len(self.graph.nodes) > MAX_NODES:
            raise GraphTooLarge(MAX_NODES)
        k = len(self.outcomes)
        if i == len(self.order):
            node = self.leaf(state[:k], path)
        else:
            q = self.order[i]
            asks = state[k]
            rest = state[:k] + state[k + 1:]
            if asks == F:
                node = self.build(i + 1, self.answer(rest, q.id, None), path)
            else:
                children = {}
                for b in self.graph.branches[q.id]:
                    children[b.key] = self.build(i + 1, self.answer(rest, q.id, b.key), path + ((q.id, b.measure),))
                node = None
                if asks == U:
                    absent = self.build(i + 1, self.answer(rest, q.id, None), path)
                    if all(self.sigs[c] == self.sigs[absent] for c in children.values()):
                        node = absent
                if node is None:
                    node = self.node({"q": q.id, "next": children}, path)
        self.memo[key] = node
        return node

    def node(self, content: dict, path: tuple) -> int:
        text = json.dumps(content, sort_keys=True)
        found = self.node_ids.get(text)
        if found is not None:
            return found
        index = self.node_ids[text] = len(self.graph.nodes)
        self.graph.nodes.append(content)
        self.graph.examples.append(list(path))
        if "q" in content:
            child_sigs = {k: self.sigs[c] for k, c in content["next"].items()}
            if len(set(child_sigs.values())) == 1:
                sig = next(iter(child_sigs.values()))
            else:
                sig = self._sig(("q", content["q"], tuple(sorted(child_sigs.items()))))
        else:
            sig = self._sig(("o", content.get("outcome"), content.get("fail")))
        self.sigs.append(sig)
        return index

    def _sig(self, key: tuple) -> int:
        return self.sig_table.setdefault(key, len(self.sig_table))

    def leaf(self, truths: tuple, path: tuple) -> int:
        true = [o.id for o, t in zip(self.outcomes, truths) if t == T]
        possible = [o.id for o, t in zip(self.outcomes, truths) if t == U]
        if len(true) == 1:
            return self.node({"outcome": true[0]}, path)
        if not true and possible and self.maybe is not None:
            return self.node({"outcome": self.maybe.id, "possible": possible}, path)
        kind = "overlap" if true else ("needs-maybe" if possible else "hole")
        return self.node({"fail": kind, "outcomes": true if true else possible}, path)


def _mentioned(cond: Condition | None) -> list[str]:
    found: list[str] = []
    for _path, test in question_tests(cond):
        if test.q not in found:
            found.append(test.q)
    return found


# --- answers in, results out -------------------------------------------------------------------------------


def answer_text(value: object) -> str:
    """An answer as written in a scenario (YAML) or on the command line, as the text the kinds parse."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, list):
        return ",".join(str(v) for v in value) if value else "none"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def measures_of(checklist: Checklist, answers: dict, day: dt.date | None = None) -> dict:
    """The measures of answers written as texts or YAML values (raises AnswerError for a bad one, KeyError for
    an unknown question)."""
    graph = graph_of(checklist)
    out = {}
    for qid, value in answers.items():
        q = graph.questions[qid]
        parsed = q.parse(answer_text(value)) if not _is_value(q, value) else value
        out[qid] = parsed if parsed == UNKNOWN else q.measure(parsed, graph.routes[qid], day)
    return out


def _is_value(question, value) -> bool:
    """Already a parsed value (a date, an amount with its period, a set of options), not a text to parse."""
    return isinstance(value, (dt.date, frozenset, Amount))


def evaluate(checklist: Checklist, answers: dict, day: dt.date | None = None) -> Result:
    """Where these answers lead: the reference answer for the page, scenarios, templates and the command line."""
    return graph_of(checklist).result(checklist, measures_of(checklist, answers, day))


__all__ = ["AnswerError", "DecisionGraph", "GraphTooLarge", "evaluate", "graph_of", "measures_of", "answer_text"]
