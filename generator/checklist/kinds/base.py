"""What every question kind shares, and what each kind must say for itself.

A kind is one class (like GOV.UK Smart Answers' question classes): it validates its own fields, decides which
answers are valid (`parse`, the one rule used by the command line, scenarios and, mirrored line for line, the
page's script), says which tests of a condition apply to it and how they read in plain words, and splits its
answers into the few branches that conditions can tell apart (bands of numbers, classes of choices). The page
shows it through `templates/questions/<kind>.html.j2` and `checklist.js`'s table entry of the same name.

An answer has three forms: its text ('20000/month', as typed on the command line, in a scenario or in the
page's address), its value (Amount(20000, 'month')) and its measure (240000: kroner a year), which is what
conditions compare. A date's measure depends on the day of use, so `measure` takes `today`.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import typing
from dataclasses import dataclass
from typing import Annotated, ClassVar

from pydantic import ValidationError, model_validator
from pydantic_core import PydanticCustomError

from generator.scheme.model import Condition, Id, Ref, RoleId, Strict, Text
from generator.scheme.problems import did_you_mean

UNKNOWN = "unknown"
KINDS: dict[str, type["Question"]] = {}


def _(message: str, **params) -> str:
    """The site's words in the active language (imported late: the i18n package needs the finished model)."""
    from generator.i18n import _ as translate

    return translate(message, **params)


MONTHS = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
          "november", "december"]


def number_text(value: int) -> str:
    """A whole number with the active language's digit grouping: 50.000 in Danish, 50,000 in English."""
    from generator.i18n import SOURCE_LANGUAGE, active_code

    code = active_code()
    if code == SOURCE_LANGUAGE:
        return f"{value:,}".replace(",", ".")
    from babel.numbers import format_decimal
    return format_decimal(value, locale=code, numbering_system="latn")


def date_text(value: dt.date) -> str:
    """A date as the active language writes it: '6. marts 2015' in Danish."""
    from generator.i18n import SOURCE_LANGUAGE, active_code

    code = active_code()
    if code == SOURCE_LANGUAGE:
        return f"{value.day}. {MONTHS[value.month - 1]} {value.year}"
    from babel.dates import format_date
    return format_date(value, format="long", locale=code)


