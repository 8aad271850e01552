"""Normalization: the cleaned form, mixed-script repair, and descriptors read off as kind hints."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

import pytest

from toponyms.text.normalize import (
    APOSTROPHES,
    clean,
    is_feminine_accusative,
    repair_descriptor,
    split_descriptors,
)


@pytest.mark.parametrize(
    ("raw", "cleaned"),
    [
        ("  Покровськ  ", "покровськ"),
        ("ЗАПОРІЖЖЯ", "запоріжжя"),
        ("«Бахмут»", "бахмут"),
        ("„Kyiv“", "kyiv"),
        ("(Kyiv)", "kyiv"),
        ("'Київ'", "київ"),
        ("Bila\u00a0\u00a0Tserkva", "bila tserkva"),
        ("Bila\tTserkva\n", "bila tserkva"),
        ("Ivano\u2013Frankivsk", "ivano-frankivsk"),
        ("Ivano\u2014Frankivsk", "ivano-frankivsk"),
        ("Ivano\u2011Frankivsk", "ivano-frankivsk"),
        ("Покров\u200bськ", "покровськ"),
        ("Покровськ\ufeff", "покровськ"),
        ("По\u00adкровськ", "покровськ"),
        ("Pokrovsk\x00", "pokrovsk"),
        ("Ｋｙｉｖ", "kyiv"),
        ("Straße", "strasse"),
        ("Kam”yans’ke", "kam'yans'ke"),
        ("Pokrovsk.", "pokrovsk"),
        ("", ""),
        ("   ", ""),
    ],
)
def test_clean_folds_case_unicode_punctuation_and_invisibles(raw: str, cleaned: str) -> None:
    assert clean(raw) == cleaned


@pytest.mark.parametrize("apostrophe", APOSTROPHES)
def test_every_apostrophe_variant_becomes_one(apostrophe: str) -> None:
    assert clean(f"Кам{apostrophe}янське") == "кам'янське"


@pytest.mark.parametrize(
    ("raw", "cleaned"),
    [
        ("Покрoвськ", "покровськ"),  # Latin o
        ("ПОКPОВСЬК", "покровськ"),  # Latin P
        ("КИЇB", "київ"),  # Latin B
        ("Kharkіv", "kharkiv"),  # Cyrillic і
        ("Мариуполь", "мариуполь"),  # all Cyrillic stays
        ("Kyiv", "kyiv"),
    ],
)
def test_lookalike_letters_take_the_script_of_their_word(raw: str, cleaned: str) -> None:
    assert clean(raw) == cleaned


def test_genuinely_mixed_words_are_left_alone() -> None:
    # Both scripts have letters the other lacks: nothing to repair safely.
    assert clean("Kиївs") == clean("Kиївs").casefold()
    assert "ї" in clean("Kиївs") and "s" in clean("Kиївs")


def test_clean_is_idempotent_on_examples() -> None:
    for raw in ["«Покрoвськ» ", "Kam”yans’ke", "м.Покровськ", "ŉ", "Харків´", "a''b", "x ·y"]:
        assert clean(clean(raw)) == clean(raw)


@pytest.mark.parametrize("value", [None, 1.5, b"Kyiv"])
def test_clean_rejects_non_str_naming_the_type(value: object) -> None:
    with pytest.raises(TypeError, match=type(value).__name__):
        clean(value)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("raw", "core", "kind"),
    [
        ("м. Покровськ", "покровськ", "city"),
        ("м.Покровськ", "покровськ", "city"),
        ("місто Київ", "київ", "city"),
        ("г. Артемовск", "артемовск", "city"),
        ("город Донецк", "донецк", "city"),
        ("смт Покровське", "покровське", "town"),
        ("селище міського типу Нью-Йорк", "нью-йорк", "town"),
        ("пгт Новгородское", "новгородское", "town"),
        ("пос. Нью-Йорк", "нью-йорк", "town"),
        ("с. Роботине", "роботине", "village"),
        ("село Кринки", "кринки", "village"),
        ("деревня Малиновка", "малиновка", "village"),
        ("Донецька область", "донецька", "oblast"),
        ("Донецька обл.", "донецька", "oblast"),
        ("Donetsk region", "donetsk", "oblast"),
        ("Donetsk Oblast", "donetsk", "oblast"),
        ("Покровський район", "покровський", "raion"),
        ("Покровський р-н", "покровський", "raion"),
        ("Pokrovsky district", "pokrovsky", "raion"),
        ("Pokrovskyi raion", "pokrovskyi", "raion"),
        ("Покровська міська територіальна громада", "покровська", "hromada"),
        # Russian text: the type's adjective in Russian, the noun Ukrainian or община
        ("Гуляйпольской городской громады", "гуляйпольской", "hromada"),
        ("Покровської територіальної громади", "покровської", "hromada"),
        ("Хотинской поселковой громаде", "хотинской", "hromada"),
        ("Марьинская городская община", "марьинская", "hromada"),
        ("Покровской сельской территориальной общины", "покровской", "hromada"),
        ("Krasnodar krai", "krasnodar", "federal_subject"),
        ("city of Pokrovsk", "pokrovsk", "city"),
        ("the village of Robotyne", "robotyne", "village"),
        ("Kyiv city", "kyiv", "city"),
        ("urban-type settlement of Kurakhove", "kurakhove", "town"),
        ("Покровськ", "покровськ", None),
        ("Покровськ (Донецька обл.)", "покровськ", None),
        ("м. Покровськ, Покровський район", "покровськ", "city"),
        ("Pokrovsk, Donetsk Oblast", "pokrovsk", None),
        ("Pokrovsk (city)", "pokrovsk", "city"),
        ("Bila Tserkva, Kyiv", "bila tserkva, kyiv", None),
    ],
)
def test_descriptors_come_off_as_kind_hints(raw: str, core: str, kind: str | None) -> None:
    assert split_descriptors(raw) == (core, kind)


@pytest.mark.parametrize(
    ("raw", "core", "kind"),
    [
        ("Gebiet Charkiw", "charkiw", "oblast"),  # German: the unit first
        ("Oblast Odessa", "odessa", "oblast"),
        ("obwód charkowski", "charkowski", "oblast"),  # Polish: an adjective after the unit
        ("région d'Odessa", "odessa", "oblast"),  # French elision
        ("la región de Járkov", "járkov", "oblast"),
        ("regione di Sumy", "sumy", "oblast"),
        ("regiunea Herson", "herson", "oblast"),
        ("the Sumy region", "sumy", "oblast"),
        ("Rajon Pokrowsk", "pokrowsk", "raion"),
        ("Сумської і Харківської областей", "сумської і харківської", "oblast"),  # plural
        ("Херсонска област", "херсонска", "oblast"),  # Bulgarian
        ("Chersonės srityje", "chersonės", "oblast"),  # Lithuanian
        ("Sumu apgabalā", "sumu", "oblast"),  # Latvian
        ("D'yakovo", "d'yakovo", None),  # a word-initial d' elsewhere is a romanized дь
        ("Donezk-Region", "donezk", "oblast"),  # German: joined by a hyphen
        ("Oleksiievo-Druzhkivka", "oleksiievo-druzhkivka", None),  # a hyphenated name stays
    ],
)
def test_units_are_read_in_either_word_order_and_many_languages(
    raw: str, core: str, kind: str | None
) -> None:
    assert split_descriptors(raw) == (core, kind)


@pytest.mark.parametrize("name", ["Нове Село", "Селище", "Город", "Старе Село", "District"])
def test_names_made_of_descriptor_words_survive(name: str) -> None:
    assert split_descriptors(name) == (clean(name), None)


@pytest.mark.parametrize(
    ("raw", "repaired"),
    [
        ("Луцький райнон", "луцький район"),
        ("Bryansk Oelast", "bryansk oblast"),
        ("Donetsk bOlats", "donetsk oblast"),  # two transpositions
        ("Вугледарська гррмада", "вугледарська громада"),
        ("Zabayklsky rKai", "zabayklsky krai"),
        ("Полтавська бласть", "полтавська область"),
    ],
)
def test_a_garbled_unit_descriptor_is_repaired(raw: str, repaired: str) -> None:
    assert repair_descriptor(raw) == repaired


@pytest.mark.parametrize(
    "raw",
    [
        "Kyiv",  # one word
        "Pokrovsk Raion",  # already a descriptor
        "Нове Село",  # a name, not a unit descriptor
        "Херсонський этйон",  # two edits in five letters: too far
        "Stara Hromada",  # the descriptor is right
        "Velyka Bahachka",
    ],
)
def test_words_that_are_no_garbled_descriptor_are_left(raw: str) -> None:
    assert repair_descriptor(raw) is None


@pytest.mark.parametrize(
    ("text", "core"),
    [
        ("Repubblica Popolare di Donetsk", "donetsk"),
        ("Donieckiej Republice Ludowej", "donieckiej"),
        ("Jamhuri ya Watu wa Luhansk", "luhansk"),
        ("Луганской Народной Республики", "луганской"),
        ("the so-called people's republic of Donetsk", "donetsk"),
        ("Donetsk", None),  # no republic named
        ("Republic", None),  # nothing left
        ("Народная Республика", None),
    ],
)
def test_split_republic_keeps_the_name_a_republic_phrase_is_named_after(
    text: str, core: str | None
) -> None:
    from toponyms.text.normalize import split_republic

    assert split_republic(text) == core


@pytest.mark.parametrize(
    ("core", "feminine"),
    [
        ("херсонській", True),
        ("донецької", True),
        ("луганською", True),
        ("донецкой", True),
        ("белгородскую", True),
        ("покровську", False),  # also the locative of Покровськ
        ("покровська", False),  # also its genitive
        ("донецьке", False),
        ("приморський", False),
        ("нова каховка", False),
    ],
)
def test_feminine_adjective_endings(core: str, feminine: bool) -> None:
    from toponyms.text.normalize import is_feminine_adjective

    assert is_feminine_adjective(core) is feminine


@pytest.mark.parametrize(
    ("core", "feminine"),
    [
        ("запорізький", "запорізька"),
        ("запорізького", "запорізька"),
        ("херсонському", "херсонська"),
        ("запорожский", "запорожская"),
        ("донецкого", "донецкая"),
        ("великий", None),  # no -ськ- adjective
        ("донецька", None),  # feminine already
        ("нова каховка", None),
    ],
)
def test_oblast_adjective_is_the_feminine_of_a_masculine_one(
    core: str, feminine: str | None
) -> None:
    from toponyms.text.normalize import oblast_adjective

    assert oblast_adjective(core) == feminine


@pytest.mark.parametrize(
    ("text", "adjective"),
    [
        ("zaporoskiego", True),
        ("donieckim", True),
        ("chersońskiej", True),
        ("doněcké", True),
        ("luhanskej", True),
        ("Doniecki", False),  # capitalised: a name
        ("pokrovsk", False),
        ("ski", False),
    ],
)
def test_latin_unit_adjectives(text: str, adjective: bool) -> None:
    from toponyms.text.normalize import is_latin_unit_adjective

    assert is_latin_unit_adjective(text) is adjective


@pytest.mark.parametrize(
    ("word", "expected"),
    [("краснопільську", True), ("краснопольскую", True), ("покровськ", False),
     ("херсонській", False), ("краснопільську громаду", False)],
)  # fmt: skip
def test_feminine_accusative_adjectives(word: str, expected: bool) -> None:
    assert is_feminine_accusative(word) is expected


def test_word_lists_are_written_as_clean_folds_words() -> None:
    """Every descriptor, filler and word list that cleaned words are looked up in holds words in
    the form clean() gives them (a Greek final ς is σ there: περιφέρειας read as a unit word)."""
    import importlib

    lists: list[tuple[str, Iterable[str]]] = []
    for module_name in ("toponyms.text.normalize", "toponyms.extract"):
        module = importlib.import_module(module_name)
        for name, value in vars(module).items():
            if name in ("_LATIN_TO_CYRILLIC", "_CYRILLIC_TO_LATIN", "_DONBAS_PAIR", "_ANNEXED"):
                continue  # letters, and canonical names
            if isinstance(value, frozenset) and all(isinstance(w, str) for w in value):
                lists.append((f"{module_name}.{name}", value))
            elif isinstance(value, dict) and all(isinstance(k, tuple) for k in value):
                lists.append((f"{module_name}.{name}", [w for k in value for w in k]))
    assert len(lists) > 20
    for name, words in lists:
        unfolded = [w for w in words if unicodedata.normalize("NFKC", w.casefold()) != w]
        assert not unfolded, (name, unfolded)
