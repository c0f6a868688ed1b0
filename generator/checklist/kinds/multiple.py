"""Any of several answers at once ('Hvad gælder for dig?'), with an exclusive 'Ingen af dem', as checkboxes.

A reader can tick several options, or 'Ingen af dem' (none of them), or 'Ved ikke'. Conditions ask whether
the answers include an option (`includes`), at least one of a list (`includes_any`) or all of it
(`includes_all`). The graph needs one branch per class of answers those tests tell apart, not one per subset:
options that no condition names never matter.
"""

from __future__ import annotations

import itertools
from typing import ClassVar, Literal

from pydantic import model_validator

from generator.checklist.kinds.base import AnswerError, Branch, Option, Question, _, register
from generator.scheme.model import Condition
from generator.scheme.problems import did_you_mean

NONE = "none"
MAX_TESTED_OPTIONS = 12   # 2^12 answer sets to sort into classes at most


@register
class MultipleQuestion(Question):
    """A question answered with any number of its options (or none of them)."""

    kind: Literal["multiple"]
    """'multiple': any of `options` at once, or none of them."""
    options: list[Option] = []
    """The answers to tick (two or more), in the order shown. The page adds 'Ingen af dem' (value 'none')."""

    tests: ClassVar[tuple[str, ...]] = ("includes", "includes_any", "includes_all")

    @model_validator(mode="after")
    def _distinct_values(self) -> "MultipleQuestion":
        if len(self.options) < 2:
            raise ValueError("a multiple-choice question needs at least two options; add options, or use kind: "
                             "yes_no")
        values = [o.value for o in self.options]
        if {"unknown", NONE} & set(values) or len(set(values)) != len(values):
            raise ValueError("option values must be unique and not 'none' or 'unknown' (the page adds those two); "
                             "rename the value")
        return self

    def values(self) -> list[str]:
        return [o.value for o in self.options]

    def accepts(self) -> str:
        return (f"options separated by commas (from: {', '.join(self.values())}), or none"
                + (", or unknown" if self.unknown else ""))

    def parse_value(self, text: str) -> frozenset:
        if text == NONE:
            return frozenset()
        picked = [part.strip() for part in text.split(",")]
        for part in picked:
            if part == NONE:
                raise AnswerError(self, text, "'none' cannot be combined with other options.")
            if part not in self.values():
                raise AnswerError(self, part, f"'{part}' is not an option of '{self.id}'.", self.values())
        return frozenset(picked)

    def text_of(self, value) -> str:
        if value == "unknown":
            return value
        return ",".join(v for v in self.values() if v in value) or NONE

    def label_value(self, value) -> str:
        if not value:
            return _("Ingen af dem")
        return ", ".join(o.label for o in self.options if o.value in value)

    def _named(self, cond: Condition) -> list:
        return [cond.includes] if cond.test == "includes" else list(cond.argument)

    def check_test(self, path: tuple, cond: Condition) -> list:
        problems = []
        for n, value in enumerate(self._named(cond)):
            where = path + ((cond.test,) if cond.test == "includes" else (cond.test, n))
            if value not in self.values():
                problems.append((where, f"'{value}' is not an option of '{self.id}'." + did_you_mean(value, self.values()),
                                 f"use one of: {', '.join(self.values())}."))
        return problems

    def check_tests(self, tests) -> list:
        problems = super().check_tests(tests)
        named = {v for _path, c in tests if c.test in self.tests for v in self._named(c)}
        if len(named) > MAX_TESTED_OPTIONS and tests:
            path = tests[0][0]
            problems.append((path, f"the conditions test {len(named)} options of '{self.id}'; at most "
                             f"{MAX_TESTED_OPTIONS} can be told apart.", "split the question into two."))
        return problems

    def test(self, cond: Condition, measure) -> bool:
        named = self._named(cond)
        if cond.test == "includes_all":
            return all(v in measure for v in named)
        return any(v in measure for v in named)

    def describe_test(self, cond: Condition, n: int) -> str:
        labels = [f"«{self.label_value(frozenset([v]))}»" for v in self._named(cond)]
        if cond.test == "includes":
            return _("du har sat kryds ved %(answer)s i spørgsmål %(n)s", n=n, answer=labels[0])
        joined = ", ".join(labels[:-1]) + (_(" eller ") if cond.test == "includes_any" else _(" og ")) + labels[-1] \
            if len(labels) > 1 else labels[0]
        if cond.test == "includes_any":
            return _("du har sat kryds ved mindst én af %(answers)s i spørgsmål %(n)s", n=n, answers=joined)
        return _("du har sat kryds ved både %(answers)s i spørgsmål %(n)s", n=n, answers=joined)

    def branches(self, tests: list[Condition]) -> list[Branch]:
        named = [v for v in self.values() if any(v in self._named(c) for c in tests)]
        seen: dict[tuple, Branch] = {}
        for size in range(len(named) + 1):
            for subset in itertools.combinations(named, size):
                picked = frozenset(subset)
                signature = tuple(self.test(c, picked) for c in tests)
                if signature not in seen:
                    seen[signature] = Branch(self.text_of(picked), picked)
        return list(seen.values())

    def route(self, tests: list[Condition], branches: list[Branch]) -> dict:
        """The tests as data and, for each pattern of their results ('10'), the branch it takes."""
        return {"tests": [[c.test, self._named(c)] for c in tests],
                "classes": {self._signature(b.measure, tests): b.key for b in branches if b.key != "unknown"}}

    def _signature(self, measure, tests) -> str:
        return "".join("1" if self.test(c, measure) else "0" for c in tests)

    def key(self, measure, route: dict) -> str | None:
        signature = "".join("1" if _passes(op, named, measure) else "0" for op, named in route["tests"])
        return route["classes"].get(signature)

    def branch_label(self, branch: Branch, route: dict) -> str:
        return self.label_value(branch.measure)

    def page_data(self) -> dict:
        return {"options": self.values()}


def _passes(op: str, named: list, measure) -> bool:
    return all(v in measure for v in named) if op == "includes_all" else any(v in measure for v in named)
