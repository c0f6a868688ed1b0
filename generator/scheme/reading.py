"""Read a YAML file into plain data while remembering where every key and value stands.

PyYAML's own loader forgets positions and silently keeps the last of two equal keys. Composing the node
tree ourselves keeps a line and column for every path (so later errors can say `rules.yaml:42:7`) and
lets us refuse duplicate keys, tabs, bad bytes and characters, too deep nesting and alias bombs with a
message that says how to fix them.

The text is scanned and parsed by libyaml (the parser of `yaml.CSafeLoader`, eight times faster than PyYAML's
own and with the same marks); only the composing, where nesting and aliases are counted, is Python.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
import yaml.composer
import yaml.reader

from generator.scheme.problems import InputError, Problem, path_to_text

Path_ = tuple  # a location inside the document: keys (str) and list indices (int)
MAX_DEPTH = 100        # lists and blocks inside each other; a real scheme needs a fraction of this
ALIAS_BUDGET = 10_000  # values that aliases (*name) may repeat in all; a "billion laughs" file repeats billions
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass
class Positions:
    """Line and column (1-based) of each value and each key, by path."""

    file: str
    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def of(self, path: Path_, *, key: bool = False) -> tuple[int | None, int | None]:
        """Position of `path`, or of its nearest existing parent when the path itself is absent."""
        path = tuple(path)
        if key and path in self.keys:
            return self.keys[path]
        while path:
            if path in self.values:
                return self.values[path]
            path = path[:-1]
        return self.values.get((), (None, None))


@dataclass
class Document:
    data: object
    positions: Positions


class Lines:
    """Turn a character offset into the line and column an editor shows.

    PyYAML also counts U+2028, U+2029 and U+0085 as line breaks, which editors do not; so positions are
    taken from the offset PyYAML reports, and lines are counted at \\n, \\r\\n and \\r only.
    """

    def __init__(self, text: str):
        self.starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]

    def at(self, index: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, index)
        return line, index - self.starts[line - 1] + 1

    def of(self, mark) -> tuple[int, int]:
        return self.at(mark.index)


def read(path: Path, display: str | None = None) -> Document:
    """Parse `path` into data and positions; raise InputError for anything a person must fix first."""
    from generator.files import read_input

    name = display or str(path)
    return parse(read_input(path, name, "check the path given with --rules."), name)


def parse(raw: bytes, name: str) -> Document:
    """Parse the bytes of the file `name` into data and positions, or raise InputError at the first problem."""
    text = _decode(raw, name)
    _refuse_tabs(text, name)
    if not text.strip() or all(l.strip().startswith("#") or not l.strip() for l in _LINE_BREAK.split(text)):
        raise InputError([Problem(name, 1, 1, "", "the file is empty.",
                                  "start from the project's rules.yaml, or run `python -m generator new DIR` "
                                  "for a minimal scheme.")], name)
    lines = Lines(text)
    root = _compose(text, name, lines)
    positions = Positions(name)
    problems: list[Problem] = []
    data = _Converter(name, lines, positions, problems).convert(root, ())
    if problems:
        raise InputError(problems, name)
    return Document(data, positions)


# Characters that reorder the text around them (right-to-left overrides and isolates): "‮gnp.exe" shows as
# "exe.png". Arabic and Hebrew text needs none of them.
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


class _Refused(Exception):
    """A document PyYAML could read but that must not be: too deep, or aliases repeating too much."""

    def __init__(self, mark, message: str, fix: str):
        super().__init__(message)
        self.mark, self.message, self.fix = mark, message, fix


class _Composer(yaml.composer.Composer, yaml.CSafeLoader):
    """PyYAML's safe composer over libyaml's events, with a limit on nesting and on what aliases may repeat.

    libyaml composes in C, where nesting is not bounded by anything (a file of a million '[' would overflow
    the C stack); so only its events come from C, and PyYAML's composer (first in the bases) builds the nodes.

    An alias (*name) repeats the block its anchor (&name) marks, so a few lines can stand for billions of
    values, which would take minutes and gigabytes to expand. The size of each block is noted when it is
    finished, and every alias adds its block's size to a budget; a file over budget is refused at once, at
    the alias. An alias to a block that is not finished yet (the block contains itself) is refused too.
    """

    def __init__(self, stream):
        yaml.CSafeLoader.__init__(self, stream)
        yaml.composer.Composer.__init__(self)
        self._sizes: dict[int, int] = {}
        self._depth = 0
        self._repeated = 0

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            self._count_alias(self.peek_event())
            return super().compose_node(parent, index)
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _Refused(self.peek_event().start_mark, f"lists and blocks are nested more than {MAX_DEPTH} "
                               "levels deep here.", "check the brackets [ ] and { } on this line; a scheme needs "
                               "only a few levels.")
            node = super().compose_node(parent, index)
        finally:
            self._depth -= 1
        if isinstance(node, yaml.ScalarNode) and node.style == '"':
            # An escape in double quotes ("\0", "\x9b", "\u202e") makes a character the file itself may not hold.
            bad = yaml.reader.Reader.NON_PRINTABLE.search(node.value) or _BIDI_CONTROLS.search(node.value)
            if bad:
                raise _Refused(node.start_mark, f"the text holds the character U+{ord(bad.group()):04X} (written "
                               "as an escape), which is invisible or turns the text around on the page.",
                               "delete the escape (\\0, \\x.., \\u..) from the text.")
        if isinstance(node, yaml.MappingNode):
            size = 1 + sum(self._sizes.get(id(k), 1) + self._sizes.get(id(v), 1) for k, v in node.value)
        elif isinstance(node, yaml.SequenceNode):
            size = 1 + sum(self._sizes.get(id(item), 1) for item in node.value)
        else:
            size = 1
        self._sizes[id(node)] = size
        return node

    def _count_alias(self, event) -> None:
        node = self.anchors.get(event.anchor)
        if node is None:
            return  # PyYAML itself reports an alias without an anchor
        size = self._sizes.get(id(node))
        if size is None:
            raise _Refused(event.start_mark, f"the alias *{event.anchor} repeats the block it is inside of, "
                           "which would never end.", f"write the values out instead of *{event.anchor}.")
        self._repeated += size
        if self._repeated > ALIAS_BUDGET:
            raise _Refused(event.start_mark, f"the aliases (*name) in this file repeat more than "
                           f"{ALIAS_BUDGET:,} values, which looks like a file made to exhaust memory.",
                           "write the values out, or use fewer aliases.")


def _compose(text: str, name: str, lines: Lines) -> yaml.Node:
    """Compose the YAML node tree, or raise InputError at the line of the first thing wrong."""
    def stop(line_col, message: str, fix: str):
        line, col = line_col
        raise InputError([Problem(name, line, col, "", message, fix)], name) from None

    forbidden = yaml.reader.Reader.NON_PRINTABLE.search(text)
    if forbidden:
        stop(lines.at(forbidden.start()), f"the character U+{ord(forbidden.group()):04X} cannot be in a YAML "
             "file.", "delete it (it often comes from copying text from another program); an editor that shows "
             "invisible characters helps.")
    turned = _BIDI_CONTROLS.search(text)
    if turned:
        stop(lines.at(turned.start()), f"the invisible character U+{ord(turned.group()):04X} turns the text around "
             "on the page (it can make one word look like another).", "delete it; Arabic and Hebrew text "
             "needs no such character.")
    loader = None
    try:
        loader = _Composer(text)
        return loader.get_single_node()
    except _Refused as exc:
        stop(lines.of(exc.mark), exc.message, exc.fix)
    except yaml.reader.ReaderError as exc:  # not reached: the characters libyaml refuses are refused above
        stop(lines.at(len(text.encode("utf-8")[: exc.position].decode("utf-8", "ignore"))),
             f"the character U+{exc.character:04X} cannot be in a YAML file.", "delete it.")
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = exc.problem or "invalid YAML"
        stop(lines.of(mark) if mark else (None, None),
             f"YAML syntax error: {what}" + (f" ({exc.context})" if exc.context else "") + ".", _yaml_fix(what))
    except RecursionError:
        stop((1, 1), "the file is nested too deeply to read.",
             "check the brackets [ ] and { }; a scheme needs only a few levels.")
    finally:
        if loader is not None:
            loader.dispose()


def _decode(raw: bytes, name: str) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        raise InputError([Problem(name, line, col, "",
                                  f"the byte 0x{raw[exc.start]:02x} is not valid UTF-8.",
                                  "save the file as UTF-8 (in most editors: 'Save with encoding' → UTF-8); "
                                  "Danish letters æ, ø, å are then kept.")], name) from None
    return text.removeprefix("\ufeff")


def _refuse_tabs(text: str, name: str) -> None:
    problems = []
    for number, line in enumerate(_LINE_BREAK.split(text), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            problems.append(Problem(name, number, indent.index("\t") + 1, "",
                                    "a tab is used for indentation; YAML allows only spaces.",
                                    "replace the tab with spaces (this file uses 2 spaces per level)."))
    if problems:
        raise InputError(problems, name)


def _yaml_fix(problem: str) -> str:
    if "mapping values are not allowed" in problem:
        return "put quotes around a text that contains ': ', or check the indentation of this line."
    if "could not find expected ':'" in problem:
        return "each key needs a colon after it (key: value); check this line and the one before."
    if "found character" in problem:
        return "put quotes around the text, or remove the character."
    if "expected <block end>" in problem or "did not find expected key" in problem:
        return "check the indentation: items at the same level must start in the same column."
    if "did not find expected ','" in problem or "expected ','" in problem:
        return "close the brackets [ ] or { } that this line opens, or put quotes around a text that contains them."
    return "check the indentation and quoting around this place."


class _Converter:
    """Turn the node tree into plain data, noting every value's and key's position and refusing what YAML
    would silently accept (duplicate keys, merge keys, keys that are not text)."""

    def __init__(self, name: str, lines: Lines, positions: Positions, problems: list[Problem]):
        self.name, self.lines, self.pos, self.problems = name, lines, positions, problems

    def mark(self, node: yaml.Node) -> tuple[int, int]:
        return self.lines.of(node.start_mark)

    def convert(self, node: yaml.Node, path: Path_):
        self.pos.values[path] = self.mark(node)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, path + (i,)) for i, item in enumerate(node.value)]
        return _scalar(node)

    def _mapping(self, node: yaml.MappingNode, path: Path_) -> dict:
        out: dict = {}
        seen: dict = {}
        for key_node, value_node in node.value:
            line, col = self.mark(key_node)
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.append(Problem(self.name, line, col, "", "a key must be a plain word.",
                                             "write the key as text followed by a colon."))
                continue
            key = key_node.value
            if key == "<<":
                self.problems.append(Problem(self.name, line, col, "", "YAML merge keys (<<) are not supported.",
                                             "write the fields out in full."))
                continue
            if key in seen:
                self.problems.append(Problem(self.name, line, col, path_to_text(path + (key,)),
                                             f"the key '{key}' appears twice in the same block (first at line "
                                             f"{seen[key][0]}).", "keep one of them; YAML would silently drop "
                                             "the first."))
                continue
            seen[key] = (line, col)
            self.pos.keys[path + (key,)] = (line, col)
            out[key] = self.convert(value_node, path + (key,))
        return out


_SCALAR_TAGS = {
    "tag:yaml.org,2002:int": int,
    "tag:yaml.org,2002:float": float,
}


def _scalar(node: yaml.ScalarNode):
    """Turn a scalar into int, float, bool, None or str; dates stay text so the model can judge them."""
    if node.style:  # quoted: always text
        return node.value
    tag, value = node.tag, node.value
    if tag in _SCALAR_TAGS:
        try:
            return _SCALAR_TAGS[tag](value.replace("_", ""))
        except ValueError:
            return value
    if tag == "tag:yaml.org,2002:bool":
        # YAML 1.2: only true/false are booleans, so answer values such as yes/no stay text.
        return value.lower() == "true" if value.lower() in ("true", "false") else value
    if tag == "tag:yaml.org,2002:null":
        return None
    return value
