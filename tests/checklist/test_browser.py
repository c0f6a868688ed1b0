"""The checklists in real headless Chromium: the page shows exactly what the Python evaluator computes.

Every complete answer path of every checklist is replayed in the page (the contract: form[data-checklist],
fieldset[data-question], input[name][value], [data-outcome]); scenarios are clicked through; each checklist is
completed with the keyboard alone; and the page works as a printable checklist without JavaScript.
"""

from __future__ import annotations

import io
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from generator.scheme.loader import load
from generator.checklist.graph import evaluate
from generator.checklist.kinds import UNKNOWN
from generator.checklist.scenarios import load_scenarios, scenarios_dir

from browsing import SETTLE, open_settled
from parity import CHECKLISTS, replay_every_path
from support import REPO, RULES, run_generator

RULES_MODEL = load(RULES)
SCENARIOS = load_scenarios(scenarios_dir(RULES), RULES_MODEL)
SHOTS = REPO / "build" / "screenshots"
@pytest.mark.parametrize("checklist_id", list(CHECKLISTS))
def test_every_answer_path_shows_the_outcome_python_computes(page, base_url, checklist_id):
    count, mismatches = replay_every_path(page, base_url, checklist_id)
    print(f"\n{checklist_id}: {count} answer paths replayed in Chromium, {len(mismatches)} mismatches")
    assert not mismatches, mismatches[:5]


@pytest.mark.parametrize("checklist_id", list(CHECKLISTS))
def test_result_is_empty_until_an_outcome_is_reached(page, base_url, checklist_id):
    page.goto(f"{base_url}/{checklist_id}.html")
    result = page.locator("[data-outcome]")
    assert result.get_attribute("data-outcome") == ""
    assert page.locator("[data-result-status][role=status]").count() == 1, "outcomes are announced in a status region"
    first = CHECKLISTS[checklist_id].questions[0]
    assert page.locator(f'fieldset[data-question="{first.id}"]').is_visible()
    hidden_later = [q.id for q in CHECKLISTS[checklist_id].questions[1:] if q.ask_if is not None]
    for qid in hidden_later:
        assert page.locator(f'fieldset[data-question="{qid}"]').is_hidden()


def _answer_by_clicks(page, checklist_id, answers, order):
    for q in order:
        value = answers[q]
        number = page.locator(f'fieldset[data-question="{q}"] input[inputmode=numeric]')
        if number.count() and value != UNKNOWN:
            number.fill(str(value))
        else:
            page.check(f'form[data-checklist="{checklist_id}"] input[name="{q}"][value="{value}"]')


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.id for s in SCENARIOS])
def test_scenario_reaches_its_outcome_in_the_browser(page, base_url, scenario):
    checklist = CHECKLISTS[scenario.checklist]
    result = evaluate(checklist, scenario.answers)
    assert result.outcome == scenario.expect, "the Python evaluator agrees with the scenario"
    page.goto(f"{base_url}/{scenario.checklist}.html")
    _answer_by_clicks(page, scenario.checklist, scenario.answers, result.asked)
    assert page.locator("[data-outcome]").get_attribute("data-outcome") == scenario.expect
    text = page.locator("[data-outcome]").inner_text()
    outcome = next(o for o in checklist.outcomes if o.id == scenario.expect)
    assert outcome.title in text
    for q in result.unknown:
        assert next(x.text for x in checklist.questions if x.id == q) in text, "names what to clarify"


def _case(checklist_id: str, outcome: str | None = None):
    case = next(s for s in SCENARIOS if s.checklist == checklist_id and (outcome is None or s.expect == outcome))
    return case, evaluate(CHECKLISTS[checklist_id], case.answers)


def test_citizen_answers_stay_in_the_address_for_a_bookmark_and_come_back_on_back(page, base_url):
    case, result = _case("tjek-borger", "kan-soege")
    page.goto(f"{base_url}/tjek-borger.html")
    _answer_by_clicks(page, "tjek-borger", case.answers, result.asked)
    bookmarked = page.url
    assert "#svar=" in bookmarked
    fresh = page.context.new_page()
    fresh.goto(bookmarked)
    assert fresh.locator("[data-outcome]").get_attribute("data-outcome") == case.expect
    fresh.close()
    page.goto(f"{base_url}/kilder.html")
    page.go_back()
    assert "#svar=" in page.url
    assert page.locator("[data-outcome]").get_attribute("data-outcome") == case.expect
    notice = page.locator(".notice-privacy").inner_text()
    assert "adresse" in notice and "bogmærke" in notice


