"""Worked cases: one YAML file per persona in scenarios/, each run through a checklist like a test.

Like OpenFisca's YAML tests, a scenario names the answers and the outcome they must reach. They run in the
test suite (Python and browser), appear on the site as worked examples, and measure rule coverage: which
outcomes and which answer branches of each checklist at least one scenario reaches.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.checklist.describe import answer_options
from generator.scheme.loader import display_name, validate
from generator.checklist.logic import UNKNOWN, compile_graph, evaluate, follow
from generator.scheme.model import Checklist, Rules, Scenario
from generator.scheme.problems import InputError, Problem, did_you_mean
from generator.scheme.reading import read


def scenarios_dir(rules_file: Path) -> Path:
    return Path(rules_file).resolve().parent / "scenarios"


def read_scenarios(directory: Path) -> list[Scenario]:
    """The scenario files as written, without checking them against any rules (for comparing two versions)."""
    found = []
    for file in sorted(Path(directory).glob("*.yaml")) if Path(directory).is_dir() else []:
        found.append(validate(Scenario, read(file, display_name(file))))
    return found


def load_scenarios(directory: Path, rules: Rules) -> list[Scenario]:
    """Load every scenario file, checking that its checklist, questions, answers and outcome exist."""
    found: list[Scenario] = []
    problems: list[Problem] = []
    checklists = {c.id: c for c in rules.checklists}
    for file in sorted(Path(directory).glob("*.yaml")) if Path(directory).is_dir() else []:
        try:
            document = read(file, display_name(file))
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
    return found


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
        q = questions[qid]
        if q.kind == "number":
            ok = value == UNKNOWN and q.unknown or isinstance(value, int) and q.min <= value <= q.max
            allowed = f"a whole number from {q.min} to {q.max}" + (" or unknown" if q.unknown else "")
        else:
            values = [v for v, _ in answer_options(q)]
            ok, allowed = str(value) in values, ", ".join(values)
        if not ok:
            out.append(problem(("answers", qid), f"'{value}' is not an answer to '{qid}'.", f"use {allowed}."))
    if scenario.expect not in {o.id for o in checklist.outcomes}:
        out.append(problem(("expect",), f"unknown outcome '{scenario.expect}'."
                           + did_you_mean(scenario.expect, [o.id for o in checklist.outcomes]),
                           f"use an outcome of checklist '{checklist.id}'."))
    if not out:
        result = evaluate(checklist, scenario.answers)
        if result.pending:
            out.append(problem(("answers",), f"the answers stop before an outcome: question '{result.pending}' "
                               "is asked but not answered.", f"add an answer for '{result.pending}'."))
        unused = [q for q in scenario.answers if q not in result.asked]
        if unused and not result.pending:
            out.append(problem(("answers", unused[0]), f"'{unused[0]}' is answered but never asked for these "
                               "answers.", "remove it, so the case shows only what a reader would answer."))
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
        graph = compile_graph(checklist)
        cov = Coverage(checklist.id)
        cov.outcomes = {o.id: False for o in checklist.outcomes}
        for node in graph.nodes:
            for key in node.get("next", {}):
                cov.branches[f"{node['q']}={key}"] = False
        for s in (s for s in scenarios if s.checklist == checklist.id):
            result = evaluate(checklist, s.answers)
            cov.outcomes[result.outcome] = True
            for question, key in follow(graph, s.answers)[0]:
                cov.branches[f"{question}={key}"] = True
        report.append(cov)
    return report
