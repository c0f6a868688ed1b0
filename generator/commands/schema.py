"""`python -m generator schema`: print the JSON Schema of rules.yaml, for editors (or write it with --out)."""

from __future__ import annotations

import json
from pathlib import Path

from generator import files
from generator.scheme import jsonschema
from generator.scheme.problems import InputError, Problem

HELP = "print the JSON Schema of the rules file (for editors), or write it to a file with --out"


def arguments(parser) -> None:
    parser.add_argument("--out", type=Path, help="write the schema to this file, whole or not at all "
                                                 "(e.g. schema/rules.schema.json)")


def run(args) -> int:
    text = json.dumps(jsonschema.json_schema(), indent=2, ensure_ascii=False) + "\n"
    if args.out is None:
        print(text, end="")
    else:
        refuse_to_replace_other_files(args.out)
        files.write_text(args.out, text)
        print(f"wrote {args.out}")
    return 0


def refuse_to_replace_other_files(out: Path) -> None:
    """Replace only a schema written before: `--out rules.yaml` must not turn the scheme into JSON."""
    if not out.is_file():
        return
    try:
        old = json.loads(out.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        old = None
    if not (isinstance(old, dict) and "$schema" in old):
        raise InputError([Problem(str(out), None, None, "", "this file exists and is not a JSON Schema; writing "
                                  "the schema would replace it.", "choose another path, e.g. "
                                  "schema/rules.schema.json, or move the file away first.")], str(out))
