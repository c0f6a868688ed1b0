"""The schema of `rules.yaml`: one typed class per concept of a scheme.

Every fact the site states is a `Sourced` item: it names the source it comes from, so the site can link each
statement to its source and a reviewer can check it. References between items are `Ref`s, resolved and
checked by `references.py`. The JSON Schema that editors use is generated from these classes (`schema.py`),
so the docstrings below are what an editor shows while typing.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, model_validator

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
Passages = Annotated[list[Verbatim], BeforeValidator(lambda v: [v] if isinstance(v, str) else v), Field(min_length=1)]
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
    """The role as it reads inside a sentence ('Spørg …'), e.g. 'en mikrolånsambassadør i jobcentret' or
    'Socialforvaltningen'. Leave out when it is the name with a small first letter."""
    description: Text | None = None
    """What the role does for the reader."""

    @property
    def in_text(self) -> str:
        """The role inside a sentence: `in_sentence`, or the name with its first letter made small."""
        return self.in_sentence or self.name[:1].lower() + self.name[1:]


# --- the scheme ---------------------------------------------------------------------------------------


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
    accessibility_statement_url: Annotated[str, StringConstraints(pattern=r"^https://")] | None = None
    """The municipality's official accessibility statement (https://…), if it has one; the footer links to it.
    Without it, the footer links to the site's own statement page."""
    about_title: Text = "Om ordningen"
    """Heading of the page that explains the scheme, e.g. 'Hvad er ordningen?'."""
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
    applies_to: Literal["loan", "course"]
    """What the rule governs: 'loan' (the microloan) or 'course' (the preparatory course)."""
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


class Condition(Strict):
    """A test of earlier answers, from a small closed set of operators that the browser can follow too.

    Either one question test (`q` with exactly one of `is`, `in`, `gte`, `gt`, `lte`, `lt`) or one combination
    (`all`, `any` or `not`). An answer of 'Ved ikke' makes a test unknown, never true or false.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True, populate_by_name=True)

    q: Id | None = None
    """The question tested (a question id of the same checklist)."""
    is_: Id | int | None = Field(None, alias="is")
    """True when the answer is this value."""
    in_: list[Id] | None = Field(None, alias="in")
    """True when the answer is one of these values."""
    gte: float | None = None
    """True when the number answered is at least this."""
    gt: float | None = None
    """True when the number answered is more than this."""
    lte: float | None = None
    """True when the number answered is at most this."""
    lt: float | None = None
    """True when the number answered is less than this."""
    all: list["Condition"] | None = None
    """True when every condition listed is true."""
    any: list["Condition"] | None = None
    """True when at least one condition listed is true."""
    not_: "Condition | None" = Field(None, alias="not")
    """True when the condition given is false."""

    @model_validator(mode="after")
    def _one_form(self) -> "Condition":
        tests = [k for k in ("is_", "in_", "gte", "gt", "lte", "lt") if getattr(self, k) is not None]
        combos = [k for k in ("all", "any", "not_") if getattr(self, k) is not None]
        names = [k.rstrip("_") for k in tests + combos]
        if self.q is not None and len(tests) != 1 or self.q is not None and combos:
            raise ValueError(f"a question test needs exactly one of is, in, gte, gt, lte, lt; got "
                             f"{', '.join(names) or 'none'}; keep one, or split the test with all:")
        if self.q is None and (tests or len(combos) != 1):
            raise ValueError(f"a condition is either 'q:' with one test, or one of all, any, not; got "
                             f"{', '.join(names) or 'nothing'}; add 'q: <question id>' or use a single all:/any:/not:")
        return self


class Option(Strict):
    """One answer to a choice question."""

    value: Id
    """The answer's id, used in conditions and in the page's form (e.g. 'foertidspension')."""
    label: Text
    """The answer as the reader sees it."""


class Question(Strict):
    """One question of a checklist."""

    id: Id
    """Short unique name within the checklist; also the form field's name."""
    kind: Literal["yes_no", "choice", "number"]
    """'yes_no' (Ja/Nej), 'choice' (one of `options`) or 'number' (a whole number, e.g. an amount)."""
    text: Text
    """The question, in the words of the checklist's audience."""
    help: Text | None = None
    """A short explanation under the question."""
    options: list[Option] = []
    """For a choice question: the answers to choose from."""
    unknown: bool = True
    """Offer 'Ved ikke' (don't know). An unknown answer is never read as yes or no."""
    min: int | None = None
    """For a number question: the smallest allowed answer."""
    max: int | None = None
    """For a number question: the largest allowed answer."""
    unit: Text | None = None
    """For a number question: the unit shown after the field, e.g. 'kr.' or 'personer'."""
    ask_if: Condition | None = None
    """Ask the question only when this holds for earlier answers (an unknown answer means: ask)."""
    rule: Annotated[Id, Ref("Rule")] | None = None
    """The rule this question tests (a rule id)."""
    clarify_with: RoleId | None = None
    """Whom to ask when the answer is 'Ved ikke' (a role id)."""

    @model_validator(mode="after")
    def _fits_kind(self) -> "Question":
        if self.kind == "choice" and len(self.options) < 2:
            raise ValueError("a choice question needs at least two options; add options, or use kind: yes_no")
        if self.kind != "choice" and self.options:
            raise ValueError(f"a {self.kind} question has no options; remove them, or use kind: choice")
        if self.kind == "number" and (self.min is None or self.max is None):
            raise ValueError("a number question needs min and max; add both, e.g. min: 1 and max: 20")
        if self.kind == "number" and self.max < self.min:
            raise ValueError(f"max {self.max} is below min {self.min}; swap the two numbers")
        values = [o.value for o in self.options]
        if "unknown" in values or len(set(values)) != len(values):
            raise ValueError("option values must be unique and not 'unknown'; rename the repeated value")
        return self


