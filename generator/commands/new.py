"""`python -m generator new DIR`: start a new scheme from the commented scaffold."""

from __future__ import annotations

from pathlib import Path

from generator import scaffold

HELP = "start a new scheme in DIR: a minimal valid rules.yaml with comments"


def arguments(parser) -> None:
    parser.add_argument("dir", type=Path, help="an empty or new folder")


def run(args) -> int:
    from generator.commands import invocation, shown

    for path in scaffold.write(args.dir):
        print(f"wrote {path}")
    generator = invocation()
    print(f"Next: edit {args.dir / 'rules.yaml'}, then in that folder\n"
          f"  cd {shown(args.dir)}\n"
          f"  {generator} check\n"
          f"  {generator} build      # then open site/index.html\n"
          f"  {generator} serve      # a preview that reloads as you edit")
    return 0
