"""A large scheme's navigation is folded and pruned (`assemble.folded`, `assemble.pruned`), so each page carries
a navigation of about the same size however many pages the site has."""

from __future__ import annotations

import re

from generator.site import assemble
from generator.site.render import RenderedPage
from projects import small_project
from support import build_site


def _pages(count: int, group_every: int = 0) -> list[RenderedPage]:
    return [RenderedPage(f"side-{n}.md", f"Side {n}", "", "Gruppe" if group_every and n % group_every == 0 else None,
                         True) for n in range(count)]


def _leaves(nav: list) -> list[str]:
    found = []
    for entry in nav:
        (_, target), = entry.items()
        found += [target] if isinstance(target, str) else _leaves(target)
    return found


def _longest_list(nav: list) -> int:
    return max([len(nav)] + [_longest_list(t) for e in nav for t in e.values() if isinstance(t, list)])


def test_folding_keeps_every_page_in_order_and_no_list_longer_than_a_section():
    rendered = _pages(3 * assemble.SECTION_SIZE + 7, group_every=2)
    nav = assemble.navigation(rendered)
    assert _longest_list(nav) > assemble.SECTION_SIZE

    folded = assemble.folded(nav)

    assert _leaves(folded) == _leaves(nav)
    assert _longest_list(folded) <= assemble.SECTION_SIZE


def test_the_start_page_stays_first_on_its_own():
    nav = assemble.navigation(_pages(assemble.SECTION_SIZE * 2))
    assert assemble.folded(nav)[0] == nav[0] == {"Side 0": "side-0.md"}


def test_a_section_is_named_by_its_first_and_last_page_with_their_titles_escaped():
    nav = [{"Forside": "index.md"}] + [{f"<b>{n}</b>": f"s{n}.md"} for n in range(assemble.SECTION_SIZE + 1)]
    nav = [{assemble.escape(k): v for k, v in e.items()} for e in nav]

    names = [next(iter(e)) for e in assemble.folded(nav)[1:]]

    assert names[0] == f"&lt;b&gt;0&lt;/b&gt; – &lt;b&gt;{assemble.SECTION_SIZE - 1}&lt;/b&gt;"
    assert "<b>" not in "".join(names)


def test_pruning_takes_sections_out_so_that_material_can_prune_them():
    features = ["navigation.sections", "navigation.top", "toc.follow"]
    assert assemble.pruned(features) == ["navigation.top", "toc.follow", "navigation.prune"]


def test_a_large_site_carries_a_short_navigation_on_every_page(tmp_path):
    count = assemble.LARGE_SITE + 10
    content = {f"side-{n:03}.md": f"# Side {n}\n\nTekst {n}.\n" for n in range(count)}
    project = small_project(tmp_path / "p", content=content)

    site = build_site(project / "rules.yaml", project / "mkdocs.yml", tmp_path / "site")

    page = (site / "side-050.html").read_text(encoding="utf-8")
    links = re.findall(r'class="md-nav__link[^"]*"\s+href="', page) + re.findall(r'href="[^"]*"\s+class="md-nav__link', page)
    assert "md-nav__item--pruned" in page
    assert 0 < len(links) < 2 * assemble.SECTION_SIZE + 20, len(links)
    assert (site / "side-109.html").is_file()
