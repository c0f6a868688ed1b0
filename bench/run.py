"""Benchmarks (`make bench`): each figure a ratio or a per-unit figure measured in one run, written to
bench/RESULTS.md with its target, whether it is met, and the command that made it. Not part of `make test`.

Usage: python bench/run.py [--quick] [--only lighthouse]
  --quick             skip the 100x scale step
  --only lighthouse   run only the Lighthouse section and replace that section of RESULTS.md
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


# --- 1. build: generator overhead against plain MkDocs, and Zensical side by side --------------------------

def bench_build(work: Path) -> None:
    from generator.site import zensical as engines

    export = work / "export"
    engines.export(REPO / "rules.yaml", REPO / "mkdocs.yml", export)
    hooked = median_of(3, [PY, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(REPO / "mkdocs.yml"),
                           "-d", str(work / "hooked")], REPO)
    plain = median_of(3, [PY, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(export / "mkdocs.yml")], export)
    zensical = median_of(3, [str(Path(PY).with_name("zensical")), "build", "--clean", "-f",
                             str(export / "mkdocs.yml")], export)
    full = median_of(3, [PY, "-m", "generator", "build", "--site-dir", str(work / "full")], REPO)
    overhead = (hooked - plain) / hooked
    row("Build, Danish site: generator overhead (share of the total outside MkDocs)",
        f"{overhead:.0%} ({hooked:.2f} s with the generator, {plain:.2f} s plain MkDocs on the same pages)",
        "≤ 15 %", overhead <= 0.15,
        "mkdocs build -f mkdocs.yml (hook) vs mkdocs build -f <export>/mkdocs.yml; median of 3")
    row("Build, same pages: Zensical vs MkDocs", f"Zensical {zensical:.2f} s, MkDocs {plain:.2f} s "
        f"(Zensical takes {zensical / plain:.2f}× MkDocs' time)", "reported side by side", None,
        "zensical build -f <export>/mkdocs.yml vs mkdocs build -f <export>/mkdocs.yml; median of 3")
    row("Build, whole site (Danish, English, Arabic)", f"{full:.2f} s", "reported", None,
        "python -m generator build; median of 3")


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
            "flat: ≤ 1.5× the 1× figure", per_page[factor] <= 1.5 * per_page[factors[0]],
            f"python -m generator build on a {factor}× synthetic rules.yaml (bench/run.py scaled_rules)")
        row(f"Scale {factor}×: check per 1,000 answer paths", f"{per_1000:.3f} s ({answer_paths} paths, "
            f"{checked:.2f} s, {report.count('error')} errors)", "< 1 s per 1,000 paths", per_1000 < 1.0,
            "generator.gate.report.run on the same rules (logic, scenarios, LIX, translations)")


# --- 3. edit-to-preview in `serve` ---------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def bench_edit_to_preview(work: Path) -> None:
    from playwright.sync_api import sync_playwright

    folder = work / "serve"
    folder.mkdir()
    for name in ("rules.yaml", "mkdocs.yml"):
        shutil.copy(REPO / name, folder / name)
    for name in ("content", "overrides", "scenarios", "translations"):
        shutil.copytree(REPO / name, folder / name)
    (folder / "generator").symlink_to(REPO / "generator")
    port = free_port()
    server = subprocess.Popen([PY, "-m", "generator", "serve", "--dev-addr", f"127.0.0.1:{port}"], cwd=folder,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    rules = folder / "rules.yaml"
    original = rules.read_text(encoding="utf-8")
    old = "Et mikrolån kan hjælpe dig med at starte din egen virksomhed."
    assert old in original
    times = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_context(bypass_csp=True).new_page()  # wait_for_function polls with eval
            for _ in range(60):
                try:
                    page.goto(f"http://127.0.0.1:{port}/index.html")
                    break
                except Exception:
                    time.sleep(0.5)
            page.wait_for_selector("article h1")
            for n in range(5):
                marker = f"Redigeret {n}."
                start = time.perf_counter()
                rules.write_text(original.replace(old, f"{old} {marker}", 1), encoding="utf-8")
                page.wait_for_function(f"document.body.innerText.includes({marker!r})", timeout=60000)
                times.append(time.perf_counter() - start)
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
    median = statistics.median(times)
    row("Edit-to-preview: save rules.yaml → updated page in `serve`",
        f"{median:.2f} s median of {len(times)} edits (max {max(times):.2f} s)", "≤ 2 s", median <= 2.0,
        "python -m generator serve + Chromium waiting for the edited text (bench/run.py)")


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
    "Build, Danish site: generator overhead": (
        "the generator does real work before MkDocs starts: importing pydantic and building the typed model "
        "(about 0.35 s, of which 0.11 s is reading the field docstrings that become the JSON Schema), validating "
        "rules.yaml and proving every checklist complete by walking all answer paths (about 0.2 s), and rendering "
        "the pages, decision graphs and worked examples with Jinja2 (about 0.25 s, mostly compiling templates). "
        "Against a 0.9 s MkDocs build that is more than 15 %. What would meet it: a Jinja2 bytecode cache and a "
        "content-hash cache of the validated model and rendered pages (skip both when rules.yaml, content/ and the "
        "templates are unchanged, as in most rebuilds), and building the schema docstrings only for `schema`."),
    "Scale 100×: build time per page": (
        "the generator's own time per page stays flat; what grows is Material's navigation, which every page "
        "carries in full (623 entries at 100×), so each page costs more to render and write. What would meet it: "
        "Material's `navigation.prune` (only the current section's links in each page) or grouping the pages "
        "under navigation tabs, for schemes that large."),
    "Scale 1×: check per 1,000 answer paths": (
        "at 1× the check's fixed cost dominates (rendering the citizen pages for the readability score, about "
        "0.4 s), so spread over only 345 answer paths it comes to more than 1 s per 1,000; the whole check still "
        "takes under half a second, and per 1,000 paths it falls to about 0.3 s at 10× and 100×, where paths "
        "dominate. Meeting the ratio at 1× would need a cheaper readability pass (scoring the texts without "
        "rendering whole pages)."),
}


def write_results(started: float) -> None:
    lines = [
        "# Benchmark results",
        "",
        f"Made by `make bench` (`python bench/run.py`) on {dt.date.today().isoformat()}, "
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; the run took "
        f"{time.perf_counter() - started:.0f} s. Each figure is a ratio or a per-unit figure from this one run.",
        "",
        "| Figure | Value | Target | Met? | Command |",
        "| --- | --- | --- | --- | --- |",
    ]
    for r in ROWS:
        met = "—" if r["met"] is None else ("yes" if r["met"] else "**no**")
        lines.append(f"| {r['figure']} | {r['value']} | {r['target']} | {met} | `{r['command']}` |")
    missed = [r for r in ROWS if r["met"] is False]
    lines += ["", "## Targets missed: why, and what would meet them", ""]
    lines += [f"- **{r['figure']}**: " + next((why for key, why in WHY_MISSED.items() if r["figure"].startswith(key)),
                                              "not analysed yet.") for r in missed] or ["None."]
    kept = section_of(RESULTS.read_text(encoding="utf-8"), LIGHTHOUSE_HEADING) if RESULTS.exists() else ""
    write_atomically(RESULTS, "\n".join(lines) + "\n" + ("\n" + kept if kept else ""))


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


def main() -> None:
    started = time.perf_counter()
    quick = "--quick" in sys.argv
    only = sys.argv[sys.argv.index("--only") + 1] if "--only" in sys.argv else None
    if only not in (None, "lighthouse"):
        sys.exit(f"bench/run.py: --only {only}: expected 'lighthouse'.\nfix: make bench ONLY=lighthouse")
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        work = Path(tmp)
        if only is None:
            bench_build(work)
            bench_scale(work, [1, 10] if quick else [1, 10, 100])
            bench_edit_to_preview(work)
            bench_page_weight(work)
            bench_interaction(work)
            write_results(started)
        bench_lighthouse(work)
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()
