"""Assemble one language's site: the scheme in that language, its rendered pages, and the MkDocs settings for them.

`assemble` is the one place that decides what a language's site is. The MkDocs hook (`site.hook`) applies its
settings to MkDocs' config and hands MkDocs its pages; the Zensical export (`site.zensical`) writes the same
pages and settings to disk; translation extraction (`i18n.catalogs.needed`) runs it with an empty catalogue to
learn which texts a language shows; the print kit takes the scheme in the flyer's language from it.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from markupsafe import Markup, escape

from generator import i18n
from generator.site import pages
from generator.i18n import _
from generator.scheme.loader import load
from generator.scheme.model import Rules
from generator.scheme.problems import InputError, Problem
from generator.site.render import RenderedPage, content_files, page_url, render_all, translation_of
from generator.checklist.scenarios import load_scenarios, scenarios_dir

RULES_ENV = "SCHEME_RULES"
ASSETS = Path(__file__).parent / "assets"
CSS = ["assets/scheme.css", "assets/print.css"]
JS = ["assets/checklist.js", "assets/quiz.js"]
# Above this many pages, every page would carry a navigation longer than itself, and writing it makes each page
# cost more the larger the scheme: the navigation is folded into sections of at most SECTION_SIZE pages, and
# Material's navigation.prune leaves out of each page the sections it is not in.
LARGE_SITE = 100
SECTION_SIZE = 20


@dataclass
class Assembly:
    """One language's site, ready for an engine: pages as Markdown, and the configuration they need."""

    code: str
    rules: Rules                 # the scheme in this language (texts without a translation stay Danish)
    pages: list[RenderedPage]
    settings: dict               # MkDocs configuration values, in mkdocs.yml's shape (see `configure`)


def rules_path(config_file: str | Path) -> Path:
    """The rules file: $SCHEME_RULES if set, else rules.yaml beside mkdocs.yml."""
    if os.environ.get(RULES_ENV):
        return Path(os.environ[RULES_ENV]).resolve()
    return Path(config_file).resolve().parent / "rules.yaml"


def translations_dir(rules_file: Path) -> Path:
    return Path(rules_file).parent / "translations"


def assemble(rules_file: Path, docs_dir: Path | None, code: str | None = None, *,
             use_directory_urls: bool = False) -> Assembly:
    """Load, translate and render the site of language `code` (default: the scheme's own language), and the
    MkDocs settings it needs.

    Texts come from `translations/<code>.po` beside the rules, unless language `code` is already active
    (`i18n.language`), as when the catalogues are filled: then that language and its catalogue are used.
    """
    rules_file = Path(rules_file)
    rules = load(rules_file)
    source = rules.scheme.language
    code = code or source
    scenarios = load_scenarios(scenarios_dir(rules_file), rules)
    spec = next((lang for lang in rules.languages if lang.code == code), None)
    if code != source and spec is None:
        raise InputError([Problem(str(rules_file), None, None, "languages",
                                  f"the language '{code}' is not in `languages:`.",
                                  f"add '{code}' under `languages:`, or build another language.")], str(rules_file))
    docs_dir = Path(docs_dir) if docs_dir else None
    if docs_dir is not None:
        check_content(docs_dir, rules_file.parent, [lang.code for lang in rules.languages])
    speaking = (contextlib.nullcontext() if i18n.active_code() == code and i18n.source_code() == source
                else i18n.language(code, translations_dir(rules_file), source=source))
    with speaking:
        local = i18n.translated(rules, code)
        scenarios = [i18n.translated(s, code) for s in scenarios]
        rendered = render_all(local, docs_dir, use_directory_urls=use_directory_urls, scenarios=scenarios,
                              only=spec.pages if spec else None)
        extra = {"scheme_language": code,
                 "footer_links": footer_links(local, use_directory_urls),
                 "footer_label": escape(_("Om siden")),
                 "not_found": {"title": escape(_("Siden findes ikke")),
                               "text": escape(_("Der er ingen side på denne adresse. Måske er siden flyttet, eller "
                                                "der er en fejl i adressen.")),
                               "home": escape(_("Gå til forsiden"))},
                 "permalink_title": _("Link til dette afsnit"),
                 "alternate": alternates(rules, code, bool(scenarios), docs_dir, use_directory_urls)}
        # MkDocs' theme templates print these without escaping (and escape some twice), so they are escaped
        # here, once, as Markup: a template's `| e` then leaves them as they are.
        large = len(rendered) > LARGE_SITE
        settings = {"site_name": escape(local.scheme.site_title),
                    "nav": folded(navigation(rendered)) if large else navigation(rendered), "pruned": large,
                    "theme": {"language": code}, "extra": extra, "extra_css": list(CSS),
                    "folder": None if code == source else code,
                    "extra_javascript": list(JS) if (rules.checklists or rules.training) else []}
    return Assembly(code, local, rendered, settings)


