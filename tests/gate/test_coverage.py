"""Source coverage: every sentence of every source is quoted, left out with a reason, or a section heading."""

from __future__ import annotations

import re

import pytest

from generator.gate import coverage
from generator.scheme.loader import load

from support import FIXTURES, REPO, RULES, scheme_copy

SCHEMES = {"copenhagen": RULES, "ishoej": REPO / "examples" / "ishoej-naestved" / "rules.yaml",
           "fixture": FIXTURES / "minimal.yaml"}


@pytest.mark.parametrize("name", list(SCHEMES))
def test_every_sentence_of_every_source_is_accounted_for(name):
    report = coverage.run(load(SCHEMES[name]), SCHEMES[name])
    assert report and all(not c.missing for c in report), [(c.source, c.missing) for c in report]
    assert all(c.quoted + c.out_of_scope + c.headings == c.total for c in report)
    print("\n" + "\n".join(f"{name} {c.label}: {c.summary()}" for c in report))


@pytest.mark.parametrize("name", list(SCHEMES))
def test_a_sentence_left_out_without_a_reason_is_reported(tmp_path, name):
    scheme = scheme_copy(tmp_path, SCHEMES[name])
    rules = load(scheme)
    source = next(s for s in rules.sources if s.out_of_scope)
    left_out = source.out_of_scope[0]
    text = scheme.read_text(encoding="utf-8")
    pattern = re.compile(r"\n(\s*)- (\{?)text: ['\"]?" + re.escape(left_out.text[:20]))
    match = pattern.search(text)
    assert match, "the out_of_scope entry is written as '- text: …' or '- {text: …}'"
    end = text.index("\n", match.end())
    if not match.group(2):  # block style: the reason is on the next line
        end = text.index("\n", end + 1)
    scheme.write_text(text[:match.start()] + text[end:], encoding="utf-8")
    report = coverage.run(load(scheme), scheme)
    missing = [m for c in report for m in c.missing]
    assert any(" ".join(left_out.text.split())[:20] in m for m in missing), missing
