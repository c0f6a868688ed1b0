"""The question kinds, one module each; `KINDS` maps each `kind:` value to its class.

Adding a kind: a module here (its fields, answers, tests, branches), a partial
`generator/site/templates/questions/<kind>.html.j2`, and an entry of the same name in `KINDS` in
`generator/site/assets/checklist.js`; then import the module below.
"""

from generator.checklist.kinds.base import KINDS, UNKNOWN, AnswerError, Branch, Option, Question, today
from generator.checklist.kinds import yes_no, choice, number, multiple, date, amount  # noqa: F401  (registers them)

__all__ = ["KINDS", "UNKNOWN", "AnswerError", "Branch", "Option", "Question", "today"]
