"""Target size (WCAG 2.2, 2.5.8): every input and every target that is not a link inside a sentence measures at
least 24 by 24 CSS pixels by itself, so no page relies on the spacing exception (axe accepts small targets
with enough space around them; a radio button of 17 px and a navigation link of 18 px passed that way).

Checked on every kind of page with controls: the checklists at a result (journal, referral and restart
buttons on screen), a training module with quizzes, and the start page; at desktop and phone widths, and on
the phone with the navigation drawer open.
"""

from __future__ import annotations

import pytest

from browsing import SETTLE, open_settled

VIEWPORTS = {"1280x800": (1280, 800), "375x667": (375, 667), "412x823": (412, 823)}
PAGES = {
    "tjek-borger.html": "egen-virksomhed:yes;ejere:1;revalidering:unknown;ydelse:andet",
    "tjek-medarbejder.html": "interesse:yes;ejerform:alene;status:foertidspension;restarbejdsevne:yes;afklaring:yes",
    "tjek-partner.html": "interesse:yes;ejere:1;ydelse:kontanthjaelp",
    "ar/tjek-borger.html": "egen-virksomhed:yes;ejere:1;revalidering:unknown;ydelse:andet",
    "ambassadoeruddannelse-hvem.html": None,
    "index.html": None,
}
CASES = [(name, size) for name in PAGES for size in VIEWPORTS]

# Controls and stand-alone links (navigation, header, footer, buttons): everything a finger or pointer aims at
# that is not a link in running text (2.5.8's inline exception). Only what is rendered is measured.
TARGETS = """
() => {
  const selector = 'input:not([type=hidden]), button, select, textarea, summary, [role=button], ' +
    'a.md-nav__link, label.md-nav__link, .md-nav__button, .md-header__button, a.md-button, .md-select__link, ' +
    '.md-footer__link, .md-source, .site-links a, .md-top, .md-search__icon, .audience-cards a, ' +
    '.stair-step a, a.headerlink';
  const small = [];
  for (const el of document.querySelectorAll(selector)) {
    const style = getComputedStyle(el);
    if (style.visibility !== 'visible' || style.display === 'none' || el.closest('[hidden]')) continue;
    if (style.pointerEvents === 'none') continue;  // not a target (e.g. search's reset button before a query)
    if (!el.getClientRects().length) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.width < 24 || r.height < 24) {
      const name = (el.getAttribute('aria-label') || el.innerText || el.value || el.name || '').trim();
      small.push(`${el.tagName.toLowerCase()}.${String(el.className).trim().split(/\\s+/).join('.')} ` +
                 `"${name.slice(0, 40)}" is ${r.width.toFixed(1)}x${r.height.toFixed(1)}`);
    }
  }
  return small;
}
"""


@pytest.mark.parametrize("name,size", CASES, ids=[f"{n}-{s}" for n, s in CASES])
def test_every_input_and_target_is_at_least_24_by_24(page, base_url, name, size):
    width, height = VIEWPORTS[size]
    page.set_viewport_size({"width": width, "height": height})
    answers = PAGES[name]
    open_settled(page, f"{base_url}/{name}" + (f"#svar={answers}" if answers else ""))
    small = page.evaluate(TARGETS)
    drawer = page.locator("label.md-header__button[for=__drawer]")
    if drawer.is_visible():
        drawer.click()
        page.evaluate(SETTLE)
        small += [f"(drawer open) {s}" for s in page.evaluate(TARGETS)]
    assert not small, "\n".join(sorted(set(small)))
