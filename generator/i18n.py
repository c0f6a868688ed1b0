"""Languages: the site's own words (UI strings) and the scheme's texts in more than Danish.

Danish is the source language. Translations live in gettext catalogues, `translations/<lang>.po` beside
rules.yaml, so translators can use the tools they know (Poedit, Weblate). A PO entry marked `fuzzy` has not
been reviewed by a human; the site shows such texts with a notice. A text without a translation is shown in
Danish, with a notice, never left empty.

Code uses `_("Dansk tekst %(n)s", n=3)`: the Danish text is the message id, `%(name)s` placeholders are
filled after translation. Templates get the same `_` as a global; its result is plain text, escaped like any
data value, so a translation can never inject markup.
"""

from __future__ import annotations

import contextvars

_active: contextvars.ContextVar = contextvars.ContextVar("language", default=None)


def _(message: str, **params) -> str:
    """The UI string `message` (Danish) in the active language, with `%(name)s` placeholders filled."""
    language = _active.get()
    text = language.gettext(message) if language is not None else message
    return text % params if params else text
