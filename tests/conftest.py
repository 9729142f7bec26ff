"""Test-session setup: restore's on-disk cache goes to a folder of this session's own.

Tests (and the commands they start, which inherit the environment) never read a table
an earlier run left in the user's cache folder, nor leave one there.
"""
import os
import shutil
import tempfile

_CACHE = tempfile.mkdtemp(prefix="restore-test-cache-")
os.environ["RESTORE_CACHE_DIR"] = _CACHE


def pytest_unconfigure(config):  # noqa: ARG001 (pytest's hook signature)
    shutil.rmtree(_CACHE, ignore_errors=True)
