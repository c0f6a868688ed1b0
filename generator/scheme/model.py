"""The schema of `rules.yaml`: one typed class per concept of a scheme.

Every fact the site states is a `Sourced` item: it names the source it comes from, so the site can link each
statement to its source and a reviewer can check it. References between items are `Ref`s, resolved and
checked by `references.py`. The JSON Schema that editors use is generated from these classes (`schema.py`),
so the docstrings below are what an editor shows while typing.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, model_validator

from generator.scheme.addresses import WebAddress

# --- building blocks ---------------------------------------------------------------------------------


class Ref:
    """Marks a field whose value is the id of another item, of the class named `target`."""

    def __init__(self, target: str):
        self.target = target

    def __repr__(self) -> str:
        return f"Ref({self.target})"


class Translatable:
    """Marks a text that `i18n.translated` replaces with its translation; texts without it stay as written."""

    def __repr__(self) -> str:
        return "Translatable()"


Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=60)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), Translatable()]
Verbatim = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
"""Text that is never translated: quotations of law, titles of documents, names."""
Passages = Annotated[Verbatim | Annotated[list[Verbatim], Field(min_length=1)],
                     AfterValidator(lambda v: [v] if isinstance(v, str) else v)]
"""One or more exact passages of a source: one text, or a list of texts."""
SourceId = Annotated[Id, Ref("Source")]
LegalId = Annotated[Id, Ref("LegalExcerpt")]
RoleId = Annotated[Id, Ref("Role")]
ModuleId = Annotated[Id, Ref("Module")]
PageId = Annotated[Id, Ref("Page")]


class Strict(BaseModel):
    """Refuse unknown keys, so a misspelt key is reported instead of silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class Sourced(Strict):
    """A statement of fact, with the exact words of the source it rests on."""

    source: SourceId
    """Id of the source this comes from (one of `sources`)."""
    quote: Passages
    """The exact words of the source this rests on: one short passage, or a list of them. Each must occur in
    the source's text (ignoring only line breaks, spacing, end-of-line hyphens and the style of quotation
    marks); the build refuses one that does not and shows the closest passage. Never translated."""
    locator: Verbatim | None = None
    """Where in the source the quote stands, e.g. 'ad 1' or 'faktaboks'. Leave it out: it is derived from the
    quote and the source's `sections`. If written, it must agree with where the quote stands."""


class Fact(Sourced):
    """One statement the site makes, in plain language, with its source."""

    id: Id
    """Short unique name, lowercase with hyphens, e.g. 'no-cooperatives'."""
    text: Text
    """The statement, written in plain Danish for the site."""


# --- sources and law ---------------------------------------------------------------------------------


class Section(Strict):
    """A part of a source document, found by the words it starts with; locators name these parts."""

    locator: Verbatim
    """The part's name as citations show it, e.g. 'ad 1', 'faktaboks', 'Pilotprojekt'."""
    starts: Verbatim
    """The words the part begins with, exactly as in the source (they must occur once)."""


class OutOfScope(Strict):
    """A passage of a source that the site leaves out on purpose, and why."""

    text: Verbatim
    """The passage, exactly as in the source (a sentence, or part of one)."""
    reason: Verbatim
    """Why the site does not state it, e.g. 'a named caseworker's phone number: the site names roles only'."""


class Source(Strict):
    """A document the scheme's facts come from, with its full text beside rules.yaml."""

    id: Id
    """Short unique name used by `source:` fields, e.g. 'kk-2015'."""
    text: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
    """The document's full text as a UTF-8 file, relative to rules.yaml, e.g. 'sources/kk-2015.txt'. Every
    quote is checked against it."""
    sections: list[Section] = []
    """The document's parts in order (e.g. 'ad 1', 'faktaboks'), so each quote's locator can be derived."""
    out_of_scope: list[OutOfScope] = []
    """Passages the site leaves out on purpose, each with the reason; `check` counts them as accounted for."""
    label: Verbatim
    """Short citation shown on the site next to each fact, e.g. 'KK-2015'."""
    title: Verbatim
    """The document's title (never translated: it is the document's name)."""
    issuer: Verbatim
    """Who published it (authority and department)."""
    date: dt.date
    """The document's date, as YYYY-MM-DD."""
    case_number: Verbatim | None = None
    """The authority's case number (sagsnr.), where the document has one."""
    document_number: Verbatim | None = None
    """The document number (dokumentnr.), where the document has one."""
    note: Text | None = None
    """Anything a reader should know about the source, e.g. figures missing from the text."""


