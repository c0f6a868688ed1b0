"""A whole number between a smallest and a largest answer ('Hvor mange skal eje virksomheden?')."""

from __future__ import annotations

import re
from typing import Annotated, ClassVar, Literal

from pydantic import Field, StrictInt, model_validator

from generator.checklist.kinds.base import (AnswerError, Branch, Question, _, band_of, band_route, bands, bound,
                                             register, within)
from generator.scheme.model import Condition, Text

# One rule for every reader of answers (command line, scenarios, the page's script): ASCII digits only, so
# '١' (Arabic-Indic one) or '1e3' is refused everywhere alike.
WHOLE_NUMBER = re.compile(r"-?[0-9]+", re.ASCII)
# The page's script counts in floating point, exact only to 2**53: larger bounds or answers would be read
# differently by Python and the browser (and Python refuses to read numbers of more than 4,300 digits).
MAX_NUMBER = 10**15


@register
class NumberQuestion(Question):
    """A question answered with a whole number from `min` to `max`."""

    kind: Literal["number"]
    """'number': a whole number from `min` to `max`."""
    min: Annotated[StrictInt, Field(ge=-MAX_NUMBER, le=MAX_NUMBER)]
    """The smallest allowed answer (at most 15 digits)."""
    max: Annotated[StrictInt, Field(ge=-MAX_NUMBER, le=MAX_NUMBER)]
    """The largest allowed answer (at most 15 digits)."""
    unit: Text | None = None
    """The unit shown after the field, e.g. 'personer'."""
    unit_one: Text | None = None
    """The unit after the number 1, where it differs, e.g. 'person' (so the site says '1 person')."""

    tests: ClassVar[tuple[str, ...]] = ("is", "in", "gte", "gt", "lte", "lt")

    @model_validator(mode="after")
    def _range(self) -> "NumberQuestion":
        if self.max < self.min:
            raise ValueError(f"max {self.max} is below min {self.min}; swap the two numbers")
        return self

    def accepts(self) -> str:
        return f"a whole number from {self.min} to {self.max}" + (" or unknown" if self.unknown else "")

    def parse_value(self, text: str) -> int:
        if not WHOLE_NUMBER.fullmatch(text):
            raise AnswerError(self, text, f"'{text[:40]}' is not a whole number (digits 0-9 only).")
        if len(text.lstrip("-").lstrip("0")) > 16:
            raise AnswerError(self, text[:40] + "…", f"the number has {len(text)} digits; the answer is a whole "
                              f"number from {self.min} to {self.max}.")
        number = int(text)
        if not self.min <= number <= self.max:
            raise AnswerError(self, text, f"{number} is outside {self.min}..{self.max}.")
        return number

    def label_value(self, value) -> str:
        return f"{value} {self.unit_for(value)}" if self.unit else str(value)

    def unit_for(self, value) -> str | None:
        """The unit after `value`: 'person' after 1 when `unit_one` says so, else `unit`."""
        return self.unit_one if self.unit_one and str(value) == "1" else self.unit

    def check_test(self, path: tuple, cond: Condition) -> list:
        if cond.test in ("is", "in"):
            values = [cond.is_] if cond.test == "is" else cond.in_
            return [(path + ((cond.test,) if cond.test == "is" else (cond.test, n)),
                     f"'{value}' is not a number between {self.min} and {self.max}.", "use a whole number in range.")
                    for n, value in enumerate(values) if not isinstance(value, int) or not self.min <= value <= self.max]
        if not isinstance(cond.argument, (int, float)):
            return [(path + (cond.test,), f"'{cond.test}' compares '{self.id}' with a date, but it is a number "
                     "question.", "compare with a number, e.g. gte: 2.")]
        return []

    def _bounds(self, cond: Condition):
        if cond.test == "is":
            return [cond.is_]
        if cond.test == "in":
            return list(cond.in_)
        return bound(cond.test, cond.argument)

    def test(self, cond: Condition, measure) -> bool:
        if cond.test in ("is", "in"):
            return measure in self._bounds(cond)
        return within(measure, self._bounds(cond))

    def describe_test(self, cond: Condition, n: int) -> str:
        if cond.test in ("is", "in"):
            values = [cond.is_] if cond.test == "is" else cond.in_
            labels = [f"«{v}»" for v in values]
            answers = ", ".join(labels[:-1]) + _(" eller ") + labels[-1] if len(labels) > 1 else labels[0]
            return _("svaret på spørgsmål %(n)s er %(answers)s", n=n, answers=answers)
        limit = cond.argument
        shown = int(limit) if float(limit).is_integer() else limit
        return describe_comparison(cond.test, n, shown)

    def branches(self, tests: list[Condition]) -> list[Branch]:
        cuts = {self.min, self.max + 1}
        for cond in tests:
            found = self._bounds(cond)
            if isinstance(found, list):
                cuts.update(v for value in found for v in (value, value + 1))
            else:
                cuts.add(found[1] if found[0] == ">=" else found[1] + 1)
        return bands(self.min, self.max, cuts, lambda m: tuple(self.test(c, m) for c in tests))

    def route(self, tests, branches) -> dict:
        return band_route(branches)

    def key(self, measure, route: dict) -> str | None:
        return band_of(measure, route)

    def branch_label(self, branch: Branch, route: dict) -> str:
        low, _sep, high = branch.key.partition("..")
        text = f"{low}–{high}" if _sep else low
        return f"{text} {self.unit_for(text)}" if self.unit else text

    def page_data(self) -> dict:
        return {"min": self.min, "max": self.max, "unit": self.unit}


def describe_comparison(op: str, n: int, limit) -> str:
    pattern = {"gte": "svaret på spørgsmål %(n)s er mindst %(limit)s",
               "gt": "svaret på spørgsmål %(n)s er mere end %(limit)s",
               "lte": "svaret på spørgsmål %(n)s er højst %(limit)s",
               "lt": "svaret på spørgsmål %(n)s er mindre end %(limit)s"}[op]
    return _(pattern, n=n, limit=limit)
