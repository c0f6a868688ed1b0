"""Hand-written pages render in a sandbox with only the scheme's data: no code runs, no file is read, and every
mistake in a page's tags is a message at its line. A link in content/ that leads outside the project is refused."""

from __future__ import annotations

import html
import os
import subprocess
import sys

import pytest

from generator.scheme.loader import load
from generator.scheme.problems import InputError
from generator.site.assemble import assemble
from generator.site.render import Renderer

from projects import small_project
from support import FIXTURES, REPO

RULES = load(FIXTURES / "minimal.yaml")


def render(source: str) -> str:
    return Renderer(RULES).content_page("om-siden.md", source, "content/om-siden.md").markdown


def refused(source: str) -> InputError:
    with pytest.raises(InputError) as caught:
        render(source)
    return caught.value


def test_a_page_prints_the_schemes_data_and_uses_the_macros():
    page = render("# Om\n\n{{ scheme.name }} har {{ rules.sources|length }} kilde.\n\n"
                  "{% for s in rules.sources %}- {{ s.title }} ({{ s.date|date }})\n{% endfor %}\n"
                  "{{ m.fact(scheme.about[0]) }}\n[Kilder]({{ url('sources') }})\n")
    assert "Testordningen har 1 kilde." in page and "Et testnotat (2. januar 2020)" in html.unescape(page)
    assert 'data-fact="om-1"' in page and "kilder.html" in page


@pytest.mark.parametrize("expression", [
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ url.__globals__ }}",
    "{{ rules.__class__.__init__.__globals__ }}",
    "{{ joiner.__init__.__globals__['__builtins__']['open']('/etc/passwd').read() }}",
    "{{ lipsum.__globals__.os.popen('id').read() }}",
    "{{ scheme.__dict__ }}",
    # Found by the hostile-input probe: the data is shared by every language's pages, and pydantic's own
    # methods read files; loops and lipsum could run without end.
    "{{ rules.sources.append('x') }}",
    "{{ rules.scheme.about.clear() }}",
    "{{ rules.parse_file('/etc/hostname') }}",
    "{{ scheme.model_dump() }}",
    "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
    "{{ lipsum(100000, False, 100000, 100000) }}",
])
def test_python_insides_are_out_of_reach(expression):
    error = refused(f"# Om\n\nTekst.\n{expression}\n")
    problem = error.problems[0]
    assert problem.file == "content/om-siden.md" and problem.line == 4, str(error)
    assert "uid=" not in str(error) and "root:" not in str(error)
    assert "fix:" in str(error)


@pytest.mark.parametrize("tag", ["{% include '/etc/passwd' %}", "{% include '../../../../etc/passwd' %}",
                                 "{% import 'start.md.j2' as s %}", "{% extends 'audience.md.j2' %}",
                                 "{% include 'mkdocs.yml' %}"])
def test_a_page_can_import_only_the_macros(tag):
    error = refused(f"# Om\n\n{tag}\n")
    assert "a page may not include or import" in str(error) and "'_macros.j2'" in str(error)
    assert error.problems[0].line == 3
    assert "root:" not in str(error)


@pytest.mark.parametrize("expression, words", [
    ("{{ 1/0 }}", ["ZeroDivisionError"]),
    ("{{ 2**1000000000 }}", ["too large"]),
    ("{{ 'x' * 10**9 }}", ["too long"]),
    ("{{ [1] * 10**9 }}", ["too long"]),
    ("{{ range(10**9)|list }}", ["too long"]),
    ("{{ '%999999999d' % 1 }}", ["too long"]),
    ("{{ '{:>999999999}'.format(1) }}", ["too long"]),
    ("{{ 'x'|center(999999999) }}", ["too long"]),
    ("{{ 'x'.ljust(10**9) }}", ["too long"]),
    ("{{ '%*d'|format(999999999, 1) }}", ["too long"]),
    ("{{ scheme.name|int + 'a' }}", ["TypeError"]),
    ("{{ '%s %s' % (1,) }}", ["TypeError"]),
    ("{{ nothing }}", ["'nothing' is undefined", "use a name the pages know"]),
    ("{% for %}", ["template error"]),
    ("{{ m.fact(scheme) }}", ["template error"]),
])
def test_template_errors_are_located_messages(expression, words):
    error = refused(f"# Om\n\nTekst.\n\n{expression}\n")
    message = str(error)
    assert all(w in message for w in words), message
    assert error.problems[0].line == 5, message
    assert "fix:" in message


def test_a_macro_that_calls_itself_forever_is_a_message():
    error = refused("# Om\n{% macro f() %}{{ f() }}{% endmacro %}\n{{ f() }}\n")
    assert "call themselves without end" in str(error) or "recursion" in str(error).lower()


