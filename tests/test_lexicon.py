"""The common-word list: what it holds, what it must never hold, and what it does to answers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import toponyms
from toponyms import index as _index
from toponyms.lexicon import (
    alternatives,
    is_common_word,
    is_german_word,
    is_surname,
    is_water_body,
    names_a_word,
)
from toponyms.scoring import default_threshold

LIST = Path(toponyms.__file__).with_name("_data") / "common_words.txt"


def _words() -> list[str]:
    """The common words: the list less its last section, the names that are words."""
    text = LIST.read_text(encoding="utf-8").partition("# names that are words\n")[0]
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def _named_words() -> list[str]:
    after = LIST.read_text(encoding="utf-8").partition("# names that are words\n")[2]
    return after.partition("# German words\n")[0].splitlines()


def _german_words() -> list[str]:
    return LIST.read_text(encoding="utf-8").partition("# German words\n")[2].splitlines()


@pytest.mark.parametrize(
    "word", ["Kremlin", "Prigozhin", "Пригожин", "суспільне", "Suspilne", "Belgrade", "Туреччина"]
)
def test_common_words_and_names_are_known(word: str) -> None:
    assert is_common_word(word)


@pytest.mark.parametrize(
    "word",
    ["Kherosn", "Pokrosvk", "Мирноград", "Pokrovsk", "Росії", "Kyiv's", "Crimea's", "", "  "],
)
def test_typos_and_place_names_are_not_common_words(word: str) -> None:
    # Росії (of Russia) is a case form of a name; romanized, it would meet "росии" on the list.
    assert not is_common_word(word)


def test_the_list_states_its_source_and_licence() -> None:
    lines = LIST.read_text(encoding="utf-8").splitlines()
    header = " ".join(line for line in lines if line.startswith("#"))
    assert "wordfreq 3.1.1" in header
    assert "CC BY-SA 4.0" in header


def test_no_word_on_the_list_is_a_name_in_the_gazetteer() -> None:
    """A place's own name (or its case form, built in) must never count against it."""
    index = _index.shipped_index()
    words = _words()
    assert len(words) > 100_000
    main, _, more = LIST.read_text(encoding="utf-8").partition("# other languages\n")
    more = more.partition("# names that are words\n")[0]
    sections = (main, more, "\n".join(_named_words()), "\n".join(_german_words()))
    for section in sections:  # each sorted: the build is deterministic
        listed = [w for w in section.splitlines() if w and not w.startswith("#")]
        assert listed == sorted(set(listed))
    names = [w for w in words if index.exact(w)]
    assert names == []


@pytest.mark.parametrize(
    "query", ["Kremlin", "Prigozhin", "Пригожин", "Аксёнов", "Токио", "Вена", "Monday", "батальон"]
)
def test_a_common_word_near_a_place_is_no_match(query: str) -> None:
    assert toponyms.resolve(query) is None
    # The near place is still offered for review, with a low confidence.
    found = toponyms.candidates(query, limit=1)
    assert not found or found[0].confidence < default_threshold()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Saki", "Saky"),  # exactly Саки romanized: a word elsewhere, still the place
        ("Kherosn", "Kherson"),  # one swap; Khorosna and Khorosno, two typing edits off, no rivals
        ("Kyiv's", "Kyiv"),  # an English possessive of a name is not on the list
        ("Soykrne", "Sokyrne"),  # one swap; Sofyne is two edits off and no rival
    ],
)
def test_places_are_still_found(query: str, expected: str) -> None:
    m = toponyms.resolve(query)
    assert m is not None and m.name == expected


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Oleksandr Syrskyi", True),
        ("Владимир Путин", True),
        ("Путин Владимир", True),
        ("Alexander Lukashenko", True),
        ("Maksym Zhorin", True),
        ("за Авдіївкою", False),  # за is no name, however coarse the key (Зоя)
        ("Часів Яр", False),
        ("Oleksandr", False),  # one word: a name or a village's first part
        ("Volodymyr Oleksandrovych Zelenskyi Jr", False),
    ],
)
def test_persons_names_read_by_their_given_name(text: str, person: bool) -> None:
    from toponyms.lexicon import is_person_name

    assert is_person_name(text) is person


@pytest.mark.parametrize("word", ["Moscú", "Kijowa", "Umaņa"])
def test_a_name_in_another_language_is_no_common_word(word: str) -> None:
    """An exonym of a large city (Spanish Moscú), a name's case (Polish Kijowa: of Kyiv) or a
    recorded spelling (Latvian Umaņa) is that name in its language, whatever else it means."""
    assert not is_common_word(word)


