"""`python -m generator check`: the trust gate's report (logic, scenarios, legal dates, readability, languages)."""

from __future__ import annotations

from generator.gate import report
from generator.scheme.loader import load

HELP = "verify the scheme: logic, references, scenarios, legal dates, readability"


def arguments(parser) -> None:
    parser.add_argument("--strict", action="store_true", help="treat warnings (e.g. old legal excerpts) as errors")


def run(args) -> int:
    rules = load(args.rules)
    found = report.run(rules, args.rules)
    print(found.text(args.strict))
    return 1 if found.failed(args.strict) else 0