class LegalExcerpt(Sourced):
    """A quotation of law or guidance, shown only as a cited quotation with the date it was checked."""

    id: Id
    """Short unique name used by `legal:` fields, e.g. 'las-46-2'."""
    law: Verbatim
    """The law or guidance the text belongs to, e.g. 'Lov om aktiv socialpolitik'."""
    kind: Literal["law", "guidance"] = "law"
    """'law' for a law's own words; 'guidance' for a ministry's guidance (vejledning) on a law, which is not law:
    the site then says 'vejledning' where it would say 'lov'."""
    paragraph: Verbatim
    """The paragraph or section, e.g. '§ 46, stk. 2'."""
    quote: Verbatim
    """The exact words as quoted in the source (checked against its text). Never reword a quotation, nor
    translate it: the law is Danish."""
    summary: Text | None = None
    """What the quotation means, in plain Danish (not a quotation)."""
    last_checked: dt.date
    """When the quotation was last checked against its source, as YYYY-MM-DD."""


class Role(Strict):
    """Somebody a reader can contact: a role, never a named person."""

    id: Id
    """Short unique name used by `role:` and `contact:` fields."""
    name: Text
    """The role as a reader would call it, e.g. 'Din sagsbehandler i jobcentret'."""
    in_sentence: Text | None = None
    """The role as it reads inside a sentence ('Spørg …'), e.g. 'en ambassadør i jobcentret' or 'Jobcenter
    Vallensbæk'. Leave out when it is the name with a small first letter."""
    description: Text | None = None
    """What the role does for the reader."""

    @property
    def in_text(self) -> str:
        """The role inside a sentence: `in_sentence`, or the name with its first letter made small (but an
        abbreviation such as 'GOV.UK' or 'DVLA' as written)."""
        if self.in_sentence:
            return self.in_sentence
        if self.name[1:2].isupper():
            return self.name
        return self.name[:1].lower() + self.name[1:]


# --- the scheme ---------------------------------------------------------------------------------------


SchemeLanguage = Literal["da", "en"]
"""The languages a scheme can be written in: those the generator has its own words (Ja, Nej, Ved ikke, …) for,
a readability measure and a list of excluding words."""


class Scheme(Strict):
    """What the scheme is and who runs it."""

    id: Id
    """Short name of the scheme, e.g. 'mikrolaan-kk'."""
    name: Text
    """The scheme's name, e.g. 'Iværksætterordningen'."""
    site_title: Text
    """Title shown at the top of every page."""
    municipality: Text
    """The municipality that runs the scheme."""
    department: Text | None = None
    """The administration (forvaltning) responsible."""
    summary: Text
    """One or two plain sentences: what the scheme is for. Shown on the start page."""
    contact: RoleId
    """Whom a reader should ask when unsure (a role id)."""
    accessibility_statement_url: WebAddress | None = None
    """The municipality's official accessibility statement (https://…), if it has one; the footer links to it.
    Without it, the footer links to the site's own statement page."""
    language: SchemeLanguage = "da"
    """The language rules.yaml is written in: 'da' (Danish, the default) or 'en' (English). The site's own words
    (Ja, Nej, Ved ikke, headings, notices) are in this language, the site in it is built at the root, and every
    language under `languages:` is translated from it. It also chooses the readability measure `check` uses:
    LIX for Danish, the Flesch-Kincaid grade for English."""
    about_title: Text | None = None
    """Heading of the page that explains the scheme, e.g. 'Hvad er ordningen?'. Default: 'Om ordningen' in the
    scheme's language."""
    about: list[Fact] = []
    """What the scheme (e.g. a microloan) is: the basic facts."""


class Audience(Strict):
    """A group of readers who get their own way into the site."""

    id: Id
    """Short unique name; also the page's address, e.g. 'borger'."""
    title: Text
    """Heading of the audience's page, e.g. 'For borgere'."""
    teaser: Text
    """One sentence on the start page that tells this audience the page is theirs."""
    intro: Text
    """The opening of the audience's page, in the words this audience uses."""
    points: list[Fact] = []
    """The facts that matter most to this audience."""
    pages: list[PageId] = []
    """Pages to read next, in order (page ids such as 'eligibility' or 'process')."""
    contact: RoleId | None = None
    """Whom this audience should contact (a role id)."""


class Rule(Sourced):
    """A condition of the scheme: who can get what, and on which legal basis."""

    id: Id
    """Short unique name, e.g. 'only-revalidender'."""
    applies_to: Literal["loan", "course"] | None = None
    """What the rule governs in a microloan scheme: 'loan' (the microloan) or 'course' (the preparatory course).
    Leave out for a scheme without a loan and a course: the rule is then listed among the scheme's rules."""
    title: Text
    """The rule in a few words."""
    text: Text
    """The rule in plain Danish."""
    legal: list[LegalId] = []
    """Legal excerpts behind the rule (ids from `legal_excerpts`)."""
    kind: Literal["objective", "discretionary", "exclusion"] = "objective"
    """'objective' when the rule is a plain fact; 'discretionary' when it is the caseworker's assessment (it
    never gives a final yes or no in a checklist, only 'the caseworker assesses this'); 'exclusion' when the
    source excludes someone in so many words (its quote must say so): only an exclusion can make a
    checklist's answer 'no'."""
    weighs: list[Text] = []
    """For a discretionary rule: what the caseworker weighs when assessing it."""


