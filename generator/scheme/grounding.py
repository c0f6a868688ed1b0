"""Hold every statement to the exact words of its source: quotes found, locators derived, "no" only when excluded.

After validation, every `Sourced` item (a fact, rule, target group, step, module, legal excerpt, …) carries
`quote:`, one or more passages of its source. Here each passage is looked up in the source's text (read once,
see `sources`); one that does not occur is refused at its line with the closest passage of the source. Where
the passage stands gives the item's `locator` (the section it is in); a locator written by hand must agree.
Gaps name words that would state them, checked to occur in no source. A checklist outcome may say "no" only
when one of its rules is an exclusion whose quote states the exclusion: anything else is "ask".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from generator.scheme.model import Rule, Rules, Sourced
from generator.scheme.problems import Problem, path_to_text
from generator.scheme.reading import Positions
from generator.scheme.sources import SourceText, normalise

# Words without which a passage cannot exclude anyone, by the sources' language.
EXCLUDING_WORDS = {
    "da": ("ikke", "kun", "ingen", "intet", "aldrig", "hverken", "udelukkende", "skal", "kræver", "forudsætter"),
    "en": ("not", "only", "no", "never", "cannot", "neither", "nor", "except", "solely", "must", "requires"),
}
# How a derived locator joins the parts a quote stands in ('ad 1 og ad 2'), by the scheme's language.
AND = {"da": " og ", "en": " and "}


@dataclass
class Grounded:
    """The scheme with every locator filled in, and the source texts it was checked against."""

    rules: Rules
    texts: dict[str, SourceText] = field(default_factory=dict)


def read_texts(rules: Rules, base_dir: Path, positions: Positions) -> tuple[dict[str, SourceText], list[Problem]]:
    """Read each source's text file (relative to `base_dir`), and index its sections."""
    texts, problems = {}, []
    root = Path(base_dir).resolve()
    for i, source in enumerate(rules.sources):
        where = ("sources", i, "text")
        try:
            path = (root / source.text).resolve()
        except (RuntimeError, OSError, ValueError):   # a loop of links; a NUL in the path
            problems.append(_problem(positions, where, f"the path '{source.text!r}'"[:120] + " cannot be "
                                     "followed (a loop of links, or a character a path cannot hold).",
                                     f"name the source's text file plainly, e.g. sources/{source.id}.txt."))
            continue
        if not path.is_relative_to(root):
            problems.append(_problem(positions, where, f"the text file '{source.text}' lies outside the scheme's "
                                     "folder.", "copy the document's text into the scheme's folder, e.g. "
                                     f"sources/{source.id}.txt, and name that file."))
            continue
        try:
            text = SourceText.read(source.id, path)
        except FileNotFoundError:
            problems.append(_problem(positions, where, f"the text file '{source.text}' of source '{source.id}' "
                                     "does not exist.", f"save the document's full text as UTF-8 at "
                                     f"{source.text} (beside rules.yaml), or correct the path."))
            continue
        except (OSError, UnicodeDecodeError) as exc:
            reason = getattr(exc, "strerror", None) or str(exc)
            problems.append(_problem(positions, where, f"the text file '{source.text}' cannot be read: {reason}.",
                                     "save the document's text as a UTF-8 text file and name it here."))
            continue
        problems += _sections(text, source, ("sources", i), positions)
        texts[source.id] = text
    return texts, problems


def _sections(text: SourceText, source, base: tuple, positions: Positions) -> list[Problem]:
    problems, found = [], []
    for j, section in enumerate(source.sections):
        starts = text.find(section.starts)
        where = base + ("sections", j, "starts")
        if len(starts) != 1:
            problems.append(_not_found(positions, where, text, section.starts) if not starts else
                            _problem(positions, where, f"the words '{section.starts}' occur {len(starts)} times in "
                                     f"'{source.text}', so the section cannot be placed.",
                                     "quote more of the section's first line, so the words occur once."))
            continue
        if found and starts[0] < found[-1][0]:
            problems.append(_problem(positions, where, f"section '{section.locator}' starts before the section "
                                     "listed above it.", "list the sections in the order of the document."))
            continue
        found.append((starts[0], section.locator))
    text.sections = found
    return problems


def ground(rules: Rules, positions: Positions, base_dir: Path) -> tuple[Grounded, list[Problem]]:
    """Check every quote, locator, gap and "no" of `rules`; return the scheme with locators derived."""
    texts, problems = read_texts(rules, base_dir, positions)
    if problems:
        return Grounded(rules, texts), problems
    for i, source in enumerate(rules.sources):
        for j, left_out in enumerate(source.out_of_scope):
            if not texts[source.id].find(left_out.text):
                problems.append(_not_found(positions, ("sources", i, "out_of_scope", j, "text"), texts[source.id],
                                           left_out.text))
    derived: dict[tuple, str | None] = {}
    joiner = AND.get(rules.scheme.language, AND["da"])
    for path, item in sourced_items(rules):
        problems += _quotes(item, path, texts, positions, derived, joiner)
    problems += _gaps(rules, texts, positions)
    problems += _honest_verdicts(rules, positions)
    return Grounded(_with_locators(rules, derived), texts), problems


def sourced_items(model: BaseModel, path: tuple = ()):
    """Every `Sourced` item in the scheme, with its path (depth first, in file order)."""
    if isinstance(model, Sourced):
        yield path, model
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            yield from sourced_items(value, path + (name,))
        elif isinstance(value, list):
            for k, entry in enumerate(value):
                if isinstance(entry, BaseModel):
                    yield from sourced_items(entry, path + (name, k))


