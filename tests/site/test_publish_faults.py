"""A build killed at any moment leaves the published site whole: the old one or the new one, never a mix or none.

The build runs in a subprocess that is killed after N ms for a spread of N, or that exits (`os._exit`, so no
clean-up runs) just before or just after the k-th call of each step that publishing is made of.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from generator.site import publish

from projects import small_project
from support import REPO

ENV = {**os.environ, "PYTHONPATH": str(REPO), "SOURCE_DATE_EPOCH": "1700000000", "NO_MKDOCS_2_WARNING": "1"}

# Exits just before (-) or just after (+) the k-th call of a step; MkDocs' own build of the language is a step too.
POINTS = [("mkdocs_build", 1, "-"), ("mkdocs_build", 1, "+"), ("exchange", 1, "-"), ("exchange", 1, "+"),
          ("rmtree", 1, "-"), ("rename", 1, "-"), ("chmod", 1, "+"), ("write_text", 1, "+")]
KILL_AFTER_MS = [150, 500, 800, 1000, 1200, 1400, 1700, 2200]

RUNNER = textwrap.dedent("""
    import os, shutil, sys
    point, k, when, exchange_works = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4] == "1"
    import mkdocs.commands.build
    from pathlib import Path
    from generator.site import publish
    from generator.commands import main
    calls = {}

    def trap(name, function):
        def wrapped(*args, **kwargs):
            calls[name] = calls.get(name, 0) + 1
            hit = name == point and calls[name] == k
            if hit and when == "-":
                os._exit(9)
            result = function(*args, **kwargs)
            if hit and when == "+":
                os._exit(9)
            return result
        return wrapped

    mkdocs.commands.build.build = trap("mkdocs_build", mkdocs.commands.build.build)
    publish.exchange = trap("exchange", publish.exchange if exchange_works else lambda a, b: False)
    os.rename = trap("rename", os.rename)
    os.chmod = trap("chmod", os.chmod)
    shutil.rmtree = trap("rmtree", shutil.rmtree)
    Path.write_text = trap("write_text", Path.write_text)
    sys.exit(main(["build"]))
""")


def outcome(found, old, new) -> str:
    return "old" if found == old else "new" if found == new else "none" if found is None else "MIXED"


def tree(folder: Path) -> dict[str, bytes] | None:
    if not folder.is_dir():
        return None
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """A project, and its old and new site (the new one differs in one text) as reference trees."""
    project = small_project(tmp_path_factory.mktemp("faults") / "project")
    rules = project / "rules.yaml"
    old_rules = rules.read_text(encoding="utf-8")
    new_rules = old_rules.replace("summary: En ordning til test.", "summary: En ny udgave af ordningen.")
    assert new_rules != old_rules
    for text, name in ((old_rules, "old"), (new_rules, "new")):
        rules.write_text(text, encoding="utf-8")
        done = subprocess.run([sys.executable, "-m", "generator", "build", "--site-dir", name], cwd=project, env=ENV,
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
    (project / "runner.py").write_text(RUNNER, encoding="utf-8")
    return project, tree(project / "old"), tree(project / "new")


def fresh(project: Path) -> Path:
    """The old site published in site/, nothing left beside it."""
    for path in project.glob(".site-*"):
        shutil.rmtree(path)
    for path in project.glob("site*"):
        shutil.rmtree(path) if path.is_dir() and not path.is_symlink() else path.unlink()
    shutil.copytree(project / "old", project / "site")
    return project / "site"


def after_next_build_starts(project: Path) -> dict | None:
    """What the next build does first (under its lock): recover a site set aside, remove stale staging."""
    site = project / "site"
    publish.recover(site)
    publish.clean_stale(site)
    assert not list(project.glob(".site-*")), "stale staging folders are removed"
    return tree(site)


def run(project: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "runner.py", *args], cwd=project, env=ENV,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


@pytest.mark.parametrize("point, k, when", POINTS)
def test_a_build_that_dies_at_any_step_leaves_a_whole_site(sites, point, k, when, summary):
    project, old, new = sites
    site = fresh(project)
    done = run(project, point, str(k), when, "1")
    _, err = done.communicate(timeout=120)
    assert "Traceback" not in err, err
    left = outcome(tree(site), old, new)
    summary("faults: what a build that died left in site/", f"{when}{point}#{k}={left}")
    assert tree(site) in (old, new), f"site/ is whole after dying {when} {point} #{k} (exit {done.returncode})"
    if point == "exchange":   # the exchange is the moment of publishing: the old site before it, the new one after
        assert left == ("new" if when == "+" else "old"), left
    assert after_next_build_starts(project) in (old, new)


@pytest.mark.parametrize("ms", KILL_AFTER_MS)
def test_a_build_killed_after_n_ms_leaves_a_whole_site(sites, ms, summary):
    project, old, new = sites
    site = fresh(project)
    build = run(project, "none", "0", "-", "1")
    time.sleep(ms / 1000)   # the moment of the kill is what this test varies, not a wait for something
    build.send_signal(signal.SIGKILL)
    build.wait(timeout=60)
    summary("faults: what a build that died left in site/", f"kill@{ms}ms={outcome(tree(site), old, new)}")
    assert tree(site) in (old, new), f"site/ is whole when killed after {ms} ms"
    assert after_next_build_starts(project) in (old, new)


@pytest.mark.parametrize("point, k, when", [("rename", 1, "+"), ("rename", 2, "-"), ("rmtree", 1, "-")])
def test_without_an_atomic_exchange_a_killed_build_is_recovered_whole(sites, point, k, when):
    """Where the OS cannot exchange two folders, the old site is renamed aside first; a build that dies between
    the two renames leaves it there, and the next build puts it back before anything else."""
    project, old, new = sites
    site = fresh(project)
    run(project, point, str(k), when, "0").communicate(timeout=120)
    assert tree(site) in (old, new, None)
    assert after_next_build_starts(project) in (old, new)


def test_report_what_each_fault_left():
    """Every step the runner can stop at has a fault point before or after it (what each left is on record)."""
    trapped = set(re.findall(r'trap\("(\w+)"', RUNNER))
    assert trapped == {point for point, _k, _when in POINTS}, trapped
    assert {when for point, _k, when in POINTS if point == "exchange"} == {"-", "+"}