@pytest.mark.parametrize("word", ["Walki", "Połowa", "Kluczowe"])
def test_words_of_other_languages_are_common_words_of_their_tier(word: str) -> None:
    assert is_common_word(word)
    assert not is_common_word(word, other_languages=False)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Siwerskyj Donez", True),  # German spelling, the key reads it as the Ukrainian
        ("Северский Донец", True),
        ("Kakhovka Reservoir", True),
        ("Pokrovsk", False),
    ],
)
def test_water_bodies_in_any_spelling(query: str, expected: bool) -> None:
    assert is_water_body(query) is expected


def test_a_water_body_is_no_place_unless_a_place_bears_its_name() -> None:
    assert toponyms.lookup("Seversky Donets").status is toponyms.Status.NOT_A_PLACE
    assert toponyms.normalize("Oskil") == "Oskil"  # the river's village
    found = toponyms.extract("Russen am Siwerskyj Donez bei Bilohoriwka")
    assert [m.text for m in found] == ["Bilohoriwka"]


@pytest.mark.parametrize("query", ["Києві", "Львові"])
def test_a_word_typed_with_latin_look_alikes_is_read_as_the_resolver_reads_it(query: str) -> None:
    """wordfreq lists "києвi" with a Latin i; the resolver reads it as the Cyrillic word, a case
    form of Kyiv's name, so the list must not hold it as a common word."""
    assert not is_common_word(query.lower())
    assert toponyms.lookup(query).status is toponyms.Status.IDENTIFIED


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Zełenski", True),  # Polish, the key reads it as the Ukrainian
        ("Гладков", True),
        ("Syrskyi", True),
        ("Pokrovsk", False),
        ("Гладкове", False),
    ],
)
def test_officials_surnames_in_any_spelling(query: str, expected: bool) -> None:
    assert is_surname(query) is expected


def test_an_officials_surname_is_no_near_miss_but_a_place_keeps_its_name() -> None:
    # Zełenski ~ Tselinsky District, Богомаз ~ Bohomazy: a person, not a near miss
    for surname in ("Zełenski", "Zelenskis", "Богомаз", "Гладков"):
        assert toponyms.lookup(surname).status is toponyms.Status.NOT_A_PLACE
    assert toponyms.lookup("Богомази").name == "Bohomazy"  # the village's own name
    assert toponyms.lookup("Буданов").name is not None  # a village's Russian name, exactly


_LETTERS = st.sampled_from(list("abAB-.' ıİсС"))
_WORDS = st.lists(st.text(_LETTERS, min_size=1, max_size=6), min_size=1, max_size=12)


@settings(max_examples=300, deadline=None)
@given(_WORDS, st.lists(st.integers(0, 11), max_size=20), st.text(_LETTERS, max_size=30))
def test_alternatives_match_as_the_plain_alternation(
    words: list[str], picks: list[int], noise: str
) -> None:
    """The tree of shared beginnings finds what the plain alternation, longest first, finds:
    the same spans in a text of the words, in any letter case, with noise between them."""
    plain = "|".join(map(re.escape, sorted(set(words), key=len, reverse=True)))
    text = noise.join(words[p % len(words)] for p in picks) + noise + " ".join(words).upper()
    for template in (r"(?<!\w)(?:{})(?!\w)", r"(?:{})"):
        expected = re.compile(template.format(plain), re.IGNORECASE)
        tree = re.compile(template.format(alternatives(words)), re.IGNORECASE)
        found = [m.span() for m in tree.finditer(text)]
        assert found == [m.span() for m in expected.finditer(text)]


def test_alternatives_of_nothing_match_nothing() -> None:
    assert re.search(alternatives([]), "anything") is None


def test_names_that_are_words_are_small_places_names() -> None:
    """The last section: names of villages and towns that are frequent words, which a sentence
    may open with; no city's."""
    index = _index.shipped_index()
    named = _named_words()
    assert 500 < len(named) < 5_000
    for word in named:
        places = [index.place(index.name_place[slot]) for slot in index.exact(word)]
        assert places and all(p.kind in ("town", "village", "settlement") for p in places), word
    for word in ("Атаки", "Піски", "Добре"):
        assert names_a_word(word), word
    for word in ("Покровськ", "Авдіївка", "Kupiansk", "атака"):
        assert not names_a_word(word), word


def test_german_words_are_a_section_of_the_common_words() -> None:
    german = _german_words()
    assert len(german) > 5_000
    assert set(german) <= set(_words())
    for word in ("Zielen", "Schäden", "Medien"):
        assert is_german_word(word), word
    for word in ("Pobjeda", "Wesele", "Kupjansk", "Pokrowsk"):
        assert not is_german_word(word), word
