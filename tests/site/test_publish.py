"""Publishing never loses anything: the generator replaces only a site it built, never the project; the published
folder is always a whole site; builds wait for each other; the site is readable by a web server."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from generator.site import publish

from projects import small_project
from support import REPO


def generator(*args, cwd, umask: int | None = None, timeout: int = 120) -> subprocess.CompletedProcess:
    def set_umask():
        if umask is not None:
            os.umask(umask)
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=timeout, preexec_fn=set_umask, env={**os.environ, "PYTHONPATH": str(REPO)})


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def project(tmp_path) -> Path:
    return small_project(tmp_path / "project")


@pytest.mark.parametrize("site_dir", [".", "content", "content/site", "..", "rules.yaml"])
def test_a_site_folder_that_is_or_holds_the_project_is_refused(project, site_dir):
    (project / "content" / "side.md").write_text("# Side\n", encoding="utf-8")
    (project / ".git").mkdir()
    before = tree(project)
    result = generator("build", "--site-dir", site_dir, cwd=project)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert "nothing was changed" in result.stderr and "fix:" in result.stderr
    assert tree(project) == before, "the project is untouched"
    assert not list(project.parent.glob(".*-*")), "no staging folder left"


def test_a_folder_not_made_by_a_build_is_refused_and_one_made_by_a_build_is_replaced(project):
    mine = project / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep me", encoding="utf-8")
    refused = generator("build", "--site-dir", "mine", cwd=project)
    assert refused.returncode == 1 and "was not made by a build" in refused.stderr, refused.stderr
    assert [p.name for p in mine.iterdir()] == ["notes.txt"]

    built = generator("build", "--site-dir", "site", cwd=project)
    assert built.returncode == 0, built.stderr
    assert (project / "site" / publish.MARKER).is_file() and (project / "site" / "index.html").is_file()
    (project / "site" / "stale.html").write_text("from the last build", encoding="utf-8")
    publish.write_marker(project / "site")   # as the last build, which wrote stale.html, listed it
    again = generator("build", "--site-dir", "site", cwd=project)
    assert again.returncode == 0, again.stderr
    assert not (project / "site" / "stale.html").exists(), "the whole site was replaced"


def test_an_empty_or_new_folder_is_accepted(project):
    (project / "empty").mkdir()
    for folder in ("empty", "deep/new/site"):
        result = generator("build", "--site-dir", folder, cwd=project)
        assert result.returncode == 0, result.stderr
        assert (project / folder / "index.html").is_file()


@pytest.mark.parametrize("mask, folder_mode, file_mode", [(0o022, 0o755, 0o644), (0o027, 0o750, 0o640)])
def test_the_site_is_readable_by_other_users_as_the_umask_allows(project, mask, folder_mode, file_mode):
    result = generator("build", cwd=project, umask=mask)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    modes = {stat.S_IMODE(p.stat().st_mode) for p in [site, *site.rglob("*")] if p.is_dir()}
    assert modes == {folder_mode}
    modes = {stat.S_IMODE(p.stat().st_mode) for p in site.rglob("*") if p.is_file()}
    assert modes == {file_mode}


def test_stale_staging_folders_are_removed_and_nothing_else(project):
    stale = project / ".site-killed1"
    (stale / "assets").mkdir(parents=True)
    (stale / publish.MARKER).write_text(publish.MARKER_TEXT, encoding="utf-8")
    (stale / "index.html").write_text("half", encoding="utf-8")
    (project / ".site-empty").mkdir()
    foreign = project / ".site-notes"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("not the generator's", encoding="utf-8")
    result = generator("build", cwd=project)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in project.glob(".site-*")) == [".site-notes"]
    assert (foreign / "notes.txt").read_text(encoding="utf-8") == "not the generator's"


def test_files_someone_added_to_a_built_site_are_neither_replaced_nor_removed(project):
    """Found by the hostile-input probe: a CNAME or a .git checkout put into site/ was deleted by the next build."""
    assert generator("build", cwd=project).returncode == 0
    site = project / "site"
    assert publish.written(site) == publish.files_in(site), "the marker lists what the build wrote"
    (site / "CNAME").write_text("mikrolaan.example.dk\n", encoding="utf-8")
    (site / ".git").mkdir()
    (site / ".git" / "config").write_text("[core]\n", encoding="utf-8")
    result = generator("build", cwd=project)
    assert result.returncode == 1 and "files the build did not write (.git/config, CNAME)" in result.stderr
    assert "content/" in result.stderr and "Traceback" not in result.stderr
    assert (site / "CNAME").is_file() and (site / ".git" / "config").is_file()


def test_a_backup_that_only_looks_like_an_old_site_is_left_alone(project):
    """Found by the hostile-input probe: `mv site site-old-2024` plus notes was put back and then deleted."""
    assert generator("build", cwd=project).returncode == 0
    backup = project / "site-old-2024"
    (project / "site").rename(backup)
    (backup / "NOTES.txt").write_text("my notes", encoding="utf-8")
    (project / "site-old-empty").mkdir()
    left_by_a_killed_build = project / "site-old-4242"
    assert generator("build", "--site-dir", "other", cwd=project).returncode == 0
    shutil.copytree(project / "other", left_by_a_killed_build)
    result = generator("build", cwd=project)
    assert result.returncode == 0, result.stderr
    assert (backup / "NOTES.txt").read_text(encoding="utf-8") == "my notes" and (project / "site-old-empty").is_dir()
    assert not left_by_a_killed_build.exists(), "an old site set aside that holds only its build's files goes"
    assert (project / "site" / "index.html").is_file()


def test_plain_mkdocs_build_keeps_the_same_rules_for_its_folders(project, tmp_path):
    """Found by the hostile-input probe: `mkdocs build -d DIR` (through the plugin) emptied a stranger's folder."""
    def mkdocs(*args):
        return subprocess.run([sys.executable, "-m", "mkdocs", "build", *args], cwd=project, capture_output=True,
                              text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(REPO)})
    for _ in range(2):   # a second plain build replaces the first: the plugin marks what it wrote
        assert mkdocs().returncode == 0
    assert publish.written(project / "site") == publish.files_in(project / "site")
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    (foreign / "thesis.txt").write_text("years of work", encoding="utf-8")
    result = mkdocs("-d", str(foreign))
    assert result.returncode == 1 and "was not made by a build" in result.stderr
    assert (foreign / "thesis.txt").read_text(encoding="utf-8") == "years of work"