def passages(item: Sourced) -> list[str]:
    """The item's quote as a list of passages (a legal excerpt's quote is one passage)."""
    return [item.quote] if isinstance(item.quote, str) else list(item.quote)


def _quotes(item: Sourced, path: tuple, texts: dict[str, SourceText], positions: Positions,
            derived: dict, joiner: str = AND["da"]) -> list[Problem]:
    text = texts.get(item.source)
    if text is None:
        return []  # an unknown source id is reported by `references`
    problems, places = [], []
    listed = not isinstance(item.quote, str) and len(item.quote) > 1
    for k, passage in enumerate(passages(item)):
        where = path + (("quote", k) if listed else ("quote",))
        place = text.place(passage)
        if place is None:
            problems.append(_not_found(positions, where, text, passage))
        else:
            places.append(place)
    if problems or not text.sections:
        return problems
    sections = list(dict.fromkeys(p.section for p in places if p.section))
    derived[path] = joiner.join(sections) or None
    if item.locator is not None and _names(item.locator) != _names(derived[path] or ""):
        problems.append(_problem(positions, path + ("locator",),
                                 f"the locator '{item.locator}' does not match where the quote stands: "
                                 f"'{derived[path] or 'before the first section'}'.",
                                 f"write locator: {derived[path]}, or remove the locator: it is derived from "
                                 "the quote." if derived[path] else "remove the locator."))
    return problems


def _names(locator: str) -> set[str]:
    return {part.strip().lower() for part in re.split(r",| og | and ", locator) if part.strip()}


def _gaps(rules: Rules, texts: dict[str, SourceText], positions: Positions) -> list[Problem]:
    problems = []
    for i, gap in enumerate(rules.gaps):
        for k, word in enumerate(gap.absent):
            needle = normalise(word).text.lower()
            for source in rules.sources:
                text = texts[source.id]
                at = text.normalised.text.lower().find(needle)
                if at >= 0:
                    sentence = next((text.words(a, b) for a, b in text.sentences if a <= at < b), word)
                    problems.append(_problem(positions, ("gaps", i, "absent", k),
                                             f"'{word}' does occur in {source.label}: «{sentence}».",
                                             "state what the source says as a fact with its quote, or remove the "
                                             "word if the gap is about something else."))
                    break
    return problems


def _honest_verdicts(rules: Rules, positions: Positions) -> list[Problem]:
    """A "no" rests on an exclusion rule whose quote states the exclusion; nothing else may say no."""
    problems = []
    words = EXCLUDING_WORDS[rules.scheme.language]
    by_id = {r.id: r for r in rules.rules}
    for i, rule in enumerate(rules.rules):
        if rule.kind == "exclusion" and not _states_exclusion(rule, words):
            problems.append(_problem(positions, ("rules", i, "kind"),
                                     f"rule '{rule.id}' is an exclusion, but its quote does not state one: it "
                                     f"has none of the words {', '.join(words)}.",
                                     "quote the source's words that exclude, or mark the rule objective: then it "
                                     "cannot make a checklist say no."))
    for c, checklist in enumerate(rules.checklists):
        for n, outcome in enumerate(checklist.outcomes):
            if outcome.verdict != "no":
                continue
            excluding = [by_id[r] for r in outcome.rules if r in by_id and by_id[r].kind == "exclusion"]
            if not excluding:
                problems.append(_problem(
                    positions, ("checklists", c, "outcomes", n, "verdict"),
                    f"outcome '{outcome.id}' says 'no', but none of its rules is an exclusion (kind: exclusion) "
                    "whose source excludes the person in so many words.",
                    "use verdict: maybe or assess and say whom to ask; or, if a source does exclude the person, "
                    "list that rule under `rules:` and mark it kind: exclusion."))
    return problems


def _states_exclusion(rule: Rule, words: tuple[str, ...]) -> bool:
    text = " ".join(passages(rule)).lower()
    return any(re.search(rf"\b{re.escape(w)}\b", text) for w in words)


def _with_locators(rules: Rules, derived: dict[tuple, str | None]) -> Rules:
    """A copy of `rules` in which every item whose locator was left out has the derived one."""
    def rebuild(model: BaseModel, path: tuple) -> BaseModel:
        updates = {}
        for name in type(model).model_fields:
            value = getattr(model, name)
            if isinstance(value, BaseModel):
                new = rebuild(value, path + (name,))
            elif isinstance(value, list) and any(isinstance(v, BaseModel) for v in value):
                new = [rebuild(v, path + (name, k)) if isinstance(v, BaseModel) else v for k, v in enumerate(value)]
                new = value if all(a is b for a, b in zip(new, value)) else new
            else:
                continue
            if new is not value:
                updates[name] = new
        if isinstance(model, Sourced) and model.locator is None and derived.get(path):
            updates["locator"] = derived[path]
        return model.model_copy(update=updates) if updates else model

    return rebuild(rules, ())


def _problem(positions: Positions, path: tuple, message: str, fix: str) -> Problem:
    line, col = positions.of(path)
    return Problem(positions.file, line, col, path_to_text(path), message, fix)


def _not_found(positions: Positions, path: tuple, text: SourceText, passage: str) -> Problem:
    closest = text.closest(passage)
    hint = f" Did you mean: «{closest}»?" if closest else ""
    return _problem(positions, path, f"these words are not in {text.path.name}: «{_short(passage)}».{hint}",
                    "copy the passage exactly from the source (line breaks, spacing and the style of quotation "
                    "marks may differ; nothing else).")


def _short(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
