"""Test-session setup: restore's on-disk cache goes to a folder of this session's own.

Tests (and the commands they start, which inherit the environment) never read a table
an earlier run left in the user's cache folder, nor leave one there.

The word table is built and written there before any test runs, so every test ranks
with the table read back packed from the cache, as every run after a user's first does
(tests/test_cache.py checks the packed table against the one built from dict.txt).

Building the 500,000-word table takes a second or more, so the table built here and
the cache file it wrote are shared with every test that needs them (``built_table``,
``packed_cache_file``) instead of being built again per test.
"""

import gc
import os
import shutil
import tempfile
from pathlib import Path

import pytest

_CACHE = tempfile.mkdtemp(prefix="restore-test-cache-")
os.environ["RESTORE_CACHE_DIR"] = _CACHE


_BUILT: list = []  # the table pytest_sessionstart built, and its cache file's name and bytes


def pytest_sessionstart(session):
    from restore import wordtable

    _BUILT.append(wordtable._load_word_table())  # builds the table and writes it to the session's folder
    (path,) = Path(_CACHE).glob("word-table-*.marshal")  # the only one yet: later tests add others
    _BUILT.append((path.name, path.read_bytes()))
    # The shared table is half a million objects that live as long as the session: out
    # of the collector's reach, each later full collection does not walk them again.
    gc.freeze()


@pytest.fixture(scope="session")
def built_table():
    """The word table as built from jieba's dict.txt and the lexicons (whole, not packed).

    Shared: tests read it and must not change its counts."""
    return _BUILT[0]


@pytest.fixture(scope="session")
def packed_cache_file() -> tuple[str, bytes]:
    """The name and bytes of the cache file the session's first load wrote."""
    return _BUILT[1]


def pytest_unconfigure(config):
    shutil.rmtree(_CACHE, ignore_errors=True)


@pytest.fixture(scope="session")
def load_tool():
    """A loader of the scripts in ``tools/`` by name (they are not a package): the tests
    of a training or build script call the functions it is made of on small samples."""
    import importlib.util

    tools = Path(__file__).resolve().parent.parent / "tools"
    loaded: dict = {}

    def load(name: str):
        if name not in loaded:
            spec = importlib.util.spec_from_file_location(name, tools / f"{name}.py")
            assert spec is not None and spec.loader is not None
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            loaded[name] = module
        return loaded[name]

    return load
