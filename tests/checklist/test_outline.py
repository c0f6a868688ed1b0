"""The no-JavaScript conditions as short sentences: one answer per line, alternatives in a list of their own."""

from __future__ import annotations

from generator.checklist.describe import outline
from generator.scheme.loader import load

from support import RULES

RULES_MODEL = load(RULES)


def _lines(tree) -> list[str]:
    if "text" in tree:
        return [tree["text"]]
    return [line for item in tree.get("all", tree.get("any", [])) for line in _lines(item)]


def test_every_condition_of_every_checklist_reads_as_short_sentences():
    longest = 0
    for checklist in RULES_MODEL.checklists:
        conditions = [q.ask_if for q in checklist.questions if q.ask_if] + [o.when for o in checklist.outcomes if o.when]
        for cond in conditions:
            for line in _lines(outline(checklist, cond)):
                assert line[0].isupper() and line.endswith("."), line
                assert " og svaret på" not in line, f"a chain of answers on one line: {line}"
                longest = max(longest, len(line.split()))
    assert longest <= 20, longest


def test_alternatives_form_a_group_and_groups_of_the_same_kind_are_flattened():
    checklist = next(c for c in RULES_MODEL.checklists if c.id == "tjek-borger")
    outcome = next(o for o in checklist.outcomes if o.id == "forforloeb")
    tree = outline(checklist, outcome.when)
    assert "all" in tree and all("all" not in item for item in tree["all"])
    groups = [item for item in tree["all"] if "any" in item]
    assert len(groups) == 1 and len(groups[0]["any"]) == 2


def test_one_person_is_singular():
    checklist = next(c for c in RULES_MODEL.checklists if c.id == "tjek-borger")
    owners = next(q for q in checklist.questions if q.id == "ejere")
    assert owners.label_value(1) == "1 person" and owners.label_value(3) == "3 personer"
