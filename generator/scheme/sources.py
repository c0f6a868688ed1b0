"""The source documents as text: read and normalised once, so quotes can be found, placed and counted.

Every statement on the site rests on the exact words of a source. A quote is found in its source's text
ignoring only what copying can change without changing the words: runs of spaces and line breaks, a word split
by a hyphen at the end of a line, and the style of quotation marks. Normalising keeps, for every character of
the normalised text, its offset in the original, so a found passage can be placed in a section of the document
(its locator) and in its sentences (for coverage), and a near miss can be shown as the source writes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

# Every style of quotation mark counts as the plain one.
_QUOTE_MARKS = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‟": '"', "″": '"',
                              "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'"})
# A word split at the end of a line: "regn-\nskab" is "regnskab" (a hyphen before a space mid-line is kept,
# as in "regnskabs- skatte- og momsregler").
_LINE_END_HYPHEN = re.compile(r"(?<=\w)[-\u00ad][ \t]*\r?\n[ \t]*(?=[a-zæøåäöü])")
_SPACE = re.compile(r"\s+")
# Abbreviations after which a full stop does not end a sentence (Danish and English).
_ABBREVIATIONS = {"fx", "f.eks", "jf", "mv", "m.v", "pkt", "kr", "mio", "mia", "stk", "nr", "ca", "dvs", "bl.a",
                  "evt", "inkl", "ekskl", "osv", "mht", "vedr", "e.g", "i.e", "etc", "no", "vs", "approx"}
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'(§A-ZÆØÅÄÖÜ-])")


@dataclass(frozen=True)
class Normalised:
    """A text with spacing, line-end hyphens and quotation marks made uniform, mapped back to the original."""

    text: str
    offsets: tuple[int, ...]  # offsets[i] = where normalised character i stands in the original

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original text's span of the normalised span [start, end)."""
        return self.offsets[start], self.offsets[end - 1] + 1 if end > start else self.offsets[start]


def normalise(text: str) -> Normalised:
    """`text` with the differences a quote may have from its source taken out; see the module's docstring."""
    joined, join_map = _without_line_end_hyphens(text)
    out: list[str] = []
    offsets: list[int] = []
    pending_space = False
    for i, char in enumerate(joined.translate(_QUOTE_MARKS)):
        if char.isspace():
            pending_space = bool(out)
            continue
        if pending_space:
            out.append(" ")
            offsets.append(join_map[i - 1])
            pending_space = False
        out.append(char)
        offsets.append(join_map[i])
    return Normalised("".join(out), tuple(offsets))


def _without_line_end_hyphens(text: str) -> tuple[str, list[int]]:
    pieces, mapping, last = [], [], 0
    for match in _LINE_END_HYPHEN.finditer(text):
        pieces.append(text[last:match.start()])
        mapping.extend(range(last, match.start()))
        last = match.end()
    pieces.append(text[last:])
    mapping.extend(range(last, len(text)))
    return "".join(pieces), mapping


@dataclass(frozen=True)
class Place:
    """Where a passage stands in its source: normalised span, the section it starts in, the original words."""

    start: int
    end: int
    section: str | None
    words: str


@dataclass
class SourceText:
    """One source document's text, normalised and split into sections and sentences, ready to be searched."""

    id: str
    path: Path
    original: str
    normalised: Normalised
    sections: list[tuple[int, str]] = field(default_factory=list)   # (normalised start, locator), in order
    sentences: list[tuple[int, int]] = field(default_factory=list)  # normalised spans

    @classmethod
    def read(cls, source_id: str, path: Path) -> "SourceText":
        """Read and index the file at `path` (raises OSError or UnicodeDecodeError for the caller to report)."""
        original = Path(path).read_bytes().decode("utf-8").removeprefix("\ufeff")
        normalised = normalise(original)
        return cls(source_id, Path(path), original, normalised, sentences=_sentences(original, normalised))

    def find(self, passage: str) -> list[int]:
        """Every normalised start offset at which `passage` occurs (empty when it does not)."""
        needle = normalise(passage).text
        found, start = [], self.normalised.text.find(needle) if needle else -1
        while start >= 0:
            found.append(start)
            start = self.normalised.text.find(needle, start + 1)
        return found

    def place(self, passage: str) -> Place | None:
        """Where `passage` first occurs, or None."""
        starts = self.find(passage)
        if not starts:
            return None
        start = starts[0]
        end = start + len(normalise(passage).text)
        return Place(start, end, self.section_at(start), self.words(start, end))

    def words(self, start: int, end: int) -> str:
        """The original words of the normalised span, as the source writes them (spacing made single)."""
        lo, hi = self.normalised.original_span(start, end)
        return " ".join(self.original[lo:hi].split())

    def section_at(self, offset: int) -> str | None:
        """The locator of the section in which the normalised `offset` lies, or None before the first one."""
        current = None
        for start, locator in self.sections:
            if start > offset:
                break
            current = locator
        return current

    def closest(self, passage: str) -> str:
        """The passage of the source most like `passage`, as the source writes it (for "Did you mean")."""
        from rapidfuzz import fuzz

        needle = normalise(passage).text
        hay = self.normalised.text
        if not needle or not hay:
            return ""
        found = fuzz.partial_ratio_alignment(needle, hay, score_cutoff=0)
        if found is None:
            return ""
        start, end = _widen_to_words(hay, found.dest_start, found.dest_end)
        return self.words(start, end)


def _widen_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return start, end


def _sentences(original: str, normalised: Normalised) -> list[tuple[int, int]]:
    """Normalised spans of the sentences: each non-empty line is a block; blocks split at sentence ends."""
    joined, join_map = _without_line_end_hyphens(original)
    back = {orig: i for i, orig in enumerate(normalised.offsets)}
    spans = []
    position = 0
    for line in joined.splitlines(keepends=True):
        line_start = position
        position += len(line)
        if not line.strip():
            continue
        for lo, hi in _split_line(line):
            mapped = [back[join_map[o]] for o in range(line_start + lo, line_start + hi) if join_map[o] in back]
            if mapped:
                spans.append((mapped[0], mapped[-1] + 1))
    return spans


def _split_line(line: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(line):
        before = line[start:match.start()]
        last_word = before.rstrip(".!?").split()[-1].lower() if before.split() else ""
        if (last_word in _ABBREVIATIONS or re.fullmatch(r"\s*\d+\.", before)  # an abbreviation, "1. Punkt"
                or re.search(r"§\s*\d+[a-z]?(,\s*stk\.\s*\d+)?\.$", before)):  # "§ 46. Revalidering er …"
            continue
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(line.rstrip())))
    return [(lo + len(line[lo:hi]) - len(line[lo:hi].lstrip()), hi) for lo, hi in spans if line[lo:hi].strip()]
