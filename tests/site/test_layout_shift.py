"""No layout shift after load: every checklist page (and the start page) draws its final layout on first paint.

The checklist's script hides the questions that do not apply yet and the printable outcome list; if the page
were painted before the script ran, the first question, the notices and the footer would jump (a cumulative
layout shift of 0.24 was measured on desktop before the page settled it in CSS).
"""

from __future__ import annotations

import pytest

from browsing import open_settled

VIEWPORTS = {"1280x800": (1280, 800), "375x667": (375, 667)}
PAGES = ["tjek-borger.html", "tjek-medarbejder.html", "tjek-partner.html", "ar/tjek-borger.html",
         "en/tjek-borger.html", "index.html"]
CASES = [(name, size) for name in PAGES for size in VIEWPORTS]

# Every layout shift since navigation (buffered), read in one go: the buffered entries of both observers are
# delivered in the same task, in the order the observers were registered, and the navigation entry always
# exists, so its callback runs after the layout-shift callback would have, without waiting for a timeout.
SHIFTS = """
() => new Promise(resolve => {
  const shifts = [];
  const take = list => list.forEach(e => shifts.push({value: e.value, recentInput: e.hadRecentInput,
    at: Math.round(e.startTime), sources: (e.sources || []).map(s => s.node ? (s.node.nodeName + '.' +
      (s.node.className || '') + '#' + (s.node.id || '')) : '?')}));
  const layout = new PerformanceObserver(list => take(list.getEntries()));
  layout.observe({type: 'layout-shift', buffered: true});
  new PerformanceObserver((list, self) => {
    take(layout.takeRecords());
    self.disconnect();
    layout.disconnect();
    resolve(shifts);
  }).observe({type: 'navigation', buffered: true});
})
"""


@pytest.mark.parametrize("name,size", CASES, ids=[f"{n}-{s}" for n, s in CASES])
def test_nothing_moves_after_the_first_paint(page, base_url, name, size):
    width, height = VIEWPORTS[size]
    page.set_viewport_size({"width": width, "height": height})
    open_settled(page, f"{base_url}/{name}")
    shifts = page.evaluate(SHIFTS)
    total = sum(s["value"] for s in shifts if not s["recentInput"])
    assert total == 0, f"cumulative layout shift {total:.4f}: {shifts}"
