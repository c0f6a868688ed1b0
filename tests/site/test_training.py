"""The ambassadors' training: modules from data, quizzes whose every answer has an explanation and a reference,
immediate feedback in the browser that stores nothing, and clear errors for a broken quiz."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.scheme.loader import load
from generator.scheme.problems import InputError

from support import REPO, RULES, with_sources

RULES_MODEL = load(RULES)
SHOTS = REPO / "build" / "screenshots"
TRAINING = RULES_MODEL.training


def module_page(module_id: str) -> str:
    return f"ambassadoeruddannelse-{module_id}.html"


def test_every_quiz_question_has_an_explanation_and_most_name_a_rule_or_the_law():
    # That each reference resolves is load()'s job, proven by the broken quizzes below; this is what it does not
    # enforce: an explanation worth reading, a place in the source, and a rule or law behind most answers.
    questions = [q for mod in TRAINING.modules for q in mod.quiz]
    assert len(questions) >= 8
    for q in questions:
        assert len(q.explanation) > 40, q.id
        assert q.locator, f"{q.id}: the quote's place in the source is derived"
    assert sum(1 for q in questions if q.rule or q.legal) >= len(questions) - 2, "most name a rule or the law"


def test_module_pages_show_goals_facts_and_quizzes(built_site):
    for mod in TRAINING.modules:
        doc = BeautifulSoup((built_site / module_page(mod.id)).read_text(encoding="utf-8"), "html.parser")
        goals = [li.get_text(strip=True) for li in doc.select(".notice-goals li")]
        assert goals == mod.goals
        forms = doc.select("form.quiz[data-module=quiz]")
        assert [f["data-quiz"] for f in forms] == [q.id for q in mod.quiz]
        for form, q in zip(forms, mod.quiz):
            explanation = form.select_one("details.quiz-explanation")
            assert explanation.get_text(" ", strip=True).count(q.explanation.split()[0]) >= 1
            citation = explanation.select_one("details.citation")
            assert citation["data-source"] == q.source and citation.select("[data-quote-source]"), q.id
            refs = explanation.select_one("p.refs")
            if q.rule:
                assert refs.select_one("a[data-ref=rule]")["href"].endswith(f"#regel-{q.rule}")
            if q.legal:
                assert refs.select_one("a[data-ref=legal]")["href"].endswith(f"#lov-{q.legal}")
    overview = BeautifulSoup((built_site / "ambassadoeruddannelse.html").read_text(encoding="utf-8"), "html.parser")
    assert len(overview.select("ol.training-modules > li")) == len(TRAINING.modules)


def test_discussion_and_cases_are_on_the_pages(built_site):
    for mod in TRAINING.modules:
        doc = BeautifulSoup((built_site / module_page(mod.id)).read_text(encoding="utf-8"), "html.parser")
        topics = [li.find(string=True, recursive=False).strip() for li in doc.select("ul.discussion > li")]
        assert topics == ([t.text for t in RULES_MODEL.inspiration.topics] if mod.discussion else [])
        cases = doc.select("ul.training-cases li a[href*='#svar=']")
        assert bool(cases) == bool(mod.cases_from), mod.id
        for link in cases:
            assert link["href"].startswith(f"{mod.cases_from}.html#svar=")


@pytest.mark.parametrize("change, words", [
    (("          answer: revalidender\n", "          answer: revalidend\n"),
     ["answer 'revalidend' is not one of the options' values", "set answer to the value"]),
    (("          rule: ingen-kooperativer\n", "          rule: ingen-kooperativ\n"),
     ["unknown rule 'ingen-kooperativ'", "Did you mean 'ingen-kooperativer'?"]),
    (("          legal: las-46-2\n", "          legal: las-46-9\n"),
     ["unknown legal excerpt 'las-46-9'", "Did you mean 'las-46-2'?"]),
    (("          rule: ingen-kooperativer\n          source: kk-2015\n",
      "          rule: ingen-kooperativer\n          source: kk-2016\n"),
     ["unknown source 'kk-2016'", "Did you mean 'kk-2015'?"]),
], ids=["answer-not-an-option", "unknown-rule", "unknown-legal-excerpt", "unknown-source"])
def test_a_broken_quiz_is_refused_with_its_line_and_the_fix(tmp_path, change, words):
    text = RULES.read_text(encoding="utf-8")
    assert change[0] in text
    path = with_sources(tmp_path) / "rules.yaml"
    path.write_text(text.replace(change[0], change[1], 1), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load(path)
    message = str(caught.value)
    changed = text[: text.index(change[0]) + len(change[0].rstrip("\n"))].count("\n") + 1   # its last line
    question = text[: text.index(change[0])].rfind("        - id: quiz-")
    start = text[:question].count("\n") + 1
    reported = int(message.split("rules.yaml:")[1].split(":")[0])
    assert start <= reported <= changed, (start, reported, changed, message)
    for word in words:
        assert word in message, message


def test_quiz_gives_immediate_feedback_and_stores_nothing(page, base_url):
    mod = TRAINING.modules[0]
    q = mod.quiz[0]
    wrong = next(o for o in q.options if o.value != q.answer)
    right = next(o for o in q.options if o.value == q.answer)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{base_url}/{module_page(mod.id)}")
    form = page.locator(f"form[data-quiz={q.id}]")
    assert not form.locator("details.quiz-explanation").is_visible(), "the answer waits for the reader's try"
    # Keyboard only: focus the first option, move to the wrong one with the arrow keys, check with the button.
    form.locator("input[type=radio]").first.focus()
    page.keyboard.press("Space")
    options = [o.value for o in q.options]
    for _ in range(options.index(wrong.value)):
        page.keyboard.press("ArrowDown")
    assert form.locator(f"input[value={wrong.value}]").is_checked()
    form.locator("[data-action=check]").focus()
    page.keyboard.press("Enter")
    feedback = form.locator(".quiz-feedback")
    assert feedback.get_attribute("data-result") == "wrong"
    text = feedback.inner_text()
    assert "Ikke rigtigt" in text and right.label in text and q.explanation[:40] in text
    link = feedback.locator("a[data-ref=rule], a[data-ref=legal]").first
    href = link.get_attribute("href")
    SHOTS.mkdir(parents=True, exist_ok=True)
    form.scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / "quiz-wrong-answer.png"), full_page=False)
    form.locator(f"input[value={right.value}]").check()
    form.locator("[data-action=check]").click()
    assert feedback.get_attribute("data-result") == "right" and "Rigtigt" in feedback.inner_text()
    storage = page.evaluate("() => [localStorage.length, sessionStorage.length, document.cookie]")
    assert storage == [0, 0, ""]
    link = page.locator(f"form[data-quiz={q.id}] .quiz-feedback a[data-ref]").first
    link.click()
    page.wait_for_load_state()
    target = href.split("#")[1]
    assert page.url.endswith(href.split("/")[-1]) and page.locator(f"[id='{target}']").count() == 1


def test_without_javascript_the_answer_is_in_a_details(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base_url}/{module_page(TRAINING.modules[0].id)}")
    first = page.locator("form.quiz details.quiz-explanation").first
    assert first.is_visible()
    assert not page.locator("form.quiz [data-action=check]").first.is_visible(), "no dead button without JS"
    first.locator("> summary").click()
    assert "Det rigtige svar er" in first.inner_text()
    context.close()


def test_training_pages_are_in_the_navigation(built_site):
    doc = BeautifulSoup((built_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    nav = " ".join(a.get_text(" ", strip=True) for a in doc.select("nav.md-nav--primary a"))
    for n, mod in enumerate(TRAINING.modules, start=1):
        assert mod.title in nav
    assert Path(built_site / "ambassadoeruddannelse.html").exists()
