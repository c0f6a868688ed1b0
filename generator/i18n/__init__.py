"""Languages: the site's own words (UI strings) and the scheme's texts in more than one language.

A scheme is written in one language (`scheme.language`, Danish by default); its site in that language is built
at the root, and every language under `languages:` is translated from it. Translations live in gettext
catalogues, `translations/<lang>.po` beside rules.yaml, so translators can use the tools they know (Poedit,
Weblate). Texts from rules.yaml carry their place in the file as context (e.g. `rules/no-cooperatives/text`)
and the scheme's own text as message id. An entry marked `fuzzy` has not been reviewed by a human; the site
shows a notice on every page that uses one. A text without a translation, or whose text has changed since it
was translated, is shown in the scheme's language with a notice: never empty, never out of date.

The site's own words (the chrome: "Ja", "Ved ikke", headings, notices) are written in the code in Danish:
`_("Dansk tekst %(n)s", n=3)`, the Danish text being the message id, `%(name)s` placeholders filled after
translation. The generator ships them in each language it supports (`locales/<lang>.po` in this package); an
entry without context in a project's `translations/<lang>.po` overrides the generator's. Templates get the same
`_` as a global; its result is plain text, escaped like any data value, so a translation can never inject markup.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import re
import typing
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from generator.scheme.model import Rules, Translatable
from generator.scheme.problems import InputError, Problem

SOURCE_LANGUAGE = "da"  # the language of the chrome's message ids, and a scheme's language by default
LOCALES = Path(__file__).parent / "locales"  # the generator's own words in each language it supports
REVIEWED, UNREVIEWED, FALLBACK = "reviewed", "unreviewed", "fallback"

_active: contextvars.ContextVar = contextvars.ContextVar("language", default=None)


@dataclass
class Language:
    """One language while its site is rendered: its catalogues, and what the current page has shown.

    `source` is the language the scheme is written in. In that language the scheme's texts are shown as
    written and no page carries a translation notice; only the site's own words come from a catalogue.
    """

    code: str
    catalog: object | None = None  # babel.messages.Catalog: the project's translations/<code>.po
    text_status: dict[str, str] = field(default_factory=dict)
    shown: set[str] = field(default_factory=set)
    record: list | None = None  # when a list: every text shown, as ("ui" | "text", text as written)
    source: str = SOURCE_LANGUAGE
    chrome: object | None = None  # babel.messages.Catalog: the generator's own words in this language

    @property
    def is_source(self) -> bool:
        return self.code == self.source

    def _mark(self, status: str) -> None:
        if not self.is_source:
            self.shown.add(status)

    def gettext(self, message: str) -> str:
        """The site's word `message` (Danish) in this language: the project's translation, else the generator's,
        else Danish (a fallback the page's notice reports)."""
        if self.record is not None:
            self.record.append(("ui", message))
        for catalog in (self.catalog, self.chrome):
            entry = catalog.get(message) if catalog is not None else None
            if entry is not None and entry.string:
                self._mark(UNREVIEWED if entry.fuzzy else REVIEWED)
                return entry.string
        if self.code != SOURCE_LANGUAGE:
            self._mark(FALLBACK)
        return message

    def note(self, value: object) -> None:
        """Remember the status of a translated text a page shows, for the page's notice."""
        if self.record is not None and isinstance(value, str):
            self.record.append(("text", value))
        if isinstance(value, str) and not self.is_source:
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


def source_code() -> str:
    """The language the scheme being rendered is written in (Danish when no language is active)."""
    language = _active.get()
    return language.source if language is not None else SOURCE_LANGUAGE


def language_name(code: str, in_language: str | None = None) -> str:
    """The name of language `code` as it stands in a sentence of `in_language` (default: the active one):
    'engelsk' in Danish, 'English' in English."""
    from babel import Locale

    return Locale.parse(code).get_language_name(in_language or active_code()) or code


def own_name(code: str) -> str:
    """The language's name in itself, as a language switcher shows it: 'Dansk', 'English'."""
    name = language_name(code, code)
    return name[:1].upper() + name[1:]


@functools.lru_cache(maxsize=None)
def chrome_catalog(code: str):
    """The generator's own words in language `code` (`locales/<code>.po`), or None if it has none."""
    from generator.i18n import pofiles

    path = LOCALES / f"{code}.po"
    return pofiles.read(path, code) if path.is_file() else None


def chrome_languages() -> list[str]:
    """The languages the generator has its own words in: Danish (the message ids) and each of locales/."""
    return sorted({SOURCE_LANGUAGE, *(p.stem for p in LOCALES.glob("*.po"))})


@contextlib.contextmanager
def language(code: str, translations_dir: Path | None = None, catalog=None, *, source: str = SOURCE_LANGUAGE):
    """Make `code` the active language for `_()` (and for `translated`), within the `with` block.

    `source` is the language the scheme is written in: its texts need no translation in that language.
    """
    if code == SOURCE_LANGUAGE == source:
        token = _active.set(None)
        try:
            yield None
        finally:
            _active.reset(token)
        return
    if catalog is None:
        catalog = read_catalog(translations_dir or Path("translations"), code)
    current = Language(code, catalog, source=source, chrome=chrome_catalog(code))
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

    Texts without a current translation stay as written. The status of each text shown (reviewed, unreviewed,
    fallback) is remembered in the active language, so pages can say which of their texts are not reviewed.
    """
    code = code or active_code()
    current = _active.get()
    source = current.source if current is not None else getattr(getattr(model, "scheme", None), "language",
                                                                 SOURCE_LANGUAGE)
    if code == source:
        return model
    if current is None or current.code != code:
        with language(code, translations_dir, source=source) as current:
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
    """Count the `wanted` (context, text) texts that `catalog` translates; name those that break rules.

    The site's own words (no context) count as translated when the generator has them in `code` (or when
    `code` is Danish, their message ids' language). A translation is broken when its placeholders (`%(n)s`)
    or links differ from the original text's: the site would then fill in the wrong value or send the reader
    somewhere else.
    """
    result = Coverage(code)
    chrome = chrome_catalog(code)
    for context, text in wanted:
        result.total += 1
        entry = catalog.get(text, context=context)
        if (entry is None or not entry.string) and context is None:
            if code == SOURCE_LANGUAGE:
                result.translated += 1
                result.reviewed += 1
                continue
            entry = chrome.get(text) if chrome is not None else None
        if entry is None or not entry.string:
            continue
        result.translated += 1
        result.reviewed += 0 if entry.fuzzy else 1
        where = f"{context}: " if context else ""
        if placeholders(entry.string) != placeholders(text):
            result.broken.append(f"{where}«{_short(text)}»: placeholders {placeholders(text)} in the original, "
                                 f"{placeholders(entry.string)} in the translation")
        if links(entry.string) != links(text):
            result.broken.append(f"{where}«{_short(text)}»: links {links(text)} in the original, "
                                 f"{links(entry.string)} in the translation")
    return result


def _short(text: str, width: int = 50) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
