"""The on-disk word table: written once, read back equal, rebuilt when stale or broken."""

import marshal
import os

import pytest
from hypothesis import HealthCheck, given, settings
from test_properties import NEWSLIKE

from restore import RestoreConfig, Restorer, cache, wordtable
from restore.rank import Ranker


@pytest.fixture
def cache_folder(tmp_path, monkeypatch):
    """An empty cache folder of the test's own."""
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.CACHE_ENV, str(folder))
    return folder


@pytest.fixture(scope="module")
def small_dict_txt(tmp_path_factory):
    """A dict.txt of jieba's shape holding only jieba's words with 党, 政, 群 or 业 (a few
    thousand): what the cache does with a table does not depend on its size, and
    building the whole one takes a second or more each time a test rebuilds it."""
    path = tmp_path_factory.mktemp("jieba") / "dict.txt"
    with open(wordtable.jieba_dict_path(), encoding="utf-8") as whole:
        path.write_text("".join(line for line in whole if any(c in line.split(" ")[0] for c in "党政群业")))
    return path


@pytest.fixture
def small_dict(small_dict_txt, monkeypatch):
    """Tables in this test are built from :func:`small_dict_txt`, not jieba's dict.txt."""
    monkeypatch.setattr(wordtable, "jieba_dict_path", lambda: small_dict_txt)


@pytest.fixture
def warm_cache(cache_folder, packed_cache_file):
    """The test's cache folder holding the table a first run wrote (the session's copy:
    building it again in every test would take most of the suite's time)."""
    name, data = packed_cache_file
    cache_folder.mkdir()
    (cache_folder / name).write_bytes(data)
    return cache_folder


def _unpacked(table: wordtable.WordTable, firsts: str) -> dict[str, int]:
    table.ensure_starting(firsts)
    assert not table.unread
    return table.freq


def test_first_load_writes_the_table_and_the_next_reads_it_back_equal(cache_folder, small_dict):
    built = wordtable._load_word_table()
    assert not built.unread, "a table built from dict.txt is whole"
    files = list(cache_folder.iterdir())
    assert len(files) == 1 and files[0].name.startswith("word-table-")
    again = wordtable._load_word_table()
    assert again.unread and not again.freq, "read back packed, nothing unpacked yet"
    assert again.total == built.total
    assert again.count("党建") == built.freq["党建"]
    assert _unpacked(again, "".join({word[0] for word in built.freq})) == built.freq


def test_ensure_unpacks_the_characters_and_the_two_character_starts_asked_for(warm_cache, built_table):
    built = built_table
    table = wordtable._load_word_table()
    before = len(table.unread)
    table.ensure("党政策")
    assert len(table.unread) == before - 3, "each character's bucket is opened"
    assert all(len(word) == 1 or word[:2] in ("党政", "政策") for word in table.freq)
    for word in ("党", "政", "策", "党政", "党政机关", "政策", "政策性"):
        assert table.freq[word] == built.freq[word]
    assert "党建" not in table.freq and "政府" not in table.freq, "starts not asked for stay packed"
    assert sum(w[:2] == "政策" for w in table.freq) == sum(w[:2] == "政策" for w in built.freq)


def test_a_wildcard_in_the_text_stands_for_each_fill_character(warm_cache, built_table):
    built = built_table
    table = wordtable._load_word_table()
    table.ensure("以\x00建", "\x00", "党政")
    for word in ("党建", "政建", "以党", "以政"):
        assert table.freq.get(word) == built.freq.get(word)
    assert table.freq["党"] == built.freq["党"] and "\x00" not in table.freq
    assert "党员" not in table.freq, "only the starts the text can make"


def test_count_reads_the_start_it_needs(warm_cache, built_table):
    built = built_table
    table = wordtable._load_word_table()
    assert table.count("党建工作") == built.freq.get("党建工作")
    assert table.count("政") == built.freq["政"]
    assert table.count("党建不是词") is None
    assert table.count("𠀀𠀁") is None


def test_ensure_starting_reads_every_word_of_those_characters(warm_cache, built_table):
    built = built_table
    table = wordtable._load_word_table()
    table.ensure_starting("群")
    assert {w for w in table.freq if w[0] == "群"} == {w for w in built.freq if w[0] == "群"}
    assert all(w[0] == "群" for w in table.freq)


def test_a_cache_file_of_another_layout_is_rebuilt(cache_folder, small_dict):
    built = wordtable._load_word_table()
    (path,) = cache_folder.iterdir()
    path.write_bytes(marshal.dumps(({"党": ("党建", b"")}, built.total)))  # the first layout
    again = wordtable._load_word_table()
    assert not again.unread, "not read as packed: built again"
    assert again.freq == built.freq
    assert wordtable._load_word_table().unread, "and written again in the current layout"


