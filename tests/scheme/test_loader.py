"""Bad rules files: each kind of mistake ends in one clear message with file:line:col and the fix."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator.scheme.loader import load
from generator.scheme.problems import InputError

from support import FIXTURES, REPO, with_sources

MINIMAL = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")


def replace(old: str, new: str, count: int = 1):
    def mutate(text: str) -> str:
        assert old in text, f"fixture no longer contains {old!r}"
        return text.replace(old, new, count)
    return mutate


# name, how to break the minimal scheme, (line, column) expected, words the message must contain
BROKEN = [
    ("yaml-syntax", replace("  name: Testordningen\n", "  name: Testordningen: ny\n"), (4, 22),
     ["YAML syntax error", "fix:", "quotes"]),
    ("tab-indentation", replace("    label: TEST-2020", "\tlabel: TEST-2020"), (16, 1),
     ["tab", "spaces"]),
    ("empty-file", lambda text: "# nothing here yet\n", (1, 1), ["empty"]),
    ("non-utf8", None, (11, 37), ["not valid UTF-8", "UTF-8"]),
    ("unknown-key", replace("  municipality: Testby Kommune\n",
                            "  municipality: Testby Kommune\n  colour: red\n"), (7, 3),
     ["unknown key 'colour'", "use one of:"]),
    ("misspelt-key", replace("    title: Et testnotat", "    titel: Et testnotat"), (17, 5),
     ["unknown key 'titel'", "Did you mean 'title'?"]),
    ("missing-field", replace("    issuer: Testby Kommune\n", ""), (15, 5),
     ["required field 'issuer' is missing", "add 'issuer:'"]),
    ("wrong-type", replace("  about:\n    - id: om-1", "  about: nej\n  x:\n    - id: om-1"), None,
     ["expected a list"]),
    ("wrong-type-number", replace("      amounts: [100]", "      amounts: [hundrede]"), (83, 17),
     ["expected a whole number", "'hundrede'"]),
    ("duplicate-id", replace("  - id: sagsbehandler\n    name: Din sagsbehandler\n",
                             "  - id: sagsbehandler\n    name: Din sagsbehandler\n"
                             "  - id: sagsbehandler\n    name: En anden\n"), (46, 9),
     ["role id 'sagsbehandler' is already used at line 44"]),
    ("duplicate-key", replace("    label: TEST-2020\n", "    label: TEST-2020\n    label: TEST-2021\n"), (17, 5),
     ["appears twice"]),
    ("unknown-source", replace("      text: Ordningen findes kun i test.\n      source: test-kilde",
                               "      text: Ordningen findes kun i test.\n      source: test-kild"), (12, 15),
     ["unknown source 'test-kild'", "Did you mean 'test-kilde'?", "add a source"]),
    ("unknown-legal-excerpt", replace("legal: [lov-1]", "legal: [lov-2]"), (54, 13),
     ["unknown legal excerpt 'lov-2'", "Did you mean 'lov-1'?"]),
    ("unknown-module", replace("      next: slut", "      next: slutt"), (69, 13),
     ["unknown module 'slutt'", "Did you mean 'slut'?"]),
    ("unknown-role", replace("  contact: sagsbehandler", "  contact: sagsbehandlr"), (8, 12),
     ["unknown role 'sagsbehandlr'", "Did you mean 'sagsbehandler'?"]),
    ("date-not-a-date", replace("    date: 2020-01-02", "    date: 2020-13-45"), (19, 11),
     ["expected a date", "YYYY-MM-DD"]),
    ("date-as-words", replace("    last_checked: 2026-11-23", "    last_checked: i går"), (42, 19),
     ["expected a date"]),
    ("negative-amount", replace("      min: 1000", "      min: -1000"), (93, 12),
     ["at least 0", "cannot be negative"]),
    ("reversed-range", replace("      min: 1000\n      max: 50000", "      min: 50000\n      max: 1000"), (93, 7),
     ["range is reversed", "swap"]),
    ("budget-total", replace("  total: [100]", "  total: [120]"), (76, 3),
     ["add up to 100", "total says 120"]),
    ("module-loop", replace("      goal: At blive færdig.\n", "      goal: At blive færdig.\n      next: start\n"),
     None, ["one line with one first module"]),
    ("wrong-choice", replace("applies_to: loan", "applies_to: laon"), (48, 17),
     ["expected one of", "Did you mean 'loan'?"]),
    ("unknown-condition-key", replace('ask_if: {q: med, is: "yes"}', 'ask_if: {q: med, iss: "yes"}'), (116, 31),
     ["unknown key 'iss'. Did you mean 'is'?\n", "use one of: q, is, in, gte, gt, lte, lt, per, includes,"]),
    ("statement-address-with-markup",
     replace("  contact: sagsbehandler\n", "  contact: sagsbehandler\n  accessibility_statement_url: "
             "'https://x.example/\"><script>alert(1)</script><a href=\"'\n"), (9, 32),
     ["contains", "'\"'", "'<'", "address bar"]),
    ("statement-address-not-https",
     replace("  contact: sagsbehandler\n", "  contact: sagsbehandler\n  accessibility_statement_url: "
             "javascript:alert(1)\n"), (9, 32), ["is not a web address that starts with https://"]),
]


def _write(tmp_path: Path, name: str, mutate) -> Path:
    path = with_sources(tmp_path) / "rules.yaml"
    if name == "non-utf8":
        path.write_bytes(MINIMAL.encode("utf-8").replace("kun i test.".encode(), "kun i tést.".encode("latin-1"), 1))
    else:
        path.write_text(mutate(MINIMAL), encoding="utf-8")
    return path


def test_the_minimal_fixture_is_valid():
    rules = load(FIXTURES / "minimal.yaml")
    assert rules.scheme.id == "test-ordning"


@pytest.mark.parametrize("name,mutate,position,words", BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_rules_give_a_located_message_with_the_fix(tmp_path, name, mutate, position, words):
    path = _write(tmp_path, name, mutate)
    with pytest.raises(InputError) as caught:
        load(path, display="rules.yaml")
    message = str(caught.value)
    for word in words:
        assert word in message, message
    assert "fix:" in message, message
    first = caught.value.problems[0]
    assert first.file == "rules.yaml"
    if position:
        assert (first.line, first.column) == position, message
        assert f"rules.yaml:{position[0]}:{position[1]}:" in message
    else:
        assert first.line is not None, message
    assert len(message.splitlines()) <= 25, "one screen at most"


def test_every_problem_is_reported_at_once(tmp_path):
    text = replace("    date: 2020-01-02", "    date: snart")(MINIMAL)
    text = replace("    title: Et testnotat", "    titel: Et testnotat")(text)
    text = replace("      amounts: [100]", "      amounts: [hundrede]")(text)
    path = with_sources(tmp_path) / "rules.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load(path)
    lines = sorted(p.line for p in caught.value.problems)
    assert lines == [17, 19, 83], str(caught.value)


@pytest.mark.parametrize("name,mutate", [(b[0], b[1]) for b in BROKEN[:6] + BROKEN[10:14] + BROKEN[15:20]],
                         ids=[b[0] for b in BROKEN[:6] + BROKEN[10:14] + BROKEN[15:20]])
def test_cli_build_refuses_bad_rules_and_keeps_the_old_site(tmp_path, name, mutate):
    path = _write(tmp_path, name, mutate)
    old_site = tmp_path / "site"
    old_site.mkdir()
    (old_site / "index.html").write_text("previous build", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "generator", "build", "--rules", str(path),
                             "--site-dir", str(old_site)], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert "rules.yaml:" in result.stderr and "fix:" in result.stderr, result.stderr
    assert (old_site / "index.html").read_text(encoding="utf-8") == "previous build"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rules.yaml", "site", "sources"], "no staging folder left behind"
