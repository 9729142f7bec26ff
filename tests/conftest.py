"""Test-session setup: restore's on-disk cache goes to a folder of this session's own.

Tests (and the commands they start, which inherit the environment) never read a table
an earlier run left in the user's cache folder, nor leave one there.

The word table is built and written there before any test runs, so every test ranks
with the table read back packed from the cache, as every run after a user's first does
(tests/test_cache.py checks the packed table against the one built from dict.txt).
"""

import os
import shutil
import tempfile

_CACHE = tempfile.mkdtemp(prefix="restore-test-cache-")
os.environ["RESTORE_CACHE_DIR"] = _CACHE


def pytest_sessionstart(session):
    from restore import lexicon

    lexicon._load_word_table()  # builds the table and writes it to the session's folder


def pytest_unconfigure(config):
    shutil.rmtree(_CACHE, ignore_errors=True)
