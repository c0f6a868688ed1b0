"""Small throw-away projects for tests that must build or break one: the minimal scheme with the real config."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from support import FIXTURES, REPO, with_sources


def small_project(root: Path, rules: str | None = None, *, content: dict[str, str] | None = None) -> Path:
    """A project folder with rules.yaml (tests/fixtures/minimal.yaml unless given), mkdocs.yml and content/.

    The config is the repository's own (the generator's plugin brings the pages; the theme overrides are named
    by absolute path), so the project builds from any folder. Returns the project folder.
    """
    root = with_sources(Path(root))
    (root / "rules.yaml").write_text(rules if rules is not None else (FIXTURES / "minimal.yaml").read_text(
        encoding="utf-8"), encoding="utf-8")
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config["theme"]["custom_dir"] = str(REPO / "overrides")
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (root / "content").mkdir(exist_ok=True)
    for name, text in (content or {}).items():
        (root / "content" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "content" / name).write_text(text, encoding="utf-8")
    return root


def copy_of_repo_scheme(root: Path) -> Path:
    """The real rules.yaml, scenarios, translations and content in a project folder of their own."""
    root = small_project(root, (REPO / "rules.yaml").read_text(encoding="utf-8"))
    shutil.rmtree(root / "content")
    for folder in ("content", "scenarios", "translations"):
        shutil.copytree(REPO / folder, root / folder)
    shutil.copytree(REPO / "sources", root / "sources", dirs_exist_ok=True)
    return root
