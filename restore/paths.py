"""The command line's names -> the files to restore: folders walked, ignore rules applied.

A folder is walked recursively, in sorted order, for files whose name ends in one of
``extensions`` (``.txt``, ``.md`` and ``.text`` by default; ``.jsonl`` and its compressed
forms with ``--jsonl``). Files listed by a ``.gitignore`` (the folder's own and those
above it, up to the top of its git work tree) and folders named ``.git`` are not walked
into; ``--exclude`` patterns (gitignore syntax, through :mod:`pathspec`) leave out walked
and named files alike. A folder that cannot be read is reported and skipped.

>>> has_extension("a/b.jsonl.gz", ("jsonl", "jsonl.gz"))
True
>>> has_extension("a/b.gz", ("jsonl.gz",))
False
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:
    import pathspec

#: What a folder is walked for, unless --extensions says otherwise.
TEXT_EXTENSIONS = ("md", "text", "txt")
#: What a folder is walked for with --jsonl (the compressed forms are read by extension).
JSONL_EXTENSIONS = ("jsonl", "jsonl.gz", "jsonl.xz", "jsonl.zst")
STDIN = "-"


class Expanded:
    """The files to restore, in order, and one message per entry that could not be read.
    (A plain class: a dataclass costs start-up time to create.)"""

    def __init__(self) -> None:
        self.names: list[str] = []
        self.errors: list[str] = []


def has_extension(name: str, extensions: Sequence[str]) -> bool:
    lower = name.lower()
    return any(lower.endswith("." + ext.lower().lstrip(".")) for ext in extensions)


def default_extensions(*, jsonl: bool, check_records: bool) -> tuple[str, ...]:
    """What a folder is walked for without --extensions: text files, JSON Lines with
    ``--jsonl``, and both when ``--check`` checks JSON Lines record by record.

    >>> default_extensions(jsonl=False, check_records=True)
    ('md', 'text', 'txt', 'jsonl', 'jsonl.gz', 'jsonl.xz', 'jsonl.zst')
    """
    if jsonl:
        return JSONL_EXTENSIONS
    return TEXT_EXTENSIONS + (JSONL_EXTENSIONS if check_records else ())


def parse_extensions(value: str) -> tuple[str, ...]:
    """``"txt, md,.html"`` -> ``("txt", "md", "html")``.

    >>> parse_extensions("txt, md,.html")
    ('txt', 'md', 'html')
    """
    return tuple(part.strip().lstrip(".") for part in value.split(",") if part.strip())


def read_files_from(stream: BinaryIO, *, null: bool) -> list[str]:
    """Names listed one per line (or NUL-separated with ``null``), blank entries skipped."""
    data = stream.read().decode("utf-8", "surrogateescape")
    parts = data.split("\0") if null else data.splitlines()
    return [p for p in parts if p.strip()]


def expand(
    names: Iterable[str],
    *,
    extensions: Sequence[str],
    exclude: Sequence[str] = (),
    gitignore: bool = True,
) -> Expanded:
    """``names`` with each folder replaced by the files under it (see the module doc)."""
    out = Expanded()
    excluded = _spec(exclude) if exclude else None
    for name in names:
        if name == STDIN:
            out.names.append(name)
            continue
        if not os.path.isdir(name):
            if excluded is None or not _matches(excluded, _clean(name), False):
                out.names.append(name)  # a missing file is reported by the run, as before
            continue
        out.names.extend(_walk(name, extensions, excluded, gitignore, out.errors))
    return out


def _clean(path: str) -> str:
    path = path.replace(os.sep, "/")
    while path.startswith("./"):
        path = path[2:]
    return path


def _spec(patterns: Iterable[str]) -> pathspec.PathSpec:
    import pathspec  # only when a folder is walked or --exclude is given

    return pathspec.GitIgnoreSpec.from_lines(patterns)


def _matches(spec: pathspec.PathSpec, path: str, is_dir: bool) -> bool:
    return spec.match_file(path + "/" if is_dir else path)


class _Ignores:
    """The .gitignore files that apply below a folder: (folder, its rules)."""

    def __init__(self) -> None:
        self.rules: list[tuple[str, pathspec.PathSpec]] = []

    def add(self, folder: str) -> None:
        path = os.path.join(folder, ".gitignore")
        try:
            with open(path, encoding="utf-8", errors="replace") as fh:
                self.rules.append((os.path.abspath(folder), _spec(fh.read().splitlines())))
        except OSError:
            pass

    def ignored(self, path: str, is_dir: bool) -> bool:
        """As git decides: the deepest .gitignore with a rule for ``path`` wins, so a
        folder's ``!keep.txt`` takes back what a file above it left out."""
        full = os.path.abspath(path)
        decided = False
        for folder, spec in self.rules:  # outermost first
            rel = os.path.relpath(full, folder)
            if rel.startswith(".."):
                continue
            include = spec.check_file(rel.replace(os.sep, "/") + ("/" if is_dir else "")).include
            if include is not None:
                decided = include
        return decided


def _above(folder: str) -> list[str]:
    """The folders above ``folder`` up to the top of its git work tree, outermost first."""
    chain: list[str] = []
    current = os.path.abspath(folder)
    while True:
        parent = os.path.dirname(current)
        if os.path.exists(os.path.join(current, ".git")):
            return list(reversed(chain))
        if parent == current:
            return []  # not in a work tree: only the folder's own .gitignore files count
        chain.append(parent)
        current = parent


def _walk(
    root: str,
    extensions: Sequence[str],
    excluded: pathspec.PathSpec | None,
    gitignore: bool,
    errors: list[str],
) -> Iterator[str]:
    ignores = _Ignores()
    if gitignore:
        for folder in _above(root):
            ignores.add(folder)

    def onerror(exc: OSError) -> None:
        errors.append(f"{exc.filename}: {exc.strerror or exc}")

    for folder, dirs, files in os.walk(root, onerror=onerror):
        if gitignore:
            ignores.add(folder)

        def keep(name: str, is_dir: bool, folder: str = folder) -> bool:
            path = os.path.join(folder, name)
            if excluded is not None and _matches(excluded, _clean(path), is_dir):
                return False
            return not (gitignore and ignores.ignored(path, is_dir))

        dirs[:] = sorted(d for d in dirs if d != ".git" and keep(d, True))
        for name in sorted(files):
            if has_extension(name, extensions) and keep(name, False):
                path = os.path.join(folder, name)  # if unreadable, the run reports it and goes on
                yield path[2:] if root == "." and path.startswith("./") else path