def today() -> dt.date:
    """The day of use: SOURCE_DATE_EPOCH's day when set (so a build or check can be repeated), else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        return dt.date.today()
    try:
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    except (ValueError, OverflowError, OSError):
        from generator.scheme.problems import InputError, Problem
        raise InputError([Problem("SOURCE_DATE_EPOCH", None, None, "", f"the variable is {epoch[:40]!r}, not a "
                                  "time the build can use (seconds since 1 January 1970).", "set it to a whole "
                                  "number such as 1700000000 (`date +%s`), or unset it to use today.")],
                         "SOURCE_DATE_EPOCH") from None


class AnswerError(ValueError):
    """An answer a question does not take, with what was given and what the question accepts."""

    def __init__(self, question: "Question", given: str, problem: str | None = None,
                 choices: typing.Iterable[str] = ()):
        self.question, self.given = question.id, given
        self.accepts = question.accepts()
        self.message = (problem or f"'{given}' is not an answer to '{question.id}'.") + did_you_mean(given, choices)
        super().__init__(f"{self.message} Use {self.accepts}.")


@dataclass(frozen=True)
class Branch:
    """A class of answers that every condition of the checklist treats alike: one arrow in the graph."""

    key: str        # its name in the graph, e.g. 'yes', '2..50', 'kontanthjaelp,andet'
    measure: object  # one measure of the class, used to explore the graph


class Option(Strict):
    """One answer to a choice or multiple-choice question."""

    value: Id
    """The answer's id, used in conditions and in the page's form (e.g. 'foertidspension')."""
    label: Text
    """The answer as the reader sees it."""


def register(cls: type["Question"]) -> type["Question"]:
    """Add a kind to the registry under the name in its `kind` field."""
    (name,) = typing.get_args(cls.model_fields["kind"].annotation)
    cls.name = name
    KINDS[name] = cls
    return cls


class Question(Strict):
    """One question of a checklist; its `kind` decides which fields it takes and which answers are valid."""

    id: Id
    """Short unique name within the checklist; also the form field's name."""
    kind: str
    """'yes_no' (Ja/Nej), 'choice' (one of `options`), 'number' (a whole number), 'multiple' (any of `options`,
    or none of them), 'date' (a day, compared with fixed dates or with the day of use) or 'amount' (kroner per
    month or per year)."""
    text: Text
    """The question, in the words of the checklist's audience."""
    help: Text | None = None
    """A short explanation under the question."""
    unknown: bool = True
    """Offer 'Ved ikke' (don't know). An unknown answer is never read as yes or no, and the checklist then needs
    an outcome with verdict: maybe. Offer it where a reader may really not know (a decision by the jobcentre, a
    rule's term); leave it out (unknown: false) where every reader knows the answer (their own wishes)."""
    ask_if: Condition | None = None
    """Ask the question only when this holds for earlier answers. When it depends on an answer given as 'Ved
    ikke', the question is asked only if its answer can still change the outcome."""
    rule: Annotated[Id, Ref("Rule")] | None = None
    """The rule this question tests (a rule id)."""
    clarify_with: RoleId | None = None
    """Whom to ask when the answer is 'Ved ikke' (a role id)."""

    name: ClassVar[str] = ""
    tests: ClassVar[tuple[str, ...]] = ()
    """The condition tests this kind takes ('is', 'gte', …)."""

    @model_validator(mode="wrap")
    @classmethod
    def _by_kind(cls, data, handler):
        """Validate a question as the class of its kind, so each kind checks its own fields at their lines."""
        if cls is not Question or not isinstance(data, dict):
            return handler(data)
        kind = data.get("kind")
        target = KINDS.get(kind) if isinstance(kind, str) else None
        if target is None:
            if "kind" not in data:
                errors = [{"type": "missing", "loc": ("kind",), "input": data}]
            else:
                errors = [{"type": "literal_error", "loc": ("kind",), "input": kind,
                           "ctx": {"expected": _listed(list(KINDS))}}]
            raise ValidationError.from_exception_data(cls.__name__, errors)
        fields = yaml_names(target)
        unknown = [k for k in data if k not in fields]
        errors = []
        try:
            question = target.model_validate({k: v for k, v in data.items() if k in fields})
        except ValidationError as exc:
            errors = [_line_error(e, target) for e in exc.errors()]
        for key in unknown:
            message = (f"unknown key '{key}' for a {target.name} question.{did_you_mean(key, fields)}; "
                       f"use one of: {', '.join(fields)}")
            errors.append({"type": PydanticCustomError("value_error", message.replace("{", "{{").replace("}", "}}")),
                           "loc": (key,), "input": data[key]})
        if errors:
            raise ValidationError.from_exception_data(cls.__name__, errors)
        return question

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema, handler):
        """In the JSON Schema, a question is one of the kinds, told apart by `kind`."""
        if cls is not Question:
            return handler(core_schema)
        variants = [handler(kind.__pydantic_core_schema__) for kind in KINDS.values()]
        return {"oneOf": variants, "title": "Question",
                "description": "One question of a checklist; its `kind` decides which fields it takes."}

    # --- what each kind says for itself ----------------------------------------------------------------

    @property
    def template(self) -> str:
        """The partial that shows this question in the page."""
        return f"questions/{self.name}.html.j2"

    def accepts(self) -> str:
        """The answers this question takes, in words (for messages and `evaluate`)."""
        raise NotImplementedError

    def parse(self, text: str):
        """The answer's value from its text, or AnswerError. 'unknown' is 'Ved ikke' where it is offered."""
        text = text.strip()
        if text == UNKNOWN:
            if not self.unknown:
                raise AnswerError(self, text, f"'{self.id}' does not offer 'Ved ikke' (unknown: false).")
            return UNKNOWN
        return self.parse_value(text)

    def parse_value(self, text: str):
        raise NotImplementedError

    def text_of(self, value) -> str:
        """The answer's text: what `parse` reads back to the same value."""
        return str(value)

    def label(self, value) -> str:
        """The answer as the reader sees it, in the active language."""
        return _("Ved ikke") if value == UNKNOWN else self.label_value(value)

    def label_value(self, value) -> str:
        return str(value)

    def measure(self, value, route: dict, day: dt.date | None = None):
        """What conditions compare (the value itself for most kinds); `route` as made by `route`."""
        return value

    def example(self, measure, route: dict, day: dt.date | None = None):
        """An answer value whose measure is `measure` (for counterexamples and replays)."""
        return measure

    def check_tests(self, tests: list[tuple[tuple, Condition]]) -> list[tuple[tuple, str, str]]:
        """(path, message, fix) for every test of this question in the checklist's conditions that cannot work."""
        problems = []
        for path, cond in tests:
            if cond.test not in self.tests:
                problems.append((path + (cond.test,), f"'{cond.test}' does not apply to '{self.id}', which is a "
                                 f"{self.name} question.", f"use {', '.join(self.tests) or 'no test'} with it."))
            else:
                problems += self.check_test(path, cond)
        return problems

    def check_test(self, path: tuple, cond: Condition) -> list[tuple[tuple, str, str]]:
        return []

    def test(self, cond: Condition, measure) -> bool:
        """Whether a known answer's measure passes a question test (three-valued logic is done by the caller)."""
        raise NotImplementedError

    def describe_test(self, cond: Condition, n: int) -> str:
        """The test in plain words, e.g. 'svaret på spørgsmål 2 er «Nej»'."""
        raise NotImplementedError

    def branches(self, tests: list[Condition]) -> list[Branch]:
        """The classes of known answers that `tests` (all tests of this question) tell apart."""
        raise NotImplementedError

    def route(self, tests: list[Condition], branches: list[Branch]) -> dict:
        """What the page's script needs to find an answer's branch (e.g. the bands of a number)."""
        return {}

    def key(self, measure, route: dict) -> str | None:
        """The branch of a known answer's measure, as the page's script finds it (None: not a valid answer)."""
        return str(measure)

    def branch_label(self, branch: Branch, route: dict) -> str:
        """A branch in words, for the drawing of the decision graph."""
        return self.label(branch.measure)

    def page_data(self) -> dict:
        """What the page's script needs to read and show this question's answers, besides its route."""
        return {}


