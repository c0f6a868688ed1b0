"""What many tests share: the repository's paths, the real site's pages, a build helper, Debian's Chromium."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RULES = REPO / "rules.yaml"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def all_pages() -> list[str]:
    """Every page the real site has, as MkDocs will write it (known before the build, for parametrize)."""
    from generator.scheme.loader import load
    from generator.site.render import page_url
    from generator.site.assemble import pages_for

    return sorted(page_url(p, use_directory_urls=False) for p in pages_for(load(RULES), RULES, REPO / "content"))


def not_found_pages() -> list[str]:
    """The 'page not found' page MkDocs writes from the theme alone, at the root and in each language."""
    from generator.scheme.loader import load

    return ["404.html"] + [f"{lang.code}/404.html" for lang in load(RULES).languages]


def language_pages(code: str) -> list[str]:
    """The pages the site has in language `code` (under /<code>/), as the language switcher knows them."""
    from generator.scheme.loader import load
    from generator.site.assemble import alternates

    entry = next(e for e in alternates(load(RULES), "da", True, REPO / "content", False) if e["lang"] == code)
    return sorted(f"{code}/{url}" for url in (entry["pages"] if entry["pages"] is not None else all_pages()))


def build_site(rules: Path, config: Path, out: Path) -> Path:
    """Build a scheme with `--strict` from the repository root, as `python -m generator build` does."""
    from generator.site import assemble as site
    from generator.site import build as site_build

    cwd = os.getcwd()
    os.chdir(REPO)
    try:
        site_build.build(rules, config, out)
    finally:
        os.chdir(cwd)
        os.environ.pop(site.RULES_ENV, None)
    return out


def scheme_copy(tmp_path: Path, rules: Path = RULES) -> Path:
    """A copy of a scheme (its rules file with sources/, scenarios/, content/, translations/ beside it)."""
    import shutil as _shutil

    folder = tmp_path / "scheme"
    folder.mkdir()
    for name in ("sources", "scenarios", "content", "translations"):
        if (rules.parent / name).is_dir():
            _shutil.copytree(rules.parent / name, folder / name)
    target = folder / "rules.yaml"
    target.write_text(rules.read_text(encoding="utf-8"), encoding="utf-8")
    return target


def with_sources(folder: Path) -> Path:
    """Put every source text the tests' schemes quote (the fixtures', the scaffold's, the real ones) into
    `folder`/sources, so a rules.yaml written into `folder` finds its `text:` files. Returns `folder`."""
    import shutil as _shutil

    folder = Path(folder)
    for origin in (FIXTURES / "sources", REPO / "sources", REPO / "generator" / "scaffold" / "files" / "sources"):
        _shutil.copytree(origin, folder / "sources", dirs_exist_ok=True)
    return folder


def run_generator(*args: str, cwd: Path = REPO):
    """`python -m generator ARGS` run from `cwd` in this process, through the same main() that __main__ calls:
    its exit code and what it printed, as subprocess.run(capture_output=True, text=True) gives them, without
    starting a Python. For commands whose output is the point; a few tests keep a real subprocess for the entry
    point itself (tests/commands/test_cli.py)."""
    import contextlib
    import io
    import subprocess

    from generator.commands import main

    out, err = io.StringIO(), io.StringIO()
    cwd_before = os.getcwd()
    os.chdir(cwd)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(list(args))
            except SystemExit as exc:   # argparse's usage errors and --help
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    finally:
        os.chdir(cwd_before)
    return subprocess.CompletedProcess(["python", "-m", "generator", *args], code, out.getvalue(), err.getvalue())
