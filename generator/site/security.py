"""The site runs only the scripts we wrote: one Content-Security-Policy for every page, and a check before publishing.

Material for MkDocs writes a few small scripts inline; the overrides load the same code from a file instead
(`assets/theme.js`, see `overrides/partials/javascripts/`), so the policy allows scripts from the site's own
files only: no inline script, no hash of whatever ended up in a page, no event-handler attribute, no
`javascript:` link. Data for the scripts travels in `<script type="application/json">`, which never runs.

`findings` lists anything in a finished page that breaks this (a `<script>` or `onclick=` written into a
hand-written page, say); the build refuses to publish such a page and names it. A page opened straight from
disk (file://) has no origin to call 'self', so file: is allowed as well; it grants nothing to a page served
over https.
"""

from __future__ import annotations

import html.parser
import ipaddress
import re
from dataclasses import dataclass

from generator.scheme.problems import Problem

POLICY = ("default-src 'self' file:; script-src 'self' file:; style-src 'self' file:; "
          "img-src 'self' file: data:; font-src 'self' file:; connect-src 'self' file:; worker-src 'self' file:; "
          "object-src 'none'; base-uri 'self'; form-action 'self'")
DATA_TYPES = ("application/json", "application/ld+json")
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "srcdoc"}
_RUNNABLE_URL = re.compile(r"^\s*(javascript|vbscript|data\s*:\s*text/html)\s*:?", re.I)
# Browsers drop tabs and line breaks anywhere in an address and spaces and control characters around it, so
# "java&#x09;script:" is a javascript: address: they are dropped here too before the address is judged.
_IGNORED_IN_ADDRESS = re.compile(r"[\t\n\r]|^[\x00-\x20]+")
# SVG animation sets an attribute (href, say) to these values over time: they are addresses as well.
_ANIMATED = {"values", "to", "from", "by"}


def add_policy(page: str) -> str:
    """Insert the policy as the first element of <head>, before any script can run."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">'
    return re.sub(r"<head>", "<head>\n  " + meta, page, count=1)


@dataclass(frozen=True)
class Finding:
    """Something in a page that could run code: what it is and the text to look for in the page's source."""

    what: str
    needle: str


class _Scanner(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[Finding] = []
        self._inline: str | None = None

    def handle_starttag(self, tag, attrs):
        self._check(tag, attrs)

    def handle_startendtag(self, tag, attrs):
        self._check(tag, attrs)

    def _check(self, tag, attrs):
        values = {name.lower(): value or "" for name, value in attrs}
        if tag == "script":
            kind = values.get("type", "").strip().lower()
            if kind in DATA_TYPES:
                pass
            elif "src" not in values:
                self.found.append(Finding("an inline <script> element", "<script"))
            elif re.match(r"^\s*([a-z][a-z0-9+.-]*:|//)", values["src"], re.I):
                self.found.append(Finding(f"a script from elsewhere ({values['src']})", values["src"]))
            elif not re.split(r"[?#]", _IGNORED_IN_ADDRESS.sub("", values["src"]))[0].lower().endswith(".js"):
                # content/ may hold no .js file (assemble.check_content), so every .js file of the site is the
                # generator's or the theme's; any other file run as a script would be a page's own.
                self.found.append(Finding(f"a script from a file that is not one of the site's scripts "
                                          f"({values['src']})", values["src"]))
        for name, value in values.items():
            if name.startswith("on"):
                self.found.append(Finding(f"an event-handler attribute {name}= on <{tag}>", name))
                continue
            if name in _URL_ATTRIBUTES:
                addresses = [value]
            elif tag in ("animate", "set") and name in _ANIMATED:
                addresses = value.split(";")
            else:
                continue
            for address in addresses:
                runnable = _RUNNABLE_URL.match(_IGNORED_IN_ADDRESS.sub("", address))
                if runnable:
                    scheme = runnable.group(1).split(":")[0].lower()
                    self.found.append(Finding(f"a {scheme}: address in {name}= on <{tag}>", f"{scheme}:"))
                    break


def findings(page: str) -> list[Finding]:
    """Everything in a finished page that could run code other than the site's own script files."""
    scanner = _Scanner()
    scanner.feed(page)
    scanner.close()
    return scanner.found


def line_of(source: str, needle: str) -> int | None:
    """The first line of `source` that holds `needle` (case-insensitive), for a located message."""
    needle = needle.lower()
    for number, line in enumerate(source.splitlines(), start=1):
        if needle in line.lower():
            return number
    return None


def html_file(path: str, use_directory_urls: bool) -> str:
    """The file MkDocs writes for the page at `path`: om-siden.md → om-siden.html (or om-siden/index.html)."""
    from generator.site.render import page_url

    url = page_url(path, use_directory_urls)
    return url + "index.html" if url == "" or url.endswith("/") else url


def problems(page: str, where: str, origin=None) -> list[Problem]:
    """A located problem for each finding in a finished page; `origin` is the RenderedPage it was made from.

    A hand-written page is named with the line of its source that holds the finding; anything else comes
    from the theme or its settings.
    """
    found = []
    for finding in findings(page):
        if origin is not None and origin.origin:
            found.append(Problem(origin.origin, line_of(origin.source, finding.needle), None, "",
                                 f"{finding.what} is not allowed in a page: the site runs only its own script "
                                 "files.", "remove it; write text, links to https:// addresses and the "
                                 "macros (m.fact(...)) instead."))
        else:
            found.append(Problem(where, None, None, "", f"{finding.what} is in the finished page; the site runs "
                                 "only its own script files.", "it comes from the theme or its settings in "
                                 "mkdocs.yml (a feature that writes scripts into the page): turn that setting "
                                 "off."))
    return found


# --- the preview server -------------------------------------------------------------------------------------

LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"}


def allowed_host(header: str | None, bound: str) -> bool:
    """Whether a request's Host header names this machine: a localhost name, a loopback or the bound address.

    A web page from elsewhere can make the reader's browser ask `http://evil.example:8000/` after pointing
    evil.example at 127.0.0.1 (DNS rebinding); its Host header still says evil.example, so it is refused.
    An address written as digits cannot be rebound, so any IP address is accepted when serving on all of them.
    """
    if not header:
        return False
    host = header.strip().lower()
    if host.startswith("["):
        host = host[1:].partition("]")[0]
    elif host.count(":") == 1:
        host = host.partition(":")[0]
    host = host.rstrip(".")
    if host in LOCAL_NAMES or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return host == bound.lower()
    if address.is_loopback or host == bound:
        return True
    try:
        return ipaddress.ip_address(bound).is_unspecified
    except ValueError:
        return False


def guard_host(server) -> None:
    """Make MkDocs' preview server answer only requests whose Host header names this machine."""
    app = server.get_app()
    bound = str(server.server_address[0])

    def guarded(environ, start_response):
        if not allowed_host(environ.get("HTTP_HOST"), bound):
            start_response("421 Misdirected Request", [("Content-Type", "text/plain; charset=utf-8")])
            return [b"This preview answers only to localhost and its own address.\n"]
        return app(environ, start_response)

    server.set_app(guarded)
