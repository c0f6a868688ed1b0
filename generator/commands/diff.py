"""`python -m generator diff OLD NEW`: what an edit changes, for its reviewer."""

from __future__ import annotations

from pathlib import Path

from generator.gate import diff
from generator.scheme.loader import load

HELP = "what an edit changes: questions, outcomes, texts, scenario outcomes"


def arguments(parser) -> None:
    parser.add_argument("old", type=Path, help="the rules before the edit")
    parser.add_argument("new", type=Path, help="the rules after the edit")


def run(args) -> int:
    old, new = load(args.old), load(args.new)
    print(diff.report(old, new, diff.scenarios_for(args.new)))
    return 0
