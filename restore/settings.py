"""Configuration files: ``restore.toml``, or ``[tool.restore]`` in ``pyproject.toml``.

Found as black and ruff find theirs: from the working directory upwards, the first
folder that has a ``restore.toml``, or a ``pyproject.toml`` with a ``[tool.restore]``
table, gives the settings (``restore.toml`` wins in the same folder). ``--config PATH``
names the file instead; ``--no-config`` reads none.

Keys are the long option names without the dashes (``min-confidence = 0.8``; ``_`` may
stand for ``-``); a repeatable option takes a list (``lexicon = ["domain.tsv"]``). The
values become click's ``default_map``, so an option given on the command line wins. A
relative ``lexicon``, ``model`` or ``baseline`` path is read from the config file's folder.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

CONFIG_FILE = "restore.toml"
PYPROJECT = "pyproject.toml"
#: Options that are about the command line itself, never read from a file.
NOT_SETTABLE = frozenset({"config", "no-config", "help", "version"})
#: Options whose values are paths: a relative one is read from the config file's folder.
PATH_OPTIONS = frozenset({"lexicon", "model", "baseline"})


class ConfigError(ValueError):
    """A config file that cannot be read or holds an unknown option: one line."""


def find_config(start: Path) -> Path | None:
    """The config file that applies in folder ``start``, or None."""
    for folder in (start, *start.parents):
        own = folder / CONFIG_FILE
        if own.is_file():
            return own
        pyproject = folder / PYPROJECT
        if pyproject.is_file() and "restore" in _read(pyproject).get("tool", {}):
            return pyproject
    return None


def _read(path: Path) -> dict[str, Any]:
    # Imported here: most runs find no config file, and start-up is measured.
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except OSError as exc:
        raise ConfigError(f"{path}: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML ({exc})") from None


def load(path: Path) -> dict[str, Any]:
    """The settings table of ``path``: the whole ``restore.toml``, or ``[tool.restore]``."""
    data = _read(path)
    if path.name == PYPROJECT:
        data = data.get("tool", {}).get("restore", {})
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: [tool.restore] must be a table")
    return data


def chosen_file(args: Sequence[str]) -> tuple[bool, str | None]:
    """(whether to read a config at all, the ``--config`` path if given), from raw ``args``.

    >>> chosen_file(["--config=a.toml", "x.txt"])
    (True, 'a.toml')
    >>> chosen_file(["--no-config", "--config", "a.toml"])
    (False, 'a.toml')
    >>> chosen_file(["--", "--no-config"])
    (True, None)
    """
    use, path = True, None
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--no-config":
            use = False
        elif arg == "--config" and i + 1 < len(args):
            path = args[i + 1]
        elif arg.startswith("--config="):
            path = arg.split("=", 1)[1]
    return use, path


def default_map(command: click.Command, args: Sequence[str], cwd: Path | None = None) -> dict[str, Any]:
    """click's ``default_map`` for ``command`` from the config file that applies."""
    use, given = chosen_file(args)
    if not use:
        if given is not None:
            raise ConfigError("cannot combine --config and --no-config")
        return {}
    path = Path(given) if given is not None else find_config(cwd or Path(os.getcwd()))
    if path is None:
        return {}
    if given is not None and not path.is_file():
        raise ConfigError(f"{path}: No such file (given with --config)")
    names = option_names(command)
    params = {p.name: p for p in command.params}
    out: dict[str, Any] = {}
    for key, value in load(path).items():
        option = key.replace("_", "-")
        if option not in names:
            known = ", ".join(sorted(names))
            raise ConfigError(f"{path}: unknown option {key!r} (use the long option names: {known})")
        if option in PATH_OPTIONS:
            value = _relative_to(path.parent, value)
        out[names[option]] = _checked(path, key, params[names[option]], value)
    return out


def _checked(path: Path, key: str, param: click.Parameter, value: Any) -> Any:
    """``value`` as ``param`` takes it, or a ConfigError naming the file and the key."""
    try:
        if param.multiple:
            values = value if isinstance(value, list) else [value]
            return [param.type.convert(v, param, None) for v in values]
        if isinstance(value, list):
            raise click.BadParameter("a list, but the option takes one value")
        return param.type.convert(value, param, None)
    except click.BadParameter as exc:
        raise ConfigError(f"{path}: {key}: {exc.message}") from None


def option_names(command: click.Command) -> dict[str, str]:
    """Long option name (without ``--``) -> click parameter name, for every settable option."""
    names: dict[str, str] = {}
    for param in command.params:
        if not isinstance(param, click.Option) or param.name is None:
            continue
        for opt in param.opts:
            if opt.startswith("--") and opt[2:] not in NOT_SETTABLE:
                names[opt[2:]] = param.name
    return names


def _relative_to(folder: Path, value: Any) -> Any:
    if isinstance(value, str):
        return str(folder / value) if value and not os.path.isabs(value) else value
    if isinstance(value, list):
        return [_relative_to(folder, v) for v in value]
    return value
