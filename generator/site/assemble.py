"""Turn a validated scheme into a MkDocs site: pages into MkDocs' file list, navigation, and a safe build.

MkDocs calls in through the hook (`site.hook`), so `mkdocs build` and `mkdocs serve` work as MkDocs users
expect; `site.build` runs MkDocs once per language and publishes the result.
"""

from __future__ import annotations

import html
import os
from pathlib import Path

from generator import i18n
from generator.site import pages
from generator.i18n import _
from generator.scheme.loader import load
from generator.scheme.model import Rules
from generator.site.render import RenderedPage, content_files, page_url, render_all, translation_of
from generator.checklist.scenarios import load_scenarios, scenarios_dir

RULES_ENV = "SCHEME_RULES"
ASSETS = Path(__file__).parent / "assets"
CSS = ["assets/scheme.css", "assets/print.css"]
JS = ["assets/checklist.js", "assets/quiz.js"]
_rendered: dict[int, list[RenderedPage]] = {}


def rules_path(config_file: str | Path) -> Path:
    """The rules file: $SCHEME_RULES if set, else rules.yaml beside mkdocs.yml."""
    if os.environ.get(RULES_ENV):
        return Path(os.environ[RULES_ENV]).resolve()
    return Path(config_file).resolve().parent / "rules.yaml"


def language_of(config) -> str:
    """The language this MkDocs run builds (set by `build`); Danish when MkDocs is run directly."""
    return config.extra.get("scheme_language") or i18n.SOURCE_LANGUAGE


def translations_dir(rules_file: Path) -> Path:
    return Path(rules_file).parent / "translations"


def prepare(config) -> tuple[Rules, list[RenderedPage]]:
    """Load the rules named by `config`, render every page in its language, set navigation and assets."""
    path = rules_path(config.config_file_path)
    rules = load(path)
    scenarios = load_scenarios(scenarios_dir(path), rules)
    code = language_of(config)
    if code != i18n.SOURCE_LANGUAGE and config.site_url and not config.site_url.rstrip("/").endswith(f"/{code}"):
        # A language is published under /<code>/: its canonical addresses and sitemap are there too.
        config.site_url = config.site_url.rstrip("/") + f"/{code}/"
    spec = next((lang for lang in rules.languages if lang.code == code), None)
    if code != i18n.SOURCE_LANGUAGE and spec is None:
        from mkdocs.exceptions import ConfigurationError
        raise ConfigurationError(f"the language '{code}' is not in `languages:` in {path.name}.")
    with i18n.language(code, translations_dir(path)):
        local = i18n.translated(rules, code)
        scenarios = [i18n.translated(s, code) for s in scenarios]
        rendered = render_all(local, Path(config.docs_dir), use_directory_urls=config.use_directory_urls,
                              scenarios=scenarios, only=spec.pages if spec else None)
        # MkDocs' theme templates print titles without escaping them, so they are escaped here, once.
        config.site_name = html.escape(local.scheme.site_title)
        config.extra["footer_links"] = footer_links(local, config.use_directory_urls)
        config.extra["footer_label"] = html.escape(_("Om siden"))
        config.nav = navigation(rendered)
    config.extra["alternate"] = alternates(rules, code, bool(scenarios), Path(config.docs_dir),
                                           config.use_directory_urls)
    for css in reversed(CSS):
        if css not in config.extra_css:
            config.extra_css.insert(0, css)
    if rules.checklists or rules.training:
        for js in JS:
            if js not in [str(s) for s in config.extra_javascript]:
                config.extra_javascript.append(js)
    _rendered[id(config)] = rendered
    return rules, rendered


def pages_for(rules: Rules, rules_file: Path, content_dir: Path) -> list[str]:
    """Source paths of every page the site will have: generated and hand-written."""
    has_scenarios = bool(rules.checklists) and any(scenarios_dir(rules_file).glob("*.yaml"))
    generated = [p.path for p in pages.catalog(rules, has_scenarios=has_scenarios)]
    written = [f.relative_to(content_dir).as_posix() for f in content_files(Path(content_dir), rules)]
    return generated + [w for w in written if w not in generated]


def footer_links(rules: Rules, use_directory_urls: bool) -> list[dict]:
    """The links every page's footer carries; the accessibility statement first, as Danish law requires."""
    by_id = {p.id: p for p in pages.catalog(rules)}

    def link(page_id: str, label: str) -> dict:
        return {"id": page_id, "label": html.escape(label), "url": page_url(by_id[page_id].path, use_directory_urls)}

    statement = link("accessibility", _("Tilgængelighedserklæring"))
    if rules.scheme.accessibility_statement_url:
        statement["url"] = rules.scheme.accessibility_statement_url
    return [statement, link("privacy", _("Privatliv")), link("sources", _("Kilder"))]


def alternates(rules: Rules, code: str, has_scenarios: bool, content_dir: Path,
               use_directory_urls: bool) -> list[dict] | None:
    """The language switcher's entries as seen from the `code` site: each language's root and its pages.

    Danish is at the site's root, every other language under /<code>/. `pages` lists the page URLs a
    language has (None: all), so the switcher links to the same page, or to the language's start page.
    """
    if not rules.languages:
        return None
    catalog = {p.id: p for p in pages.catalog(rules, has_scenarios=has_scenarios)}
    up = "" if code == i18n.SOURCE_LANGUAGE else "../"
    entries = [{"name": "Dansk", "lang": i18n.SOURCE_LANGUAGE, "dir": "ltr", "root": up, "link": up or "./",
                "pages": None}]
    for lang in rules.languages:
        root = "" if lang.code == code else f"{up}{lang.code}/"
        urls = None
        if lang.pages is not None:
            urls = [page_url(catalog[pid].path, use_directory_urls) for pid in lang.pages if pid in catalog]
            urls += [page_url(f.relative_to(content_dir).as_posix(), use_directory_urls)
                     for f in content_files(content_dir, rules) if translation_of(f, lang.code).exists()]
        entries.append({"name": html.escape(lang.name), "lang": lang.code, "dir": lang.direction, "root": root,
                        "link": root or "./", "pages": urls})
    return entries


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
    # content/ pages reach the site only as rendered here: translations and left-out pages are dropped.
    keep = {page.path for page in rendered}
    for file in [f for f in files.documentation_pages() if f.src_uri not in keep]:
        files.remove(file)
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
