"""MkDocs hooks (named in mkdocs.yml): generate the scheme's pages whenever MkDocs builds or serves.

The pages and settings come from `site.assemble`, the same assembly every engine uses. A problem in rules.yaml
or content/ stops the build before MkDocs touches site/, with the same file:line:col message as
`python -m generator validate`.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from generator.site import assemble as site
from generator.site import render, security, slim
from generator.scheme.problems import InputError

_assembled: dict[int, site.Assembly] = {}


def language_of(config) -> str | None:
    """The language this MkDocs run builds (set by `build`); None (the scheme's own) when MkDocs is run directly."""
    return config.extra.get("scheme_language") or None


def _assemble(config) -> site.Assembly:
    assembly = site.assemble(site.rules_path(config.config_file_path), Path(config.docs_dir), language_of(config),
                             use_directory_urls=config.use_directory_urls)
    site.configure(config, assembly.settings)
    _assembled[id(config)] = assembly
    return assembly


def on_config(config):
    try:
        _assemble(config)
    except InputError as exc:
        raise PluginError("\n" + str(exc)) from None
    return config


def on_files(files, config):
    try:
        assembly = _assembled.get(id(config)) or _assemble(config)
        return site.add_files(files, config, assembly.pages)
    except InputError as exc:
        raise PluginError("\n" + str(exc)) from None


def on_serve(server, config, builder):
    """Reload the preview when rules.yaml changes too; answer only requests addressed to this machine."""
    server.watch(str(site.rules_path(config.config_file_path)))
    security.guard_host(server)
    return server


def on_env(env, config, files):
    """Compile the theme's templates once per process: every language and every rebuild in `serve` reuse them."""
    env.bytecode_cache = render.COMPILED
    return env


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
    """Slim the built site: Material's stylesheet cut to what its pages use, search started on first use."""
    _assembled.pop(id(config), None)
    slim.slim(Path(config.site_dir))
