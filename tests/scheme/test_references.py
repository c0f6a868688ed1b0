"""generator/scheme/references.py: ids unique, references resolved by the class they name, the modules one line.

Each test runs `references.check` on the minimal scheme, read and validated as the loader does, with one thing
changed; so a problem is found by this module, not by the schema or the checklist checks that run after it.
"""

from __future__ import annotations

import pytest

from generator.scheme import references
from generator.scheme.loader import validate
from generator.scheme.model import Rules
from generator.scheme.reading import parse

from support import FIXTURES

MINIMAL = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")
MODULES = """step_model:
  modules:
    - id: start
      title: Start
      goal: At komme i gang.
      source: test-kilde
      quote: Forløbet begynder med en start.
      next: slut
    - id: slut
      title: Slut
      goal: At blive færdig.
      source: test-kilde
      quote: Det slutter, når man er færdig.
"""


def checked(text: str) -> tuple[Rules, list]:
    """The scheme in `text` as the schema accepts it, and what references.check finds in it."""
    document = parse(text.encode("utf-8"), "rules.yaml")
    rules = validate(Rules, document)
    return rules, references.check(rules, document.positions)


def changed(old: str, new: str, text: str = MINIMAL) -> str:
    assert old in text, f"the minimal scheme no longer contains {old!r}"
    return text.replace(old, new, 1)


def line_of(text: str, snippet: str) -> int:
    return text[: text.index(snippet)].count("\n") + 1


def test_the_minimal_scheme_has_no_reference_problems():
    assert MODULES in MINIMAL
    rules, problems = checked(MINIMAL)
    assert problems == []
    assert [m.id for m in references.module_order(rules)] == ["start", "slut"]


def test_a_reference_is_resolved_against_the_class_it_names_not_any_id():
    # 'sagsbehandler' is a role's id; as a source it must still be unknown.
    text = changed("      source: test-kilde\n      quote: Ordningen findes", "      source: sagsbehandler\n"
                   "      quote: Ordningen findes")
    _, problems = checked(text)
    assert [p.where for p in problems] == ["scheme.about[0].source"]
    assert problems[0].message == "unknown source 'sagsbehandler'."
    assert problems[0].line == line_of(text, "source: sagsbehandler")
    assert problems[0].fix == "use an id from sources: test-kilde, or add a source with id 'sagsbehandler'."


def test_each_item_of_a_list_of_references_is_checked_at_its_own_index():
    text = changed("legal: [lov-1]", "legal: [lov-1, lov-9]")
    _, problems = checked(text)
    assert [(p.where, p.message) for p in problems] == [
        ("rules[0].legal[1]", "unknown legal excerpt 'lov-9'. Did you mean 'lov-1'?")]
    assert (problems[0].line, problems[0].column) == (line_of(text, "lov-9"), text.splitlines()[
        line_of(text, "lov-9") - 1].index("lov-9") + 1)


def test_a_duplicate_id_names_the_line_of_the_first_use():
    text = changed("  - id: vil-selv\n", "  - id: kun-test\n    applies_to: loan\n    title: Igen\n    text: Igen.\n"
                   "    source: test-kilde\n    quote: man skal selv ville være med\n    kind: exclusion\n"
                   "  - id: vil-selv\n")
    _, problems = checked(text)
    assert [p.where for p in problems] == ["rules[1].id"]
    assert problems[0].message == f"the rule id 'kun-test' is already used at line {line_of(text, '  - id: kun-test')}."
    assert problems[0].line == line_of(text, "  - id: kun-test\n    applies_to: loan\n    title: Igen")


def test_ids_of_different_kinds_may_be_the_same():
    # A role and a module called 'start' are different things; only ids of one kind must differ.
    text = changed("roles:\n", "roles:\n  - id: start\n    name: Den, der starter\n")
    assert checked(text)[1] == []


@pytest.mark.parametrize("edit, words", [
    (("      next: slut\n", "      next: start\n"), ["step_model.modules[0].next", "module 'start' names itself as next"]),
    (("      quote: Det slutter, når man er færdig.\n", "      quote: Det slutter, når man er færdig.\n      next: start\n"),
     ["step_model.modules", "one first module; first modules found: none"]),
    (("      next: slut\n", ""), ["one first module; first modules found: 'start', 'slut'"]),
], ids=["names-itself", "a-loop", "two-first-modules"])
def test_the_modules_must_form_one_line(edit, words):
    _, problems = checked(changed(*edit))
    assert len(problems) == 1, problems
    text = problems[0].format()
    for word in words:
        assert word in text, text
    assert "fix:" in text


def test_two_modules_may_not_share_a_next():
    extra = ("    - id: mellem\n      title: Mellem\n      goal: Imellem.\n      source: test-kilde\n"
             "      quote: Forløbet begynder med en start.\n      next: slut\n")
    text = changed("    - id: slut\n", extra + "    - id: slut\n")
    _, problems = checked(text)
    assert [(p.where, p.message) for p in problems] == [
        ("step_model.modules[1].next", "module 'slut' is already the next of another module ('start').")]
    assert problems[0].line == line_of(text, "      next: slut\n    - id: slut")


def test_module_order_follows_next_not_the_order_in_the_file():
    first = MODULES.split("    - id: slut\n")[0]
    second = "    - id: slut\n" + MODULES.split("    - id: slut\n")[1]
    rules, problems = checked(changed(MODULES, "step_model:\n  modules:\n" + second + first.split("  modules:\n")[1]))
    assert problems == []
    assert [m.id for m in rules.step_model.modules] == ["slut", "start"]
    assert [m.id for m in references.module_order(rules)] == ["start", "slut"]
