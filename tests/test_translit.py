"""Transliteration: every scheme against its published samples, then the engine's promises."""

from __future__ import annotations

import json
import threading
import unicodedata
from importlib import resources

import pytest

from toponyms.errors import SchemeError
from toponyms.text import translit
from toponyms.text.translit import get_scheme, schemes, transliterate

REQUIRED_SCHEMES = {
    "uk-kmu2010",
    "uk-bgn-pcgn-1965",
    "uk-iso9",
    "uk-scientific",
    "ru-bgn-pcgn",
    "ru-gost-7.79b",
    "ru-iso9",
    "ru-scientific",
    "ru-loc",
    "ru-news",
    "uk-de",
    "uk-pl",
    "ru-de",
    "ru-pl",
}


def _samples() -> list[tuple[str, str, str]]:
    return [
        (scheme_id, cyrillic, latin)
        for scheme_id in schemes()
        for cyrillic, latin in get_scheme(scheme_id).samples
    ]


@pytest.mark.parametrize(("scheme_id", "cyrillic", "latin"), _samples())
def test_scheme_reproduces_its_published_samples(scheme_id: str, cyrillic: str, latin: str) -> None:
    assert transliterate(cyrillic, scheme_id) == latin


def test_every_required_scheme_is_shipped() -> None:
    assert set(schemes()) >= REQUIRED_SCHEMES
    assert list(schemes()) == sorted(schemes())


@pytest.mark.parametrize("scheme_id", sorted(REQUIRED_SCHEMES))
def test_scheme_file_carries_source_language_and_samples(scheme_id: str) -> None:
    path = resources.files("toponyms.text").joinpath("schemes", f"{scheme_id}.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert {"name", "description", "url", "language", "mapping", "samples"} <= set(data)
    assert data["url"].startswith("https://")
    assert data["language"] == scheme_id.split("-")[0]
    assert len(data["samples"]) >= 1
    scheme = get_scheme(scheme_id)
    assert scheme.id == scheme_id
    # Every Cyrillic letter of the scheme's alphabet has a rule, so nothing slips through.
    alphabet = "абвгдежзийклмнопрстуфхцчшщьюя" + ("ґєії'" if scheme.language == "uk" else "ёъыэ")
    assert set(alphabet) <= set(scheme.mapping)


# The examples the gazetteer build relies on (KMU 2010, the national system).
KMU_EXAMPLES = [
    ("Покровськ", "Pokrovsk"),
    ("Мирноград", "Myrnohrad"),
    ("Київ", "Kyiv"),
    ("Запоріжжя", "Zaporizhzhia"),
    ("Єнакієве", "Yenakiieve"),
    ("Згурівка", "Zghurivka"),
    ("Кам'янське", "Kamianske"),
    ("Кам’янське", "Kamianske"),
    ("Камʼянське", "Kamianske"),
    ("Олександрівка", "Oleksandrivka"),
    ("Харків", "Kharkiv"),
    ("Біла Церква", "Bila Tserkva"),
    ("Ізюм", "Izium"),
    ("Ярмолинці", "Yarmolyntsi"),
    ("Юрій", "Yurii"),
    ("Стрий", "Stryi"),
    ("Ґорґани", "Gorgany"),
    ("Щербухи", "Shcherbukhy"),
    ("Знам'янка", "Znamianka"),
    ("Розгон", "Rozghon"),
    ("Яготин", "Yahotyn"),
    ("Рівне", "Rivne"),
    ("Луганськ", "Luhansk"),
]


@pytest.mark.parametrize(("cyrillic", "latin"), KMU_EXAMPLES)
def test_kmu2010_is_the_default_scheme(cyrillic: str, latin: str) -> None:
    assert transliterate(cyrillic) == latin


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("ЖИТОМИР", "ZHYTOMYR"),
        ("ЩУКА", "SHCHUKA"),
        ("Щ", "Shch"),
        ("Щука", "Shchuka"),
        ("ЄНАКІЄВЕ", "YENAKIIEVE"),
        ("ЗГУРІВКА", "ZGHURIVKA"),
        ("київ", "kyiv"),
        ("ХАРКІВ і Київ", "KHARKIV i Kyiv"),
        ("ОЛЕКСАНДРІЯ", "OLEKSANDRIIA"),
    ],
)
def test_case_follows_the_source_word(cyrillic: str, latin: str) -> None:
    assert transliterate(cyrillic) == latin