class TargetGroup(Sourced):
    """A group of citizens who can join (part of) the scheme."""

    id: Id
    """Short unique name, e.g. 'foertidspensionister'."""
    name: Text
    """The group's name in plain Danish."""
    description: Text | None = None
    """Who belongs to the group, in plain words."""
    eligible_for: list[Literal["loan", "course"]]
    """What the group can be considered for: 'course' (the preparatory course) and/or 'loan'."""
    conditions: list[Annotated[Id, Ref("Rule")]] = []
    """Rules that must hold for this group (ids from `rules`)."""
    loan_condition: Text | None = None
    """For a group not eligible for the loan: when it can get the loan after all, in plain words (e.g. 'Først
    når kommunen har givet revalidering'). Without it the site says no."""


class ProcessStep(Sourced):
    """One step on the way from first contact to running one's own business."""

    id: Id
    """Short unique name, e.g. 'screening'."""
    title: Text
    """The step in a few words."""
    text: Text
    """What happens in this step, in plain Danish."""
    role: RoleId | None = None
    """Who is responsible for the step (a role id)."""
    only_if: Text | None = None
    """When the step applies only to some citizens, say when, e.g. 'Kun hvis borgeren ikke allerede er revalidend'."""


class Process(Strict):
    """The steps in order, drawn as a diagram on the site."""

    intro: Text | None = None
    """A sentence before the diagram."""
    note: Text | None = None
    """What the reader should know about how the steps were derived."""
    steps: list[ProcessStep] = Field(min_length=1)
    """The steps, first to last."""


class Duration(Strict):
    """How long something lasts, where the source says so."""

    months: int = Field(ge=0)
    """Length in whole months."""


class Module(Sourced):
    """One step (trappetrin) of the modular preparatory course."""

    id: Id
    """Short unique name, e.g. 'afklaring'."""
    title: Text
    """The module's name."""
    goal: Text
    """What the participant should have reached after the module."""
    content: list[Text] = []
    """What the module contains."""
    runner: Text | None = None
    """Who runs the module. Leave out when the sources do not say."""
    duration: Duration | None = None
    """How long it lasts. Leave out when the sources do not say (the site then says so)."""
    example: bool = False
    """True when the sources only sketch this module and it is shown as an example."""
    next: ModuleId | None = None
    """The module that follows (a module id); leave out for the last one."""


class StepModel(Strict):
    """The step model (trappetrinsmodel): modules that build on each other."""

    title: Text = "Trappetrinsmodellen"
    """Heading of the page."""
    intro: list[Fact] = []
    """What the model is, with sources."""
    example_note: Text | None = None
    """Shown when some modules are examples: why, and what is not decided."""
    modules: list[Module] = Field(min_length=1)
    """The modules; their order is given by each module's `next`."""


class Support(Strict):
    """Personal support (coach or mentor) around the establishment."""

    intro: Text | None = None
    """A plain sentence before the facts."""
    facts: list[Fact] = Field(min_length=1)
    """What the support is and when it is given."""
    phases: list[Fact] = []
    """The phases of support, in order (e.g. before, during and after establishment)."""


class PartnerType(Sourced):
    """A kind of organisation that can refer citizens to the scheme."""

    id: Id
    """Short unique name, e.g. 'handicaporganisationer'."""
    name: Text
    """The kind of organisation."""
    examples: list[Text] = []
    """Organisations the source names as examples."""
    role: Text | None = None
    """What this kind of partner does for the scheme."""


class Recruitment(Strict):
    """How citizens find their way to the scheme."""

    intro: Text | None = None
    """A plain sentence before the lists."""
    partner_types: list[PartnerType] = []
    """External and internal partners."""
    channels: list[Fact] = []
    """The recruitment channels and what each does."""


class Ambassadors(Strict):
    """The ambassador model: trained specialists who spread the scheme among staff."""

    intro: Text | None = None
    """A plain sentence before the facts."""
    facts: list[Fact] = Field(min_length=1)
    """What the ambassadors are, do and learn."""