def _listed(names: list[str]) -> str:
    quoted = [f"'{n}'" for n in names]
    return ", ".join(quoted[:-1]) + " or " + quoted[-1]


def _line_error(error: dict, kind: type[Question]) -> dict:
    """A pydantic error as it can be raised again (with its place inside the question kept). An unknown key
    deeper inside (an option's 'lable') gets its did-you-mean here, where the question's kind is known."""
    if error["type"] == "extra_forbidden":
        fields = _fields_at(kind, error["loc"][:-1])
        key = str(error["loc"][-1])
        message = f"unknown key '{key}'.{did_you_mean(key, fields)}; use one of: {', '.join(fields)}"
        return {"type": PydanticCustomError("value_error", message.replace("{", "{{").replace("}", "}}")),
                "loc": error["loc"], "input": error.get("input")}
    out = {"type": error["type"], "loc": error["loc"], "input": error.get("input")}
    if "ctx" in error:
        out["ctx"] = error["ctx"]
    if error["type"] == "value_error":
        text = str(error["msg"]).removeprefix("Value error, ")
        out["type"] = PydanticCustomError("value_error", text.replace("{", "{{").replace("}", "}}"))
        out.pop("ctx", None)
    return out


def _fields_at(model: type, loc: tuple) -> list[str]:
    """The keys (as written in rules.yaml: `is`, not `is_`) of the model found by following `loc` from `model`."""
    for part in loc:
        if isinstance(part, int):
            continue
        fields = model.model_fields if hasattr(model, "model_fields") else {}
        field = next((f for n, f in fields.items() if f.alias == part), None) or fields.get(part)
        if field is None:
            return []
        model = _model_in(field.annotation)
    return yaml_names(model) if hasattr(model, "model_fields") else []


def yaml_names(model: type) -> list[str]:
    """A model's keys as they are written in rules.yaml (a field's alias where it has one)."""
    return [field.alias or name for name, field in model.model_fields.items()]


def _model_in(annotation):
    """The model class inside list[…], … | None or Annotated[…]."""
    if hasattr(annotation, "model_fields"):
        return annotation
    for arg in typing.get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


# --- shared by the kinds that compare integers: number, amount, date ----------------------------------


Bound = tuple[str, int]  # ('>=', 5) or ('<=', 9): what a comparison means on integer measures


def bound(op: str, limit: float) -> Bound:
    """A comparison with a (possibly fractional) limit as a bound on whole numbers."""
    return {"gte": (">=", math.ceil(limit)), "gt": (">=", math.floor(limit) + 1),
            "lte": ("<=", math.floor(limit)), "lt": ("<=", math.ceil(limit) - 1)}[op]


def within(measure: int, found: Bound) -> bool:
    side, limit = found
    return measure >= limit if side == ">=" else measure <= limit


def band_key(low: int | None, high: int | None) -> str:
    if low is not None and low == high:
        return str(low)
    return f"{'' if low is None else low}..{'' if high is None else high}"


def bands(low: int | None, high: int | None, cuts: set[int], signature) -> list[Branch]:
    """Split [low, high] (None: open) at `cuts` (first values of new bands), merging neighbours that
    `signature(measure)` cannot tell apart; each band's measure is one of its values."""
    inside = sorted(c for c in cuts if (low is None or c > low) and (high is None or c <= high))
    edges = [low] + inside
    spans = [(lo, (nxt - 1) if nxt is not None else high) for lo, nxt in zip(edges, inside + [None])]
    merged: list[list] = []
    for lo, hi in spans:
        probe = lo if lo is not None else (hi if hi is not None else 0)
        sig = signature(probe)
        if merged and merged[-1][2] == sig:
            merged[-1][1] = hi
        else:
            merged.append([lo, hi, sig])
    out = []
    for lo, hi, _sig in merged:
        probe = lo if lo is not None else (hi if hi is not None else 0)
        out.append(Branch(band_key(lo, hi), probe))
    return out


def band_route(branches: list[Branch]) -> dict:
    """The bands as the page's script reads them: [low, high, key], null for an open end."""
    found = []
    for b in branches:
        if b.key == UNKNOWN:
            continue
        low, _sep, high = b.key.partition("..") if ".." in b.key else (b.key, "", b.key)
        found.append([int(low) if low else None, int(high) if high else None, b.key])
    return {"bands": found}


def band_of(measure: int, route: dict) -> str | None:
    for low, high, key in route["bands"]:
        if (low is None or measure >= low) and (high is None or measure <= high):
            return key
    return None
