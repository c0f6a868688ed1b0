"""Robust builds: randomly damaged copies of the real rules.yaml either load or end in a clean file:line message
(never a traceback), a failed build never leaves a half-written site, and the same input builds byte for byte
the same site."""

from __future__ import annotations

import contextlib
import filecmp
import io
import os
import shutil
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.commands import main
from generator.scheme.loader import load
from generator.scheme.problems import InputError
from generator.site.publish import MARKER

from support import REPO, RULES, with_sources

LINES = RULES.read_text(encoding="utf-8").splitlines(keepends=True)
OUTCOMES: Counter = Counter()
BUILDS: Counter = Counter()


@st.composite
def damaged(draw) -> str:
    """The real rules with one to three random edits: drop, duplicate, retype, re-indent, truncate a key or
    value, or cut the file short."""
    lines = list(LINES)
    for _ in range(draw(st.integers(1, 3))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["drop", "duplicate", "retype", "indent", "dedent", "truncate-key",
                                   "truncate-value", "cut"]))
        line = lines[i]
        key, sep, value = line.partition(":")
        if op == "drop":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, line)
        elif op == "retype" and sep:
            lines[i] = key + sep + " " + draw(st.sampled_from(["42", "-7", "[]", "{}", "true", "null", "'x'",
                                                               "2015-13-45", "[a, b]", "{q: x}"])) + "\n"
        elif op == "indent":
            lines[i] = draw(st.sampled_from(["  ", " ", "\t"])) + line
        elif op == "dedent":
            lines[i] = line[2:] if line.startswith("  ") else line
        elif op == "truncate-key" and sep:
            lines[i] = key[: max(1, len(key) - draw(st.integers(1, 3)))] + sep + value
        elif op == "truncate-value" and sep:
            lines[i] = key + sep + value[: draw(st.integers(0, max(0, len(value) - 1)))] + "\n"
        elif op == "cut":
            lines = lines[:i]
        OUTCOMES[op] += 1
    return "".join(lines)


@settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(text=damaged())
def test_damaged_rules_load_or_fail_cleanly(tmp_path_factory, text):
    path = with_sources(tmp_path_factory.mktemp("damaged")) / "rules.yaml"
    path.write_text(text, encoding="utf-8")
    try:
        load(path)
        OUTCOMES["loaded"] += 1
    except InputError as exc:
        OUTCOMES["refused"] += 1
        assert exc.problems
        for p in exc.problems:
            assert p.line is not None and p.line >= 1, p
            assert p.fix, p
        assert len(str(exc).splitlines()) <= 25


@settings(max_examples=8, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(text=damaged())
def test_a_damaged_build_never_leaves_a_half_written_site(tmp_path_factory, text):
    root = with_sources(tmp_path_factory.mktemp("build"))
    rules = root / "rules.yaml"
    rules.write_text(text, encoding="utf-8")
    shutil.copytree(REPO / "scenarios", root / "scenarios")
    site = root / "site"
    site.mkdir()
    (site / "index.html").write_text("previous", encoding="utf-8")
    (site / MARKER).write_text("a previous build", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["build", "--rules", str(rules), "--site-dir", str(site)])
    assert "Traceback" not in out.getvalue() + err.getvalue()
    assert sorted(p.name for p in root.iterdir()) == ["rules.yaml", "scenarios", "site", "sources"], "no staging left"
    if code == 0:
        BUILDS["built"] += 1
        assert "audience-card" in (site / "index.html").read_text(encoding="utf-8")
        assert (site / "kilder.html").is_file()
    else:
        BUILDS["refused"] += 1
        assert code == 1
        assert sorted(p.name for p in site.iterdir()) == [MARKER, "index.html"]
        assert (site / "index.html").read_text(encoding="utf-8") == "previous"


def test_report_the_counts(summary):
    summary("hypothesis", f"{OUTCOMES['loaded'] + OUTCOMES['refused']} damaged rules files: "
            f"{OUTCOMES['loaded']} still valid, {OUTCOMES['refused']} refused with file:line and a fix; "
            f"edits tried: {dict((k, v) for k, v in OUTCOMES.items() if k not in ('loaded', 'refused'))}")
    summary("hypothesis", f"{sum(BUILDS.values())} damaged builds: {BUILDS['built']} built, {BUILDS['refused']} "
            "refused with the previous site left untouched")
    assert OUTCOMES["refused"] > 0 and sum(BUILDS.values()) > 0


def test_same_input_builds_byte_identical_sites(tmp_path, monkeypatch):
    from generator.site import assemble as site
    from generator.site import build as site_build

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first, second = tmp_path / "a", tmp_path / "b"
    cwd = os.getcwd()
    os.chdir(REPO)
    try:
        site_build.build(RULES, REPO / "mkdocs.yml", first)
        site_build.build(RULES, REPO / "mkdocs.yml", second)
    finally:
        os.chdir(cwd)
    files = sorted(p.relative_to(first).as_posix() for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second).as_posix() for p in second.rglob("*") if p.is_file())
    _, mismatch, errors = filecmp.cmpfiles(first, second, files, shallow=False)
    assert not mismatch and not errors, mismatch
    mtime = int.from_bytes((first / "sitemap.xml.gz").read_bytes()[4:8], "little")
    assert mtime == 1700000000 - 1700000000 % 86400, "SOURCE_DATE_EPOCH is honoured (MkDocs keeps the day)"
