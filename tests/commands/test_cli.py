"""The command line: evaluate prints the outcome and why (or JSON), validate and scenarios report plainly."""

from __future__ import annotations

import json
import subprocess
import sys

from support import REPO, run_generator as run


def run_entry_point(*args: str) -> subprocess.CompletedProcess:
    """The real `python -m generator` in a new process: for the tests of the entry point itself."""
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=REPO, capture_output=True, text=True,
                          timeout=120)


def test_evaluate_prints_the_outcome_and_the_reasons():
    result = run("evaluate", "tjek-borger", "--answer", "egen-virksomhed=yes", "--answer", "ejere=3")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Outcome: kooperativ")
    assert "Hvor mange skal eje virksomheden?" in result.stdout


def test_evaluate_json_has_outcome_and_reasons():
    result = run("evaluate", "tjek-borger", "-a", "egen-virksomhed=yes", "-a", "ejere=1", "-a", "revalidering=unknown",
                 "-a", "ydelse=andet", "--json")
    report = json.loads(result.stdout)
    assert report["outcome"] == "afklar"
    assert [r["question"] for r in report["reasons"]] == ["revalidering"]
    assert report["unknown"] == ["revalidering"]


def test_evaluate_unfinished_names_the_next_question():
    report = json.loads(run("evaluate", "tjek-partner", "-a", "interesse=yes", "--json").stdout)
    assert report["outcome"] is None and report["pending"] == "ejere"


def test_evaluate_refuses_an_unknown_answer_with_a_suggestion():
    result = run_entry_point("evaluate", "tjek-borger", "-a", "egen-virksomhed=ja")
    assert result.returncode == 2
    assert "'ja' is not an answer to 'egen-virksomhed'" in result.stderr and "Traceback" not in result.stderr


def test_evaluate_refuses_an_unknown_checklist():
    result = run("evaluate", "tjek-borgr")
    assert result.returncode == 2 and "Did you mean 'tjek-borger'?" in result.stderr


def test_validate_reports_counts():
    result = run_entry_point("validate")
    assert result.returncode == 0 and "rules.yaml: OK" in result.stdout


def test_scenarios_report_coverage():
    result = run("scenarios")
    assert result.returncode == 0, result.stdout
    assert "outcomes 9/9" in result.stdout
    assert "failed" in result.stdout.splitlines()[-1]
