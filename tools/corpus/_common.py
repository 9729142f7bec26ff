"""Shared helpers for the corpus extraction scripts in this folder.

Each ``extract_<name>.py`` script reads files straight out of a bare git
directory at a fixed commit (no work tree needed), turns them into plain
Chinese text with one paragraph per line, and writes UTF-8 ``.txt`` files.
Only the standard library and ``opencc`` are used.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TextIO

HAN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
URL_RE = re.compile(
    r"(?:https?|ftp)://[^\s)\]>\"'）】，。]+|www\.[A-Za-z0-9.-]+\.[a-z]{2,}[^\s)\]>\"'）】，。]*"
)
FRONT_MATTER_RE = re.compile(r"\A---\s*\n.*?\n---\s*\n", re.DOTALL)
FENCE_RE = re.compile(r"^\s*(```|~~~)")
HTML_COMMENT_RE = re.compile(r"<!--.*?-->", re.DOTALL)
HTML_BLOCK_RE = re.compile(r"<(script|style|pre|svg|math)\b.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
HTML_INLINE_DROP_RE = re.compile(r"<(rt|rp|code)\b[^>]*>.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
TAG_RE = re.compile(r"</?[A-Za-z][^<>]*>")
IMAGE_RE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
LINK_RE = re.compile(r"\[([^\]]*)\]\([^)]*\)")
REF_LINK_RE = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
REF_DEF_RE = re.compile(r"^\s*\[[^\]]+\]:\s*\S+.*$")
DISPLAY_MATH_RE = re.compile(r"\$\$.*?\$\$", re.DOTALL)
INLINE_MATH_RE = re.compile(r"(?<!\\)\$[^$\n]+(?<!\\)\$")
INLINE_CODE_RE = re.compile(r"`+([^`\n]*)`+")
MACRO_RE = re.compile(r"\{\{[^{}]*\}\}|\{%.*?%\}")
MD_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~])")
ZERO_WIDTH_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
HEADING_ID_RE = re.compile(r"\{\s*(?:#|/)[^{}]*\}")
SPACE_RE = re.compile(r"[ \t\u3000\xa0]+")


def han_count(text: str) -> int:
    """Number of Han characters in ``text``."""
    return len(HAN_RE.findall(text))


class Git:
    """Read blobs from a bare git directory at one commit via ``git cat-file --batch``."""

    def __init__(self, gitdir: str, commit: str) -> None:
        self.gitdir = gitdir
        self.commit = commit
        self._proc = subprocess.Popen(
            ["git", "--git-dir", gitdir, "cat-file", "--batch"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )

    def ls(self, prefix: str = "") -> list[str]:
        """All file paths in the commit's tree, optionally under ``prefix``."""
        args = ["git", "--git-dir", self.gitdir, "ls-tree", "-r", "-z", "--name-only", self.commit]
        if prefix:
            args += ["--", prefix]
        out = subprocess.run(args, check=True, capture_output=True).stdout
        return [p.decode("utf-8", "surrogateescape") for p in out.split(b"\0") if p]

    def read(self, path: str) -> bytes:
        """Contents of ``path`` at the commit (empty bytes if missing)."""
        assert self._proc.stdin is not None and self._proc.stdout is not None
        self._proc.stdin.write(f"{self.commit}:{path}\n".encode("utf-8", "surrogateescape"))
        self._proc.stdin.flush()
        header = self._proc.stdout.readline().split()
        if len(header) < 3 or header[1] == b"missing":
            return b""
        size = int(header[2])
        data = self._proc.stdout.read(size)
        self._proc.stdout.read(1)
        return data

    def text(self, path: str) -> str:
        """Contents of ``path`` decoded as UTF-8 (BOM stripped, bad bytes replaced)."""
        return self.read(path).decode("utf-8", "replace").lstrip("\ufeff")


