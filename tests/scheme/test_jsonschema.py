"""The published JSON Schema is current and accepts the real rules.yaml; editors rely on it."""

from __future__ import annotations

import json

import jsonschema

from generator.scheme.jsonschema import json_schema
from generator.scheme.reading import read

from support import REPO, RULES

PUBLISHED = REPO / "schema" / "rules.schema.json"


def test_published_schema_matches_the_model():
    assert json.loads(PUBLISHED.read_text(encoding="utf-8")) == json_schema(), "run `make schema`"


def test_rules_yaml_points_editors_to_the_schema():
    assert RULES.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=./schema/rules.schema.json")


def test_real_rules_validate_against_the_schema():
    jsonschema.validate(read(RULES).data, json_schema())


def test_schema_flags_a_misspelt_key():
    data = read(RULES).data
    data["scheme"]["titel"] = "x"
    errors = list(jsonschema.Draft202012Validator(json_schema()).iter_errors(data))
    assert any("titel" in e.message for e in errors)


def test_schema_describes_fields_for_autocomplete():
    source = json_schema()["$defs"]["Source"]["properties"]
    assert "YYYY-MM-DD" in source["date"]["description"]
