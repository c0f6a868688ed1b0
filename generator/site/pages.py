"""Which pages a scheme gets, their addresses, titles and place in the navigation.

A page exists only when the data for it exists, so a smaller scheme gets a smaller site. Page ids are what
`audiences[].pages` refers to; addresses are Danish words without æ, ø, å so they survive any URL.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.i18n import _
from generator.scheme.model import Rules


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
    # Titles and groups are words of the site, in the active language (a catalog is made while rendering).
    about_group, background_group = _("Om ordningen"), _("Baggrund og organisering")
    checklist_group = _("Tjek om det er noget for dig")
    pages = [PageSpec("start", "index.md", _("Forside"), "start.md.j2")]
    pages += [PageSpec(a.id, f"{a.id}.md", a.title, "audience.md.j2") for a in r.audiences]
    pages += [PageSpec(c.id, f"{c.id}.md", c.title, "checklist.md.j2", checklist_group) for c in r.checklists]
    if r.checklists:
        if has_scenarios:
            pages.append(PageSpec("examples", "eksempler.md", _("Eksempler på tjeklisterne"), "examples.md.j2",
                                  checklist_group))
        pages.append(PageSpec("logic", "saadan-virker-tjeklisterne.md", _("Sådan virker tjeklisterne"), "logic.md.j2",
                              checklist_group))
    if r.training:
        training_group = r.training.title
        pages.append(PageSpec("training", "ambassadoeruddannelse.md", _("Oversigt"), "training.md.j2",
                              training_group))
        pages += [PageSpec(f"training-{mod.id}", f"ambassadoeruddannelse-{mod.id}.md",
                           _("Modul %(n)s: %(title)s", n=n, title=mod.title), "training_module.md.j2", training_group)
                  for n, mod in enumerate(r.training.modules, start=1)]
    optional = [
        (True, "about", "om-ordningen.md", r.scheme.about_title or about_group, "about.md.j2", about_group),
        (bool(r.rules or r.target_groups), "eligibility", "hvem-kan-deltage.md", _("Hvem kan deltage?"),
         "eligibility.md.j2", about_group),
        (r.process is not None, "process", "processen.md", _("Processen trin for trin"), "process.md.j2", about_group),
        (r.step_model is not None, "step-model", "trappetrinsmodellen.md",
         r.step_model.title if r.step_model else "", "step_model.md.j2", about_group),
        (r.support is not None, "support", "coach-og-mentor.md", _("Støtte fra coach og mentor"), "support.md.j2",
         about_group),
        (bool(r.legal_excerpts), "legal", "lovgrundlag.md", legal_title(r), "legal.md.j2", about_group),
        (r.recruitment is not None, "partners", "partnere-og-rekruttering.md", _("Partnere og rekruttering"),
         "partners.md.j2", background_group),
        (r.ambassadors is not None, "ambassadors", "ambassadoermodellen.md", _("Ambassadørmodellen"),
         "ambassadors.md.j2", background_group),
        (bool(r.goals or r.budget), "goals", "maal-og-budget.md", _("Mål og budget"), "goals.md.j2", background_group),
        (r.inspiration is not None, "inspiration", "inspiration.md",
         r.inspiration.title if r.inspiration else "", "inspiration.md.j2", background_group),
        (bool(r.other_models), "other-models", "andre-kommuner.md", _("Sådan gør andre kommuner"),
         "other_models.md.j2", background_group),
        (True, "sources", "kilder.md", _("Kilder"), "sources.md.j2", None),
        (True, "privacy", "privatliv.md", _("Privatliv"), "privacy.md.j2", None),
        (True, "accessibility", "tilgaengelighed.md", _("Tilgængelighedserklæring"), "accessibility.md.j2", None),
    ]
    pages += [PageSpec(pid, path, title, tpl, group) for present, pid, path, title, tpl, group in optional if present]
    return pages


def legal_title(rules: Rules) -> str:
    """'Lovgrundlag', or 'Lov og vejledning' when some excerpts are guidance rather than law."""
    if any(e.kind == "guidance" for e in rules.legal_excerpts):
        return _("Lov og vejledning")
    return _("Lovgrundlag")


def page_ids(rules: Rules) -> list[str]:
    """Ids a reference may name; 'examples' counts, as scenarios are loaded after the rules."""
    return [p.id for p in catalog(rules, has_scenarios=True)]