class Outcome(Strict):
    """A result of a checklist: what it means, what to do next, whom to contact, and why."""

    id: Id
    """Short unique name within the checklist; shown in the page's data-outcome."""
    verdict: Literal["yes", "no", "maybe", "assess"]
    """'yes' or 'no' (settled by objective facts), 'assess' (the caseworker assesses) or 'maybe' (depends on
    answers given as 'Ved ikke'). Exactly one outcome per checklist is 'maybe' and has no `when`."""
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
    """What the person should bring to the meeting (for referral sheets); leave empty if the sources do not say."""


class Checklist(Strict):
    """An interactive eligibility checklist for one audience."""

    id: Id
    """Short unique name; also the page's address, e.g. 'tjek-borger'."""
    audience: Annotated[Id, Ref("Audience")]
    """Whom the checklist is for (an audience id)."""
    style: Literal["citizen", "staff", "partner"] = "citizen"
    """'citizen' (plain questions), 'staff' (adds a journal note) or 'partner' (adds a referral sheet)."""
    title: Text
    """The question the checklist answers, e.g. 'Kan ordningen være noget for mig?'."""
    intro: Text
    """What the checklist does and does not do, in plain words."""
    questions: list[Question] = Field(min_length=1)
    """The questions, in the order they are asked."""
    outcomes: list[Outcome] = Field(min_length=2)
    """The possible results."""


class Scenario(Strict):
    """A worked case: a person, their answers, and the outcome the checklist must give."""

    id: Id
    """Short unique name, e.g. 'foertidspensionist-med-restarbejdsevne'."""
    title: Text
    """The persona in a few words."""
    checklist: Annotated[Id, Ref("Checklist")]
    """The checklist the case runs through."""
    story: Text
    """A short story about the person."""
    answers: dict[str, Id | int]
    """Question id → answer value ('yes', 'no', 'unknown', an option value or a number)."""
    expect: Id
    """The outcome id the checklist must reach."""
    lesson: Text | None = None
    """What an ambassador in training should take from the case."""


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
    """A language the site is built in besides Danish; its texts are in `translations/<code>.po`."""

    code: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}$")]
    """The language's ISO 639 code, e.g. 'en' or 'ar'; the site for it is built under /<code>/."""
    name: Verbatim
    """The language's name in itself, as the language switcher shows it, e.g. 'English', 'العربية'."""
    direction: Literal["ltr", "rtl"] = "ltr"
    """Writing direction: 'rtl' for Arabic, Persian, Urdu, Hebrew."""
    pages: list[PageId] | None = None
    """Only these pages are built in this language (page ids, e.g. 'start', 'borger', 'tjek-borger');
    leave out to build every page. Links to other pages go to the Danish page."""


class Checks(Strict):
    """Budgets that `python -m generator check` holds the scheme to."""

    legal_max_age_days: int = Field(365, ge=1)
    """A legal excerpt last checked longer ago than this is reported (a warning; an error with --strict)."""
    lix_max_citizen: int = Field(40, ge=1)
    """The highest LIX readability score allowed on a page or checklist for citizens (lower is easier)."""
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
    """Languages the site is also built in (Danish is always built, at the site's root)."""
    checks: Checks = Checks()
    """Budgets for `python -m generator check`: readability and the age of legal excerpts."""
