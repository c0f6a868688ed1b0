"""The generator as a MkDocs plugin (`plugins: [search, scheme]` in mkdocs.yml), found wherever it is installed.

MkDocs finds plugins by the entry point `mkdocs.plugins` (see pyproject.toml), so a scheme's mkdocs.yml names
the plugin, not a file path: the folder keeps building when it is moved, committed or built on another machine.
The plugin does what the hook module does (`site.hook`, which `generator/mkdocs_hook.py` still offers to sites
configured with `hooks:`), and adds the generator's theme overrides (`THEME`), so a scheme needs no copy of them;
a site's own `theme.custom_dir` still comes first.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import BasePlugin, event_priority

from generator.site import hook

# The generator's Material overrides: a link to the repository's overrides/ in a checkout, copied into a wheel.
THEME = Path(__file__).parent / "overrides"


def add_theme(config) -> None:
    """Put the generator's overrides under the site's own custom_dir and above the theme's templates."""
    if not THEME.is_dir():
        return
    theme = THEME.resolve()
    dirs = config.theme.dirs
    if any(Path(d).resolve() == theme for d in dirs):
        return
    custom = config.theme.custom_dir
    at = 1 if custom and dirs and Path(dirs[0]).resolve() == Path(custom).resolve() else 0
    dirs.insert(at, str(theme))


class SchemePlugin(BasePlugin):
    """Generate the scheme's pages from rules.yaml whenever MkDocs builds or serves (see `site.hook`)."""

    # Before the search plugin, which reads theme.language when it is configured.
    @event_priority(50)
    def on_config(self, config):
        add_theme(config)
        return hook.on_config(config)

    def on_startup(self, *, command, dirty):
        hook.on_startup(command, dirty)

    def on_files(self, files, config):
        return hook.on_files(files, config)

    def on_env(self, env, config, files):
        return hook.on_env(env, config, files)

    def on_serve(self, server, config, builder):
        return hook.on_serve(server, config, builder)

    def on_post_page(self, output, page, config):
        return hook.on_post_page(output, page=page, config=config)

    def on_post_template(self, output_content, template_name, config):
        return hook.on_post_template(output_content, template_name, config)

    def on_post_build(self, config):
        return hook.on_post_build(config)

    def on_build_error(self, error):
        hook.on_build_error(error)
