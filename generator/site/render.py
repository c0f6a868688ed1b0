"""Render the scheme into Markdown pages with Jinja2: generated pages and the hand-written ones in content/.

Every page is a Markdown file whose data-bearing parts are HTML produced by the macros in
`templates/_macros.j2`. Text from the data is escaped for HTML *and* Markdown (see `safe_text`), so a value in
`rules.yaml` can never become markup, a link or a script on the site.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import json
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

import jinja2
from markupsafe import Markup

from generator.checklist import describe as words
from generator.checklist import drawing as graphdraw
from generator.checklist.graph import answer_text, evaluate, graph_of
from generator.checklist.logic import questions_in
from generator.checklist.scenarios import run as run_scenario
from generator.site import content, pages
from generator.scheme import references
from generator import i18n
from generator.i18n import _
from generator.scheme.model import Rules
from generator.scheme.grounding import passages
from generator.scheme.problems import InputError, Problem

TEMPLATES = Path(__file__).parent / "templates"
MACROS = "{% import '_macros.j2' as m with context %}"
MONTHS = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
          "november", "december"]

# Characters that Markdown would read as syntax, written as HTML entities: inert in Markdown and HTML alike.
_MARKDOWN_SYNTAX = {"[": "&#91;", "]": "&#93;", "*": "&#42;", "_": "&#95;", "`": "&#96;", "\\": "&#92;",
                    "|": "&#124;", "{": "&#123;", "}": "&#125;", "~": "&#126;"}
_SYNTAX_RE = re.compile("[" + re.escape("".join(_MARKDOWN_SYNTAX)) + "]")


# A line break in a value would start a new Markdown line, where "!!! danger", "# " or four spaces become a
# warning box, a heading or code: a value is one line. What starts a line in Markdown ('#', '!!!', '-', '+', '>',
# '=', '1.') is escaped at the start of a value, which a template may print at the start of a line.
_LINE_BREAKS = re.compile(r"[\r\n\v\f\x85\u2028\u2029]+")
_LINE_START = re.compile(r"^\s+|^[#!+\-=]|^(\d+)([.)])")


def _line_start(match: re.Match) -> str:
    if match.group(1):
        return match.group(1) + f"&#{ord(match.group(2))};"
    return "" if match.group().isspace() else f"&#{ord(match.group())};"


def safe_text(value: object) -> Markup:
    """Escape a data value so that neither HTML nor Markdown reads anything in it as markup."""
    if hasattr(value, "__html__"):
        return Markup(value.__html__())
    escaped = html.escape(_LINE_BREAKS.sub(" ", str(value)), quote=True)
    escaped = _LINE_START.sub(_line_start, escaped, count=1)
    return Markup(_SYNTAX_RE.sub(lambda m: _MARKDOWN_SYNTAX[m.group()], escaped))


def danish_date(value: dt.date) -> str:
    """A date as the active language writes it: '6. marts 2015' in Danish, 'March 6, 2015' in English."""
    code = i18n.active_code()
    if code == i18n.SOURCE_LANGUAGE:
        return f"{value.day}. {MONTHS[value.month - 1]} {value.year}"
    from babel.dates import format_date
    return format_date(value, format="long", locale=code)


def danish_number(value: int) -> str:
    """A whole number with the active language's digit grouping: 50.000 in Danish, 50,000 in English."""
    code = i18n.active_code()
    if code == i18n.SOURCE_LANGUAGE:
        return f"{value:,}".replace(",", ".")
    from babel.numbers import format_decimal
    return format_decimal(value, locale=code, numbering_system="latn")


def _noting_finalize(value: object) -> Markup:
    """Escape like `safe_text`, and note which translated texts the page shows (for its notice)."""
    language = i18n.active()
    if language is not None:
        language.note(value)
    return safe_text(value)


