"""Hostile input for tests: every text field of a rules file, every translation, and what a page could run."""

from __future__ import annotations

import re
import typing
from pathlib import Path

from bs4 import BeautifulSoup
from pydantic import BaseModel
from pydantic.types import StringConstraints

from generator.scheme.model import Ref


def _is_text(annotation, meta=None) -> bool:
    """A plain text field: a string with constraints but no id pattern and no reference marker."""
    meta = list(meta if meta is not None else getattr(annotation, "__metadata__", ()))
    strings = [m for m in meta if isinstance(m, StringConstraints)]
    return bool(strings) and all(m.pattern is None for m in strings) and not any(isinstance(m, Ref) for m in meta)


def _inner(annotation):
    """Text, list[Text] and Text | None all reduce to the Annotated text type, else None."""
    if _is_text(annotation):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner(arg)
        if found is not None:
            return found
    return None


# Fields whose value must be found in a source's text file (or names the file): left as they are.
MATCH_THE_SOURCE = {("Source", "text"), ("Section", "starts"), ("OutOfScope", "text")}


def poison_sources(source_dir: Path, target_dir: Path, payload: str) -> None:
    """Copy the sources' texts with `payload` as a last line, so a quote of it stands in every source."""
    target_dir.mkdir(parents=True, exist_ok=True)
    for text in sorted(Path(source_dir).glob("*.txt")):
        (target_dir / text.name).write_text(text.read_text(encoding="utf-8") + "\n" + payload + "\n",
                                            encoding="utf-8")


def poison(model: BaseModel, data: dict, kinds: set, payload: str, *, append: bool = True) -> int:
    """Put `payload` into every text field of `data` (after its text, or instead of it), guided by the model.

    Returns how many values were changed; `kinds` collects the field kinds (Class.field) that were.
    """
    def spoil(value: str) -> str:
        return value + payload if append else payload

    changed = 0
    for name, field in type(model).model_fields.items():
        key = field.alias or name
        if key not in data or data[key] is None:
            continue
        value = getattr(model, name)
        where = (type(model).__name__, name)
        if where in MATCH_THE_SOURCE:
            continue  # a path, or words that must stand in the source's text as they are
        if name == "quote":
            # A quote must stand in its source: the payload is added to each source's text (`poison_sources`)
            # and quoted as one more passage, so the site shows it as a verbatim passage.
            current = data[key] if isinstance(data[key], list) else [data[key]]
            single = where == ("LegalExcerpt", "quote")  # one passage: the law's words, here the payload
            data[key] = payload if single or not append else [*current, payload]
            kinds.add(f"{type(model).__name__}.{name}")
            changed += 1
            continue
        text = _inner(field.annotation) is not None or (field.annotation is str and _is_text(None, field.metadata))
        if text and isinstance(data[key], str):
            data[key] = spoil(data[key])
            kinds.add(f"{type(model).__name__}.{name}")
            changed += 1
        elif _inner(field.annotation) is not None and isinstance(data[key], list) and all(
                isinstance(v, str) for v in data[key]):
            data[key] = [spoil(v) for v in data[key]]
            kinds.add(f"{type(model).__name__}.{name}[]")
            changed += len(data[key])
        elif isinstance(value, BaseModel):
            changed += poison(value, data[key], kinds, payload, append=append)
        elif isinstance(value, list):
            for item, raw in zip(value, data[key]):
                if isinstance(item, BaseModel):
                    changed += poison(item, raw, kinds, payload, append=append)
    return changed


def poison_catalog(source: Path, target: Path, payload: str, code: str) -> int:
    """Copy a catalogue with every translation replaced by `payload`; placeholders stay fillable."""
    from babel.messages.pofile import read_po, write_po

    with source.open("rb") as handle:
        catalog = read_po(handle, locale=code)
    count = 0
    for message in catalog:
        if message.id and isinstance(message.id, str):
            names = re.findall(r"%\((\w+)\)[sd]", message.id)
            if names:
                message.string = payload.replace("%", "%%") + " " + " ".join(f"%({n})s" for n in names)
            else:
                message.string = payload
            count += 1
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("wb") as handle:
        write_po(handle, catalog)
    return count


def runnable(page: str) -> dict[str, list]:
    """What in a page could run code: its script elements (by src or data type), event-handler attributes,
    and javascript:/vbscript: addresses."""
    doc = BeautifulSoup(page, "html.parser")
    scripts = sorted(f"{s.get('src') or ''}|{s.get('type') or ''}|{s.get('id') or ''}" for s in doc.find_all("script"))
    handlers, addresses = [], []
    for element in doc.find_all(True):
        for name, value in element.attrs.items():
            if name.lower().startswith("on"):
                handlers.append(f"{element.name}@{name}")
            text = " ".join(value) if isinstance(value, list) else str(value)
            if text.strip().lower().startswith(("javascript:", "vbscript:")):
                addresses.append(f"{element.name}@{name}={text}")
    return {"scripts": scripts, "handlers": sorted(handlers), "addresses": sorted(addresses)}


def runnable_in_site(site: Path) -> dict[str, dict[str, list]]:
    return {p.relative_to(site).as_posix(): runnable(p.read_text(encoding="utf-8"))
            for p in sorted(site.rglob("*.html"))}
