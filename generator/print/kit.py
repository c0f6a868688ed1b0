"""Print kits: the ambassadors' handbook as one PDF, and a one-page A4 flyer per partner type and language.

Both are printed by headless Chromium (Debian's `chromium`, driven by Playwright), so what is on paper is what
the browser draws. The handbook is assembled from the built site's pages without JavaScript, so checklists
appear in their printable form; Chromium writes the bookmarks (one per section), a first pass finds the page
each section starts on, and a second pass prints the table of contents with those numbers.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import jinja2
from markupsafe import Markup

from generator import files, i18n
from generator.i18n import _
from generator.scheme.loader import load
from generator.scheme.model import Rules
from generator.scheme.problems import InputError, Problem

TEMPLATES = Path(__file__).parent / "templates"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# Staff and training content, in reading order; pages a scheme does not have are skipped.
HANDBOOK_PAGES = ["medarbejder", "ambassadoermodellen", "ambassadoeruddannelse", "ambassadoeruddannelse-*",
                  "hvem-kan-deltage", "processen", "trappetrinsmodellen", "coach-og-mentor", "lovgrundlag",
                  "tjek-medarbejder", "eksempler", "kilder"]
FLYER_LANGUAGES = ["da", "en"]


@dataclass
class Printed:
    path: Path
    pages: int


def chromium() -> str:
    found = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(found).exists():
        raise InputError([Problem("chromium", None, None, "", "Debian's chromium is not installed.",
                                  "run `make print` (it installs chromium) or `apt-get install chromium`.")],
                         "chromium")
    return found


def site_url(given: str | None, config_file: Path) -> str:
    """The public address of the site: --site-url, else site_url in mkdocs.yml. Never guessed."""
    import yaml

    url = given
    if not url and Path(config_file).exists():
        url = (yaml.safe_load(Path(config_file).read_text(encoding="utf-8")) or {}).get("site_url")
    if not url or not re.match(r"^https?://", url):
        raise InputError([Problem(str(config_file), None, None, "site_url",
                                  "the flyers' QR codes need the address where the site is published.",
                                  "add `site_url: https://…` to mkdocs.yml or pass --site-url https://…")],
                         str(config_file))
    return url.rstrip("/") + "/"


def handbook_pages(rules: Rules, site_dir: Path) -> list[Path]:
    """The built pages the handbook holds, in reading order (training modules in the order of the data)."""
    modules = [f"ambassadoeruddannelse-{m.id}" for m in (rules.training.modules if rules.training else [])]
    names = [n for name in HANDBOOK_PAGES for n in (modules if name.endswith("*") else [name])]
    return [site_dir / f"{n}.html" for n in names if (site_dir / f"{n}.html").exists()]


def _env() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                             undefined=jinja2.StrictUndefined)
    env.globals["_"] = _
    return env


def _article(page, path: Path) -> tuple[str, str]:
    """The title and main article of a built page, as the browser sees it without JavaScript."""
    page.goto(path.as_uri())
    return page.evaluate("""() => {
        const article = document.querySelector('article.md-content__inner').cloneNode(true);
        article.querySelectorAll('.headerlink, script, .js-only, form [data-action], .md-source-file')
               .forEach(n => n.remove());
        const h1 = article.querySelector('h1');
        const title = h1 ? h1.textContent.trim() : document.title;
        if (h1) h1.remove();
        return [title, article.innerHTML];
    }""")


def _local_links(html: str, included: dict[str, str]) -> str:
    """Links to pages in the handbook go to their section; links to other pages become plain text."""
    def fix(match: re.Match) -> str:
        href = match.group(2)
        if href.startswith(("http://", "https://", "mailto:")):
            return match.group(0)
        target = href.split("#")[0].split("/")[-1]
        if target in included:
            return f'{match.group(1)}href="#{included[target]}"'
        return match.group(1) + 'data-was-link=""'
    return re.sub(r'(<a\b[^>]*?)href="([^"]*)"', fix, html)


def build_handbook(rules: Rules, site_dir: Path, out: Path, browser) -> Printed:
    from pypdf import PdfReader

    pages = handbook_pages(rules, site_dir)
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    sections = []
    for n, path in enumerate(pages, start=1):
        title, body = _article(page, path)
        sections.append({"id": f"afsnit-{n}", "file": path.name, "title": title, "body": body, "page": ""})
    included = {s["file"]: s["id"] for s in sections}
    for s in sections:
        s["body"] = Markup(_local_links(s["body"], included))  # the site's own HTML, already escaped
    css = [p.as_uri() for p in sorted((site_dir / "assets" / "stylesheets").glob("main.*.min.css"))]
    css += [(site_dir / "assets" / "scheme.css").as_uri(), (TEMPLATES / "handbook.css").as_uri()]
    template = _env().get_template("handbook.html.j2")

    with tempfile.TemporaryDirectory(prefix=".print-", dir=out.parent) as work:
        html_file = Path(work) / "handbook.html"

        def render() -> bytes:
            html_file.write_text(template.render(rules=rules, sections=sections, css=css,
                                                 today=dt.date.today().isoformat(),
                                                 sources=rules.sources), encoding="utf-8")
            page.goto(html_file.as_uri())
            return page.pdf(format="A4", print_background=True, outline=True, tagged=True,
                            display_header_footer=True, header_template="<span></span>",
                            footer_template='<div style="font-size:9px;width:100%;text-align:center;'
                                            'font-family:sans-serif"><span class="pageNumber"></span> / '
                                            '<span class="totalPages"></span></div>',
                            margin={"top": "18mm", "bottom": "18mm", "left": "16mm", "right": "16mm"})

        first = render()   # first pass: find where each section starts
        starts = _section_pages(PdfReader(io.BytesIO(first)), [s["title"] for s in sections])
        for s, number in zip(sections, starts):
            s["page"] = number
        final = _with_metadata(render(), rules)   # second pass: the table of contents with page numbers
    context.close()
    files.write_bytes(out, final)
    return Printed(out, len(PdfReader(io.BytesIO(final)).pages))


def _section_pages(reader, titles: list[str]) -> list[int | str]:
    """The page (1-based) each section starts on, from the PDF's bookmarks (Chromium writes one per chapter
    heading); where a title has no bookmark, the first later page whose text begins with the whole title."""
    marks: dict[str, int] = {}

    def collect(outline) -> None:
        for item in outline:
            if isinstance(item, list):
                collect(item)
            else:
                marks.setdefault(" ".join(str(item.title).split()), reader.get_destination_page_number(item) + 1)

    collect(reader.outline)
    texts = [" ".join((p.extract_text() or "").split()) for p in reader.pages]
    found, start = [], 2
    for title in titles:
        wanted = " ".join(title.split())
        number = marks.get(wanted) or next((i + 1 for i in range(start, len(texts))
                                            if texts[i] == wanted or texts[i].startswith(wanted + " ")), "")
        if number:
            start = number - 1
        found.append(number)
    return found


def _with_metadata(pdf: bytes, rules: Rules) -> bytes:
    """The PDF with its title, author, subject and language set (screen readers announce them)."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject, TextStringObject

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.add_metadata({"/Title": _("Håndbog for ambassadører: %(scheme)s", scheme=rules.scheme.name),
                         "/Author": rules.scheme.municipality, "/Subject": rules.scheme.summary})
    writer._root_object[NameObject("/Lang")] = TextStringObject(i18n.active_code())
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def checklist_url(base: str, rules: Rules, code: str) -> str:
    citizen = next((c for c in rules.checklists if c.style == "citizen"), None)
    if citizen is None:
        raise InputError([Problem("rules.yaml", None, None, "checklists", "there is no citizen checklist for "
                                  "the flyers' QR code.", "add a checklist with style: citizen.")], "rules.yaml")
    return base + ("" if code == rules.scheme.language else f"{code}/") + f"{citizen.id}.html"


