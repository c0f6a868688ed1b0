"""Translation catalogues: which texts each language needs, keeping `translations/<lang>.po` up to date, coverage.

What a language needs is found by rendering its pages with an empty catalogue and noting every text they
show: the site's own words (asked for through `_()`) and the scheme's texts (by their place in rules.yaml).
So an Arabic catalogue holds exactly what the Arabic pages show, and coverage means "of what the reader sees".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from generator import files, i18n
from generator.i18n import pofiles
from generator.print import kit as printkit
from generator.scheme.loader import load
from generator.scheme.model import Rules
from generator.site.render import content_files, notice_words, render_all, translation_of  # noqa: F401 (translation_of is used by check)
from generator.checklist.scenarios import load_scenarios, scenarios_dir

HEADER = ("Translations of {scheme}. {language} is the source; an entry marked fuzzy is not yet reviewed by a "
          "person.")


@dataclass
class Needed:
    """The texts one language's pages show: (context or None, Danish text), in the order first shown."""

    code: str
    messages: list[tuple[str | None, str]]
    content_pages: list[Path]


def needed(rules: Rules, rules_file: Path, content_dir: Path | None, code: str) -> Needed:
    """Assemble `code`'s site with an empty catalogue and collect every text its pages show."""
    from babel.messages.catalog import Catalog

    from generator.site.assemble import assemble

    spec = next(lang for lang in rules.languages if lang.code == code)
    scenarios = load_scenarios(scenarios_dir(rules_file), rules)
    contexts: dict[str, list[str]] = {}
    for model in [rules, *scenarios]:
        for context, text in i18n.texts(model):
            contexts.setdefault(text, []).append(context)
    with i18n.language(code, catalog=Catalog(locale=code), source=rules.scheme.language) as language:
        language.record = []
        assembly = assemble(rules_file, content_dir, code)
        notice_words()
        if code in printkit.FLYER_LANGUAGES and rules.recruitment and rules.recruitment.partner_types and any(
                c.style == "citizen" for c in rules.checklists):
            printkit.flyer_html(assembly.rules, assembly.rules.recruitment.partner_types[0], "https://example.org/",
                                code)
        shown = language.record
    messages: list[tuple[str | None, str]] = []
    seen = set()
    for kind, text in shown:
        keys = [(None, text)] if kind == "ui" else [(c, text) for c in contexts.get(text, [])]
        for key in keys:
            if key not in seen:
                seen.add(key)
                messages.append(key)
    pages = [f for f in content_files(content_dir, rules)] if spec.pages is None else [
        f for f in content_files(content_dir, rules) if translation_of(f, code).exists()]
    return Needed(code, messages, pages)


def update(rules_file: Path, content_dir: Path | None) -> list[str]:
    """Write `translations/<lang>.po` for every language: new texts added empty, translations kept.

    A translation whose Danish text has changed is kept only as an obsolete entry (`#~`), so nobody loses
    work but the site never shows a translation of an older text.
    """
    from babel.messages.catalog import Catalog

    rules = load(rules_file)
    folder = Path(rules_file).parent / "translations"
    try:
        folder.mkdir(exist_ok=True)
    except OSError as exc:
        raise files.problem(exc, folder) from None
    lines = []
    for lang in rules.languages:
        old = i18n.read_catalog(folder, lang.code)
        new = Catalog(locale=lang.code, project=rules.scheme.name, fuzzy=False,
                      header_comment="# " + HEADER.format(scheme=rules.scheme.name,
                                                         language=i18n.language_name(rules.scheme.language, "en")))
        path = i18n.catalog_path(folder, lang.code)
        if path.is_file():
            # The translators' own header: who translated, their team, when, and their comments above it.
            new.header_comment = old.header_comment
            new.last_translator, new.language_team = old.last_translator, old.language_team
            new.revision_date = old.revision_date
        wanted = needed(rules, Path(rules_file), content_dir, lang.code)
        kept = 0
        for context, text in wanted.messages:
            entry = old.get(text, context=context)
            string = entry.string if entry is not None else ""
            flags = entry.flags if entry is not None else set()
            kept += bool(string)
            # A translator's comments (# …) belong to the entry and stay with it.
            new.add(text, string, context=context, flags=flags,
                    user_comments=list(entry.user_comments) if entry is not None else [],
                    auto_comments=list(entry.auto_comments) if entry is not None else [])
        for entry in [*old, *old.obsolete.values()]:
            if entry.id and entry.string and new.get(entry.id, context=entry.context) is None:
                new.obsolete[(entry.id, entry.context) if entry.context else entry.id] = entry
        pofiles.write(path, new)
        lines.append(f"{path}: {len(wanted.messages)} texts, {kept} translated, {len(new.obsolete)} obsolete")
    return lines


_JINJA = re.compile(r"{{.*?}}|{%.*?%}", re.S)
_MD_LINK = re.compile(r"\]\(([^)\s]+)\)")


def page_differences(danish: str, translation: str) -> list[str]:
    """What a translated content/ page changes that it must not: template tags and link targets."""
    problems = []
    if sorted(_JINJA.findall(danish)) != sorted(_JINJA.findall(translation)):
        problems.append("its {{ … }} / {% … %} tags differ from the Danish page's")
    if sorted(_MD_LINK.findall(danish)) != sorted(_MD_LINK.findall(translation)):
        problems.append("its links differ from the Danish page's")
    return problems
