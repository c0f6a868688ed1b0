"""The new question kinds on a real build: a small made-up scheme with every kind (tests/fixtures/kinds/),
built with `mkdocs build --strict` and driven in headless Chromium with the clock set to a known day.

Every answer path of its checklists is replayed in the page and must give what Python computes; the worked
cases are clicked through; multiple choice keeps 'Ingen af dem' exclusive; amounts are compared after their
period is converted; dates are read against the reader's own clock, and the page says which day it used; an
informational outcome is shown without a yes or no; without JavaScript every question is a printable field.
"""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import threading

import pytest
from axe_playwright_python.sync_playwright import Axe

from generator.checklist.scenarios import load_scenarios, run, scenarios_dir
from generator.scheme.loader import load

from parity import replay
from support import FIXTURES, build_site

SCHEME = FIXTURES / "kinds"
RULES = load(SCHEME / "rules.yaml")
CHECKLISTS = {c.id: c for c in RULES.checklists}
SCENARIOS = load_scenarios(scenarios_dir(SCHEME / "rules.yaml"), RULES)
DAY = dt.date(2026, 6, 15)


@pytest.fixture(scope="module")
def kinds_url(tmp_path_factory):
    site = build_site(SCHEME / "rules.yaml", SCHEME / "mkdocs.yml", tmp_path_factory.mktemp("kinds") / "site")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *a: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def at_day(page, day: dt.date) -> None:
    page.clock.set_fixed_time(dt.datetime(day.year, day.month, day.day, 12, 0))


@pytest.mark.parametrize("checklist_id", list(CHECKLISTS))
def test_every_answer_path_of_every_kind_shows_what_python_computes(page, kinds_url, checklist_id):
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    count, mismatches, exhaustive = replay(page, kinds_url, CHECKLISTS[checklist_id], DAY)
    print(f"\n{checklist_id}: {count} answer paths replayed in Chromium ({'every path' if exhaustive else 'every edge'}), "
          f"{len(mismatches)} mismatches")
    assert not mismatches, mismatches[:5]
    assert not errors, errors


def answer(page, checklist_id: str, q: str, value) -> None:
    """Answer one question as a reader would, whatever its kind."""
    fs = page.locator(f'form[data-checklist="{checklist_id}"] fieldset[data-question="{q}"]')
    kind = fs.get_attribute("data-kind")
    if value == "unknown":
        fs.locator("input[value=unknown]").check()
    elif kind == "multiple":
        for option in (value or ["none"]) if isinstance(value, list) else [value]:
            fs.locator(f'input[value="{option}"]').check()
    elif kind == "amount":
        kroner, _sep, per = str(value).partition("/")
        if per:
            fs.locator("select[data-period]").select_option(per)
        fs.locator("input[inputmode=numeric]").fill(kroner)
    elif kind in ("number", "date"):
        fs.locator("input[name]:not([type=checkbox])").fill(str(value))
    else:
        fs.locator(f'input[value="{value}"]').check()


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.id for s in SCENARIOS])
def test_worked_cases_of_every_kind_reach_their_outcome_in_the_browser(page, kinds_url, scenario):
    checklist = CHECKLISTS[scenario.checklist]
    result = run(checklist, scenario)
    at_day(page, scenario.today or DAY)
    page.goto(f"{kinds_url}/{checklist.id}.html")
    for q in result.asked:
        answer(page, checklist.id, q, scenario.answers[q])
    box = page.locator("[data-outcome]")
    if scenario.expect_next:
        assert box.get_attribute("data-outcome") == ""
        assert page.locator(f'fieldset[data-question="{scenario.expect_next}"]').is_visible()
    else:
        assert box.get_attribute("data-outcome") == scenario.expect
        assert next(o.title for o in checklist.outcomes if o.id == scenario.expect) in box.inner_text()


def test_the_page_says_which_day_it_counted_from_and_the_outcome_follows_the_readers_clock(page, kinds_url):
    case = next(s for s in SCENARIOS if s.id == "nyt-job")
    for day, outcome, shown in ((case.today, "nyt-job", "15. juni 2026"), (dt.date(2027, 6, 15), "fast-job", "15. juni 2027")):
        at_day(page, day)
        page.goto(f"{kinds_url}/tjek-tilskud.html")
        for q in ("bor", "foedt", "ydelser", "ansat"):
            answer(page, "tjek-tilskud", q, case.answers[q])
        assert page.locator("[data-outcome]").get_attribute("data-outcome") == outcome
        assert f"det i dag er {shown}" in page.locator(".today-used").inner_text()


