"""Property: no text from the data, the translations or a page's Jinja tags can add anything that runs.

Hypothesis puts hostile strings into every text field of the real rules.yaml, every English translation and a
hand-written page (printed through `{{ … }}`, and sometimes written into the page as raw Markdown), builds the
site, parses every page and compares what could run (script elements, event-handler attributes,
javascript: addresses) with the clean site's. A page whose raw Markdown holds a script is refused at its line
instead; then nothing is published. Derandomised and a handful of examples, one build each, so it fits
`make test`.
"""

from __future__ import annotations

import copy
import logging
import os
import time
from collections import Counter

import pytest
import yaml
from mkdocs.exceptions import Abort
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from generator.scheme.model import Rules
from generator.scheme.reading import read
from generator.site import build as site_build

from hostile import poison, poison_catalog, poison_sources, runnable_in_site
from projects import copy_of_repo_scheme
from support import REPO, RULES

FRAGMENTS = [
    "<script>alert(1)</script>", "</script><script>alert(2)</script>", "<img src=x onerror=alert(3)>",
    '"><svg onload=alert(4)>', "'><a href=javascript:alert(5)>x</a>", "javascript:alert(6)",
    "[x](javascript:alert(7))", "\n\n[y]: javascript:alert(8)\n\n[y]", '{: onclick="alert(9)" }', "<!--", "-->",
    "</title>", "</textarea>", "&lt;script&gt;", "&#106;avascript:alert(10)", "\u2028", "\n\n", "\n\n    <b>",
    "*", "_", "`", "|", "\\", "<div markdown=1>", "%", "%(n)s", "]]>", "<![CDATA[", "<style>", "{{ 7*7 }}",
    "{% raw %}", "<iframe srcdoc='<script>alert(11)</script>'>", "<a href='data:text/html,<script>'>",
    "<base href='//evil.example/'>", "<meta http-equiv=refresh content='0;javascript:alert(12)'>", "\u202e", "æøå",
]
hostile = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(alphabet="<>\"'&=/:;(){}[]#!*_ ab", max_size=6)),
                   min_size=1, max_size=6).map(lambda parts: "x" + "".join(parts))
SEEN: Counter = Counter()


class _Said(logging.Handler):
    """What MkDocs logged (its build stops with Abort and logs the reason)."""

    def __init__(self):
        super().__init__()
        self.text = ""

    def emit(self, record):
        self.text += record.getMessage() + "\n"


def jinja_string(text: str) -> str:
    """`text` as a Jinja string literal."""
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


@pytest.fixture(scope="module")
def clean(built_site):
    return runnable_in_site(built_site)


@settings(max_examples=4, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck),
          phases=[Phase.explicit, Phase.generate])  # no shrinking: each example is a whole build
@given(in_rules=hostile, in_translations=hostile, in_page=hostile, raw_in_page=st.booleans())
def test_hostile_text_adds_nothing_that_runs(tmp_path_factory, clean, in_rules, in_translations, in_page,
                                             raw_in_page):
    started = time.monotonic()
    root = copy_of_repo_scheme(tmp_path_factory.mktemp("hostile") / "p")
    data = read(RULES).data
    spoiled = copy.deepcopy(data)
    kinds: set = set()
    assert poison(Rules.model_validate(data), spoiled, kinds, in_rules) > 500 and len(kinds) >= 60
    (root / "rules.yaml").write_text(yaml.safe_dump(spoiled, allow_unicode=True, sort_keys=False), encoding="utf-8")
    poison_sources(REPO / "sources", root / "sources", in_rules)
    assert poison_catalog(REPO / "translations" / "en.po", root / "translations" / "en.po", in_translations, "en")
    page = root / "content" / "om-siden.md"
    text = page.read_text(encoding="utf-8") + f"\n\nData: {{{{ {jinja_string(in_page)} }}}}\n"
    if raw_in_page:
        text += f"\nRå tekst: {in_page}\n"
    page.write_text(text, encoding="utf-8")
    os.chdir(REPO)
    said = _Said()
    logging.getLogger("mkdocs").addHandler(said)
    try:
        site_build.build(root / "rules.yaml", root / "mkdocs.yml", root / "site")
    except Abort as exc:  # a refusal must be a located message about the raw page, and publish nothing
        assert raw_in_page, (repr(exc), said.text)
        assert "content/om-siden.md:" in said.text and "is not allowed in a page" in said.text, said.text
        assert not (root / "site").exists(), "nothing was published"
        SEEN["refused: raw markup in the page"] += 1
        return
    finally:
        logging.getLogger("mkdocs").removeHandler(said)
        os.environ.pop("SCHEME_RULES", None)
    found = runnable_in_site(root / "site")
    assert found.keys() == clean.keys()
    differences = {name: (clean[name], found[name]) for name in clean if clean[name] != found[name]}
    assert not differences, list(differences.items())[:3]
    SEEN["built: same scripts as the clean site"] += 1
    SEEN["seconds"] += round(time.monotonic() - started)


def test_report_the_hostile_builds(summary):
    summary("hostile text", str(dict(SEEN)))
    assert SEEN["built: same scripts as the clean site"] >= 1
