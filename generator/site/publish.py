"""Publish a built site so that the published folder is always a whole old or a whole new site.

Every build writes into a staging folder beside the published one (`.site-XXXX` beside `site/`), under a lock
that serialises builds of the same folder. Only when all of it is built is it published, in one step:

- where the OS offers it (Linux `renameat2(RENAME_EXCHANGE)`, macOS `renamex_np(RENAME_SWAP)`), the two folders
  are exchanged atomically, and the old site (now in the staging folder) is removed;
- when the published folder is a symbolic link, a new link to the staging folder replaces it (`rename` is
  atomic), so a web server pointed at the link never sees a half-written site;
- otherwise the old folder is renamed aside and the new one into place; a build killed between those two
  renames leaves the old site aside, and the next build (or `recover`) puts it back before anything else.

The generator replaces only what it made: every site it builds carries a marker file listing the files it
wrote, and a folder that is not empty and has no marker, holds files the build did not write, or is or holds the
project's own files, is refused. Staging folders left by a killed build carry the marker (or are empty), and old
sites set aside hold only what their build wrote: the next build removes those, and nothing else.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import errno
import os
import shutil
import sys
import tempfile
from pathlib import Path

from generator import files
from generator.files import umask
from generator.scheme.problems import InputError, Problem

MARKER = ".generator-site"
MARKER_TEXT = ("This folder was made by `python -m generator build`.\n"
               "The next build replaces it whole; the generator never replaces a folder without this file.\n")
# A published site's marker lists, after this line, every file the build wrote: a file not in the list was put
# there by someone else (a CNAME, a .git checkout, notes), and the generator neither replaces nor removes it.
FILES_LINE = "files written by the build:"


def written(folder: Path) -> set[str] | None:
    """The files the build wrote into `folder`, from its marker; None for a staging folder or an old marker."""
    try:
        text = (folder / MARKER).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    _, found, listing = text.partition(FILES_LINE + "\n")
    return set(listing.splitlines()) if found else None


def files_in(folder: Path) -> set[str]:
    """Every file in `folder` (links included), by its path inside it, the marker left out."""
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*")
            if p.is_symlink() or not p.is_dir()} - {MARKER}


def added(folder: Path) -> list[str]:
    """Files in a built folder that its build did not write (none where the marker has no list)."""
    listed = written(folder)
    return [] if listed is None else sorted(files_in(folder) - listed)


def write_marker(folder: Path) -> None:
    """Mark a finished site as the build's own, with the list of what it wrote."""
    listing = "\n".join(sorted(files_in(folder)))
    # Whole or not at all: after a plain `mkdocs build` this is the published site's marker (see files.atomic).
    files.write_text(folder / MARKER, f"{MARKER_TEXT}{FILES_LINE}\n{listing}\n")


def refuse(site_dir: Path, message: str, fix: str) -> InputError:
    return InputError([Problem(str(site_dir), None, None, "", message, fix)], str(site_dir))


def check_target(site_dir: Path, project: Path, inputs: list[Path]) -> None:
    """Refuse a site folder the generator must not replace: the project, its inputs, or a stranger's folder.

    `project` is the folder of rules.yaml and mkdocs.yml; `inputs` are what the build reads (content/,
    overrides/, scenarios/, translations/, the rules and config files).
    """
    site_dir = Path(site_dir)
    real = site_dir.resolve()
    for path in [Path(project), *inputs]:
        path = path.resolve()
        if path == real or real in path.parents:
            raise refuse(site_dir, f"the site folder would replace the project's own files ({path} is "
                         f"{'this folder' if path == real else 'inside it'}); nothing was changed.",
                         "give the site a folder of its own with --site-dir, e.g. --site-dir site.")
    for path in inputs:
        path = path.resolve()
        if path.is_dir() and path in real.parents:
            raise refuse(site_dir, f"the site folder is inside {path}, which the build reads; nothing was "
                         "changed.", "give a folder outside the project's inputs with --site-dir, e.g. "
                         "--site-dir site.")
    if site_dir.is_symlink() and not real.exists():
        return  # a dangling link: publishing writes a new one
    if real.exists() and not real.is_dir():
        raise refuse(site_dir, "the site folder is a file, not a folder; nothing was changed.",
                     "remove the file or give another folder with --site-dir.")
    if real.is_dir() and any(real.iterdir()) and not (real / MARKER).is_file():
        raise refuse(site_dir, f"the folder is not empty and was not made by a build (it has no {MARKER} "
                     "file), so it is not replaced; nothing was changed.",
                     "give an empty or new folder with --site-dir, or move this folder's files away first.")
    extra = added(real) if real.is_dir() else []
    if extra:
        shown = ", ".join(extra[:5]) + (f" and {len(extra) - 5} more" if len(extra) > 5 else "")
        raise refuse(site_dir, f"the folder holds files the build did not write ({shown}); the next build would "
                     "replace them, so nothing was changed.",
                     "put files that belong to the site (a CNAME, say) in content/, which is published with it, "
                     "and move the others out of the site folder.")
    if real.is_dir() and not site_dir.is_symlink() and os.path.ismount(real):
        raise refuse(site_dir, "the site folder is a mount point, so it cannot be replaced in one step; "
                     "nothing was changed.",
                     "build into a folder inside it (e.g. --site-dir site/current) and serve that folder, or "
                     "make the site folder a symbolic link to a folder on the same disk.")


