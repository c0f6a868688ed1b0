"""Build the generated site with another engine than MkDocs' hook: Zensical, Material's successor.

Zensical reads the same mkdocs.yml but runs no MkDocs hooks, so the generator hands it the pages on disk:
`export` writes one language's assembly (`site.assemble`: the rendered pages, their navigation, footer and
language switcher) with the assets and a hook-free mkdocs.yml into a project folder any engine can build. The
checklist logic is engine-free (compiled to JSON at render time, walked by checklist.js), the security check
and policy are applied to the finished pages, and the site is published like MkDocs' (`site.publish`), so the
same site comes out of either engine.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from generator.scheme.loader import load
from generator.scheme.problems import InputError
from generator.site import publish, security
from generator.site.assemble import ASSETS, Assembly, assemble, plain, pruned, set_homes
from generator.site.build import inputs

ENGINES = ("mkdocs", "zensical")
PLUGIN = "scheme"  # the generator's MkDocs plugin, as mkdocs.yml names it (see `site.plugin`)


def export(rules_file: Path, config_file: Path, out_dir: Path, code: str | None = None) -> Path:
    """Write language `code`'s pages, assets and a hook-free mkdocs.yml into `out_dir`; return the config."""
    return _export(rules_file, config_file, out_dir, code)[0]


def _export(rules_file: Path, config_file: Path, out_dir: Path, code: str) -> tuple[Path, Assembly]:
    rules_file, config_file, out_dir = Path(rules_file).resolve(), Path(config_file).resolve(), Path(out_dir)
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    base = config_file.parent
    use_directory_urls = config.get("use_directory_urls", True)
    assembly = assemble(rules_file, base / config.get("docs_dir", "docs"), code,
                        use_directory_urls=use_directory_urls)
    docs = out_dir / "docs"
    for page in assembly.pages:
        target = docs / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown, encoding="utf-8")
    shutil.copytree(ASSETS, docs / "assets", dirs_exist_ok=True)
    settings = plain(assembly.settings)
    config.pop("hooks", None)
    # The export holds finished pages: the generator's own plugin must not run again inside the engine.
    plugins = [p for p in config.get("plugins", []) if p != PLUGIN and not (isinstance(p, dict) and PLUGIN in p)]
    if "plugins" in config:
        config["plugins"] = plugins
    for extension in config.get("markdown_extensions", []):
        if isinstance(extension, dict) and isinstance(extension.get("toc"), dict) and extension["toc"].get("permalink"):
            extension["toc"]["permalink_title"] = settings["extra"]["permalink_title"]
    # Relative to the exported config: Zensical 0.0.73 panics on absolute docs_dir/site_dir.
    config.update(docs_dir="docs", site_dir="site", site_name=settings["site_name"], nav=settings["nav"],
                  extra_css=settings["extra_css"] + [c for c in config.get("extra_css", [])
                                                     if c not in settings["extra_css"]],
                  extra_javascript=[j for j in config.get("extra_javascript", [])
                                    if j not in settings["extra_javascript"]] + settings["extra_javascript"])
    config.setdefault("extra", {}).update(settings["extra"])
    set_homes(config["extra"].get("alternate"), config.get("site_url"), settings.get("folder"))
    theme = config.setdefault("theme", {})
    theme.update(settings["theme"])
    if settings.get("pruned"):
        theme["features"] = pruned(theme.get("features", []))
    if theme.get("custom_dir"):
        theme["custom_dir"] = os.path.relpath((base / theme["custom_dir"]).resolve(), out_dir.resolve())
    path = out_dir / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path, assembly


def build(engine: str, rules_file: Path, config_file: Path, site_dir: Path) -> None:
    """Build every language with `engine` from its export, check and secure every page, publish into `site_dir`."""
    from mkdocs.config import load_config

    rules_file, config_file = Path(rules_file).resolve(), Path(config_file).resolve()
    rules = load(rules_file)
    codes = [rules.scheme.language] + [lang.code for lang in rules.languages]
    reads = inputs(rules_file, config_file, load_config(config_file=str(config_file)))
    with publish.Staging(site_dir, rules_file.parent, reads) as staging:
        work = staging.path / ".export"
        for code in codes:
            config, assembly = _export(rules_file, config_file, work / code, code)
            run(engine, config)
            built = work / code / "site"
            secure(built, assembly, yaml.safe_load(config.read_text(encoding="utf-8"))["use_directory_urls"])
            if code == codes[0]:
                for entry in built.iterdir():
                    entry.rename(staging.path / entry.name)
            else:
                built.rename(staging.path / code)
        shutil.rmtree(work)
        staging.publish()


def secure(site: Path, assembly: Assembly, use_directory_urls: bool) -> None:
    """Refuse a page that could run code of its own (see `security.findings`); give every page its policy."""
    origins = {security.html_file(page.path, use_directory_urls): page for page in assembly.pages}
    problems = []
    for path in sorted(site.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        where = path.relative_to(site).as_posix()
        problems += security.problems(text, where, origins.get(where))
        path.write_text(security.add_policy(text), encoding="utf-8")
    if problems:
        raise InputError(problems, "The site")


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
