"""`python -m generator new DIR`: a minimal valid scheme a municipality can start from.

It builds and passes `check` at once: one source, one rule, one checklist with its worked cases, one page of
its own; every field carries a comment that says what it is for, and placeholder texts say «Skriv her …».
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import yaml

from generator import files
from generator.scheme.problems import InputError, Problem

SCAFFOLD = Path(__file__).parent / "files"
REPO = Path(__file__).resolve().parent.parent.parent


def write(target: Path) -> list[Path]:
    """Write the new scheme into `target` (which must be empty or missing); return the files written.

    Each file is written whole or not at all (`generator.files`), and nothing is written until the folder
    is known to be usable.
    """
    target = Path(target)
    _check_target(target)
    try:
        return _write(target)
    except OSError as exc:
        raise files.problem(exc, target) from None


def _write(target: Path) -> list[Path]:
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for source in sorted(SCAFFOLD.rglob("*")):
        if source.is_file() and "__pycache__" not in source.parts:
            dest = target / source.relative_to(SCAFFOLD)
            dest.parent.mkdir(parents=True, exist_ok=True)
            text = source.read_text(encoding="utf-8")
            if source.name == "rules.yaml":
                schema = REPO / "schema" / "rules.schema.json"
                text = re.sub(r"^# yaml-language-server: .*$", f"# yaml-language-server: $schema={schema.as_uri()}",
                              text, count=1, flags=re.M)
            files.write_text(dest, text)
            written.append(dest)
    if (REPO / "overrides").is_dir():
        for source in sorted((REPO / "overrides").rglob("*")):
            if source.is_file():
                dest = target / "overrides" / source.relative_to(REPO / "overrides")
                dest.parent.mkdir(parents=True, exist_ok=True)
                files.write_bytes(dest, source.read_bytes())
        written.append(target / "overrides")
    written.append(_mkdocs_config(target))
    return written


def _check_target(target: Path) -> None:
    """Refuse a path that is a file, a broken link, or a folder with something in it; nothing is written then."""
    def refuse(message: str, fix: str):
        raise InputError([Problem(str(target), None, None, "", message, fix)], str(target))

    if target.is_symlink() and not target.exists():
        refuse(f"this is a link to {os.readlink(target)}, which does not exist; nothing was written.",
               "give a new folder, or remove the link first.")
    if target.exists() and not target.is_dir():
        refuse("this is a file, not a folder; nothing was written.", "give a new folder's name.")
    for parent in target.parents:
        if parent.exists() and not parent.is_dir():
            refuse(f"{parent} is a file, so no folder can be made inside it; nothing was written.",
                   "give a path whose folders are folders.")
    if target.is_dir() and any(target.iterdir()):
        refuse("the folder is not empty; nothing was written.", "choose a new folder, or empty this one first.")


def _mkdocs_config(target: Path) -> Path:
    """mkdocs.yml like the generator's own, pointing at this installation's hook."""
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config["site_name"] = "Ny ordning"
    config["hooks"] = [str(Path(__file__).parent.parent / "mkdocs_hook.py")]
    config["docs_dir"], config["site_dir"] = "content", "site"
    config["theme"]["custom_dir"] = "overrides"
    path = target / "mkdocs.yml"
    files.write_text(path, "# MkDocs settings for the site; the pages come from rules.yaml through the generator's "
                     "hook.\n" + yaml.safe_dump(config, allow_unicode=True, sort_keys=False))
    return path
