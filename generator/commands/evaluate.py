"""`python -m generator evaluate CHECKLIST -a Q=V …`: run a checklist for some answers; print the outcome and why.

Each answer is read by its question's kind (`parse`): the same rule as in scenarios and in the page's address.
"""

from __future__ import annotations

import datetime as dt
import json
import sys

from generator.checklist.describe import verdict_label
from generator.checklist.graph import graph_of
from generator.checklist.kinds import AnswerError
from generator.scheme.loader import load
from generator.scheme.model import Rules
from generator.scheme.problems import did_you_mean

HELP = "run a checklist for some answers and print the outcome and why"


def arguments(parser) -> None:
    parser.add_argument("checklist", help="the checklist id, e.g. tjek-borger")
    parser.add_argument("--answer", "-a", action="append", default=[], metavar="QUESTION=VALUE",
                        help="an answer (repeat for each question), e.g. --answer revalidend=yes, -a ydelse=a,b "
                             "(multiple choice), -a foedt=2001-05-17, -a indkomst=20000/month")
    parser.add_argument("--today", type=_day, default=None, metavar="YYYY-MM-DD",
                        help="the day of use for questions that compare a date with today (default: today, or "
                             "SOURCE_DATE_EPOCH's day)")
    parser.add_argument("--json", action="store_true", help="print one JSON object (keys: outcome, reasons, …)")


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"'{text}' is not a date written YYYY-MM-DD") from None


def run(args) -> int:
    rules = load(args.rules)
    try:
        found = report(rules, args.checklist, args.answer, args.today)
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(found, ensure_ascii=False, indent=2) if args.json else as_text(found))
    return 0


class UsageError(Exception):
    """The command line names a checklist, question or answer that does not exist."""


def report(rules: Rules, checklist_id: str, pairs: list[str], day: dt.date | None = None) -> dict:
    checklists = {c.id: c for c in rules.checklists}
    if checklist_id not in checklists:
        raise UsageError(f"unknown checklist '{checklist_id}'.{did_you_mean(checklist_id, checklists)} "
                         f"Checklists: {', '.join(checklists) or 'none'}.")
    checklist = checklists[checklist_id]
    graph = graph_of(checklist)
    questions = graph.questions
    answers: dict = {}
    measures: dict = {}
    for pair in pairs:
        qid, sep, text = pair.partition("=")
        if not sep:
            raise UsageError(f"'{pair}' is not QUESTION=VALUE, e.g. --answer {checklist.questions[0].id}=yes.")
        if qid not in questions:
            raise UsageError(f"'{qid}' is not a question of '{checklist_id}'.{did_you_mean(qid, questions)} "
                             f"Questions: {', '.join(questions)}.")
        q = questions[qid]
        try:
            value = q.parse(text)
        except AnswerError as exc:
            raise UsageError(f"{exc.message} '{qid}' takes {exc.accepts}.") from None
        answers[qid] = value
        measures[qid] = value if value == "unknown" else q.measure(value, graph.routes[qid], day)
    result = graph.result(checklist, measures)
    out: dict = {"checklist": checklist.id, "outcome": result.outcome, "pending": result.pending,
                 "asked": list(result.asked)}
    if day is not None:
        out["today"] = day.isoformat()
    if result.pending:
        q = questions[result.pending]
        out["next_question"] = {"id": q.id, "kind": q.kind, "text": q.text, "answers": q.accepts()}
        out["reasons"] = []
        return out
    outcome = next(o for o in checklist.outcomes if o.id == result.outcome)
    out.update(
        verdict=outcome.verdict, verdict_label=verdict_label(outcome.verdict), title=outcome.title,
        explanation=outcome.explanation,
        reasons=[{"question": q, "text": questions[q].text, "answer": questions[q].text_of(answers[q]),
                  "label": questions[q].label(answers[q])} for q in result.reasons],
        unknown=list(result.unknown), rules=outcome.rules, legal=outcome.legal, next_steps=outcome.next_steps,
        contact=outcome.contact,
    )
    return out


def as_text(report: dict) -> str:
    if report["outcome"] is None:
        q = report["next_question"]
        return f"Not finished: the next question is '{q['id']}': {q['text']}\n  answers: {q['answers']}"
    verdict = f"{report['verdict_label']}: " if report["verdict_label"] else ""
    lines = [f"Outcome: {report['outcome']} ({verdict}{report['title']})", f"  {report['explanation']}"]
    if report["unknown"]:
        lines.append("Depends on answers given as 'Ved ikke':")
    elif report["reasons"]:
        lines.append("Because:")
    lines += [f"  - {r['text']} → {r['label']}" for r in report["reasons"]]
    if report["rules"] or report["legal"]:
        lines.append("Rules: " + ", ".join(report["rules"] + report["legal"]))
    return "\n".join(lines)
