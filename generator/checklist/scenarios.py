"""Worked cases: one YAML file per persona in scenarios/, each run through a checklist like a test.

Like OpenFisca's YAML tests, a scenario names the answers and what they must lead to: an outcome (`expect`),
or, for a case that stops part-way, the question asked next (`expect_next`), as `evaluate --json` reports it.
They run in the test suite (Python and browser), appear on the site as worked examples, and measure rule
coverage: which outcomes and which answer branches of each checklist at least one scenario reaches.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from generator.checklist.graph import answer_text, graph_of, measures_of
from generator.checklist.kinds import AnswerError
from generator.checklist.logic import Result
from generator.files import read_input
from generator.scheme.loader import display_name, validate
from generator.scheme.model import Checklist, Rules, Scenario
from generator.scheme.problems import InputError, Problem, did_you_mean
from generator.scheme.reading import parse, read


def scenarios_dir(rules_file: Path) -> Path:
    return Path(rules_file).resolve().parent / "scenarios"


def read_scenarios(directory: Path) -> list[Scenario]:
    """The scenario files as written, without checking them against any rules (for comparing two versions)."""
    found = []
    for file in sorted(Path(directory).glob("*.yaml")) if Path(directory).is_dir() else []:
        found.append(validate(Scenario, read(file, display_name(file))))
    return found


# The scenarios last loaded from each folder: (name and digest of each file, the scheme they were checked against,
# the scenarios). Every language of a build, and every rebuild in `serve`, asks for the same scenarios again.
_LOADED: dict[str, tuple[tuple, Rules, list[Scenario]]] = {}


def load_scenarios(directory: Path, rules: Rules) -> list[Scenario]:
    """Load every scenario file, checking that its checklist, questions, answers and expectation exist.

    Files are read every time; they are parsed and checked again only when a file or the scheme has changed.
    """
    problems: list[Problem] = []
    read_now = []
    for file in sorted(Path(directory).glob("*.yaml")) if Path(directory).is_dir() else []:
        name = display_name(file)
        try:
            read_now.append((name, read_input(file, name, "check the file in scenarios/.")))
        except InputError as exc:
            problems += exc.problems
    key = str(Path(directory).resolve())
    digests = tuple((name, hashlib.blake2b(raw, digest_size=20).digest()) for name, raw in read_now)
    kept = _LOADED.get(key)
    if not problems and kept is not None and kept[0] == digests and kept[1] is rules:
        return list(kept[2])
    found: list[Scenario] = []
    checklists = {c.id: c for c in rules.checklists}
    for name, raw in read_now:
        try:
            document = parse(raw, name)
            scenario = validate(Scenario, document)
        except InputError as exc:
            problems += exc.problems
            continue
        problems += _check(scenario, checklists, document.positions)
        found.append(scenario)
    ids = [s.id for s in found]
    for s in found:
        if ids.count(s.id) > 1:
            problems.append(Problem("scenarios/", None, None, "", f"the scenario id '{s.id}' is used twice.",
                                    "give each scenario file its own id."))
            break
    if problems:
        raise InputError(problems, "scenarios/")
    _LOADED.pop(key, None)
    if len(_LOADED) >= 8:
        _LOADED.pop(next(iter(_LOADED)))
    _LOADED[key] = (digests, rules, list(found))
    return found


def run(checklist: Checklist, scenario: Scenario) -> Result:
    """Where the scenario's answers lead, on the scenario's day of use."""
    graph = graph_of(checklist)
    return graph.result(checklist, measures_of(checklist, scenario.answers, scenario.today))


def reached(result: Result) -> tuple[str, str]:
    """('outcome', id) or ('next', question id): what a scenario's answers reach, as it would expect it."""
    return ("outcome", result.outcome) if result.outcome else ("next", result.pending)


def expected(scenario: Scenario) -> tuple[str, str]:
    return ("outcome", scenario.expect) if scenario.expect else ("next", scenario.expect_next)


def passes(checklist: Checklist, scenario: Scenario) -> bool:
    return reached(run(checklist, scenario)) == expected(scenario)