class Goal(Sourced):
    """A measurable goal of the scheme."""

    id: Id
    """Short unique name."""
    text: Text
    """The goal in plain Danish."""
    target: int = Field(ge=0)
    """The number to reach."""
    at_least: bool = False
    """True when the goal is a minimum ('mindst 20'): the figure on the site then says so."""
    unit: Text
    """What is counted, e.g. 'borgere, der har fået tilskud'."""
    from_year: int = Field(ge=1900, le=2200)
    """First year of the period."""
    to_year: int = Field(ge=1900, le=2200)
    """Last year of the period."""

    @model_validator(mode="after")
    def _period_in_order(self) -> "Goal":
        if self.to_year < self.from_year:
            raise ValueError(f"the period is reversed: to_year {self.to_year} is before from_year {self.from_year}"
                             "; swap the two years")
        return self


class BudgetLine(Strict):
    """One line of the budget table."""

    id: Id
    """Short unique name."""
    label: Text
    """What the money is for."""
    amounts: list[int]
    """One amount per year, in the order of the budget's `years`."""


class Budget(Sourced):
    """A budget table, shown as a real table; its total is checked against its lines."""

    id: Id
    """Short unique name."""
    title: Text
    """Caption of the table."""
    unit: Text
    """The unit of every amount, e.g. '1.000 kr.'."""
    years: list[int] = Field(min_length=1)
    """The years, one column each."""
    lines: list[BudgetLine] = Field(min_length=1)
    """The budget lines."""
    total: list[int]
    """The total per year, as the source states it."""
    statement: Text | None = None
    """A sentence from the source about the budget as a whole."""

    @model_validator(mode="after")
    def _sums_match(self) -> "Budget":
        width = len(self.years)
        for line in [*self.lines]:
            if len(line.amounts) != width:
                raise ValueError(f"line '{line.id}' has {len(line.amounts)} amounts but there are {width} years; "
                                 "give one amount per year")
        if len(self.total) != width:
            raise ValueError(f"total has {len(self.total)} amounts but there are {width} years; give one per year")
        for i, year in enumerate(self.years):
            summed = sum(line.amounts[i] for line in self.lines)
            if summed != self.total[i]:
                raise ValueError(f"the lines for {year} add up to {summed}, but total says {self.total[i]}; "
                                 "correct a line or the total")
        return self


class Inspiration(Sourced):
    """Topics taken from another municipality's experience."""

    title: Text
    """Heading of the page, e.g. 'Inspiration fra en anden kommune'."""
    intro: Text
    """What the inspiration is and how it is used."""
    topics: list[Fact] = Field(min_length=1)
    """The topics, one each."""


class AmountRange(Sourced):
    """A range of amounts, e.g. the size of a loan, in whole kroner."""

    min: int = Field(ge=0)
    """The smallest amount (0 or more)."""
    max: int = Field(ge=0)
    """The largest amount (at least `min`)."""
    currency: Text = "kr."
    """The currency as written on the site."""

    @model_validator(mode="after")
    def _in_order(self) -> "AmountRange":
        if self.max < self.min:
            raise ValueError(f"the range is reversed: max {self.max} is below min {self.min}; swap the two amounts")
        return self


class Course(Sourced):
    """A course in another model, with its length where known."""

    id: Id
    """Short unique name."""
    name: Text
    """The course's name."""
    duration: Duration | None = None
    """How long it lasts, where the source says so."""
    content: list[Text] = []
    """What the course contains."""


class OtherModel(Strict):
    """How another municipality runs a similar scheme; its facts and figures are attributed to it alone."""

    id: Id
    """Short unique name, e.g. 'ishoej-naestved'."""
    name: Text
    """The model's name, e.g. 'Nabokommunens model'."""
    municipalities: list[Text] = Field(min_length=1)
    """The municipalities behind the model."""
    intro: Text
    """A plain sentence that says this is another municipality's model."""
    facts: list[Fact] = []
    """Facts about the model."""
    courses: list[Course] = []
    """The model's courses, in order."""
    loan: AmountRange | None = None
    """The loan amounts in this model."""


# --- checklists ----------------------------------------------------------------------------------------
# The question kinds live in generator/checklist/kinds/ (one class per kind); they build on the Condition below,
# so they are imported after it. `generator/checklist/__init__.py` loads this module first, so either import
# order works.

import re  # noqa: E402

from pydantic import AliasChoices, BeforeValidator, PrivateAttr, SerializeAsAny, StrictInt  # noqa: E402


