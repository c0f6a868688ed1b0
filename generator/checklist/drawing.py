"""Draw a checklist's decision graph for staff: an inline SVG with a complete text equivalent.

The compiled graph (`graph.graph_of`) can hold many nodes for the same question (one per earlier path).
For people, the drawing shows one box per question and per outcome, with an arrow for every place an answer
can lead. Where an answer leads to different places depending on earlier answers, each place gets an arrow,
and the text equivalent says so in words; nothing in the picture is only in the picture.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from generator.checklist.describe import UNKNOWN_LABEL
from generator.checklist.graph import graph_of
from generator.checklist.kinds import UNKNOWN
from generator.i18n import _
from generator.scheme.model import Checklist

BOX_W, BOX_H, ROW, STEP_X, MARGIN = 170, 50, 96, 56, 16
LEFT = 190  # room for the labels of arrows that run down the left side


@dataclass
class Drawn:
    svg: str
    steps: list[dict]   # the text equivalent: one entry per question


def edges(checklist: Checklist) -> dict[str, dict[str, list[str]]]:
    """question id → answer label → targets ('q:<id>' or 'o:<id>'), from every node of the compiled graph."""
    graph = graph_of(checklist)
    found: dict[str, dict[str, list[str]]] = {q.id: {} for q in checklist.questions}
    for node in graph.nodes:
        if "q" not in node:
            continue
        q = graph.questions[node["q"]]
        branches = {b.key: b for b in graph.branches[q.id]}
        for key, child in node["next"].items():
            target = graph.nodes[child]
            ref = f"q:{target['q']}" if "q" in target else f"o:{target['outcome']}"
            label = _(UNKNOWN_LABEL) if key == UNKNOWN else q.branch_label(branches[key], graph.routes[q.id])
            targets = found[q.id].setdefault(label, [])
            if ref not in targets:
                targets.append(ref)
    return found


def _short(label: str) -> str:
    """A short answer name for an arrow: the first words of the label, at most 18 characters."""
    words = label.split("(")[0].replace(",", "").split()
    out = words[0]
    for word in words[1:]:
        if len(out) + 1 + len(word) > 18:
            break
        out += " " + word
    return out


def draw(checklist: Checklist) -> Drawn:
    found = edges(checklist)
    numbers = {q.id: n for n, q in enumerate(checklist.questions, start=1)}
    outcomes = {o.id: o for o in checklist.outcomes}
    asked = [q for q in checklist.questions if found[q.id]]
    # Questions step down diagonally; outcomes stand in a column to the right.
    pos = {f"q:{q.id}": (LEFT + i * STEP_X, MARGIN + i * ROW) for i, q in enumerate(asked)}
    column_x = LEFT + (len(asked) - 1) * STEP_X + BOX_W + 120
    q_height = (len(asked) - 1) * ROW + BOX_H
    gap = max(12, (q_height - len(outcomes) * BOX_H) / max(1, len(outcomes) - 1))
    for k, oid in enumerate(outcomes):
        pos[f"o:{oid}"] = (column_x, MARGIN + k * (BOX_H + gap))
    width = column_x + BOX_W + MARGIN
    height = max(MARGIN + q_height, MARGIN + len(outcomes) * (BOX_H + gap) - gap) + MARGIN
    lines, labels, boxes, steps = [], [], [], []
    for q in asked:
        sx, sy = pos[f"q:{q.id}"]
        step = {"question": numbers[q.id], "text": q.text, "answers": []}
        by_target: dict[str, list[str]] = {}
        for label, targets in found[q.id].items():
            for ref in targets:
                by_target.setdefault(ref, []).append(_short(label))
            step["answers"].append({"answer": label, "targets": [
                _("spørgsmål %(n)s", n=numbers[ref[2:]]) if ref.startswith("q:")
                else _("resultatet «%(title)s»", title=outcomes[ref[2:]].title)
                for ref in targets]})
        to_outcomes = [r for r in by_target if r.startswith("o:")]
        for ref, names in by_target.items():
            tx, ty = pos[ref]
            if ref.startswith("q:"):   # down the left side of the diagonal, into the question's left edge
                x1, y1, x2, y2 = sx, sy + BOX_H / 2, tx, ty + BOX_H / 2
                d = f"M{x1:.0f},{y1:.0f} C{x1 - 45:.0f},{y1:.0f} {x2 - 45:.0f},{y2:.0f} {x2 - 3:.0f},{y2:.0f}"
                lx, ly, anchor = x1 - 48 + (x2 - x1) * 0.5, (y1 + y2) / 2, "end"
            else:                      # out of the right edge, into the outcome's left edge
                k = to_outcomes.index(ref)
                x1 = sx + BOX_W
                y1 = sy + 8 + k * (BOX_H - 16) / max(1, len(to_outcomes) - 1)
                x2, y2 = tx, ty + BOX_H / 2
                d = f"M{x1:.0f},{y1:.0f} C{x1 + 70:.0f},{y1:.0f} {x2 - 70:.0f},{y2:.0f} {x2 - 3:.0f},{y2:.0f}"
                lx, ly, anchor = x1 + (x2 - x1) * 0.35, y1 + (y2 - y1) * 0.35 - 3, "middle"
            lines.append(f'<path d="{d}" class="edge" marker-end="url(#arrow-{checklist.id})"/>')
            text = ", ".join(names) if len(names) <= 3 else ", ".join(names[:2]) + f" +{len(names) - 2}"
            labels.append(f'<text x="{lx:.0f}" y="{ly:.0f}" class="edge-label" text-anchor="{anchor}">'
                          f'{escape(text)}</text>')
        steps.append(step)
        boxes.append(_box(sx, sy, "question-node", _("Spørgsmål %(n)s: %(text)s", n=numbers[q.id], text=q.text)))
    for oid, o in outcomes.items():
        x, y = pos[f"o:{oid}"]
        boxes.append(_box(x, y, f"outcome-node verdict-{o.verdict}", o.title))
    svg = (f'<svg class="decision-graph" viewBox="0 0 {width:.0f} {height:.0f}" width="{width:.0f}" '
           f'height="{height:.0f}" role="img" aria-labelledby="graph-title-{checklist.id}" '
           f'xmlns="http://www.w3.org/2000/svg"><title id="graph-title-{checklist.id}">'
           + escape(_("Beslutningsgraf for %(title)s. Den samme graf står som tekst under tegningen.",
                      title=checklist.title)) + '</title>'
           f'<defs><marker id="arrow-{checklist.id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
           f'markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z"/></marker></defs>'
           + "".join(lines) + "".join(boxes) + "".join(labels) + "</svg>")
    return Drawn(svg, steps)


def _box(x: float, y: float, cls: str, text: str) -> str:
    words, rows, row = text.split(), [], ""
    for word in words:
        if len(row) + len(word) + 1 > 30 and row:
            rows.append(row)
            row = word
        else:
            row = f"{row} {word}".strip()
    rows.append(row)
    if len(rows) > 3:
        rows = rows[:3]
        rows[2] = rows[2][:27].rstrip() + "…"
    tspans = "".join(f'<tspan x="{x + 8:.0f}" dy="{0 if k == 0 else 13}">{escape(t)}</tspan>'
                     for k, t in enumerate(rows))
    ty = y + BOX_H / 2 - (len(rows) - 1) * 6.5 + 4
    return (f'<g class="node {cls}"><rect x="{x:.0f}" y="{y:.0f}" width="{BOX_W}" height="{BOX_H}" rx="6"/>'
            f'<text x="{x + 8:.0f}" y="{ty:.0f}">{tspans}</text></g>')
