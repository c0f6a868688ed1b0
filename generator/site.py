"""Turn a validated scheme into a MkDocs site: pages into MkDocs' file list, navigation, and a safe build.

MkDocs calls in through `mkdocs_hook.py`, so `mkdocs build` and `mkdocs serve` work as MkDocs users expect.
`build()` adds what a public site needs on top: it validates first, builds into a temporary folder and swaps
it in only on success, so a failed build never leaves a half-written `site/`.
"""

from __future__ import annotations

import html
import logging
import os
import shutil
import tempfile
from pathlib import Path

from .loader import load
from .model import Rules
from . import pages
from .render import RenderedPage, page_url, render_all
from .scenarios import load_scenarios, scenarios_dir

RULES_ENV = "SCHEME_RULES"
ASSETS = Path(__file__).parent / "assets"
CSS = ["assets/scheme.css"]
JS = ["assets/checklist.js"]
_rendered: dict[int, list[RenderedPage]] = {}


def rules_path(config_file: str | Path) -> Path:
    """The rules file: $SCHEME_RULES if set, else rules.yaml beside mkdocs.yml."""
    if os.environ.get(RULES_ENV):
        return Path(os.environ[RULES_ENV]).resolve()
    return Path(config_file).resolve().parent / "rules.yaml"


def prepare(config) -> tuple[Rules, list[RenderedPage]]:
    """Load the rules named by `config`, render every page, and set the navigation and assets."""
    path = rules_path(config.config_file_path)
    rules = load(path)
    scenarios = load_scenarios(scenarios_dir(path), rules)
    rendered = render_all(rules, Path(config.docs_dir), use_directory_urls=config.use_directory_urls,
                          scenarios=scenarios)
    # MkDocs' theme templates print titles without escaping them, so they are escaped here, once.
    config.site_name = html.escape(rules.scheme.site_title)
    config.extra["footer_links"] = footer_links(rules, config.use_directory_urls)
    config.nav = navigation(rendered)
    for css in CSS:
        if css not in config.extra_css:
            config.extra_css.insert(0, css)
    if rules.checklists:
        for js in JS:
            if js not in [str(s) for s in config.extra_javascript]:
                config.extra_javascript.append(js)
    _rendered[id(config)] = rendered
    return rules, rendered


def pages_for(rules: Rules, rules_file: Path, content_dir: Path) -> list[str]:
    """Source paths of every page the site will have: generated and hand-written."""
    has_scenarios = bool(rules.checklists) and any(scenarios_dir(rules_file).glob("*.yaml"))
    generated = [p.path for p in pages.catalog(rules, has_scenarios=has_scenarios)]
    written = [f.relative_to(content_dir).as_posix() for f in sorted(Path(content_dir).rglob("*.md"))]
    return generated + [w for w in written if w not in generated]


def footer_links(rules: Rules, use_directory_urls: bool) -> list[dict]:
    """The links every page's footer carries; the accessibility statement first, as Danish law requires."""
    by_id = {p.id: p for p in pages.catalog(rules)}

    def link(page_id: str, label: str) -> dict:
        return {"id": page_id, "label": label, "url": page_url(by_id[page_id].path, use_directory_urls)}

    statement = link("accessibility", "Tilgængelighedserklæring")
    if rules.scheme.accessibility_statement_url:
        statement["url"] = rules.scheme.accessibility_statement_url
    return [statement, link("privacy", "Privatliv"), link("sources", "Kilder")]


def navigation(rendered: list[RenderedPage]) -> list:
    """MkDocs nav: pages in catalog order, grouped where the catalog groups them; content/ pages last."""
    nav: list = []
    groups: dict[str, list] = {}
    for page in rendered:
        entry = {html.escape(page.title): page.path}
        if page.group is None:
            nav.append(entry)
        elif page.group in groups:
            groups[page.group].append(entry)
        else:
            groups[page.group] = [entry]
            nav.append({html.escape(page.group): groups[page.group]})
    return nav


def add_files(files, config):
    """Replace content/ sources with their rendered versions and add the generated pages and assets."""
    from mkdocs.structure.files import File

    rendered = _rendered.pop(id(config), None)
    if rendered is None:
        _, rendered = prepare(config)
    for page in rendered:
        existing = files.get_file_from_path(page.path)
        if existing is not None:
            files.remove(existing)
        files.append(File.generated(config, page.path, content=page.markdown))
    for asset in sorted(ASSETS.rglob("*")):
        if asset.is_file():
            uri = "assets/" + asset.relative_to(ASSETS).as_posix()
            if files.get_file_from_path(uri) is None:
                files.append(File.generated(config, uri, abs_src_path=str(asset)))
    return files


def build(rules_file: Path, config_file: Path, site_dir: Path, *, strict: bool = True) -> None:
    """Build the site into `site_dir`, replacing it only when the whole build succeeded."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    os.environ[RULES_ENV] = str(Path(rules_file).resolve())
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    site_dir = Path(site_dir).resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=site_dir.parent))
    try:
        config = load_config(config_file=str(config_file), site_dir=str(staging), strict=strict)
        mkdocs_build(config)
        _swap(staging, site_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _swap(new: Path, target: Path) -> None:
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