def _limit(value: object) -> object:
    """A bound to compare an answer with: a finite number, or a date written YYYY-MM-DD."""
    if isinstance(value, bool):
        raise ValueError(f"'{str(value).lower()}' (yes/no) is not a number or a date; write a number, e.g. "
                         "gte: 2, or a date, e.g. gte: 2015-01-01")
    if isinstance(value, str) and _NUMBER.fullmatch(value.strip()):
        value = float(value)
    if isinstance(value, (int, float)):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError("the number is too large to compare with (no computer number holds it); write an "
                             "ordinary number, e.g. 100000")
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"'{value}' is neither a number nor a date; write a number, e.g. 2, or a date as "
                             "YYYY-MM-DD, e.g. 2015-01-01") from None
    return value


_NUMBER = re.compile(r"[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?", re.ASCII)


def _answer_value(value: object) -> object:
    """An answer named in a condition: an answer's id, or a whole number."""
    if isinstance(value, bool):
        raise ValueError(f"'{str(value).lower()}' (yes/no) is not an answer's value; write the answer in quotes, "
                         "e.g. is: \"yes\"")
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


Limit = Annotated[float | dt.date, BeforeValidator(_limit)]
AnswerValue = Annotated[Id | StrictInt, BeforeValidator(_answer_value)]
COMPARISONS = ("gte", "gt", "lte", "lt")
QUESTION_TESTS = ("is_", "in_", *COMPARISONS, "includes", "includes_any", "includes_all", "years_ago",
                  "months_ago", "days_ago")


class Ago(Strict):
    """How long before the day of use a date lies, compared with a whole number of years, months or days."""

    gte: Annotated[StrictInt, Field(ge=0)] | None = None
    """At least this long ago."""
    gt: Annotated[StrictInt, Field(ge=0)] | None = None
    """More than this long ago."""
    lte: Annotated[StrictInt, Field(ge=0)] | None = None
    """At most this long ago."""
    lt: Annotated[StrictInt, Field(ge=1)] | None = None
    """Less than this long ago."""

    @model_validator(mode="after")
    def _one_comparison(self) -> "Ago":
        given = [k for k in COMPARISONS if getattr(self, k) is not None]
        if len(given) != 1:
            raise ValueError(f"give exactly one of gte, gt, lte, lt (given: {', '.join(given) or 'none'}); e.g. "
                             "years_ago: {gte: 18} for 'at least 18 years ago'")
        return self

    @property
    def op(self) -> str:
        return next(k for k in COMPARISONS if getattr(self, k) is not None)

    @property
    def amount(self) -> int:
        return getattr(self, self.op)


class Condition(Strict):
    """A test of earlier answers, from a small closed set of operators that the browser can follow too.

    Either one question test (`q` with exactly one test) or one combination (`all`, `any` or `not`). Which
    tests a question takes depends on its kind: `is`/`in` (yes/no, choice, number), `gte`/`gt`/`lte`/`lt`
    (number, amount, date), `includes`/`includes_any`/`includes_all` (multiple), `years_ago`/`months_ago`/
    `days_ago` (date). An answer of 'Ved ikke' makes a test unknown, never true or false.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True, populate_by_name=True)

    q: Id | None = None
    """The question tested (a question id of the same checklist)."""
    is_: AnswerValue | None = Field(None, alias="is")
    """True when the answer is this value."""
    in_: list[AnswerValue] | None = Field(None, alias="in", min_length=1)
    """True when the answer is one of these values."""
    gte: Limit | None = None
    """True when the number, amount or date answered is at least this (a date: on or after it)."""
    gt: Limit | None = None
    """True when the number, amount or date answered is more than this (a date: after it)."""
    lte: Limit | None = None
    """True when the number, amount or date answered is at most this (a date: on or before it)."""
    lt: Limit | None = None
    """True when the number, amount or date answered is less than this (a date: before it)."""
    per: Literal["month", "year"] | None = None
    """For an amount question: the period of the amount in gte/gt/lte/lt ('month' or 'year'); the answer is
    converted to the same period before comparing. Default: the question's own `per`."""
    includes: Id | None = None
    """For a multiple-choice question: true when this option is among the answers."""
    includes_any: list[Id] | None = Field(None, min_length=1)
    """For a multiple-choice question: true when at least one of these options is among the answers."""
    includes_all: list[Id] | None = Field(None, min_length=1)
    """For a multiple-choice question: true when every one of these options is among the answers."""
    years_ago: Ago | None = None
    """For a date question: compares how many years before the day of use the date lies, e.g. {gte: 18}
    for 'at least 18 years ago' (an age of 18 or more, from a birth date)."""
    months_ago: Ago | None = None
    """For a date question: compares how many months before the day of use the date lies, e.g. {gt: 6}."""
    days_ago: Ago | None = None
    """For a date question: compares how many days before the day of use the date lies."""
    all: list["Condition"] | None = Field(None, min_length=1)
    """True when every condition listed is true."""
    any: list["Condition"] | None = Field(None, min_length=1)
    """True when at least one condition listed is true."""
    not_: "Condition | None" = Field(None, alias="not")
    """True when the condition given is false."""

    @model_validator(mode="after")
    def _one_form(self) -> "Condition":
        tests = [k for k in QUESTION_TESTS if getattr(self, k) is not None]
        combos = [k for k in ("all", "any", "not_") if getattr(self, k) is not None]
        names = [k.rstrip("_") for k in tests + combos]
        listed = ", ".join(k.rstrip("_") for k in QUESTION_TESTS)
        if self.q is not None and len(tests) != 1 or self.q is not None and combos:
            raise ValueError(f"a question test needs exactly one of {listed}; got {', '.join(names) or 'none'}; "
                             "keep one, or split the test with all:")
        if self.q is None and (tests or len(combos) != 1):
            raise ValueError(f"a condition is either 'q:' with one test, or one of all, any, not; got "
                             f"{', '.join(names) or 'nothing'}; add 'q: <question id>' or use a single all:/any:/not:")
        if self.per is not None and not any(getattr(self, k) is not None for k in COMPARISONS):
            raise ValueError("'per' belongs to a comparison of an amount (gte, gt, lte or lt); add one, or "
                             "remove 'per'")
        return self

    @property
    def test(self) -> str | None:
        """The name of this question test as written in YAML ('is', 'gte', 'includes', …), or None."""
        found = next((k for k in QUESTION_TESTS if getattr(self, k) is not None), None)
        return found.rstrip("_") if found else None

    @property
    def argument(self) -> object:
        """The value of this question test (e.g. 2 for gte: 2)."""
        return getattr(self, {"is": "is_", "in": "in_"}.get(self.test, self.test))

    def parts(self) -> list["Condition"]:
        """The conditions this one combines (empty for a question test)."""
        return (self.all or []) + (self.any or []) + ([self.not_] if self.not_ is not None else [])


