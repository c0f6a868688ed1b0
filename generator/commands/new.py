"""`python -m generator new DIR`: start a new scheme from the commented scaffold."""

from __future__ import annotations

from pathlib import Path

from generator import scaffold

HELP = "start a new scheme in DIR: a minimal valid rules.yaml with comments"


def arguments(parser) -> None:
    parser.add_argument("dir", type=Path, help="an empty or new folder")


def run(args) -> int:
    for path in scaffold.write(args.dir):
        print(f"wrote {path}")
    rules = args.dir / "rules.yaml"
    print(f"Next: edit {rules}, then\n  python -m generator check --rules {rules}\n"
          f"  python -m generator build --rules {rules} --config {args.dir / 'mkdocs.yml'} "
          f"--site-dir {args.dir / 'site'}")
    return 0
