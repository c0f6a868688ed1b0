"""Say a checklist's conditions and answers in plain Danish, for the page without JavaScript and for print."""

from __future__ import annotations

from .logic import UNKNOWN
from .model import Checklist, Condition, Question

YES_NO_LABELS = {"yes": "Ja", "no": "Nej"}
UNKNOWN_LABEL = "Ved ikke"
VERDICT_LABELS = {"yes": "Ja", "no": "Nej", "maybe": "Måske", "assess": "Det skal vurderes"}


def answer_options(question: Question) -> list[tuple[str, str]]:
    """(value, label) of every answer a yes/no or choice question offers, 'Ved ikke' last."""
    if question.kind == "yes_no":
        options = list(YES_NO_LABELS.items())
    else:
        options = [(o.value, o.label) for o in question.options]
    return options + ([(UNKNOWN, UNKNOWN_LABEL)] if question.unknown else [])


def answer_label(question: Question, value) -> str:
    if value == UNKNOWN:
        return UNKNOWN_LABEL
    if question.kind == "number":
        return str(value)
    return dict(answer_options(question)).get(str(value), str(value))


def describe(checklist: Checklist, cond: Condition, nested: bool = False) -> str:
    """E.g. 'svaret på spørgsmål 2 er «Nej» og svaret på spørgsmål 3 er mindst 2'."""
    numbers = {q.id: n for n, q in enumerate(checklist.questions, start=1)}
    by_id = {q.id: q for q in checklist.questions}
    if cond.all is not None or cond.any is not None:
        parts = [describe(checklist, c, nested=True) for c in (cond.all or cond.any)]
        text = (" og " if cond.all is not None else " eller ").join(parts)
        return f"({text})" if nested and len(parts) > 1 else text
    if cond.not_ is not None:
        return f"det ikke gælder, at {describe(checklist, cond.not_, nested=True)}"
    question = by_id[cond.q]
    subject = f"svaret på spørgsmål {numbers[cond.q]}"
    if cond.is_ is not None:
        return f"{subject} er «{answer_label(question, cond.is_)}»"
    if cond.in_ is not None:
        labels = [f"«{answer_label(question, v)}»" for v in cond.in_]
        return f"{subject} er {', '.join(labels[:-1]) + ' eller ' + labels[-1] if len(labels) > 1 else labels[0]}"
    for key, words in (("gte", "mindst"), ("gt", "mere end"), ("lte", "højst"), ("lt", "mindre end")):
        limit = getattr(cond, key)
        if limit is not None:
            shown = int(limit) if float(limit).is_integer() else limit
            return f"{subject} er {words} {shown}"
    raise AssertionError("validated conditions always have a test")
