"""Benchmarks (`make bench`): each figure a ratio or a per-unit figure measured in one run, written to
bench/RESULTS.md with its target, whether it is met, and the command that made it. Not part of `make test`.

Usage: python bench/run.py [--quick] [--only SECTION[,SECTION…]]
  --quick             skip the 100x scale step
  --only              run only these sections (build, scale, preview, weight, interaction, lighthouse) and
                      replace only their rows (or the Lighthouse section) of RESULTS.md
"""

from __future__ import annotations

import copy
import datetime as dt
import gzip
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "bench" / "RESULTS.md"
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO / "bench"))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
PY = sys.executable
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
ROWS: list[dict] = []


def row(figure: str, value: str, target: str, met: bool | None, command: str, note: str = "") -> None:
    """One line of RESULTS.md; `note` is shown after the value."""
    if note:
        value = f"{value}; {note}"
    ROWS.append(dict(figure=figure, value=value, target=target, met=met, command=command, note=note))
    print(f"{figure}: {value} (target {target}) {'' if met is None else ('MET' if met else 'MISSED')}")


def timed(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    if done.returncode != 0:
        raise RuntimeError(f"{command} failed:\n{done.stdout}\n{done.stderr}")
    return time.perf_counter() - start


def median_of(runs: int, command: list[str], cwd: Path) -> float:
    return statistics.median(timed(command, cwd) for _ in range(runs))


def interleaved(runs: int, commands: dict[str, tuple[list[str], Path]]) -> dict[str, float]:
    """The median time of each command, the commands taking turns in every round, so that a change in the
    machine's load (two shared cores) weighs on all of them alike."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, (command, cwd) in commands.items():
            times[name].append(timed(command, cwd))
    return {name: statistics.median(values) for name, values in times.items()}


# --- 1. build: generator overhead against plain MkDocs, and Zensical side by side --------------------------

def bench_build(work: Path) -> None:
    from generator.scheme.loader import load
    from generator.site import zensical as engines

    codes = [load(REPO / "rules.yaml").scheme.language] + [lang.code for lang in load(REPO / "rules.yaml").languages]
    exports = {}
    for code in codes:
        exports[code] = work / f"export-{code}"
        engines.export(REPO / "rules.yaml", REPO / "mkdocs.yml", exports[code], code)

    def plain(code: str) -> tuple[list[str], Path]:
        return [PY, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(exports[code] / "mkdocs.yml")], exports[code]

    runs = 5
    timings = interleaved(runs, {
        "hooked": ([PY, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(REPO / "mkdocs.yml"),
                    "-d", str(work / "hooked")], REPO),
        "full": ([PY, "-m", "generator", "build", "--site-dir", str(work / "full")], REPO),
        **{f"plain-{code}": plain(code) for code in codes},
    })
    hooked, plain_source, full = timings["hooked"], timings[f"plain-{codes[0]}"], timings["full"]
    plain_all = sum(timings[f"plain-{code}"] for code in codes)
    overhead = (hooked - plain_source) / plain_source
    row(f"Build, the scheme's own language ({codes[0]}): generator overhead, as a share of MkDocs' time",
        f"{overhead:.0%} ({hooked:.2f} s with the generator, {plain_source:.2f} s plain MkDocs on the same pages)",
        "≤ 10 %", overhead <= 0.10,
        f"mkdocs build -f mkdocs.yml (plugin) vs mkdocs build -f <export>/mkdocs.yml; median of {runs}, interleaved")
    row(f"Build, whole site ({', '.join(codes)}) against {len(codes)} plain MkDocs builds of the same pages",
        f"{full:.2f} s vs {plain_all:.2f} s ({full / plain_all:.2f}×; plain: "
        + ", ".join(f"{code} {timings[f'plain-{code}']:.2f} s" for code in codes) + ")",
        "≤ 1.00×", full <= plain_all,
        f"python -m generator build vs mkdocs build -f <export-code>/mkdocs.yml for each language; median of {runs}, "
        "interleaved")
    zensical = median_of(3, [str(Path(PY).with_name("zensical")), "build", "--clean", "-f",
                             str(exports[codes[0]] / "mkdocs.yml")], exports[codes[0]])
    row("Build, same pages: Zensical vs MkDocs", f"Zensical {zensical:.2f} s, MkDocs {plain_source:.2f} s "
        f"(Zensical takes {zensical / plain_source:.2f}× MkDocs' time)", "reported side by side", None,
        "zensical build -f <export>/mkdocs.yml vs mkdocs build -f <export>/mkdocs.yml; median of 3")


# --- 2. scale: 1x, 10x, 100x the questions, outcomes and pages -------------------------------------------

def scaled_rules(factor: int) -> dict:
    data = yaml.safe_load((REPO / "rules.yaml").read_text(encoding="utf-8"))
    data.pop("languages", None)
    audiences, checklists = data["audiences"], data["checklists"]
    originals = len(audiences)
    assert originals == 3 and len(checklists) == 3, "the scaling below copies three audiences and checklists"
    for k in range(1, factor):
        for a in audiences[:3]:
            twin = copy.deepcopy(a)
            twin["id"] = f"{a['id']}-{k}"
            twin["title"] = f"{a['title']} ({k})"
            for point in twin.get("points", []):
                point["id"] = f"{point['id']}-{k}"
            audiences.append(twin)
        for c in checklists[:3]:
            twin = copy.deepcopy(c)
            twin["id"], twin["audience"], twin["title"] = f"{c['id']}-{k}", f"{c['audience']}-{k}", f"{c['title']} ({k})"
            checklists.append(twin)
    return data


def bench_scale(work: Path, factors: list[int]) -> None:
    from generator.gate import report as check
    from generator.site import assemble as site
    from generator.scheme.loader import load
    from generator.checklist.graph import graph_of

    per_page = {}
    for factor in factors:
        folder = work / f"scale-{factor}"
        folder.mkdir()
        for name in ("mkdocs.yml",):
            shutil.copy(REPO / name, folder / name)
        shutil.copytree(REPO / "content", folder / "content")
        shutil.copytree(REPO / "overrides", folder / "overrides")
        shutil.copytree(REPO / "sources", folder / "sources")
        (folder / "generator").symlink_to(REPO / "generator")
        (folder / "rules.yaml").write_text(yaml.safe_dump(scaled_rules(factor), allow_unicode=True, sort_keys=False),
                                           encoding="utf-8")
        rules = load(folder / "rules.yaml")
        seconds = timed([PY, "-m", "generator", "build", "--rules", "rules.yaml", "--site-dir", "site"], folder)
        pages = len(list((folder / "site").glob("*.html"))) - 1  # 404.html
        questions = sum(len(c.questions) for c in rules.checklists)
        outcomes = sum(len(c.outcomes) for c in rules.checklists)
        per_page[factor] = seconds / pages
        start = time.perf_counter()
        report = check.run(rules, folder / "rules.yaml")
        checked = time.perf_counter() - start
        answer_paths = sum(graph_of(c).count_paths() for c in rules.checklists)
        per_1000 = checked / answer_paths * 1000
        row(f"Scale {factor}×: build time per page", f"{per_page[factor] * 1000:.0f} ms/page "
            f"({pages} pages, {questions} questions, {outcomes} outcomes, {seconds:.1f} s)",
            "flat: ≤ 1.2× the 1× figure", per_page[factor] <= 1.2 * per_page[factors[0]],
            f"python -m generator build on a {factor}× synthetic rules.yaml (bench/run.py scaled_rules)")
        row(f"Scale {factor}×: check per 1,000 answer paths", f"{per_1000:.3f} s ({answer_paths} paths, "
            f"{checked:.2f} s, {report.count('error')} errors)", "< 1 s per 1,000 paths", per_1000 < 1.0,
            "generator.gate.report.run on the same rules (logic, scenarios, LIX, translations)")


# --- 3. edit-to-preview in `serve` ---------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


EDITS = 5


def bench_edit_to_preview(work: Path) -> None:
    """Save a file while `serve` runs, and time until Chromium shows the edited text: a content/ page, then
    rules.yaml (the scheme's summary, shown on two pages)."""
    from playwright.sync_api import sync_playwright

    folder = work / "serve"
    folder.mkdir()
    for name in ("rules.yaml", "mkdocs.yml"):
        shutil.copy(REPO / name, folder / name)
    for name in ("content", "overrides", "scenarios", "translations", "sources"):
        shutil.copytree(REPO / name, folder / name)
    (folder / "generator").symlink_to(REPO / "generator")
    port = free_port()
    server = subprocess.Popen([PY, "-m", "generator", "serve", "--dev-addr", f"127.0.0.1:{port}"], cwd=folder,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    rules, content = folder / "rules.yaml", folder / "content" / "om-siden.md"
    old = "Et mikrolån kan hjælpe dig med at starte din egen virksomhed."
    assert old in rules.read_text(encoding="utf-8")
    edits = {
        "content": (content, "om-siden.html", lambda text, marker: f"{text}\n{marker}\n"),
        "rules": (rules, "index.html", lambda text, marker: text.replace(old, f"{old} {marker}", 1)),
    }
    times: dict[str, list[float]] = {kind: [] for kind in edits}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_context(bypass_csp=True).new_page()  # wait_for_function polls with eval
            for kind, (path, address, edit) in edits.items():
                original = path.read_text(encoding="utf-8")
                for _ in range(120):
                    try:
                        page.goto(f"http://127.0.0.1:{port}/{address}")
                        break
                    except Exception:
                        time.sleep(0.5)
                page.wait_for_selector("article h1")
                for n in range(EDITS):
                    marker = f"Redigeret {kind} {n}."
                    start = time.perf_counter()
                    path.write_text(edit(original, marker), encoding="utf-8")
                    page.wait_for_function(f"document.body.innerText.includes({marker!r})", timeout=60000)
                    times[kind].append(time.perf_counter() - start)
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
    for kind, what, target in (("content", "save content/om-siden.md", 0.5), ("rules", "save rules.yaml", 1.0)):
        median = statistics.median(times[kind])
        row(f"Edit-to-preview, {kind} edit: {what} → updated page in `serve`",
            f"{median:.2f} s median of {len(times[kind])} edits (max {max(times[kind]):.2f} s)", f"≤ {target} s",
            median <= target, "python -m generator serve + Chromium waiting for the edited text (bench/run.py)")


# --- 4. page weight --------------------------------------------------------------------------------------

def weigh(site: Path, page_name: str) -> dict[str, int]:
    """Gzipped bytes of every response the page loads, by URL path (a local server, gzip level 6)."""
    import functools
    import http.server
    import threading

    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    sizes: dict[str, int] = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page()

            def seen(response):
                if response.url.startswith(base):
                    try:
                        sizes[response.url[len(base):]] = len(gzip.compress(response.body(), 6))
                    except Exception:
                        pass
            page.on("response", seen)
            page.goto(f"{base}/{page_name}")
            page.wait_for_load_state("networkidle")
            browser.close()
    finally:
        server.shutdown()
    return sizes


def built_sites(work: Path) -> tuple[Path, Path]:
    """This site (every language) and stock Material with the same content (Danish and Arabic), built once."""
    import stock

    ours, default = work / "ours", work / "stock" / "site"
    if not ours.exists():
        subprocess.run([PY, "-m", "generator", "build", "--site-dir", str(ours)], cwd=REPO, check=True,
                       capture_output=True)
    if not default.exists():
        stock.build(work / "stock", ("da", "ar"))
    return ours, default


def bench_page_weight(work: Path) -> None:
    # The default Material page with the same content: the same generated Markdown, built by stock
    # mkdocs-material (no overrides, no extra CSS or JS), so the ratio measures what this project adds.
    ours_site, stock_site = built_sites(work)
    ours = weigh(ours_site, "tjek-borger.html")
    default = weigh(stock_site, "tjek-borger.html")
    js = sum(v for k, v in ours.items() if k.endswith("checklist.js"))
    own_css = sum(v for k, v in ours.items() if k.endswith(("scheme.css", "print.css")))
    total, stock_total = sum(ours.values()), sum(default.values())
    row("Page weight: checklist JS (gzip)", f"{js / 1024:.1f} KB", "≤ 5 KB", js <= 5 * 1024,
        "bench/run.py weigh(): every response of tjek-borger.html, gzip level 6")
    row("Page weight: the checklist's own CSS (gzip)", f"{own_css / 1024:.1f} KB (scheme.css + print.css)",
        "reported", None, "same run")
    row("Page weight: citizen checklist page vs the default Material page with the same content (gzip)",
        f"{total / 1024:.1f} KB vs {stock_total / 1024:.1f} KB ({total / stock_total:.2f}×; {len(ours)} vs "
        f"{len(default)} requests)", "≤ 1.10×", total <= 1.10 * stock_total,
        "same run; default = the same generated Markdown built by stock mkdocs-material (no overrides, CSS, JS)",
        note=f"of which the page's HTML {ours.get('/tjek-borger.html', 0) / 1024:.1f} KB and the search index "
             f"{ours.get('/search/search_index.json', 0) / 1024:.1f} KB")


# --- 5. interaction: 200-question checklist --------------------------------------------------------------

def two_hundred_questions() -> dict:
    data = yaml.safe_load((REPO / "tests" / "fixtures" / "minimal.yaml").read_text(encoding="utf-8"))
    questions = [{"id": "q1", "kind": "yes_no", "text": "Spørgsmål 1?", "unknown": False}]
    for n in range(2, 201):
        questions.append({"id": f"q{n}", "kind": "yes_no", "text": f"Spørgsmål {n}?", "unknown": n == 200,
                          "ask_if": {"q": f"q{n - 1}", "is": "yes"}})
    source = data["sources"][0]["id"]
    data["checklists"] = [{
        "id": "tjek", "audience": data["audiences"][0]["id"], "title": "200 spørgsmål", "intro": "Syntetisk.",
        "questions": questions,
        "outcomes": [
            {"id": "alle-ja", "verdict": "yes", "title": "Alle ja", "explanation": "Alle svar er ja.",
             "when": {"q": "q200", "is": "yes"}, "next_steps": ["Intet."], "contact": data["scheme"]["contact"],
             "sources": [source]},
            {"id": "et-nej", "verdict": "no", "title": "Et nej", "explanation": "Et svar er nej.",
             "when": {"any": [{"q": f"q{n}", "is": "no"} for n in range(1, 201)]}, "next_steps": ["Intet."],
             "contact": data["scheme"]["contact"], "sources": [source]},
            {"id": "maaske", "verdict": "maybe", "title": "Måske", "explanation": "Et svar er ukendt.",
             "next_steps": ["Intet."], "contact": data["scheme"]["contact"], "sources": [source]}]}]
    return data


CLICKS = """
() => {
  const form = document.querySelector('form[data-checklist="tjek"]');
  const times = [];
  for (let n = 1; n <= 200; n++) {
    const input = form.querySelector(`input[name="q${n}"][value="yes"]`);
    const t0 = performance.now();
    input.click();
    const next = n < 200 ? form.querySelector(`fieldset[data-question="q${n + 1}"]`) : null;
    void form.querySelector('[data-outcome]').offsetHeight;   // force style and layout of the update
    times.push(performance.now() - t0);
    if (next && next.hidden) return {error: `q${n + 1} not shown after q${n}`};
  }
  return {times, outcome: form.querySelector('[data-outcome]').dataset.outcome};
}
"""


def bench_interaction(work: Path) -> None:
    from playwright.sync_api import sync_playwright

    folder = work / "big"
    folder.mkdir()
    shutil.copy(REPO / "mkdocs.yml", folder / "mkdocs.yml")
    shutil.copytree(REPO / "overrides", folder / "overrides")
    (folder / "content").mkdir()
    (folder / "generator").symlink_to(REPO / "generator")
    (folder / "rules.yaml").write_text(yaml.safe_dump(two_hundred_questions(), allow_unicode=True, sort_keys=False),
                                       encoding="utf-8")
    subprocess.run([PY, "-m", "generator", "build", "--rules", "rules.yaml", "--site-dir", "site"], cwd=folder,
                   check=True, capture_output=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page()
        page.goto((folder / "site" / "tjek.html").as_uri())
        result = page.evaluate(CLICKS)
        browser.close()
    assert "times" in result and result["outcome"] == "alle-ja", result
    times = sorted(result["times"])
    p95 = times[int(0.95 * len(times)) - 1]
    row("Interaction: click → updated checklist, 200-question checklist (p95)",
        f"{p95:.2f} ms (median {statistics.median(times):.2f} ms, max {times[-1]:.2f} ms, 200 clicks)",
        "p95 ≤ 16 ms", p95 <= 16, "headless Chromium, performance.now() around click() + forced layout")


WHY_MISSED = {
    "Build, the scheme's own language": (
        "MkDocs' own work is the same in both builds; the generator adds, in a fresh process, measured by phase on "
        "2026-12-02 (wall clock, machine load about 10 on 2 cores, so each figure about twice an idle machine's): "
        "importing generator.site.hook 2.1 s (the pydantic model, whose classes read their field docstrings for the "
        "JSON Schema at import, and generator.i18n), assemble() 1.4 s (reading and proving rules.yaml, then "
        "rendering the generated and content pages), slimming Material's stylesheet 0.46 s (0.3 s of it parsing "
        "the stylesheet, now once per process) and the per-page check for code 0.16 s for 30 pages. What would "
        "meet it: importing the model's docstrings only for `schema` and the rest lazily; a content-hash cache on "
        "disk of the assembly (skip load, proof and rendering when rules.yaml, content/, translations and "
        "templates are unchanged); Jinja's FileSystemBytecodeCache for Material's templates. Not done within "
        "this issue's time box."),
    "Build, whole site": (
        "the generator builds all languages in one process (imports, templates compiled once, the scheme parsed "
        "once), which is what three plain MkDocs processes pay three times; where this misses, the per-page HTML "
        "check and the rendering outweigh that saving (see the line above)."),
    "Edit-to-preview": (
        "the preview rebuilds only the pages whose Markdown changed (see tests/site/test_preview.py), but every "
        "rebuild still reads and proves rules.yaml and renders every generated page to learn which changed; "
        "the rest is MkDocs' fixed cost per build (navigation, 404 page, sitemap, search index) and the "
        "browser's reload."),
    "Scale 100×: build time per page": (
        "not expected since the navigation of a scheme of more than 100 pages is folded into sections of 20 and "
        "pruned (Material's navigation.prune, `assemble.folded`)."),
    "Scale 1×: check per 1,000 answer paths": (
        "at 1× the check's fixed cost dominates (rendering the citizen pages for the readability score, about "
        "0.4 s), so spread over only 345 answer paths it comes to more than 1 s per 1,000; the whole check still "
        "takes under half a second, and per 1,000 paths it falls to about 0.3 s at 10× and 100×, where paths "
        "dominate. Meeting the ratio at 1× would need a cheaper readability pass (scoring the texts without "
        "rendering whole pages)."),
}


def write_results(started: float, sections: list[str]) -> None:
    """Write the table of figures; a run of some sections only replaces their rows and keeps the others."""
    rows = list(ROWS)
    old = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else ""
    if set(sections) != set(SECTIONS):
        redone = tuple(SECTIONS[name][1] for name in sections)
        kept = [r for r in _rows_in(old) if not r["figure"].startswith(redone)]
        order = [prefix for _, prefix in SECTIONS.values()]
        rank = lambda r: next((i for i, prefix in enumerate(order) if r["figure"].startswith(prefix)), len(order))
        rows = sorted(kept + rows, key=rank)  # stable: within a section, the order each run gave
    how = "`make bench`" if set(sections) == set(SECTIONS) else f"`make bench ONLY={','.join(sections)}`"
    lines = [
        "# Benchmark results",
        "",
        f"Made by {how} (`python bench/run.py`) on {dt.date.today().isoformat()}, "
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; the run took "
        f"{time.perf_counter() - started:.0f} s. Each figure is a ratio or a per-unit figure from one run"
        + ("." if set(sections) == set(SECTIONS) else "; the rows of the other sections are from their last run."),
        "",
        "| Figure | Value | Target | Met? | Command |",
        "| --- | --- | --- | --- | --- |",
    ]
    for r in rows:
        met = "—" if r["met"] is None else ("yes" if r["met"] else "**no**")
        lines.append(f"| {r['figure']} | {r['value']} | {r['target']} | {met} | `{r['command']}` |")
    missed = [r for r in rows if r["met"] is False]
    lines += ["", "## Targets missed: why, and what would meet them", ""]
    lines += [f"- **{r['figure']}**: " + next((why for key, why in WHY_MISSED.items() if r["figure"].startswith(key)),
                                              "not analysed yet.") for r in missed] or ["None."]
    kept_section = section_of(old, LIGHTHOUSE_HEADING)
    write_atomically(RESULTS, "\n".join(lines) + "\n" + ("\n" + kept_section if kept_section else ""))


def _rows_in(text: str) -> list[dict]:
    """The rows of the table of figures already in RESULTS.md."""
    rows = []
    for line in text.split("\n## ")[0].splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
        if len(cells) == 5 and cells[0] not in ("Figure", "---"):
            met = {"yes": True, "**no**": False}.get(cells[3])
            rows.append(dict(figure=cells[0], value=cells[1], target=cells[2], met=met, command=cells[4].strip("`")))
    return rows


LIGHTHOUSE_HEADING = "## Lighthouse"


def section_of(text: str, heading: str) -> str:
    """The part of a Markdown file from the `heading` line to the next heading of the same level (or the end)."""
    start = text.find("\n" + heading)
    if start < 0:
        return ""
    end = text.find("\n## ", start + len(heading) + 1)
    return text[start + 1:end + 1 if end >= 0 else len(text)]


def write_section(path: Path, heading: str, body: str) -> None:
    """Replace the section under `heading` in `path` with `body` (or add it at the end), keeping the rest."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmark results\n"
    old = section_of(text, heading)
    text = text.replace(old, body) if old else text.rstrip("\n") + "\n\n" + body
    write_atomically(path, text)


def write_atomically(path: Path, text: str) -> None:
    """Write the whole file or nothing: a temporary file beside it, then a rename."""
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False, suffix=".tmp") as tmp:
        tmp.write(text)
    os.replace(tmp.name, path)


def bench_lighthouse(work: Path) -> None:
    """Lighthouse on every page type, ours against stock, into the Lighthouse section of RESULTS.md."""
    import lighthouse

    ours, default = built_sites(work)
    results = lighthouse.measure(ours, default)
    write_section(RESULTS, LIGHTHOUSE_HEADING, lighthouse.section(results, lighthouse.RUNS, dt.date.today().isoformat()))


# Each section: the function that measures it, and how its rows' figures begin (to replace them alone).
SECTIONS = {
    "build": (lambda work, quick: bench_build(work), "Build"),
    "scale": (lambda work, quick: bench_scale(work, [1, 10] if quick else [1, 10, 100]), "Scale"),
    "preview": (lambda work, quick: bench_edit_to_preview(work), "Edit-to-preview"),
    "weight": (lambda work, quick: bench_page_weight(work), "Page weight"),
    "interaction": (lambda work, quick: bench_interaction(work), "Interaction"),
}


def main() -> None:
    started = time.perf_counter()
    quick = "--quick" in sys.argv
    only = sys.argv[sys.argv.index("--only") + 1].split(",") if "--only" in sys.argv else [*SECTIONS, "lighthouse"]
    unknown = [name for name in only if name not in SECTIONS and name != "lighthouse"]
    if unknown:
        sys.exit(f"bench/run.py: --only {','.join(unknown)}: expected some of {', '.join([*SECTIONS, 'lighthouse'])}."
                 "\nfix: e.g. make bench ONLY=build,preview")
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        work = Path(tmp)
        sections = [name for name in SECTIONS if name in only]
        for name in sections:
            SECTIONS[name][0](work, quick)
        if sections:
            write_results(started, sections)
        if "lighthouse" in only:
            bench_lighthouse(work)
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()
