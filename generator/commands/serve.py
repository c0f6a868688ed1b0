"""`python -m generator serve`: a live preview; edits to rules.yaml, content/ or the scenarios reload the page."""

from __future__ import annotations

import os
from pathlib import Path

from generator.checklist.scenarios import scenarios_dir
from generator.scheme.loader import load
from generator.scheme.problems import InputError, Problem
from generator.site import assemble as site
from generator.site import build as site_build
from generator.site import preview

HELP = "preview the site; edits to rules.yaml or content/ reload the page"


def arguments(parser) -> None:
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="MkDocs config (default: mkdocs.yml)")
    parser.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to serve on (default: 127.0.0.1:8000)")


def run(args) -> int:
    rules = load(args.rules)
    rules_file = args.rules.resolve()
    os.environ[site.RULES_ENV] = str(rules_file)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    site_build.log_to_console(verbose=True)
    host, _, port = args.dev_addr.rpartition(":")

    def refuse(message: str, fix: str) -> InputError:
        return InputError([Problem("--dev-addr", None, None, "", message, fix)], "--dev-addr")

    if not (host and port.isdigit() and 0 < int(port) < 65536):
        raise refuse(f"'{args.dev_addr[:60]}' is not an address with a port (1 to 65535).",
                     "give it as host:port, e.g. --dev-addr 127.0.0.1:8000.")
    print(f"Serving on http://{host}:{port}/ — edit rules.yaml or content/ and the page reloads. Ctrl+C stops.")
    sources = {(rules_file.parent / source.text).resolve() for source in rules.sources}
    watch = [rules_file, scenarios_dir(rules_file), site.translations_dir(rules_file), *sorted(sources)]
    try:
        preview.serve(args.config, args.dev_addr, watch)
    except OSError as exc:
        raise refuse(f"cannot serve on {args.dev_addr}: {exc.strerror or exc}.",
                     "another program (another preview?) may use the port: stop it, or choose another port, "
                     "e.g. --dev-addr 127.0.0.1:8001.") from None
    return 0
