"""`python -m generator print`: the ambassadors' handbook and the partner flyers as PDF, from the built site."""

from __future__ import annotations

from pathlib import Path

from generator.print import kit

HELP = "print the ambassadors' handbook and the partner flyers (PDF) from the built site"


def arguments(parser) -> None:
    parser.add_argument("--site-dir", type=Path, default=Path("site"), help="the built site (default: site)")
    parser.add_argument("--out", type=Path, default=Path("build/print"), help="where to write the PDFs")
    parser.add_argument("--site-url", help="the site's public address, for the QR codes (default: site_url in "
                                           "mkdocs.yml)")
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="MkDocs config (default: mkdocs.yml)")


def run(args) -> int:
    base = kit.site_url(args.site_url, args.config)
    for printed in kit.build_all(args.rules, args.site_dir, args.out, base):
        print(f"{printed.path}: {printed.pages} page{'s' if printed.pages != 1 else ''}")
    return 0