def page_url(path: str, use_directory_urls: bool) -> str:
    """The URL MkDocs gives the page at `path` (relative to the site root)."""
    stem = path[:-3] if path.endswith(".md") else path
    if not use_directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def relative_url(from_path: str, to_url: str, use_directory_urls: bool) -> str:
    """A link from the page at `from_path` to `to_url`, both relative to the site root."""
    here = page_url(from_path, use_directory_urls)
    base = posixpath.dirname(here) if not here.endswith("/") else here.rstrip("/")
    target, _, anchor = to_url.partition("#")
    rel = posixpath.relpath(target or here, base or ".") if target else ""
    if target.endswith("/") and not rel.endswith("/"):
        rel += "/"
    if rel == "./" or rel == ".":
        rel = "./"
    return rel + (f"#{anchor}" if anchor else "")


class CompiledOnce(jinja2.BytecodeCache):
    """Keep each template's compiled code for the whole process, so it is compiled once, not once per language.

    Every `Renderer` makes an environment of its own (its globals are one language's scheme), and MkDocs makes a
    theme environment for every language and every rebuild in `serve`; environments with the same settings
    compile a template to the same code, so it is kept by template, source checksum and settings. A template
    whose source changed (an edit while `serve` runs) has another checksum and is compiled again.
    """

    def __init__(self):
        self.compiled: dict[tuple, tuple[str, object]] = {}

    @staticmethod
    def _key(bucket: jinja2.bccache.Bucket) -> tuple:
        env = bucket.environment
        return (bucket.key, type(env), tuple(sorted(env.extensions)), env.autoescape, env.finalize,
                env.trim_blocks, env.lstrip_blocks, env.keep_trailing_newline, env.undefined)

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        checksum, code = self.compiled.get(self._key(bucket), (None, None))
        if checksum == bucket.checksum:
            bucket.code = code

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[self._key(bucket)] = (bucket.checksum, bucket.code)


COMPILED = CompiledOnce()


class _PageLoader(jinja2.FileSystemLoader):
    """Load page templates with the macros imported, on the first line so line numbers stay true."""

    def get_source(self, environment, template):
        source, filename, uptodate = super().get_source(environment, template)
        if not template.startswith("_"):
            source = MACROS + source
        return source, filename, uptodate


@dataclass
class RenderedPage:
    path: str
    title: str
    markdown: str
    group: str | None
    generated: bool
    origin: str | None = None   # a hand-written page: the file it came from, e.g. content/om-siden.md
    source: str = ""            # and that file's text, to locate a problem found in the finished page


