"""Lighthouse 12 (mobile preset) on every page type, this site against stock Material with the same content.

Both sites are served with gzip over loopback (bench/gzip_server.py), as any real host serves them. Each page is
measured RUNS times, alternating with stock, and the median of each figure is reported: the four category scores, largest contentful
paint, total blocking time, cumulative layout shift, bytes and requests.

Lighthouse is the npm package pinned in bench/node/package.json (12.2.3: 13.x needs Node 22); it runs offline
with Debian's chromium (CHROME_PATH) and the same quiet flags as the browser tests.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
from dataclasses import dataclass
from pathlib import Path

from gzip_server import serving

BENCH = Path(__file__).resolve().parent
NODE = BENCH / "node"
LIGHTHOUSE = NODE / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
RUNS = 5
PAGE_TYPES = {
    "start": "index.html",
    "audience": "borger.html",
    "checklist": "tjek-borger.html",
    "legal": "lovgrundlag.html",
    "training with a quiz": "ambassadoeruddannelse-hvem.html",
    "Arabic start": "ar/index.html",
    "Arabic checklist": "ar/tjek-borger.html",
}


@dataclass
class Figures:
    """One page's median figures over RUNS Lighthouse runs, and the audits that kept a category below 100."""

    scores: dict[str, int]
    lcp_ms: float
    tbt_ms: float
    cls: float
    bytes: int
    requests: int
    failing: dict[str, str]
    lcp_range: tuple[float, float] = (0.0, 0.0)   # fastest and slowest run: the run-to-run spread
    tbt_range: tuple[float, float] = (0.0, 0.0)


