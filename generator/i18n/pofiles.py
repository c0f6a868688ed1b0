"""Read and write gettext catalogues (`translations/<lang>.po`) without ever losing or misreading a translation.

Babel reads a damaged line silently (a missing closing quote drops the last letter) and fails with a
traceback on others, so a catalogue is checked first, line by line, and every problem is reported at its
line with the fix. A translation whose placeholders cannot be filled in (`%(titel)s` for `%(title)s`, a lone
`%`) is refused at its line too, before a page is rendered with it. A catalogue is written whole or not at all
(`generator.files`), and the comments translators write (`# …`) are kept.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from generator import files
from generator.scheme.problems import InputError, Problem

_KEYWORD_LINE = re.compile(r'^(msgctxt|msgid|msgid_plural|msgstr(\[\d+\])?)\s+"(?:[^"\\]|\\.)*"\s*$')
_STRING_LINE = re.compile(r'^"(?:[^"\\]|\\.)*"\s*$')
_FORMAT = re.compile(r"%(?:%|\((?P<name>[A-Za-z_][A-Za-z0-9_]*)\)[-#0 +]*\d*(?:\.\d+)?[sdifr])")
# Control characters (NUL, escape, C1) and the bidirectional overrides and isolates, which reorder text.
_UNSHOWABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069]")
_PLACEHOLDER = re.compile(r"%\([A-Za-z_][A-Za-z0-9_]*\)")


def _lines_with_problems(raw: bytes, name: str) -> list[Problem]:
    """Every line that is neither empty, a comment, a keyword with a quoted text, nor a quoted text."""
    problems = []
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return [Problem(name, line, None, "", f"the byte 0x{raw[exc.start]:02x} is not valid UTF-8.",
                        "save the file as UTF-8 (Poedit does), with 'charset=UTF-8' in its header.")]
    text = text.removeprefix("\ufeff")
    lone_cr = re.search(r"\r(?!\n)", text)
    if lone_cr:
        return [Problem(name, text[: lone_cr.start()].count("\n") + 1, None, "", "the file ends its lines with a "
                        "carriage return alone (old Mac style), so it would be read as one line and every "
                        "translation lost.", "save the file with ordinary line ends (Poedit and any current "
                        "editor do).")]
    charset = re.search(r'^"Content-Type:[^"\n]*charset=([^"\\\s]+)', text, re.M)
    if charset and _known_codec(charset.group(1)) not in (None, "utf-8"):
        return [Problem(name, text[: charset.start()].count("\n") + 1, None, "", f"the header says the file is "
                        f"in {charset.group(1)}, but translation files are read as UTF-8; reading it as "
                        f"{charset.group(1)} would garble every letter outside ASCII.",
                        "save the file as UTF-8 and write charset=UTF-8 in the Content-Type line.")]
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if _KEYWORD_LINE.match(stripped) or _STRING_LINE.match(stripped):
            continue
        if stripped.count('"') % 2 == 1 or not stripped.endswith('"'):
            message = "a text in quotes is not closed on this line."
            fix = 'end the text with a " (write \\" for a quote inside the text).'
        else:
            message = "this line is not a PO line (msgctxt, msgid or msgstr followed by a text in quotes)."
            fix = "correct the line, or open and save the file in Poedit."
        problems.append(Problem(name, number, None, "", message, fix))
    return problems


def _known_codec(name: str) -> str | None:
    import codecs
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def placeholder_problem(msgid: str, msgstr: str) -> str | None:
    """Why `msgstr` cannot stand in for `msgid` when `%(name)s` placeholders are filled in, or None."""
    if not _PLACEHOLDER.search(msgid) or not msgstr:
        return None
    wanted = set(_format_names(msgid))
    rest = _FORMAT.sub("", msgstr)
    if "%" in rest:
        return ("the translation has a % that is not a placeholder; write %% for a percent sign, and "
                "placeholders as %(name)s")
    odd = [m.group() for m in _FORMAT.finditer(msgstr) if m.group() != "%%" and not re.fullmatch(
        r"%\([A-Za-z_][A-Za-z0-9_]*\)s", m.group())]
    if odd:
        return (f"the translation writes the placeholder {odd[0]}, which the page cannot fill in (the texts "
                "put in are words, without width or number format); write it as %(name)s, as the Danish text "
                "does")
    unknown = sorted(set(_format_names(msgstr)) - wanted)
    if unknown:
        known = ", ".join(f"%({n})s" for n in sorted(wanted))
        return (f"the translation uses {', '.join(f'%({n})s' for n in unknown)}, which the Danish text does not "
                f"have; use the Danish text's placeholders: {known}")
    return None


def _format_names(text: str) -> list[str]:
    return [m.group("name") for m in _FORMAT.finditer(text) if m.group("name")]


def read(path: Path, code: str):
    """Read the catalogue at `path` (a babel Catalog), or raise InputError with every problem at its line."""
    from babel.messages.pofile import PoFileError, read_po

    name = str(path)
    if Path(path).is_dir():
        raise InputError([Problem(name, None, None, "", "this is a folder, not a translation file.",
                                  f"move the folder away; the translations of '{code}' belong in the file "
                                  f"{Path(path).name}.")], name)
    raw = files.read_input(path, name, f"translations/{Path(path).name} must be a PO file (e.g. saved by Poedit).")
    problems = _lines_with_problems(raw, name)
    if problems:
        raise InputError(problems, name)
    try:
        catalog = read_po(io.BytesIO(raw.removeprefix(b"\xef\xbb\xbf")), locale=code, abort_invalid=True)
    except LookupError as exc:
        line = next((n for n, l in enumerate(raw.split(b"\n"), 1) if b"charset=" in l), None)
        raise InputError([Problem(name, line, None, "", f"the header names an encoding Python does not know "
                                  f"({exc}).", "write charset=UTF-8 in the Content-Type line.")], name) from None
    except (PoFileError, ValueError, UnicodeDecodeError) as exc:
        raise InputError([Problem(name, getattr(exc, "lineno", None), None, "",
                                  f"the translation file cannot be read: {exc}.",
                                  "fix the line (PO format: msgctxt, msgid, msgstr in quotes), or "
                                  "open and save the file in Poedit.")], name) from None
    for message in catalog:
        if isinstance(message.id, (tuple, list)):
            problems.append(Problem(name, message.lineno, None, "", "this entry has plural forms (msgid_plural), "
                                    "which the site's texts never use.", "remove the msgid_plural and msgstr[n] "
                                    "lines; give the translation as one msgstr."))
        elif isinstance(message.string, str) and _UNSHOWABLE.search(message.string):
            bad = _UNSHOWABLE.search(message.string).group()
            problems.append(Problem(name, message.lineno, None, "", f"the translation holds the character "
                                    f"U+{ord(bad):04X}, which is invisible or turns the text around on the page.",
                                    "delete it (an escape such as \\0 or \\x.. in the msgstr, or a control "
                                    "character pasted in)."))
        elif message.id and isinstance(message.id, str) and isinstance(message.string, str):
            why = placeholder_problem(message.id, message.string)
            if why:
                problems.append(Problem(name, message.lineno, None, "", why.partition("; ")[0] + ".",
                                        why.partition("; ")[2] + "."))
    if problems:
        raise InputError(problems, name)
    return catalog


def write(path: Path, catalog) -> None:
    """Write `catalog` to `path` in one step: the old file stays whole if anything fails on the way."""
    from babel.messages.pofile import write_po

    with files.atomic(path, "wb") as handle:
        write_po(handle, catalog, width=0, sort_output=False, omit_header=False, include_previous=False)