@pytest.mark.parametrize("checklist_id", ["tjek-medarbejder", "tjek-partner"])
def test_staff_and_partner_answers_enter_the_address_only_when_a_link_is_asked_for(page, base_url, checklist_id):
    case, result = _case(checklist_id)
    page.goto(f"{base_url}/{checklist_id}.html")
    assert page.locator("form[data-checklist]").get_attribute("autocomplete") == "off"
    assert "beder om et link" in page.locator(".notice-privacy").inner_text()
    _answer_by_clicks(page, checklist_id, case.answers, result.asked)
    assert page.locator("[data-outcome]").get_attribute("data-outcome") == case.expect
    assert "#svar=" not in page.url, "answers about someone else stay out of the address and the history"
    page.click("[data-action=link]")
    link = page.locator(".answers-link input").input_value()
    assert "#svar=" in page.url and link == page.url
    fresh = page.context.new_page()
    fresh.goto(link)
    assert fresh.locator("[data-outcome]").get_attribute("data-outcome") == case.expect
    assert "#svar=" in fresh.url, "a link the user made is kept until an answer changes"
    fresh.locator(f'fieldset[data-question="{result.asked[0]}"] input').first.click()
    fresh.locator(f'fieldset[data-question="{result.asked[0]}"] input').nth(1).click()
    assert "#svar=" not in fresh.url, "a changed case leaves the address"
    fresh.close()


def test_a_hostile_fragment_is_ignored_without_errors(page, base_url):
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    for fragment in ["__proto__:yes", "constructor:yes;toString:no", "egen-virksomhed:__proto__;ejere:1e3",
                     "egen-virksomhed:yes;ejere:%E0%A4%A", "ejere:١", ":;;:x"]:
        page.goto(f"{base_url}/tjek-borger.html#svar={fragment}")
        page.reload()
        assert page.locator("form[data-checklist] fieldset").first.is_visible()
    assert not errors, errors


def test_arabic_indic_digits_are_refused_in_the_page_as_on_the_command_line(page, base_url):
    page.goto(f"{base_url}/tjek-borger.html")
    page.check('input[name="egen-virksomhed"][value="yes"]')
    page.fill('fieldset[data-question="ejere"] input[inputmode=numeric]', "١")
    error = page.locator('fieldset[data-question="ejere"] .field-error')
    assert error.is_visible() and "helt tal" in error.inner_text()
    assert page.locator('fieldset[data-question="revalidering"]').is_hidden()
    cli = run_generator("evaluate", "tjek-borger", "-a", "egen-virksomhed=yes", "-a", "ejere=١")
    assert cli.returncode == 2 and "is not a whole number" in cli.stderr


def _tab_to(page, selector: str, limit: int = 80) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => !!document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"could not reach {selector} with Tab")


def _keyboard_answer(page, checklist_id, q, value):
    fs = f'form[data-checklist="{checklist_id}"] fieldset[data-question="{q}"]'
    number = page.locator(f"{fs} input[inputmode=numeric]")
    if number.count() and value != UNKNOWN:
        _tab_to(page, f"{fs} input[inputmode=numeric]")
        page.keyboard.type(str(value))
        return
    if number.count():
        _tab_to(page, f"{fs} input[type=checkbox]")
        page.keyboard.press("Space")
        return
    _tab_to(page, f"{fs} input[type=radio]")
    if not page.evaluate("() => document.activeElement.checked"):
        page.keyboard.press("Space")
    for _ in range(12):
        if page.evaluate("() => document.activeElement.value") == value:
            break
        page.keyboard.press("ArrowDown")
    assert page.evaluate("() => document.activeElement.checked && document.activeElement.value") == value


