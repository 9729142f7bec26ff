"""Files replaced atomically: a reader sees the old file or the new one, never half.

``-o FILE`` and ``--in-place`` write through :class:`AtomicWriter`; :func:`is_read_only`
says which files are not to be rewritten at all.
"""

from __future__ import annotations

import errno
import os
import stat
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:
    from pathlib import Path


class Changed(OSError):
    """The file is no longer the one that was read: it is left alone, not replaced."""


def identity(st: os.stat_result) -> tuple[int, int, int, int]:
    """What says a file is still the one that was read: device, inode, size, mtime_ns."""
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def is_read_only(path: str | os.PathLike[str]) -> bool:
    """True when the file may not be rewritten: no write permission, or no write bit at all.

    The second test matters when running as root, who may write anything: a file
    someone marked read-only is still left alone.
    """
    mode = os.stat(path).st_mode
    return not os.access(path, os.W_OK) or not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)


class AtomicWriter:
    """A binary file that replaces ``path`` only when the ``with`` block ends without error.

    The data goes to a temporary file ``.NAME.restore-PID.XXXX.tmp`` in the same folder
    (a later run removes one whose process is gone), which is
    flushed, fsynced, given the original's permission bits (and owner, where the
    process may set it) and renamed over the original; the folder is then fsynced so
    that the rename itself survives a crash. A reader sees the old file or the new
    one, never half of one; a process killed midway leaves the original as it was
    (and at most a stray temporary file, which no reader mistakes for it). A
    symbolic link is followed: its target is replaced and the link stays. On error
    the temporary file is removed and the original is untouched.

    A target that exists and is not a regular file (a FIFO, ``/dev/stdout``,
    ``/dev/null``) is never replaced by a regular file: with ``through=True`` the
    data is written straight into it, with ``through=False`` (rewriting a file in
    place) :class:`OSError` is raised before anything is written.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        through: bool = True,
        expect: tuple[int, int, int, int] | None = None,
    ) -> None:
        from pathlib import Path  # not at import: reading JSON Lines never needs it

        self.path = path
        self.target = Path(os.path.realpath(path))
        self.through = through
        #: With ``expect`` (see :func:`identity`), the target is replaced only if it is
        #: still that file; otherwise :class:`Changed` is raised and it is left alone.
        self.expect = expect

    def __enter__(self) -> BinaryIO:
        self.tmp: str | None = None
        fd = _descriptor(os.fspath(self.path))
        if fd is not None and self.through:
            # /dev/stdout, /dev/fd/N: the open file itself, as the shell opened it (a pipe,
            # or a log under >>, which must be appended to, not replaced).
            self.fh: BinaryIO = os.fdopen(os.dup(fd), "wb")
            return self.fh
        try:
            st: os.stat_result | None = os.stat(self.path)  # followed: a pipe has no real path
        except FileNotFoundError:
            st = None
        if st is not None and not stat.S_ISREG(st.st_mode):
            if not self.through:
                raise OSError(errno.EINVAL, "not a regular file", str(self.path))
            # Nothing to replace atomically: write into the FIFO or device itself.
            self.fh = open(self.path, "wb")
            return self.fh
        self.stat = st
        import tempfile  # here, not at the top: it imports shutil, random and compressors

        _remove_stale(self.target)
        fd, self.tmp = tempfile.mkstemp(
            dir=self.target.parent, prefix=_prefix(self.target.name), suffix=".tmp"
        )
        self.fh = os.fdopen(fd, "wb")
        return self.fh

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if self.tmp is None:
            self.fh.close()
            return
        try:
            if exc_type is None:
                self.fh.flush()
                os.fsync(self.fh.fileno())
            self.fh.close()
            if exc_type is None:
                self._settle(self.tmp)
                if self.expect is not None and _identity_of(self.target) != self.expect:
                    raise Changed(
                        errno.ESTALE, "changed while it was restored; left as it is", str(self.path)
                    )
                os.replace(self.tmp, self.target)
                _fsync_folder(self.target.parent)
        finally:
            if os.path.exists(self.tmp):
                os.unlink(self.tmp)

    def _settle(self, tmp: str) -> None:
        """Give the temporary file the original's mode and owner (a new file: 0o666 less the umask)."""
        if self.stat is None:
            os.chmod(tmp, 0o666 & ~_umask())
            return
        if hasattr(os, "chown") and (self.stat.st_uid, self.stat.st_gid) != (os.geteuid(), os.getegid()):
            try:
                os.chown(tmp, self.stat.st_uid, self.stat.st_gid)
            except OSError:
                pass  # only root may give a file away; the mode is still kept
        os.chmod(tmp, stat.S_IMODE(self.stat.st_mode))


def _prefix(name: str, pid: int | None = None) -> str:
    """How a temporary file for ``name`` starts: ``.NAME.restore-PID.`` (hidden, and named
    for its target and the process that writes it, so a later run can tell a stray)."""
    return f".{name}.restore-{os.getpid() if pid is None else pid}."


def _remove_stale(target: Path) -> None:
    """Remove temporary files for ``target`` left by a ``restore`` that was killed (SIGKILL
    gives no chance to clean up): those whose process no longer exists."""
    try:
        names = os.listdir(target.parent)
    except OSError:
        return
    start = f".{target.name}.restore-"
    for name in names:
        if not (name.startswith(start) and name.endswith(".tmp")):
            continue
        pid = name[len(start) :].split(".", 1)[0]
        if not pid.isdigit() or int(pid) == os.getpid() or _alive(int(pid)):
            continue
        try:
            os.unlink(target.parent / name)
        except OSError:
            pass


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists, and is someone else's
    return True


def _identity_of(path: Path) -> tuple[int, int, int, int] | None:
    try:
        return identity(os.stat(path))
    except OSError:
        return None


def _descriptor(path: str) -> int | None:
    """The file descriptor ``path`` names (``/dev/stdout``, ``/dev/fd/3``), or None."""
    named = {"/dev/stdin": 0, "/dev/stdout": 1, "/dev/stderr": 2}.get(path)
    if named is not None:
        return named
    for prefix in ("/dev/fd/", "/proc/self/fd/"):
        if path.startswith(prefix) and path[len(prefix) :].isdigit():
            return int(path[len(prefix) :])
    return None


def _umask() -> int:
    """The process umask, read without changing it where the system allows (threads run alongside)."""
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    umask = os.umask(0o022)
    os.umask(umask)
    return umask


def _fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (best effort: not every system can open a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_atomic(
    path: str | os.PathLike[str], data: bytes, expect: tuple[int, int, int, int] | None = None
) -> None:
    """Replace ``path`` with ``data`` atomically, keeping its permission bits (see :class:`AtomicWriter`).

    A ``path`` that is not a regular file (a FIFO, a device) raises :class:`OSError`
    (``not a regular file``) and is left alone; so does one that is no longer the file
    ``expect`` describes (:class:`Changed`).
    """
    with AtomicWriter(path, through=False, expect=expect) as fh:
        fh.write(data)
