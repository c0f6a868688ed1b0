"""Readability by the scheme's language: LIX for Danish, the Flesch-Kincaid grade for English, each with its
budget under checks:."""

from __future__ import annotations

import shutil

import pytest

from generator.gate import readability
from support import FIXTURES, run_generator


def test_each_scheme_language_has_a_measure():
    from generator.scheme.model import Scheme
    import typing

    languages = typing.get_args(Scheme.model_fields["language"].annotation)
    assert set(languages) == set(readability.MEASURES)


@pytest.mark.parametrize("text, harder", [
    ("The bin is emptied. Put it out.",
     "Notwithstanding considerable administrative complications, municipal authorities systematically "
     "reorganised comprehensive collection arrangements throughout the jurisdiction."),
])
def test_the_english_grade_rises_with_long_sentences_and_long_words(text, harder):
    assert readability.flesch_kincaid_grade(text) < 3 < 12 < readability.flesch_kincaid_grade(harder)


def test_an_english_page_over_its_budget_names_the_limit_to_change(tmp_path):
    project = tmp_path / "english"
    shutil.copytree(FIXTURES / "english", project)
    rules = project / "rules.yaml"
    rules.write_text(rules.read_text(encoding="utf-8").replace("  citizen_audiences: [residents]",
                                                               "  citizen_audiences: [residents]\n"
                                                               "  grade_max_citizen: 0.5"), encoding="utf-8")
    check = run_generator("check", "--rules", str(rules))
    assert check.returncode == 1
    assert "Flesch-Kincaid grade" in check.stdout and "(checks: grade_max_citizen). Fix: shorter sentences" \
        in check.stdout, check.stdout
