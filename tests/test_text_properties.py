"""Properties of the text layer over any input (Hypothesis): nothing crashes, clean is
idempotent, keys are stable, and long inputs are processed in one linear pass."""

from __future__ import annotations

import os
import re
import time
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toponyms import keys
from toponyms.keys import key
from toponyms.text import normalize
from toponyms.text.normalize import APOSTROPHES, clean, split_descriptors
from toponyms.text.translit import schemes, transliterate

# Any code point, lone surrogates included (Hypothesis leaves them out unless asked).
ANY_TEXT = st.text(st.characters(exclude_categories=()), max_size=60)
# Text that looks like what reports contain: both scripts, look-alikes, apostrophes, dashes,
# quotes, controls and zero-width characters, in any order.
MESSY = st.text(
    st.sampled_from(
        "абвгґдеєжзиіїйклмнопрстуфхцчшщьюяёъыэАБВГЄІЇЙХЦЧЩЯabcdehikmoptxyzACEHKMOPTXwjł"
        + APOSTROPHES
        + ' -\u2013\u2014\u00a0\t\n\u200b\u200d\ufeff\u00ad\x00«»"“”()[]·.,0123456789ŉİß'
    ),
    max_size=40,
)
TEXT = st.one_of(ANY_TEXT, MESSY)
UKRAINIAN_WORD = st.lists(
    st.tuples(
        st.sampled_from("бвгґджзклмнпрстфхцчшщ"),
        st.sampled_from(["", "ь"]),
        st.sampled_from("аеєиіїоуюя"),
    ),
    min_size=1,
    max_size=5,
).map(lambda syllables: "".join("".join(syllable) for syllable in syllables).capitalize())


@given(TEXT)
def test_clean_is_idempotent(text: str) -> None:
    once = clean(text)
    assert clean(once) == once


@given(st.from_regex(normalize._ALREADY_CLEAN, fullmatch=True))
def test_text_clean_skips_is_clean(text: str) -> None:
    # clean() returns such text as it is, without running the cleaning itself.
    assert normalize._clean.__wrapped__(text) == text


@given(st.from_regex(normalize._CLEAN_BUT_FOR_CASE, fullmatch=True))
def test_text_clean_lowers_is_clean_but_for_case(text: str) -> None:
    assert normalize._clean.__wrapped__(text) == text.lower()


@given(st.from_regex(normalize._CLEAN_BUT_FOR_STOPS, fullmatch=True))
def test_text_clean_lowers_and_trims_words_with_stops(text: str) -> None:
    assert normalize._clean.__wrapped__(text) == text.lower().strip(normalize._EDGE_PUNCTUATION)


@given(st.text(st.sampled_from("aZяЁ'- .,;:!?\t\"«(")))
def test_clean_is_one_cleaning_whichever_path_it_takes(text: str) -> None:
    assert clean(text) == normalize._clean.__wrapped__(text)


@given(st.one_of(TEXT, st.text(st.sampled_from("schczxtlsiauwyäłšžčšťșîçığ'- ŞΞξ²٣\u0301"))))
def test_key_reads_like_its_grapheme_by_grapheme_reference(text: str) -> None:
    assert key(text) == _reference_key(text)


def _reference_key(text: str) -> str:
    """key() as a plain reader spells it out: the name's habit always, each word grapheme by
    grapheme, then the symbols merged one at a time."""
    cleaned = clean(text)
    habit = keys._Habit.of(cleaned)
    symbols = "".join(
        "".join(keys._symbols(word, habit)) for word in keys._WORD.findall(cleaned)
    ).replace(keys._NOTHING, "")
    out: list[str] = []
    for symbol in symbols:
        after_t = symbol == "s" and out and out[-1] == "t"
        hardened = symbol in "au" and len(out) > 1 and out[-1] == "i" and out[-2] in "lsqx"
        if after_t or hardened:
            out.pop()
        if not out or out[-1] != symbol or symbol.isdigit():
            out.append(symbol)
    return "".join(out)


@given(TEXT)
def test_clean_output_is_trimmed_folded_and_visible(text: str) -> None:
    cleaned = clean(text)
    assert cleaned == cleaned.strip()
    assert "  " not in cleaned
    assert unicodedata.is_normalized("NFKC", cleaned)
    assert not any(unicodedata.category(char) in ("Cc", "Cs") for char in cleaned)


