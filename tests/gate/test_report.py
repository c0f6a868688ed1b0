"""`python -m generator check` and `diff`: the verification gate, proven by breaking copies of the real rules."""

from __future__ import annotations

import contextlib
import io
import re
import shutil

import pytest

from generator.checklist.graph import graph_of
from generator.commands import main
from generator.scheme.loader import load

from support import REPO, RULES, with_sources

REAL = RULES.read_text(encoding="utf-8")


def run_cli(*args: str, env: dict | None = None, monkeypatch=None) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue() + err.getvalue()


def copy_with(tmp_path, text: str):
    """A copy of the project (rules, scenarios and the sources' texts) with the rules replaced by `text`."""
    path = with_sources(tmp_path) / "rules.yaml"
    path.write_text(text, encoding="utf-8")
    shutil.copytree(REPO / "scenarios", tmp_path / "scenarios")
    return path


def between(text: str, start: str, old: str, new: str) -> str:
    """Replace the first `old` after `start` (so a change lands in the intended checklist or outcome)."""
    i = text.index(old, text.index(start))
    return text[:i] + new + text[i + len(old):]


@pytest.fixture(scope="module")
def real_check() -> tuple[int, str]:
    """check on the real rules, once for the tests that read what it says."""
    return run_cli("check", "--rules", str(RULES))


def test_check_passes_on_the_real_rules_and_reports_readability(real_check):
    code, out = real_check
    assert code == 0, out
    assert "check passed: 0 error(s)" in out
    assert "readability index.md: LIX" in out and "readability tjek-borger.md: LIX" in out
    for checklist in load(RULES).checklists:   # the count proven on the graph, not a number copied here
        paths = graph_of(checklist).count_paths()
        assert f"checklist {checklist.id}: {paths} answer paths, each reaching exactly one outcome" in out, out