def run_once(url: str, out: Path) -> dict:
    """One Lighthouse run of `url` (mobile preset, simulated throttling); return its JSON report."""
    if not LIGHTHOUSE.exists():
        raise RuntimeError(f"{LIGHTHOUSE} is missing: run `npm ci --prefix {NODE}` (make bench does).")
    done = subprocess.run([str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
                           f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={' '.join(FLAGS)}"],
                          capture_output=True, text=True, env={**os.environ, "CHROME_PATH": CHROMIUM})
    if done.returncode != 0:
        raise RuntimeError(f"lighthouse failed on {url}:\n{done.stdout}\n{done.stderr}")
    return json.loads(out.read_text(encoding="utf-8"))


def figures_of(reports: list[dict]) -> Figures:
    """The median of each figure over several reports of the same page."""
    def median(values):
        return statistics.median(values)

    def audit(report, name):
        return report["audits"][name]

    scores = {c: round(median([r["categories"][c]["score"] for r in reports]) * 100) for c in CATEGORIES}
    failing = {}  # in a category below 100: each scored audit that fell short in any run
    for report in reports:
        for name, category in report["categories"].items():
            for ref in category["auditRefs"] if scores[name] < 100 else []:
                a = audit(report, ref["id"])
                if ref["weight"] and a.get("score") is not None and a["score"] < 1:
                    failing[ref["id"]] = a.get("displayValue") or a["title"]
    return Figures(
        scores=scores,
        lcp_ms=median([audit(r, "largest-contentful-paint")["numericValue"] for r in reports]),
        tbt_ms=median([audit(r, "total-blocking-time")["numericValue"] for r in reports]),
        cls=median([audit(r, "cumulative-layout-shift")["numericValue"] for r in reports]),
        bytes=round(median([audit(r, "total-byte-weight")["numericValue"] for r in reports])),
        requests=round(median([len(audit(r, "network-requests")["details"]["items"]) for r in reports])),
        failing=failing,
        lcp_range=spread([audit(r, "largest-contentful-paint")["numericValue"] for r in reports]),
        tbt_range=spread([audit(r, "total-blocking-time")["numericValue"] for r in reports]))


def spread(values: list[float]) -> tuple[float, float]:
    return (min(values), max(values))


# Every run's JSON report is kept here (not in git), so that a figure short of its goal can be read in full.
REPORTS = BENCH / "lighthouse-reports"


def measure(ours: Path, stock: Path, runs: int = RUNS) -> dict[str, tuple[Figures, Figures]]:
    """Lighthouse figures of every page type, (ours, stock), each site served with gzip on its own port.

    The runs alternate between the two sites, so both see the same load on a shared machine. The reports are
    kept in bench/lighthouse-reports/<page type>/.
    """
    results = {}
    with serving(ours) as ours_url, serving(stock) as stock_url:
        for kind, page in PAGE_TYPES.items():
            reports: dict[str, list[dict]] = {"ours": [], "stock": []}
            tmp = REPORTS / kind.replace(" ", "-")
            tmp.mkdir(parents=True, exist_ok=True)
            for n in range(runs):
                for name, base in (("ours", ours_url), ("stock", stock_url)):
                    reports[name].append(run_once(f"{base}/{page}", tmp / f"{name}-{n}.json"))
            pair = [figures_of(reports["ours"]), figures_of(reports["stock"])]
            results[kind] = (pair[0], pair[1])
            print(f"lighthouse {kind}: ours {pair[0].scores} LCP {pair[0].lcp_ms:.0f} ms, {pair[0].bytes} B, "
                  f"{pair[0].requests} requests; stock {pair[1].scores} LCP {pair[1].lcp_ms:.0f} ms, "
                  f"{pair[1].bytes} B, {pair[1].requests} requests")
    return results


def better(ours: Figures, stock: Figures) -> dict[str, bool]:
    """Per figure: is ours at least as good as the goal and no worse than stock (scores: 100; CLS: 0)?"""
    return {
        "scores": all(v == 100 for v in ours.scores.values()),
        "lcp": ours.lcp_ms < stock.lcp_ms,
        "tbt": ours.tbt_ms <= stock.tbt_ms,
        "cls": ours.cls == 0,
        "bytes": ours.bytes < stock.bytes,
        "requests": ours.requests < stock.requests,
    }


def section(results: dict[str, tuple[Figures, Figures]], runs: int, when: str) -> str:
    """The Lighthouse section of RESULTS.md: figures side by side, and what fell short, with why."""
    def scores(f: Figures) -> str:
        return " / ".join(str(f.scores[c]) for c in CATEGORIES)

    def mark(ok: bool) -> str:
        return "" if ok else " **✗**"

    def noise(mine: tuple[float, float], theirs: tuple[float, float], scale: float, unit: str) -> str:
        """The runs' spread, where the two sites' runs overlap: a difference inside it is not a difference."""
        if mine[0] > theirs[1] or theirs[0] > mine[1]:
            return ""
        show = (lambda v: f"{v / scale:.2f}") if unit == "s" else (lambda v: f"{v / scale:.0f}")
        return f" <br>(runs {show(mine[0])}–{show(mine[1])} / {show(theirs[0])}–{show(theirs[1])} {unit})"

    lines = [
        "## Lighthouse: this site against stock Material",
        "",
        f"Made by `make bench ONLY=lighthouse` (`python bench/run.py --only lighthouse`) on {when}: Lighthouse 12.2.3, "
        f"mobile preset (simulated slow 4G, moto g power), Debian's chromium; median of {runs} runs per page (where the two sites' runs overlap, their spread is shown under the medians); both "
        "sites built from the same generated Markdown and served with gzip over loopback. Scores are performance / "
        "accessibility / best practices / SEO. Goal: 100 in all four, CLS 0, and better than stock on every "
        "figure; a figure that misses it is marked ✗.",
        "",
        "| Page type | Scores, ours | Scores, stock | LCP ours / stock | TBT ours / stock | CLS ours / stock | "
        "KiB ours / stock | Requests ours / stock |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    misses: dict[str, list[str]] = {}
    for kind, (ours, stock) in results.items():
        ok = better(ours, stock)
        lines.append(
            f"| {kind} (`{PAGE_TYPES[kind]}`) | {scores(ours)}{mark(ok['scores'])} | {scores(stock)} | "
            f"{ours.lcp_ms / 1000:.2f} s / {stock.lcp_ms / 1000:.2f} s{mark(ok['lcp'])}{noise(ours.lcp_range, stock.lcp_range, 1000, 's')} | "
            f"{ours.tbt_ms:.0f} ms / {stock.tbt_ms:.0f} ms{mark(ok['tbt'])}{noise(ours.tbt_range, stock.tbt_range, 1, 'ms')} | "
            f"{ours.cls:.3f} / {stock.cls:.3f}{mark(ok['cls'])} | "
            f"{ours.bytes / 1024:.1f} / {stock.bytes / 1024:.1f}{mark(ok['bytes'])} | "
            f"{ours.requests} / {stock.requests}{mark(ok['requests'])} |")
        for figure in (f for f, good in ok.items() if not good):
            misses.setdefault(figure, []).append(kind)
        if ours.failing:
            lines_failing = ", ".join(f"`{k}` ({v})" for k, v in sorted(ours.failing.items()))
            misses.setdefault("audits", []).append(f"{kind}: {lines_failing}")
    lines += ["", "### Short of the goal: why, and the way around it", ""]
    if not misses:
        lines.append("None: every page type scores 100 in all four categories with CLS 0, and is better than "
                     "stock on LCP, bytes and requests and no worse on TBT.")
    for figure, where in misses.items():
        lines.append(f"- **{figure}** ({'; '.join(where)}): " + WHY.get(figure, "not analysed yet."))
    return "\n".join(lines) + "\n"


# What blocks a figure that misses its goal, found by reading the reports; shown next to each miss.
WHY: dict[str, str] = {
    "bytes": ("read from the kept reports (2026-12-03): on the checklist pages ours loads assets/checklist.js "
              "(7.4 KB gzip), the checklist itself, which the stock page does without (its checklist cannot run), "
              "plus print.css (0.9 KB) and theme.js (1.5 KB: Material's inline scripts as a file, since the "
              "security policy allows no inline script); everything else is smaller (stylesheet 19.0 against "
              "22.5 KB, no favicon or lunr files). The largest part that could wait is the search index "
              "(19–30 KB), which Material's bundle fetches at load before anyone searches; fetching it on first "
              "use needs a change to how the bundle requests search/search_index.json."),
    "requests": ("read from the kept reports: stock Material has no Arabic lunr files, so the requests ours saves "
                 "elsewhere (lunr language files only on a search, the favicon inline) are only the favicon here; "
                 "ours adds print.css (media=print, fetched at low priority) and theme.js (required by the "
                 "security policy). The way around: fold print.css into the one stylesheet under @media print, "
                 "one request fewer on every page."),
}
