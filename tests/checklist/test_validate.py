"""Broken checklist logic fails validation with file:line and the fix: holes, overlaps, unknown references."""

from __future__ import annotations

import pytest

from generator.scheme.loader import load
from generator.scheme.problems import InputError

from support import FIXTURES, with_sources

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
     ["'lte' does not apply to 'med', which is a yes_no question", "use is, in with it"]),
    ("test-for-unknown", 'when: {q: med, is: "no"}', "when: {q: med, is: unknown}", "is: unknown",
     ["cannot test for 'unknown'"]),
    ("ask-if-later-question", "        ask_if: {q: med, is: \"yes\"}", "        ask_if: {q: antal, is: 1}",
     "ask_if: {q: antal", ["not asked before this one"]),
    ("two-maybe-outcomes", "      - id: nej\n        verdict: \"no\"", "      - id: nej\n        verdict: maybe",
     "      - id: maaske", ["has 2 outcomes with verdict 'maybe'; at most one is used"]),
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
    path = with_sources(tmp_path) / "rules.yaml"
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
    text = MINIMAL.replace("    kind: exclusion\n    legal: [lov-1]\n",
                           "    kind: discretionary\n    legal: [lov-1]\n    weighs: [Om det er rimeligt.]\n", 1)
    text = text.replace("        text: Vil du være med?\n", "        text: Vil du være med?\n        rule: kun-test\n", 1)
    path = with_sources(tmp_path) / "rules.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load(path, display="rules.yaml")
    message = str(caught.value)
    assert "discretionary rule 'kun-test'" in message and "use verdict: assess" in message
    assert caught.value.problems[0].line == line_of(text, 'verdict: "yes"', after="checklists:")


def test_assessing_an_objective_rule_is_refused(tmp_path):
    text = MINIMAL.replace("        sources: [test-kilde]\n      - id: mange", "        sources: [test-kilde]\n        assesses: [kun-test]\n      - id: mange", 1)
    path = with_sources(tmp_path) / "rules.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load(path, display="rules.yaml")
    assert "rule 'kun-test' is an exclusion, so there is nothing to assess" in str(caught.value)


def refused(tmp_path, text: str) -> InputError:
    path = with_sources(tmp_path) / "rules.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load(path, display="rules.yaml")
    assert "Traceback" not in str(caught.value)
    return caught.value


def loads(tmp_path, text: str):
    path = with_sources(tmp_path) / "rules.yaml"
    path.write_text(text, encoding="utf-8")
    return load(path, display="rules.yaml")


# Values that once slipped through or crashed (issue 11), each now a located message with a fix.
ODD_VALUES = [
    ("huge-number", "when: {q: antal, gte: 2}", "when: {q: antal, gte: 1e400}", "gte: 1e400",
     ["the number is too large to compare with", "fix: write an ordinary number"]),
    ("yes-as-max", "        max: 10\n", "        max: true\n", "max: true", ["expected a whole number; got 'true'"]),
    ("yes-as-limit", "when: {q: antal, gte: 2}", "when: {q: antal, gte: true}", "gte: true",
     ["'true' (yes/no) is not a number or a date"]),
    ("misspelt-kind", "        kind: yes_no\n        text: Vil du være med?", "        kind: yesno\n        text: Vil du være med?",
     "kind: yesno", ["expected one of 'yes_no', 'choice', 'number', 'multiple', 'date' or 'amount'",
                     "Did you mean 'yes_no'?"]),
    ("misspelt-key-of-a-kind", "        min: 1\n", "        mn: 1\n", "mn: 1",
     ["unknown key 'mn' for a number question. Did you mean 'min'?"]),
    ("per-without-comparison", 'when: {q: med, is: "no"}', 'when: {q: med, is: "no", per: month}', 'per: month',
     ["'per' belongs to a comparison of an amount"]),
]


@pytest.mark.parametrize("name,old,new,at,words", ODD_VALUES, ids=[v[0] for v in ODD_VALUES])
def test_odd_values_get_a_located_message(tmp_path, name, old, new, at, words):
    assert old in MINIMAL
    text = MINIMAL.replace(old, new, 1)
    error = refused(tmp_path, text)
    for word in words:
        assert word in str(error), str(error)
    assert any(p.line == line_of(text, at, after="checklists:") for p in error.problems), str(error)


# --- a 'maybe' outcome only where 'Ved ikke' can leave the result open (issue 14) ----------------------------

DEFINITE = MINIMAL.replace("        text: Vil du være med?\n", "        text: Vil du være med?\n        unknown: false\n", 1) \
    .replace("        max: 10\n", "        max: 10\n        unknown: false\n", 1)
MAYBE = ("      - id: maaske\n        verdict: maybe\n        title: Det afhænger af noget, du ikke ved\n"
         "        explanation: Find ud af det, du ikke ved.\n        next_steps: [Spørg.]\n        contact: sagsbehandler\n"
         "        sources: [test-kilde]\n")


def test_definite_answers_need_no_maybe_outcome_and_the_message_to_remove_one_works(tmp_path):
    assert MAYBE in DEFINITE
    error = refused(tmp_path, DEFINITE)
    assert "no question offers 'Ved ikke'" in str(error) and "fix: remove outcome 'maaske'" in str(error)
    assert error.problems[0].line == line_of(DEFINITE, "      - id: maaske")
    rules = loads(tmp_path, DEFINITE.replace(MAYBE, ""))       # the fix, as the message says
    assert [o.id for o in rules.checklists[0].outcomes] == ["ja", "mange", "nej"]