from generator.checklist.kinds import Option, Question  # noqa: E402,F401  (Option: for code that imports it here)


class Outcome(Strict):
    """A result of a checklist: what it means, what to do next, whom to contact, and why."""

    id: Id
    """Short unique name within the checklist; shown in the page's data-outcome."""
    verdict: Literal["yes", "no", "maybe", "assess", "info"]
    """'yes' or 'no' (settled by objective facts), 'assess' (the caseworker assesses), 'maybe' (depends on
    answers given as 'Ved ikke'; at most one per checklist, without `when`, needed only when a question allows
    'Ved ikke'), or 'info' (tells what applies, with no yes or no; shown neutrally)."""
    title: Text
    """The result in a few words."""
    explanation: Text
    """Why, in plain words."""
    when: Condition | None = None
    """When this outcome holds. Outcomes must not overlap, and together they must cover every answer."""
    next_steps: list[Text] = Field(min_length=1)
    """What to do now, in order."""
    contact: RoleId
    """Whom to contact (a role id)."""
    rules: list[Annotated[Id, Ref("Rule")]] = []
    """The rules behind this outcome (rule ids)."""
    legal: list[LegalId] = []
    """Legal excerpts behind this outcome (ids from `legal_excerpts`)."""
    sources: list[SourceId] = Field(min_length=1)
    """The sources behind this outcome."""
    assesses: list[Annotated[Id, Ref("Rule")]] = []
    """Discretionary rules the caseworker assesses before anything is decided (rule ids)."""
    bring: list[Text] = []
    """On a partner checklist, what the person takes to the meeting the outcome refers them to (e.g. the referral
    sheet itself). An outcome with nothing to bring refers no one: its result has no referral heading, sheet or
    "bring" list."""


class Checklist(Strict):
    """An interactive eligibility checklist for one audience."""

    id: Id
    """Short unique name; also the page's address, e.g. 'tjek-borger'."""
    audience: Annotated[Id, Ref("Audience")]
    """Whom the checklist is for (an audience id)."""
    variant: Literal["citizen", "staff", "partner"] = Field(
        "citizen", validation_alias=AliasChoices("variant", "style"))
    """Who fills it in: 'citizen' (about oneself; the answers stay in the page's address, so they can be
    bookmarked), 'staff' (about a citizen; adds a journal note) or 'partner' (about a citizen; adds a referral
    sheet). On staff and partner checklists the answers enter the address only when the user asks for a link.
    (The old name of this key, `style`, is still read; `check` asks you to rename it.)"""
    title: Text
    """The question the checklist answers, e.g. 'Kan ordningen være noget for mig?'."""
    intro: Text
    """What the checklist does and does not do, in plain words."""
    questions: list[SerializeAsAny[Question]] = Field(min_length=1)
    """The questions, in the order they are asked. Each has a `kind`: yes_no, choice, number, multiple, date or
    amount."""
    outcomes: list[Outcome] = Field(min_length=2)
    """The possible results."""
    _old_key: bool = PrivateAttr(False)

    @model_validator(mode="wrap")
    @classmethod
    def _old_name_of_variant(cls, data, handler):
        if isinstance(data, dict) and "style" in data and "variant" in data:
            raise ValueError("both 'variant' and its old name 'style' are given; keep only 'variant'")
        checklist = handler(data)
        checklist._old_key = isinstance(data, dict) and "style" in data
        return checklist

    @property
    def style(self) -> str:
        """The old name of `variant`, for code written before the rename."""
        return self.variant

    @property
    def uses_old_style_key(self) -> bool:
        """True when rules.yaml still writes `style:` (reported by `check` as something to rename)."""
        return self._old_key


