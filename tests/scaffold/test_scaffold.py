"""`python -m generator new DIR`: a commented minimal scheme that validates, passes `check` and builds at once."""

from __future__ import annotations

import re
import subprocess
import sys

from support import REPO


def generator(*args, cwd=REPO):
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True)


def test_new_scheme_validates_passes_check_and_builds(tmp_path):
    target = tmp_path / "ny-ordning"
    made = generator("new", str(target))
    assert made.returncode == 0, made.stderr
    rules, config = target / "rules.yaml", target / "mkdocs.yml"
    assert "Next:" in made.stdout and str(rules) in made.stdout
    assert generator("validate", "--rules", str(rules)).returncode == 0
    check = generator("check", "--rules", str(rules))
    assert check.returncode == 0 and "check passed: 0 error(s), 0 warning(s)" in check.stdout, check.stdout
    build = generator("build", "--rules", str(rules), "--config", str(config), "--site-dir", str(target / "site"))
    assert build.returncode == 0, build.stderr
    for page in ["index.html", "borger.html", "tjek.html", "om-siden.html", "kilder.html"]:
        assert (target / "site" / page).exists(), page


def test_new_refuses_a_folder_that_is_not_empty(tmp_path):
    (tmp_path / "keep.txt").write_text("mine", encoding="utf-8")
    refused = generator("new", str(tmp_path))
    assert refused.returncode == 1 and "not empty" in refused.stderr and "Traceback" not in refused.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.txt"], "nothing written"


def test_every_field_is_explained_by_a_comment_where_it_first_appears(tmp_path):
    generator("new", str(tmp_path / "s"))
    lines = (tmp_path / "s" / "rules.yaml").read_text(encoding="utf-8").splitlines()
    seen, unexplained = set(), []
    for n, line in enumerate(lines):
        match = re.match(r"^\s*(?:- )?([a-z_]+):", line)
        if not match or match.group(1) in seen:
            continue
        seen.add(match.group(1))
        above = [lines[k].strip() for k in range(max(0, n - 3), n)]
        if not any(a.startswith("#") for a in above):
            unexplained.append(match.group(1))
    assert len(seen) > 25
    assert not unexplained, unexplained
    assert sum("Skriv her" in line for line in lines) >= 5, "placeholders say what to write"


def test_new_refuses_a_file_a_dangling_link_and_a_path_under_a_file(tmp_path):
    (tmp_path / "a-file").write_text("mine", encoding="utf-8")
    (tmp_path / "dangling").symlink_to(tmp_path / "nowhere")
    for target, words in [("a-file", "is a file, not a folder"), ("dangling", "does not exist"),
                          ("a-file/new", "is a file, so no folder can be made inside it")]:
        refused = generator("new", str(tmp_path / target))
        assert refused.returncode == 1, (target, refused.stderr)
        assert words in refused.stderr and "fix:" in refused.stderr and "Traceback" not in refused.stderr, \
            refused.stderr
    assert (tmp_path / "a-file").read_text(encoding="utf-8") == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file", "dangling"], "nothing written"


def test_new_writes_each_file_whole_or_not_at_all(tmp_path):
    """Under a 4 KB file size limit the long rules.yaml cannot be written: the message says so, and every file
    that is there is whole."""
    import os
    import resource

    from generator.scaffold import SCAFFOLD

    def limit():
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    target = tmp_path / "s"
    result = subprocess.run([sys.executable, "-m", "generator", "new", str(target)], cwd=REPO, capture_output=True,
                            text=True, preexec_fn=limit, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert result.returncode == 1 and "File too large" in result.stderr and "Traceback" not in result.stderr
    written = [p for p in target.rglob("*") if p.is_file()]
    assert not [p for p in written if p.name.endswith(".tmp")], "no temporary file left"
    assert not (target / "rules.yaml").exists()
    for path in written:
        assert path.read_bytes() == (SCAFFOLD / path.relative_to(target)).read_bytes(), path
