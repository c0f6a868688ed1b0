"""`python -m generator validate`: check the rules and report every problem with its line."""

from __future__ import annotations

from generator.scheme.loader import load

HELP = "check the rules and report every problem with its line"


def arguments(parser) -> None:
    pass


def run(args) -> int:
    rules = load(args.rules)
    print(f"{args.rules}: OK: {len(rules.sources)} sources, {len(rules.rules)} rules, "
          f"{len(rules.legal_excerpts)} legal excerpts, "
          f"{len(rules.step_model.modules) if rules.step_model else 0} modules.")
    return 0
