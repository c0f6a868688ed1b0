"""Broken checklist logic fails validation with file:line and the fix: holes, overlaps, unknown references."""

from __future__ import annotations

import pytest

from generator.scheme.loader import load
from generator.scheme.problems import InputError

from support import FIXTURES

MINIMAL = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")


def line_of(text: str, snippet: str, after: str = "") -> int:
    start = text.index(after) if after else 0
    return text[: text.index(snippet, start)].count("\n") + 1


# name, old text, new text, the line to point at (a snippet of the new text), words the message must contain
BROKEN = [
    ("incomplete", "when: {q: antal, gte: 2}", "when: {q: antal, gte: 3}", "    outcomes:",
     ["no outcome holds for the answers med=yes, antal=2", "add an outcome"]),
    ("ambiguous", "when: {q: antal, gte: 2}", "when: {q: antal, gte: 1}", "when: {q: antal, gte: 1}",
     ["outcomes 'ja' and 'mange' both hold", "narrow the 'when'"]),
    ("unknown-question", 'when: {q: med, is: "no"}', 'when: {q: mde, is: "no"}', "mde",
     ["unknown question 'mde'", "Did you mean 'med'?"]),
    ("unknown-answer-value", 'when: {q: med, is: "no"}', "when: {q: med, is: nej}", "is: nej",
     ["'nej' is not an answer to 'med'", "use one of: yes, no"]),
    ("number-test-on-yes-no", 'when: {q: med, is: "no"}', "when: {q: med, lte: 0}", "lte: 0",
     ["'lte' compares numbers", "yes_no question"]),
    ("test-for-unknown", 'when: {q: med, is: "no"}', "when: {q: med, is: unknown}", "is: unknown",
     ["cannot test for 'unknown'"]),
    ("ask-if-later-question", "        ask_if: {q: med, is: \"yes\"}", "        ask_if: {q: antal, is: 1}",
     "ask_if: {q: antal", ["not asked before this one"]),
    ("two-maybe-outcomes", "      - id: nej\n        verdict: \"no\"", "      - id: nej\n        verdict: maybe",
     "    outcomes:", ["has 2 outcomes with verdict 'maybe'"]),
    ("unreachable-outcome", "      - id: maaske\n", "      - id: aldrig\n        verdict: \"no\"\n        title: Aldrig\n"
     "        explanation: Kan ikke ske.\n        when: {all: [{q: med, is: \"no\"}, {q: antal, gte: 2}]}\n"
     "        next_steps: [Intet.]\n        contact: sagsbehandler\n        sources: [test-kilde]\n      - id: maaske\n",
     "      - id: aldrig", ["outcome 'aldrig' can never be reached", "correct its 'when'"]),
    ("never-asked", "    outcomes:\n", "      - id: fast\n        kind: yes_no\n        text: Et fast svar?\n"
     "        unknown: false\n      - id: ekstra\n        kind: yes_no\n        text: Aldrig spurgt?\n"
     "        ask_if: {all: [{q: fast, is: \"yes\"}, {q: fast, is: \"no\"}]}\n    outcomes:\n",
     "      - id: ekstra", ["question 'ekstra' is never asked", "correct its 'ask_if'"]),
    ("duplicate-question", "      - id: antal\n        kind: number", "      - id: med\n        kind: number",
     "      - id: med\n        kind: number", ["question id 'med' is used twice"]),
    ("outcome-without-when", '        when: {q: med, is: "no"}\n', "", "      - id: nej",
     ["outcome 'nej' has no 'when'"]),
    ("condition-with-two-tests", "when: {q: antal, gte: 2}", "when: {q: antal, gte: 2, lte: 5}", "when: {q: antal, gte: 2, lte",
     ["exactly one of is, in, gte"]),
    ("choice-without-options", "        kind: yes_no\n        text: Vil du være med?", "        kind: choice\n        text: Vil du være med?",
     "      - id: med", ["needs at least two options"]),
]


@pytest.mark.parametrize("name,old,new,at,words", BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_checklist_logic_is_refused_with_line_and_fix(tmp_path, name, old, new, at, words):
    assert old in MINIMAL, old
    text = MINIMAL.replace(old, new, 1)
    path = tmp_path / "rules.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load(path, display="rules.yaml")
    message = str(caught.value)
    for word in words:
        assert word in message, message
    assert "fix:" in message
    expected_line = line_of(text, at, after="checklists:")
    assert any(p.line == expected_line for p in caught.value.problems), (expected_line, message)


def test_discretionary_rule_never_gives_a_final_answer(tmp_path):
    text = MINIMAL.replace("    legal: [lov-1]\n", "    legal: [lov-1]\n    kind: discretionary\n    weighs: [Om det er rimeligt.]\n", 1)
    text = text.replace("        text: Vil du være med?\n", "        text: Vil du være med?\n        rule: kun-test\n", 1)
    path = tmp_path / "rules.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load(path, display="rules.yaml")
    message = str(caught.value)
    assert "discretionary rule 'kun-test'" in message and "use verdict: assess" in message
    assert caught.value.problems[0].line == line_of(text, 'verdict: "yes"', after="checklists:")


def test_assessing_an_objective_rule_is_refused(tmp_path):
    text = MINIMAL.replace("        sources: [test-kilde]\n      - id: mange", "        sources: [test-kilde]\n        assesses: [kun-test]\n      - id: mange", 1)
    path = tmp_path / "rules.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load(path, display="rules.yaml")
    assert "rule 'kun-test' is objective" in str(caught.value)
