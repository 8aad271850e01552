"""Case forms: the table of real inflected names, the engine's promises, the rules file format."""

from __future__ import annotations

import csv
import doctest
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from toponyms.errors import SchemeError
from toponyms.text import forms
from toponyms.text.forms import MAX_CANDIDATES, nominative_candidates, split_preposition

TABLE = Path(__file__).parent / "data" / "case_forms.csv"
DOCS = Path(__file__).parents[1] / "docs" / "forms.md"


def _table() -> list[dict[str, str]]:
    with TABLE.open(encoding="utf-8") as file:
        return list(csv.DictReader(file))


ROWS = _table()
LATIN_TABLE = Path(__file__).parent / "data" / "latin_case_forms.csv"
with LATIN_TABLE.open(encoding="utf-8") as _file:
    LATIN_ROWS = list(csv.DictReader(_file))


def test_table_covers_both_languages_and_every_pattern() -> None:
    langs = [row["lang"] for row in ROWS]
    assert langs.count("uk") >= 150 and langs.count("ru") >= 150
    notes = " ".join(row["note"] for row in ROWS)
    patterns = ("-ськ", "-ка", "-ів", "-ово", "adjectival", "hyphenated", "plural", "possessive")
    for pattern in patterns:
        assert pattern in notes, pattern


@pytest.mark.parametrize(
    "row", ROWS, ids=[f"{row['lang']}:{row['form']}->{row['nominative']}" for row in ROWS]
)
def test_table_nominative_is_among_candidates(row: dict[str, str]) -> None:
    assert row["nominative"].lower() in nominative_candidates(row["form"])


def test_latin_table_covers_the_languages_that_decline_romanized_names() -> None:
    langs = [row["lang"] for row in LATIN_ROWS]
    for lang in ("pl", "cs", "sk", "hr", "lt", "lv"):
        assert langs.count(lang) >= 2, lang
    assert len(LATIN_ROWS) >= 70


@pytest.mark.parametrize(
    "row", LATIN_ROWS, ids=[f"{r['lang']}:{r['form']}->{r['nominative']}" for r in LATIN_ROWS]
)
def test_latin_nominative_is_among_candidates(row: dict[str, str]) -> None:
    assert row["nominative"].lower() in nominative_candidates(row["form"])


def test_each_script_is_read_by_its_own_rules() -> None:
    cyrillic = nominative_candidates("у Харкові")
    assert "харків" in cyrillic
    assert not any(ch.isascii() and ch.isalpha() for word in cyrillic for ch in word)
    latin = nominative_candidates("u Harkivu")
    assert "harkiv" in latin
    assert not any("\u0400" <= ch <= "\u04ff" for word in latin for ch in word)


def test_latin_preposition_comes_off_and_ranks_readings() -> None:
    assert nominative_candidates("pod Bachmutem")[:2] == ("bachmutem", "bachmut")
    assert split_preposition("w Pokrowsku") == ("w", "Pokrowsku")
    assert split_preposition("u Bachmutu") == ("u", "Bachmutu")


@pytest.mark.parametrize(
    ("form", "nominative"),
    [
        ("під Мирноградом", "мирноград"),
        ("в Покровске", "покровск"),
        ("у Покровську", "покровськ"),
        ("Харкові", "харків"),
        ("Новой Каховке", "новая каховка"),
        ("Нової Каховки", "нова каховка"),
        ("Покровського району", "покровський район"),
        ("у Великій Новосілці", "велика новосілка"),
        ("Pokrovsk's", "pokrovsk"),
    ],
)
def test_likely_nominative_is_the_first_reading(form: str, nominative: str) -> None:
    candidates = nominative_candidates(form)
    readings = candidates if candidates[0] == nominative else candidates[1:]
    assert readings[0] == nominative


def test_phrase_without_preposition_comes_first() -> None:
    assert nominative_candidates("у  Покровському")[0] == "покровському"
    assert nominative_candidates("Покровське")[0] == "покровське"


def test_preposition_that_rules_out_the_nominative_puts_agreeing_readings_first() -> None:
    # Покровська is also a village name; after біля (genitive) the town comes first.
    candidates = nominative_candidates("біля Покровська")
    assert candidates.index("покровськ") < candidates.index("покровська")
    # в + accusative can stand before a nominative-looking name: the phrase stays first.
    assert nominative_candidates("в Покровськ")[0] == "покровськ"


def test_preposition_decides_between_readings_of_one_ending() -> None:
    # -овом: the noun Харьков in the instrumental, the adjective Вербовое in the locative.
    under = nominative_candidates("под Харьковом")
    assert under[1] == "харьков"
    within = nominative_candidates("в Вербовом")
    assert within.index("вербовое") < within.index("вербов")


def test_words_of_a_name_must_agree_in_case() -> None:
    candidates = nominative_candidates("Кривого Рогу")
    assert "кривий ріг" in candidates
    assert "кривий рога" not in candidates  # genitive adjective with an accusative noun
    assert "нова каховки" not in nominative_candidates("Новой Каховке")


def test_uninflected_first_part_of_hyphenated_name_is_kept() -> None:
    assert "кам'янець-подільський" in nominative_candidates("Кам'янець-Подільського")


def test_ukrainian_letters_switch_off_russian_rules() -> None:
    candidates = nominative_candidates("Авдіївки")
    assert "авдіївка" in candidates
    assert not any(ch in "ыэъё" for candidate in candidates for ch in candidate)


