"""`python -m generator schema`: print the JSON Schema of rules.yaml, for editors (or write it with --out)."""

from __future__ import annotations

import json
from pathlib import Path

from generator import files
from generator.scheme import jsonschema

HELP = "print the JSON Schema of the rules file (for editors), or write it to a file with --out"


def arguments(parser) -> None:
    parser.add_argument("--out", type=Path, help="write the schema to this file, whole or not at all "
                                                 "(e.g. schema/rules.schema.json)")


def run(args) -> int:
    text = json.dumps(jsonschema.json_schema(), indent=2, ensure_ascii=False) + "\n"
    if args.out is None:
        print(text, end="")
    else:
        files.write_text(args.out, text)
        print(f"wrote {args.out}")
    return 0
