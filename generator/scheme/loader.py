"""Load `rules.yaml` into the typed model, or fail once with every problem at its line and column.

Flow: bytes → YAML nodes with positions (`reading`) → `Rules` (pydantic) → references and duplicate ids
(`references`) → checklist logic (`checklist.validate`) → every quote found in its source (`grounding`).
Pydantic's messages are rewritten into "what is wrong; the fix" for a person editing YAML.
"""

from __future__ import annotations

import hashlib
import types
import typing
from pathlib import Path

from pydantic import BaseModel, ValidationError

from generator.checklist import validate as checklists
from generator.scheme import grounding, references
from generator.scheme.model import Rules
from generator.scheme.problems import InputError, Problem, did_you_mean, path_to_text
from generator.files import read_input
from generator.scheme.reading import Positions, parse


# Schemes already loaded in this process: (file, name shown) → (digest of its bytes, digest of each source text
# it was grounded in, the scheme). A build loads the same scheme for every language and `serve` for every rebuild;
# the same bytes give the same scheme, so it is read, validated and grounded once.
_LOADED: dict[tuple[str, str], tuple[bytes, dict[Path, bytes], Rules]] = {}
KEEP_LOADED = 8


def load(path: str | Path, display: str | None = None) -> Rules:
    """Return the validated scheme in `path`; raise InputError listing every problem found.

    The file and its sources' texts are read every time; they are parsed and checked again only when their bytes
    have changed since this process last loaded them.
    """
    path = Path(path)
    name = display or display_name(path)
    raw = read_input(path, name, "check the path given with --rules.")
    key, digest = (str(path.resolve()), name), _digest(raw)
    kept = _LOADED.get(key)
    if kept is not None and kept[0] == digest and all(_text_digest(p) == d for p, d in kept[1].items()):
        return kept[2]
    rules, texts = _load(raw, path, name)
    _LOADED.pop(key, None)
    if len(_LOADED) >= KEEP_LOADED:
        _LOADED.pop(next(iter(_LOADED)))
    _LOADED[key] = (digest, {t.path: _digest(t.original.encode("utf-8")) for t in texts.values()}, rules)
    return rules


def forget() -> None:
    """Forget the schemes loaded so far (for a caller that changes how schemes are checked, as tests do)."""
    _LOADED.clear()


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=20).digest()


def _text_digest(path: Path) -> bytes | None:
    """The digest of a source's text as `SourceText.read` reads it, or None when it cannot be read now."""
    try:
        return _digest(path.read_bytes().decode("utf-8").removeprefix("\ufeff").encode("utf-8"))
    except (OSError, UnicodeDecodeError):
        return None


def _load(raw: bytes, path: Path, name: str) -> tuple[Rules, dict]:
    """Parse, validate and ground the scheme; return it with the source texts it was checked against."""
    document = parse(raw, name)
    if not isinstance(document.data, dict):
        line, col = document.positions.of(())
        raise InputError([Problem(name, line, col, "", "the file must be a mapping of sections "
                                  f"(scheme:, sources:, …); got {_kind(document.data)}.",
                                  "start the file with 'scheme:' at the left margin.")], name)
    rules = validate(Rules, document)
    problems = references.check(rules, document.positions)
    if not problems:
        problems = checklists.check(rules, document.positions)
    texts = {}
    if not problems:
        grounded, problems = grounding.ground(rules, document.positions, path.parent)
        rules, texts = grounded.rules, grounded.texts
    if problems:
        raise InputError(problems, name)
    return rules, texts


def validate(model: type[BaseModel], document) -> BaseModel:
    """Build `model` from a read document, or raise InputError with every problem at its line."""
    try:
        return model.model_validate(document.data)
    except ValidationError as exc:
        problems = [_problem(err, document.positions, model) for err in exc.errors()]
        raise InputError(_dedupe(_merge_misspellings(problems)), document.positions.file) from None


def display_name(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):  # elsewhere, or a loop of links (reported when read)
        return str(path)


def _dedupe(problems: list[Problem]) -> list[Problem]:
    seen, out = set(), []
    for p in problems:
        key = (p.line, p.column, p.where, p.message)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def _merge_misspellings(problems: list[Problem]) -> list[Problem]:
    """A misspelt key shows up twice (unknown 'titel', missing 'title'): keep only the unknown-key message."""
    suggested = set()
    for p in problems:
        if p.message.startswith("unknown key") and "Did you mean '" in p.message:
            parent = p.where.rpartition(".")[0]
            suggested.add((parent, p.message.split("Did you mean '")[1].split("'")[0]))
    return [p for p in problems
            if not (p.message.startswith("the required field")
                    and (p.where.rpartition(".")[0], p.where.rpartition(".")[2]) in suggested)]


def _kind(value: object) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"'{str(value).lower()}' (yes/no)"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "…"
        return f"the text '{shown}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping of keys"
    return type(value).__name__


# --- translating pydantic's errors -------------------------------------------------------------------


