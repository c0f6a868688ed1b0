"""A new scheme travels: `new` writes no absolute path, and the folder builds after it is moved, with the generator
installed (not linked) from a fresh clone of the repository into a fresh virtual environment."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

from support import REPO

# A path from the root of a file system: '/' then at least two names, not inside an address (https://…),
# a JSON pointer (#/$defs/…) or a pair of words (yes/no, 20000/month).
ABSOLUTE = re.compile(r"(?<![\w:/.#$-])/[\w.-]+/[\w.-]+|(?<!\w)[A-Za-z]:\\[A-Za-z]|file:/")


def generator(*args, cwd, python=sys.executable, env=None):
    return subprocess.run([str(python), "-m", "generator", *args], cwd=cwd, capture_output=True, text=True,
                          env=env)


def absolute_paths(folder: Path) -> list[str]:
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            found += [f"{path.relative_to(folder)}: {m.group()}" for m in ABSOLUTE.finditer(text)]
            for here in (str(REPO), str(folder)):
                if here in text:
                    found.append(f"{path.relative_to(folder)}: {here}")
    return found


def test_new_writes_no_absolute_path(tmp_path):
    made = generator("new", str(tmp_path / "ny"), cwd=REPO)
    assert made.returncode == 0, made.stderr
    assert absolute_paths(tmp_path / "ny") == []
    config = (tmp_path / "ny" / "mkdocs.yml").read_text(encoding="utf-8")
    assert "hooks:" not in config and re.search(r"^plugins:\n(  - .*\n)*  - scheme\b", config, re.M), config
    first = (tmp_path / "ny" / "rules.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=rules.schema.json"
    assert (tmp_path / "ny" / "rules.schema.json").is_file(), "the schema travels with the folder"


def test_the_absolute_path_finder_finds_what_the_scaffold_used_to_write():
    assert ABSOLUTE.search("hooks:\n- /work/main/generator/mkdocs_hook.py")
    assert ABSOLUTE.search("# yaml-language-server: $schema=file:///work/main/schema/rules.schema.json")
    assert ABSOLUTE.search(r"hooks: [C:\Users\kommune\mkdocs_hook.py]")
    assert not ABSOLUTE.search('"$ref": "#/$defs/Rule", https://example.org/a/b, yes/no, 20000/month')


def test_a_moved_scheme_builds_with_the_generator_installed_from_a_fresh_clone(tmp_path):
    """The whole way: new, move, clone, install into a new venv, delete the clone, build in the moved folder.

    The new venv has no pip and no packages of its own but the generator; it reads the test venv's packages
    (MkDocs, Material, …) through a .pth line, which adds their folder to sys.path without running the .pth
    files in it, so the test venv's editable link to this checkout stays inactive: the generator that builds
    is the one installed from the clone, and the clone is gone by then."""
    made = generator("new", str(tmp_path / "first" / "ny"), cwd=REPO)
    assert made.returncode == 0, made.stderr
    moved = tmp_path / "elsewhere" / "flyttet"
    moved.parent.mkdir()
    shutil.move(tmp_path / "first" / "ny", moved)
    (tmp_path / "first").rmdir()

    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "--quiet", "--depth", "1", f"file://{REPO}", str(clone)], check=True)
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    own = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                              capture_output=True, text=True, check=True).stdout.strip())
    (own / "test-venv-packages.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    installed = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet",
                                "--no-deps", str(clone)], capture_output=True, text=True)
    assert installed.returncode == 0, installed.stderr
    shutil.rmtree(clone)

    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "SCHEME_RULES", "VIRTUAL_ENV")}
    where = subprocess.run([str(python), "-c", "import generator, json, sys; print(json.dumps([generator.__file__,"
                            " sys.path]))"], cwd=moved, capture_output=True, text=True, env=env)
    module, path = json.loads(where.stdout)
    assert Path(module).is_relative_to(own), module
    checkout = [p for p in path if p and Path(p).resolve().is_relative_to(REPO)
                and Path(p).resolve() != Path(sysconfig.get_path("purelib")).resolve()]
    assert checkout == [], "nothing of the checkout but the test venv's packages is on the new venv's path"

    build = generator("build", cwd=moved, python=python, env=env)
    assert build.returncode == 0, build.stdout + build.stderr
    for page in ["index.html", "borger.html", "tjek.html", "om-siden.html", "kilder.html"]:
        assert (moved / "site" / page).is_file(), page
    index = (moved / "site" / "index.html").read_text(encoding="utf-8")
    assert "Content-Security-Policy" in index and "assets/theme.js" in index, "the generator's theme overrides"
    assert "make serve" not in build.stdout and "-m generator serve" in build.stdout, build.stdout
    assert not [p for p in (moved / "site").rglob("*") if p.is_file() and str(REPO).encode() in p.read_bytes()]
