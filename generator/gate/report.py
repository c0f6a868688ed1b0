"""`python -m generator check`: a verification report of a scheme, as a gate before anything is published.

Validation (loader, references, checklists) already refuses broken logic and dangling references; this report
adds what is measured rather than refused: how many answer paths each checklist has and that all reach one
outcome, scenario results, the age of every legal excerpt, and the readability of each citizen page and citizen
checklist in the scheme's language (LIX for Danish, the Flesch-Kincaid grade for English) against its budget in
`checks:`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import markdown

from generator.gate import readability
from generator.site import pages as page_catalog
from generator.checklist.graph import graph_of
from generator.checklist.scenarios import describe_reached, expected, reached
from generator.checklist.scenarios import run as run_scenario
from generator.scheme.model import Rules
from generator.site.render import Renderer
from generator.checklist.scenarios import load_scenarios, scenarios_dir

BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "legend", "label", "caption",
          "figcaption", "blockquote", "summary"}
SKIPPED = {"source-ref", "legal-quote", "legal-meta", "no-js-only", "citation", "source-quote"}


@dataclass
class Finding:
    level: str   # "ok", "warning" or "error"
    topic: str
    message: str


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)

    def add(self, level: str, topic: str, message: str) -> None:
        self.findings.append(Finding(level, topic, message))

    def count(self, level: str) -> int:
        return sum(f.level == level for f in self.findings)

    def failed(self, strict: bool) -> bool:
        return self.count("error") > 0 or (strict and self.count("warning") > 0)

    def text(self, strict: bool) -> str:
        marks = {"ok": "ok     ", "warning": "WARNING", "error": "ERROR  "}
        lines = [f"{marks[f.level]} {f.topic}: {f.message}" for f in self.findings]
        errors, warnings = self.count("error"), self.count("warning")
        verdict = "FAILED" if self.failed(strict) else "passed"
        lines.append(f"check {verdict}: {errors} error(s), {warnings} warning(s)"
                     + (" (--strict: warnings count as errors)" if strict and warnings else ""))
        return "\n".join(lines)


def today() -> dt.date:
    """Today, or the day given by SOURCE_DATE_EPOCH, so a check can be repeated exactly."""
    from generator.checklist.kinds.base import today as day_of_use
    return day_of_use()


def run(rules: Rules, rules_file: Path, content_dir: Path | None = None) -> Report:
    report = Report()
    report.add("ok", "rules", f"{len(rules.sources)} sources, {len(rules.rules)} rules, "
                              f"{len(rules.legal_excerpts)} legal excerpts: every id unique, every reference resolves")
    _sources(rules, rules_file, report)
    _checklists(rules, report)
    _scenarios(rules, rules_file, report)
    _legal_age(rules, report)
    _readability(rules, report, content_dir, Path(rules_file))
    _translations(rules, Path(rules_file), content_dir or Path(rules_file).parent / "content", report)
    return report


def _sources(rules: Rules, rules_file: Path, report: Report) -> None:
    """Every sentence of every source quoted, left out with a reason, or a section heading."""
    from generator.gate import coverage

    for i, cov in enumerate(coverage.run(rules, rules_file)):
        report.add("ok" if not cov.missing else "error", f"source {cov.label}", cov.summary())
        for sentence in cov.missing:
            report.add("error", f"source {cov.label}", f"no item quotes «{sentence}». Fix: quote it in the item "
                       f"that states it, or list it under the source's out_of_scope with the reason it is left out.")


def _checklists(rules: Rules, report: Report) -> None:
    """What the proof found (loading already refused a broken checklist), and the size of each page's graph."""
    for n, c in enumerate(rules.checklists):
        graph = graph_of(c)
        size = graph.size()
        report.add("ok", f"checklist {c.id}",
                   f"{_count(graph.count_paths())} answer paths, each reaching exactly one outcome (proven on the "
                   f"decision graph, {graph.states} states); {len(graph.reached_outcomes())}/{len(c.outcomes)} "
                   f"outcomes reachable; {len(graph.asked_questions())}/{len(c.questions)} questions asked; graph "
                   f"sent to the page: {size['nodes']} nodes, {size['edges']} arrows, {size['bytes']:,} bytes")
        if c.uses_old_style_key:
            report.add("warning", f"checklist {c.id}", f"checklists[{n}] uses the old key 'style'. Fix: rename it "
                       "to 'variant' (same values: citizen, staff, partner).")


def _count(n: int) -> str:
    """A count of paths a person can read: 215, or 1.6 × 10^60."""
    if n < 10**6:
        return str(n)
    text = f"{n:.1e}"
    mantissa, exponent = text.split("e")
    return f"{mantissa} × 10^{int(exponent)}"


def _scenarios(rules: Rules, rules_file: Path, report: Report) -> None:
    from generator.checklist.scenarios import coverage

    scenarios = load_scenarios(scenarios_dir(rules_file), rules)
    checklists = {c.id: c for c in rules.checklists}
    for s in scenarios:
        want, got = expected(s), reached(run_scenario(checklists[s.checklist], s))
        if got != want:
            report.add("error", f"scenario {s.id}", f"expected {describe_reached(want)}, the rules now give "
                       f"{describe_reached(got)}. Fix: correct the rules, or update the scenario's expectation if "
                       "the change is intended.")
    if scenarios:
        report.add("ok", "scenarios", f"{len(scenarios)} scenarios run")
        for cov in coverage(rules, scenarios):
            level = "ok" if all(cov.outcomes.values()) else "warning"
            report.add(level, f"coverage {cov.checklist}", cov.summary().split(": ", 1)[1])


