"""Source coverage: which sentences of each source the site quotes, leaves out on purpose, or misses.

A statement the site never makes cannot be checked against its source, so omissions are found from the other
side: every sentence of every source must be quoted by at least one item (its words at least half covered by
quotes), named under the source's `out_of_scope:` with a reason, or be the heading a section of its `sections` starts with.
A checklist's own words (a question, its help and its answers, an outcome's title, explanation and next steps) count
as quotes where they stand word for word in the source: a ported flow asks its questions in the source's words.
What is left is listed by `check`, so nothing a citizen, an ambassador or a partner needs is dropped unseen.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.scheme.grounding import passages, read_texts, sourced_items
from generator.scheme.model import Rules
from generator.scheme.reading import Positions
from generator.scheme.sources import SourceText, normalise

QUOTED_SHARE = 0.5  # a sentence counts as quoted when quotes cover at least this share of its characters


@dataclass
class SourceCoverage:
    """How one source's sentences are accounted for."""

    source: str
    label: str
    total: int = 0
    quoted: int = 0
    out_of_scope: int = 0
    headings: int = 0
    missing: list[str] = field(default_factory=list)

    @property
    def share(self) -> float:
        return 100.0 * self.quoted / self.total if self.total else 100.0

    def summary(self) -> str:
        return (f"{self.quoted} of {self.total} sentences quoted ({self.share:.0f} %), {self.out_of_scope} out of "
                f"scope with a reason, {self.headings} section headings; {len(self.missing)} not accounted for")


def run(rules: Rules, rules_file: Path) -> list[SourceCoverage]:
    """Coverage of every source of `rules` (whose texts lie beside `rules_file`)."""
    texts, _ = read_texts(rules, Path(rules_file).resolve().parent, Positions(str(rules_file)))
    spans: dict[str, list[tuple[int, int]]] = {sid: [] for sid in texts}
    for _, item in sourced_items(rules):
        text = texts.get(item.source)
        for passage in passages(item) if text else []:
            spans[item.source] += _spans(text, passage)
    for words in checklist_words(rules):
        for source_id, text in texts.items():
            spans[source_id] += _spans(text, words)
    report = []
    for source in rules.sources:
        if source.id not in texts:
            continue
        text = texts[source.id]
        left_out = [s for o in source.out_of_scope for s in _spans(text, o.text)]
        heads = {start for s in source.sections for start in text.find(s.starts)[:1]}
        cov = SourceCoverage(source.id, source.label)
        for start, end in text.sentences:
            cov.total += 1
            if _covered(start, end, spans[source.id]) >= QUOTED_SHARE:
                cov.quoted += 1
            elif any(a < end and start < b for a, b in left_out):
                cov.out_of_scope += 1
            elif start in heads:
                cov.headings += 1
            else:
                cov.missing.append(text.words(start, end))
        report.append(cov)
    return report


def checklist_words(rules: Rules) -> list[str]:
    """Every text the checklists show of their own: questions, help, answers' labels, outcomes' texts."""
    found = []
    for checklist in rules.checklists:
        for q in checklist.questions:
            found += [q.text, *([q.help] if q.help else []), *(o.label for o in getattr(q, "options", []))]
        for o in checklist.outcomes:
            found += [o.title, o.explanation, *o.next_steps, *o.bring]
    return [w for w in found if len(w.split()) >= 2]


def _spans(text: SourceText, passage: str) -> list[tuple[int, int]]:
    length = len(normalise(passage).text)
    return [(start, start + length) for start in text.find(passage)]


def _covered(start: int, end: int, spans: list[tuple[int, int]]) -> float:
    """The share of [start, end) that the spans cover."""
    marks = bytearray(end - start)
    for a, b in spans:
        lo, hi = max(a, start), min(b, end)
        if lo < hi:
            marks[lo - start:hi - start] = b"\x01" * (hi - lo)
    return sum(marks) / len(marks) if marks else 1.0
