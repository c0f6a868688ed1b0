"""Problems found in a user's input, and how they are reported.

A user's mistake is never a traceback: every check collects `Problem`s, and the caller stops once with all of
them, each naming the file, line and column, what is wrong and how to fix it.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Iterable

MAX_SHOWN = 10


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input file, at a place a person can find."""

    file: str
    line: int | None
    column: int | None
    where: str  # the dotted path inside the document, e.g. "sources[1].date"; may be empty
    message: str
    fix: str = ""

    def format(self) -> str:
        place = self.file
        if self.line is not None:
            place += f":{self.line}"
            if self.column is not None:
                place += f":{self.column}"
        head = f"{place}: {self.where + ': ' if self.where else ''}{self.message}"
        return head + (f"\n    fix: {self.fix}" if self.fix else "")


@dataclass
class InputError(Exception):
    """Raised once, after collecting, when an input file cannot be used."""

    problems: list[Problem] = field(default_factory=list)
    what: str = "The input"

    def __str__(self) -> str:
        return format_problems(self.problems, self.what)


def format_problems(problems: list[Problem], what: str = "The input") -> str:
    """Render problems as one screen: the first MAX_SHOWN in file order, then a count of the rest."""
    ordered = sorted(problems, key=lambda p: (p.file, p.line or 0, p.column or 0))
    shown = [p.format() for p in ordered[:MAX_SHOWN]]
    rest = len(ordered) - len(shown)
    if rest:
        shown.append(f"… and {rest} more problem{'s' if rest != 1 else ''} (fix the ones above first).")
    count = len(ordered)
    shown.append(f"{what} has {count} problem{'s' if count != 1 else ''}; nothing was built.")
    return "\n".join(shown)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """Return " Did you mean 'x'?" for the closest choice, or "" when none is close."""
    match = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=0.6)
    return f" Did you mean '{match[0]}'?" if match else ""


def path_to_text(path: tuple) -> str:
    """Write a location path the way YAML readers think of it: a.b[2].c."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out
