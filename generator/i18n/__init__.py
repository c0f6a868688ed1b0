"""Languages: the site's own words (UI strings) and the scheme's texts in more than Danish.

Danish is the source language. Translations live in gettext catalogues, `translations/<lang>.po` beside
rules.yaml, so translators can use the tools they know (Poedit, Weblate). Each entry has the Danish text as
its message id; texts from rules.yaml carry their place in the file as context (e.g.
`rules/no-cooperatives/text`), the site's own words have no context. An entry marked `fuzzy` has not been
reviewed by a human; the site shows a notice on every page that uses one. A text without a translation, or
whose Danish text has changed since it was translated, is shown in Danish with a notice: never empty, never
out of date.

Code uses `_("Dansk tekst %(n)s", n=3)`: the Danish text is the message id, `%(name)s` placeholders are
filled after translation. Templates get the same `_` as a global; its result is plain text, escaped like any
data value, so a translation can never inject markup.
"""

from __future__ import annotations

import contextlib
import contextvars
import re
import typing
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from generator.scheme.model import Rules, Translatable
from generator.scheme.problems import InputError, Problem

SOURCE_LANGUAGE = "da"
REVIEWED, UNREVIEWED, FALLBACK = "reviewed", "unreviewed", "fallback"

_active: contextvars.ContextVar = contextvars.ContextVar("language", default=None)


@dataclass
class Language:
    """One target language while its site is rendered: its catalogue, and what the current page has shown."""

    code: str
    catalog: object | None = None  # babel.messages.Catalog
    text_status: dict[str, str] = field(default_factory=dict)
    shown: set[str] = field(default_factory=set)
    record: list | None = None  # when a list: every text shown, as ("ui" | "text", Danish text)

    def gettext(self, message: str) -> str:
        if self.record is not None:
            self.record.append(("ui", message))
        entry = self.catalog.get(message) if self.catalog is not None else None
        if entry is None or not entry.string:
            self.shown.add(FALLBACK)
            return message
        self.shown.add(UNREVIEWED if entry.fuzzy else REVIEWED)
        return entry.string

    def note(self, value: object) -> None:
        """Remember the status of a translated text a page shows, for the page's notice."""
        if self.record is not None and isinstance(value, str):
            self.record.append(("text", value))
        if isinstance(value, str):
            status = self.text_status.get(value)
            if status:
                self.shown.add(status)


def _(message: str, **params) -> str:
    """The UI string `message` (Danish) in the active language, with `%(name)s` placeholders filled."""
    language = _active.get()
    text = language.gettext(message) if language is not None else message
    return text % params if params else text


def active() -> Language | None:
    return _active.get()


def active_code() -> str:
    language = _active.get()
    return language.code if language is not None else SOURCE_LANGUAGE


@contextlib.contextmanager
def language(code: str, translations_dir: Path | None = None, catalog=None):
    """Make `code` the active language for `_()` (and for `translated`), within the `with` block."""
    if code == SOURCE_LANGUAGE:
        token = _active.set(None)
        try:
            yield None
        finally:
            _active.reset(token)
        return
    if catalog is None:
        catalog = read_catalog(translations_dir or Path("translations"), code)
    current = Language(code, catalog)
    token = _active.set(current)
    try:
        yield current
    finally:
        _active.reset(token)


def catalog_path(translations_dir: Path, code: str) -> Path:
    return Path(translations_dir) / f"{code}.po"


def read_catalog(translations_dir: Path, code: str):
    """The catalogue for `code`, or an empty one if there is no file yet (everything falls back to Danish)."""
    from babel.messages.catalog import Catalog

    from generator.i18n import pofiles

    path = catalog_path(translations_dir, code)
    if not path.exists() and not path.is_symlink():
        return Catalog(locale=code)
    return pofiles.read(path, code)


# --- the scheme's texts --------------------------------------------------------------------------------


def _is_marked(annotation, metadata=()) -> bool:
    if any(isinstance(m, Translatable) for m in metadata):
        return True
    if typing.get_origin(annotation) is typing.Annotated:
        if any(isinstance(m, Translatable) for m in annotation.__metadata__):
            return True
    return any(_is_marked(arg) for arg in typing.get_args(annotation) if arg is not type(None))


