"""Readability measures, one per language a scheme can be written in, each with its budget under `checks:`.

LIX (Björnsson) counts sentence length and words of more than six letters; it was made for Swedish and is used
for Danish and Norwegian, where long compounds make words long. It says little about English, whose hard words
are short, so English text is measured by the Flesch-Kincaid grade (sentence length and syllables per word), the
measure English plain-language guidance uses.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Callable

import textstat

from generator.scheme.model import GateLimits


@dataclass(frozen=True)
class Measure:
    """A readability measure: its name, how to score a text, which limit in `checks:` is its budget, the fix."""

    name: str
    score: Callable[[str], float]
    limit: str   # the field of GateLimits holding the budget
    fix: str

    def budget(self, limits: GateLimits) -> float:
        return getattr(limits, self.limit)


def lix(text: str) -> float:
    return round(textstat.lix(text), 1)


@functools.lru_cache(maxsize=1)
def _hyphenator():
    import pyphen  # textstat's own dependency; it counts syllables with it for every language but English

    return pyphen.Pyphen(lang="en_GB")


_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")


def flesch_kincaid_grade(text: str) -> float:
    """The Flesch-Kincaid grade: 0.39 × words per sentence + 11.8 × syllables per word − 15.59.

    textstat computes it from the CMU dictionary, which it downloads at run time (nothing may be downloaded
    here), so syllables are counted by hyphenation, as textstat does for words the dictionary lacks.
    """
    words = _WORD.findall(text)
    if not words:
        return 0.0
    sentences = max(1, textstat.sentence_count(text))
    syllables = sum(len(_hyphenator().positions(w.lower())) + 1 for w in words)
    return round(0.39 * len(words) / sentences + 11.8 * syllables / len(words) - 15.59, 1)


MEASURES = {
    "da": Measure("LIX", lix, "lix_max_citizen",
                  "shorter sentences and shorter words (LIX counts words of more than 6 letters)."),
    "en": Measure("Flesch-Kincaid grade", flesch_kincaid_grade, "grade_max_citizen",
                  "shorter sentences and words of fewer syllables."),
}


def measure_for(language: str) -> Measure:
    """The measure for a scheme written in `language` (every language `scheme.language` accepts has one)."""
    return MEASURES[language]
