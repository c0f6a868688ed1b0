"""Say a checklist's conditions and answers in plain Danish, for the page without JavaScript and for print."""

from __future__ import annotations

from generator.i18n import _
from generator.checklist.logic import UNKNOWN
from generator.scheme.model import Checklist, Condition, Question

# Danish source texts; translated with _() where they are shown (a language is active only while rendering).
YES_NO_LABELS = {"yes": "Ja", "no": "Nej"}
UNKNOWN_LABEL = "Ved ikke"
VERDICT_LABELS = {"yes": "Ja", "no": "Nej", "maybe": "Måske", "assess": "Det skal vurderes"}


def verdict_label(verdict: str) -> str:
    """'Ja', 'Nej', 'Måske' or 'Det skal vurderes', in the active language."""
    return _(VERDICT_LABELS[verdict])


def answer_options(question: Question) -> list[tuple[str, str]]:
    """(value, label) of every answer a yes/no or choice question offers, 'Ved ikke' last."""
    if question.kind == "yes_no":
        options = [(value, _(label)) for value, label in YES_NO_LABELS.items()]
    else:
        options = [(o.value, o.label) for o in question.options]
    return options + ([(UNKNOWN, _(UNKNOWN_LABEL))] if question.unknown else [])


def answer_label(question: Question, value) -> str:
    if value == UNKNOWN:
        return _(UNKNOWN_LABEL)
    if question.kind == "number":
        return str(value)
    return dict(answer_options(question)).get(str(value), str(value))


def describe(checklist: Checklist, cond: Condition, nested: bool = False) -> str:
    """E.g. 'svaret på spørgsmål 2 er «Nej» og svaret på spørgsmål 3 er mindst 2'."""
    numbers = {q.id: n for n, q in enumerate(checklist.questions, start=1)}
    by_id = {q.id: q for q in checklist.questions}
    if cond.all is not None or cond.any is not None:
        parts = [describe(checklist, c, nested=True) for c in (cond.all or cond.any)]
        text = (_(" og ") if cond.all is not None else _(" eller ")).join(parts)
        return f"({text})" if nested and len(parts) > 1 else text
    if cond.not_ is not None:
        return _("det ikke gælder, at %(condition)s", condition=describe(checklist, cond.not_, nested=True))
    question = by_id[cond.q]
    n = numbers[cond.q]
    if cond.is_ is not None:
        return _("svaret på spørgsmål %(n)s er «%(answer)s»", n=n, answer=answer_label(question, cond.is_))
    if cond.in_ is not None:
        labels = [f"«{answer_label(question, v)}»" for v in cond.in_]
        answers = ", ".join(labels[:-1]) + _(" eller ") + labels[-1] if len(labels) > 1 else labels[0]
        return _("svaret på spørgsmål %(n)s er %(answers)s", n=n, answers=answers)
    tests = (("gte", "svaret på spørgsmål %(n)s er mindst %(limit)s"),
             ("gt", "svaret på spørgsmål %(n)s er mere end %(limit)s"),
             ("lte", "svaret på spørgsmål %(n)s er højst %(limit)s"),
             ("lt", "svaret på spørgsmål %(n)s er mindre end %(limit)s"))
    for key, pattern in tests:
        limit = getattr(cond, key)
        if limit is not None:
            shown = int(limit) if float(limit).is_integer() else limit
            return _(pattern, n=n, limit=shown)
    raise AssertionError("validated conditions always have a test")
