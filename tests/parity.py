"""The checklist parity check shared by the browser tests of every engine and scheme: answer paths of a
checklist, replayed in the page as a reader would answer, must show the outcome (and ask the questions) that
the Python reference computes.

Every path is replayed where there are few (the real checklists); otherwise one path through every arrow of
the compiled graph. Either way every edge (every branch of every node) is covered, and the test asserts it.
"""

from __future__ import annotations

import datetime as dt

from generator.checklist.graph import graph_of
from generator.scheme.loader import load

from support import RULES

CHECKLISTS = {c.id: c for c in load(RULES).checklists}
SAMPLE_LIMIT = 5000
DAY = dt.date(2026, 6, 15)   # the browser's clock is set to this day, so dates relative to today agree

# Replays answer paths inside the page: reset, then answer each question as a reader would (clicks, typing and
# choosing dispatch real input/change events), and record the outcome and the questions left visible.
REPLAY = """
([id, runs]) => {
  const form = document.querySelector(`form[data-checklist="${id}"]`);
  const restart = form.querySelector('[data-action=restart]');
  const fire = (node, type) => node.dispatchEvent(new Event(type, {bubbles: true}));
  return runs.map(run => {
    restart.click();
    for (const [q, v] of run) {
      const fs = form.querySelector(`fieldset[data-question="${q}"]`);
      if (fs.hidden) return {error: `question ${q} is hidden when it should be asked`};
      const kind = fs.dataset.kind;
      const field = fs.querySelector('input[name]:not([type=checkbox]):not([type=radio])');
      if (v === 'unknown' && field) {
        fs.querySelector('input[value=unknown]').click();
      } else if (kind === 'multiple') {
        for (const value of v.split(',')) {
          const box = fs.querySelector(`input[value="${value}"]`);
          if (!box) return {error: `no box for ${q}=${value}`};
          box.click();
        }
      } else if (field) {
        let text = v;
        if (kind === 'amount') {
          const [kroner, per] = v.split('/');
          const select = fs.querySelector('select[data-period]');
          select.value = per; fire(select, 'change');
          text = kroner;
        }
        field.value = text; fire(field, 'input'); fire(field, 'change');
      } else {
        const input = fs.querySelector(`input[name="${q}"][value="${v}"]`);
        if (!input) return {error: `no input for ${q}=${v}`};
        input.click();
      }
    }
    const visible = [...form.querySelectorAll('fieldset[data-question]')].filter(f => !f.hidden).map(f => f.dataset.question);
    return {outcome: form.querySelector('[data-outcome]').dataset.outcome, visible};
  });
}
"""


def runs_of(checklist, day: dt.date = DAY) -> tuple[list, list, bool]:
    """(runs, expected results, exhaustive): each run is [[question, answer text], …] in the order asked."""
    graph = graph_of(checklist)
    exhaustive = graph.count_paths() <= SAMPLE_LIMIT
    measures_list = [m for m, _leaf in graph.paths()] if exhaustive else graph.edge_runs()
    runs, expected = [], []
    for measures in measures_list:
        result = graph.result(checklist, measures)
        answers = graph.answers(measures, day)
        runs.append([[q, graph.questions[q].text_of(answers[q])] for q in result.asked])
        expected.append(result)
    return runs, expected, exhaustive


def edges_covered(checklist, runs: list) -> tuple[set, set]:
    """(every edge of the graph, the edges the runs take)."""
    graph = graph_of(checklist)
    edges = {(n["q"], k) for n in graph.nodes if "q" in n for k in n["next"]}
    taken = set()
    for run in runs:
        measures = {}
        for q, text in run:
            question = graph.questions[q]
            value = question.parse(text)
            measures[q] = value if value == "unknown" else question.measure(value, graph.routes[q], DAY)
        taken |= set(graph.follow(measures)[0])
    return edges, taken


def replay(page, base_url: str, checklist, day: dt.date = DAY) -> tuple[int, list, bool]:
    """Replay the checklist's paths (all, or one through every edge) in its page at `base_url`, with the
    browser's clock on `day`; return (runs, mismatches, exhaustive)."""
    runs, expected, exhaustive = runs_of(checklist, day)
    edges, taken = edges_covered(checklist, runs)
    assert taken == edges, f"runs miss edges: {sorted(edges - taken)[:5]}"
    page.clock.set_fixed_time(dt.datetime(day.year, day.month, day.day, 12, 0))
    page.goto(f"{base_url}/{checklist.id}.html")
    got = page.evaluate(REPLAY, [checklist.id, runs])
    assert len(got) == len(runs) > 0
    mismatches = [(run, want.outcome, seen) for run, want, seen in zip(runs, expected, got)
                  if seen.get("outcome") != want.outcome or seen.get("visible") != list(want.asked)]
    return len(runs), mismatches, exhaustive


def replay_every_path(page, base_url: str, checklist_id: str) -> tuple[int, list]:
    """Replay every answer path of a checklist of the real site (they are few); return (paths, mismatches)."""
    count, mismatches, exhaustive = replay(page, base_url, CHECKLISTS[checklist_id])
    assert exhaustive, "over 5,000 paths: the every-edge replay is used instead"
    return count, mismatches