class Renderer:
    """Holds the Jinja environment and what every template may use; renders one page at a time."""

    def __init__(self, rules: Rules, *, use_directory_urls: bool = False, scenarios: list | None = None,
                 only: list[str] | None = None):
        self.rules = rules
        self.use_directory_urls = use_directory_urls
        self.sandbox = None  # the environment for content/ pages, made when the first one is rendered
        self.catalog = pages.catalog(rules, has_scenarios=bool(scenarios))
        self.by_id = {p.id: p for p in self.catalog}
        # A language built for some pages only links to the others in the source language's site.
        self.elsewhere = set(self.by_id) - set(only) if only is not None else set()
        self.env = jinja2.Environment(
            loader=_PageLoader(str(TEMPLATES)),
            bytecode_cache=COMPILED,
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            finalize=_noting_finalize,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.env.filters.update(date=danish_date, number=danish_number,
                                lower_first=lambda text: str(text)[:1].lower() + str(text)[1:])
        self.env.tests["contains"] = lambda sequence, item: item in sequence
        rules_legal = {e.id: e for e in rules.legal_excerpts}
        self.env.globals.update(
            _=_,
            source_language=rules.scheme.language,
            language_name=i18n.language_name,
            quotes_of=passages,
            legal_label=lambda ids: legal_label([rules_legal[i] for i in ids]),
            legal_title=lambda: pages.legal_title(rules),
            exclusions_of=lambda outcome: [r for r in rules.rules if r.id in outcome.rules and r.kind == "exclusion"],
            rules=rules,
            scheme=rules.scheme,
            sources={s.id: s for s in rules.sources},
            legal={e.id: e for e in rules.legal_excerpts},
            roles={r.id: r for r in rules.roles},
            pages=self.by_id,
            module_order=references.module_order(rules),
            rule_by_id={r.id: r for r in rules.rules},
            describe=words.describe,
            outline=words.outline,
            unknown_in=lambda c, q: bool(graph_of(c).unknown_before().get(q.id, set()) & set(questions_in(q.ask_if))),
            answer_options=words.answer_options,
            verdict_label=words.verdict_label,
            checklist_json=lambda c: Markup(script_json(checklist_data(rules, c))),
            quiz_json=lambda: Markup(script_json(quiz_words())),
            scenarios=scenarios or [],
            evaluate=evaluate,
            run_scenario=run_scenario,
            answer_label=words.answer_label,
            fragment=fragment,
            draw=graphdraw.draw,
        )

    def context(self, path: str) -> dict:
        """What a template sees on the page at `path`: link helpers that know where the page is."""
        def url(page_id: str, anchor: str = "") -> str:
            target = page_url(self.by_id[page_id].path, self.use_directory_urls)
            link = relative_url(path, target + (f"#{anchor}" if anchor else ""), self.use_directory_urls)
            if page_id in self.elsewhere:
                depth = page_url(path, self.use_directory_urls).count("/")
                return "../" * (1 + depth) + target + (f"#{anchor}" if anchor else "")
            return link

        def asset(name: str) -> str:
            return relative_url(path, name, self.use_directory_urls)

        return {"url": url, "asset": asset, "page_path": path}

    def generated(self) -> list[RenderedPage]:
        out = []
        for spec in self.catalog:
            if spec.id in self.elsewhere:
                continue
            template = self.env.get_template(spec.template)
            audience = next((a for a in self.rules.audiences if a.id == spec.id), None)
            checklist = next((c for c in self.rules.checklists if c.id == spec.id), None)
            module = next((m for m in (self.rules.training.modules if self.rules.training else [])
                           if f"training-{m.id}" == spec.id), None)
            language = i18n.active()
            if language is not None:
                language.shown.clear()
            markdown = template.render(self.context(spec.path), page=spec, audience=audience, checklist=checklist,
                                       module=module, page_language=i18n.active_code())
            markdown = with_notice(markdown, spec.path, language.shown if language else set(), self.use_directory_urls)
            summary = {"start": self.rules.scheme.summary, **{a.id: a.teaser for a in self.rules.audiences}}
            markdown = with_description(markdown, summary.get(spec.id) or description_of(markdown))
            out.append(RenderedPage(spec.path, spec.title, markdown, spec.group, True))
        return out

    def content_page(self, path: str, source: str, display: str) -> RenderedPage:
        """Render a hand-written page from content/ in the sandbox (see `site.content`), or raise at its line."""
        if self.sandbox is None:
            self.sandbox = content.environment(self.env, TEMPLATES)
        context = {**self.context(path), "page": None, "audience": None, "checklist": None, "module": None,
                   "page_language": i18n.active_code()}
        markdown = content.render(self.sandbox, source, context, display, MACROS)
        title = _first_heading(markdown) or Path(path).stem
        return RenderedPage(path, title, markdown, None, False, origin=display, source=source)


def legal_label(excerpts: list) -> str:
    """'Lovgrundlag:' before links to law, 'Vejledning:' before guidance, 'Lov og vejledning:' before both."""
    kinds = {e.kind for e in excerpts}
    if kinds == {"guidance"}:
        return _("Vejledning:")
    return _("Lov og vejledning:") if len(kinds) > 1 else _("Lovgrundlag:")


def notice_words() -> dict[str, str]:
    """The words of the translation notice, in the active language (also asked for when collecting texts).

    The notice names the language the scheme is written in, where the untranslated texts stand."""
    source = i18n.source_code()
    words = {"unreviewed": _("Denne side er oversat, men oversættelsen er endnu ikke gennemlæst af et menneske. "
                             "Den kan indeholde fejl."),
             "title": _("Om oversættelsen")}
    if source == i18n.SOURCE_LANGUAGE:
        return {**words, "fallback": _("Dele af siden er ikke oversat endnu. De står på dansk."),
                "unsure": _("Er du i tvivl, så læs den danske side eller spørg din sagsbehandler."),
                "danish": _("Læs siden på dansk")}
    name = i18n.language_name(source)
    return {**words, "fallback": _("Dele af siden er ikke oversat endnu. De står på %(language)s.", language=name),
            "unsure": _("Er du i tvivl, så læs siden på %(language)s eller spørg din sagsbehandler.", language=name),
            "danish": _("Læs siden på %(language)s", language=name)}


def with_notice(markdown: str, path: str, shown: set[str], use_directory_urls: bool) -> str:
    """Put a notice under the page's heading when it shows unreviewed translations or Danish fallbacks."""
    shown = set(shown) - {i18n.REVIEWED}
    if not shown:
        return markdown
    words = notice_words()
    notes = [words[kind] for kind in (i18n.UNREVIEWED, i18n.FALLBACK) if kind in shown]
    here = page_url(path, use_directory_urls)
    danish = "../" * (1 + here.count("/")) + here
    source = i18n.source_code()
    notice = (f'<div class="notice notice-translation" role="note" data-translation="{" ".join(sorted(shown))}">\n'
              f'<p class="notice-title">{safe_text(words["title"])}</p>\n'
              + "".join(f"<p>{safe_text(n)}</p>\n" for n in notes)
              + f'<p>{safe_text(words["unsure"])} '
              f'<a href="{safe_text(danish)}" hreflang="{safe_text(source)}">{safe_text(words["danish"])}</a></p>\n</div>\n')
    lines = markdown.splitlines(keepends=True)
    for n, line in enumerate(lines):
        if line.startswith("# "):
            return "".join(lines[: n + 1]) + "\n" + notice + "".join(lines[n + 1:])
    return notice + markdown


_LEAD = re.compile(r'<p class="lead[^"]*"[^>]*>(.*?)</p>', re.S)
_NOTICE = re.compile(r'<div class="notice[^"]*"[^>]*>.*?</div>', re.S)
_OWN_TEXT = re.compile(r'<p>(.*?)</p>|<li class="fact"[^>]*>(.*?)<details', re.S)
_FIRST_PARAGRAPH = re.compile(r"^(?![#<>|\-*\d\s{]|---)(.+?)(?:\n\s*\n|\Z)", re.M | re.S)


def description_of(markdown: str, limit: int = 160) -> str:
    """The page's description for search results: its lead paragraph, else its first paragraph or fact outside a
    notice (the "ask, this site cannot decide" box is on every page and says nothing of this one), else its
    first paragraph (a page that is all notice, such as the legal page's "the law may have changed"), as plain
    text.

    Whole sentences up to `limit` characters; a first sentence longer than that is cut at a word, with "…".
    """
    found = (_LEAD.search(markdown) or _OWN_TEXT.search(_NOTICE.sub("", markdown)) or _OWN_TEXT.search(markdown)
             or _FIRST_PARAGRAPH.search(
        re.sub(r"\A---\n.*?\n---\n", "", markdown, flags=re.S)))
    if not found:
        return ""
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", "", next(g for g in found.groups() if g is not None))).split())
    if len(text) <= limit:
        return text
    sentences = re.split(r"(?<=[.!?])\s+", text)
    kept = ""
    for sentence in sentences:
        if len(kept) + len(sentence) + 1 > limit:
            break
        kept = f"{kept} {sentence}".strip()
    return kept or text[:limit].rsplit(" ", 1)[0] + "…"


def with_description(markdown: str, description: str) -> str:
    """Give the page a `description` in its front matter (MkDocs' page.meta), which the theme prints as
    <meta name="description">; a description the page's own front matter sets is kept."""
    if not description:
        return markdown
    line = f"description: {json.dumps(' '.join(description.split()), ensure_ascii=False)}\n"
    if markdown.startswith("---\n"):
        head, sep, body = markdown[4:].partition("\n---\n")
        if sep and not re.search(r"^description:", head, re.M):
            return f"---\n{head}\n{line}---\n{body}"
        return markdown
    return f"---\n{line}---\n\n{markdown}"


def script_json(data: object) -> str:
    """JSON that is safe inside <script type="application/json">: no '<' can close the element."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c").replace(
        ">", "\\u003e").replace("&", "\\u0026")


def fragment(asked, answers: dict) -> str:
    """The answers of the questions asked as the page's address keeps them: q:answer;q:answer."""
    return ";".join(f"{q}:{answer_text(answers[q])}" for q in asked)


def checklist_data(rules: Rules, checklist) -> dict:
    """What the page's script needs: the compiled graph, how to find each answer's branch, and the words to
    show answers and write notes."""
    roles = {r.id: r for r in rules.roles}
    legal = {e.id: e for e in rules.legal_excerpts}
    graph = graph_of(checklist)
    questions = {}
    for n, q in enumerate(checklist.questions, start=1):
        labels = {v: q.label(q.parse(v)) for v in getattr(q, "values", lambda: [])()}
        if q.kind == "multiple":
            labels["none"] = _("Ingen af dem")
        labels["unknown"] = _(words.UNKNOWN_LABEL)
        questions[q.id] = {"n": n, "text": q.text, "kind": q.kind, "labels": labels,
                           "clarify": roles[q.clarify_with].in_text if q.clarify_with else None,
                           "route": graph.routes[q.id], **q.page_data()}
    outcomes = {o.id: {"title": o.title, "verdict": words.verdict_label(o.verdict), "explanation": o.explanation,
                       "next": o.next_steps, "contact": roles[o.contact].name, "bring": o.bring,
                       "legal": [f"{legal[i].law}, {legal[i].paragraph}" for i in o.legal],
                       "mentions": graph.mentions[o.id]}
                for o in checklist.outcomes}
    relative = any(q.kind == "date" and graph.routes[q.id]["mode"] != "date" for q in checklist.questions)
    return {"id": checklist.id, "variant": checklist.variant, "title": checklist.title,
            "graph": graph.to_json(), "questions": questions, "outcomes": outcomes, "uses_today": relative,
            "default_contact": roles[rules.scheme.contact].in_text, "words": checklist_words()}


def quiz_words() -> dict[str, str]:
    """The words quiz.js writes, in the active language."""
    return {"right": _("Rigtigt."), "wrong": _("Ikke rigtigt."), "choose": _("Vælg et svar først."),
            "answer_is": _("Det rigtige svar er: %(answer)s")}


def checklist_words() -> dict[str, str]:
    """The words checklist.js writes, in the active language; `%(name)s` is filled in by the script."""
    return {
        "whole_number": _("Skriv et helt tal fra %(min)s til %(max)s."),
        "amount": _("Skriv et beløb i hele kroner, fx 20000 eller 20.000."),
        "date": _("Skriv en dato med dag, måned og år."),
        "today_used": _("Tjeklisten regner med, at det i dag er %(date)s. Den dato kommer fra uret på din enhed."),
        "link_made": _("Linket indeholder svarene. Del det kun med dem, der må se dem."),
        "link_label": _("Link til svarene"),
        "per_month": _("%(amount)s kr. om måneden"), "per_year": _("%(amount)s kr. om året"),
        "result": _("Resultat"), "referral": _("Henvisning"), "printed": _("Udskrevet %(date)s."),
        "to_clarify": _("Det skal afklares"), "ask": _("Spørg %(contact)s."),
        "why": _("Det førte hertil"), "your_answer": _("Dit svar: %(answer)s."),
        "your_answers": _("Dine svar"), "question_n": _("Spørgsmål %(n)s."),
        "change": _("Ret svaret"), "change_n": _("Ret svaret på spørgsmål %(n)s"),
        "note_date": _("Dato:"), "note_answers": _("Svar:"), "note_result": _("Resultat:"),
        "note_reason": _("Begrundelse:"), "note_clarify": _("Skal afklares:"), "note_legal": _("Lovgrundlag:"),
        "note_next": _("Næste skridt:"), "note_contact": _("Kontakt:"),
        "journal": _("Journalnotat"), "journal_label": _("Journalnotat (tekst, du kan kopiere)"),
        "copy": _("Kopiér notatet"), "copied": _("Notatet er kopieret."), "print": _("Udskriv"),
        "print_referral": _("Udskriv henvisning"),
    }


def _first_heading(markdown: str) -> str | None:
    for line in markdown.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return None


def content_files(content_dir: Path | None, rules: Rules) -> list[Path]:
    """The hand-written pages in content/, without their translations (`page.<lang>.md`)."""
    if not content_dir or not content_dir.is_dir():
        return []
    codes = {lang.code for lang in rules.languages}
    return [f for f in sorted(content_dir.rglob("*.md")) if Path(f.stem).suffix.lstrip(".") not in codes]


def translation_of(file: Path, code: str) -> Path:
    """Where the translation of a content/ page into `code` lives: om-siden.md → om-siden.en.md."""
    return file.with_name(f"{file.stem}.{code}{file.suffix}")


def review_status(source: str) -> str:
    """A translated content/ page is reviewed only if its front matter says `review: reviewed`."""
    match = re.match(r"---\n(.*?)\n---\n", source, re.S)
    reviewed = bool(match and re.search(r"^review:\s*reviewed\s*$", match.group(1), re.M))
    return i18n.REVIEWED if reviewed else i18n.UNREVIEWED


# The generated pages of the last few renders, with what they were made from: the scheme and the scenarios (the
# same objects: `load` and `load_scenarios` return the same ones for unchanged files), the language, the options
# and the templates. A rebuild in `serve` after an edit of content/ alone renders them again only if one changed.
_RENDERED: list[tuple[tuple, list[RenderedPage]]] = []
KEEP_RENDERED = 4


def _generated(renderer: Renderer, scenarios: list, only: list[str] | None) -> list[RenderedPage]:
    made_from = (renderer.rules, tuple(scenarios), i18n.active(), renderer.use_directory_urls,
                 tuple(only) if only is not None else None, _templates_state())
    for key, pages in _RENDERED:
        if key[0] is made_from[0] and key[2] is made_from[2] and key[3:] == made_from[3:] \
                and len(key[1]) == len(made_from[1]) and all(a is b for a, b in zip(key[1], made_from[1])):
            return [dataclasses.replace(page) for page in pages]
    pages = renderer.generated()
    _RENDERED.insert(0, (made_from, pages))
    del _RENDERED[KEEP_RENDERED:]
    return [dataclasses.replace(page) for page in pages]


def _templates_state() -> tuple:
    """When and how large each template file is: a template edited while `serve` runs renders its pages again."""
    return tuple((str(path), path.stat().st_mtime_ns, path.stat().st_size)
                 for path in sorted(TEMPLATES.rglob("*")) if path.is_file())


def render_all(rules: Rules, content_dir: Path | None, *, use_directory_urls: bool = False,
               scenarios: list | None = None, only: list[str] | None = None) -> list[RenderedPage]:
    """Render every page of the site: generated pages first, then content/ pages; refuse clashes.

    In a language other than Danish (see `i18n.language`), a content/ page uses its translation
    `page.<lang>.md` if there is one, else the Danish page with a notice; with `only` (a language built for
    some pages), content/ pages without a translation are left out.
    """
    renderer = Renderer(rules, use_directory_urls=use_directory_urls, scenarios=scenarios, only=only)
    rendered = _generated(renderer, scenarios or [], only)
    taken = {p.path: p for p in rendered}
    problems = []
    language = i18n.active()
    for file in content_files(content_dir, rules):
        rel = file.relative_to(content_dir).as_posix()
        display = f"{content_dir.name}/{rel}"
        if rel in taken:
            problems.append(Problem(display, 1, 1, "", f"this page has the same address as the generated page "
                                    f"'{taken[rel].title}'.", "rename the file in content/."))
            continue
        try:
            source, status = file.read_text(encoding="utf-8"), i18n.FALLBACK
            if language is not None and not language.is_source:
                translation = translation_of(file, language.code)
                if translation.exists():
                    display = f"{content_dir.name}/{translation.relative_to(content_dir).as_posix()}"
                    source = translation.read_text(encoding="utf-8")
                    status = review_status(source)
                elif only is not None:
                    continue
                language.shown.clear()
            page = renderer.content_page(rel, source, display)
            if language is not None and not language.is_source:
                page.markdown = with_notice(page.markdown, rel, language.shown | {status}, use_directory_urls)
            page.markdown = with_description(page.markdown, description_of(page.markdown))
            rendered.append(page)
        except InputError as exc:
            problems += exc.problems
        except UnicodeDecodeError:
            problems.append(Problem(display, None, None, "", "the file is not UTF-8.", "save it as UTF-8."))
    if problems:
        raise InputError(problems, "content/")
    return rendered
