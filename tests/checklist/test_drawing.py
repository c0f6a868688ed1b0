"""generator/checklist/drawing.py: the decision graph for staff, one box per question and outcome, an arrow for
every place an answer can lead, and a text equivalent that says the same in words."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from generator.checklist import drawing
from generator.checklist.graph import graph_of
from generator.scheme.loader import load

from support import FIXTURES, RULES, with_sources

SVG = "{http://www.w3.org/2000/svg}"
REAL = load(RULES).checklists


@pytest.fixture(scope="module")
def minimal(tmp_path_factory):
    folder = with_sources(tmp_path_factory.mktemp("drawing"))
    (folder / "rules.yaml").write_text((FIXTURES / "minimal.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    return load(folder / "rules.yaml").checklists[0]


def arrows_taken(checklist) -> set[tuple[str, str]]:
    """(question, 'q:<next>' or 'o:<outcome>') for every step of every answer path the checklist has."""
    graph = graph_of(checklist)
    taken = set()
    for measures, _leaf in graph.paths():
        result = graph.result(checklist, measures)
        targets = [f"q:{q}" for q in result.asked[1:]] + [f"o:{result.outcome}"]
        taken |= set(zip(result.asked, targets))
    return taken


def test_the_minimal_checklist_has_the_arrows_its_conditions_give(minimal):
    # med: Ja → antal (asked if 'yes'), Ved ikke → antal (asking is unknown, so it is asked), Nej → outcome 'nej'.
    # antal: 1 → 'ja' after Ja but 'maaske' after Ved ikke (one answer, two places), 2–10 → 'mange'.
    assert drawing.edges(minimal) == {
        "med": {"Ja": ["q:antal"], "Nej": ["o:nej"], "Ved ikke": ["q:antal"]},
        "antal": {"1": ["o:ja", "o:maaske"], "2–10": ["o:mange"], "Ved ikke": ["o:maaske"]},
    }


@pytest.mark.parametrize("checklist", REAL, ids=[c.id for c in REAL])
def test_every_step_of_every_answer_path_is_an_arrow_and_no_arrow_is_made_up(checklist):
    drawn = {(q, target) for q, by_label in drawing.edges(checklist).items()
             for targets in by_label.values() for target in targets}
    assert drawn == arrows_taken(checklist)


@pytest.mark.parametrize("checklist", REAL, ids=[c.id for c in REAL])
def test_the_picture_has_a_box_per_question_and_outcome_and_a_path_per_arrow(checklist):
    drawn = drawing.draw(checklist)
    svg = ET.fromstring(drawn.svg)
    assert svg.get("role") == "img"
    title = svg.find(f"{SVG}title")
    assert svg.get("aria-labelledby") == title.get("id") and checklist.title in title.text
    edges = drawing.edges(checklist)
    asked = [q for q in checklist.questions if edges[q.id]]
    boxes = svg.findall(f"{SVG}g")
    assert [g.get("class") for g in boxes] == ["node question-node"] * len(asked) + [
        f"node outcome-node verdict-{o.verdict}" for o in checklist.outcomes]
    # One path per (question, place) pair: answers that lead to the same place share one arrow and its label.
    places = sum(len({t for targets in edges[q.id].values() for t in targets}) for q in asked)
    assert len(svg.findall(f"{SVG}path[@class='edge']")) == places
    assert len(svg.findall(f"{SVG}text[@class='edge-label']")) == places


@pytest.mark.parametrize("checklist", REAL, ids=[c.id for c in REAL])
def test_the_text_equivalent_names_every_answer_and_every_place_it_leads(checklist):
    drawn = drawing.draw(checklist)
    edges = drawing.edges(checklist)
    numbers = {q.id: n for n, q in enumerate(checklist.questions, start=1)}
    titles = {o.id: o.title for o in checklist.outcomes}
    assert [s["question"] for s in drawn.steps] == [numbers[q] for q in edges if edges[q]]
    for step in drawn.steps:
        qid = next(q for q, n in numbers.items() if n == step["question"])
        assert [a["answer"] for a in step["answers"]] == list(edges[qid])
        for answer in step["answers"]:
            assert answer["targets"] == [f"spørgsmål {numbers[t[2:]]}" if t.startswith("q:")
                                         else f"resultatet «{titles[t[2:]]}»" for t in edges[qid][answer["answer"]]]


def test_texts_from_the_rules_are_escaped_in_the_picture(minimal):
    hostile = "<script>alert(1)</script> & \"mere\""
    changed = minimal.model_copy(update={
        "title": hostile,
        "outcomes": [o.model_copy(update={"title": hostile}) if o.id == "nej" else o for o in minimal.outcomes]})
    svg = drawing.draw(changed).svg
    assert "<script" not in svg
    parsed = ET.fromstring(svg)   # still well-formed XML: nothing from the data became an element
    assert hostile in parsed.find(f"{SVG}title").text
    box = next(g for g in parsed.findall(f"{SVG}g") if "verdict-no" in g.get("class")
               and "".join(g.itertext()).startswith("<script>"))
    assert "".join(box.itertext()).startswith("<script>alert(1)</script>")


def test_a_long_title_is_wrapped_into_at_most_three_rows_with_an_ellipsis(minimal):
    long = " ".join(["ordningens"] * 20)
    changed = minimal.model_copy(update={
        "outcomes": [o.model_copy(update={"title": long}) if o.id == "ja" else o for o in minimal.outcomes]})
    parsed = ET.fromstring(drawing.draw(changed).svg)
    box = next(g for g in parsed.findall(f"{SVG}g") if "verdict-yes" in g.get("class"))
    rows = [t.text for t in box.iter(f"{SVG}tspan")]
    assert len(rows) == 3 and rows[2].endswith("…") and all(len(r) <= 30 for r in rows)
