"""The JSON Schema of rules.yaml, generated from the model so editors can autocomplete and flag mistakes.

Published as schema/rules.schema.json (rules.yaml points to it on its first line); a test keeps it current.
"""

from __future__ import annotations

from generator.scheme.model import Rules

SCHEMA_ID = "https://example.invalid/scheme-site-generator/rules.schema.json"


def json_schema() -> dict:
    schema = Rules.model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
        "title": "rules.yaml: a scheme for the site generator",
    }
