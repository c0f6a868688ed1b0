"""Yes or no ('Ja'/'Nej'): the commonest question."""

from __future__ import annotations

from typing import ClassVar, Literal

from generator.checklist.kinds.base import AnswerError, Branch, Question, _, register
from generator.scheme.model import Condition
from generator.scheme.problems import did_you_mean

LABELS = {"yes": "Ja", "no": "Nej"}


@register
class YesNoQuestion(Question):
    """A question answered 'Ja' or 'Nej' (and 'Ved ikke', unless unknown: false)."""

    kind: Literal["yes_no"]
    """'yes_no': answered Ja or Nej."""

    tests: ClassVar[tuple[str, ...]] = ("is", "in")

    def values(self) -> list[str]:
        return list(LABELS)

    def accepts(self) -> str:
        return " or ".join(self.values() + (["unknown"] if self.unknown else []))

    def parse_value(self, text: str) -> str:
        if text not in self.values():
            raise AnswerError(self, text, choices=self.values())
        return text

    def label_value(self, value) -> str:
        return _(LABELS[value]) if value in LABELS else str(value)

    def check_test(self, path: tuple, cond: Condition) -> list:
        values = [cond.is_] if cond.test == "is" else list(cond.in_)
        problems = []
        for n, value in enumerate(values):
            where = path + (("is",) if cond.test == "is" else ("in", n))
            if value == "unknown":
                problems.append((where, "a condition cannot test for 'unknown'.",
                                 "leave 'Ved ikke' to the checklist's maybe outcome, which is chosen automatically "
                                 "when the result depends on it."))
            elif str(value) not in self.values():
                problems.append((where, f"'{value}' is not an answer to '{self.id}'."
                                 + did_you_mean(str(value), self.values()), f"use one of: {', '.join(self.values())}."))
        return problems

    def test(self, cond: Condition, measure) -> bool:
        return measure == cond.is_ if cond.test == "is" else measure in cond.in_

    def describe_test(self, cond: Condition, n: int) -> str:
        if cond.test == "is":
            return _("svaret på spørgsmål %(n)s er «%(answer)s»", n=n, answer=self.label(cond.is_))
        labels = [f"«{self.label(v)}»" for v in cond.in_]
        answers = ", ".join(labels[:-1]) + _(" eller ") + labels[-1] if len(labels) > 1 else labels[0]
        return _("svaret på spørgsmål %(n)s er %(answers)s", n=n, answers=answers)

    def branches(self, tests: list[Condition]) -> list[Branch]:
        return [Branch(v, v) for v in self.values()]
