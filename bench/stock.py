"""Stock Material for MkDocs with the same content: the comparison every page figure in the bench is made against.

The generator renders its pages (in any of the scheme's languages) and they are built by plain mkdocs-material:
no overrides, no extra CSS or JavaScript, no hook, the same theme features. The difference between the two
sites is then exactly what this project adds to, or takes from, Material.
"""

from __future__ import annotations

import html
import os
import subprocess
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent


def build(out: Path, codes: tuple[str, ...] = ("da",)) -> Path:
    """Build stock Material sites of the scheme into `out` (Danish at the root, other languages under /<code>/)."""
    for code in codes:
        project = out / "projects" / code
        config = export(project, code)
        site = out / "site" if code == "da" else out / "site" / code
        done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)],
                              cwd=project, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        if done.returncode != 0:
            raise RuntimeError(f"stock Material build ({code}) failed:\n{done.stdout}\n{done.stderr}")
    return out / "site"


def export(project: Path, code: str) -> Path:
    """Write the generated pages in language `code` and a stock mkdocs.yml into `project`; return the config."""
    from generator import i18n
    from generator.checklist.scenarios import load_scenarios, scenarios_dir
    from generator.scheme.loader import load
    from generator.site.assemble import navigation, plain, translations_dir
    from generator.site.render import render_all

    rules_file, config_file = REPO / "rules.yaml", REPO / "mkdocs.yml"
    rules = load(rules_file)
    scenarios = load_scenarios(scenarios_dir(rules_file), rules)
    spec = next((lang for lang in rules.languages if lang.code == code), None)
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    with i18n.language(code, translations_dir(rules_file)):
        local = i18n.translated(rules, code)
        rendered = render_all(local, REPO / config.get("docs_dir", "docs"), use_directory_urls=False,
                              scenarios=[i18n.translated(s, code) for s in scenarios],
                              only=spec.pages if spec else None)
    docs = project / "docs"
    for page in rendered:
        target = docs / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown, encoding="utf-8")
    for key in ("hooks", "extra_css", "extra_javascript"):
        config.pop(key, None)
    # Stock Material: without the generator's plugin (named `scheme` in plugins:), with the others as they are.
    config["plugins"] = [p for p in config.get("plugins", []) if p != "scheme" and not (isinstance(p, dict)
                                                                                       and "scheme" in p)]
    config["theme"].pop("custom_dir", None)
    config["theme"]["language"] = code
    config.update(docs_dir="docs", site_name=html.escape(local.scheme.site_title), nav=plain(navigation(rendered)),
                  use_directory_urls=False, strict=False)
    path = project / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path