def _legal_age(rules: Rules, report: Report) -> None:
    limit = rules.checks.legal_max_age_days
    now = today()
    for e in rules.legal_excerpts:
        age = (now - e.last_checked).days
        if age > limit:
            report.add("warning", f"legal excerpt {e.id}",
                       f"last checked {e.last_checked.isoformat()}, {age} days ago (limit {limit}). Fix: check the "
                       "quotation against its source and current law, then update last_checked.")
        else:
            report.add("ok", f"legal excerpt {e.id}", f"last checked {e.last_checked.isoformat()} ({age} days ago)")


class _Text(HTMLParser):
    """Visible text of rendered HTML, one sentence per block, without citations and legal quotations."""

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self.skip = 0
        self.stack: list[bool] = []

    def handle_starttag(self, tag, attrs):
        classes = set((dict(attrs).get("class") or "").split())
        skipping = bool(classes & SKIPPED) or tag in ("script", "style")
        if tag not in ("br", "img", "input", "meta", "link", "hr"):
            self.stack.append(skipping)
            self.skip += skipping

    def handle_endtag(self, tag):
        if tag in ("br", "img", "input", "meta", "link", "hr") or not self.stack:
            return
        self.skip -= self.stack.pop()
        if tag in BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)

    def sentences(self) -> str:
        blocks = [" ".join(b.split()) for b in "".join(self.parts).split("\n")]
        return " ".join(b if b[-1] in ".!?:" else b + "." for b in blocks if b)


def visible_text(markdown_source: str) -> str:
    body = re.sub(r"\A---\n.*?\n---\n", "", markdown_source, flags=re.S)
    html = markdown.markdown(body, extensions=["attr_list", "md_in_html", "tables"])
    parser = _Text()
    parser.feed(html)
    return parser.sentences()


def citizen_pages(rules: Rules) -> list[str]:
    """Ids of the pages citizens read: the start page, citizen audience pages and the pages they point to,
    and citizen checklists."""
    ids = ["start"]
    for a in rules.audiences:
        if a.id in rules.checks.citizen_audiences:
            ids += [a.id, *a.pages]
    ids += [c.id for c in rules.checklists if c.variant == "citizen"] + ["privacy", "accessibility"]
    known = {p.id for p in page_catalog.catalog(rules)}
    return [i for n, i in enumerate(ids) if i in known and i not in ids[:n]]


def _readability(rules: Rules, report: Report, content_dir: Path | None, rules_file: Path) -> None:
    """Each citizen page, as it reads in the scheme's language, against that language's measure and budget."""
    from generator import i18n
    from generator.site.assemble import translations_dir

    measure = readability.measure_for(rules.scheme.language)
    budget = measure.budget(rules.checks)
    with i18n.language(rules.scheme.language, translations_dir(rules_file), source=rules.scheme.language):
        renderer = Renderer(rules)
        rendered = {p.path: p for p in renderer.generated()}
        by_id = {p.id: p for p in renderer.catalog}
    for page_id in citizen_pages(rules):
        spec = by_id[page_id]
        score = measure.score(visible_text(rendered[spec.path].markdown))
        if score > budget:
            report.add("error", f"readability {spec.path}",
                       f"{measure.name} {score} is over the budget of {budget} for citizen pages (checks: "
                       f"{measure.limit}). Fix: {measure.fix}")
        else:
            report.add("ok", f"readability {spec.path}", f"{measure.name} {score} (budget {budget})")


def _translations(rules: Rules, rules_file: Path, content_dir: Path, report: Report) -> None:
    """Coverage per language of what its pages show; a translation that breaks placeholders or links fails."""
    from generator import i18n
    from generator.i18n import catalogs as translations

    folder = rules_file.parent / "translations"
    for lang in rules.languages:
        catalog = i18n.read_catalog(folder, lang.code)
        wanted = translations.needed(rules, rules_file, content_dir, lang.code)
        cov = i18n.coverage(lang.code, wanted.messages, catalog)
        pages_done = [f for f in wanted.content_pages if translations.translation_of(f, lang.code).exists()]
        for page in pages_done:
            danish = page.read_text(encoding="utf-8")
            translated_page = translations.translation_of(page, lang.code)
            for problem in translations.page_differences(danish, translated_page.read_text(encoding="utf-8")):
                cov.broken.append(f"{translated_page.relative_to(content_dir.parent)}: {problem}")
        for broken in cov.broken:
            report.add("error", f"translation {lang.code}", broken + " (make them the same as in the original text)")
        level = "ok" if cov.translated == cov.total and len(pages_done) == len(wanted.content_pages) else "warning"
        report.add(level, f"translation {lang.code}",
                   f"{cov.translated} of {cov.total} texts translated ({cov.percent:.0f} %), "
                   f"{cov.reviewed} reviewed by a person; {len(pages_done)} of {len(wanted.content_pages)} "
                   f"content pages; untranslated texts are shown in {i18n.language_name(rules.scheme.language, 'en')} "
                   "with a notice")