def flyer_html(rules: Rules, partner, url: str, code: str, css: str = "") -> str:
    """The flyer for one partner type as HTML, in the active language."""
    import segno

    qr = segno.make(url, error="m")
    audience = next((a for a in rules.audiences if a.id == "partner"), None)
    contact_id = (audience.contact if audience and audience.contact else rules.scheme.contact)
    points = audience.points[:4] if audience else rules.scheme.about[:4]
    cited = {f.source for f in points} | {partner.source}
    citizen = next(c for c in rules.checklists if c.style == "citizen")
    return _env().get_template("flyer.html.j2").render(
        rules=rules, scheme=rules.scheme, partner=partner, url=url, lang=code,
        direction="rtl" if any(l.code == code and l.direction == "rtl" for l in rules.languages) else "ltr",
        qr=Markup(qr.svg_inline(scale=6, border=4, dark="#000", light="#fff", omitsize=False)),
        points=points, cited=[s for s in rules.sources if s.id in cited],
        contact=next(r for r in rules.roles if r.id == contact_id),
        sources={s.id: s for s in rules.sources}, css=css, checklist=citizen)


def build_flyer(rules: Rules, partner, url: str, code: str, out: Path, browser) -> Printed:
    from pypdf import PdfReader

    html = flyer_html(rules, partner, url, code, css=(TEMPLATES / "flyer.css").as_uri())
    with tempfile.TemporaryDirectory(prefix=".print-", dir=out.parent) as work:
        html_file = Path(work) / "flyer.html"
        html_file.write_text(html, encoding="utf-8")
        page = browser.new_page()
        page.goto(html_file.as_uri())
        pdf = page.pdf(format="A4", print_background=True, prefer_css_page_size=True, tagged=True)
        page.close()
    files.write_bytes(out, pdf)
    return Printed(out, len(PdfReader(io.BytesIO(pdf)).pages))


def build_all(rules_file: Path, site_dir: Path, out_dir: Path, base_url: str, browser=None) -> list[Printed]:
    """Write the handbook and every flyer into `out_dir`; the site must be built in `site_dir` first.

    `browser` is a Playwright Chromium to print with; without one, Debian's chromium is started for the run.
    """
    if browser is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            own = p.chromium.launch(executable_path=chromium(), args=CHROMIUM_ARGS)
            try:
                return build_all(rules_file, site_dir, out_dir, base_url, own)
            finally:
                own.close()
    from generator.site.assemble import assemble, translations_dir

    site_dir, out_dir = Path(site_dir).resolve(), Path(out_dir).resolve()
    if not (site_dir / "index.html").exists():
        raise InputError([Problem(str(site_dir), None, None, "", "the site is not built there.",
                                  "run `python -m generator build` first (or `make site`).")], str(site_dir))
    rules = load(rules_file)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = [build_handbook(rules, site_dir, out_dir / "ambassadoer-haandbog.pdf", browser)]
    for code in FLYER_LANGUAGES:
        if code != rules.scheme.language and code not in {lang.code for lang in rules.languages}:
            continue
        with i18n.language(code, translations_dir(rules_file), source=rules.scheme.language):
            local = assemble(rules_file, None, code).rules   # the scheme as that language's site shows it
            url = checklist_url(base_url, local, code)
            for partner in (local.recruitment.partner_types if local.recruitment else []):
                written.append(build_flyer(local, partner, url, code, out_dir / f"flyer-{partner.id}-{code}.pdf",
                                           browser))
    return written
