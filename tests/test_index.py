"""The candidate index: its fuzzy search finds what a scan of every key would find."""

from __future__ import annotations

import pickle
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import process
from rapidfuzz.distance import OSA, Levenshtein

from toponyms.index import Index, _cuts, max_edits
from toponyms.index import shipped_index as _shipped_index
from toponyms.keys import key

SYMBOLS = "012abdfiklmnpqrstuvx"  # the alphabet keys are written in (keys.py)


@pytest.fixture(scope="module")
def index() -> Index:
    return _shipped_index()


@pytest.fixture(scope="module")
def keys(index: Index) -> list[str]:
    return sorted(index._by_key)


def scan(keys: list[str], k: str, distance: Any = Levenshtein.distance) -> list[tuple[str, int]]:
    """Every key within the budget of ``k`` by brute force, as (key, OSA distance), sorted."""
    if max_edits(len(k)) == 0:
        return []
    found = [
        (other, OSA.distance(k, other))
        for other, _, _ in process.extract(
            k, keys, scorer=distance, score_cutoff=max_edits(len(k)), limit=None
        )
        if other != k and distance(k, other) <= max_edits(len(other))
    ]
    return sorted(found, key=lambda item: (item[1], item[0]))


def check(index: Index, keys: list[str], k: str) -> None:
    """fuzzy_keys finds every key within the edit budget counted as Levenshtein (complete, by
    the pigeonhole argument), may add keys within it only as OSA counts (a transposition as one
    edit), reports OSA distances, and keeps the 40 nearest."""
    got = index.fuzzy_keys(k)
    assert got == sorted(got, key=lambda item: (item[1], item[0])) and len(got) <= 40
    upper = dict(scan(keys, k, OSA.distance))
    assert all(upper.get(other) == d for other, d in got)
    last = got[-1] if len(got) == 40 else None
    for other, d in scan(keys, k):
        if last is None or (d, other) < (last[1], last[0]):
            assert (other, d) in got


@st.composite
def garbled_keys(draw: st.DrawFn, keys: list[str]) -> str:
    """A key of the gazetteer with up to three random insertions, deletions or substitutions."""
    k = list(draw(st.sampled_from(keys)))
    for _ in range(draw(st.integers(0, 3))):
        op = draw(st.sampled_from("ids"))
        at = draw(st.integers(0, len(k)))
        if op == "i":
            k.insert(at, draw(st.sampled_from(SYMBOLS)))
        elif k:
            at = min(at, len(k) - 1)
            if op == "d":
                del k[at]
            else:
                k[at] = draw(st.sampled_from(SYMBOLS))
    return "".join(k)


def test_segments_cover_the_key_and_outnumber_its_edits() -> None:
    for length in range(1, 40):
        cuts = _cuts(length)
        assert len(cuts) == max_edits(length) + 1
        assert sum(n for _, n in cuts) == length
        assert [s for s, _ in cuts] == sorted({s for s, _ in cuts})  # in order, no overlap


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_fuzzy_keys_agrees_with_a_full_scan(
    index: Index, keys: list[str], data: st.DataObject
) -> None:
    check(index, keys, data.draw(garbled_keys(keys)))


@pytest.mark.parametrize("k", ["", "a", "ab", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"])
def test_fuzzy_keys_on_short_and_unknown_keys(index: Index, keys: list[str], k: str) -> None:
    check(index, keys, k)


@settings(max_examples=100, deadline=None)
@given(data=st.data())
def test_fuzzy_keys_of_any_reading_is_each_keys_nearest(
    index: Index, keys: list[str], data: st.DataObject
) -> None:
    readings = data.draw(st.lists(garbled_keys(keys), min_size=1, max_size=4))
    merged = dict(index.fuzzy_keys_of_any(readings))
    each: dict[str, int] = {}
    for k in readings:
        for other, edits in index.fuzzy_keys(k):
            each[other] = min(edits, each.get(other, edits))
    nearest = sorted(each.items(), key=lambda item: (item[1], item[0]))[: len(merged)]
    assert sorted(merged.items(), key=lambda item: (item[1], item[0])) == nearest


def test_a_transposition_counts_as_one_edit(index: Index) -> None:
    # "Atnrtsyt" for Antratsyt: two neighbours swapped and a letter dropped, three Levenshtein
    # edits, two as OSA counts them.
    target, garbled = key("Antratsyt"), key("Atnrtsyt")
    assert Levenshtein.distance(target, garbled) == 3 and OSA.distance(target, garbled) == 2
    assert (target, 2) in index.fuzzy_keys(garbled)


def test_index_pickles_without_its_segment_table(index: Index) -> None:
    index.fuzzy_keys("pkrfsk")  # builds the segment table
    copy = pickle.loads(pickle.dumps(index))
    assert copy._segments is None
    assert copy.fuzzy_keys("pkrfsk") == index.fuzzy_keys("pkrfsk")
    assert copy.place(0) == index.place(0) and len(copy) == len(index)
