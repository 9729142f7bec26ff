"""The on-disk word table: written once, read back equal, rebuilt when stale or broken."""
import os

import pytest

from restore import cache, lexicon


@pytest.fixture
def cache_folder(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.CACHE_ENV, str(folder))
    return folder


def _built() -> tuple[dict[str, int], int]:
    """The table built from jieba's dict.txt, with no cache at all."""
    return lexicon._read_jieba_dict(lexicon._jieba_dict_path())


def test_first_load_writes_the_table_and_the_next_reads_it_back_equal(cache_folder):
    first = lexicon._jieba_table()
    files = list(cache_folder.iterdir())
    assert len(files) == 1 and files[0].name.startswith("jieba-table-")
    again = lexicon._jieba_table()
    built = _built()
    assert again == first == built
    assert again[0] is not first[0]  # read from the file, not shared with the first caller


def test_a_broken_cache_file_is_rebuilt(cache_folder):
    lexicon._jieba_table()
    (path,) = cache_folder.iterdir()
    path.write_bytes(path.read_bytes()[:1000])  # truncated mid-write by a crash, say
    assert lexicon._jieba_table() == _built()
    assert cache.read(path) == _built()  # and written again whole


def test_a_file_of_the_wrong_shape_is_not_trusted(cache_folder):
    lexicon._jieba_table()
    (path,) = cache_folder.iterdir()
    cache.write(path, ["not", "a", "table"])
    assert lexicon._jieba_table() == _built()


def test_an_empty_setting_turns_the_cache_off(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.CACHE_ENV, "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("HOME", str(tmp_path))
    assert cache.cache_dir() is None
    assert lexicon._jieba_table() == _built()
    assert list(tmp_path.iterdir()) == []


def test_without_the_setting_the_xdg_cache_folder_is_used(tmp_path, monkeypatch):
    monkeypatch.delenv(cache.CACHE_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.cache_dir() == tmp_path / "restore"


def test_a_folder_that_cannot_be_made_is_no_error(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(cache.CACHE_ENV, str(blocker / "restore"))  # cannot be made, even by root
    assert lexicon._jieba_table() == _built()
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_a_failed_write_leaves_no_file_behind(cache_folder, monkeypatch):
    def refuse(*args):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", refuse)
    cache.write(cache_folder / "x.marshal", {"党建": 1})
    assert list(cache_folder.iterdir()) == []


def test_the_name_changes_with_the_source_file(tmp_path, cache_folder):
    source = tmp_path / "dict.txt"
    source.write_text("党建 10 n\n", encoding="utf-8")
    before = cache.cache_file("jieba-table", source)
    source.write_text("党建 12 n\n政策 3 n\n", encoding="utf-8")
    assert cache.cache_file("jieba-table", source) != before