def test_word_initial_rules_restart_after_hyphen_and_space_but_not_apostrophe() -> None:
    assert transliterate("Юр'ївка-Ясне Єлизаветівка") == "Yurivka-Yasne Yelyzavetivka"
    assert transliterate("Мар'їне") == "Marine"


def test_non_cyrillic_text_passes_through() -> None:
    text = "Kyiv, 2024: O'Brien's report (№ 5) — ok?"
    assert transliterate(text) == text
    assert transliterate("Bakhmut/Бахмут") == "Bakhmut/Bakhmut"


def test_decomposed_input_is_composed_first() -> None:
    decomposed = unicodedata.normalize("NFD", "Йосипівка Їжакевич")
    assert transliterate(decomposed) == "Yosypivka Yizhakevych"


def test_unmapped_characters_follow_the_errors_policy() -> None:
    # Ukrainian ї has no rule in a Russian table; Georgian has none anywhere.
    assert transliterate("Київ თბილისი", "ru-bgn-pcgn") == "Kiїv თბილისი"
    assert transliterate("Київ თბილისი", "ru-bgn-pcgn", errors="ignore") == "Kiv "
    assert transliterate("Київ თბილისი", "ru-bgn-pcgn", errors="anyascii") == "Kiiv tbilisi"
    with pytest.raises(ValueError, match="errors must be one of"):
        transliterate("Київ", errors="strict")  # type: ignore[arg-type]


def test_unknown_scheme_raises_scheme_error_listing_the_known_ones() -> None:
    with pytest.raises(SchemeError) as caught:
        transliterate("Київ", "uk-klingon")
    assert isinstance(caught.value, ValueError)
    assert "uk-klingon" in str(caught.value)
    assert "uk-kmu2010" in str(caught.value)
    with pytest.raises(SchemeError):
        transliterate("Київ", "../uk-kmu2010")


@pytest.mark.parametrize("value", [None, b"\xd0\x9a", 42, ["Київ"]])
def test_non_str_text_raises_type_error_naming_the_type(value: object) -> None:
    with pytest.raises(TypeError, match=type(value).__name__):
        transliterate(value)  # type: ignore[arg-type]


def test_aliases_resolve_to_the_same_scheme() -> None:
    assert get_scheme("uk-national") is get_scheme("uk-kmu2010")
    assert get_scheme("ru-wikipedia") is get_scheme("ru-news")
    assert get_scheme("ru-gost-7.79a") is get_scheme("ru-iso9")
    assert transliterate("Київ", "uk-ungegn") == "Kyiv"


def test_scheme_files_are_read_once_even_under_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(translit, "_loaded", {})
    reads = []
    original = translit.Scheme.from_json

    def counting(scheme_id: str, data: dict[str, object]) -> translit.Scheme:
        reads.append(scheme_id)
        return original(scheme_id, data)

    monkeypatch.setattr(translit.Scheme, "from_json", counting)
    results: list[translit.Scheme] = []
    threads = [
        threading.Thread(target=lambda: results.append(get_scheme("uk-pl"))) for _ in range(16)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert reads == ["uk-pl"]
    assert all(result is results[0] for result in results)


def test_russian_tables_agree_with_iuliia() -> None:
    """Our copies of iuliia's Russian tables, run by our engine, against iuliia itself."""
    iuliia = pytest.importorskip("iuliia")
    words = "Красноармейск Артемовск Авдеевка Подъярский Щёлково Йошкар-Ола Усолье Тыайа Бийск"
    pairs = {
        "ru-bgn-pcgn": iuliia.BGN_PCGN,
        "ru-iso9": iuliia.GOST_779,
        "ru-gost-7.79b": iuliia.GOST_779_ALT,
        "ru-scientific": iuliia.SCIENTIFIC,
        "ru-loc": iuliia.ALA_LC,
    }
    for scheme_id, schema in pairs.items():
        theirs = schema.translate(words).replace("ё", "ë").replace("Ё", "Ë")
        assert transliterate(words, scheme_id) == theirs, scheme_id
