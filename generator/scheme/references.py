"""Check what a schema cannot: ids are unique, references resolve, the module chain is one line.

The model marks each reference field with `Ref("<Class>")`; this module walks the validated model once,
collects every item by class with its path, and then resolves each reference against the items of the
class it names. Paths map back to lines through `Positions`, so each problem points at the bad value.
"""

from __future__ import annotations

import typing
from collections import defaultdict

from pydantic import BaseModel

from generator.site import pages
from generator.scheme.model import Ref, Rules
from generator.scheme.problems import Problem, did_you_mean, path_to_text
from generator.scheme.reading import Positions

_NOUN = {
    "Source": ("source", "sources"),
    "LegalExcerpt": ("legal excerpt", "legal_excerpts"),
    "Role": ("role", "roles"),
    "Module": ("module", "step_model.modules"),
    "Rule": ("rule", "rules"),
    "Page": ("page", "the page ids"),
    "Audience": ("audience", "audiences"),
    "Checklist": ("checklist", "checklists"),
}


def check(rules: Rules, positions: Positions) -> list[Problem]:
    """Return every duplicate id, dangling reference and broken module chain in `rules`."""
    items: dict[str, list[tuple[tuple, BaseModel]]] = defaultdict(list)
    refs: list[tuple[tuple, str, str]] = []
    _walk(rules, (), items, refs)
    problems = _duplicates(items, positions)
    known = {cls: {getattr(obj, "id") for _, obj in found} for cls, found in items.items()}
    known["Page"] = set(pages.page_ids(rules))
    for path, target, value in refs:
        if value in known.get(target, set()):
            continue
        noun, where = _NOUN.get(target, (target.lower(), target))
        line, col = positions.of(path)
        choices = sorted(known.get(target, set()))
        problems.append(Problem(positions.file, line, col, path_to_text(path),
                                f"unknown {noun} '{value}'.{did_you_mean(value, choices)}",
                                f"use an id from {where}" + (f": {', '.join(choices)}" if len(choices) <= 12 else "")
                                + f", or add a {noun} with id '{value}'."))
    problems += _module_chain(rules, positions)
    return problems


def _walk(obj: object, path: tuple, items: dict, refs: list) -> None:
    if isinstance(obj, BaseModel):
        if "id" in type(obj).model_fields:
            items[type(obj).__name__].append((path, obj))
        for name, field in type(obj).model_fields.items():
            value = getattr(obj, name)
            target = _ref_target(field.metadata) or _ref_target(_item_metadata(field.annotation))
            if target and value is not None:
                for sub_path, v in ([(path + (name, i), v) for i, v in enumerate(value)]
                                    if isinstance(value, list) else [(path + (name,), value)]):
                    refs.append((sub_path, target, v))
            else:
                _walk(value, path + (name,), items, refs)
    elif isinstance(obj, list):
        for i, value in enumerate(obj):
            _walk(value, path + (i,), items, refs)


def _ref_target(metadata: typing.Iterable) -> str | None:
    for meta in metadata or ():
        if isinstance(meta, Ref):
            return meta.target
    return None


def _item_metadata(annotation: object) -> list:
    """Metadata of a list's item type or of an Optional's inner type (where list[Ref] hides its marker)."""
    found = []
    for arg in typing.get_args(annotation):
        if typing.get_origin(arg) is typing.Annotated:
            found += list(arg.__metadata__)
        found += _item_metadata(arg)
    if typing.get_origin(annotation) is typing.Annotated:
        found += list(annotation.__metadata__)
    return found


# Ids of these are unique within their checklist only; checklist/validate.py checks them there. (Questions are
# instances of their kind's class, e.g. NumberQuestion.)
SCOPED = {"Question", "Outcome", "Option"}


def _scoped(cls_name: str) -> bool:
    return cls_name in SCOPED or cls_name.endswith("Question")


def _duplicates(items: dict, positions: Positions) -> list[Problem]:
    problems = []
    for cls, found in items.items():
        if _scoped(cls):
            continue
        first: dict[str, tuple] = {}
        for path, obj in found:
            if obj.id in first:
                line, col = positions.of(path + ("id",))
                first_line, _ = positions.of(first[obj.id] + ("id",))
                noun = _NOUN.get(cls, (cls.lower(),))[0]
                problems.append(Problem(positions.file, line, col, path_to_text(path + ("id",)),
                                        f"the {noun} id '{obj.id}' is already used at line {first_line}.",
                                        "give each item its own id, e.g. by adding a word to this one."))
            else:
                first[obj.id] = path
    return problems


def _module_chain(rules: Rules, positions: Positions) -> list[Problem]:
    """The modules must form one line: one first module, each `next` used once, no loop."""
    if rules.step_model is None:
        return []
    modules = rules.step_model.modules
    by_id = {m.id: m for m in modules}
    if len(by_id) != len(modules) or any(m.next and m.next not in by_id for m in modules):
        return []  # already reported as duplicate or unknown id
    base = ("step_model", "modules")
    problems = []
    pointed: dict[str, int] = {}
    for i, m in enumerate(modules):
        if m.next == m.id:
            line, col = positions.of(base + (i, "next"))
            problems.append(Problem(positions.file, line, col, path_to_text(base + (i, "next")),
                                    f"module '{m.id}' names itself as next.", "name the module that follows, or "
                                    "remove 'next' from the last module."))
        elif m.next in pointed:
            line, col = positions.of(base + (i, "next"))
            problems.append(Problem(positions.file, line, col, path_to_text(base + (i, "next")),
                                    f"module '{m.next}' is already the next of another module "
                                    f"('{modules[pointed[m.next]].id}').",
                                    "the modules must form one line: each module follows exactly one other."))
        elif m.next:
            pointed[m.next] = i
    if problems:
        return problems
    starts = [m for m in modules if m.id not in pointed]
    if len(starts) != 1:
        line, col = positions.of(base)
        names = ", ".join(f"'{m.id}'" for m in starts) or "none"
        problems.append(Problem(positions.file, line, col, path_to_text(base),
                                f"the modules must form one line with one first module; first modules found: "
                                f"{names}.", "set 'next' on every module except the last, so each module leads to "
                                "the following one."))
    return problems


def module_order(rules: Rules) -> list:
    """The modules in the order their `next` links give (valid data assumed)."""
    modules = rules.step_model.modules if rules.step_model else []
    by_id = {m.id: m for m in modules}
    pointed = {m.next for m in modules if m.next}
    order, current = [], next((m for m in modules if m.id not in pointed), None)
    while current is not None and current not in order:
        order.append(current)
        current = by_id.get(current.next) if current.next else None
    return order
