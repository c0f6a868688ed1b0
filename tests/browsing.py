"""What the browser tests of WCAG 2.2 share: waiting until a page has settled, and where the focus is.

Waits are web-first: each waits for a condition the page itself reports (its scripts have run, no animation
or transition is running, two frames in a row drew the same layout), never for a fixed time or network idle.
"""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

# Resolves once no animation or transition that can move or reveal something runs (colour fades cannot), and
# two frames in a row show the same scroll position and the same box for the focused element: what a reader
# sees is then what the page will keep showing.
SETTLE = """
async () => {
  const frame = () => new Promise(r => requestAnimationFrame(() => r()));
  const state = () => {
    const el = document.activeElement, r = el ? el.getBoundingClientRect() : null;
    return [scrollX, scrollY, r && r.x, r && r.y, r && r.width, r && r.height].join();
  };
  let last = null;
  for (let i = 0; i < 600; i++) {
    await frame();
    const moving = document.getAnimations().filter(a =>
      !/color|shadow|outline|fill|stroke/.test(a.transitionProperty || ''));
    await Promise.all(moving.map(a => a.finished.catch(() => null)));
    const now = state();
    if (now === last) return i;
    last = now;
  }
  throw new Error('the page never settled');
}
"""

# Where the focused element is, and what (if anything) keeps a reader from seeing it: zero size, outside the
# viewport, or covered by a fixed or sticky element (the header, the back-to-top button) that is painted on
# top of it. `floating` lists the page's fixed and sticky elements, collected once per page.
FOCUS = """
() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const name = (n) => {
    const label = (n.getAttribute('aria-label') || n.innerText || n.value || n.name || '').trim().split('\\n')[0];
    return `${n.tagName.toLowerCase()}${n.id ? '#' + n.id : ''}${n.className && typeof n.className === 'string'
      ? '.' + n.className.trim().split(/\\s+/).join('.') : ''} "${label.slice(0, 50)}"`;
  };
  const r = el.getBoundingClientRect();
  const vw = document.documentElement.clientWidth, vh = document.documentElement.clientHeight;
  const problems = [];
  if (r.width < 1 || r.height < 1) problems.push(`has no size (${r.width}x${r.height})`);
  else if (r.left < -0.5 || r.top < -0.5 || r.right > vw + 0.5 || r.bottom > vh + 0.5)
    problems.push(`is off-screen (box ${Math.round(r.left)},${Math.round(r.top)} to ${Math.round(r.right)},` +
                  `${Math.round(r.bottom)} in a ${vw}x${vh} viewport)`);
  window.__floating = window.__floating || [...document.querySelectorAll('body *')].filter(n =>
    ['fixed', 'sticky'].includes(getComputedStyle(n).position));
  for (const f of window.__floating) {
    if (f.contains(el) || el.contains(f)) continue;
    const style = getComputedStyle(f);
    if (style.visibility !== 'visible' || style.display === 'none' || Number(style.opacity) === 0) continue;
    const b = f.getBoundingClientRect();
    const x1 = Math.max(r.left, b.left), y1 = Math.max(r.top, b.top);
    const x2 = Math.min(r.right, b.right), y2 = Math.min(r.bottom, b.bottom);
    if (x2 - x1 < 1 || y2 - y1 < 1) continue;
    const top = document.elementFromPoint((x1 + x2) / 2, (y1 + y2) / 2);
    if (top && f.contains(top)) problems.push(`is under ${name(f)}`);
  }
  return {element: name(el), problems, path: (() => {
    const parts = [];
    for (let n = el; n && n !== document.body; n = n.parentElement)
      parts.unshift(n.tagName + (n.id ? '#' + n.id : '') + ':' + [...n.parentElement.children].indexOf(n));
    return parts.join('>');
  })()};
}
"""


def open_settled(page: Page, url: str) -> None:
    """Open `url` and wait until Material's and the page's own scripts have run and nothing moves."""
    page.goto(url)
    expect(page.locator("html")).to_have_class(re.compile(r"(^|\s)js(\s|$)"))
    forms = page.locator("form[data-module]")
    for n in range(forms.count()):
        expect(forms.nth(n)).to_have_attribute("data-ready", "true")
    page.evaluate("() => document.fonts.ready.then(() => true)")
    page.evaluate(SETTLE)


# Once the page has settled, where the focus is: one round trip to the page per focus stop.
SETTLED_FOCUS = f"async () => {{ await ({SETTLE.strip()})(); return ({FOCUS.strip()})(); }}"


def walk_focus(page: Page, key: str, limit: int = 500) -> list[dict]:
    """Press `key` (Tab or Shift+Tab) until focus leaves the page; return where each stop was and what hid it."""
    stops: list[dict] = []
    for _ in range(limit):
        page.keyboard.press(key)
        stop = page.evaluate(SETTLED_FOCUS)
        if stop is None or (stops and stop["path"] == stops[0]["path"]):
            return stops
        stops.append(stop)
    raise AssertionError(f"{key} never left the page after {limit} stops")