def test_a_ranker_on_the_packed_table_restores_as_on_the_built_one(warm_cache, built_table):
    config = RestoreConfig()
    texts = ["坚持以*建引领，落实**“一把手”责任。", "吴*隆出席。*府工作报告", "种*振兴，**建设"]
    built = Ranker(built_table, config)
    packed = Ranker(wordtable._load_word_table(), config)
    assert packed.table.unread
    for ranker in (built, packed):
        restorer = Restorer(config)
        restorer.__dict__["ranker"] = ranker
        ranker.results = [restorer.restore(t) for t in texts]
    assert packed.results == built.results


def test_a_user_lexicon_is_part_of_the_cached_table(cache_folder, tmp_path, small_dict):
    user = tmp_path / "user.tsv"
    user.write_text("政党测试词语\t77\n", encoding="utf-8")
    wordtable._load_word_table((user,))
    table = wordtable._load_word_table((user,))
    assert table.unread and table.count("政党测试词语") == 77
    user.write_text("政党测试词语\t78\n", encoding="utf-8")
    os.utime(user, ns=(1, 10**18))  # a new modification time: a new table
    assert wordtable._load_word_table((user,)).count("政党测试词语") == 78


@pytest.mark.parametrize(
    "keep", [0, 5, 1000, -1], ids=["empty", "in the length", "in the head", "in the records"]
)
def test_a_broken_cache_file_is_rebuilt(cache_folder, small_dict, keep):
    built = wordtable._load_word_table()
    (path,) = cache_folder.iterdir()
    data = path.read_bytes()
    path.write_bytes(data[:keep])  # truncated mid-write by a crash, say
    again = wordtable._load_word_table()
    assert not again.unread and again.freq == built.freq
    assert path.read_bytes() == data, "and written again whole"
    assert wordtable._unpacked(cache.read_bytes(path)) is not None


