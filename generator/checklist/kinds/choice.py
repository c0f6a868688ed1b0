"""One of several answers ('Hvad får du i dag?'), shown as radio buttons."""

from __future__ import annotations

from typing import Literal

from pydantic import model_validator

from generator.checklist.kinds.base import Option, register
from generator.checklist.kinds.yes_no import YesNoQuestion


@register
class ChoiceQuestion(YesNoQuestion):
    """A question answered with exactly one of its options."""

    kind: Literal["choice"]
    """'choice': answered with one of `options`."""
    options: list[Option] = []
    """The answers to choose from (two or more), in the order shown."""

    @model_validator(mode="after")
    def _distinct_values(self) -> "ChoiceQuestion":
        if len(self.options) < 2:
            raise ValueError("a choice question needs at least two options; add options, or use kind: yes_no")
        values = [o.value for o in self.options]
        if "unknown" in values or len(set(values)) != len(values):
            raise ValueError("option values must be unique and not 'unknown'; rename the repeated value")
        return self

    def values(self) -> list[str]:
        return [o.value for o in self.options]

    def label_value(self, value) -> str:
        return next((o.label for o in self.options if o.value == value), str(value))