ScenarioAnswer = StrictInt | list[Id] | Annotated[str, StringConstraints(min_length=1, max_length=60)]


class Scenario(Strict):
    """A worked case: a person, their answers, and the outcome (or the next question) the checklist must give."""

    id: Id
    """Short unique name, e.g. 'foertidspensionist-med-restarbejdsevne'."""
    title: Text
    """The persona in a few words."""
    checklist: Annotated[Id, Ref("Checklist")]
    """The checklist the case runs through."""
    story: Text
    """A short story about the person."""
    answers: dict[str, ScenarioAnswer]
    """Question id → answer, written as on the command line: 'yes', 'no', 'unknown', an option's value, a whole
    number, a list of options for a multiple-choice question ([] or 'none' for none of them), a date
    (2001-05-17) or an amount with its period ('20000/month')."""
    expect: Id | None = None
    """The outcome id the checklist must reach."""
    expect_next: Id | None = None
    """Instead of `expect`: the question the checklist must ask next, for a case that stops before an outcome."""
    today: dt.date | None = None
    """The day of use for questions that compare a date with today (e.g. an age); default: today."""
    lesson: Text | None = None
    """What an ambassador in training should take from the case."""
    fictional: bool = True
    """True (the default) when the person is made up, as the examples page then says; false for a case that is
    not a made-up person, e.g. a route test taken over from another service's flow."""

    @model_validator(mode="after")
    def _expects_one_thing(self) -> "Scenario":
        if (self.expect is None) == (self.expect_next is None):
            raise ValueError("a scenario needs exactly one of 'expect' (an outcome id) and 'expect_next' (the id "
                             "of the question asked next); keep one of them")
        return self


class Gap(Strict):
    """Something the sources do not say, stated plainly so nobody guesses. A gap carries no quote."""

    id: Id
    """Short unique name."""
    looked_for: Verbatim
    """What was looked for in the sources and not found, e.g. 'the size of a loan in Copenhagen'."""
    absent: list[Verbatim] = []
    """Words that would say it, checked to occur in none of the sources, e.g. ['rente', 'tilbagebetal']."""
    text: Text
    """What is not known, and whom to ask."""
    page: PageId | None = None
    """A page where this gap should also be stated, next to the topic it concerns (a page id)."""


# --- ambassador training ---------------------------------------------------------------------------------


class QuizOption(Strict):
    """One answer a quiz question offers."""

    value: Id
    """Short name of the answer, used by `answer:`, e.g. 'revalidend'."""
    label: Text
    """The answer as the reader sees it."""


class QuizQuestion(Sourced):
    """A knowledge check: one question, its answers, the right one, and why, with the rule or law behind it."""

    id: Id
    """Short unique name, e.g. 'quiz-kooperativ'."""
    question: Text
    """The question, in plain Danish."""
    options: list[QuizOption] = Field(min_length=2)
    """The answers to choose from (two or more)."""
    answer: Id
    """The `value` of the right answer."""
    explanation: Text
    """Why that answer is right, in plain Danish. Shown right after the reader answers."""
    rule: Annotated[Id, Ref("Rule")] | None = None
    """The rule behind the answer (a rule id), if there is one."""
    legal: LegalId | None = None
    """The legal excerpt behind the answer (an id from `legal_excerpts`), if there is one."""

    @model_validator(mode="after")
    def _answer_is_an_option(self) -> "QuizQuestion":
        values = [o.value for o in self.options]
        if len(set(values)) != len(values):
            raise ValueError(f"two options have the same value in {values}; give each option its own value")
        if self.answer not in values:
            raise ValueError(f"answer '{self.answer}' is not one of the options' values {values}; "
                             "set answer to the value of the right option")
        return self


