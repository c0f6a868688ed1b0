"""`python -m generator schema`: print the JSON Schema of rules.yaml, for editors."""

from __future__ import annotations

import json

from generator.scheme import jsonschema

HELP = "print the JSON Schema of the rules file (for editors)"


def arguments(parser) -> None:
    pass


def run(args) -> int:
    print(json.dumps(jsonschema.json_schema(), indent=2, ensure_ascii=False))
    return 0
