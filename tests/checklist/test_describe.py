"""generator/checklist/describe.py: conditions and answers in words, for the page without JavaScript and print.

The minimal scheme's checklist 'tjek': question 1 'med' (yes/no, with 'Ved ikke'), question 2 'antal' (a
number from 1 to 10). The sentences for the real checklists are tested in test_outline.py.
"""

from __future__ import annotations

import pytest

from generator import i18n
from generator.checklist import describe
from generator.scheme.loader import load
from generator.scheme.model import Condition

from support import FIXTURES, with_sources

NESTED = {"all": [{"q": "med", "is": "yes"},
                  {"any": [{"q": "antal", "lte": 1}, {"not": {"q": "antal", "in": [3, 4]}}]}]}


@pytest.fixture(scope="module")
def scheme(tmp_path_factory):
    folder = with_sources(tmp_path_factory.mktemp("describe"))
    (folder / "rules.yaml").write_text((FIXTURES / "minimal.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    return folder, load(folder / "rules.yaml")


def question(rules, qid):
    return next(q for q in rules.checklists[0].questions if q.id == qid)


def test_a_condition_is_said_with_question_numbers_and_groups_in_brackets(scheme):
    _, rules = scheme
    text = describe.describe(rules.checklists[0], Condition.model_validate(NESTED))
    assert text == ("svaret på spørgsmål 1 er «Ja» og (svaret på spørgsmål 2 er højst 1 eller det ikke gælder, at "
                    "svaret på spørgsmål 2 er «3» eller «4»)")


def test_a_single_test_or_a_group_of_one_gets_no_brackets(scheme):
    _, rules = scheme
    checklist = rules.checklists[0]
    alone = describe.describe(checklist, Condition.model_validate({"q": "antal", "gte": 2}))
    assert alone == "svaret på spørgsmål 2 er mindst 2"
    group_of_one = {"all": [{"q": "med", "is": "no"}, {"any": [{"q": "antal", "gte": 2}]}]}
    assert describe.describe(checklist, Condition.model_validate(group_of_one)) == (
        "svaret på spørgsmål 1 er «Nej» og svaret på spørgsmål 2 er mindst 2")


def test_the_outline_keeps_the_same_tests_as_the_sentence(scheme):
    _, rules = scheme
    tree = describe.outline(rules.checklists[0], Condition.model_validate(NESTED))
    assert tree == {"all": [{"text": "Svaret på spørgsmål 1 er «Ja»."},
                            {"any": [{"text": "Svaret på spørgsmål 2 er højst 1."},
                                     {"text": "Det gælder ikke, at svaret på spørgsmål 2 er «3» eller «4»."}]}]}


def test_the_words_follow_the_active_language(scheme):
    folder, rules = scheme
    with i18n.language("en", folder / "translations"):
        text = describe.describe(rules.checklists[0], Condition.model_validate(NESTED))
        assert text.startswith("the answer to question 1 is “Yes” and (the answer to question 2 is at most 1 or ")
        assert " og " not in text and "spørgsmål" not in text
        assert [describe.verdict_label(v) for v in ("yes", "no", "maybe", "assess")] == [
            "Yes", "No", "Maybe", "To be assessed"]


@pytest.mark.parametrize("verdict, label", [("yes", "Ja"), ("no", "Nej"), ("maybe", "Måske"),
                                            ("assess", "Det skal vurderes"), ("info", "")])
def test_every_verdict_has_its_label_and_an_informational_outcome_none(verdict, label):
    assert describe.verdict_label(verdict) == label


def test_ved_ikke_is_the_last_answer_offered_and_only_where_the_question_offers_it(scheme, tmp_path):
    _, rules = scheme
    assert describe.answer_options(question(rules, "med")) == [("yes", "Ja"), ("no", "Nej"), ("unknown", "Ved ikke")]
    text = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8").replace(
        "        text: Vil du være med?\n", "        text: Vil du være med?\n        unknown: false\n", 1)
    (with_sources(tmp_path) / "rules.yaml").write_text(text, encoding="utf-8")
    without = load(tmp_path / "rules.yaml")
    assert describe.answer_options(question(without, "med")) == [("yes", "Ja"), ("no", "Nej")]


def test_an_answer_is_labelled_as_the_reader_sees_it_and_a_bad_one_is_shown_as_written(scheme):
    _, rules = scheme
    assert describe.answer_label(question(rules, "med"), "yes") == "Ja"
    assert describe.answer_label(question(rules, "med"), "unknown") == "Ved ikke"
    assert describe.answer_label(question(rules, "antal"), 3) == "3"
    assert describe.answer_label(question(rules, "antal"), 99) == "99", "out of range: shown, not refused here"
    assert describe.answer_label(question(rules, "med"), "kanske") == "kanske"
