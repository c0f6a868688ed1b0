"""`python -m generator evaluate CHECKLIST -a Q=V …`: run a checklist for some answers; print the outcome and why."""

from __future__ import annotations

import json
import sys

from generator.checklist.describe import answer_label, answer_options, verdict_label
from generator.checklist.logic import UNKNOWN, evaluate
from generator.scheme.model import Rules
from generator.scheme.loader import load
from generator.scheme.problems import did_you_mean

HELP = "run a checklist for some answers and print the outcome and why"


def arguments(parser) -> None:
    parser.add_argument("checklist", help="the checklist id, e.g. tjek-borger")
    parser.add_argument("--answer", "-a", action="append", default=[], metavar="QUESTION=VALUE",
                        help="an answer (repeat for each question), e.g. --answer revalidend=yes")
    parser.add_argument("--json", action="store_true", help="print one JSON object (keys: outcome, reasons, …)")


def run(args) -> int:
    rules = load(args.rules)
    try:
        found = report(rules, args.checklist, args.answer)
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(found, ensure_ascii=False, indent=2) if args.json else as_text(found))
    return 0


class UsageError(Exception):
    """The command line names a checklist, question or answer that does not exist."""


def report(rules: Rules, checklist_id: str, pairs: list[str]) -> dict:
    checklists = {c.id: c for c in rules.checklists}
    if checklist_id not in checklists:
        raise UsageError(f"unknown checklist '{checklist_id}'.{did_you_mean(checklist_id, checklists)} "
                         f"Checklists: {', '.join(checklists) or 'none'}.")
    checklist = checklists[checklist_id]
    questions = {q.id: q for q in checklist.questions}
    answers: dict[str, str | int] = {}
    for pair in pairs:
        qid, sep, value = pair.partition("=")
        if not sep:
            raise UsageError(f"'{pair}' is not QUESTION=VALUE, e.g. --answer {checklist.questions[0].id}=yes.")
        if qid not in questions:
            raise UsageError(f"'{qid}' is not a question of '{checklist_id}'.{did_you_mean(qid, questions)} "
                             f"Questions: {', '.join(questions)}.")
        q = questions[qid]
        if q.kind == "number" and value != UNKNOWN:
            if not value.lstrip("-").isdigit() or not q.min <= int(value) <= q.max:
                raise UsageError(f"'{qid}' takes a whole number from {q.min} to {q.max}; got '{value}'.")
            answers[qid] = int(value)
            continue
        allowed = [v for v, _ in answer_options(q)] if q.kind != "number" else [UNKNOWN]
        if value not in allowed:
            raise UsageError(f"'{value}' is not an answer to '{qid}'.{did_you_mean(value, allowed)} "
                             f"Answers: {', '.join(allowed)}.")
        answers[qid] = value
    result = evaluate(checklist, answers)
    report: dict = {"checklist": checklist.id, "outcome": result.outcome, "pending": result.pending,
                    "asked": list(result.asked)}
    if result.pending:
        q = questions[result.pending]
        report["next_question"] = {"id": q.id, "text": q.text,
                                   "answers": [v for v, _ in answer_options(q)] if q.kind != "number"
                                   else f"{q.min}..{q.max}" + (" or unknown" if q.unknown else "")}
        report["reasons"] = []
        return report
    outcome = next(o for o in checklist.outcomes if o.id == result.outcome)
    report.update(
        verdict=outcome.verdict, verdict_label=verdict_label(outcome.verdict), title=outcome.title,
        explanation=outcome.explanation,
        reasons=[{"question": q, "text": questions[q].text, "answer": answers[q],
                  "label": answer_label(questions[q], answers[q])} for q in result.reasons],
        unknown=list(result.unknown), rules=outcome.rules, legal=outcome.legal, next_steps=outcome.next_steps,
        contact=outcome.contact,
    )
    return report


def as_text(report: dict) -> str:
    if report["outcome"] is None:
        q = report["next_question"]
        answers = q["answers"] if isinstance(q["answers"], str) else ", ".join(q["answers"])
        return f"Not finished: the next question is '{q['id']}': {q['text']}\n  answers: {answers}"
    lines = [f"Outcome: {report['outcome']} ({report['verdict_label']}: {report['title']})",
             f"  {report['explanation']}"]
    if report["unknown"]:
        lines.append("Depends on answers given as 'Ved ikke':")
    elif report["reasons"]:
        lines.append("Because:")
    lines += [f"  - {r['text']} → {r['label']}" for r in report["reasons"]]
    if report["rules"] or report["legal"]:
        lines.append("Rules: " + ", ".join(report["rules"] + report["legal"]))
    return "\n".join(lines)
