"""Say a checklist's conditions and answers in plain Danish, for the page without JavaScript and for print.

Each question kind says its own tests in words (`describe_test`); this module joins them with 'og', 'eller'
and 'det ikke gælder, at', and holds the words every kind shares.
"""

from __future__ import annotations

from generator.checklist.kinds import UNKNOWN
from generator.i18n import _
from generator.scheme.model import Checklist, Condition

UNKNOWN_LABEL = "Ved ikke"
# Danish source texts; translated with _() where they are shown (a language is active only while rendering).
VERDICT_LABELS = {"yes": "Ja", "no": "Nej", "maybe": "Måske", "assess": "Det skal vurderes"}


def verdict_label(verdict: str) -> str:
    """'Ja', 'Nej', 'Måske' or 'Det skal vurderes' in the active language; '' for an informational outcome,
    which is shown without a verdict."""
    return _(VERDICT_LABELS[verdict]) if verdict in VERDICT_LABELS else ""


def answer_options(question) -> list[tuple[str, str]]:
    """(value, label) of every answer a yes/no or choice question offers as a radio button, 'Ved ikke' last."""
    return [(v, question.label(v)) for v in question.values()] + ([(UNKNOWN, _(UNKNOWN_LABEL))]
                                                                 if question.unknown else [])


def answer_label(question, value) -> str:
    """An answer as written in a scenario or the address (e.g. '20000/month'), as the reader sees it."""
    from generator.checklist.graph import answer_text

    try:
        return question.label(question.parse(answer_text(value)))
    except ValueError:
        return str(value)


def outline(checklist: Checklist, cond: Condition) -> dict:
    """A condition as short sentences for the page without JavaScript: {'all'|'any': [items]} or {'text': …}.

    A long chain ('… og … og (… eller …)') is hard to read; an outline lists one answer per line, with a group
    of alternatives as a list of its own. Groups of the same kind inside each other are flattened.
    """
    for kind, parts in (("all", cond.all), ("any", cond.any)):
        if parts is not None:
            items = []
            for part in parts:
                sub = outline(checklist, part)
                items += sub[kind] if kind in sub else [sub]
            return {kind: items} if len(items) > 1 else items[0]
    if cond.not_ is not None:
        # A sentence of its own: 'Det gælder ikke, at …' (the clause form 'det ikke gælder' reads wrong here).
        return {"text": _("Det gælder ikke, at %(condition)s.",
                          condition=describe(checklist, cond.not_, nested=True))}
    text = describe(checklist, cond)
    return {"text": text[:1].upper() + text[1:] + "."}


def describe(checklist: Checklist, cond: Condition, nested: bool = False) -> str:
    """E.g. 'svaret på spørgsmål 2 er «Nej» og svaret på spørgsmål 3 er mindst 2'."""
    if cond.all is not None or cond.any is not None:
        parts = [describe(checklist, c, nested=True) for c in (cond.all or cond.any)]
        text = (_(" og ") if cond.all is not None else _(" eller ")).join(parts)
        return f"({text})" if nested and len(parts) > 1 else text
    if cond.not_ is not None:
        return _("det ikke gælder, at %(condition)s", condition=describe(checklist, cond.not_, nested=True))
    numbers = {q.id: n for n, q in enumerate(checklist.questions, start=1)}
    question = next(q for q in checklist.questions if q.id == cond.q)
    return question.describe_test(cond, numbers[cond.q])