def test_old_legal_excerpts_warn_and_fail_with_strict(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1893456000")  # 2030-01-01
    code, out = run_cli("check", "--rules", str(RULES))
    assert code == 0 and "WARNING legal excerpt las-46: last checked 2026-11-23" in out
    code, out = run_cli("check", "--strict", "--rules", str(RULES))
    assert code == 1 and "check FAILED" in out


# Deliberately broken copies of the real rules.yaml: (name, break it, words check must print)
MUTANTS = [
    ("deleted-outcome-condition", lambda t: between(t, "      - id: kooperativ", "        when: {q: ejere, gte: 2}\n", ""),
     ["outcome 'kooperativ' has no 'when'"]),
    ("overlapping-outcome", lambda t: between(t, "      - id: kooperativ", "when: {q: ejere, gte: 2}", "when: {q: ejere, gte: 1}"),
     ["both hold for the answers"]),
    ("condition-on-the-wrong-answer", lambda t: between(t, "  - id: tjek-partner", "{q: ydelse, is: andet}", "{q: ydelse, is: foertidspension}"),
     ["no outcome holds for the answers interesse=yes, ejere=1, ydelse=andet",
      "outcomes 'henvis-foertidspension' and 'uden-for-maalgruppen' both hold"]),
    ("outcome-replaced-by-a-broader-one", lambda t: between(t, "  - id: tjek-partner", "      - id: ikke-nu\n", "      - id: ikke-nu\n        verdict: \"no\"\n        title: x\n        explanation: x\n        when: {q: interesse, is: \"yes\"}\n        next_steps: [x]\n        contact: jobcenter\n        sources: [kk-2015]\n      - id: ikke-nu-gammel\n"),
     ["both hold"]),
    ("id-with-a-danish-letter", lambda t: between(t, "  - id: tjek-medarbejder", "    outcomes:\n",
                                         "      - id: forældet\n        kind: yes_no\n        text: Aldrig?\n        ask_if: {all: [{q: status, is: andet}, {q: status, is: revalidend}]}\n    outcomes:\n"),
     ["not a valid id"]),
    ("orphan-question-valid-id", lambda t: between(t, "  - id: tjek-medarbejder", "    outcomes:\n",
                                                  "      - id: aldrig-spurgt\n        kind: yes_no\n        text: Aldrig?\n        ask_if: {all: [{q: status, is: andet}, {q: status, is: revalidend}]}\n    outcomes:\n"),
     ["question 'aldrig-spurgt' is never asked"]),
    ("unreachable-outcome", lambda t: between(t, "  - id: tjek-partner", "      - id: afklar\n",
                                             "      - id: umulig\n        verdict: \"no\"\n        title: x\n        explanation: x\n        when: {all: [{q: interesse, is: \"no\"}, {q: ejere, gte: 2}]}\n        next_steps: [x]\n        contact: jobcenter\n        sources: [kk-2015]\n      - id: afklar\n"),
     ["outcome 'umulig' can never be reached"]),
    ("dangling-source", lambda t: t.replace("    source: ish-2015\n", "    source: ish-2016\n", 1),
     ["unknown source 'ish-2016'", "Did you mean 'ish-2015'?"]),
    ("dangling-legal-excerpt", lambda t: t.replace("legal: [las-46-2]", "legal: [las-46-3]", 1),
     ["unknown legal excerpt 'las-46-3'"]),
    ("dangling-contact", lambda t: between(t, "checklists:", "contact: sagsbehandler", "contact: sagsbehandlerne"),
     ["unknown role 'sagsbehandlerne'", "Did you mean 'sagsbehandler'?"]),
    ("dangling-next-module", lambda t: t.replace("    next: ", "    next: x-", 1) if "    next: " in t else
     t.replace("      next: ", "      next: x-", 1), ["unknown module 'x-"]),
    ("unknown-answer-in-condition", lambda t: between(t, "  - id: tjek-partner", "{q: ydelse, is: andet}", "{q: ydelse, is: anden}"),
     ["'anden' is not an answer to 'ydelse'", "Did you mean 'andet'?"]),
    ("discretionary-final-no", lambda t: between(t, "      - id: revalidend-uden-progression", "verdict: assess", "verdict: \"no\""),
     ["tests the discretionary rule 'revalidender-uden-progression'", "use verdict: assess"]),
    ("budget-does-not-add-up", lambda t: t.replace("total: [1200, 1200]", "total: [1200, 1300]", 1),
     ["add up to 1200, but total says 1300"]),
    ("unreadable-citizen-text", lambda t: t.replace(
        "  summary: >-\n", "  summary: >-\n    " + " ".join(["revalideringsadministrationsforanstaltninger"] * 80) + "\n", 1),
     ["is over the budget of 40 for citizen pages", "(checks: lix_max_citizen)"]),
    ("hole-in-the-logic", lambda t: between(t, "  - id: tjek-borger", "when: {all: [{q: egen-virksomhed, is: \"no\"}, {q: revalidering, is: \"no\"}]}",
                                           "when: {all: [{q: egen-virksomhed, is: \"no\"}, {q: egen-virksomhed, is: \"yes\"}]}"),
     ["no outcome holds for the answers egen-virksomhed=no, revalidering=no"]),
    # Still whole and without overlaps, so the scheme loads; only a scenario shows that the change moved a case.
    ("scenario-now-fails", lambda t: between(between(
        t, "  - id: tjek-partner", "{q: ydelse, in: [revalidering, kontanthjaelp, ledighedsydelse, sygedagpenge]}",
        "{q: ydelse, in: [revalidering, kontanthjaelp, ledighedsydelse]}"),
        "  - id: tjek-partner", "{q: ydelse, is: andet}", "{q: ydelse, in: [andet, sygedagpenge]}"),
     ["scenario partner-sygedagpenge-henvises: expected outcome 'henvis-jobcenter', the rules now give outcome "
      "'uden-for-maalgruppen'", "update the scenario's expectation if the change is intended"]),
]
# Where check puts a problem: in the rules file at line:column, or on a report line naming the page or scenario.
LOCATED = re.compile(r"rules\.yaml:\d+:\d+: \S|^ERROR +(readability \S+\.md|scenario \S+): ")


@pytest.mark.parametrize("name,mutate,words", MUTANTS, ids=[m[0] for m in MUTANTS])
def test_check_catches_a_broken_copy_of_the_real_rules(tmp_path, name, mutate, words):
    mutated = mutate(REAL)
    assert mutated != REAL, "the mutation changed something"
    code, out = run_cli("check", "--rules", str(copy_with(tmp_path, mutated)))
    assert code == 1, out
    for word in words:
        assert word in out, out
    where = next(line for line in out.splitlines() if words[0] in line)
    assert LOCATED.search(where), f"names the file, line and column (or the page or scenario): {where}"
    assert "Traceback" not in out


def test_each_mutants_words_are_absent_from_the_check_of_the_real_rules(real_check, summary):
    """A mutant is caught only if check says its words because of the mutation, not on the real rules too."""
    _code, out = real_check
    said_anyway = [(name, word) for name, _mutate, words in MUTANTS for word in words if word in out]
    assert said_anyway == []
    assert len({name for name, _m, _w in MUTANTS}) == len(MUTANTS), "each mutant has its own name"
    summary("mutation tests", f"{len(MUTANTS)} broken copies of rules.yaml, each must be caught by check")


def test_diff_reports_changed_outcomes_texts_and_scenarios(tmp_path):
    new = between(REAL, "  - id: tjek-partner", "{q: ydelse, in: [revalidering, kontanthjaelp, ledighedsydelse, sygedagpenge]}",
                  "{q: ydelse, in: [revalidering, kontanthjaelp, ledighedsydelse]}")
    new = between(new, "  - id: tjek-partner", "{q: ydelse, is: andet}", "{q: ydelse, in: [andet, sygedagpenge]}")
    new = new.replace("title: Kun revalidender kan få et mikrolån", "title: Kun revalidender kan låne", 1)
    new = between(new, "  - id: tjek-partner", "{q: ydelse, is: foertidspension}", "{q: ydelse, is: foertidspension}")
    path = copy_with(tmp_path, new)
    code, out = run_cli("diff", str(RULES), str(path))
    assert code == 0, out
    assert "Tjekliste tjek-partner: resultat henvis-jobcenter ændret (when)" in out
    assert "Ændret: rules[kun-revalidender].title" in out and "nu:  Kun revalidender kan låne" in out
    assert "1 af 25 svarveje giver nu et andet resultat" in out
    assert "ydelse=sygedagpenge: henvis-jobcenter → uden-for-maalgruppen" in out


def test_diff_names_a_scenario_that_now_reaches_another_outcome(tmp_path):
    start, end = REAL.index("  - id: tjek-borger"), REAL.index("  - id: tjek-medarbejder")
    section = REAL[start:end].replace("{q: ejere, lte: 1}", "{q: ejere, lte: 4}").replace(
        "{q: ejere, gte: 2}", "{q: ejere, gte: 5}")
    new = REAL[:start] + section + REAL[end:]
    code, out = run_cli("diff", str(RULES), str(copy_with(tmp_path, new)))
    assert "Scenarie borger-kooperativ-gruppe (En gruppe vil starte et kooperativ) når nu intet resultat" in out, out
    assert "i stedet for kooperativ; det forventer kooperativ" in out
