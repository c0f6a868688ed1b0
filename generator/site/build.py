"""Build the whole site (every language) into a staging folder and publish it only when all of it built.

A failed or killed build never leaves a half-written `site/`: MkDocs writes into a staging folder beside it,
and `publish` makes it the site in one step (see `generator.site.publish`).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from generator.scheme.loader import load
from generator.site import publish
from generator.site.assemble import RULES_ENV, translations_dir
from generator.checklist.scenarios import scenarios_dir


def inputs(rules_file: Path, config_file: Path, config) -> list[Path]:
    """What a build reads, which a site folder must never replace or sit inside."""
    found = [Path(rules_file), Path(config_file), Path(config.docs_dir), scenarios_dir(rules_file),
             translations_dir(rules_file)]
    custom = getattr(config.theme, "custom_dir", None)
    return found + ([Path(custom)] if custom else [])


def build(rules_file: Path, config_file: Path, site_dir: Path, *, strict: bool = True) -> None:
    """Build the site into `site_dir`, replacing it only when the whole build succeeded."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    rules_file, config_file = Path(rules_file).resolve(), Path(config_file).resolve()
    os.environ[RULES_ENV] = str(rules_file)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    rules = load(rules_file)
    codes = [rules.scheme.language] + [lang.code for lang in rules.languages]
    reads = inputs(rules_file, config_file, load_config(config_file=str(config_file), strict=strict))
    with publish.Staging(site_dir, rules_file.parent, reads) as staging:
        # The scheme's own language first, at the root: MkDocs empties its site_dir, so the languages'
        # subfolders come after it.
        for code in codes:
            out = staging.path if code == codes[0] else staging.path / code
            config = load_config(config_file=str(config_file), site_dir=str(out), strict=strict)
            config.extra["scheme_language"] = code
            config.theme["language"] = code
            mkdocs_build(config)
        staging.publish()


def log_to_console(verbose: bool = False) -> None:
    """Show MkDocs' warnings (and with `verbose` its progress) the way the mkdocs command would."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.handlers[:] = [handler]
    logger.setLevel(logging.INFO if verbose else logging.WARNING)
    logger.propagate = False
