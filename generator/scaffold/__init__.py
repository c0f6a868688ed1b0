"""`python -m generator new DIR`: a minimal valid scheme a municipality can start from.

It builds and passes `check` at once: one source, one rule, one checklist with its worked cases, one page of
its own; every field carries a comment that says what it is for, and placeholder texts say «Skriv her …». The
folder is whole in itself: it builds wherever it is moved, with the generator installed from anywhere.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from generator import files
from generator.scheme.problems import InputError, Problem

SCAFFOLD = Path(__file__).parent / "files"
SCHEMA = "rules.schema.json"  # written beside rules.yaml, which names it by this relative path


def write(target: Path) -> list[Path]:
    """Write the new scheme into `target` (which must be empty or missing); return the files written.

    Nothing written names a path outside the folder: mkdocs.yml names the generator's plugin, rules.yaml names
    its JSON Schema beside it. Each file is written whole or not at all (`generator.files`), and nothing is
    written until the folder is known to be usable.
    """
    target = Path(target)
    _check_target(target)
    try:
        return _write(target)
    except OSError as exc:
        raise files.problem(exc, target) from None


def _write(target: Path) -> list[Path]:
    from generator.scheme.jsonschema import json_schema

    target.mkdir(parents=True, exist_ok=True)
    written = []
    for source in sorted(SCAFFOLD.rglob("*")):
        if source.is_file() and "__pycache__" not in source.parts:
            dest = target / source.relative_to(SCAFFOLD)
            dest.parent.mkdir(parents=True, exist_ok=True)
            files.write_bytes(dest, source.read_bytes())
            written.append(dest)
    schema = target / SCHEMA
    files.write_text(schema, json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n")
    written.append(schema)
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
