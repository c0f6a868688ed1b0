"""Build the whole site (every language) into a staging folder and publish it only when all of it built.

A failed build never leaves a half-written `site/`: MkDocs writes into a temporary folder beside it, and the
finished folder is swapped in at the end.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from pathlib import Path

from generator import i18n
from generator.scheme.loader import load
from generator.site.assemble import RULES_ENV


def build(rules_file: Path, config_file: Path, site_dir: Path, *, strict: bool = True) -> None:
    """Build the site into `site_dir`, replacing it only when the whole build succeeded."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    os.environ[RULES_ENV] = str(Path(rules_file).resolve())
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    codes = [i18n.SOURCE_LANGUAGE] + [lang.code for lang in load(rules_file).languages]
    site_dir = Path(site_dir).resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=site_dir.parent))
    try:
        # Danish first: MkDocs empties its site_dir, so the languages' subfolders come after it.
        for code in codes:
            out = staging if code == i18n.SOURCE_LANGUAGE else staging / code
            config = load_config(config_file=str(config_file), site_dir=str(out), strict=strict)
            config.extra["scheme_language"] = code
            config.theme["language"] = code
            mkdocs_build(config)
        swap(staging, site_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def swap(new: Path, target: Path) -> None:
    old = target.with_name(f".site-old-{os.getpid()}")
    if target.exists():
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def log_to_console(verbose: bool = False) -> None:
    """Show MkDocs' warnings (and with `verbose` its progress) the way the mkdocs command would."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.handlers[:] = [handler]
    logger.setLevel(logging.INFO if verbose else logging.WARNING)
    logger.propagate = False
