"""Extract the Simplified-Chinese translation of the Python documentation (``python/python-docs-zh-cn``).

Reads the ``msgstr`` entries of every ``.po`` file at the given commit (use the
commit of a version branch, e.g. ``3.14``; the default branch only holds the
README). Fuzzy entries, untranslated entries and code samples (entries with
fewer than four Han characters) are dropped; reStructuredText roles and
inline markup are stripped. Volunteer translations made through Transifex;
technical register. Licence: the README states that translations are
contributed "for the PSF's use under the CC0 license".

Usage: python tools/corpus/extract_python_docs_zh.py GITDIR COMMIT OUTDIR
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from _common import RST_LINK_RE, RST_ROLE_RE, Git, Writer, clean_inline, main_args

QUOTED_RE = re.compile(r'^"(.*)"\s*$')


def unquote(s: str) -> str:
    """Undo PO string escapes."""
    return s.replace('\\"', '"').replace("\\n", "\n").replace("\\t", " ").replace("\\\\", "\\")


def po_entries(text: str) -> Iterator[tuple[bool, str, str]]:
    """Yield (fuzzy, msgid, msgstr) for each entry of a PO file."""
    fuzzy = False
    field = ""
    parts: dict[str, list[str]] = {"msgid": [], "msgstr": []}
    for line in text.splitlines() + [""]:
        if not line.strip():
            if parts["msgstr"]:
                yield fuzzy, "".join(parts["msgid"]), "".join(parts["msgstr"])
            fuzzy, field = False, ""
            parts = {"msgid": [], "msgstr": []}
            continue
        if line.startswith("#,") and "fuzzy" in line:
            fuzzy = True
            continue
        if line.startswith("#"):
            continue
        m = re.match(r'^(msgid|msgstr|msgctxt|msgid_plural|msgstr\[\d+\])\s+"(.*)"\s*$', line)
        if m:
            key = m.group(1)
            field = "msgstr" if key.startswith("msgstr") else ("msgid" if key == "msgid" else "")
            if field:
                parts[field].append(unquote(m.group(2)))
            continue
        q = QUOTED_RE.match(line)
        if q and field:
            parts[field].append(unquote(q.group(1)))


def clean_rst_inline(text: str) -> str:
    """Strip reStructuredText roles, links and inline markup from one paragraph."""
    text = RST_LINK_RE.sub(r"\1", text)
    text = RST_ROLE_RE.sub(lambda m: m.group(1).lstrip("~!"), text)
    text = text.replace("``", "").replace("**", "")
    return clean_inline(text)


def extract_po(gitdir: str, commit: str, outdir: str, convert: Callable[[str], str] = str) -> None:
    """Every translated, non-fuzzy ``msgstr`` paragraph of the ``.po`` files, markup
    stripped and passed through ``convert`` (the zh_TW translation's OpenCC t2s)."""
    git = Git(gitdir, commit)
    writer = Writer(outdir)
    for path in sorted(git.ls()):
        if not path.endswith(".po"):
            continue
        for fuzzy, msgid, msgstr in po_entries(git.text(path)):
            if fuzzy or not msgid or msgstr == msgid:
                continue
            for para in re.split(r"\n\s*\n", msgstr):
                writer.add(convert(clean_rst_inline(para.replace("\n", " "))))
    writer.close()


def main() -> None:
    """Run the extraction."""
    extract_po(*main_args())


if __name__ == "__main__":
    main()
