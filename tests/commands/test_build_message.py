"""The build's last line names a preview command that works where the user is (`make serve` only beside a
Makefile that offers it, for the same rules and config)."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from generator.commands import invocation
from generator.commands.build import preview


def args(rules="rules.yaml", config="mkdocs.yml") -> argparse.Namespace:
    return argparse.Namespace(rules=Path(rules), config=Path(config))


def test_make_serve_only_beside_a_makefile_that_has_it(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert preview(args()) == f"{invocation()} serve"
    (tmp_path / "Makefile").write_text("site:\n\tpython -m generator build\n", encoding="utf-8")
    assert preview(args()) == f"{invocation()} serve", "a Makefile without a serve target"
    (tmp_path / "Makefile").write_text("serve:\n\tpython -m generator serve\n", encoding="utf-8")
    assert preview(args()) == "make serve"


def test_another_scheme_is_previewed_with_its_own_rules_and_config(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "Makefile").write_text("serve:\n\tpython -m generator serve\n", encoding="utf-8")
    command = preview(args("ny/rules.yaml", "ny/mkdocs.yml"))
    assert command == f"{invocation()} serve --rules ny/rules.yaml --config ny/mkdocs.yml"


def test_the_python_named_is_one_that_runs_here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    python = invocation().removesuffix(" -m generator")
    ran = subprocess.run(f"{python} -c 'import generator'", shell=True, cwd=tmp_path, capture_output=True)
    assert ran.returncode == 0, (python, ran.stderr)


def test_a_build_in_a_scheme_folder_says_how_to_preview_it_there(tmp_path):
    subprocess.run([sys.executable, "-m", "generator", "new", str(tmp_path / "ny")], check=True, capture_output=True)
    built = subprocess.run([sys.executable, "-m", "generator", "build"], cwd=tmp_path / "ny", capture_output=True,
                           text=True)
    assert built.returncode == 0, built.stderr
    last = built.stdout.strip().splitlines()[-1]
    command = last.rpartition("or run `")[2].partition("`")[0]
    assert command.endswith(" -m generator serve"), last
    python = command.removesuffix(" -m generator serve")
    ran = subprocess.run(f"{python} -c 'import generator'", shell=True, cwd=tmp_path / "ny", capture_output=True)
    assert ran.returncode == 0, (command, ran.stderr)