@given(TEXT)
def test_split_descriptors_returns_a_cleaned_core(text: str) -> None:
    core, kind = split_descriptors(text)
    assert clean(core) == core
    assert kind is None or isinstance(kind, str)


@given(TEXT)
def test_key_is_ascii_stable_and_reads_itself(text: str) -> None:
    k = key(text)
    assert re.fullmatch("[a-z0-9]*", k)
    assert key(k) == k
    assert key(clean(text)) == k


@given(UKRAINIAN_WORD, st.sampled_from([s for s in schemes() if s.startswith("uk-")]))
def test_key_ignores_case_within_one_script(word: str, scheme: str) -> None:
    # Across scripts case can matter: a capital Latin H inside a Cyrillic word is a look-alike
    # of Н, a small h is not (test_normalize has the repair's examples).
    latin = transliterate(word, scheme)
    assert key(word.upper()) == key(word.lower()) == key(word)
    assert key(latin.upper()) == key(latin.lower()) == key(latin)


@given(TEXT, st.sampled_from(schemes()))
def test_transliterate_never_crashes(text: str, scheme: str) -> None:
    assert isinstance(transliterate(text, scheme), str)
    assert isinstance(transliterate(text, scheme, errors="anyascii"), str)


@given(
    st.text(
        st.characters(
            exclude_categories=(), exclude_characters="".join(chr(c) for c in range(0x0400, 0x0530))
        ),
        max_size=40,
    )
)
def test_text_without_cyrillic_passes_through(text: str) -> None:
    assert transliterate(text) == unicodedata.normalize("NFC", text)


@given(UKRAINIAN_WORD, st.sampled_from([s for s in schemes() if s.startswith("uk-")]))
def test_ukrainian_words_key_like_their_transliterations(word: str, scheme: str) -> None:
    latin = transliterate(word, scheme)
    assert not re.search("[\u0400-\u04ff]", latin)
    assert key(latin) == key(word)


LONG_INPUTS = {
    "words": "Покровськ Kharkiv м. Запоріжжя, " * 35_000,
    "apostrophes": "'" * 1_000_000,
    "letters and apostrophes": "a'" * 500_000,
    "whitespace": " \t\u00a0" * 350_000,
    "one long mixed-script word": "Покрoвськ" * 110_000,
    "quotes between letters": 'a"' * 500_000,
    "zero-width": "\u200b" * 1_000_000,
    "one long Cyrillic word": "я" * 1_000_000,
}


@pytest.mark.parametrize("text", LONG_INPUTS.values(), ids=LONG_INPUTS.keys())
def test_megabyte_inputs_are_processed(text: str) -> None:
    # No timing here (speed lives in benchmarks): a regex that backtracked catastrophically
    # on these shapes would not finish at all. The opt-in test below checks the growth.
    assert len(clean(text)) <= len(text)
    assert len(key(text)) <= 2 * len(text)
    assert transliterate(text).count("\u200b") <= len(text)


@pytest.mark.skipif(not os.environ.get("TOPONYMS_TIMING"), reason="timing is opt-in")
@pytest.mark.parametrize("text", LONG_INPUTS.values(), ids=LONG_INPUTS.keys())
def test_work_grows_linearly_with_input(text: str) -> None:
    """Opt-in (TOPONYMS_TIMING=1): eight times the input takes far less than 64 times as long."""
    small = text[: len(text) // 8]
    for function in (clean, key, transliterate):
        timings = []
        for sample in (small, small * 8):
            runs = []
            for _ in range(3):
                start = time.perf_counter()
                function(sample)
                runs.append(time.perf_counter() - start)
            timings.append(min(runs))
        assert timings[1] < 24 * max(timings[0], 1e-3), (function.__name__, timings)


@settings(max_examples=25)
@given(st.integers(min_value=1, max_value=2000))
def test_long_runs_of_one_awkward_character_are_fine(size: int) -> None:
    for char in ["'", "\u0301", "-", "ь", "\u200b", '"']:
        text = f"а{char * size}б"
        assert key(text) == key(clean(text))


_NEAR_CYRILLIC = (
    st.characters(min_codepoint=0x3F0, max_codepoint=0x540)
    | st.characters(min_codepoint=0xA630, max_codepoint=0xA6A5)
    | st.characters()
)


@given(st.text(_NEAR_CYRILLIC, max_size=30))
def test_has_cyrillic_is_any_cyrillic_character(text: str) -> None:
    assert normalize.has_cyrillic(text) == any(map(normalize.is_cyrillic, text))
