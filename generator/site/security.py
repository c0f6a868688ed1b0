"""A Content-Security-Policy for every page: only the site's own origin, inline scripts by hash.

Material for MkDocs puts a few small inline scripts in each page (their text differs per page), so the
policy is written per page after rendering: each inline script's SHA-256 is allowed, nothing else inline.
A page opened straight from disk (file://) has no origin to call 'self', so file: is allowed as well; it
grants nothing to a page served over https.
"""

from __future__ import annotations

import base64
import hashlib
import re

_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S)
_DATA_TYPES = ("application/json", "application/ld+json")


def policy(html: str) -> str:
    hashes = []
    for match in _INLINE_SCRIPT.finditer(html):
        attrs = match.group("attrs")
        if "src=" in attrs or any(t in attrs for t in _DATA_TYPES):
            continue
        digest = base64.b64encode(hashlib.sha256(match.group("body").encode("utf-8")).digest()).decode()
        hashes.append(f"'sha256-{digest}'")
    scripts = " ".join(["'self'", "file:", *sorted(set(hashes))])
    return ("default-src 'self' file:; "
            f"script-src {scripts}; "
            "style-src 'self' file:; img-src 'self' file: data:; font-src 'self' file:; "
            "connect-src 'self' file:; worker-src 'self' file:; object-src 'none'; base-uri 'self'; "
            "form-action 'self'")


def add_policy(html: str) -> str:
    """Insert the page's policy as the first element of <head>, before any script can run."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html)}">'
    return re.sub(r"<head>", "<head>\n  " + meta, html, count=1)
