"""Command line: `python -m generator build|serve|validate|schema [--rules PATH]`.

Exit codes: 0 done, 1 the input has problems (printed as file:line:col with the fix), 2 wrong usage.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from . import schema, site
from .loader import load
from .problems import InputError


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return args.run(args)
    except InputError as exc:
        print(exc, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    def command(name: str, run, help: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help, description=help)
        sub.add_argument("--rules", type=Path, default=Path("rules.yaml"), help="the scheme (default: rules.yaml)")
        sub.set_defaults(run=run)
        return sub

    b = command("build", _build, "validate the rules and build the site into site/")
    b.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="MkDocs config (default: mkdocs.yml)")
    b.add_argument("--site-dir", type=Path, default=Path("site"), help="where to write the site (default: site)")
    b.add_argument("-v", "--verbose", action="store_true", help="show MkDocs' progress")
    b.add_argument("--engine", choices=["mkdocs", "zensical"], default="mkdocs",
                   help="mkdocs (default; every language) or zensical (Material's successor; Danish only)")
    s = command("serve", _serve, "preview the site; edits to rules.yaml or content/ reload the page")
    s.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="MkDocs config (default: mkdocs.yml)")
    s.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to serve on (default: 127.0.0.1:8000)")
    command("validate", _validate, "check the rules and report every problem with its line")
    e = command("evaluate", _evaluate, "run a checklist for some answers and print the outcome and why")
    e.add_argument("checklist", help="the checklist id, e.g. tjek-borger")
    e.add_argument("--answer", "-a", action="append", default=[], metavar="QUESTION=VALUE",
                   help="an answer (repeat for each question), e.g. --answer revalidend=yes")
    e.add_argument("--json", action="store_true", help="print one JSON object (keys: outcome, reasons, …)")
    command("scenarios", _scenarios, "run every scenario in scenarios/ and report rule coverage")
    d = commands.add_parser("diff", help="what an edit changes: questions, outcomes, texts, scenario outcomes",
                            description="what an edit changes: questions, outcomes, texts, scenario outcomes")
    d.add_argument("old", type=Path, help="the rules before the edit")
    d.add_argument("new", type=Path, help="the rules after the edit")
    d.set_defaults(run=_diff)
    k = command("check", _check, "verify the scheme: logic, references, scenarios, legal dates, readability")
    k.add_argument("--strict", action="store_true", help="treat warnings (e.g. old legal excerpts) as errors")
    command("schema", _schema, "print the JSON Schema of the rules file (for editors)")
    pr = command("print", _print, "print the ambassadors' handbook and the partner flyers (PDF) from the built site")
    pr.add_argument("--site-dir", type=Path, default=Path("site"), help="the built site (default: site)")
    pr.add_argument("--out", type=Path, default=Path("build/print"), help="where to write the PDFs")
    pr.add_argument("--site-url", help="the site's public address, for the QR codes (default: site_url in mkdocs.yml)")
    pr.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="MkDocs config (default: mkdocs.yml)")
    n = commands.add_parser("new", help="start a new scheme in DIR: a minimal valid rules.yaml with comments",
                            description="start a new scheme in DIR: a minimal valid rules.yaml with comments")
    n.add_argument("dir", type=Path, help="an empty or new folder")
    n.set_defaults(run=_new)
    command("translations", _translations,
            "update translations/<lang>.po for each language in rules.yaml: add new texts, keep translations")
    return parser


def _validate(args) -> int:
    rules = load(args.rules)
    print(f"{args.rules}: OK: {len(rules.sources)} sources, {len(rules.rules)} rules, "
          f"{len(rules.legal_excerpts)} legal excerpts, "
          f"{len(rules.step_model.modules) if rules.step_model else 0} modules.")
    return 0


def _build(args) -> int:
    from mkdocs.exceptions import Abort, MkDocsException

    load(args.rules)  # report rules problems in full before MkDocs starts
    site.log_to_console(args.verbose)
    try:
        if args.engine == "zensical":
            from . import engines
            engines.build("zensical", args.rules, args.config, args.site_dir)
        else:
            site.build(args.rules, args.config, args.site_dir)
    except (Abort, MkDocsException, RuntimeError) as exc:
        print(f"The site was not built: {exc.format_message() if hasattr(exc, 'format_message') else exc}\n"
              f"Nothing in {args.site_dir}/ was changed.", file=sys.stderr)
        return 1
    index = (args.site_dir / "index.html").resolve()
    print(f"Built the site into {args.site_dir}/. Open {index} in a browser, or run `make serve` for a preview.")
    return 0


def _serve(args) -> int:
    from mkdocs.commands.serve import serve

    load(args.rules)
    os.environ[site.RULES_ENV] = str(args.rules.resolve())
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    site.log_to_console(verbose=True)
    host, _, port = args.dev_addr.rpartition(":")
    print(f"Serving on http://{host}:{port}/ — edit rules.yaml or content/ and the page reloads. Ctrl+C stops.")
    serve(config_file=str(args.config), open_in_browser=False, livereload=True, dev_addr=args.dev_addr)
    return 0


def _evaluate(args) -> int:
    from . import evaluation

    rules = load(args.rules)
    try:
        report = evaluation.run(rules, args.checklist, args.answer)
    except evaluation.UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(report, ensure_ascii=False, indent=2) if args.json else evaluation.as_text(report))
    return 0


def _scenarios(args) -> int:
    from .logic import evaluate
    from .scenarios import coverage, load_scenarios, scenarios_dir

    rules = load(args.rules)
    scenarios = load_scenarios(scenarios_dir(args.rules), rules)
    checklists = {c.id: c for c in rules.checklists}
    failed = 0
    for s in scenarios:
        got = evaluate(checklists[s.checklist], s.answers).outcome
        ok = got == s.expect
        failed += not ok
        print(f"{'ok  ' if ok else 'FAIL'} {s.id}: expected {s.expect}" + ("" if ok else f", got {got}"))
    for cov in coverage(rules, scenarios):
        print(cov.summary())
    print(f"{len(scenarios) - failed} passed, {failed} failed")
    return 1 if failed else 0


def _check(args) -> int:
    from . import check

    rules = load(args.rules)
    report = check.run(rules, args.rules)
    print(report.text(args.strict))
    return 1 if report.failed(args.strict) else 0


def _print(args) -> int:
    from . import printkit

    base = printkit.site_url(args.site_url, args.config)
    for printed in printkit.build_all(args.rules, args.site_dir, args.out, base):
        print(f"{printed.path}: {printed.pages} page{'s' if printed.pages != 1 else ''}")
    return 0


def _new(args) -> int:
    from . import scaffold

    for path in scaffold.write(args.dir):
        print(f"wrote {path}")
    rules = args.dir / "rules.yaml"
    print(f"Next: edit {rules}, then\n  python -m generator check --rules {rules}\n"
          f"  python -m generator build --rules {rules} --config {args.dir / 'mkdocs.yml'} "
          f"--site-dir {args.dir / 'site'}")
    return 0


def _translations(args) -> int:
    from . import translations

    for line in translations.update(args.rules, args.rules.parent / "content"):
        print(line)
    print("Translate the empty entries (e.g. in Poedit); remove the fuzzy flag when a person has reviewed one.")
    return 0


def _diff(args) -> int:
    from . import diff

    old, new = load(args.old), load(args.new)
    print(diff.report(old, new, diff.scenarios_for(args.new)))
    return 0


def _schema(args) -> int:
    print(json.dumps(schema.json_schema(), indent=2, ensure_ascii=False))
    return 0
