"""`python -m generator translations`: update translations/<lang>.po, keeping every translation."""

from __future__ import annotations

from generator.i18n import catalogs

HELP = "update translations/<lang>.po for each language in rules.yaml: add new texts, keep translations"


def arguments(parser) -> None:
    pass


def run(args) -> int:
    for line in catalogs.update(args.rules, args.rules.parent / "content"):
        print(line)
    print("Translate the empty entries (e.g. in Poedit); remove the fuzzy flag when a person has reviewed one.")
    return 0