def _key(item: object, index: int) -> str:
    for name in ("id", "value", "code"):
        value = getattr(item, name, None)
        if isinstance(value, str):
            return value
    return str(index)


def _walk(value, marked: bool, path: tuple, visit):
    """Rebuild `value` with `visit(context, text)` applied to every translatable text in it."""
    if isinstance(value, BaseModel):
        updates = {}
        for name, info in type(value).model_fields.items():
            old = getattr(value, name)
            new = _walk(old, _is_marked(info.annotation, info.metadata), path + (name,), visit)
            if new is not old:
                updates[name] = new
        return value.model_copy(update=updates) if updates else value
    if isinstance(value, list):
        items = [_walk(item, marked, path + (_key(item, i),), visit) for i, item in enumerate(value)]
        return items if any(a is not b for a, b in zip(items, value)) else value
    if isinstance(value, str) and marked:
        return visit("/".join(path), value)
    return value


def root_of(model: BaseModel) -> tuple:
    """Where a model's texts sit in the catalogue: the scheme at the top, a scenario under scenarios/<id>."""
    return () if isinstance(model, Rules) else ("scenarios", getattr(model, "id", "?"))


def texts(model: BaseModel) -> list[tuple[str, str]]:
    """(context, Danish text) of every translatable text in the scheme (or a scenario), in file order."""
    found: list[tuple[str, str]] = []
    _walk(model, False, root_of(model), lambda context, text: found.append((context, text)) or text)
    return found


def translated(model, code: str | None = None, translations_dir: Path | None = None):
    """The scheme (or a scenario) with every translatable text in language `code` (default: the active one).

    Texts without a current translation stay Danish. The status of each text shown (reviewed, unreviewed,
    fallback) is remembered in the active language, so pages can say which of their texts are not reviewed.
    """
    code = code or active_code()
    if code == SOURCE_LANGUAGE:
        return model
    current = _active.get()
    if current is None or current.code != code:
        with language(code, translations_dir) as current:
            return _translate(model, current)
    return _translate(model, current)


def _translate(model, current: Language):
    def visit(context: str, text: str) -> str:
        entry = current.catalog.get(text, context=context)
        if entry is None or not entry.string:
            current.text_status.setdefault(text, FALLBACK)
            return text
        current.text_status[entry.string] = UNREVIEWED if entry.fuzzy else REVIEWED
        return entry.string

    return _walk(model, False, root_of(model), visit)


# --- checks ----------------------------------------------------------------------------------------------

_PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|\{[a-z_]+\}")
_LINK = re.compile(r"\]\(([^)\s]+)\)|https?://[^\s)\"'<>]+")


def placeholders(text: str) -> list[str]:
    return sorted(_PLACEHOLDER.findall(text))


def links(text: str) -> list[str]:
    return sorted(a or b for a, b in ((m.group(1), m.group(0) if not m.group(1) else None)
                                      for m in _LINK.finditer(text)))


@dataclass
class Coverage:
    """How much of the site's text a language has, and which translations are broken."""

    code: str
    total: int = 0
    translated: int = 0
    reviewed: int = 0
    broken: list[str] = field(default_factory=list)

    @property
    def percent(self) -> float:
        return 100.0 * self.translated / self.total if self.total else 100.0


def coverage(code: str, wanted: list[tuple[str | None, str]], catalog) -> Coverage:
    """Count the `wanted` (context, Danish) texts that `catalog` translates; name those that break rules.

    A translation is broken when its placeholders (`%(n)s`) or links differ from the Danish text's: the
    site would then fill in the wrong value or send the reader somewhere else.
    """
    result = Coverage(code)
    for context, text in wanted:
        result.total += 1
        entry = catalog.get(text, context=context)
        if entry is None or not entry.string:
            continue
        result.translated += 1
        result.reviewed += 0 if entry.fuzzy else 1
        where = f"{context}: " if context else ""
        if placeholders(entry.string) != placeholders(text):
            result.broken.append(f"{where}«{_short(text)}»: placeholders {placeholders(text)} in Danish, "
                                 f"{placeholders(entry.string)} in the translation")
        if links(entry.string) != links(text):
            result.broken.append(f"{where}«{_short(text)}»: links {links(text)} in Danish, "
                                 f"{links(entry.string)} in the translation")
    return result


def _short(text: str, width: int = 50) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
