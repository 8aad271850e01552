"""The disk cache: corrupt, planted or unwritable files never break a lookup."""

from __future__ import annotations

import marshal
import os
import pickle
import stat
import sys
from pathlib import Path

import pytest

from toponyms import cache


@pytest.fixture
def cache_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TOPONYMS_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(cache, "_warned", False)
    return tmp_path


def test_a_value_is_built_once_then_read(cache_in: Path) -> None:
    calls: list[int] = []
    build = lambda: calls.append(1) or [1, 2, 3]  # noqa: E731
    assert cache.cached("thing-abc.marshal", build, list, cache.expect(list)) == [1, 2, 3]
    assert cache.cached("thing-abc.marshal", build, list, cache.expect(list)) == [1, 2, 3]
    assert calls == [1]


@pytest.mark.parametrize(
    "content",
    [b"\x80\x04", b"junk", b"", marshal.dumps({"a": 1}), pickle.dumps([1])],  # a pickle: refused
)
def test_a_corrupt_or_wrong_cache_file_is_rebuilt(cache_in: Path, content: bytes) -> None:
    path = cache_in / "thing-abc.marshal"
    path.write_bytes(content)
    os.chmod(path, 0o600)
    assert cache.cached("thing-abc.marshal", lambda: [7], list, cache.expect(list)) == [7]
    assert marshal.loads(path.read_bytes()) == [7]  # and written again


@pytest.mark.parametrize("value", [b"", b"12345678" * 1000, bytes(range(256)) * 40])
def test_one_bytes_object_is_read_as_a_view_of_the_file(cache_in: Path, value: bytes) -> None:
    def view(data: object) -> bytes:
        assert isinstance(data, memoryview)  # over the file's contents, not a second copy
        return bytes(data)

    build = lambda: value  # noqa: E731
    assert cache.cached("blob-abc.marshal", build, bytes, view, one_bytes=True) == value
    assert cache.cached("blob-abc.marshal", lambda: b"rebuilt", bytes, view, one_bytes=True) == (
        value
    )


@pytest.mark.parametrize("content", [marshal.dumps([1, 2]), b"s\x05\x00\x00\x00abc", b"s\x01"])
def test_a_file_that_holds_no_single_bytes_object_is_not_read_as_one(
    cache_in: Path, content: bytes
) -> None:
    path = cache_in / "blob-abc.marshal"
    path.write_bytes(content)
    os.chmod(path, 0o600)
    decode = cache.expect(bytes)
    assert cache.cached("blob-abc.marshal", lambda: b"ok", bytes, decode, one_bytes=True) == b"ok"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_a_file_others_may_write_is_not_read(cache_in: Path) -> None:
    path = cache_in / "thing-abc.marshal"
    path.write_bytes(marshal.dumps(["planted"]))
    os.chmod(path, 0o666)
    assert cache.cached("thing-abc.marshal", lambda: ["built"], list, cache.expect(list)) == [
        "built"
    ]
    assert not path.stat().st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def test_other_versions_caches_are_kept_while_in_use(cache_in: Path) -> None:
    other = cache_in / "thing-other.marshal"
    other.write_bytes(marshal.dumps([0]))
    cache.cached("thing-abc.marshal", lambda: [1], list, cache.expect(list))
    assert other.exists()  # another installed version's: recent, so kept
    old = os.stat(other).st_mtime - 40 * 24 * 3600
    os.utime(other, (old, old))
    cache.cached("thing-new.marshal", lambda: [2], list, cache.expect(list))
    assert not other.exists()  # unused for a month: removed


def test_an_unwritable_cache_warns_once_and_still_answers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory", encoding="utf-8")
    monkeypatch.setenv("TOPONYMS_CACHE_DIR", str(blocker / "toponyms"))  # cannot be created
    monkeypatch.setattr(cache, "_warned", False)
    with pytest.warns(RuntimeWarning, match="cannot write its cache"):
        assert cache.cached("thing-abc.marshal", lambda: [1], list, cache.expect(list)) == [1]
    assert cache.cached("thing-abc.marshal", lambda: [1], list, cache.expect(list)) == [
        1
    ]  # no second warning


def test_no_home_directory_means_no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("TOPONYMS_CACHE_DIR", "XDG_CACHE_HOME", "LOCALAPPDATA"):
        monkeypatch.delenv(variable, raising=False)

    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory")

    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    assert cache.cache_dir() is None
    assert cache.cached("thing-abc.marshal", lambda: [3], list, cache.expect(list)) == [3]


def test_the_shipped_caches_hold_plain_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The index, gazetteer and word-list caches round-trip through plain data (no pickle)."""
    from toponyms import gazetteer, index, lexicon

    g = gazetteer.shipped()
    again = gazetteer._decode(marshal.loads(marshal.dumps(gazetteer._encode(g))))
    assert len(again) == len(g) and again["katottg:UA14160210010099403"].name == "Pokrovsk"
    built = index.shipped_index()
    copy = index._decode(marshal.loads(marshal.dumps(index._encode(built))))
    assert copy.exact("покровськ") == built.exact("покровськ")
    assert copy.place(0) == built.place(0)
    hashes = lexicon._load()
    assert lexicon._hashes_of(marshal.loads(marshal.dumps(hashes.tobytes()))) == hashes
    with pytest.raises(TypeError):
        index._decode({"name_text": ["x"]})


def test_data_built_into_the_package_is_read_first(
    cache_in: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    built = tmp_path / "built"
    built.mkdir()
    (built / "thing-abc.marshal").write_bytes(marshal.dumps(["shipped"]))
    monkeypatch.setattr(cache, "_BUILT", built)
    assert cache.cached("thing-abc.marshal", lambda: ["built"], list, cache.expect(list)) == [
        "shipped"
    ]
    assert not (cache_in / "thing-abc.marshal").exists()  # nothing built, nothing written
    os.chmod(built / "thing-abc.marshal", 0o666)  # others may change it: not trusted
    assert cache.cached("thing-abc.marshal", lambda: ["built"], list, cache.expect(list)) == [
        "built"
    ]


def test_a_new_data_version_with_the_same_rows_is_not_read_from_the_old_cache(
    cache_in: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from toponyms import gazetteer

    monkeypatch.setattr(gazetteer, "_shipped", None)
    first = gazetteer.shipped().version
    monkeypatch.setattr(gazetteer, "_shipped", None)
    monkeypatch.setattr(gazetteer, "data_version", lambda: "9999.1.1")
    assert first != "9999.1.1"
    assert gazetteer.shipped().version == "9999.1.1"
