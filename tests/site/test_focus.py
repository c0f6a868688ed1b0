"""WCAG 2.2 focus checks axe cannot make: tab forwards and backwards through every checklist of the real site, at
a desktop and a phone viewport, and at every stop the focused element is on screen, has a size, and is not
covered by the sticky header or a floating button (2.4.7 Focus Visible, 2.4.11 Focus Not Obscured).

Each checklist is opened at a result (answers in the address), so every question on the path, the result,
its "Ret svaret" links and the journal or referral buttons are in the tab order too.
"""

from __future__ import annotations

import pytest

from browsing import open_settled, walk_focus

VIEWPORTS = {"1280x800": (1280, 800), "375x667": (375, 667)}
CHECKLISTS = {
    "tjek-borger.html": "egen-virksomhed:yes;ejere:1;revalidering:unknown;ydelse:andet",
    "tjek-medarbejder.html": "interesse:yes;ejerform:alene;status:foertidspension;restarbejdsevne:yes;afklaring:yes",
    "tjek-partner.html": "interesse:yes;ejere:1;ydelse:kontanthjaelp",
    "ar/tjek-borger.html": "egen-virksomhed:yes;ejere:1;revalidering:unknown;ydelse:andet",
}
KEYS = {"forwards": "Tab", "backwards": "Shift+Tab"}
CASES = [(name, size, direction) for name in CHECKLISTS for size in VIEWPORTS for direction in KEYS]


@pytest.mark.parametrize("name,size,direction", CASES, ids=[f"{n}-{s}-{d}" for n, s, d in CASES])
def test_every_focus_stop_is_on_screen_and_not_covered(page, base_url, name, size, direction):
    width, height = VIEWPORTS[size]
    page.set_viewport_size({"width": width, "height": height})
    open_settled(page, f"{base_url}/{name}#svar={CHECKLISTS[name]}")
    assert page.locator("[data-outcome]").first.get_attribute("data-outcome"), "the result is on screen"
    stops = walk_focus(page, KEYS[direction])
    assert len(stops) > 10, "the walk went through the page"
    hidden = [f"stop {n}: {stop['element']} {'; '.join(stop['problems'])}"
              for n, stop in enumerate(stops, 1) if stop["problems"]]
    assert not hidden, f"{len(hidden)} of {len(stops)} focus stops cannot be seen:\n" + "\n".join(hidden[:25])