def test_ved_ikke_without_a_maybe_outcome_names_the_answers_and_both_fixes_work(tmp_path):
    text = MINIMAL.replace(MAYBE, "")
    error = refused(tmp_path, text)
    message = str(error)
    assert "for the answers med=unknown, antal=1 the result depends on 'Ved ikke'" in message
    assert "no outcome has verdict 'maybe'" in message and "fix: add an outcome with verdict: maybe" in message
    loads(tmp_path, text + MAYBE)                               # first fix: add the maybe outcome
    loads(tmp_path, DEFINITE.replace(MAYBE, ""))               # second fix: every reader can answer


def test_a_maybe_outcome_that_ved_ikke_never_needs_is_reported_with_a_fix_that_works(tmp_path):
    # 'Ved ikke' only on 'antal', which cannot change the outcome: 'mange' starts at 2 either way… not quite:
    # make both outcomes of 'med = yes' hold whatever antal is, so no unknown answer leaves the result open.
    text = DEFINITE.replace("        max: 10\n        unknown: false\n", "        max: 10\n", 1)
    text = text.replace("when: {all: [{q: med, is: \"yes\"}, {q: antal, lte: 1}]}", "when: {q: med, is: \"yes\"}", 1)
    text = text.replace("        when: {q: antal, gte: 2}\n", "        when: {all: [{q: med, is: \"no\"}, {q: med, is: \"yes\"}]}\n", 1)
    text = text.replace("        ask_if: {q: med, is: \"yes\"}\n", "        ask_if: {q: med, is: \"yes\"}\n", 1)
    error = refused(tmp_path, text)
    assert "no answer 'Ved ikke' leaves the result open, so outcome 'maaske' is never shown" in str(error)


def test_informational_outcomes_validate_without_a_verdict_of_yes_or_no(tmp_path):
    text = MINIMAL.replace('      - id: ja\n        verdict: "yes"', "      - id: ja\n        verdict: info", 1)
    rules = loads(tmp_path, text)
    assert rules.checklists[0].outcomes[0].verdict == "info"


# --- the old key `style` is still read, under its new name `variant` --------------------------------------


def test_the_old_key_style_is_read_as_variant_and_both_keys_are_refused(tmp_path):
    text = MINIMAL.replace("    audience: borger\n    title: Kan jeg", "    audience: borger\n    style: staff\n    title: Kan jeg", 1)
    checklist = loads(tmp_path, text).checklists[0]
    assert checklist.variant == "staff" and checklist.uses_old_style_key
    both = text.replace("    style: staff\n", "    style: staff\n    variant: staff\n", 1)
    assert "keep only 'variant'" in str(refused(tmp_path, both))


# --- the new kinds' tests, checked against each question -----------------------------------------------------

KINDS_TEXT = (FIXTURES / "kinds" / "rules.yaml").read_text(encoding="utf-8")
KIND_MISTAKES = [
    ("unknown-option", "includes: loen}", "includes: loenn}", "includes: loenn",
     ["'loenn' is not an option of 'ydelser'", "Did you mean 'loen'?"]),
    ("none-as-an-option", "{value: su, label: SU}", "{value: none, label: Ingen}", "id: ydelser",
     ["option values must be unique and not 'none' or 'unknown'"]),
    ("date-compared-with-a-number", "{q: soegt, gte: 2024-01-01}", "{q: soegt, gte: 2024}", "gte: 2024}",
     ["compares the date 'soegt' with a number"]),
    ("fixed-and-relative-dates-mixed", "{q: soegt, lt: 2024-01-01}", "{q: soegt, years_ago: {lt: 2}}",
     "years_ago: {lt: 2}", ["'soegt' is compared with fixed dates and with months or years before the day of use"]),
    ("comparison-on-multiple", "{q: ydelser, includes: su}", "{q: ydelser, gte: 2}", "gte: 2}",
     ["'gte' does not apply to 'ydelser', which is a multiple question"]),
    ("amount-compared-with-a-date", "{q: indkomst, gt: 120000, per: year}", "{q: indkomst, gt: 2020-01-01}",
     "gt: 2020-01-01", ["compares the amount 'indkomst' with a date"]),
    ("ago-with-two-comparisons", "years_ago: {lt: 18}", "years_ago: {lt: 18, gte: 2}", "years_ago: {lt: 18, gte",
     ["give exactly one of gte, gt, lte, lt"]),
]


@pytest.mark.parametrize("name,old,new,at,words", KIND_MISTAKES, ids=[m[0] for m in KIND_MISTAKES])
def test_mistakes_in_the_new_kinds_are_refused_at_their_line(tmp_path, name, old, new, at, words):
    assert old in KINDS_TEXT, old
    text = KINDS_TEXT.replace(old, new, 1)
    error = refused(tmp_path, text)
    for word in words:
        assert word in str(error), str(error)
    expected = line_of(text, at, after="checklists:")
    assert any(p.line == expected for p in error.problems), (expected, str(error))


def test_an_unknown_key_inside_a_kinds_option_gets_its_suggestion(tmp_path):
    text = KINDS_TEXT.replace("{value: su, label: SU}", "{value: su, lable: SU}", 1)
    error = refused(tmp_path, text)
    assert "unknown key 'lable'. Did you mean 'label'?" in str(error)
    assert "fix: use one of: value, label." in str(error)
    assert any(p.line == line_of(text, "lable: SU") for p in error.problems)
