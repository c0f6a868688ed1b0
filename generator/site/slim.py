"""Slim the built site: Material's stylesheet cut to what the pages can use, and search started on first use.

Material ships one stylesheet for every feature it has (admonitions, tabs, code annotations, palettes, blog…)
and starts its search engine, with its language files, on every page view; every page loads every script of the
site. As MkDocs writes each page, `page` keeps only the site's own scripts the page uses (a page uses
`assets/<name>.js` when it has an element with `data-module="<name>"`), drops the link to the site's stylesheet
(it comes inside Material's, below) and loads the print stylesheet for print only: one render-blocking request
instead of three. After MkDocs has written a language's site, `slim`
- removes from Material's main stylesheet every rule whose selector names a class, id or attribute that no page
  of the site and no script of the site (Material's own included) can produce, and every custom property that no
  remaining rule reads, and appends the site's own stylesheet to it (same order as the links had); and
- puts a small stand-in where Material's search worker is: it answers "ready" at once and loads the real worker
  (and through it the lunr language files) when the reader types the first search; the index Material fetches
  itself, as before, so search highlighting on the result page keeps working.

Both are optional for correctness: without them (e.g. a build by Zensical, which runs no hooks) the site is
stock Material and works the same, only heavier. Files are replaced whole (temporary file, then rename).
"""

from __future__ import annotations

import functools
import os
import re
import tempfile
from pathlib import Path

import tinycss2

from generator.site.assemble import JS

_WORD = re.compile(r"[A-Za-z0-9_-]+")
_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
_CLASS_OR_ID = re.compile(r"""\s(?:class|id)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""", re.I)
_ATTRIBUTE = re.compile(r"""\s([A-Za-z_:][-A-Za-z0-9_:.]*)(?=\s*=|\s|/?$)""")
_STRING = re.compile(r""""(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`""")
# Inside these the names are negated or alternatives: a rule that uses them is kept whatever they name.
_FUNCTIONAL = re.compile(r":(?:not|is|where|has|matches|-webkit-any|-moz-any)\(")
_VAR = re.compile(r"var\(\s*(--[A-Za-z0-9_-]+)")
_CONTAINERS = ("media", "supports", "container", "layer")
# Attributes the browser itself sets while a reader uses the page (an opened <details>), never in the HTML.
_SET_BY_THE_BROWSER = {"open"}
_SCREEN_MARK = "/* The site's own stylesheet (assets/scheme.css), delivered with Material's: generator/site/slim.py */"


# The site's page modules (assemble.JS), each loaded only by a page that uses it (data-module). Any other
# script, such as Material's own moved into assets/theme.js (overrides/partials/javascripts/), stays.
_OWN_SCRIPT = re.compile(r'<script src="[^"]*?\bassets/(?P<module>'
                         + "|".join(re.escape(Path(js).stem) for js in JS) + r')\.js"[^>]*></script>\n?')
_MODULE = re.compile(r'\bdata-module="([a-z0-9-]+)"')
_PRINT_CSS = re.compile(r'(<link rel="stylesheet" href="[^"]*?\bassets/print\.css")>')
_MATERIAL_CSS = re.compile(r'<link rel="stylesheet" href="[^"]*?\bassets/stylesheets/main\.[0-9a-f]+\.min\.css">')
# The site's own screen stylesheet, delivered inside Material's (slimmed) one: one render-blocking request.
SCREEN_CSS = "scheme.css"
_SCREEN_CSS = re.compile(r'\s*<link rel="stylesheet" href="[^"]*?\bassets/' + re.escape(SCREEN_CSS) + '">')


def page(html: str) -> str:
    """One page's HTML with only the site scripts it uses, the site's stylesheet inside Material's (see
    `slim`), and the print stylesheet for print only, so neither holds up the first paint."""
    modules = set(_MODULE.findall(html))
    html = _OWN_SCRIPT.sub(lambda m: m.group(0) if m.group("module") in modules else "", html)
    if _MATERIAL_CSS.search(html):
        html = _SCREEN_CSS.sub("", html, count=1)
    return _PRINT_CSS.sub(r'\1 media="print">', html)


