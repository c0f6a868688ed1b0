"""Which pages a scheme gets, their addresses, titles and place in the navigation.

A page exists only when the data for it exists, so a smaller scheme gets a smaller site. Page ids are what
`audiences[].pages` refers to; addresses are Danish words without æ, ø, å so they survive any URL.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Rules

ABOUT_GROUP = "Om ordningen"
BACKGROUND_GROUP = "Baggrund og organisering"
CHECKLIST_GROUP = "Tjek om det er noget for dig"


@dataclass(frozen=True)
class PageSpec:
    """A page to generate: its id, file path (as MkDocs sees it), title, template and navigation group."""

    id: str
    path: str
    title: str
    template: str
    group: str | None = None


def catalog(rules: Rules, has_scenarios: bool = False) -> list[PageSpec]:
    """Return the generated pages for `rules`, in navigation order."""
    r = rules
    pages = [PageSpec("start", "index.md", "Forside", "start.md.j2")]
    pages += [PageSpec(a.id, f"{a.id}.md", a.title, "audience.md.j2") for a in r.audiences]
    pages += [PageSpec(c.id, f"{c.id}.md", c.title, "checklist.md.j2", CHECKLIST_GROUP) for c in r.checklists]
    if r.checklists:
        if has_scenarios:
            pages.append(PageSpec("examples", "eksempler.md", "Eksempler til ambassadører", "examples.md.j2",
                                  CHECKLIST_GROUP))
        pages.append(PageSpec("logic", "saadan-virker-tjeklisterne.md", "Sådan virker tjeklisterne", "logic.md.j2",
                              CHECKLIST_GROUP))
    optional = [
        (True, "about", "om-ordningen.md", r.scheme.about_title, "about.md.j2", ABOUT_GROUP),
        (bool(r.rules or r.target_groups), "eligibility", "hvem-kan-deltage.md", "Hvem kan deltage?",
         "eligibility.md.j2", ABOUT_GROUP),
        (r.process is not None, "process", "processen.md", "Processen trin for trin", "process.md.j2", ABOUT_GROUP),
        (r.step_model is not None, "step-model", "trappetrinsmodellen.md",
         r.step_model.title if r.step_model else "", "step_model.md.j2", ABOUT_GROUP),
        (r.support is not None, "support", "coach-og-mentor.md", "Støtte fra coach og mentor", "support.md.j2",
         ABOUT_GROUP),
        (bool(r.legal_excerpts), "legal", "lovgrundlag.md", "Lovgrundlag", "legal.md.j2", ABOUT_GROUP),
        (r.recruitment is not None, "partners", "partnere-og-rekruttering.md", "Partnere og rekruttering",
         "partners.md.j2", BACKGROUND_GROUP),
        (r.ambassadors is not None, "ambassadors", "ambassadoermodellen.md", "Ambassadørmodellen",
         "ambassadors.md.j2", BACKGROUND_GROUP),
        (bool(r.goals or r.budget), "goals", "maal-og-budget.md", "Mål og budget", "goals.md.j2", BACKGROUND_GROUP),
        (r.inspiration is not None, "inspiration", "inspiration.md",
         r.inspiration.title if r.inspiration else "", "inspiration.md.j2", BACKGROUND_GROUP),
        (bool(r.other_models), "other-models", "andre-kommuner.md", "Sådan gør andre kommuner",
         "other_models.md.j2", BACKGROUND_GROUP),
        (True, "sources", "kilder.md", "Kilder", "sources.md.j2", None),
        (True, "privacy", "privatliv.md", "Privatliv", "privacy.md.j2", None),
        (True, "accessibility", "tilgaengelighed.md", "Tilgængelighedserklæring", "accessibility.md.j2", None),
    ]
    pages += [PageSpec(pid, path, title, tpl, group) for present, pid, path, title, tpl, group in optional if present]
    return pages


def page_ids(rules: Rules) -> list[str]:
    """Ids a reference may name; 'examples' counts, as scenarios are loaded after the rules."""
    return [p.id for p in catalog(rules, has_scenarios=True)]
