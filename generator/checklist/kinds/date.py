"""A date ('Hvornår er du født?'), compared with fixed dates or with the day of use (an age, 'over 6 months ago').

Conditions on one date question either compare it with fixed dates (gte: 2015-01-01) or say how long before
the day of use it lies (years_ago, months_ago or days_ago), not both, and not days together with months: the
order of 'today − 1 month' and 'today − 30 days' changes with the day, so no proof could hold for every day.

The measure conditions compare is then a whole number: the day's number (fixed dates), the days before today,
or half-months before today — twice the whole months elapsed, plus one if the date lies strictly between two
monthly anniversaries — so that both 'at least 6 months ago' and 'more than 6 months ago' are exact bounds.
The page's script computes the same numbers from the reader's own clock.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import ClassVar, Literal

from generator.checklist.kinds.base import (AnswerError, Branch, Question, _, band_of, band_route, bands,
                                             date_text, register, today, within)
from generator.scheme.model import Condition

ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)
FIRST, LAST = dt.date(1000, 1, 1), dt.date(9998, 12, 31)
EPOCH = dt.date(1970, 1, 1)
RELATIVE = ("years_ago", "months_ago", "days_ago")
ABSOLUTE = ("gte", "gt", "lte", "lt")


@register
class DateQuestion(Question):
    """A question answered with a date (day, month, year)."""

    kind: Literal["date"]
    """'date': a day, written YYYY-MM-DD on the command line and in scenarios."""

    tests: ClassVar[tuple[str, ...]] = ABSOLUTE + RELATIVE

    def accepts(self) -> str:
        return "a date as YYYY-MM-DD, e.g. 2001-05-17" + (", or unknown" if self.unknown else "")

    def parse_value(self, text: str) -> dt.date:
        if not ISO_DATE.fullmatch(text):
            raise AnswerError(self, text, f"'{text}' is not a date written YYYY-MM-DD.")
        try:
            value = dt.date.fromisoformat(text)
        except ValueError:
            raise AnswerError(self, text, f"'{text}' is not a day of the calendar.") from None
        if not FIRST <= value <= LAST:
            raise AnswerError(self, text, f"{text} is outside the years 1000 to 9998.")
        return value

    def text_of(self, value) -> str:
        return value if value == "unknown" else value.isoformat()

    def label_value(self, value) -> str:
        return date_text(value)

    def check_test(self, path: tuple, cond: Condition) -> list:
        if cond.test in ABSOLUTE and not isinstance(cond.argument, dt.date):
            return [(path + (cond.test,), f"'{cond.test}' compares the date '{self.id}' with a number.",
                     "compare with a date, e.g. gte: 2015-01-01, or say how long ago, e.g. years_ago: {gte: 18}.")]
        return []

    def check_tests(self, tests) -> list:
        problems = super().check_tests(tests)
        used = {self._mode(c) for _path, c in tests if c.test in self.tests}
        if len(used) > 1:
            path = tests[-1][0]
            words = {"date": "fixed dates", "months": "months or years before the day of use",
                     "days": "days before the day of use"}
            problems.append((path, f"'{self.id}' is compared with {' and with '.join(words[u] for u in sorted(used))}"
                             "; their order changes with the day of use.",
                             "use one kind of comparison per date question: fixed dates, or years/months ago, "
                             "or days ago."))
        return problems

    @staticmethod
    def _mode(cond: Condition) -> str:
        return {"years_ago": "months", "months_ago": "months", "days_ago": "days"}.get(cond.test, "date")

    def mode(self, tests: list[Condition]) -> str:
        """How this question's answers are measured: 'date', 'months' or 'days' (see the module's docstring)."""
        return next((self._mode(c) for c in tests if c.test in self.tests), "date")

    def measure(self, value, route: dict, day: dt.date | None = None) -> int:
        mode, day = route["mode"], day or today()
        if mode == "date":
            return (value - EPOCH).days
        if mode == "days":
            return (day - value).days
        return half_months(value, day)

    def example(self, measure, route: dict, day: dt.date | None = None) -> dt.date:
        mode, day = route["mode"], day or today()
        if mode == "date":
            return min(max(EPOCH + dt.timedelta(days=measure), FIRST), LAST)
        if mode == "days":
            return day - dt.timedelta(days=measure)
        whole, between = divmod(measure, 2)
        anniversary = months_back(day, whole)
        return anniversary - dt.timedelta(days=between)

    def _bound(self, cond: Condition):
        """The test as a bound on the measure."""
        if cond.test in ABSOLUTE:
            day = (cond.argument - EPOCH).days
            return {"gte": (">=", day), "gt": (">=", day + 1), "lte": ("<=", day), "lt": ("<=", day - 1)}[cond.test]
        ago = cond.argument
        if cond.test == "days_ago":
            return {"gte": (">=", ago.amount), "gt": (">=", ago.amount + 1), "lte": ("<=", ago.amount),
                    "lt": ("<=", ago.amount - 1)}[ago.op]
        months = ago.amount * (12 if cond.test == "years_ago" else 1)
        return {"gte": (">=", 2 * months), "gt": (">=", 2 * months + 1), "lte": ("<=", 2 * months),
                "lt": ("<=", 2 * months - 1)}[ago.op]

    def test(self, cond: Condition, measure) -> bool:
        return within(measure, self._bound(cond))

    def describe_test(self, cond: Condition, n: int) -> str:
        if cond.test in ABSOLUTE:
            pattern = {"gte": "datoen i spørgsmål %(n)s er %(date)s eller senere",
                       "gt": "datoen i spørgsmål %(n)s er efter %(date)s",
                       "lte": "datoen i spørgsmål %(n)s er %(date)s eller tidligere",
                       "lt": "datoen i spørgsmål %(n)s er før %(date)s"}[cond.test]
            return _(pattern, n=n, date=date_text(cond.argument))
        ago = cond.argument
        span = period_text(cond.test, ago.amount)
        pattern = {"gte": "datoen i spørgsmål %(n)s er mindst %(span)s før den dag, du svarer",
                   "gt": "datoen i spørgsmål %(n)s er mere end %(span)s før den dag, du svarer",
                   "lte": "datoen i spørgsmål %(n)s er højst %(span)s før den dag, du svarer",
                   "lt": "datoen i spørgsmål %(n)s er mindre end %(span)s før den dag, du svarer"}[ago.op]
        return _(pattern, n=n, span=span)

    def branches(self, tests: list[Condition]) -> list[Branch]:
        mine = [c for c in tests if c.test in self.tests]
        cuts = set()
        for cond in mine:
            side, limit = self._bound(cond)
            cuts.add(limit if side == ">=" else limit + 1)
        return bands(None, None, cuts, lambda m: tuple(self.test(c, m) for c in mine))

    def route(self, tests, branches) -> dict:
        return {**band_route(branches), "mode": self.mode(tests)}

    def key(self, measure, route: dict) -> str | None:
        return band_of(measure, route)

    def branch_label(self, branch: Branch, route: dict) -> str:
        low, sep, high = branch.key.partition("..")
        if not sep:
            low = high = branch.key
        low, high = (int(low) if low else None), (int(high) if high else None)
        return band_text(route["mode"], low, high)

    def page_data(self) -> dict:
        return {}


def months_back(day: dt.date, months: int) -> dt.date:
    """The day `months` months before `day` (after it, if negative), on the last day of a shorter month."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def half_months(value: dt.date, day: dt.date) -> int:
    """2 × the whole months from `value` to `day`, + 1 if `value` is not itself a monthly anniversary."""
    months = (day.year - value.year) * 12 + day.month - value.month
    whole = months if value <= months_back(day, months) else months - 1
    return 2 * whole + (0 if value == months_back(day, whole) else 1)


