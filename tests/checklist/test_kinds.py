"""Question kinds: one rule for answers everywhere. Each kind's parse and branch rule in Python and in the page's
script (checklist.js, run under Node) give the same result on one table of answers; each kind has its module,
its partial and its entry in the script; the scaffold's examples of the kinds validate."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess

import pytest

from generator.checklist.graph import graph_of
from generator.checklist.kinds import KINDS, AnswerError
from generator.checklist.kinds.date import half_months, months_back
from generator.scheme.loader import load
from generator.site.render import checklist_data

from support import FIXTURES, REPO, run_generator, with_sources

SCRIPT = REPO / "generator" / "site" / "assets" / "checklist.js"
KINDS_RULES = load(FIXTURES / "kinds" / "rules.yaml")
TILSKUD = KINDS_RULES.checklists[0]
NODE = shutil.which("node")

# Texts a reader might type or an address might hold, per question of the fixture (one question per kind).
ANSWERS = {
    "bor": ["yes", "no", "ja", "YES", "", "__proto__"],
    "boern": ["0", "12", "13", "-1", "3.0", "1e1", "١", "٣", " 4", "007", "", "+2", "0x1", "9" * 5000,
              "0" * 30 + "7"],
    "indkomst": ["20000", "20.000", "20.000/month", "240000/year", "1.000.000/year", "20,000", "20.00", "20000/week",
                 "999999999", "1000000000", "20000/", "/month", "٢٠٠٠٠", "0", "9" * 5000 + "/month",
                 "0" * 30 + "20000"],
    "foedt": ["2001-05-17", "2001-5-17", "2001-02-29", "2000-02-29", "0999-12-31", "1000-01-01", "9998-12-31",
              "9999-01-01", "17-05-2001", "2001-13-01", "2001-00-10", "٢٠٠١-٠٥-١٧", ""],
    "ydelser": ["none", "kontanthjaelp", "kontanthjaelp,su", "su,kontanthjaelp", "none,su", "kontanthjalp", "",
                "loen,loen", "__proto__", "kontanthjaelp,"],
}


def python_reads(question, text: str) -> str | None:
    try:
        return question.text_of(question.parse_value(text.strip()) if text.strip() != "unknown" else "unknown")
    except AnswerError:
        return None


def node(script: str, data) -> object:
    if NODE is None:
        pytest.fail("Node is missing: the script's rules cannot be checked without it (apt-get install nodejs)")
    out = subprocess.run([NODE, "-e", script, str(SCRIPT)], input=json.dumps(data), capture_output=True, text=True,
                         timeout=60)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


PARSE_IN_NODE = """
const {KINDS} = require(process.argv[1]);
let input = ''; process.stdin.on('data', d => input += d).on('end', () => {
  const out = JSON.parse(input).map(([kind, info, text]) => {
    const value = KINDS[kind].parse(text.trim(), info);
    return value === null ? null : KINDS[kind].text(value, info);
  });
  process.stdout.write(JSON.stringify(out));
});
"""


def test_every_kind_reads_answers_by_one_rule_in_python_and_in_the_page():
    info = checklist_data(KINDS_RULES, TILSKUD)["questions"]
    questions = {q.id: q for q in TILSKUD.questions}
    cases = [(qid, text) for qid, texts in ANSWERS.items() for text in texts]
    assert {questions[q].kind for q, _ in cases} >= set(KINDS) - {"choice"}, "every kind is in the table"
    expected = [python_reads(questions[q], t) for q, t in cases]
    got = node(PARSE_IN_NODE, [[questions[q].kind, info[q], t] for q, t in cases])
    differ = [(case, e, g) for case, e, g in zip(cases, expected, got) if e != g]
    assert not differ, differ
    assert expected[ANSWERS["boern"].index("١") + len(ANSWERS["bor"])] is None, "Arabic-Indic digits are refused"
    assert python_reads(questions["indkomst"], "20.000") == "20000/month"


BRANCH_IN_NODE = """
const {KINDS} = require(process.argv[1]);
let input = ''; process.stdin.on('data', d => input += d).on('end', () => {
  const out = JSON.parse(input).map(([kind, info, text, day]) => {
    const [y, m, d] = day.split('-').map(Number);
    return KINDS[kind].branch(KINDS[kind].parse(text, info), info, {y, m, d});
  });
  process.stdout.write(JSON.stringify(out));
});
"""


def _dates() -> list[dt.date]:
    days = [dt.date(2024, 2, 29), dt.date(2025, 3, 31), dt.date(2026, 1, 31), dt.date(2026, 6, 15),
            dt.date(2026, 12, 31), dt.date(2027, 2, 28)]
    return days


def test_every_kind_finds_the_same_branch_in_python_and_in_the_page():
    """Around every limit (18 years, 6 months, 1 January 2024, 10.000 kr. a month), on awkward days of use."""
    graph = graph_of(TILSKUD)
    info = checklist_data(KINDS_RULES, TILSKUD)["questions"]
    questions = graph.questions
    cases = []
    for day in _dates():
        for years in (17, 18, 19):
            anniversary = months_back(day, 12 * years)
            for shift in (-1, 0, 1):
                cases.append(("foedt", (anniversary + dt.timedelta(days=shift)).isoformat(), day))
        for months in (5, 6, 7):
            anniversary = months_back(day, months)
            for shift in (-1, 0, 1):
                cases.append(("ansat", (anniversary + dt.timedelta(days=shift)).isoformat(), day))
        for text in ("2023-12-31", "2024-01-01", "2024-01-02"):
            cases.append(("soegt", text, day))
    for text in ("10000/month", "10001/month", "120000/year", "120001/year", "0", "9999/month", "1.000.000/year"):
        cases.append(("indkomst", text, dt.date(2026, 6, 15)))
    for text in ("none", "su", "loen", "kontanthjaelp,loen", "sygedagpenge", "su,loen,sygedagpenge"):
        cases.append(("ydelser", text, dt.date(2026, 6, 15)))
    for text in ("0", "5", "12"):
        cases.append(("boern", text, dt.date(2026, 6, 15)))
    expected = []
    for qid, text, day in cases:
        q = questions[qid]
        expected.append(q.key(q.measure(q.parse(text), graph.routes[qid], day), graph.routes[qid]))
    got = node(BRANCH_IN_NODE, [[questions[q].kind, info[q], t, d.isoformat()] for q, t, d in cases])
    differ = [(case, e, g) for case, e, g in zip(cases, expected, got) if e != g]
    assert not differ, differ
    assert None not in expected


@pytest.mark.parametrize("day,born,years_old", [
    (dt.date(2026, 6, 15), dt.date(2008, 6, 15), 18),      # the 18th birthday itself
    (dt.date(2026, 6, 14), dt.date(2008, 6, 15), 17),
    (dt.date(2026, 2, 28), dt.date(2008, 2, 29), 17),      # born on 29 February: 18 on 1 March in a common year
    (dt.date(2026, 3, 1), dt.date(2008, 2, 29), 18),
])
def test_an_age_from_a_birth_date_counts_whole_years(day, born, years_old):
    assert half_months(born, day) // 24 == years_old


def test_months_before_a_day_keep_to_the_end_of_shorter_months():
    assert months_back(dt.date(2026, 3, 31), 1) == dt.date(2026, 2, 28)
    assert months_back(dt.date(2024, 3, 31), 1) == dt.date(2024, 2, 29)
    assert months_back(dt.date(2026, 1, 15), -1) == dt.date(2026, 2, 15)
    assert half_months(dt.date(2025, 12, 15), dt.date(2026, 6, 15)) == 12        # exactly 6 months: even
    assert half_months(dt.date(2025, 12, 14), dt.date(2026, 6, 15)) == 13        # a day more: between


def test_an_amount_is_compared_after_converting_its_period():
    graph = graph_of(TILSKUD)
    q, route = graph.questions["indkomst"], graph.routes["indkomst"]
    monthly, yearly = q.parse("10.000/month"), q.parse("120000/year")
    assert q.measure(monthly, route) == q.measure(yearly, route) == 120000
    assert q.key(q.measure(monthly, route), route) == q.key(q.measure(yearly, route), route)


def test_multiple_choice_branches_are_the_classes_the_conditions_tell_apart():
    graph = graph_of(TILSKUD)
    keys = [b.key for b in graph.branches["ydelser"]]
    assert "sygedagpenge" not in keys, "always tested together with kontanthjælp: the same class"
    assert keys[0] == "none" and keys[-1] == "unknown"
    q, route = graph.questions["ydelser"], graph.routes["ydelser"]
    assert q.key(frozenset({"sygedagpenge"}), route) == "kontanthjaelp"


def test_adding_a_kind_means_its_module_its_partial_and_its_browser_hook():
    script = SCRIPT.read_text(encoding="utf-8")
    templates = REPO / "generator" / "site" / "templates" / "questions"
    modules = REPO / "generator" / "checklist" / "kinds"
    for name, cls in KINDS.items():
        assert (modules / f"{cls.__module__.rsplit('.', 1)[1]}.py").is_file()
        assert (templates / f"{name}.html.j2").is_file(), name
        assert re.search(rf"KINDS\.{name} = ", script), name


def test_the_scaffolds_examples_of_each_kind_validate(tmp_path):
    text = (REPO / "generator" / "scaffold" / "files" / "rules.yaml").read_text(encoding="utf-8")
    start = text.index("      # More kinds of question")
    end = text.index("    outcomes:", start)
    block = text[start:end].splitlines()[1:]
    uncommented = "\n".join(line.replace("      # ", "      ", 1).split("   # ")[0].split("  # ")[0].rstrip()
                            for line in block if not line.strip().startswith("#   #")) + "\n"
    path = with_sources(tmp_path) / "rules.yaml"
    path.write_text(text[:start] + uncommented + text[end:], encoding="utf-8")
    checklist = load(path).checklists[0]
    assert [q.kind for q in checklist.questions] == ["yes_no", "multiple", "date", "amount"]


def test_the_command_line_takes_every_kind_in_the_same_syntax_as_scenarios():
    from generator.commands.evaluate import UsageError, report

    answers = ["bor=yes", "foedt=1990-05-01", "ydelser=sygedagpenge,su", "indkomst=8.000/month", "boern=2"]
    found = report(KINDS_RULES, "tjek-tilskud", answers, dt.date(2026, 6, 15))
    assert found["outcome"] == "tilskud" and found["today"] == "2026-06-15"
    assert {r["question"]: r["answer"] for r in found["reasons"]}["indkomst"] == "8000/month"
    assert report(KINDS_RULES, "tjek-tilskud", answers[:2], dt.date(2026, 6, 15))["next_question"]["kind"] == "multiple"
    assert report(KINDS_RULES, "tjek-tilskud", answers[:2], dt.date(2007, 6, 15))["outcome"] == "for-ung"
    with pytest.raises(UsageError, match="'none' cannot be combined"):
        report(KINDS_RULES, "tjek-tilskud", ["bor=yes", "foedt=1990-05-01", "ydelser=none,su"])


def test_evaluate_takes_the_day_of_use_on_the_command_line():
    out = run_generator("evaluate", "--rules", str(FIXTURES / "kinds" / "rules.yaml"), "tjek-tilskud", "-a", "bor=yes",
                        "-a", "foedt=2008-06-15", "--today", "2026-06-14", "--json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["outcome"] == "for-ung", "the 18th birthday is tomorrow"