@pytest.mark.parametrize("checklist_id", list(CHECKLISTS))
def test_checklist_can_be_completed_with_the_keyboard_alone(page, base_url, checklist_id):
    scenario = next(s for s in SCENARIOS if s.checklist == checklist_id and
                    evaluate(CHECKLISTS[checklist_id], s.answers).outcome != "afklar")
    result = evaluate(CHECKLISTS[checklist_id], scenario.answers)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{base_url}/{checklist_id}.html")
    for q in result.asked:
        _keyboard_answer(page, checklist_id, q, scenario.answers[q])
        outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
        assert outline != "none", "the focused answer has a visible focus ring"
    assert page.locator("[data-outcome]").get_attribute("data-outcome") == scenario.expect
    # "Ret svaret" takes the reader back to the question, with the answer kept.
    first = result.asked[0]
    _tab_to(page, "[data-outcome] a.change-answer")
    page.keyboard.press("Enter")
    focused = page.evaluate("() => [document.activeElement.name, document.activeElement.value, "
                            "document.activeElement.checked || document.activeElement.type === 'text']")
    assert focused == [first, str(scenario.answers[first]), True]
    # Start over, by keyboard too.
    _tab_to(page, "[data-action=restart]")
    page.keyboard.press("Enter")
    assert page.locator("[data-outcome]").get_attribute("data-outcome") == ""
    SHOTS.mkdir(parents=True, exist_ok=True)


@pytest.mark.parametrize("checklist_id", list(CHECKLISTS))
def test_without_javascript_every_question_and_outcome_is_a_printable_checklist(browser, base_url, checklist_id):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base_url}/{checklist_id}.html")
    checklist = CHECKLISTS[checklist_id]
    for q in checklist.questions:
        fs = page.locator(f'fieldset[data-question="{q.id}"]')
        assert fs.is_visible()
        assert q.text in fs.locator("legend").inner_text()
        if q.ask_if is not None:
            assert "Svar kun, hvis" in fs.inner_text()
    for o in checklist.outcomes:
        section = page.locator(f'.outcome-list [data-outcome-id="{o.id}"]')
        assert section.is_visible()
        assert "Gælder, hvis" in section.inner_text()
    context.close()


