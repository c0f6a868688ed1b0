"""Command line: `python -m generator COMMAND [--rules PATH]`, one module per command in this package.

Each command module has `HELP` (one line), `arguments(parser)` and `run(args) -> int`. Exit codes: 0 done,
1 the input has problems (printed as file:line:col with the fix), 2 wrong usage, 130 interrupted.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from generator.scheme.problems import InputError

# In the order `--help` lists them; the module generator.commands.<name> implements each.
COMMANDS = ["build", "serve", "validate", "check", "evaluate", "scenarios", "diff", "translations", "print",
            "new", "schema"]
# Commands that do not read a rules file of their own (`diff` takes two, `new` writes one).
NO_RULES = {"diff", "new"}
# `print` would shadow the builtin as a module name.
MODULES = {"print": "print_command"}


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except InputError as exc:
        print(exc, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def parser() -> argparse.ArgumentParser:
    """The argument parser, built from the command modules."""
    top = argparse.ArgumentParser(prog="python -m generator",
                                  description="Build a public-sector information site with eligibility checklists "
                                              "from one rules.yaml.")
    subs = top.add_subparsers(required=True, metavar="COMMAND")
    for name in COMMANDS:
        module = importlib.import_module(f"generator.commands.{MODULES.get(name, name)}")
        sub = subs.add_parser(name, help=module.HELP, description=module.HELP)
        if name not in NO_RULES:
            sub.add_argument("--rules", type=Path, default=Path("rules.yaml"),
                             help="the scheme (default: rules.yaml)")
        module.arguments(sub)
        sub.set_defaults(run=module.run)
    return top
