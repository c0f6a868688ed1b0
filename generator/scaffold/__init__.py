"""`python -m generator new DIR`: a minimal valid scheme a municipality can start from.

It builds and passes `check` at once: one source, one rule, one checklist with its worked cases, one page of
its own; every field carries a comment that says what it is for, and placeholder texts say «Skriv her …».
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml

from generator.scheme.problems import InputError, Problem

SCAFFOLD = Path(__file__).parent / "files"
REPO = Path(__file__).resolve().parent.parent.parent


def write(target: Path) -> list[Path]:
    """Write the new scheme into `target` (which must be empty or missing); return the files written."""
    target = Path(target)
    if target.exists() and any(target.iterdir()):
        raise InputError([Problem(str(target), None, None, "", "the folder is not empty; nothing was written.",
                                  "choose a new folder, or empty this one first.")], str(target))
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
            dest.write_text(text, encoding="utf-8")
            written.append(dest)
    if (REPO / "overrides").is_dir():
        shutil.copytree(REPO / "overrides", target / "overrides")
        written.append(target / "overrides")
    written.append(_mkdocs_config(target))
    return written


def _mkdocs_config(target: Path) -> Path:
    """mkdocs.yml like the generator's own, pointing at this installation's hook."""
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config["site_name"] = "Ny ordning"
    config["hooks"] = [str(Path(__file__).parent.parent / "mkdocs_hook.py")]
    config["docs_dir"], config["site_dir"] = "content", "site"
    config["theme"]["custom_dir"] = "overrides"
    path = target / "mkdocs.yml"
    path.write_text("# MkDocs settings for the site; the pages come from rules.yaml through the generator's hook.\n"
                    + yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path
