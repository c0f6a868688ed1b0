"""`python -m generator schema --out FILE` writes the JSON Schema whole or not at all (`make schema` uses it)."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys

from generator.scheme.jsonschema import json_schema

from support import REPO


def run(*args, limit: int | None = None):
    def set_limit():
        if limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return subprocess.run([sys.executable, "-m", "generator", "schema", *args], cwd=REPO, capture_output=True,
                          text=True, timeout=120, preexec_fn=set_limit, env={**os.environ, "PYTHONPATH": str(REPO)})


def test_schema_out_writes_the_schema(tmp_path):
    out = tmp_path / "rules.schema.json"
    result = run("--out", str(out))
    assert result.returncode == 0, result.stderr
    assert json.loads(out.read_text(encoding="utf-8")) == json_schema()


def test_a_schema_write_that_fails_leaves_the_old_file(tmp_path):
    out = tmp_path / "rules.schema.json"
    out.write_text('{"$schema": "old"}\n', encoding="utf-8")
    result = run("--out", str(out), limit=4096)
    assert result.returncode == 1 and "File too large" in result.stderr and "Traceback" not in result.stderr
    assert out.read_text(encoding="utf-8") == '{"$schema": "old"}\n'
    assert [p.name for p in tmp_path.iterdir()] == ["rules.schema.json"]


def test_schema_out_replaces_neither_the_scheme_nor_a_device_or_pipe(tmp_path):
    """Found by the hostile-input probe: `--out rules.yaml` turned the scheme into JSON, and `--out /dev/null`
    (as root) replaced the device with a file."""
    scheme = tmp_path / "rules.yaml"
    scheme.write_text("scheme:\n  name: Test\n", encoding="utf-8")
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    for out, words in ((scheme, "is not a JSON Schema"), (pipe, "not a regular file")):
        result = run("--out", str(out))
        assert result.returncode == 1 and words in result.stderr and "Traceback" not in result.stderr, result.stderr
    assert scheme.read_text(encoding="utf-8") == "scheme:\n  name: Test\n"
    assert not pipe.is_file() and pipe.exists()


def test_make_schema_uses_the_whole_or_nothing_write():
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert "generator schema --out schema/rules.schema.json" in makefile
    assert "> schema/rules.schema.json" not in makefile, "a shell redirect empties the file before writing"
