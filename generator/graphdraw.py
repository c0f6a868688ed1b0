"""Draw a checklist's decision graph for staff: an inline SVG with a complete text equivalent.

The compiled graph (`logic.compile_graph`) can hold many nodes for the same question (one per earlier path).
For people, the drawing shows one box per question and per outcome, with an arrow for every place an answer
can lead. Where an answer leads to different places depending on earlier answers, each place gets an arrow,
and the text equivalent says so in words; nothing in the picture is only in the picture.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from .describe import UNKNOWN_LABEL, answer_options
from .logic import UNKNOWN, compile_graph
from .model import Checklist

BOX_W, BOX_H, ROW, STEP_X, MARGIN = 190, 50, 92, 70, 16


@dataclass
class Drawn:
    svg: str
    steps: list[dict]   # the text equivalent: one entry per question


def edges(checklist: Checklist) -> dict[str, dict[str, list[str]]]:
    """question id → answer label → targets ('q:<id>' or 'o:<id>'), from every node of the compiled graph."""
    graph = compile_graph(checklist)
    by_id = {q.id: q for q in checklist.questions}
    found: dict[str, dict[str, list[str]]] = {q.id: {} for q in checklist.questions}
    for node in graph.nodes:
        if "q" not in node:
            continue
        q = by_id[node["q"]]
        names = dict(answer_options(q)) if q.kind != "number" else {UNKNOWN: UNKNOWN_LABEL}
        for key, child in node["next"].items():
            target = graph.nodes[child]
            ref = f"q:{target['q']}" if "q" in target else f"o:{target['outcome']}"
            label = names.get(key) or _band_label(key, q.unit)
            targets = found[q.id].setdefault(label, [])
            if ref not in targets:
                targets.append(ref)
    return found


def _band_label(key: str, unit: str | None) -> str:
    low, _, high = key.partition("-")
    text = f"{low}–{high}" if high else low
    return f"{text} {unit}".strip() if unit else text


def draw(checklist: Checklist) -> Drawn:
    found = edges(checklist)
    numbers = {q.id: n for n, q in enumerate(checklist.questions, start=1)}
    outcomes = {o.id: o for o in checklist.outcomes}
    asked = [q for q in checklist.questions if found[q.id]]
    pos = {f"q:{q.id}": (MARGIN + i * STEP_X, MARGIN + i * ROW) for i, q in enumerate(asked)}
    out_y = MARGIN + len(asked) * ROW + 30
    per_row = max(3, min(len(outcomes), 5))
    width = max(MARGIN * 2 + (len(asked) - 1) * STEP_X + BOX_W, MARGIN * 2 + per_row * (BOX_W + 14) - 14)
    for k, oid in enumerate(outcomes):
        pos[f"o:{oid}"] = (MARGIN + (k % per_row) * (BOX_W + 14), out_y + (k // per_row) * (BOX_H + 18))
    height = out_y + ((len(outcomes) - 1) // per_row + 1) * (BOX_H + 18) + MARGIN
    lines, labels, boxes, steps = [], [], [], []
    for q in asked:
        sx, sy = pos[f"q:{q.id}"]
        step = {"question": numbers[q.id], "text": q.text, "answers": []}
        for k, (label, targets) in enumerate(found[q.id].items()):
            words = []
            for ref in targets:
                tx, ty = pos[ref]
                x1, y1 = sx + BOX_W - 10 - k * 22, sy + BOX_H
                x2, y2 = tx + BOX_W / 2, ty
                lines.append(f'<path d="M{x1:.0f},{y1:.0f} C{x1:.0f},{y1 + 40:.0f} {x2:.0f},{y2 - 40:.0f} '
                             f'{x2:.0f},{y2 - 3:.0f}" class="edge" marker-end="url(#arrow-{checklist.id})"/>')
                words.append(f"spørgsmål {numbers[ref[2:]]}" if ref.startswith("q:")
                             else f"resultatet «{outcomes[ref[2:]].title}»")
            labels.append(f'<text x="{x1 + 3:.0f}" y="{y1 + 13 + (k % 2) * 11:.0f}" class="edge-label">'
                          f'{escape(label)}</text>')
            step["answers"].append({"answer": label, "targets": words})
        steps.append(step)
        boxes.append(_box(sx, sy, "question-node", f"Spørgsmål {numbers[q.id]}: {q.text}"))
    for oid, o in outcomes.items():
        x, y = pos[f"o:{oid}"]
        boxes.append(_box(x, y, f"outcome-node verdict-{o.verdict}", o.title))
    svg = (f'<svg class="decision-graph" viewBox="0 0 {width:.0f} {height:.0f}" width="{width:.0f}" '
           f'height="{height:.0f}" role="img" aria-labelledby="graph-title-{checklist.id}" '
           f'xmlns="http://www.w3.org/2000/svg"><title id="graph-title-{checklist.id}">Beslutningsgraf for '
           f'{escape(checklist.title)}. Den samme graf står som tekst under tegningen.</title>'
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
