"""axe-core (WCAG 2.2 A and AA rules, and the best practices Lighthouse scores) on every built page, at desktop
and phone widths, with zero violations.

Arabic (right-to-left) pages get the same two widths; English pages, built from the same templates, desktop.

Checklist pages are also checked at a result, where the live region, the answer summary and the journal note
or referral actions are on screen.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from browsing import open_settled
from support import all_pages, language_pages, not_found_pages

WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}}
# axe's best-practice rules that Lighthouse 12 counts in its accessibility score (core/config/default-config.js),
# e.g. a name for Material's search dialog.
LIGHTHOUSE = {"runOnly": {"type": "rule", "values": [
    "accesskeys", "aria-allowed-role", "aria-dialog-name", "aria-text", "aria-treeitem-name", "heading-order",
    "image-redundant-alt", "skip-link", "tabindex", "table-duplicate-name"]}}
# One axe run per page view: the WCAG tags, with the best-practice rules above enabled on top (the same rules as
# two runs, one scan of the page).
BOTH = {**WCAG, "rules": {rule: {"enabled": True} for rule in LIGHTHOUSE["runOnly"]["values"]}}
WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}
RESULTS = {
    "tjek-borger.html": "egen-virksomhed:yes;ejere:1;revalidering:unknown;ydelse:andet",
    "tjek-medarbejder.html": "interesse:yes;ejerform:alene;status:foertidspension;restarbejdsevne:yes;afklaring:yes",
    "tjek-partner.html": "interesse:yes;ejere:1;ydelse:kontanthjaelp",
}
CASES = [(name, width) for name in all_pages() for width in WIDTHS] + \
        [(f"{name}#svar={answers}", width) for name, answers in RESULTS.items() for width in WIDTHS] + \
        [(name, width) for name in language_pages("ar") for width in WIDTHS] + \
        [(f"ar/tjek-borger.html#svar={RESULTS['tjek-borger.html']}", width) for width in WIDTHS] + \
        [(name, "desktop") for name in language_pages("en")] + \
        [(name, width) for name in not_found_pages() for width in WIDTHS]
axe = Axe()


@pytest.mark.parametrize("target,width", CASES, ids=[f"{t.split('#')[0]}{'-result' if '#' in t else ''}-{w}"
                                                    for t, w in CASES])
def test_page_has_no_wcag_violations(page, base_url, target, width, summary):
    page.set_viewport_size(dict(zip(("width", "height"), WIDTHS[width])))
    open_settled(page, f"{base_url}/{target}")
    if "#svar=" in target:
        assert page.locator("[data-outcome]").get_attribute("data-outcome"), "the result is on screen"
    result = axe.run(page, options=BOTH).response
    ran = {r["id"] for kind in ("passes", "violations", "incomplete", "inapplicable") for r in result[kind]}
    assert set(LIGHTHOUSE["runOnly"]["values"]) <= ran, "the best-practice rules ran too"
    violations = [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
    assert not violations, violations
    summary("axe (WCAG 2.2 A+AA, Lighthouse's best practices): page views with 0 violations",
            f"{target.split('#')[0]}{' (at a result)' if '#' in target else ''} [{width}]")


def test_report_pages_checked_by_axe(built_site):
    """Every page the build wrote is among the page views above (the list is made before the build)."""
    built = {p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html")}
    checked = {target.split("#")[0] for target, _width in CASES}
    assert built - checked == set(), "pages the build wrote that axe never sees"
    assert checked - built == set(), "page views of pages the build did not write"
    for name in checked:
        widths = {w for t, w in CASES if t == name}
        english = name.startswith("en/") and name != "en/404.html"
        assert widths == ({"desktop"} if english else set(WIDTHS)), (name, widths)
