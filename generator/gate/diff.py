"""`python -m generator diff OLD NEW`: what an edit of the rules changes, in plain Danish, for its reviewer.

Lists the questions, outcomes and texts that were added, removed or changed (items matched by id, not by
position), and then what matters most: which scenarios and how many answer paths now reach another outcome.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel

from generator.checklist.graph import evaluate, graph_of
from generator.checklist.kinds import AnswerError
from generator.scheme.model import Checklist, Rules
from generator.checklist.scenarios import read_scenarios, scenarios_dir

PATH_LIMIT = 20000   # answer paths compared one by one; beyond this the report says how many it compared


def flatten(obj: object, key: str = "", out: dict | None = None) -> dict[str, object]:
    """Every leaf value by a stable key: list items with an id are named by it (rules[kun-revalidender].text)."""
    out = {} if out is None else out
    if isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            flatten(getattr(obj, name), f"{key}.{name}" if key else name, out)
    elif isinstance(obj, list):
        for i, item in enumerate(obj):
            label = getattr(item, "id", None) or getattr(item, "value", None) or i
            flatten(item, f"{key}[{label}]", out)
    elif isinstance(obj, dict):
        for k, v in obj.items():
            flatten(v, f"{key}[{k}]", out)
    else:
        out[key] = obj
    return out


def _short(value: object, limit: int = 90) -> str:
    text = " ".join(str(value).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def report(old: Rules, new: Rules, scenarios_from: Path | None = None) -> str:
    lines: list[str] = []
    lines += _checklist_changes(old, new)
    lines += _text_changes(old, new)
    lines += _outcome_shifts(old, new, scenarios_from)
    return "\n".join(lines) if lines else "Ingen ændringer."


def _checklist_changes(old: Rules, new: Rules) -> list[str]:
    lines = []
    before = {c.id: c for c in old.checklists}
    after = {c.id: c for c in new.checklists}
    for cid in sorted(before.keys() | after.keys()):
        if cid not in after:
            lines.append(f"Tjekliste fjernet: {cid}")
            continue
        if cid not in before:
            lines.append(f"Ny tjekliste: {cid} ({after[cid].title})")
            continue
        for kind, get in (("spørgsmål", lambda c: c.questions), ("resultat", lambda c: c.outcomes)):
            a = {x.id: x for x in get(before[cid])}
            b = {x.id: x for x in get(after[cid])}
            for xid in sorted(a.keys() - b.keys()):
                lines.append(f"Tjekliste {cid}: {kind} fjernet: {xid}")
            for xid in sorted(b.keys() - a.keys()):
                lines.append(f"Tjekliste {cid}: nyt {kind}: {xid}")
            for xid in sorted(a.keys() & b.keys()):
                if a[xid] != b[xid]:
                    fields = [f for f in type(a[xid]).model_fields if getattr(a[xid], f) != getattr(b[xid], f)]
                    lines.append(f"Tjekliste {cid}: {kind} {xid} ændret ({', '.join(fields)})")
    return lines


def _text_changes(old: Rules, new: Rules) -> list[str]:
    a, b = flatten(old), flatten(new)
    lines = []
    for key in sorted(a.keys() | b.keys()):
        if key.startswith("checklists"):
            continue  # reported per question and outcome above
        if key not in b:
            lines.append(f"Fjernet: {key} (var: {_short(a[key])})")
        elif key not in a:
            lines.append(f"Tilføjet: {key}: {_short(b[key])}")
        elif a[key] != b[key]:
            lines.append(f"Ændret: {key}\n    før: {_short(a[key])}\n    nu:  {_short(b[key])}")
    return lines


def _outcome_shifts(old: Rules, new: Rules, scenarios_from: Path | None) -> list[str]:
    lines = []
    before = {c.id: c for c in old.checklists}
    for checklist in new.checklists:
        if checklist.id not in before:
            continue
        graph = graph_of(checklist)
        total = graph.count_paths()
        walked = graph.paths(limit=PATH_LIMIT)
        moved = []
        for measures, leaf in walked:
            answers = graph.answers(measures)
            if _outcome(before[checklist.id], answers) != leaf.get("outcome"):
                moved.append((answers, leaf.get("outcome")))
        of = f"{len(walked)}" if len(walked) == total else f"de første {len(walked)} af {total}"
        if moved:
            lines.append(f"Tjekliste {checklist.id}: {len(moved)} af {of} svarveje giver nu et andet resultat, fx:")
            for answers, now in moved[:3]:
                shown = ", ".join(f"{q}={graph.questions[q].text_of(v)}" for q, v in answers.items())
                lines.append(f"    {shown}: {_outcome(before[checklist.id], answers)} → {now}")
        else:
            lines.append(f"Tjekliste {checklist.id}: alle {of} svarveje giver samme resultat som før.")
    if scenarios_from is not None:
        after = {c.id: c for c in new.checklists}
        for s in read_scenarios(scenarios_from):
            if s.checklist in before and s.checklist in after:
                was, now = _outcome(before[s.checklist], s.answers), _outcome(after[s.checklist], s.answers)
                if was != now:
                    reached = now or "intet resultat (der mangler svar på nye spørgsmål)"
                    lines.append(f"Scenarie {s.id} ({s.title}) når nu {reached} i stedet for {was}"
                                 + (f"; det forventer {s.expect}, så scenariet skal rettes eller reglen genovervejes"
                                    if s.expect is not None and s.expect != now else "") + ".")
    return lines


def _outcome(checklist: Checklist, answers: dict) -> str | None:
    """The outcome these answers reach in a checklist (None if they stop early or no longer fit it)."""
    known = {q.id for q in checklist.questions}
    try:
        return evaluate(checklist, {q: v for q, v in answers.items() if q in known}).outcome
    except (AnswerError, KeyError, ValueError, TypeError, AttributeError):
        return None


def scenarios_for(rules_file: Path) -> Path | None:
    directory = scenarios_dir(rules_file)
    return directory if directory.is_dir() else None