def test_two_builds_at_once_both_succeed_one_after_the_other(project):
    first = generator("build", cwd=project)  # an old site to replace
    assert first.returncode == 0
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    runs = [subprocess.Popen([sys.executable, "-m", "generator", "build"], cwd=project, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(3)]
    results = [(r.wait(timeout=180), r.stderr.read()) for r in runs]
    assert all(code == 0 for code, _ in results), results
    assert not any("Traceback" in err for _, err in results)
    assert (project / "site" / "index.html").is_file() and (project / "site" / publish.MARKER).is_file()
    assert not list(project.glob(".site-*")), "no staging folder left"


def test_exchange_swaps_two_folders_in_one_step(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    (a / "f").write_text("a"), (b / "f").write_text("b")
    if not publish.exchange(a, b):
        pytest.fail("this Linux offers renameat2(RENAME_EXCHANGE); the exchange must be used here")
    assert (a / "f").read_text() == "b" and (b / "f").read_text() == "a"


def test_a_site_that_is_a_symbolic_link_is_flipped_to_the_new_build(project):
    assert generator("build", "--site-dir", "releases/one", cwd=project).returncode == 0
    (project / "site").symlink_to("releases/one")
    result = generator("build", cwd=project)
    assert result.returncode == 0, result.stderr
    link = project / "site"
    assert link.is_symlink() and (link / "index.html").is_file() and (link / publish.MARKER).is_file()
    assert Path(os.path.realpath(link)).parent == project, "the new build sits beside the link"
    assert (project / "releases" / "one" / "index.html").is_file(), "a folder the link pointed to elsewhere stays"
    second = generator("build", cwd=project)
    assert second.returncode == 0
    assert len(list(project.glob(".site-*"))) == 1, "the previous build beside the link is removed"


def test_a_mount_point_is_refused_with_a_message(project):
    if not shutil.which("unshare"):
        pytest.fail("util-linux's unshare is needed to mount a folder for this test")
    (project / "site").mkdir()
    script = (f"mount -t tmpfs none site && {sys.executable} -m generator build; code=$?; umount site; exit $code")
    result = subprocess.run(["unshare", "-rm", "sh", "-c", script], cwd=project, capture_output=True, text=True,
                            timeout=120, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert result.returncode == 1, result.stdout + result.stderr
    assert "mount point" in result.stderr and "fix:" in result.stderr and "Traceback" not in result.stderr


def test_a_full_disk_gives_a_message_and_leaves_the_old_site(tmp_path):
    if not shutil.which("unshare"):
        pytest.fail("util-linux's unshare is needed to mount a small disk for this test")
    disk = tmp_path / "disk"
    disk.mkdir()
    script = (f"mount -t tmpfs -o size=8m none {disk} && cp -r {tmp_path / 'project'} {disk}/ && cd {disk}/project "
              f"&& {sys.executable} -m generator build >/dev/null && "
              f"head -c $(( $(df --output=avail -k . | tail -1) - 1000 ))k /dev/zero > {disk}/filler; "
              f"{sys.executable} -m generator build; code=$?; ls -a {disk}/project; "
              f"test -f site/index.html && test -f site/{publish.MARKER} && echo OLD-SITE-WHOLE; exit $code")
    small_project(tmp_path / "project")
    result = subprocess.run(["unshare", "-rm", "sh", "-c", script], capture_output=True, text=True, timeout=180,
                            env={**os.environ, "PYTHONPATH": str(REPO)})
    assert result.returncode == 1, result.stdout + result.stderr
    assert "No space left on device" in result.stderr and "fix: free some space" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert "OLD-SITE-WHOLE" in result.stdout
    assert ".site-" not in result.stdout, "the staging folder is removed"