def test_the_real_content_pages_still_render():
    for name in ("om-siden.md",):
        source = (REPO / "content" / name).read_text(encoding="utf-8")
        rules = load(REPO / "rules.yaml")
        page = Renderer(rules).content_page(name, source, f"content/{name}")
        assert rules.sources[0].title in page.markdown


def test_a_link_in_content_that_leads_outside_the_project_is_refused(tmp_path):
    project = small_project(tmp_path / "p")
    (project / "content" / "pw.md").symlink_to("/etc/passwd")
    (project / "content" / "hjem").symlink_to(os.path.expanduser("~"))
    (project / "noter.md").write_text("# Noter\n", encoding="utf-8")
    (project / "content" / "noter.md").symlink_to(project / "noter.md")  # inside the project: fine
    with pytest.raises(InputError) as caught:
        assemble(project / "rules.yaml", project / "content")
    message = str(caught.value)
    assert "content/pw.md: this is a link to /etc/passwd, outside the project" in message
    assert "content/hjem:" in message and "noter.md" not in message
    result = subprocess.run([sys.executable, "-m", "generator", "build"], cwd=project, capture_output=True,
                            text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert result.returncode == 1 and "outside the project" in result.stderr and "Traceback" not in result.stderr
    assert not (project / "site").exists()


def test_code_in_a_content_page_runs_neither_in_build_nor_in_check(tmp_path):
    """As reported: the payload in the English translation of a page, which `check` renders too."""
    page = "# About\n\n{{ cycler.__init__.__globals__.os.popen('id').read() }}\n"
    rules = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8") + "languages:\n  - code: en\n    name: English\n"
    project = small_project(tmp_path / "p", rules, content={"om-siden.md": "# Om siden\n\nTekst.\n",
                                                             "om-siden.en.md": page})
    for command in ("build", "check"):
        result = subprocess.run([sys.executable, "-m", "generator", command], cwd=project, capture_output=True,
                                text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(REPO)})
        assert result.returncode == 1, (command, result.stdout, result.stderr)
        assert "uid=" not in result.stdout + result.stderr
        assert "content/om-siden.en.md:3:" in result.stderr and "Traceback" not in result.stderr, result.stderr


@pytest.mark.parametrize("front, line", [("---\ntitle: [\n---\n", 3), ("---\n- a\n---\n", 2)])
def test_front_matter_that_is_not_yaml_is_refused_at_its_line(front, line):
    """Found by the hostile-input probe: MkDocs showed broken front matter as a heading on the page."""
    error = refused(front + "# Om\n\nTekst.\n")
    assert error.problems[0].file == "content/om-siden.md" and error.problems[0].line == line, str(error)
    assert "front matter" in str(error) and "fix:" in str(error)
    assert render("---\ntitle: Om\n---\n# Om\n").startswith("---\ntitle: Om\n---\n")


def test_content_that_would_publish_more_than_pages_is_refused(tmp_path):
    rules = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8") + "languages:\n  - code: en\n    name: English\n"
    project = small_project(tmp_path / "p", rules, content={
        "om-siden.md": "# Om\n", "widget.js": "alert(1)\n", "assets/checklist.js": "alert(2)\n",
        "en/side.md": "# Side\n", "side.html": "<script>alert(3)</script>", "data.XML": "<x/>",
        "img/ond.svg": '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(4)</script></svg>',
        "img/fin.svg": '<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>'})
    os.mkfifo(project / "content" / "roer.md")
    with pytest.raises(InputError) as caught:
        assemble(project / "rules.yaml", project / "content")
    message = str(caught.value)
    for words in ["content/widget.js: a script in content/ would be published",
                  "content/assets/checklist.js: a script in content/", "content/en: the site in language 'en'",
                  "content/roer.md: this is not a regular file",
                  "content/side.html: an HTML or XML file in content/", "content/data.XML: an HTML or XML file",
                  "content/img/ond.svg: the picture holds an inline <script> element"]:
        assert words in message, message
    assert "om-siden.md" not in message and "fin.svg" not in message


@pytest.mark.parametrize("name, bad", [("javascript:alert(1).md", ":"), ("q?x.md", "?"), ("a#b.md", "#"),
                                       ("<b>.md", "< >"), ("pct%20.md", "%")])
def test_a_page_name_that_would_change_its_address_is_refused(tmp_path, name, bad):
    """Found by fuzzing: content/javascript:alert(1).md became the navigation link javascript:alert(1).html."""
    project = small_project(tmp_path / "p", content={name: "# Side\n", "side med mellemrum.md": "# Fint\n"})
    with pytest.raises(InputError) as caught:
        assemble(project / "rules.yaml", project / "content")
    message = str(caught.value)
    assert f"content/{name}: the name becomes the page's address, and {bad} would change" in message
    assert "mellemrum" not in message
