"""`python -m generator build`: validate the rules and build the site into site/, replacing it only on success."""

from __future__ import annotations

import sys
from pathlib import Path

from generator import files
from generator.scheme.loader import load
from generator.site import build as site_build

HELP = "validate the rules and build the site into site/"


def arguments(parser) -> None:
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="MkDocs config (default: mkdocs.yml)")
    parser.add_argument("--site-dir", type=Path, default=Path("site"), help="where to write the site (default: site)")
    parser.add_argument("-v", "--verbose", action="store_true", help="show MkDocs' progress")
    parser.add_argument("--engine", choices=["mkdocs", "zensical"], default="mkdocs",
                        help="mkdocs (default) or zensical (Material's successor)")


def run(args) -> int:
    from mkdocs.exceptions import Abort, MkDocsException

    load(args.rules)  # report rules problems in full before MkDocs starts
    site_build.log_to_console(args.verbose)
    try:
        if args.engine == "zensical":
            from generator.site import zensical
            zensical.build("zensical", args.rules, args.config, args.site_dir)
        else:
            site_build.build(args.rules, args.config, args.site_dir)
    except (Abort, MkDocsException, RuntimeError) as exc:
        print(f"The site was not built: {exc.format_message() if hasattr(exc, 'format_message') else exc}\n"
              f"Nothing in {args.site_dir}/ was changed.", file=sys.stderr)
        return 1
    except OSError as exc:
        raise files.problem(exc, doing="read or write") from None
    index = (args.site_dir / "index.html").resolve()
    print(f"Built the site into {args.site_dir}/. Open {index} in a browser, or run `{preview(args)}` for a "
          "preview.")
    return 0


def preview(args) -> str:
    """The command that previews this site from here: `make serve` only where a Makefile offers it for the
    same rules and config; else `python -m generator serve` with the rules and config this build used."""
    from generator.commands import invocation, shown

    defaults = args.rules == Path("rules.yaml") and args.config == Path("mkdocs.yml")
    makefile = Path("Makefile")
    if defaults and makefile.is_file() and "\nserve:" in "\n" + makefile.read_text(encoding="utf-8", errors="replace"):
        return "make serve"
    command = f"{invocation()} serve"
    if args.rules != Path("rules.yaml"):
        command += f" --rules {shown(args.rules)}"
    if args.config != Path("mkdocs.yml"):
        command += f" --config {shown(args.config)}"
    return command