def test_none_of_these_is_exclusive_and_its_answer_is_kept_in_the_address(page, kinds_url):
    at_day(page, DAY)
    page.goto(f"{kinds_url}/tjek-tilskud.html")
    answer(page, "tjek-tilskud", "bor", "yes")
    answer(page, "tjek-tilskud", "foedt", "1990-05-01")
    boxes = page.locator('fieldset[data-question="ydelser"] input[type=checkbox]')
    assert boxes.evaluate_all("(n) => n.map(b => b.name)") == ["ydelser"] * 6, "one checkbox per option, same name"
    page.check('input[name=ydelser][value=su]')
    page.check('input[name=ydelser][value=loen]')
    page.check('input[name=ydelser][value=none]')
    assert boxes.evaluate_all("(n) => n.filter(b => b.checked).map(b => b.value)") == ["none"]
    assert page.locator("[data-outcome]").get_attribute("data-outcome") == "ingen-ydelse"
    assert page.url.endswith("#svar=bor:yes;foedt:1990-05-01;ydelser:none")
    page.check('input[name=ydelser][value=kontanthjaelp]')
    assert boxes.evaluate_all("(n) => n.filter(b => b.checked).map(b => b.value)") == ["kontanthjaelp"]
    assert page.locator('fieldset[data-question="indkomst"]').is_visible()


@pytest.mark.parametrize("amount,per,outcome", [("10.000", "month", "tilskud"), ("120000", "year", "tilskud"),
                                                ("120001", "year", "for-hoej-indkomst"),
                                                ("10001", "month", "for-hoej-indkomst")])
def test_an_amount_is_compared_after_converting_its_period_in_the_page(page, kinds_url, amount, per, outcome):
    at_day(page, DAY)
    page.goto(f"{kinds_url}/tjek-tilskud.html#svar=bor:yes;foedt:1990-05-01;ydelser:sygedagpenge")
    answer(page, "tjek-tilskud", "indkomst", f"{amount}/{per}")
    if outcome == "tilskud":
        answer(page, "tjek-tilskud", "boern", "1")
    assert page.locator("[data-outcome]").get_attribute("data-outcome") == outcome


def test_a_bad_amount_or_date_shows_the_kinds_message(page, kinds_url):
    at_day(page, DAY)
    page.goto(f"{kinds_url}/tjek-tilskud.html#svar=bor:yes;foedt:1990-05-01;ydelser:sygedagpenge")
    answer(page, "tjek-tilskud", "indkomst", "20,000")
    error = page.locator('fieldset[data-question="indkomst"] .field-error')
    assert error.is_visible() and "hele kroner" in error.inner_text()
    field = page.locator('fieldset[data-question="indkomst"] input[inputmode=numeric]')
    assert field.get_attribute("aria-invalid") == "true" and field.get_attribute("aria-describedby") == \
        error.get_attribute("id")
    page.check('fieldset[data-question="indkomst"] input[value=unknown]')
    assert field.is_disabled() and error.is_hidden()


def test_an_informational_outcome_is_shown_without_a_yes_or_no(page, kinds_url):
    page.goto(f"{kinds_url}/tjek-trailer.html")
    answer(page, "tjek-trailer", "koerekort", "be")
    box = page.locator("[data-outcome]")
    assert box.get_attribute("data-outcome") == "tung"
    heading = box.locator("h3").first.inner_text()
    assert heading == "Du må trække op til 3.500 kg", "no 'Ja:' or 'Nej:' before an informational outcome"
    note = box.locator(".journal textarea").input_value()
    assert "Resultat: Du må trække op til 3.500 kg" in note


def test_without_javascript_every_kind_is_a_printable_field(browser, kinds_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{kinds_url}/tjek-tilskud.html")
    for q in CHECKLISTS["tjek-tilskud"].questions:
        fs = page.locator(f'fieldset[data-question="{q.id}"]')
        assert fs.is_visible() and q.text in fs.locator("legend").inner_text()
    assert "mindst 18 år før den dag, du svarer" in page.locator('fieldset[data-question="ydelser"]').inner_text()
    assert "højst 10.000 kr. om måneden" in page.locator('fieldset[data-question="boern"]').inner_text()
    assert page.locator('fieldset[data-question="foedt"] input[type=date]').is_visible()
    assert page.locator('fieldset[data-question="indkomst"] select[data-period]').is_visible()
    context.close()


def test_pages_with_the_new_kinds_pass_axe(page, kinds_url):
    at_day(page, DAY)
    for target in ("tjek-tilskud.html#svar=bor:yes;foedt:1990-05-01;ydelser:kontanthjaelp;indkomst:20000/month",
                   "tjek-trailer.html#svar=koerekort:b;vaegt:500/month", "saadan-virker-tjeklisterne.html"):
        page.goto(f"{kinds_url}/{target}")
        found = Axe().run(page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a",
                                                                               "wcag21aa", "wcag22aa"]}})
        assert found.violations_count == 0, (target, found.generate_report())