def configure(config, settings: dict) -> None:
    """Apply an assembly's settings to a MkDocs config; the site's own CSS and JS come before any it lists."""
    config.site_name = settings["site_name"]
    config.nav = settings["nav"]
    config.theme["language"] = settings["theme"]["language"]
    if settings.get("pruned"):
        config.theme["features"] = pruned(config.theme["features"])
    config.extra.update(settings["extra"])
    folder = settings.get("folder")
    set_homes(config.extra.get("alternate"), config.site_url, folder)
    if folder and config.site_url and not config.site_url.rstrip("/").endswith(f"/{folder}"):
        # A language is published under /<code>/: its canonical addresses and sitemap are there too.
        config.site_url = config.site_url.rstrip("/") + f"/{folder}/"
    toc = config.mdx_configs.get("toc")
    if isinstance(toc, dict) and toc.get("permalink"):
        # The heading links' title is one of the site's words, in the language being built.
        toc["permalink_title"] = str(settings["extra"]["permalink_title"])
    for css in reversed(settings["extra_css"]):
        if css not in config.extra_css:
            config.extra_css.insert(0, css)
    for js in settings["extra_javascript"]:
        if js not in [str(s) for s in config.extra_javascript]:
            config.extra_javascript.append(js)


def plain(value):
    """Settings as plain YAML data (Markup becomes str with the same, escaped, text)."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, str):
        return str(value)
    return value


SCRIPT_SUFFIXES = (".js", ".mjs", ".cjs")
# Files a browser opens as a document of the site's own origin, with no policy of ours in them: a script inside
# would run as the site's. Pages are written as Markdown (.md), which the build checks and gives the policy.
DOCUMENT_SUFFIXES = (".html", ".htm", ".xhtml", ".xht", ".shtml", ".xml", ".xsl", ".xslt", ".mht", ".mhtml")
# Characters that would change what a page's address means (javascript:x.html is a script, not a page).
_ADDRESS_CHARACTERS = set(':#?%"\'<>\\`{}|^')


def _svg_runs_code(path: Path) -> str | None:
    """What in an SVG file could run code (a script, an event handler, a javascript: link), if anything."""
    from generator.site.security import findings

    data = path.read_bytes()
    if path.suffix.lower() == ".svgz":
        import gzip
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError):
            return "data that is not a gzip-compressed picture"
    found = findings(data.decode("utf-8", errors="replace"))
    return found[0].what if found else None


def check_content(docs_dir: Path, project: Path, languages: list[str]) -> None:
    """Refuse what in content/ would publish more than pages: a link that leads outside the project (it would
    publish that file), a script (it would run as the site's own), a file where the generator writes its
    assets or a language's site, and a pipe or device (reading it would never end)."""
    if not docs_dir.is_dir():
        return
    root = Path(project).resolve()
    # Checked in this order: a link, a pipe, a script, a generator's file, a name, a language's folder.
    ours = {"assets/" + a.relative_to(ASSETS).as_posix() for a in ASSETS.rglob("*") if a.is_file()}
    problems = []

    def refuse(path: Path, message: str, fix: str) -> None:
        shown = f"{docs_dir.name}/{path.relative_to(docs_dir).as_posix()}"
        problems.append(Problem(shown, None, None, "", message, fix))

    for folder, dirs, names in os.walk(docs_dir, followlinks=False):
        for name in [*dirs, *names]:
            path = Path(folder) / name
            rel = path.relative_to(docs_dir).as_posix()
            if path.is_symlink():
                target = Path(os.path.realpath(path))
                if target != root and root not in target.parents:
                    refuse(path, f"this is a link to {os.readlink(path)}, outside the project; it would be "
                           "published with the site.", "copy the file into the project instead of linking to it, "
                           "or remove the link.")
                    continue
            if path.exists() and not path.is_dir() and not path.is_file():
                refuse(path, "this is not a regular file (a pipe, socket or device).", "remove it from content/.")
            elif path.is_file() and name.lower().endswith(SCRIPT_SUFFIXES):
                refuse(path, "a script in content/ would be published as one of the site's own and could run.",
                       "remove it; the site runs only the generator's scripts.")
            elif path.is_file() and name.lower().endswith(DOCUMENT_SUFFIXES):
                refuse(path, "an HTML or XML file in content/ would be published as a page of the site without "
                       "its checks or its security policy, and a script in it could run.",
                       "write the page as Markdown (.md) instead, or remove the file.")
            elif path.is_file() and name.lower().endswith((".svg", ".svgz")) and (runs := _svg_runs_code(path)):
                refuse(path, f"the picture holds {runs}; opened on its own, it would run as the "
                       "site's own script.", "save the picture without scripts, event handlers and links "
                       "(e.g. export it again as plain SVG), or use a PNG.")
            elif path.is_file() and rel in ours:
                refuse(path, f"the generator writes its own {rel} here.", "rename or remove the file.")
            elif set(name) & _ADDRESS_CHARACTERS or any(ord(c) < 0x20 for c in name):
                bad = " ".join(sorted(set(name) & _ADDRESS_CHARACTERS)) or "a control character"
                refuse(path, f"the name becomes the page's address, and {bad} would change what the address "
                       "means.", "rename it with letters, digits and hyphens, e.g. spoergsmaal-og-svar.md.")
            elif rel in languages and Path(folder) == docs_dir:
                refuse(path, f"the site in language '{rel}' is built into {rel}/, which would replace this.",
                       "rename the folder.")
    if problems:
        raise InputError(problems, f"{docs_dir.name}/")


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
        return {"id": page_id, "label": escape(label), "url": page_url(by_id[page_id].path, use_directory_urls)}

    statement = link("accessibility", _("Tilgængelighedserklæring"))
    if rules.scheme.accessibility_statement_url:
        statement["url"] = rules.scheme.accessibility_statement_url
    return [statement, link("privacy", _("Privatliv")), link("sources", _("Kilder"))]


def alternates(rules: Rules, code: str, has_scenarios: bool, content_dir: Path | None,
               use_directory_urls: bool) -> list[dict] | None:
    """The language switcher's entries as seen from the `code` site: each language's root and its pages.

    The scheme's own language is at the site's root, every other language under /<code>/. `pages` lists the page URLs a
    language has (None: all), so the switcher links to the same page, or to the language's start page.
    """
    if not rules.languages:
        return None
    catalog = {p.id: p for p in pages.catalog(rules, has_scenarios=has_scenarios)}
    source = rules.scheme.language
    up = "" if code == source else "../"
    entries = [{"name": escape(i18n.own_name(source)), "lang": source, "dir": "ltr", "root": up, "link": up or "./",
                "pages": None, "folder": ""}]
    for lang in rules.languages:
        root = "" if lang.code == code else f"{up}{lang.code}/"
        urls = None
        if lang.pages is not None:
            urls = [page_url(catalog[pid].path, use_directory_urls) for pid in lang.pages if pid in catalog]
            urls += [page_url(f.relative_to(content_dir).as_posix(), use_directory_urls)
                     for f in content_files(content_dir, rules) if translation_of(f, lang.code).exists()]
        entries.append({"name": escape(lang.name), "lang": lang.code, "dir": lang.direction, "root": root,
                        "link": root or "./", "pages": urls, "folder": f"{lang.code}/"})
    return entries


def set_homes(entries: list[dict] | None, site_url: str | None, folder: str | None) -> None:
    """Give each language switcher entry its start page's address from the site's root ("/en/").

    The 404 page is served at whatever address was not found, so MkDocs gives it links from the root (site_url's
    path, "/" without one); its switcher links each language's start page the same way.
    """
    root = urlsplit(site_url or "/").path.rstrip("/")
    if folder and root.endswith(f"/{folder}"):
        root = root[: -len(folder) - 1]
    for entry in entries or []:
        entry["home"] = f"{root}/{entry['folder']}"


def navigation(rendered: list[RenderedPage]) -> list:
    """MkDocs nav: pages in catalog order, grouped where the catalog groups them; content/ pages last."""
    nav: list = []
    groups: dict[str, list] = {}
    for page in rendered:
        entry = {escape(page.title): page.path}
        if page.group is None:
            nav.append(entry)
        elif page.group in groups:
            groups[page.group].append(entry)
        else:
            groups[page.group] = [entry]
            nav.append({escape(page.group): groups[page.group]})
    return nav


def pruned(features: list[str]) -> list[str]:
    """Theme features for a large site: navigation.prune, and no navigation.sections (Material never prunes a
    section, so with it every page would still carry every folded section)."""
    return [f for f in features if f not in ("navigation.sections", "navigation.prune")] + ["navigation.prune"]


def folded(nav: list) -> list:
    """A large site's navigation with no list longer than SECTION_SIZE: the start page first, then runs of
    top-level pages and groups too long for it split into sections named by their first and last page."""
    start = nav[:1] if nav and isinstance(next(iter(nav[0].values())), str) else []
    out, run = list(start), []

    def flush():
        out.extend(_sections(run) if len(run) > SECTION_SIZE else run)
        run.clear()

    for entry in nav[len(start):]:
        (title, target), = entry.items()
        if isinstance(target, str):
            run.append(entry)
            continue
        flush()
        out.append({title: _sections(target) if len(target) > SECTION_SIZE else target})
    flush()
    return out


def _sections(entries: list) -> list:
    chunks = [entries[i:i + SECTION_SIZE] for i in range(0, len(entries), SECTION_SIZE)]
    return [{Markup("{} – {}").format(next(iter(chunk[0])), next(iter(chunk[-1]))): chunk} for chunk in chunks]


def add_files(files, config, rendered: list[RenderedPage]):
    """Replace content/ sources with their rendered versions and add the generated pages and assets."""
    from mkdocs.structure.files import File

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