def _math_text(tex: str) -> str:
    """Crude plain-text rendering of inline TeX (commands and braces dropped)."""
    tex = re.sub(r"\\(?:mathrm|text|textbf|mathbf|operatorname|mathcal|mathit)\s*", "", tex)
    tex = re.sub(r"\\[A-Za-z]+", " ", tex)
    tex = re.sub(r"[{}\\^_$&]", "", tex)
    return " " + SPACE_RE.sub(" ", tex).strip() + " "


def clean_inline(line: str) -> str:
    """Strip inline Markdown/HTML markup, URLs and template macros from one line."""
    line = IMAGE_RE.sub("", line)
    line = LINK_RE.sub(r"\1", line)
    line = REF_LINK_RE.sub(r"\1", line)
    line = MACRO_RE.sub("", line)
    line = HEADING_ID_RE.sub("", line)
    line = INLINE_MATH_RE.sub(lambda m: _math_text(m.group(0)[1:-1]), line)
    line = TAG_RE.sub("", line)
    line = INLINE_CODE_RE.sub(r"\1", line)
    line = URL_RE.sub("", line)
    line = line.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    line = line.replace("&quot;", '"').replace("&#39;", "'")
    line = MD_ESCAPE_RE.sub(r"\1", line)
    line = re.sub(r"\*\*|__|~~", "", line)
    line = re.sub(r"(?<![\w*])\*(?=\S)([^*\n]+?)\*(?!\w)", r"\1", line)
    line = SPACE_RE.sub(" ", line).strip()
    return line.strip("| ").strip() if line.endswith(" |") or line.startswith("| ") else line


def markdown_paragraphs(md: str) -> Iterator[str]:
    """Yield plain-text paragraphs from a Markdown document.

    Front matter, fenced and indented code blocks, HTML blocks/comments, display
    maths, link targets and URLs are removed; headings, list items, table cells
    and block quotes keep their text. Consecutive prose lines are joined.
    """
    md = md.replace("\r\n", "\n").replace("\r", "\n")
    md = FRONT_MATTER_RE.sub("", md)
    md = HTML_COMMENT_RE.sub("", md)
    md = HTML_BLOCK_RE.sub("\n", md)
    md = HTML_INLINE_DROP_RE.sub("", md)
    md = re.sub(r"</t[dh]>", " ", md, flags=re.IGNORECASE)
    md = re.sub(r"</(?:tr|p|li|div|h\d)>|<br\s*/?>", "\n\n", md, flags=re.IGNORECASE)
    md = DISPLAY_MATH_RE.sub("\n", md)
    para: list[str] = []
    in_fence = False
    fence = ""

    def flush() -> Iterator[str]:
        if para:
            joined = "".join(para) if han_count("".join(para)) else " ".join(para)
            para.clear()
            text = clean_inline(joined)
            if text:
                yield text

    for raw in md.split("\n"):
        m = FENCE_RE.match(raw)
        if m:
            if not in_fence:
                in_fence, fence = True, m.group(1)
                yield from flush()
            elif raw.strip().startswith(fence):
                in_fence = False
            continue
        if in_fence:
            continue
        if (
            raw.startswith(("    ", "\t"))
            and not para
            and not raw.strip().startswith(("-", "*", "+", ">"))
            and not re.match(r"\s*\d+\.", raw)
        ):
            continue
        line = raw.strip()
        if not line or REF_DEF_RE.match(line) or re.fullmatch(r"[-=*_|: ]{3,}", line):
            yield from flush()
            continue
        if line.startswith(("import ", "export ", ":::", "!!!", "???", "{%", "{{<", "<!--")):
            line = re.sub(r"^(:::|!!!|\?\?\?\+?)\s*\w*\s*", "", line)
            if not HAN_RE.search(line):
                yield from flush()
                continue
        if line.startswith("|"):
            yield from flush()
            cells = [c.strip() for c in line.strip("|").split("|")]
            para.append(" ".join(c for c in cells if c))
            yield from flush()
            continue
        heading = re.match(r"^#{1,6}\s+(.*?)\s*#*$", line)
        item = re.match(r"^(?:[-*+]|\d+[.)])\s+(.*)$", line)
        if heading or item:
            yield from flush()
            para.append((heading or item).group(1))  # type: ignore[union-attr]
            if heading:
                yield from flush()
            continue
        line = re.sub(r"^(>\s*)+", "", line)
        if not line:
            yield from flush()
            continue
        if para and not (HAN_RE.search(line[:1]) or HAN_RE.search(para[-1][-1:])):
            para.append(" ")
        para.append(line)
    yield from flush()