def slim(site_dir: Path, material: Path | None = None) -> None:
    """Slim one language's built site in place (its pages, assets/stylesheets and the search worker).

    `material` is Material's stylesheet as the theme ships it; without it the site's copy is read, which is
    the original only right after MkDocs copied it (an incremental build in `serve` leaves the slimmed one).
    """
    site_dir = Path(site_dir)
    stylesheet = next((site_dir / "assets" / "stylesheets").glob("main.*.min.css"), None)
    if stylesheet is not None:
        own = "".join(f.read_text(encoding="utf-8") for f in sorted((site_dir / "assets").glob("*.css")))
        screen = site_dir / "assets" / SCREEN_CSS
        source = material if material is not None and material.name == stylesheet.name else stylesheet
        css = source.read_text(encoding="utf-8").split(_SCREEN_MARK)[0]
        slimmed = _used_css_once(css, frozenset(names_in_use(site_dir)), own)
        if screen.exists():
            slimmed += f"\n{_SCREEN_MARK}\n{screen.read_text(encoding='utf-8')}"
        if stylesheet.read_text(encoding="utf-8") != slimmed:
            write_whole(stylesheet, slimmed)
    worker = next((site_dir / "assets" / "javascripts" / "workers").glob("search.*.min.js"), None)
    if worker is not None and _STAND_IN_MARK not in worker.read_text(encoding="utf-8"):
        search_on_first_use(worker)


@functools.lru_cache(maxsize=8)
def _used_css_once(css: str, names: frozenset[str], keep_properties: str) -> str:
    """`used_css`, computed once per process for the same stylesheet and names: each language of a build, and
    each rebuild in `serve` whose pages use no name the last one did not, reuse it."""
    return used_css(css, set(names), keep_properties)


def names_in_use(site_dir: Path) -> set[str]:
    """Every tag, class, id and attribute name the site's pages have, and every word in its scripts' strings.

    Scripts add classes and attributes while the page runs (Material's search results, the checklist's
    answers summary), so any word inside a string literal of a script counts as in use.
    """
    names: set[str] = set(_SET_BY_THE_BROWSER)
    own = {site_dir / code for code in os.listdir(site_dir) if (site_dir / code / "assets").is_dir()}
    for html_file in site_dir.rglob("*.html"):
        if any(folder in html_file.parents for folder in own):  # another language's site, slimmed on its own
            continue
        for tag in _TAG.finditer(html_file.read_text(encoding="utf-8")):
            names.add(tag.group(1).lower())
            attributes = " " + tag.group(2)
            for value in _CLASS_OR_ID.finditer(attributes):
                names.update(_WORD.findall(value.group(1)))
            names.update(name.lower() for name in _ATTRIBUTE.findall(_CLASS_OR_ID.sub(" ", attributes)))
    for script in (site_dir / "assets").rglob("*.js"):
        if "lunr" not in script.parts and "workers" not in script.parts:
            for literal in _STRING.findall(script.read_text(encoding="utf-8")):
                names.update(_WORD.findall(literal))
    return names


def used_css(css: str, names: set[str], keep_properties: str = "") -> str:
    """`css` without the rules no element can match and the custom properties no remaining rule reads.

    `keep_properties` is text (e.g. the site's own stylesheet) in which every custom property named is read.
    """
    kept = _trim(_digested(css), names)
    declarations = [d for rule in _rules_in(kept) for d in rule[1]]
    live = _live_properties(declarations, set(re.findall(r"--[A-Za-z0-9_-]+", keep_properties)))
    return _serialize(kept, live)


@functools.lru_cache(maxsize=4)
def _digested(css: str) -> tuple:
    """The stylesheet parsed once per process (Material's is the same for every language and every rebuild):
    ("rule", selectors, declarations) with each declaration as (name, value, important), ("@", prelude, inner)
    for a group of rules, and the text of any other at-rule."""
    return _digest(tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True))