def period_text(test: str, amount: int) -> str:
    unit = {"years_ago": ("år", "år"), "months_ago": ("måned", "måneder"), "days_ago": ("dag", "dage")}[test]
    return _("%(n)s " + unit[0 if amount == 1 else 1], n=amount)


def band_text(mode: str, low: int | None, high: int | None) -> str:
    """A band of measures in words, e.g. 'mindst 18 år før', for the drawing."""
    if mode == "date":
        first = date_text(EPOCH + dt.timedelta(days=low)) if low is not None else None
        last = date_text(EPOCH + dt.timedelta(days=high)) if high is not None else None
        if first and last:
            return first if first == last else _("%(first)s til %(last)s", first=first, last=last)
        if first:
            return _("%(date)s eller senere", date=first)
        return _("%(date)s eller tidligere", date=last) if last else _("enhver dato")
    if mode == "days":
        parts = ([_("mindst %(span)s", span=_("%(n)s dage", n=low))] if low is not None else []) + \
                ([_("højst %(span)s", span=_("%(n)s dage", n=high))] if high is not None else [])
    else:
        # Half-months (see the module's docstring): an even bound falls on an anniversary, an odd one between.
        parts = []
        if low is not None:
            parts.append(_("mindst %(span)s", span=_months_words(low // 2)) if low % 2 == 0
                         else _("mere end %(span)s", span=_months_words(low // 2)))
        if high is not None:
            parts.append(_("højst %(span)s", span=_months_words(high // 2)) if high % 2 == 0
                         else _("mindre end %(span)s", span=_months_words(high // 2 + 1)))
    if not parts:
        return _("enhver dato")
    return _("%(span)s før", span=_(" og ").join(parts))


def _months_words(months: int) -> str:
    if months and months % 12 == 0:
        return _("%(n)s år", n=months // 12)
    return _("%(n)s måned", n=months) if months == 1 else _("%(n)s måneder", n=months)
