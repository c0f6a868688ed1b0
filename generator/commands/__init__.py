"""Command line: `python -m generator COMMAND [--rules PATH]`, one module per command in this package.

Each command module has `HELP` (one line), `arguments(parser)` and `run(args) -> int`. Exit codes: 0 done,
1 the input has problems (printed as file:line:col with the fix), 2 wrong usage, 130 interrupted.
"""

from __future__ import annotations

import argparse
import importlib
import os
import shlex
import shutil
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


def invocation() -> str:
    """How to run the generator again from this shell: the Python that runs it now, as short as still works.

    `python` when that is this interpreter (an active venv), the path relative to here when it lies below here
    (`.venv/bin/python`), else its full path; the command printed must work where the user is.
    """
    here = Path(os.path.normpath(sys.executable))
    on_path = shutil.which("python")
    if on_path and os.path.realpath(on_path) == os.path.realpath(here) and Path(on_path).parent == here.parent:
        python = "python"
    else:
        try:
            relative = here.relative_to(Path.cwd())
            python = str(relative) if relative.parts[0] != ".." else str(here)
        except ValueError:
            python = str(here)
    return f"{shlex.quote(python)} -m generator"


def shown(path: Path) -> str:
    """A path as the user can type it here: relative to the current folder where it lies below it."""
    path = Path(path)
    try:
        text = str(path.resolve().relative_to(Path.cwd().resolve())) if path.is_absolute() else str(path)
    except ValueError:
        text = str(path)
    return shlex.quote(text)
