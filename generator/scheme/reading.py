"""Read a YAML file into plain data while remembering where every key and value stands.

PyYAML's own loader forgets positions and silently keeps the last of two equal keys. Composing the node
tree ourselves keeps a line and column for every path (so later errors can say `rules.yaml:42:7`) and
lets us refuse duplicate keys, tabs and bad bytes with a message that says how to fix them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.scheme.problems import InputError, Problem, path_to_text

Path_ = tuple  # a location inside the document: keys (str) and list indices (int)


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


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def read(path: Path, display: str | None = None) -> Document:
    """Parse `path` into data and positions; raise InputError for anything a person must fix first."""
    name = display or str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise InputError([Problem(name, None, None, "", f"cannot read the file: {exc.strerror}.",
                                  "check the path given with --rules.")], name)
    text = _decode(raw, name)
    _refuse_tabs(text, name)
    if not text.strip() or all(l.strip().startswith("#") or not l.strip() for l in text.splitlines()):
        raise InputError([Problem(name, 1, 1, "", "the file is empty.",
                                  "start from the project's rules.yaml, or run `python -m generator new DIR` "
                                  "for a minimal scheme.")], name)
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
        what = exc.problem or "invalid YAML"
        raise InputError([Problem(name, line, col, "", f"YAML syntax error: {what}"
                                  + (f" ({exc.context})" if exc.context else "") + ".",
                                  _yaml_fix(what))], name)
    positions = Positions(name)
    problems: list[Problem] = []
    data = _convert(root, (), positions, problems, name)
    if problems:
        raise InputError(problems, name)
    return Document(data, positions)


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
                                  "Danish letters æ, ø, å are then kept.")], name)
    return text.removeprefix("\ufeff")


def _refuse_tabs(text: str, name: str) -> None:
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
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
    if "expected <block end>" in problem:
        return "check the indentation: items at the same level must start in the same column."
    return "check the indentation and quoting around this place."


_SCALAR_TAGS = {
    "tag:yaml.org,2002:int": int,
    "tag:yaml.org,2002:float": float,
}


def _convert(node: yaml.Node, path: Path_, pos: Positions, problems: list[Problem], name: str):
    pos.values[path] = _mark(node)
    if isinstance(node, yaml.MappingNode):
        out: dict = {}
        seen: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                line, col = _mark(key_node)
                problems.append(Problem(name, line, col, "", "a key must be a plain word.",
                                        "write the key as text followed by a colon."))
                continue
            key = key_node.value
            if key == "<<":
                line, col = _mark(key_node)
                problems.append(Problem(name, line, col, "", "YAML merge keys (<<) are not supported.",
                                        "write the fields out in full."))
                continue
            if key in seen:
                line, col = _mark(key_node)
                problems.append(Problem(name, line, col, path_to_text(path + (key,)),
                                        f"the key '{key}' appears twice in the same block (first at line "
                                        f"{seen[key][0]}).", "keep one of them; YAML would silently drop the first."))
                continue
            seen[key] = _mark(key_node)
            pos.keys[path + (key,)] = _mark(key_node)
            out[key] = _convert(value_node, path + (key,), pos, problems, name)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, path + (i,), pos, problems, name) for i, item in enumerate(node.value)]
    return _scalar(node)


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