class TrainingModule(Strict):
    """One module of the ambassadors' training: what to learn, the facts, and a quiz."""

    id: Id
    """Short unique name; the module's page is ambassadoeruddannelse-<id>."""
    title: Text
    """The module's title."""
    goals: list[Text] = Field(min_length=1)
    """Learning goals: what an ambassador can do after the module ('Du kan …')."""
    facts: list[Fact] = []
    """What the module teaches, each with its source."""
    quiz: list[QuizQuestion] = []
    """Knowledge-check questions."""
    cases_from: Annotated[Id, Ref("Checklist")] | None = None
    """A checklist id: its worked scenarios are shown as cases to practise on."""
    discussion: bool = False
    """Show the topics of `inspiration` as prompts for discussion in the module."""


class Training(Strict):
    """The training of ambassadors: modules with learning goals, facts, quizzes, cases and discussion."""

    title: Text = "Uddannelse af ambassadører"
    """Title of the training's start page and its navigation group."""
    intro: Text
    """What the training is for and how to use it."""
    modules: list[TrainingModule] = Field(min_length=1)
    """The modules, in the order they are meant to be taken."""


class Language(Strict):
    """A language the site is built in besides the scheme's own (`scheme.language`); its texts are translated
    from the scheme's language in `translations/<code>.po`."""

    code: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}$")]
    """The language's ISO 639 code, e.g. 'en' or 'ar'; the site for it is built under /<code>/."""
    name: Verbatim
    """The language's name in itself, as the language switcher shows it, e.g. 'English', 'العربية'."""
    direction: Literal["ltr", "rtl"] = "ltr"
    """Writing direction: 'rtl' for Arabic, Persian, Urdu, Hebrew."""
    pages: list[PageId] | None = None
    """Only these pages are built in this language (page ids, e.g. 'start', 'borger', 'tjek-borger');
    leave out to build every page. Links to other pages go to the Danish page."""


class GateLimits(Strict):
    """The limits `python -m generator check` holds the scheme to (written under `checks:` in rules.yaml)."""

    legal_max_age_days: int = Field(365, ge=1)
    """A legal excerpt last checked longer ago than this is reported (a warning; an error with --strict)."""
    lix_max_citizen: int = Field(40, ge=1)
    """The highest LIX readability score allowed on a page or checklist for citizens (lower is easier); used when
    the scheme is written in Danish."""
    grade_max_citizen: float = Field(9, gt=0)
    """The highest Flesch-Kincaid grade allowed on a page or checklist for citizens (lower is easier; grade 9 is
    about age 14); used when the scheme is written in English."""
    citizen_audiences: list[Annotated[Id, Ref("Audience")]] = []
    """The audiences whose pages count as citizen pages (audience ids, e.g. 'borger')."""


class Rules(Strict):
    """The whole scheme: the single source of the site."""

    scheme: Scheme
    """What the scheme is and who runs it."""
    sources: list[Source] = Field(min_length=1)
    """The documents every fact comes from."""
    legal_excerpts: list[LegalExcerpt] = []
    """Quotations of law and guidance."""
    roles: list[Role] = Field(min_length=1)
    """Roles a reader can contact."""
    audiences: list[Audience] = []
    """Reader groups with their own page."""
    rules: list[Rule] = []
    """Who can get the loan and who can join the course."""
    target_groups: list[TargetGroup] = []
    """Groups of citizens the scheme is for."""
    process: Process | None = None
    """The steps of the process."""
    step_model: StepModel | None = None
    """The modular preparatory course."""
    support: Support | None = None
    """Coach and mentor support."""
    recruitment: Recruitment | None = None
    """Partners and recruitment channels."""
    ambassadors: Ambassadors | None = None
    """The ambassador model for staff."""
    goals: list[Goal] = []
    """The scheme's measurable goals."""
    budget: Budget | None = None
    """The administration budget."""
    inspiration: Inspiration | None = None
    """Topics from another municipality's experience."""
    other_models: list[OtherModel] = []
    """Similar schemes elsewhere, with their own figures."""
    gaps: list[Gap] = []
    """What the sources do not say."""
    checklists: list[Checklist] = []
    """Interactive eligibility checklists, one per audience."""
    training: Training | None = None
    """The ambassadors' training (modules, quizzes); pages are made only when present."""
    languages: list[Language] = []
    """Languages the site is also built in (the scheme's own language is always built, at the site's root)."""

    @model_validator(mode="after")
    def _languages_are_other_languages(self) -> "Rules":
        for lang in self.languages:
            if lang.code == self.scheme.language:
                raise ValueError(f"languages lists '{lang.code}', the language rules.yaml is written in "
                                 f"(scheme.language); remove it from languages: the site in '{lang.code}' is built "
                                 "at the root")
        return self
    checks: GateLimits = GateLimits()
    """Budgets for `python -m generator check`: readability and the age of legal excerpts."""
