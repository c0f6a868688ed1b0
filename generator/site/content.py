"""Hand-written pages (content/*.md): Markdown with Jinja tags, rendered in a sandbox with only the scheme's data.

A page may print the scheme's data (`{{ scheme.name }}`, `{% for s in rules.sources %}`) and use the macros
(`m.fact(...)`), nothing else: Jinja's `ImmutableSandboxedEnvironment` refuses Python's insides
(`cycler.__init__.__globals__`) and any change to the data (the same scheme is rendered for every language, so a
page's `rules.checklists[0].next_steps.append(...)` would change the others'); of the scheme's objects a page reads
fields and properties only (pydantic's own methods such as `parse_file` would read any file); the only template a
page may import is the macros, and numbers, texts and loops cannot be blown up (`9**9**9`, `'x' * 10**9`,
`range(10**5)` inside `range(10**5)`). Whatever goes wrong is reported at its file and line.
"""

from __future__ import annotations

import operator
import re

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment
from pydantic import BaseModel

from generator.scheme.problems import InputError, Problem

MACROS_NAME = "_macros.j2"
# The names a page may use besides the link helpers (url, asset, page_path) and `m`, the macros.
DATA = ("_", "rules", "scheme", "sources", "legal", "roles", "pages", "module_order", "rule_by_id",
        "quotes_of", "source_language", "legal_label", "exclusions_of")
MAX_ITEMS = 100_000   # the longest text or list `*` may make
MAX_BITS = 100_000    # the largest number `**` may make
MAX_RANGE = 1_000     # the longest range() a page may loop over (nested loops multiply)


class _MacrosOnly(jinja2.BaseLoader):
    """Let a page import the generator's macros and nothing else: no other template, no file on the disk."""

    def __init__(self, templates):
        self.templates = templates

    def get_source(self, environment, template):
        if template != MACROS_NAME:
            raise jinja2.TemplateNotFound(template)
        path = self.templates / MACROS_NAME
        return path.read_text(encoding="utf-8"), str(path), lambda: True


_WIDTH = re.compile(r"[%:]\D{0,3}?(\d{6,})|\.(\d{6,})")


def _too_large(*values) -> bool:
    """Whether an argument asks for a text or list longer than a page can use: a count or a width over
    MAX_ITEMS ('x'.ljust(10**9), '%999999999d', '{:>999999999}')."""
    for value in values:
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_ITEMS:
            return True
        if isinstance(value, str) and any(int(n) > MAX_ITEMS for m in _WIDTH.finditer(value) for n in m.groups() if n):
            return True
    return False


def _guarded(name: str, function):
    """A filter that refuses arguments asking for more than a page can use (`|center(10**9)`)."""
    def guarded(*args, **kwargs):
        if _too_large(*args[1:], *kwargs.values()) or (name == "format" and args and _too_large(args[0])):
            raise jinja2.exceptions.SecurityError(f"the filter '{name}' would make a text too long")
        return function(*args, **kwargs)

    if hasattr(function, "jinja_pass_arg"):  # a filter that takes the context or environment first
        guarded.jinja_pass_arg = function.jinja_pass_arg
    return guarded


def _range(*args):
    """range(), no longer than MAX_RANGE."""
    numbers = range(*args)
    if len(numbers) > MAX_RANGE:
        raise jinja2.exceptions.SecurityError(f"range() may give at most {MAX_RANGE} numbers in a page")
    return numbers


class ContentEnvironment(ImmutableSandboxedEnvironment):
    """The sandbox for hand-written pages, with texts, lists and numbers kept to sizes a page can use."""

    intercepted_binops = frozenset({"*", "**", "%"})

    def is_safe_attribute(self, obj, attr, value):
        if isinstance(obj, BaseModel):
            kind = type(obj)
            if attr not in kind.model_fields and not isinstance(getattr(kind, attr, None), property):
                return False
        return super().is_safe_attribute(obj, attr, value)

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 — Jinja's own signature
        method = getattr(__obj, "__wrapped__", __obj)  # the sandbox wraps str.format
        if _too_large(*args, *kwargs.values()) or (getattr(method, "__name__", "") in ("format", "format_map")
                                                   and _too_large(getattr(method, "__self__", ""))):
            raise jinja2.exceptions.SecurityError("the call would make a text or list too long")
        return super().call(__context, __obj, *args, **kwargs)

    def call_binop(self, context, op, left, right):
        if op == "%":
            if isinstance(left, str) and _too_large(left):
                raise jinja2.exceptions.SecurityError("the text would be too long")
            return super().call_binop(context, op, left, right)
        if op == "**":
            if isinstance(left, int) and isinstance(right, int) and right > 0 \
                    and abs(left).bit_length() * right > MAX_BITS:
                raise jinja2.exceptions.SecurityError("the number is too large to compute")
            return operator.pow(left, right)
        if op == "*":
            for seq, n in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(n, int) and len(seq) * n > MAX_ITEMS:
                    raise jinja2.exceptions.SecurityError("the text or list would be too long")
            return operator.mul(left, right)
        return super().call_binop(context, op, left, right)