@pytest.mark.parametrize("checklist_id", list(CHECKLISTS))
def test_without_javascript_enter_in_a_field_sends_nothing(browser, base_url, checklist_id):
    """Found by the hostile-input probe: with the script off, Enter in the number field submitted the form, and
    the answers went to the server in the address (?egen-virksomhed=yes&ejere=3)."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    requests = []
    page.goto(f"{base_url}/{checklist_id}.html")
    page.on("request", lambda request: requests.append(request.url))
    fields = page.locator(f'form[data-checklist="{checklist_id}"] input:visible')
    assert fields.count() > 0
    for n in range(fields.count()):
        field = fields.nth(n)
        if field.get_attribute("type") in ("radio", "checkbox"):
            field.check()
        else:
            field.fill("3")
        field.press("Enter")
    page.wait_for_load_state()
    assert requests == [] and "?" not in page.url, (requests, page.url)
    context.close()


def _screens(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    for label, width, height in (("desktop", 1280, 900), ("phone", 390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        page.evaluate("() => window.scrollTo(0, 0)")
        page.screenshot(path=str(SHOTS / f"{label}-{name}.png"), full_page=True)


def test_staff_result_gives_a_journal_note_and_prints_cleanly(page, base_url):
    scenario = next(s for s in SCENARIOS if s.id == "medarbejder-foertidspensionist-med-restarbejdsevne")
    checklist = CHECKLISTS["tjek-medarbejder"]
    result = evaluate(checklist, scenario.answers)
    page.goto(f"{base_url}/tjek-medarbejder.html")
    _answer_by_clicks(page, "tjek-medarbejder", scenario.answers, result.asked)
    note = page.locator(".journal textarea").input_value()
    outcome = next(o for o in checklist.outcomes if o.id == scenario.expect)
    assert re.search(r"Dato: \d{1,2}\. \w+ \d{4}", note)
    assert outcome.title in note and outcome.explanation in note
    for q in result.asked:
        assert next(x.text for x in checklist.questions if x.id == q) in note
    assert "Lovgrundlag: Lov om aktiv socialpolitik, § 46, stk. 2" in note
    _screens(page, "tjek-medarbejder-result")
    pdf = page.pdf(format="A4", print_background=True)
    (SHOTS / "print-journal.pdf").write_bytes(pdf)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert outcome.title in text
    assert "Spørgsmål 1." not in text.split("Resultat")[0], "printout starts with the result, not the form"


def test_partner_result_prints_as_a_one_page_referral_sheet(page, base_url):
    scenario = next(s for s in SCENARIOS if s.id == "partner-kontanthjaelp-henvises")
    checklist = CHECKLISTS["tjek-partner"]
    result = evaluate(checklist, scenario.answers)
    page.goto(f"{base_url}/tjek-partner.html")
    _answer_by_clicks(page, "tjek-partner", scenario.answers, result.asked)
    _screens(page, "tjek-partner-result")
    pdf = page.pdf(format="A4", print_background=True)
    (SHOTS / "print-referral.pdf").write_bytes(pdf)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    outcome = next(o for o in checklist.outcomes if o.id == scenario.expect)
    for expected in [outcome.title, "Kontakt", "Det skal personen have med", *outcome.bring, *outcome.next_steps]:
        assert " ".join(expected.split()) in " ".join(text.split()), expected


def test_a_partner_outcome_that_refers_no_one_is_a_result_not_a_referral_sheet(page, base_url):
    checklist = CHECKLISTS["tjek-partner"]
    for scenario in (s for s in SCENARIOS if s.checklist == "tjek-partner"):
        outcome = next(o for o in checklist.outcomes if o.id == scenario.expect)
        page.goto(f"{base_url}/tjek-partner.html")
        _answer_by_clicks(page, "tjek-partner", scenario.answers, evaluate(checklist, scenario.answers).asked)
        result = page.locator("[data-outcome]")
        expect(result).to_have_attribute("data-outcome", outcome.id)
        heading = result.locator("h2").first.inner_text()
        assert heading == ("Henvisning" if outcome.bring else "Resultat"), (scenario.id, heading)
        assert result.locator(".referral-actions button").count() == (1 if outcome.bring else 0), scenario.id
        assert ("Det skal personen have med" in result.inner_text()) == bool(outcome.bring), scenario.id


def test_citizen_result_screenshots(page, base_url):
    scenario = next(s for s in SCENARIOS if s.id == "borger-ved-ikke-om-revalidering")
    result = evaluate(CHECKLISTS["tjek-borger"], scenario.answers)
    page.goto(f"{base_url}/tjek-borger.html")
    _answer_by_clicks(page, "tjek-borger", scenario.answers, result.asked)
    assert page.locator("[data-outcome]").get_attribute("data-outcome") == "afklar"
    _screens(page, "tjek-borger-result")


def test_answers_are_not_stored_or_sent(page, base_url):
    requests = []
    page.on("request", lambda r: requests.append(r))
    page.clock.install()   # the page's timers run on a clock the test can move on
    open_settled(page, f"{base_url}/tjek-borger.html")
    before = len(requests)
    scenario = next(s for s in SCENARIOS if s.id == "borger-revalidend-alene")
    _answer_by_clicks(page, "tjek-borger", scenario.answers, evaluate(CHECKLISTS["tjek-borger"], scenario.answers).asked)
    expect(page.locator("[data-outcome]")).to_have_attribute("data-outcome", scenario.expect)
    page.clock.run_for("01:00")   # every timer the answers started, up to a minute on, has fired: a delayed send too
    page.evaluate(SETTLE)
    after = requests[before:]
    assert all(r.method == "GET" and r.post_data is None and r.resource_type not in ("fetch", "xhr", "websocket",
               "eventsource", "ping") and "?" not in r.url for r in after), "answering sends nothing"
    assert not any(v in r.url for r in after for v in ("svar", "revalidering")), [r.url for r in after]
    storage = page.evaluate("() => [localStorage.length, sessionStorage.length, document.cookie]")
    assert storage == [0, 0, ""]
    assert page.context.cookies() == []
