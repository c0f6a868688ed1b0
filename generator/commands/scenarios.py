"""`python -m generator scenarios`: run every worked case in scenarios/ and report rule coverage."""

from __future__ import annotations

from generator.checklist.scenarios import coverage, describe_reached, expected, load_scenarios, reached, run as run_case
from generator.checklist.scenarios import scenarios_dir
from generator.scheme.loader import load

HELP = "run every scenario in scenarios/ and report rule coverage"


def arguments(parser) -> None:
    pass


def run(args) -> int:
    rules = load(args.rules)
    scenarios = load_scenarios(scenarios_dir(args.rules), rules)
    checklists = {c.id: c for c in rules.checklists}
    failed = 0
    for s in scenarios:
        want, got = expected(s), reached(run_case(checklists[s.checklist], s))
        ok = got == want
        failed += not ok
        print(f"{'ok  ' if ok else 'FAIL'} {s.id}: expected {describe_reached(want)}"
              + ("" if ok else f", got {describe_reached(got)}"))
    for cov in coverage(rules, scenarios):
        print(cov.summary())
    print(f"{len(scenarios) - failed} passed, {failed} failed")
    return 1 if failed else 0
