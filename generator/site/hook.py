"""MkDocs hooks (named in mkdocs.yml): generate the scheme's pages whenever MkDocs builds or serves.

A problem in rules.yaml or content/ stops the build before MkDocs touches site/, with the same
file:line:col message as `python -m generator validate`.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError

from generator.site import assemble as site
from generator.site import security
from generator.site import slim
from generator.scheme.problems import InputError


def on_config(config):
    try:
        site.prepare(config)
    except InputError as exc:
        raise PluginError("\n" + str(exc)) from None
    return config


def on_files(files, config):
    try:
        return site.add_files(files, config)
    except InputError as exc:
        raise PluginError("\n" + str(exc)) from None


def on_serve(server, config, builder):
    """Reload the preview when rules.yaml changes too, not only content/."""
    server.watch(str(site.rules_path(config.config_file_path)))
    return server


def on_post_page(output, page, config):
    """Give every page a Content-Security-Policy that allows only the site's own origin, and only the site
    scripts it uses."""
    return security.add_policy(slim.page(output))


def on_post_build(config):
    """Slim the built site: Material's stylesheet cut to what its pages use, search started on first use."""
    slim.slim(Path(config.site_dir))
