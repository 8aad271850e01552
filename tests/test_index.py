"""The candidate index: its fuzzy search finds exactly what a scan of every key would find."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from toponyms.index import Index, _cuts, max_edits
from toponyms.resolver import _shipped_index

SYMBOLS = "012abdfiklmnpqrstuvx"  # the alphabet keys are written in (keys.py)


@pytest.fixture(scope="module")
def index() -> Index:
    return _shipped_index()


@pytest.fixture(scope="module")
def keys(index: Index) -> list[str]:
    return sorted(index._by_key)


def scan(keys: list[str], k: str) -> list[tuple[str, int]]:
    """What fuzzy_keys promises, by brute force over every key."""
    if max_edits(len(k)) == 0:
        return []
    found = [
        (other, d)
        for other, d, _ in process.extract(
            k, keys, scorer=Levenshtein.distance, score_cutoff=max_edits(len(k)), limit=None
        )
        if other != k and d <= max_edits(len(other))
    ]
    return sorted(found, key=lambda item: (item[1], item[0]))[:40]


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
def test_fuzzy_keys_equals_a_full_scan(index: Index, keys: list[str], data: st.DataObject) -> None:
    k = data.draw(garbled_keys(keys))
    assert index.fuzzy_keys(k) == scan(keys, k)


@pytest.mark.parametrize("k", ["", "a", "ab", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"])
def test_fuzzy_keys_on_short_and_unknown_keys(index: Index, keys: list[str], k: str) -> None:
    assert index.fuzzy_keys(k) == scan(keys, k)


def test_index_pickles_without_its_segment_table(index: Index) -> None:
    index.fuzzy_keys("pkrfsk")  # builds the segment table
    copy = pickle.loads(pickle.dumps(index))
    assert copy._segments is None
    assert copy.fuzzy_keys("pkrfsk") == index.fuzzy_keys("pkrfsk")
    assert copy.place(0) == index.place(0) and len(copy) == len(index)
