"""Write every file whole or not at all, and say plainly why a write failed.

A file the tools write (a translation catalogue, the JSON schema, a new scheme, a PDF) is first written to a
temporary file in the same folder, flushed to disk, and then renamed over the old one. A write that fails
half-way (a full disk, `ulimit -f`, a killed process) leaves the old file as it was; at worst a temporary
`.<name>.*.tmp` file is left beside it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path
from typing import IO, Iterator

from generator.scheme.problems import InputError, Problem

_FIXES = {
    errno.ENOSPC: "free some space on the disk, then run the command again.",
    errno.EDQUOT: "free some space (the disk quota is used up), then run the command again.",
    errno.EFBIG: "the file is larger than this process may write (see `ulimit -f`); raise the limit.",
    errno.EACCES: "check that you may write to this folder (its owner and permissions).",
    errno.EPERM: "check that you may write to this folder (its owner and permissions).",
    errno.EROFS: "the disk is read-only; write somewhere else.",
    errno.EBUSY: "the folder is in use or a mount point; choose a folder on the same disk as its parent.",
    errno.EXDEV: "the folder is on another disk than its parent (a mount point); choose a folder inside it.",
    errno.ENOTDIR: "a part of the path is a file, not a folder; choose another path.",
    errno.EISDIR: "the path is a folder, not a file; remove or rename the folder.",
    errno.ENAMETOOLONG: "choose a shorter path.",
}


def problem(exc: OSError, path: str | Path | None = None, doing: str = "write") -> InputError:
    """A located message for a failed file operation: which file, what the system said, and the fix."""
    where = str(exc.filename or path or "")
    fix = _FIXES.get(exc.errno, "check the path and try again.")
    return InputError([Problem(where, None, None, "", f"cannot {doing} the file: {exc.strerror or exc}.", fix)],
                      where)


def umask() -> int:
    """The process's umask, read without changing it where Linux tells it."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


MAX_INPUT_BYTES = 20 * 1024 * 1024  # a rules file, catalogue or page is far smaller; /dev/zero is endless


def read_input(path: str | Path, name: str, fix: str) -> bytes:
    """The bytes of an input file, or a located message: not there, a loop of links, a folder, a pipe or a
    device (reading those would never end), or larger than any real input."""
    import stat

    def refuse(message: str, how: str = fix):
        raise InputError([Problem(name, None, None, "", message, how)], name)

    try:
        mode = os.stat(path)
    except RuntimeError:
        refuse("the path is a loop of symbolic links.")
    except OSError as exc:
        refuse(f"cannot read the file: {exc.strerror}.")
    if stat.S_ISDIR(mode.st_mode):
        refuse("this is a folder, not a file.")
    if not stat.S_ISREG(mode.st_mode):
        refuse("this is not a regular file (a pipe, socket or device), so it is not read.")
    if mode.st_size > MAX_INPUT_BYTES:
        refuse(f"the file is {mode.st_size / 1024 / 1024:.0f} MB; an input file is at most "
               f"{MAX_INPUT_BYTES // 1024 // 1024} MB.", "check that this is the right file.")
    try:
        with open(path, "rb") as handle:
            return handle.read(MAX_INPUT_BYTES + 1)
    except OSError as exc:
        refuse(f"cannot read the file: {exc.strerror}.")


def _mode_for(path: Path) -> int:
    """Keep an existing file's permissions; a new file gets 0644 less the umask, like `open()` would give."""
    with contextlib.suppress(OSError):
        return path.stat().st_mode & 0o7777
    return 0o666 & ~umask()


@contextlib.contextmanager
def atomic(path: str | Path, mode: str = "wb", encoding: str | None = None) -> Iterator[IO]:
    """Open a temporary file beside `path` for writing; on success it replaces `path` in one step.

    A symbolic link is written through (its target is replaced), so the link stays a link.
    """
    import stat

    path = Path(os.path.realpath(path)) if Path(path).is_symlink() else Path(path)
    if path.is_dir():
        raise problem(IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path)))
    with contextlib.suppress(FileNotFoundError):
        if not stat.S_ISREG(path.stat().st_mode):
            # Renaming over a device or a pipe would put a file in its place (as root, over /dev/null).
            raise InputError([Problem(str(path), None, None, "", "this is not a regular file (a device, pipe or "
                                      "socket); the tools write files only, and never replace such a thing.",
                                      "write to a file path instead (or leave the option out to print).")],
                             str(path))
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise problem(exc, path) from None
    try:
        with os.fdopen(fd, mode, encoding=encoding) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, _mode_for(path))
        os.replace(temporary, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise problem(exc, path) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def write_text(path: str | Path, text: str) -> None:
    with atomic(path, "w", encoding="utf-8") as handle:
        handle.write(text)


def write_bytes(path: str | Path, data: bytes) -> None:
    with atomic(path, "wb") as handle:
        handle.write(data)
