"""Build the generated site with another engine than MkDocs' hook: Zensical, Material's successor.

Zensical reads the same mkdocs.yml but runs no MkDocs hooks, so the generator hands it the pages on disk:
`export` writes every rendered page, the assets and a derived mkdocs.yml (navigation, footer, CSS and JS filled
in, no hook) into a project folder any engine can build. The checklist logic is engine-free (compiled to JSON
at render time, walked by checklist.js), and the per-page Content-Security-Policy is added after the build,
so the same site comes out of either engine.
"""

from __future__ import annotations

import html
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

from generator import i18n
from generator.site import security
from generator.scheme.loader import load
from generator.site.render import render_all
from generator.checklist.scenarios import load_scenarios, scenarios_dir
from generator.site.assemble import ASSETS, CSS, JS, footer_links, navigation, translations_dir
from generator.site.build import swap

ENGINES = ("mkdocs", "zensical")


def export(rules_file: Path, config_file: Path, out_dir: Path) -> Path:
    """Write the Danish site's pages, assets and a hook-free mkdocs.yml into `out_dir`; return the config."""
    rules_file, config_file, out_dir = Path(rules_file).resolve(), Path(config_file).resolve(), Path(out_dir)
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    base = config_file.parent
    rules = load(rules_file)
    scenarios = load_scenarios(scenarios_dir(rules_file), rules)
    use_directory_urls = config.get("use_directory_urls", True)
    with i18n.language(i18n.SOURCE_LANGUAGE, translations_dir(rules_file)):
        rendered = render_all(rules, base / config.get("docs_dir", "docs"), use_directory_urls=use_directory_urls,
                              scenarios=scenarios)
        links = footer_links(rules, use_directory_urls)
    docs = out_dir / "docs"
    for page in rendered:
        target = docs / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown, encoding="utf-8")
    shutil.copytree(ASSETS, docs / "assets", dirs_exist_ok=True)
    config.pop("hooks", None)
    # Relative to the exported config: Zensical 0.0.73 panics on absolute docs_dir/site_dir.
    config.update(docs_dir="docs", site_dir="site",
                  site_name=html.escape(rules.scheme.site_title), nav=navigation(rendered),
                  extra_css=list(CSS), extra_javascript=list(JS) if (rules.checklists or rules.training) else [])
    config.setdefault("extra", {})["footer_links"] = links
    theme = config.setdefault("theme", {})
    if theme.get("custom_dir"):
        theme["custom_dir"] = os.path.relpath((base / theme["custom_dir"]).resolve(), out_dir.resolve())
    path = out_dir / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def build(engine: str, rules_file: Path, config_file: Path, site_dir: Path) -> None:
    """Build with `engine` from an export, add the security policy to every page, swap into `site_dir`."""
    site_dir = Path(site_dir).resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".export-", dir=site_dir.parent))
    try:
        config = export(rules_file, config_file, work)
        run(engine, config)
        for page in (work / "site").rglob("*.html"):
            page.write_text(security.add_policy(page.read_text(encoding="utf-8")), encoding="utf-8")
        swap(work / "site", site_dir)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def run(engine: str, config: Path) -> None:
    """Run `engine`'s own build on an exported project (no generator code runs inside the engine)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if engine == "zensical":
        command = [str(Path(sys.executable).with_name("zensical")), "build", "--clean", "-f", str(config)]
    elif engine == "mkdocs":
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config)]
    else:
        raise ValueError(f"unknown engine {engine!r}; use one of {ENGINES}")
    done = subprocess.run(command, cwd=config.parent, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"{engine} build failed:\n{done.stdout}\n{done.stderr}")
