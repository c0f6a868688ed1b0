"""Web addresses in the scheme: checked to be what they claim, so the site links only where it says it does.

An address is printed into an `href`; one that is not a plain https address (a quote, an angle bracket, a
space, a `javascript:` scheme) could end the attribute or run code. It is refused here, at its line, and the
templates escape it anyway.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlsplit

from pydantic import AfterValidator, Field

_FORBIDDEN = set(' "\'<>`\\{}|^')


def web_address(value: str) -> str:
    """Accept an https address with a host and nothing that HTML or a browser could read otherwise."""
    shown = value if len(value) <= 60 else value[:57] + "…"
    bad = sorted({c for c in value if c in _FORBIDDEN or ord(c) < 0x20 or ord(c) == 0x7F})
    if bad:
        names = ", ".join("a space" if c == " " else repr(c) for c in bad)
        raise ValueError(f"the web address '{shown}' contains {names}; write the address as the browser's address "
                         "bar shows it (a space as %20)")
    try:
        parts = urlsplit(value)
        host = parts.hostname
    except ValueError:
        host = None
    if parts.scheme != "https" or not host:
        raise ValueError(f"'{shown}' is not a web address that starts with https:// and names a site; write the "
                         "full address, e.g. https://www.example.dk/tilgaengelighed")
    return value


WebAddress = Annotated[str, AfterValidator(web_address),
                       Field(json_schema_extra={"format": "uri", "pattern": "^https://"})]
"""An https address, e.g. https://www.kk.dk/tilgaengelighed."""
