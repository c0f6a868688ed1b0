"""The checklist's result for screen readers: reaching an outcome puts one short sentence (the verdict and the
title) into a polite status region and offers a button to the full result; focus stays on the answer just given,
a change that keeps the same outcome says nothing again, and the long result is never a live region itself.
"""

from __future__ import annotations

import pytest

from generator.checklist.describe import verdict_label
from generator.checklist.graph import evaluate
from generator.checklist.scenarios import load_scenarios, scenarios_dir
from generator.scheme.loader import load

from browsing import SETTLE, open_settled
from support import RULES

RULES_MODEL = load(RULES)
CHECKLISTS = {c.id: c for c in RULES_MODEL.checklists}
SCENARIOS = load_scenarios(scenarios_dir(RULES), RULES_MODEL)
# The first scenario of each checklist whose last answer is a radio button (clicked, then focused).
CASES = [next(s for s in SCENARIOS if s.checklist == cid and
              CHECKLISTS[cid].questions[[q.id for q in CHECKLISTS[cid].questions].index(
                  evaluate(CHECKLISTS[cid], s.answers).asked[-1])].kind != "number") for cid in CHECKLISTS]
LIVE = "[aria-live]:not([aria-live=off]), [role=status], [role=alert], [role=log]"


def answer(page, checklist_id, question, value):
    form = f'form[data-checklist="{checklist_id}"]'
    number = page.locator(f'{form} fieldset[data-question="{question}"] .number-answer input')
    if number.count() and value != "unknown":
        number.fill(str(value))
    else:
        page.locator(f'{form} input[name="{question}"][value="{value}"]').check()


@pytest.mark.parametrize("scenario", CASES, ids=[s.checklist for s in CASES])
def test_an_outcome_is_announced_in_one_short_sentence(page, base_url, scenario):
    checklist = CHECKLISTS[scenario.checklist]
    result = evaluate(checklist, scenario.answers)
    outcome = next(o for o in checklist.outcomes if o.id == result.outcome)
    open_settled(page, f"{base_url}/{scenario.checklist}.html")
    status = page.locator(f'form[data-checklist="{scenario.checklist}"] [role=status][data-result-status]')
    assert status.count() == 1 and status.inner_text() == ""
    for q in result.asked:
        answer(page, scenario.checklist, q, scenario.answers[q])
    last = result.asked[-1]
    message = status.text_content()
    assert verdict_label(outcome.verdict) in message and outcome.title in message
    assert len(message) <= 200, f"{len(message)} characters: {message}"
    # Focus stays on the answer just given; the long result is not read out as it changes.
    assert page.evaluate("() => document.activeElement.name") == last
    live = page.locator(LIVE)
    assert all(len(live.nth(n).text_content()) <= 200 for n in range(live.count())), "no long live region"
    assert page.locator("[data-outcome]").get_attribute("aria-live") is None
    # The button to the full result moves focus to the result's heading.
    jump = page.locator("[data-action=show-result]")
    wrapper = page.locator(".result-jump")
    assert wrapper.bounding_box()["width"] <= 1, "visually hidden (clipped) until it has focus"
    page.keyboard.press("Tab")
    page.evaluate(SETTLE)
    assert page.evaluate("() => document.activeElement.dataset.action") == "show-result"
    assert wrapper.bounding_box()["width"] >= 24 and jump.bounding_box()["height"] >= 24, "shown with focus"
    page.keyboard.press("Enter")
    assert page.evaluate("() => [document.activeElement.tagName, document.activeElement.closest('[data-outcome]')"
                         " !== null]") == ["H2", True]


def test_the_message_changes_only_when_the_outcome_does(page, base_url):
    checklist = CHECKLISTS["tjek-borger"]
    open_settled(page, f"{base_url}/tjek-borger.html")
    status = page.locator("[data-result-status]")
    mutations = page.evaluate_handle("""() => {
      const seen = [];
      new MutationObserver(() => seen.push(document.querySelector('[data-result-status]').textContent))
        .observe(document.querySelector('[data-result-status]'), {childList: true, characterData: true, subtree: true});
      return seen;
    }""")
    answer(page, "tjek-borger", "egen-virksomhed", "no")
    answer(page, "tjek-borger", "revalidering", "no")
    first = status.text_content()
    assert next(o.title for o in checklist.outcomes if o.id == "ikke-selvstaendig") in first
    answer(page, "tjek-borger", "egen-virksomhed", "yes")      # a new question: no outcome, nothing said
    assert status.text_content() == ""
    answer(page, "tjek-borger", "egen-virksomhed", "no")       # the same outcome again (revalidering kept)
    page.locator('input[name="egen-virksomhed"][value="no"]').dispatch_event("change")  # a change, same answers
    assert status.text_content() == first
    assert mutations.json_value() == [first, "", first], "one message per outcome reached, nothing repeated"