def environment(base: jinja2.Environment, templates) -> ContentEnvironment:
    """A sandbox like `base` (same escaping, filters, tests and cache of compiled templates, which keeps the
    sandbox's code apart from the pages') with only the scheme's data as globals."""
    env = ContentEnvironment(loader=_MacrosOnly(templates), autoescape=True, undefined=jinja2.StrictUndefined,
                             finalize=base.finalize, trim_blocks=True, lstrip_blocks=True,
                             keep_trailing_newline=True, bytecode_cache=base.bytecode_cache)
    env.filters.update({name: base.filters[name] for name in ("date", "number", "lower_first")})
    env.filters.update({name: _guarded(name, function) for name, function in env.filters.items()})
    env.tests["contains"] = base.tests["contains"]
    env.globals.update({name: base.globals[name] for name in DATA if name in base.globals})
    env.globals["range"] = _range
    env.globals.pop("lipsum", None)   # lipsum(10**5, …) makes text without end
    return env


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


def check_front_matter(source: str, display: str) -> None:
    """Refuse front matter (the `---` block at the top) that is not a YAML mapping: MkDocs would silently show it
    as text on the page instead."""
    import yaml

    found = _FRONT_MATTER.match(source)
    if not found:
        return
    try:
        data = yaml.safe_load(found.group(1) or "")
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 2
        raise InputError([Problem(display, line, None, "", f"the front matter (the --- block at the top) is not "
                                  f"valid YAML: {getattr(exc, 'problem', None) or exc}.", "write one "
                                  "'key: value' per line, e.g. 'title: Om siden', or remove the block.")],
                         display) from None
    if data is not None and not isinstance(data, dict):
        raise InputError([Problem(display, 2, None, "", "the front matter (the --- block at the top) is not a list "
                                  "of 'key: value' lines.", "write one 'key: value' per line, e.g. "
                                  "'title: Om siden', or remove the block.")], display)


def render(env: ContentEnvironment, source: str, context: dict, display: str, macros: str) -> str:
    """Render a page's source, or raise InputError with the file, the line, what is wrong and the fix."""
    def stop(line, message, fix):
        raise InputError([Problem(display, line, None, "", message, fix)], display) from None

    check_front_matter(source, display)

    try:
        template = env.from_string(macros + source)
        return template.render(context)
    except jinja2.TemplateSyntaxError as exc:
        stop(exc.lineno, f"template error: {exc.message}.", "check the {{ … }} and {% … %} tags on this line.")
    except jinja2.UndefinedError as exc:
        stop(_template_line(exc), f"template error: {exc.message}.",
             "use a name the pages know: " + ", ".join(n for n in DATA if n != "_")
             + ", url(...), m.fact(...).")
    except jinja2.TemplateNotFound as exc:
        stop(_template_line(exc), f"a page may not include or import '{exc.name}'.",
             f"write the text into the page; the only template a page may import is '{MACROS_NAME}'.")
    except jinja2.exceptions.SecurityError as exc:
        stop(_template_line(exc), f"not allowed in a page: {str(exc).rstrip('.')}.",
             "use only the scheme's data (scheme, rules, sources, …) and the macros; pages cannot run code.")
    except RecursionError:
        stop(None, "the page's tags call themselves without end.", "remove the recursion from the page.")
    except Exception as exc:  # noqa: BLE001 — whatever the page's expressions raise is the page's mistake
        stop(_template_line(exc), f"template error: {type(exc).__name__}: {str(exc).rstrip('.')}.",
             "correct the expression on this line.")


def _template_line(exc: BaseException) -> int | None:
    """The line of the page where `exc` was raised (Jinja rewrites its traceback to the template's lines)."""
    tb, line = exc.__traceback__, None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line
