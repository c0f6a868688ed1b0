"""MkDocs hooks (named in mkdocs.yml): generate the scheme's pages whenever MkDocs builds or serves.

The pages and settings come from `site.assemble`, the same assembly every engine uses. A problem in rules.yaml
or content/ stops the build before MkDocs touches site/, with the same file:line:col message as
`python -m generator validate`.

While serving (`site.preview`), each build remembers what it was made from, so the next one can be incremental:
MkDocs renders only the pages whose Markdown changed, unless the navigation, the settings, mkdocs.yml or the
theme's overrides changed, and the search index keeps the entries of the pages left alone.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError

from generator import files as written
from generator.site import assemble as site
from generator.site import publish, render, security, slim
from generator.scheme.problems import InputError, Problem

_assembled: dict[int, site.Assembly] = {}


@dataclass
class _Built:
    """What the last build into a folder was made from, and the search entries it wrote."""

    settings: dict
    pages: dict[str, str]        # page path → Markdown
    frame: bytes                 # digest of mkdocs.yml and the theme's overrides
    search: list[dict] | None


_incremental = False                      # set by on_startup: serving, and every build after the first is dirty
_building = False                         # set by on_startup: a build into config.site_dir (not a preview)
_built: dict[str, _Built] = {}           # by site folder, while serving
_kept: dict[int, tuple[bytes, set]] = {}  # by config, during a build: its frame and the pages left as they were


def language_of(config) -> str | None:
    """The language this MkDocs run builds (set by `build`); None (the scheme's own) when MkDocs is run directly."""
    return config.extra.get("scheme_language") or None


def _assemble(config) -> site.Assembly:
    assembly = site.assemble(site.rules_path(config.config_file_path), Path(config.docs_dir), language_of(config),
                             use_directory_urls=config.use_directory_urls)
    site.configure(config, assembly.settings)
    _assembled[id(config)] = assembly
    return assembly


def on_startup(command, dirty):
    """Remember each build while serving, so that the next one can render only what an edit changed.

    `site.preview` runs every build after the first as MkDocs' incremental ('dirty') build, and passes
    dirty=False here: Material's search plugin then leaves the index to this hook (its own merge assumes that
    one page changed). In a clean build (`mkdocs serve`) MkDocs renders every page anyway.
    """
    global _incremental, _building
    _incremental = command == "serve"
    _building = command == "build"
    if _incremental and not any(isinstance(f, _KnownIncremental) for f in _BUILD_LOG.filters):
        _BUILD_LOG.addFilter(_KnownIncremental())


_BUILD_LOG = logging.getLogger("mkdocs.commands.build")


class _KnownIncremental(logging.Filter):
    """Drop MkDocs' warning that a dirty build may leave stale navigation: the hook renders every page again
    whenever the navigation or the settings change, so the warning does not apply (and would fail a strict build)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (_incremental and record.getMessage().startswith("A 'dirty' build is being performed"))


def on_config(config):
    try:
        if _building:
            _check_folders(config)
        _assemble(config)
    except InputError as exc:
        raise PluginError("\n" + str(exc)) from None
    return config


def _check_folders(config) -> None:
    """For `mkdocs build` as for `python -m generator build`: MkDocs empties site_dir, so it must be a folder a
    build made (or an empty or new one), never the project or a stranger's; and docs_dir, all of which is
    published, must lie inside the project."""
    project = Path(config.config_file_path).resolve().parent
    docs = Path(config.docs_dir).resolve()
    if not docs.is_relative_to(project):
        raise InputError([Problem(config.config_file_path, None, None, "", f"docs_dir is {docs}, outside the "
                                  "project; everything in it would be published with the site.",
                                  "keep the pages in the project, e.g. docs_dir: content.")],
                         config.config_file_path)
    publish.check_target(Path(config.site_dir), project, [docs, Path(config.config_file_path)])


def on_files(files, config):
    try:
        assembly = _assembled.get(id(config)) or _assemble(config)
        files = site.add_files(files, config, assembly.pages)
    except InputError as exc:
        raise PluginError("\n" + str(exc)) from None
    if _incremental:
        frame, before = _frame(config), _built.get(config.site_dir)
        kept = set()
        if before is not None and before.frame == frame and before.settings == assembly.settings:
            kept = {p.path for p in assembly.pages if before.pages.get(p.path) == p.markdown}
        for file in files.documentation_pages():
            if file.src_uri in kept:
                file.is_modified = _unchanged  # MkDocs skips such a page in an incremental ('dirty') build
        if before is not None:
            _remove_gone(config, set(before.pages) - {p.path for p in assembly.pages})
        _kept[id(config)] = (frame, kept)
    return files


def _remove_gone(config, paths: set[str]) -> None:
    """Remove the pages the last build wrote that this one no longer has (an incremental build cleans nothing)."""
    for path in paths:
        written_page = Path(config.site_dir) / render.page_url(path, config.use_directory_urls)
        if config.use_directory_urls and not written_page.suffix:
            written_page = written_page / "index.html"
        written_page.unlink(missing_ok=True)


def _unchanged() -> bool:
    return False


def _frame(config) -> bytes:
    """A digest of what every page is made with besides its Markdown: mkdocs.yml and the theme's overrides."""
    digest = hashlib.blake2b(Path(config.config_file_path).read_bytes(), digest_size=20)
    custom = config.theme.custom_dir
    for folder, _, names in sorted(os.walk(custom)) if custom else []:
        for name in sorted(names):
            stat = os.stat(os.path.join(folder, name))
            digest.update(f"{folder}/{name}:{stat.st_mtime_ns}:{stat.st_size}\n".encode())
    return digest.digest()


def on_env(env, config, files):
    """Compile the theme's templates once per process: every language and every rebuild in `serve` reuse them."""
    env.bytecode_cache = render.COMPILED
    return env


def on_serve(server, config, builder):
    """Reload the preview when rules.yaml changes too; answer only requests addressed to this machine."""
    server.watch(str(site.rules_path(config.config_file_path)))
    security.guard_host(server)
    return server


def on_post_page(output, page, config):
    """Refuse a page that could run code of its own; give every page a policy that allows only the site's files."""
    assembly = _assembled.get(id(config))
    origin = next((p for p in assembly.pages if p.path == page.file.src_uri), None) if assembly else None
    problems = security.problems(output, page.file.dest_uri, origin)
    if problems:
        raise PluginError("\n" + str(InputError(problems, "The site")))
    return security.add_policy(slim.page(output))


def on_post_template(output, template_name, config):
    """The same for pages made from a theme template alone (404.html)."""
    problems = security.problems(output, template_name)
    if problems:
        raise PluginError("\n" + str(InputError(problems, "The site")))
    return security.add_policy(slim.page(output))


def on_post_build(config):
    """Slim the built site (Material's stylesheet cut to what its pages use, search started on first use); while
    serving, remember what this build was made from and keep the search entries of the pages it left alone."""
    assembly = _assembled.pop(id(config), None)
    frame, kept = _kept.pop(id(config), (b"", set()))
    if _incremental and assembly is not None:
        before = _built.get(config.site_dir)
        search = _search_entries(config, kept, before.search if before else None)
        _built[config.site_dir] = _Built(assembly.settings, {p.path: p.markdown for p in assembly.pages}, frame,
                                         search)
    # From Material's own stylesheet, not the site's copy: after an incremental build that copy is the last
    # build's slimmed one, which lacks the rules a page changed since may need.
    slim.slim(Path(config.site_dir), material=_material_stylesheet(config))
    site_dir = Path(config.site_dir)
    if _building and (not (site_dir / publish.MARKER).exists() or publish.written(site_dir) is not None):
        # A plain `mkdocs build`: mark the site as the build's own, with what it wrote, as publishing does. (A
        # staging folder of `python -m generator build`, marked without a list, gets its list when published.)
        publish.write_marker(site_dir)


def _material_stylesheet(config) -> Path | None:
    """Material's main stylesheet as the theme ships it (the first theme folder that has one)."""
    for folder in config.theme.dirs:
        found = sorted((Path(folder) / "assets" / "stylesheets").glob("main.*.min.css"))
        if found:
            return found[0]
    return None


def on_build_error(error):
    """A failed build may have written some pages and not others: the next one renders every page again."""
    _built.clear()
    _assembled.clear()
    _kept.clear()


def _search_entries(config, kept: set[str], before: list[dict] | None) -> list[dict] | None:
    """The search index after an incremental build: the search plugin wrote entries for the pages MkDocs
    rendered, so the entries of the pages kept as they were come from the last build (the order of entries
    does not matter to the search)."""
    index = Path(config.site_dir) / "search" / "search_index.json"
    if not index.is_file():
        return None
    data = json.loads(index.read_text(encoding="utf-8"))
    if kept and before is not None:
        urls = {render.page_url(path, config.use_directory_urls) for path in kept}
        data["docs"] = ([e for e in before if _page_of(e) in urls]
                        + [e for e in data["docs"] if _page_of(e) not in urls])
        written.write_text(index, json.dumps(data, separators=(",", ":"), default=str))
    return data["docs"]


def _page_of(entry: dict) -> str:
    return entry["location"].partition("#")[0]