def _problem(err: dict, positions: Positions, root: type[BaseModel] = Rules) -> Problem:
    loc = tuple(err["loc"])
    kind = err["type"]
    name = positions.file
    if kind == "extra_forbidden":
        line, col = positions.of(loc, key=True)
        key = loc[-1]
        allowed = _fields_at(loc[:-1], root)
        hint = did_you_mean(key, allowed)
        return Problem(name, line, col, path_to_text(loc), f"unknown key '{key}'.{hint}",
                       f"use one of: {', '.join(allowed)}." if allowed else "remove the key.")
    line, col = positions.of(loc)
    where = path_to_text(loc)
    given = err.get("input")
    if kind == "missing":
        field = loc[-1]
        doc = _field_doc(loc, root)
        parent = path_to_text(loc[:-1]) or "the top of the file"
        return Problem(name, line, col, where, f"the required field '{field}' is missing.",
                       f"add '{field}:' under {parent}" + (f" ({doc})" if doc else "") + ".")
    message, fix = _explain(kind, err, given, loc)
    return Problem(name, line, col, where, message, fix)


def _explain(kind: str, err: dict, given: object, loc: tuple) -> tuple[str, str]:
    ctx = err.get("ctx") or {}
    got = _kind(given)
    if kind.startswith("date_"):
        return (f"expected a date; got {got}.", "write a real date as YYYY-MM-DD, e.g. 2015-03-06.")
    if kind in ("string_type",):
        return (f"expected a text; got {got}.", "write the text after the colon; quote it if it starts with a "
                "special character.")
    if kind == "string_too_short":
        return ("the text is empty.", "write the text, or remove the key if it is optional.")
    if kind == "string_pattern_mismatch":
        return (f"'{given}' is not a valid id.", "ids use lowercase letters a–z, digits and hyphens "
                "(write æ, ø, å as ae, oe, aa), e.g. 'no-cooperatives'.")
    if kind == "string_too_long":
        return (f"'{given}' is too long for an id.", f"keep ids to {ctx.get('max_length')} characters.")
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return (f"expected a whole number; got {got}.", "write digits only, without dots or 'kr.', e.g. 1200.")
    if kind in ("bool_type", "bool_parsing"):
        return (f"expected true or false; got {got}.", "write true or false.")
    if kind in ("greater_than_equal", "greater_than"):
        return (f"{given} is too small: it must be at least {ctx.get('ge', ctx.get('gt'))}.",
                "amounts, counts and durations cannot be negative; correct the number.")
    if kind in ("less_than_equal", "less_than"):
        return (f"{given} is too large: it must be at most {ctx.get('le', ctx.get('lt'))}.", "correct the number.")
    if kind == "list_type":
        return (f"expected a list; got {got}.", "write each item on its own line starting with '- '.")
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return (f"expected a block of keys; got {got}.", "indent the keys of this item under it, e.g. 'key: value'.")
    if kind == "too_short":
        return ("the list is empty; at least one item is needed.", "add an item starting with '- '.")
    if kind == "literal_error":
        expected = ctx.get("expected", "")
        options = [o.strip().strip("'") for o in expected.replace(" or ", ",").split(",") if o.strip()]
        return (f"expected one of {expected}; got {got}.{did_you_mean(given, options)}",
                "use one of the listed values.")
    if kind == "value_error":
        text = str(err.get("msg", "")).removeprefix("Value error, ")
        message, _, fix = text.partition("; ")
        return (message.rstrip(".") + ("" if message.endswith("?") else "."), (fix or "correct the value") + ".")
    return (f"{err.get('msg', 'invalid value')}; got {got}.", "correct the value as the message says.")


def _model_at(loc: tuple, root: type[BaseModel]) -> type[BaseModel] | None:
    """Walk the schema along `loc` to the model class that holds the last key."""
    current: object = root
    for part in loc:
        current = _unwrap(current)
        if isinstance(part, int):
            args = typing.get_args(current)
            current = args[0] if args else None
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        field = _field(current, part)
        if field is None:
            return None
        current = field.annotation
    current = _unwrap(current)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _unwrap(annotation: object) -> object:
    """Strip Optional[...] and Annotated[...] down to the class or list type inside."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            inner = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(inner) != 1:
                return annotation
            annotation = inner[0]
        else:
            return annotation


def _field(model: type[BaseModel], key: object):
    """The field that `key` names in rules.yaml: by its YAML name (alias, e.g. 'is'), else its Python name."""
    for name, field in model.model_fields.items():
        if field.alias == key:
            return field
    return model.model_fields.get(key) if isinstance(key, str) else None


def _fields_at(loc: tuple, root: type[BaseModel]) -> list[str]:
    """The keys allowed at `loc`, as they are written in rules.yaml (`is`, not the Python name `is_`)."""
    model = _model_at(loc, root)
    return [field.alias or name for name, field in model.model_fields.items()] if model else []


def _field_doc(loc: tuple, root: type[BaseModel]) -> str:
    model = _model_at(loc[:-1], root)
    field = _field(model, loc[-1]) if model else None
    return (field.description or "").rstrip(".") if field else ""