class Staging:
    """A folder beside `site_dir` to build into, published by `publish()` and removed when left unpublished."""

    def __init__(self, site_dir: Path, project: Path, inputs: list[Path]):
        self.site_dir = Path(site_dir).absolute()
        self.project, self.inputs = Path(project), list(inputs)
        self.parent = self.site_dir.parent
        self.path: Path | None = None
        self._lock: int | None = None

    @property
    def prefix(self) -> str:
        return f".{self.site_dir.name}-"

    def __enter__(self) -> "Staging":
        self.parent.mkdir(parents=True, exist_ok=True)
        self._lock = _lock(self.parent, self.site_dir.name)
        try:
            recover(self.site_dir)
            check_target(self.site_dir, self.project, self.inputs)
            clean_stale(self.site_dir)
            self.path = Path(tempfile.mkdtemp(prefix=self.prefix, dir=self.parent))
            (self.path / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
        except BaseException:
            self._unlock()
            raise
        return self

    def __exit__(self, *exc) -> None:
        try:
            if self.path is not None and self.path.exists():
                _remove(self.path)
        finally:
            self._unlock()

    def publish(self) -> None:
        """Make the staging folder the published site in one step; remove the old site."""
        write_marker(self.path)
        set_modes(self.path)
        old = swap(self.path, self.site_dir)
        self.path = None
        if old is not None:
            _remove(old)

    def _unlock(self) -> None:
        if self._lock is not None:
            os.close(self._lock)
            self._lock = None


def swap(new: Path, target: Path) -> Path | None:
    """Put `new` where `target` is, in one step where the OS allows; return where the old site is now."""
    if target.is_symlink():
        return _flip(new, target)
    if not target.exists():
        os.rename(new, target)
        return None
    if exchange(new, target):
        return new
    # Two renames: a build killed between them leaves the old site at `aside`, restored by `recover`.
    aside = target.with_name(f"{target.name}{_ASIDE}{os.getpid()}")
    os.rename(target, aside)
    os.rename(new, target)
    return aside


_ASIDE = "-old-"


def _flip(new: Path, link: Path) -> Path | None:
    """Point the symbolic link `link` at `new` atomically; return the folder it pointed to, if the generator's."""
    before = Path(os.path.realpath(link))
    temporary = link.with_name(f".{link.name}-link-{os.getpid()}")
    with contextlib.suppress(FileNotFoundError):
        temporary.unlink()
    os.symlink(os.path.relpath(new, link.parent), temporary)
    os.replace(temporary, link)
    made_by_us = before.is_dir() and (before / MARKER).is_file() and before.parent == new.parent
    return before if made_by_us else None


_RENAME_EXCHANGE, _RENAME_SWAP, _AT_FDCWD = 2, 2, -100


def exchange(a: Path, b: Path) -> bool:
    """Exchange two folders atomically; False where the OS or the file system cannot."""
    libc = _libc()
    if libc is None:
        return False
    if sys.platform.startswith("linux") and hasattr(libc, "renameat2"):
        result = libc.renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    elif sys.platform == "darwin" and hasattr(libc, "renamex_np"):
        result = libc.renamex_np(os.fsencode(a), os.fsencode(b), _RENAME_SWAP)
    else:
        return False
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def _libc():
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
    except OSError:
        return None


def recover(site_dir: Path) -> None:
    """Put back an old site left aside by a build killed between its two renames (see `swap`)."""
    if site_dir.exists() or site_dir.is_symlink():
        return
    aside = sorted((p for p in site_dir.parent.glob(f"{site_dir.name}{_ASIDE}*") if _only_ours(p)),
                   key=lambda p: p.stat().st_mtime)
    if aside:
        os.rename(aside[-1], site_dir)


def clean_stale(site_dir: Path) -> None:
    """Remove what killed builds left beside `site_dir`: staging folders and old sites set aside.

    Called under the lock, so no other build is using them. Removed are only a hidden staging folder with the
    marker (a build's unfinished output) or empty, and a finished site set aside that holds nothing but what
    its build wrote. A folder whose name only looks like these (`site-old-2024`, a backup) and holds
    anything else, notes say, stays as it is: never anything the generator did not make.
    """
    live = Path(os.path.realpath(site_dir)) if site_dir.is_symlink() else None
    for staging, pattern in ((True, f".{site_dir.name}-*"), (False, f"{site_dir.name}{_ASIDE}*")):
        for path in site_dir.parent.glob(pattern):
            if path.is_symlink() or not path.is_dir() or path == live:
                continue
            if _only_ours(path) or (staging and (path / MARKER).is_file() and written(path) is None):
                _remove(path)
            elif staging and not any(path.iterdir()):
                path.rmdir()


def _only_ours(folder: Path) -> bool:
    """A finished site that holds only what its build wrote."""
    return (folder / MARKER).is_file() and written(folder) is not None and not added(folder)


def _remove(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)


def _lock(folder: Path, name: str) -> int:
    """Hold an exclusive lock on `folder` until closed: builds into the same folder wait for each other."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        import fcntl
    except ImportError:  # no advisory locks on this OS: builds are not serialised
        return fd
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        print(f"Waiting for another build of {name}/ to finish…", file=sys.stderr)
        fcntl.flock(fd, fcntl.LOCK_EX)
    return fd


def set_modes(root: Path) -> None:
    """Folders 0755 and files 0644 (less what the umask takes away), so a web server of another user can read."""
    mask = umask()
    folder, file = 0o777 & ~mask, 0o666 & ~mask
    os.chmod(root, folder)
    for path, dirs, files in os.walk(root):
        for d in dirs:
            os.chmod(os.path.join(path, d), folder, follow_symlinks=False)
        for f in files:
            if not os.path.islink(os.path.join(path, f)):
                os.chmod(os.path.join(path, f), file)
