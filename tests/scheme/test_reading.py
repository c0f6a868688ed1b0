"""Reading YAML: hostile or odd files end in one located message, and positions are the lines an editor shows."""

from __future__ import annotations

import pytest

from generator.scheme import reading
from generator.scheme.loader import load
from generator.scheme.problems import InputError

from support import FIXTURES, with_sources

MINIMAL = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")
# The line of the source's title in the fixture, where the tests below break it.
TITLE_LINE = next(n for n, line in enumerate(MINIMAL.splitlines(), 1) if line == "    title: Et testnotat")


def refused(tmp_path, text: str | bytes) -> InputError:
    path = with_sources(tmp_path) / "rules.yaml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    with pytest.raises(InputError) as caught:
        load(path, display="rules.yaml")
    return caught.value


def test_a_nul_byte_is_refused_at_its_place(tmp_path):
    error = refused(tmp_path, MINIMAL.replace("  name: Testordningen", "  name: Test\x00ordningen"))
    assert [(p.line, p.column) for p in error.problems] == [(4, 13)]
    assert "U+0000 cannot be in a YAML file" in str(error) and "fix:" in str(error)


@pytest.mark.parametrize("char", ["\x07", "\x1b", "\ufffe"])
def test_other_characters_yaml_forbids_are_refused(tmp_path, char):
    error = refused(tmp_path, MINIMAL.replace("Et testnotat", f"Et {char}testnotat"))
    assert error.problems[0].line == TITLE_LINE and "cannot be in a YAML file" in error.problems[0].message


@pytest.mark.parametrize("written, char", [("\\0", "U+0000"), ("\\x9b", "U+009B"), ("\\u202e", "U+202E"),
                                           ("\\u2066", "U+2066"), ("\u202e", "U+202E")])
def test_invisible_and_text_turning_characters_are_refused_also_when_written_as_escapes(tmp_path, written, char):
    """Found by the hostile-input probe: "\\0" and "\\u202e" in double quotes reached the pages."""
    error = refused(tmp_path, MINIMAL.replace("    title: Et testnotat", f'    title: "Et {written}testnotat"'))
    assert error.problems[0].line == TITLE_LINE and char in error.problems[0].message, str(error)


def test_six_hundred_nested_brackets_are_refused_not_a_recursion_error(tmp_path):
    error = refused(tmp_path, "scheme: " + "[" * 600 + "]" * 600 + "\n")
    assert error.problems[0].line == 1
    assert f"nested more than {reading.MAX_DEPTH} levels" in error.problems[0].message


def test_deeply_nested_blocks_are_refused_too(tmp_path):
    text = "scheme:\n" + "".join("  " * (n + 1) + f"k{n}:\n" for n in range(300)) + "  " * 301 + "v: 1\n"
    error = refused(tmp_path, text)
    assert "nested more than" in error.problems[0].message


def billion_laughs(levels: int) -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 10) + "]" for n in range(1, levels)]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("levels", [6, 40])
def test_an_alias_bomb_is_refused_by_the_budget_before_it_expands(tmp_path, levels):
    """10**40 values would never finish; it is refused at the same alias as 10**6, so nothing was expanded."""
    error = refused(tmp_path, billion_laughs(levels))
    problem = error.problems[0]
    assert "repeat more than 10,000 values" in problem.message
    assert (problem.line, problem.column) == (4, 45), "the first alias over the budget"


def test_an_alias_inside_its_own_block_is_refused(tmp_path):
    error = refused(tmp_path, "scheme: &s\n  id: x\n  again: *s\n")
    assert "repeats the block it is inside of" in error.problems[0].message
    assert error.problems[0].line == 3


def test_a_few_aliases_within_the_budget_still_load(tmp_path):
    text = MINIMAL.replace("  contact: sagsbehandler", "  contact: &kontakt sagsbehandler", 1)
    text = text.replace("        contact: sagsbehandler", "        contact: *kontakt")
    path = with_sources(tmp_path) / "rules.yaml"
    path.write_text(text, encoding="utf-8")
    rules = load(path)
    assert {o.contact for c in rules.checklists for o in c.outcomes} == {"sagsbehandler"}


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
def test_a_unicode_line_separator_does_not_shift_line_numbers(tmp_path, separator):
    text = MINIMAL.replace("summary: En ordning til test.", f'summary: "En ordning{separator}til test."')
    text = text.replace("    title: Et testnotat", "    titel: Et testnotat")
    error = refused(tmp_path, text)
    assert [(p.line, p.column) for p in error.problems] == [(TITLE_LINE, 5)], str(error)


def test_windows_line_ends_give_the_same_positions(tmp_path):
    text = MINIMAL.replace("    title: Et testnotat", "    titel: Et testnotat").replace("\n", "\r\n")
    error = refused(tmp_path, text)
    assert [(p.line, p.column) for p in error.problems] == [(TITLE_LINE, 5)]


def test_lines_count_only_the_line_breaks_editors_count():
    lines = reading.Lines("a\nb\r\nc\rd\u2028e")
    assert [lines.at(i) for i in (0, 2, 5, 7, 9)] == [(1, 1), (2, 1), (3, 1), (4, 1), (4, 3)]


@pytest.mark.parametrize("kind, words", [("folder", "this is a folder"), ("fifo", "not a regular file"),
                                         ("device", "not a regular file"), ("loop", "Too many levels"),
                                         ("missing", "No such file")])
def test_a_rules_path_that_is_not_a_file_is_refused_without_reading_it(tmp_path, kind, words):
    """A pipe or /dev/zero would be read for ever; each odd path is a message instead."""
    import os

    path = with_sources(tmp_path) / "rules.yaml"
    if kind == "folder":
        path.mkdir()
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "device":
        path = "/dev/zero"
    elif kind == "loop":
        (tmp_path / "a").symlink_to(tmp_path / "b")
        (tmp_path / "b").symlink_to(tmp_path / "a")
        path = tmp_path / "a"
    with pytest.raises(InputError) as caught:
        load(path, display="rules.yaml")
    assert words in str(caught.value) and "fix:" in str(caught.value)


def test_a_rules_file_larger_than_any_real_one_is_refused(tmp_path):
    from generator.files import MAX_INPUT_BYTES

    path = with_sources(tmp_path) / "rules.yaml"
    with path.open("wb") as handle:
        handle.truncate(MAX_INPUT_BYTES + 1)
    with pytest.raises(InputError) as caught:
        load(path, display="rules.yaml")
    assert "an input file is at most 20 MB" in str(caught.value)
