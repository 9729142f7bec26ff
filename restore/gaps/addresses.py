"""Places in machine-written numbers: addresses, ports, issue references, HTML's
character references and copyright years.

Technical pages write numbers in forms that are the same in every language, and the
scraper deletes them as it deletes any other: 192.168.1.1 leaves ``..1.1``, a web
address's port leaves ``localhost:/api``, a release note's ``[#1234](…/pull/1234)``
leaves ``[#](…/pull/)``. Each form is one that nothing but a deleted number leaves:

* an IPv4 address with an empty field beside fields of one or two digits (or of the
  ``xxx`` a page writes for a hidden field): each empty field lost its number, and no
  other place stands inside the address;
* a host's colon with nothing after it in a web address (``http://host:/``), and a port
  set to nothing (``port = ``, ``RpcPort: ``, ``port:)``);
* SQL's numbers: a type's length (``VARCHAR()``) and a ``LIMIT`` with no count;
* an issue or pull request number: ``#`` right before the ``]`` or ``)`` that closes it
  (``[#]``, ``(#)``; not a link's ``](#)``), and a link whose ``/pull/``, ``/issues/``
  or ``/commit/`` ends its address;
* an HTML character reference with no number (``&#;``, ``&#x;``), and a copyright
  notice's years before their dash or comma (``Copyright‸-‸,``).

Their places hold numbers of three digits or more nearly always (addresses, ports and
issue numbers are long), and the prose corpora the gap model learned from hold almost
none of them, so the model is not asked (``restore.gapmodel.UNVETOED``).
"""

from __future__ import annotations

import re
from functools import cache

from .left import _put

#: A field of an IPv4 address as the scraper leaves it: nothing, one or two digits (three
#: would have been deleted), a page's own placeholder for a hidden field, or a wildcard.
_FIELD = r"(?:[0-9]{1,2}|[xX]{1,3}|\*{1,3}|%)?"
#: Characters of a field (:data:`_FIELD`).
_FIELD_CHARS = frozenset("0123456789xX*%")


@cache
def _ipv4_re() -> re.Pattern[str]:
    """Four fields and three dots, with nothing alphanumeric or dotted around them."""
    return re.compile(
        rf"(?<![0-9A-Za-z_.\-])({_FIELD})\.({_FIELD})\.({_FIELD})\.({_FIELD})(?![0-9A-Za-z_\-]|\.[0-9A-Za-z])"
    )


@cache
def _dots_re() -> re.Pattern[str]:
    """A dot followed by a field and another dot: where an address may begin. It starts
    with the dot, so the engine scans for that character alone."""
    return re.compile(r"\.(?=[0-9xX*]{0,3}\.)")


@cache
def _url_port_re() -> re.Pattern[str]:
    """A host's colon with nothing after it, in an address with a scheme
    (``http://localhost:/api``, ``jdbc:mysql://..1.1:/db``)."""
    return re.compile(r"://[A-Za-z0-9_.\-]*:(?=[/\"'`)\]},;]|[ \t]*(?:\r|\n|\Z))")


@cache
def _key_port_re() -> re.Pattern[str]:
    """A port set to nothing (``http_port = ``, ``RpcPort: ``, ``port = ""``), at the end
    of its line, before a closing sign or between empty quotes; a colon needs a space
    after it (``ip_port:`` ending a line names a grammar's rule). What stands before the
    key is checked in Python."""
    return re.compile(
        r"(?:port|Port|PORT)[ \t]*"
        r"(?:[=:][ \t]*(?:([\"'`])(?=\1)|(?=[)\]},;]))|=[ \t]*(?=\r|\n|\Z)|:[ \t]+(?=\r|\n|\Z))"
    )


@cache
def _config_port_re() -> re.Pattern[str]:
    """A configuration line of a key and its value, the value gone: ssh_config's
    ``Port 22000`` leaves ``Port `` (the space stays)."""
    return re.compile(r"^[ \t]*Port[ \t]+(?=\r?$)", re.MULTILINE)


def _names_a_port(text: str, p: int) -> bool:
    """The ``port`` at ``p`` is a key's name or its last part (port, http_port, RpcPort,
    BE_PORT), not the end of another word (report, transport)."""
    before = text[p - 1] if p else ""
    if not before or not (before.isascii() and before.isalnum()):
        return True
    return text[p] == "P" and before.islower()


@cache
def _issue_re() -> re.Pattern[str]:
    """An issue number's ``#`` right before its closer (or a space and its closer: a
    spaced page's ``[# 995]``), not after a word (C#) nor as a link's empty anchor
    (``[B](#)``, ``https://example.com/#)``); and an issue, pull request or commit
    address that ends at its last slash in a link (``/issues/)``; a bare ``…/issues/``
    is the list of issues)."""
    return re.compile(
        r"(?<![0-9A-Za-z#&/])(?<!\]\()# ?(?=[\])])|/(?:pull|issues|commit|merge_requests)/(?=[)\]])"
    )


#: SQL types whose length is written in brackets and reaches three digits: VARCHAR(255).
#: (A DECIMAL's precision, a TIMESTAMP's fraction have two digits at most; TIMESTAMP() is
#: also a function.)
_SQL_TYPES = frozenset("char varchar nchar nvarchar binary varbinary".split())


