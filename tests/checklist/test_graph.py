"""The compiled decision graph: the proof scales to hundreds of questions, names a counterexample when it fails,
stays small enough for a page, and is compiled once per checklist."""

from __future__ import annotations

import importlib.util
import time

import pytest

from generator.checklist import graph as graphs
from generator.checklist.graph import graph_of
from generator.scheme.loader import load
from generator.scheme.problems import InputError

from support import FIXTURES, REPO, RULES, with_sources

spec = importlib.util.spec_from_file_location("generated", FIXTURES / "generated.py")
generated = importlib.util.module_from_spec(spec)
spec.loader.exec_module(generated)

REAL = load(RULES)


@pytest.mark.parametrize("name,n,chain", [("200-question chain", 200, True), ("60 independent questions", 60, False)])
def test_large_checklists_with_ved_ikke_everywhere_are_proven(tmp_path, summary, name, n, chain):
    path = with_sources(tmp_path) / "rules.yaml"
    path.write_text(generated.checklist(n, chain=chain), encoding="utf-8")
    graphs._CACHE.clear()
    start = time.perf_counter()
    rules = load(path)        # validation includes the proof
    seconds = time.perf_counter() - start
    graph = graph_of(rules.checklists[0])
    size = graph.size()
    summary("large checklists", f"{name}: validated (proof included) in {seconds:.2f} s; {graph.count_paths():.2e} "
            f"answer paths, {graph.states} states, graph {size['nodes']} nodes / {size['edges']} arrows / "
            f"{size['bytes']:,} bytes")
    assert graph.count_paths() > 10**20, "far too many paths to walk: the proof did not walk them"
    assert graph.reached_outcomes() == {"ja", "nej", "maaske"}
    assert graph.asked_questions() == {f"q{i}" for i in range(1, n + 1)}
    assert size["nodes"] < 10 * n, "identical sub-graphs are shared"


def test_a_broken_large_checklist_names_a_counterexample(tmp_path):
    path = with_sources(tmp_path) / "rules.yaml"
    text = generated.checklist(200, chain=True, drop_from_no=137)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load(path, display="rules.yaml")
    message = str(caught.value)
    expected = ", ".join([f"q{i}=yes" for i in range(1, 137)] + ["q137=no"])
    assert f"no outcome holds for the answers {expected}." in message
    assert "fix: add an outcome for these answers" in message
    outcomes_line = text[: text.index("    outcomes:")].count("\n") + 1
    assert caught.value.problems[0].line == outcomes_line


def test_the_real_graphs_are_small_and_share_sub_graphs():
    for checklist in REAL.checklists:
        graph = graph_of(checklist)
        size = graph.size()
        assert size["bytes"] < 20_000 and size["nodes"] < graph.states
        assert len({id(n) for n in graph.nodes}) == len(graph.nodes)


def test_every_edge_has_a_path_through_it():
    for checklist in REAL.checklists:
        graph = graph_of(checklist)
        edges = {(n["q"], k) for n in graph.nodes if "q" in n for k in n["next"]}
        covered = set()
        for measures in graph.edge_runs():
            steps, leaf = graph.follow(measures)
            assert "outcome" in leaf
            covered |= set(steps)
        assert covered == edges


def test_the_questions_answered_ved_ikke_before_each_question_are_those_of_the_answer_paths():
    ishoej = load(REPO / "examples" / "ishoej-naestved" / "rules.yaml")
    for checklist in [*REAL.checklists, *ishoej.checklists]:
        graph = graph_of(checklist)
        walked: dict[str, set[str]] = {}
        for measures, _leaf in graph.paths():
            asked = list(measures)              # in the order the path asks them
            for n, q in enumerate(asked):
                walked.setdefault(q, set()).update(p for p in asked[:n] if measures[p] == graphs.UNKNOWN)
        assert graph.unknown_before() == walked, checklist.id
    first, *later = ishoej.checklists[0].questions
    assert first.unknown and not any(graph_of(ishoej.checklists[0]).unknown_before()[q.id] for q in later), \
        "in the pilot's checklist «Ved ikke» to the first question ends it at once"


def test_one_compiled_graph_per_checklist_whatever_the_language():
    from generator import i18n

    checklist = REAL.checklists[0]
    with i18n.language("en", RULES.parent / "translations"):
        english = i18n.translated(REAL, "en").checklists[0]
    assert english.title != checklist.title
    assert graph_of(english) is graph_of(checklist)


def test_check_reports_the_size_of_each_graph():
    from generator.gate import report

    found = report.run(REAL, RULES)
    line = next(f.message for f in found.findings if f.topic == "checklist tjek-borger")
    assert "graph sent to the page:" in line and "bytes" in line and "answer paths" in line


def test_checklists_that_differ_in_logic_never_share_a_graph(tmp_path):
    text = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")
    path = with_sources(tmp_path) / "rules.yaml"
    path.write_text(text.replace("        max: 10\n", "        max: 1\n", 1), encoding="utf-8")
    with pytest.raises(InputError) as caught:     # with max 1, 'I er for mange' can never be reached
        load(path, display="rules.yaml")
    assert "outcome 'mange' can never be reached" in str(caught.value)
    original = load(FIXTURES / "minimal.yaml").checklists[0]
    assert "2..10" in {b.key for b in graph_of(original).branches["antal"]}


def test_a_graph_too_large_for_a_page_is_refused_with_a_fix(tmp_path, monkeypatch):
    from generator.scheme import loader

    monkeypatch.setattr(graphs, "MAX_NODES", 5)
    graphs._CACHE.clear()
    loader.forget()  # a scheme loaded before the limit changed would be reused
    try:
        with pytest.raises(InputError) as caught:
            load(RULES, display="rules.yaml")
    finally:
        graphs._CACHE.clear()
    message = str(caught.value)
    assert "needs a decision graph of more than 5 nodes" in message and "fix: split it" in message
    assert caught.value.problems[0].line is not None


def test_the_graph_is_compiled_once_for_the_page_the_drawing_scenarios_check_and_the_command_line(monkeypatch):
    from generator import i18n
    from generator.checklist.scenarios import coverage, load_scenarios, scenarios_dir
    from generator.commands.evaluate import report as evaluate_report
    from generator.gate import diff, report
    from generator.site.render import render_all

    compiled = []
    run = graphs.Compiler.run
    monkeypatch.setattr(graphs.Compiler, "run", lambda self: compiled.append(self.checklist.id) or run(self))
    graphs._CACHE.clear()
    rules = load(RULES)
    scenarios = load_scenarios(scenarios_dir(RULES), rules)
    render_all(rules, RULES.parent / "content", scenarios=scenarios)           # pages, drawings, worked examples
    with i18n.language("en", RULES.parent / "translations"):
        render_all(i18n.translated(rules, "en"), RULES.parent / "content", scenarios=scenarios)
    coverage(rules, scenarios)
    report.run(rules, RULES)
    diff.report(rules, load(RULES), scenarios_dir(RULES))
    evaluate_report(rules, "tjek-borger", ["egen-virksomhed=yes"])
    assert sorted(compiled) == sorted(c.id for c in rules.checklists), "each checklist compiled exactly once"


@pytest.mark.parametrize("first", ["generator.checklist.kinds", "generator.checklist.graph", "generator.scheme.model",
                                   "generator.checklist.kinds.date", "generator.scheme.loader"])
def test_the_model_and_the_kinds_import_in_either_order(first):
    import subprocess
    import sys

    from support import REPO

    done = subprocess.run([sys.executable, "-c", f"import {first}; from generator.scheme.model import Checklist; "
                           "assert Checklist.model_fields['questions']"], cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
