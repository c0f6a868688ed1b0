"""The live preview behind `serve`: MkDocs' reloading server, rebuilding only the pages an edit changes.

MkDocs' own `serve` notices a save within half a second and then builds the whole site again. Here the server
looks for changes every tenth of a second, and every build after the first is incremental: the hook
(`site.hook`) compares the new assembly with the one before and lets MkDocs render only the pages whose Markdown
changed, or every page when the navigation, the settings, mkdocs.yml or the theme's overrides changed. Pages and
search entries of the pages left alone stay as the last build wrote them (see `hook.on_post_build`).
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

POLL_SECONDS = 0.1    # how often the server looks for saved files (MkDocs: 0.5)
SETTLE_SECONDS = 0.05  # how long it waits for more saves before it builds (MkDocs: 0.1); editors save in bursts


def serve(config_file: Path, dev_addr: str, watch: list[Path]) -> None:
    """Build the site into a temporary folder, serve it at `dev_addr`, and rebuild it when a watched file changes."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.livereload import LiveReloadServer, _serve_url

    site_dir = tempfile.mkdtemp(prefix="preview-")

    def get_config():
        return load_config(config_file=str(config_file), site_dir=site_dir, dev_addr=dev_addr)

    config = get_config()
    config.plugins.on_startup(command="serve", dirty=False)  # see hook.on_startup
    host, port = config.dev_addr
    mount_path = urlsplit(config.site_url or "/").path
    config.site_url = serve_url = _serve_url(host, port, mount_path)
    builds = 0

    def builder(config=None):
        nonlocal builds
        if config is None:
            config = get_config()
            config.site_url = serve_url
        build(config, serve_url=serve_url, dirty=builds > 0)
        builds += 1

    server = LiveReloadServer(builder=builder, host=host, port=port, root=site_dir, mount_path=mount_path,
                              polling_interval=POLL_SECONDS)
    server.build_delay = SETTLE_SECONDS

    def error_page(code: int) -> bytes | None:
        page = Path(site_dir) / f"{code}.html"
        return page.read_bytes() if code in (404, 500) and page.is_file() else None

    server.error_handler = error_page
    try:
        builder(config)
        theme = [Path(config.theme.custom_dir)] if config.theme.custom_dir else []
        for path in [Path(config.docs_dir), Path(config.config_file_path), *theme, *watch]:
            if path.exists():
                server.watch(str(path))
        server = config.plugins.on_serve(server, config=config, builder=builder)
        try:
            server.serve()
        except KeyboardInterrupt:
            logging.getLogger("mkdocs").info("Shutting down...")
        finally:
            server.shutdown()
    finally:
        config.plugins.on_shutdown()
        shutil.rmtree(site_dir, ignore_errors=True)