@cache
def _sql_re() -> re.Pattern[str]:
    """SQL with its numbers deleted: a type's empty brackets (``VARCHAR()``; the type is
    checked in Python) and a ``LIMIT`` with no count before the statement ends. Each
    pattern starts at its bracket or keyword, which the engine scans for."""
    return re.compile(r"\((?=\))|(?<![A-Za-z_])(?:LIMIT|limit) +(?=;|\)|[ \t]*(?:\r|\n|\Z))")


@cache
def _type_before_re() -> re.Pattern[str]:
    """The word right before a bracket, not part of a longer name (my_char, x.char)."""
    return re.compile(r"(?<![A-Za-z0-9_.])[A-Za-z]+$")


def _sql_gaps(text: str, out: dict[int, tuple[float, str]]) -> None:
    """Mark SQL's deleted numbers (:func:`_sql_re`): a bracket's place only after a type
    of :data:`_SQL_TYPES` (``f()`` is a call, ``my_char()`` a function)."""
    for m in _sql_re().finditer(text):
        if m.group() == "(":
            before = _type_before_re().search(text, max(0, m.start() - 10), m.start())
            if before is None or before.group().lower() not in _SQL_TYPES:
                continue
        _put(out, m.end(), 0.9, "sql")


@cache
def _entity_re() -> re.Pattern[str]:
    """An HTML character reference with its number deleted: ``&#183;`` leaves ``&#;``,
    ``&#x4e2d;`` with letters kept leaves them (``&#xe;``), with digits only ``&#x;``."""
    return re.compile(r"&#[xX]?(?=;)")


@cache
def _copyright_re() -> re.Pattern[str]:
    """A copyright notice's years deleted (``Copyright 2008-2010,`` leaves
    ``Copyright-,``, ``Copyright © 2020,`` leaves ``Copyright © ,``): the mark, then a
    dash or a comma where a year stood. Not a word joined by a dash (Copyright-Hinweis),
    nor a licence's list (OF COPYRIGHT, PATENT; Copyright, Patent)."""
    return re.compile(
        r"(?:Copyright|©)(?:[ \u00a0]*©)?"
        r"(?:(?=[-–—](?![A-Za-z\r\n]))|[ \u00a0]+(?=[-–—,，])|(?<=©)(?=[,，]))"
    )


def _address_gaps(text: str, out: dict[int, tuple[float, str]]) -> None:
    """Mark the places of the module doc."""
    if "&#" in text:
        _mark(text, out, _entity_re(), "entity")
    if "Copyright" in text or "©" in text:
        for end in _mark(text, out, _copyright_re(), "copyright"):
            if text[end] in "-–—" and text[end + 1 : end + 2] in (",", "，", " ", ""):
                _put(out, end + 1, 0.9, "copyright")  # Copyright‸-‸, the range's end too
    if "." in text:
        _ipv4_gaps(text, out)
    if "://" in text:
        _mark(text, out, _url_port_re(), "port")
    for m in _key_port_re().finditer(text):
        if _names_a_port(text, m.start()):
            _put(out, m.end(), 0.9, "port")
    if "Port" in text:
        _mark(text, out, _config_port_re(), "port")
    if "#" in text or "/" in text:
        _mark(text, out, _issue_re(), "issue")
    if "(" in text or "imit" in text or "IMIT" in text:
        _sql_gaps(text, out)


def _mark(text: str, out: dict[int, tuple[float, str]], pattern: re.Pattern[str], reason: str) -> list[int]:
    """Put a place at the end of each match of ``pattern``; return those places."""
    ends = [m.end() for m in pattern.finditer(text)]
    for end in ends:
        _put(out, end, 0.9, reason)
    return ends


#: A colon after an address with nothing after it but a closing sign or the line's end:
#: its port was deleted. Not before a slash (scp's root@10.0.0.1:/opt) nor a space
#: (ping's From 10.0.0.1: icmp_seq).
_EMPTY_PORT = re.compile(r":(?=[)\]}\"'`,;）】，；]|\r|\n|$)")


def _ipv4_gaps(text: str, out: dict[int, tuple[float, str]]) -> None:
    """Each empty field of an IPv4 address whose other fields kept one or two digits or a
    placeholder (``..1.1``, ``.26.34.``, ``..xxx.xxx``)."""
    done = 0
    for d in _dots_re().finditer(text):
        s = d.start()
        if s < done:
            continue
        while s > d.start() - 3 and s > 0 and text[s - 1] in _FIELD_CHARS:
            s -= 1  # back to the first field's start
        m = _ipv4_re().match(text, s)
        if m is None:
            continue
        done = m.end()
        empty = [k for k, f in enumerate(m.groups()) if not f]
        if not empty and _EMPTY_PORT.match(text, m.end()):
            _put(out, m.end() + 1, 0.9, "port")  # 10.0.0.1:‸, an address kept whole and its port gone
            continue
        if not empty or "..." in m.group() or (m.group()[-1] == "." and text[m.end() : m.end() + 1] == "."):
            continue  # 1.2.3.4 kept its numbers; ... is an ellipsis (1..., ...1, 2.0...)
        if empty == [3] and text[m.end() : m.end() + 1] not in (":", "/"):
            continue  # 升级到 1.2.3.: a version and a full stop, unless a port or path follows
        places = {m.start(k + 1) for k in empty}
        if _EMPTY_PORT.match(text, m.end()):
            _put(out, m.end() + 1, 0.9, "port")  # ‸.0.0.1:‸, its port gone too
        for p in range(m.start(), m.end() + 1):
            if p in places:
                _put(out, p, 0.9, "ipv4")
            else:
                out.pop(p, None)  # a field keeps its number whole: no other rule's place