def _digest(rules) -> tuple:
    out = []
    for rule in rules:
        if rule.type == "qualified-rule":
            declarations = tuple((d.name, tinycss2.serialize(d.value).strip(), d.important)
                                 for d in tinycss2.parse_declaration_list(rule.content, skip_whitespace=True,
                                                                          skip_comments=True)
                                 if d.type == "declaration")
            out.append(("rule", tuple(_selectors(tinycss2.serialize(rule.prelude))), declarations))
        elif rule.type == "at-rule" and rule.lower_at_keyword in _CONTAINERS and rule.content is not None:
            inner = _digest(tinycss2.parse_rule_list(rule.content, skip_whitespace=True, skip_comments=True))
            out.append(("@", f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}", inner))
        elif rule.type == "at-rule":
            out.append(tinycss2.serialize([rule]))
    return tuple(out)


def _trim(digested: tuple, names: set[str]) -> list:
    """The rules that can match: (selectors, declarations) pairs, ("@", prelude, inner) groups, other at-rules."""
    out = []
    for item in digested:
        if isinstance(item, str):
            out.append(item)
        elif item[0] == "rule":
            selectors = [s for s in item[1] if all(name in names for name in _required(s))]
            if selectors:
                out.append((",".join(selectors), item[2]))
        else:
            inner = _trim(item[2], names)
            if inner:
                out.append(("@", item[1], inner))
    return out


def _rules_in(kept: list):
    for item in kept:
        if isinstance(item, tuple) and item[0] == "@":
            yield from _rules_in(item[2])
        elif isinstance(item, tuple):
            yield item


def _live_properties(declarations, also_read: set[str]) -> set[str]:
    """Custom properties that a declaration (not itself a custom property) or `also_read` reads, and every
    custom property those read in turn."""
    defined: dict[str, set[str]] = {}
    todo = list(also_read)
    for name, value, _ in declarations:
        reads = _VAR.findall(value)
        if name.startswith("--"):
            defined.setdefault(name, set()).update(reads)
        else:
            todo += reads
    live: set[str] = set()
    while todo:
        name = todo.pop()
        if name not in live:
            live.add(name)
            todo.extend(defined.get(name, ()))
    return live


def _serialize(kept: list, live: set[str]) -> str:
    out = []
    for item in kept:
        if isinstance(item, str):
            out.append(item)
        elif item[0] == "@":
            inner = _serialize(item[2], live)
            if inner:
                out.append(f"{item[1]}{{{inner}}}")
        else:
            body = ";".join(f"{name}:{value}{'!important' if important else ''}"
                            for name, value, important in item[1] if not name.startswith("--") or name in live)
            if body:
                out.append(f"{item[0]}{{{body}}}")
    return "".join(out)


def _selectors(prelude: str) -> list[str]:
    """Split a selector list at its top-level commas."""
    parts, depth, current = [], 0, []
    for char in prelude:
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        if char == "," and depth == 0:
            parts.append("".join(current).strip())
            current = []
        else:
            current.append(char)
    parts.append("".join(current).strip())
    return [p for p in parts if p]


@functools.lru_cache(maxsize=None)
def _required(selector: str) -> tuple[str, ...]:
    """The classes, ids and attributes an element must have to match `selector`; an element can match it only if
    the site has them all. Names inside :not(), :is() and the like are negated or alternatives: not required."""
    plain, rest = [], selector
    while (found := _FUNCTIONAL.search(rest)) is not None:
        plain.append(rest[:found.start()])
        depth, i = 1, found.end()
        while depth and i < len(rest):
            depth += {"(": 1, ")": -1}.get(rest[i], 0)
            i += 1
        rest = rest[i:]
    plain.append(rest)
    text = re.sub(r"""(["']).*?\1""", "", "".join(plain))
    return tuple(re.findall(r"[.#]([A-Za-z0-9_-]+)", text)
                 + [n.lower() for n in re.findall(r"\[\s*([A-Za-z0-9_-]+)", text)])


# Stands in for Material's search worker (same messages: 0 setup, 1 ready, 2 query, 3 result). It keeps the
# setup, says "ready", answers an empty query with no results, and on the first real query loads the worker it
# stands for, replays the setup to it, and passes the query on once that worker is ready.
_STAND_IN_MARK = "started when the reader first searches"
_STAND_IN = """/* Material's search worker, started when the reader first searches (generator/site/slim.py). */
(function () {
  "use strict";
  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3, FULL = %(full)s;
  // Opened from disk, Material runs the worker in an iframe and sets it up only when search opens: load it all.
  if (typeof WorkerGlobalScope === "undefined") { importScripts(FULL); return; }
  var setup = null, started = false, waiting = null, post = self.postMessage.bind(self);
  self.postMessage = function (message) {
    if (message && message.type === READY && started) {
      if (waiting !== null) { var query = waiting; waiting = null; self.dispatchEvent(new MessageEvent("message", { data: query })); }
      return;
    }
    post(message);
  };
  self.addEventListener("message", function (event) {
    var message = event.data;
    if (started) { if (message && message.type === QUERY && waiting !== null) { waiting = message; event.stopImmediatePropagation(); } return; }
    event.stopImmediatePropagation();
    if (message.type === SETUP) { setup = message; post({ type: READY }); return; }
    if (message.type !== QUERY) return;
    if (!String(message.data || "").trim() || setup === null) { post({ type: RESULT, data: { items: [] } }); return; }
    started = true;
    waiting = message;
    importScripts(FULL);
    self.dispatchEvent(new MessageEvent("message", { data: setup }));
  });
})();
"""


def search_on_first_use(worker: Path) -> None:
    """Move Material's search worker to `<name>.full.js` and put the stand-in at its address."""
    full = worker.with_name(worker.name[:-len(".js")] + ".full.js")
    os.replace(worker, full)
    write_whole(worker, _STAND_IN % {"full": f'"{full.name}"'})


def write_whole(path: Path, text: str) -> None:
    """Write `path` whole or not at all: a temporary file in the same folder, then a rename."""
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False,
                                     prefix=f".{path.name}.", suffix=".tmp") as tmp:
        tmp.write(text)
    os.replace(tmp.name, path)
