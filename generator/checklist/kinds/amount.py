"""An amount of kroner per month or per year ('Hvor meget tjener du?'), compared after conversion.

The reader chooses the period. Every answer and every limit is converted to kroner a year (a month is a
twelfth of a year) before comparing, so '20.000 kr. om måneden' passes 'gte: 240000, per: year'.
"""

from __future__ import annotations

import re
from typing import ClassVar, Literal, NamedTuple

from generator.checklist.kinds.base import (AnswerError, Branch, Question, _, band_of, band_route, bands, bound,
                                             number_text, register, within)
from generator.scheme.model import Condition

# One rule for the command line, scenarios and the page: ASCII digits, optionally grouped in threes by dots
# as Danes write them (20.000), then optionally '/month' or '/year'.
AMOUNT = re.compile(r"(?P<kroner>[0-9]+|[0-9]{1,3}(?:\.[0-9]{3})+)(?:/(?P<per>month|year))?", re.ASCII)
MAX_KRONER = 999_999_999
PER_YEAR = {"month": 12, "year": 1}


class Amount(NamedTuple):
    kroner: int
    per: str


@register
class AmountQuestion(Question):
    """A question answered with an amount of kroner and its period (per month or per year)."""

    kind: Literal["amount"]
    """'amount': kroner per month or per year."""
    per: Literal["month", "year"] = "month"
    """The period chosen in the page until the reader picks another, and the one an answer without a period
    ('20000') and a condition without `per` mean."""

    tests: ClassVar[tuple[str, ...]] = ("gte", "gt", "lte", "lt")

    def accepts(self) -> str:
        return (f"kroner as a whole number, optionally with /month or /year (default /{self.per}), e.g. 20000/month"
                + (", or unknown" if self.unknown else ""))

    def parse_value(self, text: str) -> Amount:
        match = AMOUNT.fullmatch(text)
        if not match:
            raise AnswerError(self, text[:40], f"'{text[:40]}' is not an amount such as 20000 or 20.000/month.")
        digits = match["kroner"].replace(".", "").lstrip("0")
        if len(digits) > len(str(MAX_KRONER)):
            raise AnswerError(self, text[:40] + "…", f"the amount is more than {MAX_KRONER} kroner.")
        kroner = int(digits or "0")
        if kroner > MAX_KRONER:
            raise AnswerError(self, text, f"{text} is more than {MAX_KRONER} kroner.")
        return Amount(kroner, match["per"] or self.per)

    def text_of(self, value) -> str:
        return value if value == "unknown" else f"{value.kroner}/{value.per}"

    def label_value(self, value) -> str:
        return (_("%(amount)s kr. om måneden", amount=number_text(value.kroner)) if value.per == "month"
                else _("%(amount)s kr. om året", amount=number_text(value.kroner)))

    def measure(self, value, route: dict, day=None) -> int:
        return value.kroner * PER_YEAR[value.per]

    def example(self, measure, route: dict, day=None) -> Amount:
        if measure <= MAX_KRONER:
            return Amount(measure, "year")
        return Amount(-(-measure // 12), "month")

    def check_test(self, path: tuple, cond: Condition) -> list:
        limit = cond.argument
        if not isinstance(limit, (int, float)):
            return [(path + (cond.test,), f"'{cond.test}' compares the amount '{self.id}' with a date.",
                     "compare with kroner, e.g. gte: 20000.")]
        if not 0 <= limit <= MAX_KRONER:
            return [(path + (cond.test,), f"{limit} is outside 0..{MAX_KRONER} kroner.", "correct the amount.")]
        return []

    def _bound(self, cond: Condition):
        return bound(cond.test, cond.argument * PER_YEAR[cond.per or self.per])

    def test(self, cond: Condition, measure) -> bool:
        return within(measure, self._bound(cond))

    def describe_test(self, cond: Condition, n: int) -> str:
        limit = cond.argument
        shown = number_text(int(limit)) if float(limit).is_integer() else str(limit)
        per = cond.per or self.per
        pattern = {"gte": "beløbet i spørgsmål %(n)s er mindst %(amount)s kr. ",
                   "gt": "beløbet i spørgsmål %(n)s er mere end %(amount)s kr. ",
                   "lte": "beløbet i spørgsmål %(n)s er højst %(amount)s kr. ",
                   "lt": "beløbet i spørgsmål %(n)s er mindre end %(amount)s kr. "}[cond.test]
        return _(pattern + ("om måneden" if per == "month" else "om året"), n=n, amount=shown)

    def branches(self, tests: list[Condition]) -> list[Branch]:
        cuts = {0, 12 * MAX_KRONER + 1}
        for cond in tests:
            side, limit = self._bound(cond)
            cuts.add(limit if side == ">=" else limit + 1)
        return bands(0, 12 * MAX_KRONER, cuts, lambda m: tuple(self.test(c, m) for c in tests))

    def route(self, tests, branches) -> dict:
        return band_route(branches)

    def key(self, measure, route: dict) -> str | None:
        return band_of(measure, route)

    def branch_label(self, branch: Branch, route: dict) -> str:
        low, sep, high = branch.key.partition("..")
        if not sep:
            return _("%(amount)s kr. om året", amount=number_text(int(low)))
        if int(high) >= 12 * MAX_KRONER:
            return _("mindst %(amount)s kr. om året", amount=number_text(int(low)))
        return _("%(low)s–%(high)s kr. om året", low=number_text(int(low)), high=number_text(int(high)))

    def page_data(self) -> dict:
        return {"per": self.per, "max": MAX_KRONER}