def test_a_damaged_record_is_caught_and_the_whole_table_read(cache_folder, small_dict):
    built = wordtable._load_word_table()
    (path,) = cache_folder.iterdir()
    good = path.read_bytes()
    packed = wordtable._unpacked(good)
    k = packed.unread["党"]
    damaged = bytearray(good)
    damaged[(packed.offsets[k] + packed.offsets[k + 1]) // 2] ^= 0x55  # a stray write inside 党's record
    path.write_bytes(bytes(damaged))
    table = wordtable._load_word_table()
    assert table.unread, "the head is whole: read packed"
    assert table.count("政府") == built.freq["政府"]  # an intact record
    assert table.count("党建") == built.freq["党建"], "the damaged record: the table built again"
    assert not table.unread and table.freq == built.freq
    assert path.read_bytes() == good, "and the cache file written again whole"


def test_a_damaged_record_without_a_way_to_rebuild_is_an_error(warm_cache):
    (path,) = warm_cache.iterdir()
    damaged = bytearray(path.read_bytes())
    damaged[-100] ^= 0x55
    table = wordtable._unpacked(bytes(damaged))
    with pytest.raises(ValueError, match="cache file is damaged"):
        table.ensure_starting("".join(table.unread))


def test_a_file_of_the_wrong_shape_is_not_trusted(cache_folder, small_dict):
    built = wordtable._load_word_table()
    (path,) = cache_folder.iterdir()
    cache.write_bytes(path, marshal.dumps(["not", "a", "table"]))
    assert wordtable._load_word_table().freq == built.freq


def test_an_empty_setting_turns_the_cache_off(tmp_path, monkeypatch, small_dict):
    monkeypatch.setenv(cache.CACHE_ENV, "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("HOME", str(tmp_path))
    assert cache.cache_dir() is None
    assert wordtable._load_word_table().count("党建")
    assert list(tmp_path.iterdir()) == []


def test_without_the_setting_the_xdg_cache_folder_is_used(tmp_path, monkeypatch):
    monkeypatch.delenv(cache.CACHE_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.cache_dir() == tmp_path / "restore"


def test_a_folder_that_cannot_be_made_is_no_error(tmp_path, monkeypatch, small_dict):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(cache.CACHE_ENV, str(blocker / "restore"))  # cannot be made, even by root
    assert wordtable._load_word_table().count("党建")
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_a_failed_write_leaves_no_file_behind(cache_folder, monkeypatch):
    def refuse(*args):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", refuse)
    cache.write_bytes(cache_folder / "x-1.marshal", b"x")
    assert list(cache_folder.iterdir()) == []


def test_only_the_newest_files_of_a_kind_are_kept(cache_folder):
    for k in range(cache.KEEP + 3):
        path = cache_folder / f"word-table-{k}.marshal"
        cache.write_bytes(path, bytes([k]))
        os.utime(path, ns=(k * 10**9, k * 10**9))
    cache.write_bytes(cache_folder / "other-1.marshal", b"x")
    names = sorted(p.name for p in cache_folder.iterdir())
    assert names == ["other-1.marshal"] + [f"word-table-{k}.marshal" for k in range(3, cache.KEEP + 3)]


def test_the_name_changes_with_any_source_file(tmp_path, cache_folder):
    a, b = tmp_path / "dict.txt", tmp_path / "user.tsv"
    a.write_text("党建 10 n\n", encoding="utf-8")
    b.write_text("政务\t3\n", encoding="utf-8")
    before = cache.cache_file("word-table", [a, b])
    b.write_text("政务\t4\n政策\t9\n", encoding="utf-8")
    assert cache.cache_file("word-table", [a, b]) != before
    assert cache.cache_file("word-table", [a, tmp_path / "missing.tsv"]) is None


def test_the_session_ranks_with_the_packed_table():
    # conftest.py writes the table before the session: what every run after a user's first reads
    assert wordtable.load_word_table().packed


def _restorer(table: wordtable.WordTable) -> Restorer:
    """A restorer whose ranker ranks with ``table`` and the production context models."""
    restorer = Restorer(RestoreConfig())
    production = Ranker.load(restorer.config)
    restorer.__dict__["ranker"] = Ranker(table, restorer.config, production.contexts)
    return restorer


@pytest.fixture(scope="module")
def whole_and_packed(built_table):
    whole = built_table  # built from dict.txt at the session's start, whole
    packed = wordtable._load_word_table()
    assert packed.packed and not whole.packed
    return _restorer(whole), _restorer(packed)


@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
@given(text=NEWSLIKE)
def test_packed_and_whole_tables_restore_alike(whole_and_packed, text):
    whole, packed = whole_and_packed
    assert packed.restore(text) == whole.restore(text)


# -- a hostile or broken cache is rebuilt, never trusted (issue 15, Why 10) -----------------------


def test_a_zero_total_is_rebuilt_not_a_math_error_on_every_run(cache_folder, small_dict):
    built = wordtable._load_word_table()
    (path,) = cache_folder.iterdir()
    path.write_bytes(wordtable._packed(built.freq, 0))  # a valid layout and CRCs, a total of 0
    again = wordtable._load_word_table()
    assert not again.unread and again.total == built.total, "built again"
    healed = wordtable._load_word_table()
    assert healed.unread and healed.total == built.total, "and written again: the cache heals"


def test_a_crafted_record_with_a_good_crc_is_not_trusted(cache_folder, small_dict):
    built = wordtable._load_word_table()
    (path,) = cache_folder.iterdir()
    crafted = dict(built.freq)
    crafted["党建"] = -(10**12)  # a count no table holds; every CRC computed for it
    path.write_bytes(wordtable._packed(crafted, built.total))
    table = wordtable._load_word_table()
    assert table.unread, "the head makes sense: read as packed"
    assert table.count("党建") == built.freq["党建"], "the record was caught and the table rebuilt"


def test_a_fifo_or_dev_zero_at_the_cache_path_neither_hangs_nor_fills_memory(cache_folder, small_dict):
    import threading

    built = wordtable._load_word_table()
    (path,) = cache_folder.iterdir()
    for plant in (lambda: os.mkfifo(path), lambda: os.symlink("/dev/zero", path)):
        path.unlink()
        plant()
        done: list[wordtable.WordTable] = []
        worker = threading.Thread(target=_load_into, args=(done,), daemon=True)
        worker.start()
        worker.join(30)
        assert done, "the load hung on the cache path"
        assert done[0].freq == built.freq


def _load_into(done: list) -> None:
    done.append(wordtable._load_word_table())


def test_an_edit_that_keeps_size_and_mtime_is_not_served_stale(tmp_path, cache_folder):
    a, b = tmp_path / "dict.txt", tmp_path / "user.tsv"
    a.write_text("党建 10 n\n", encoding="utf-8")
    b.write_text("政务\t3\n", encoding="utf-8")
    before = cache.cache_file("word-table", [a, b])
    st = b.stat()
    b.write_text("政务\t4\n", encoding="utf-8")
    os.utime(b, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert b.stat().st_size == st.st_size and b.stat().st_mtime_ns == st.st_mtime_ns
    assert cache.cache_file("word-table", [a, b]) != before


def test_every_record_of_a_packed_table_passes_its_own_check():
    """A character that is a word but starts no longer one (here 群) packs an empty word
    list; reading it back must not be taken for damage (which rebuilt the whole table,
    about a second, on every run)."""
    freq = {"党": 5, "党建": 3, "党委": 2, "群": 4, "业": 0, "业务": 7}
    table = wordtable._unpacked(wordtable._packed(freq, sum(freq.values())))
    assert table is not None and table.rebuild is None  # a damaged record would raise
    table.ensure_starting("".join(table.unread))
    assert table.freq == freq