class Writer:
    """Write deduplicated lines to numbered ``.txt`` files in ``outdir``."""

    def __init__(
        self, outdir: str, prefix: str = "part", min_han: int = 4, max_bytes: int = 50_000_000
    ) -> None:
        self.out = Path(outdir)
        self.out.mkdir(parents=True, exist_ok=True)
        for old in self.out.glob(f"{prefix}-*.txt"):
            old.unlink()
        self.prefix = prefix
        self.min_han = min_han
        self.max_bytes = max_bytes
        self.seen: set[bytes] = set()
        self.index = 0
        self.size = 0
        self.han = 0
        self.lines = 0
        self._fh = self._open()

    def _open(self) -> TextIO:
        self.index += 1
        self.size = 0
        return open(self.out / f"{self.prefix}-{self.index:03d}.txt", "w", encoding="utf-8")

    def add(self, line: str) -> bool:
        """Add one paragraph; returns False if it was dropped (too little Chinese, duplicate)."""
        line = ZERO_WIDTH_RE.sub("", line)
        line = SPACE_RE.sub(" ", line.replace("\n", " ")).strip()
        n = han_count(line)
        if n < self.min_han:
            return False
        key = hashlib.blake2b(line.encode("utf-8"), digest_size=12).digest()
        if key in self.seen:
            return False
        self.seen.add(key)
        data = line + "\n"
        if self.size + len(data.encode("utf-8")) > self.max_bytes:
            self._fh.close()
            self._fh = self._open()
        self._fh.write(data)
        self.size += len(data.encode("utf-8"))
        self.han += n
        self.lines += 1
        return True

    def add_all(self, lines: Iterable[str]) -> None:
        """Add many paragraphs."""
        for line in lines:
            self.add(line)

    def close(self) -> None:
        """Close the current file and print a summary."""
        self._fh.close()
        print(f"{self.out}: {self.lines} lines, {self.han} Han characters", file=sys.stderr)


def t2s_converter() -> Callable[[str], str]:
    """Return a Traditional-to-Simplified converter (OpenCC ``t2s``)."""
    import opencc

    return opencc.OpenCC("t2s").convert


def main_args() -> tuple[str, str, str]:
    """Parse ``GITDIR COMMIT OUTDIR`` from the command line."""
    if len(sys.argv) != 4:
        sys.exit(f"usage: {sys.argv[0]} GITDIR COMMIT OUTDIR")
    return sys.argv[1], sys.argv[2], sys.argv[3]


def extract_markdown(
    gitdir: str,
    commit: str,
    outdir: str,
    keep: Callable[[str], bool],
    convert: Callable[[str], str] | None = None,
    min_han: int = 4,
) -> Writer:
    """Extract every Markdown file whose path passes ``keep`` into ``outdir``."""
    return _extract(
        gitdir, commit, outdir, keep, lambda path, text: markdown_paragraphs(text), convert, min_han
    )