def describe_reached(found: tuple[str, str]) -> str:
    return f"outcome '{found[1]}'" if found[0] == "outcome" else f"next question '{found[1]}'"


def _check(scenario: Scenario, checklists: dict[str, Checklist], positions) -> list[Problem]:
    def problem(path: tuple, message: str, fix: str) -> Problem:
        line, col = positions.of(path, key=len(path) == 2 and path[0] == "answers")
        return Problem(positions.file, line, col, ".".join(map(str, path)), message, fix)

    checklist = checklists.get(scenario.checklist)
    if checklist is None:
        return [problem(("checklist",), f"unknown checklist '{scenario.checklist}'."
                        + did_you_mean(scenario.checklist, checklists), f"use one of: {', '.join(checklists)}.")]
    out = []
    questions = {q.id: q for q in checklist.questions}
    for qid, value in scenario.answers.items():
        if qid not in questions:
            out.append(problem(("answers", qid), f"'{qid}' is not a question of checklist '{checklist.id}'."
                               + did_you_mean(qid, questions), f"use one of: {', '.join(questions)}."))
            continue
        try:
            questions[qid].parse(answer_text(value))
        except AnswerError as exc:
            out.append(problem(("answers", qid), exc.message, f"use {exc.accepts}."))
    if scenario.expect is not None and scenario.expect not in {o.id for o in checklist.outcomes}:
        out.append(problem(("expect",), f"unknown outcome '{scenario.expect}'."
                           + did_you_mean(scenario.expect, [o.id for o in checklist.outcomes]),
                           f"use an outcome of checklist '{checklist.id}'."))
    if scenario.expect_next is not None and scenario.expect_next not in questions:
        out.append(problem(("expect_next",), f"unknown question '{scenario.expect_next}'."
                           + did_you_mean(scenario.expect_next, questions),
                           f"use a question of checklist '{checklist.id}'."))
    if out:
        return out
    result = run(checklist, scenario)
    if result.pending and scenario.expect is not None:
        out.append(problem(("answers",), f"the answers stop before an outcome: question '{result.pending}' is asked "
                           "but not answered.", f"add an answer for '{result.pending}', or write expect_next: "
                           f"{result.pending} if the case is meant to stop there."))
    unused = [q for q in scenario.answers if q not in result.asked]
    if unused and not result.pending:
        out.append(problem(("answers", unused[0]), f"'{unused[0]}' is answered but never asked for these answers.",
                           "remove it, so the case shows only what a reader would answer."))
    return out


@dataclass
class Coverage:
    """Which outcomes and answer branches (question → answer) of a checklist the scenarios reach."""

    checklist: str
    outcomes: dict[str, bool] = field(default_factory=dict)
    branches: dict[str, bool] = field(default_factory=dict)

    @property
    def missing(self) -> list[str]:
        return [f"outcome {o}" for o, hit in self.outcomes.items() if not hit] + \
               [f"branch {b}" for b, hit in self.branches.items() if not hit]

    def summary(self) -> str:
        o_hit, b_hit = sum(self.outcomes.values()), sum(self.branches.values())
        text = (f"{self.checklist}: outcomes {o_hit}/{len(self.outcomes)}, "
                f"branches {b_hit}/{len(self.branches)} reached by scenarios")
        return text + ("" if not self.missing else "; not yet covered: " + ", ".join(self.missing))


def coverage(rules: Rules, scenarios: list[Scenario]) -> list[Coverage]:
    """For each checklist: every outcome and every answer branch of its graph, and whether a scenario reaches it."""
    report = []
    for checklist in rules.checklists:
        graph = graph_of(checklist)
        cov = Coverage(checklist.id)
        cov.outcomes = {o.id: False for o in checklist.outcomes}
        for node in graph.nodes:
            for key in node.get("next", {}):
                cov.branches[f"{node['q']}={key}"] = False
        for s in (s for s in scenarios if s.checklist == checklist.id):
            result = run(checklist, s)
            if result.outcome:
                cov.outcomes[result.outcome] = True
            for question, key in graph.follow(measures_of(checklist, s.answers, s.today))[0]:
                cov.branches[f"{question}={key}"] = True
        report.append(cov)
    return report