def test_russian_only_preposition_switches_off_ukrainian_rules() -> None:
    candidates = nominative_candidates("во Львове")
    assert "львов" in candidates
    assert not any(ch in "іїєґ" for candidate in candidates for ch in candidate)


def test_english_possessive_ends_the_name() -> None:
    assert nominative_candidates("in Pokrovske's outskirts")[0] == "pokrovske"
    assert nominative_candidates("Donbas' mines")[0] == "donbas"
    assert nominative_candidates("Kharkiv’s")[0] == "kharkiv"


def test_blank_input_gives_no_candidates() -> None:
    assert nominative_candidates("") == ()
    assert nominative_candidates(" \t\n") == ()


def test_non_string_raises_type_error_naming_the_type() -> None:
    with pytest.raises(TypeError, match="NoneType"):
        nominative_candidates(None)  # type: ignore[arg-type]


def test_long_input_stays_bounded_and_keeps_the_input() -> None:
    text = " ".join(["Покровського району"] * 5000)
    candidates = nominative_candidates(text)
    assert len(candidates) <= MAX_CANDIDATES
    assert " ".join(text.lower().split()) in candidates


def test_split_preposition() -> None:
    assert split_preposition("під  Мирноградом") == ("під", "Мирноградом")
    assert split_preposition("Мирноград") == ("", "Мирноград")
    assert split_preposition("near Bakhmut") == ("near", "Bakhmut")
    assert split_preposition("в") == ("", "в")
    assert split_preposition("Подо-Калинівка") == ("", "Подо-Калинівка")


@given(st.text(max_size=200))
def test_any_text_gives_bounded_unique_lower_case_candidates_with_the_input(text: str) -> None:
    candidates = nominative_candidates(text)
    assert len(candidates) <= MAX_CANDIDATES
    assert len(set(candidates)) == len(candidates)
    assert all(candidates)
    raw = " ".join(text.lower().split())
    assert (raw in candidates) if raw else candidates == ()
    assert nominative_candidates(text) == candidates


_CYRILLIC_WORDS = st.text(
    alphabet="абвгґдеєжзиіїйклмнопрстуфхцчшщьюяыэёъ'-", min_size=1, max_size=20
)


@given(st.lists(_CYRILLIC_WORDS, min_size=1, max_size=6))
def test_cyrillic_phrases_stay_bounded(words: list[str]) -> None:
    phrase = " ".join(words)
    candidates = nominative_candidates(phrase)
    assert 1 <= len(candidates) <= MAX_CANDIDATES
    assert " ".join(phrase.split()) in candidates


SINGLE_WORD_ROWS = [row for row in ROWS if row["lang"] != "en" and " " not in row["form"]]


@pytest.mark.parametrize("row", SINGLE_WORD_ROWS[:60])
def test_preposition_before_a_table_form_keeps_its_nominative(row: dict[str, str]) -> None:
    preposition = "біля" if row["lang"] == "uk" else "около"
    candidates = nominative_candidates(f"{preposition} {row['form']}")
    assert row["nominative"].lower() in candidates


def _rules_with(**overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "classes": {"uk": {"C": "бв"}, "ru": {"C": "бв"}, "latn": {}},
        "letters": {"uk": "і", "ru": "ы"},
        "prepositions": {
            "uk": {"в": "al"},
            "ru": {"в": "al"},
            "latn": {"w": "al"},
            "en": {"in": ""},
        },
        "possessive": {"endings": {"'s": ""}},
        "uk": [{"why": "", "rules": {"а": [["", "g"]]}}],
        "ru": [{"why": "", "rules": {"{C}а": [["{C}", "g"]]}}],
        "latn": [{"why": "", "rules": {"u": [["", "l"]]}}],
    }
    data.update(overrides)
    return data


def test_rules_compile_and_expand_letter_classes() -> None:
    rules = forms._compile(_rules_with())
    assert set(rules.suffixes["ru"]) == {"ба", "ва"}
    assert rules.suffixes["ru"]["ба"][0][0] == "б"


@pytest.mark.parametrize(
    "bad",
    [
        {"uk": [{"why": "", "rules": {"а": [["", "q"]]}}]},  # unknown case letter
        {"uk": [{"why": "", "rules": {"{X}а": [["", "g"]]}}]},  # unknown letter class
        {"uk": [{"why": "", "rules": {"а": [["{C}", "g"]]}}]},  # class only in the replacement
        {"prepositions": {"uk": {}}},  # missing languages
        {"prepositions": {"uk": {}, "ru": {}, "en": {}}},  # no Latin prepositions
        {"latn": [{"why": "", "rules": {"u": [["", "x"]]}}]},  # unknown case letter, Latin set
        {"uk": "not a list"},
    ],
)
def test_malformed_rules_raise_scheme_error(bad: dict[str, object]) -> None:
    with pytest.raises(SchemeError):
        forms._compile(_rules_with(**bad))


def test_docs_examples_are_real_output() -> None:
    names = {"nominative_candidates": nominative_candidates, "split_preposition": split_preposition}
    result = doctest.testfile(str(DOCS), module_relative=False, globs=names)
    assert result.attempted >= 6
    assert result.failed == 0


def test_duplicate_key_in_rules_file_is_refused() -> None:
    with pytest.raises(SchemeError, match="twice"):
        forms._unique_keys([("а", 1), ("а", 2)])