def _extract(
    gitdir: str,
    commit: str,
    outdir: str,
    keep: Callable[[str], bool],
    paragraphs: Callable[[str, str], Iterable[str]],
    convert: Callable[[str], str] | None,
    min_han: int,
) -> Writer:
    """Every file of the commit whose path passes ``keep``, converted (OpenCC) if asked,
    cut into ``paragraphs(path, text)``, written into ``outdir``."""
    git = Git(gitdir, commit)
    writer = Writer(outdir, min_han=min_han)
    for path in sorted(git.ls()):
        if not keep(path):
            continue
        text = git.text(path)
        if convert is not None:
            text = convert(text)
        writer.add_all(paragraphs(path, text))
    writer.close()
    return writer


RST_ROLE_RE = re.compile(r":[\w:+-]+:`([^`<]*?)(?:\s*<[^>]*>)?`")
RST_LINK_RE = re.compile(r"`([^`<]*?)\s*<[^>]*>`_+")


def rst_paragraphs(rst: str) -> Iterator[str]:
    """Yield plain-text paragraphs from a reStructuredText document.

    Directives (``.. name::``) with their indented bodies, literal blocks after
    ``::``, section underlines, roles and link targets are removed.
    """
    rst = rst.replace("\r\n", "\n").replace("\r", "\n")
    para: list[str] = []
    skip_indent: int | None = None
    literal_next = False

    def flush() -> Iterator[str]:
        if para:
            joined = "".join(para)
            para.clear()
            joined = RST_LINK_RE.sub(r"\1", joined)
            joined = RST_ROLE_RE.sub(lambda m: m.group(1).lstrip("~!"), joined)
            joined = joined.replace("``", "").replace("**", "")
            text = clean_inline(joined)
            if text:
                yield text

    for raw in rst.split("\n"):
        stripped = raw.strip()
        indent = len(raw) - len(raw.lstrip())
        if skip_indent is not None:
            if not stripped or indent > skip_indent:
                continue
            skip_indent = None
        if literal_next and stripped:
            literal_next = False
            if indent > 0:
                skip_indent = 0
                continue
        if not stripped:
            yield from flush()
            continue
        if stripped.startswith(".."):
            yield from flush()
            skip_indent = indent
            continue
        if re.fullmatch(r"([=\-~^\"'`#*+.:_])\1{2,}", stripped):
            yield from flush()
            continue
        if stripped.startswith(("|", "+-", "+=")):
            stripped = " ".join(c.strip() for c in stripped.strip("|+").split("|") if c.strip())
        stripped = re.sub(r"^(?:[-*+]|\d+[.)]|#\.)\s+", "", stripped)
        if stripped.endswith("::"):
            literal_next = True
            stripped = stripped[:-1] if stripped[-3:-2] != " " else stripped[:-2]
        if para and not (HAN_RE.search(stripped[:1]) or HAN_RE.search(para[-1][-1:])):
            para.append(" ")
        para.append(stripped)
    yield from flush()


def ipynb_markdown(nb: str) -> str:
    """Concatenate the Markdown cells of a Jupyter notebook (code cells dropped)."""
    import json

    try:
        data = json.loads(nb)
    except ValueError:
        return ""
    parts: list[str] = []
    for cell in data.get("cells", []):
        if cell.get("cell_type") == "markdown":
            src = cell.get("source", "")
            parts.append("".join(src) if isinstance(src, list) else str(src))
    return "\n\n".join(parts)


def doc_paragraphs(path: str, text: str) -> Iterator[str]:
    """Paragraphs of a Markdown, reStructuredText or notebook file, by extension."""
    if path.endswith(".rst"):
        yield from rst_paragraphs(text)
    elif path.endswith(".ipynb"):
        yield from markdown_paragraphs(ipynb_markdown(text))
    else:
        yield from markdown_paragraphs(text)


def extract_docs(
    gitdir: str,
    commit: str,
    outdir: str,
    keep: Callable[[str], bool],
    convert: Callable[[str], str] | None = None,
    min_han: int = 4,
) -> Writer:
    """Extract every .md/.rst/.ipynb file whose path passes ``keep`` into ``outdir``."""
    return _extract(gitdir, commit, outdir, keep, doc_paragraphs, convert, min_han)
