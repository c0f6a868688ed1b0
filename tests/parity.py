"""The checklist parity check shared by the browser tests of every engine: each answer path of a checklist,
replayed in the page, must show the outcome (and ask the questions) that the Python evaluator computes."""

from __future__ import annotations

from generator.scheme.loader import load
from generator.checklist.logic import paths

from support import RULES

CHECKLISTS = {c.id: c for c in load(RULES).checklists}
SAMPLE_LIMIT = 5000

# Replays answer paths inside the page: reset, then answer each question as a reader would (clicks and typing
# dispatch real input/change events), and record the outcome and the questions left visible.
REPLAY = """
([id, runs]) => {
  const form = document.querySelector(`form[data-checklist="${id}"]`);
  const restart = form.querySelector('[data-action=restart]');
  return runs.map(run => {
    restart.click();
    for (const [q, v] of run) {
      const fs = form.querySelector(`fieldset[data-question="${q}"]`);
      if (fs.hidden) return {error: `question ${q} is hidden when it should be asked`};
      const number = fs.querySelector('input[type=number]');
      if (number && v !== 'unknown') {
        number.value = String(v);
        number.dispatchEvent(new Event('input', {bubbles: true}));
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


def answer_paths(checklist_id: str) -> list:
    """Every complete answer path of the checklist (the replay is exhaustive, so there must not be too many)."""
    walked = paths(CHECKLISTS[checklist_id], limit=SAMPLE_LIMIT + 1)
    assert len(walked) <= SAMPLE_LIMIT, "over 5,000 paths: switch this checklist to the sampled sweep"
    return walked


def replay_every_path(page, base_url: str, checklist_id: str) -> tuple[int, list]:
    """Replay every answer path of a checklist in the page at `base_url`; return (paths, mismatches)."""
    walked = answer_paths(checklist_id)
    page.goto(f"{base_url}/{checklist_id}.html")
    runs = [[[q, p.answers[q]] for q in p.result.asked] for p in walked]
    got = page.evaluate(REPLAY, [checklist_id, runs])
    assert len(got) == len(walked) > 0
    return len(walked), [(p.answers, p.result.outcome, g) for p, g in zip(walked, got)
                         if g.get("outcome") != p.result.outcome or g.get("visible") != list(p.result.asked)]
