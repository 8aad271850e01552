"""The gazetteer model and loader: a fixture for the loader, the shipped data for facts."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

import toponyms
from toponyms import Gazetteer, GazetteerError
from toponyms.gazetteer import KINDS, NAME_TYPES, shipped, validate

FIXTURES = Path(__file__).parent / "fixtures"
PLACES, NAMES = FIXTURES / "places.csv", FIXTURES / "names.csv"


@pytest.fixture(scope="module")
def fixture() -> Gazetteer:
    return Gazetteer.from_csv(PLACES, NAMES)


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return shipped()


def by_name(g: Gazetteer, name: str, kind: str) -> list[toponyms.Place]:
    return [p for p in g if p.name == name and p.kind == kind and p.valid_to is None]


# ------------------------------------------------------------------ loader, on the fixture
def test_fixture_loads_with_typed_fields(fixture: Gazetteer) -> None:
    p = fixture["pl:pokrovsk"]
    assert (p.name, p.kind, p.country, p.oblast_id) == ("Pokrovsk", "city", "UA", "ob:14")
    assert p.lat == pytest.approx(48.28014) and p.population == 60127 and p.geonames_id == 704422
    assert fixture.get("nope") is None and "pl:pokrovsk" in fixture and len(fixture) == 6


def test_names_keep_type_and_dates(fixture: Gazetteer) -> None:
    former = [n for n in fixture.names_of("pl:pokrovsk") if n.type == "former"]
    assert {(n.name, n.lang, n.valid_to) for n in former} == {
        ("Красноармійськ", "uk", "2016-05-22"),
        ("Красноармейск", "ru", "2016-05-22"),
    }


def test_without_names_file_places_are_known_by_their_name_columns() -> None:
    g = Gazetteer.from_csv(PLACES)
    assert {n.name for n in g.names_of("pl:pokrovsk")} == {"Pokrovsk", "Покровськ", "Покровск"}


def test_place_and_gazetteer_are_immutable_and_pickle(fixture: Gazetteer) -> None:
    p = fixture["pl:pokrovsk"]
    with pytest.raises(AttributeError):
        p.name = "x"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        fixture.version = "x"  # type: ignore[misc]
    clone = pickle.loads(pickle.dumps(fixture))
    assert clone["pl:pokrovsk"] == p and clone.names_of("pl:pokrovsk") == fixture.names_of(
        "pl:pokrovsk"
    )


def write(tmp_path: Path, places: str, names: str | None = None) -> tuple[Path, Path | None]:
    header = PLACES.read_text(encoding="utf-8").splitlines()[0]
    p = tmp_path / "places.csv"
    p.write_text(header + "\n" + places, encoding="utf-8")
    n = None
    if names is not None:
        n = tmp_path / "names.csv"
        n.write_text(
            NAMES.read_text(encoding="utf-8").splitlines()[0] + "\n" + names, encoding="utf-8"
        )
    return p, n


GOOD = "a,Alpha,,,city,UA,,,,,,,,,,,,,s\n"


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ("a,Alpha,,,city,UA,,,,,,,,,,,,,s", "duplicate id 'a' (first on line 2)"),
        ("b,,,,city,UA,,,,,,,,,,,,,s", "empty name"),
        ("b,Beta,,,metropolis,UA,,,,,,,,,,,,,s", "unknown kind 'metropolis'"),
        ("b,Beta,,,city,Ukraine,,,,,,,,,,,,,s", "not an ISO 3166-1 alpha-2 code"),
        ("b,Beta,,,city,UA,,,,,north,37.1,,,,,,,s", "could not convert string to float"),
        ("b,Beta,,,city,UA,,,,,48.1,,,,,,,,s", "lat and lon must be given together"),
        ("b,Beta,,,city,UA,,,,,95,37.1,,,,,,,s", "out of range"),
        ("b,Beta,,,city,UA,,,,,,,-5,,,,,,s", "negative population"),
        ("b,Beta,,,city,UA,,,,,,,,,,,2016-13-01,,s", "is not a date"),
        ("b,Beta,,,city,UA,,,,,,,,,,,2020,2016-05-22,s", "is after valid_to"),
        ("b,Beta,,,city,UA,zz,,,,,,,,,,,,s", "parent_id 'zz' is not a place in this file"),
        ("b,Beta,,,city,UA", "6 fields, the header has 19"),
        ("b,Be\x1fta,,,city,UA,,,,,,,,,,,,,s", "control character in column 'name'"),
        ('b,"Be\nta",,,city,UA,,,,,,,,,,,,,s', "control character in column 'name'"),
    ],
)
def test_malformed_place_row_names_file_line_and_problem(
    tmp_path: Path, row: str, problem: str
) -> None:
    places, _ = write(tmp_path, GOOD + row + "\n")
    with pytest.raises(GazetteerError) as info:
        Gazetteer.from_csv(places)
    assert info.value.path == str(places) and info.value.line == 3
    assert problem in str(info.value) and str(places) in str(info.value)


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ("zz,Name,en,Latn,official,,,s", "unknown place 'zz'"),
        ("a,,en,Latn,official,,,s", "empty name"),
        ("a,Name,english,Latn,official,,,s", "not an ISO 639 code"),
        ("a,Name,en,latin,official,,,s", "not an ISO 15924 code"),
        ("a,Name,en,Latn,nickname,,,s", "unknown type 'nickname'"),
        ("a,Name,en,Latn,former,2017,2016,s", "is after valid_to"),
        ("a,Na\tme,en,Latn,official,,,s", "control character in column 'name'"),
    ],
)
def test_malformed_name_row_names_file_line_and_problem(
    tmp_path: Path, row: str, problem: str
) -> None:
    places, names = write(tmp_path, GOOD, "a,Alpha,en,Latn,official,,,s\n" + row + "\n")
    with pytest.raises(GazetteerError) as info:
        Gazetteer.from_csv(places, names)
    assert info.value.path == str(names) and info.value.line == 3 and problem in str(info.value)


def test_missing_columns_empty_and_undecodable_files_are_reported(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("id,name\na,Alpha\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match="missing column"):
        Gazetteer.from_csv(bad)
    bad.write_text("", encoding="utf-8")
    with pytest.raises(GazetteerError, match="empty file"):
        Gazetteer.from_csv(bad)
    bad.write_bytes(b"id,name,kind,country\nb,\xff\xfe,city,UA\n")
    with pytest.raises(GazetteerError, match="not UTF-8"):
        Gazetteer.from_csv(bad)
    with pytest.raises(GazetteerError, match="cannot open"):
        Gazetteer.from_csv(tmp_path / "missing.csv")


def test_minimal_columns_are_enough(tmp_path: Path) -> None:
    f = tmp_path / "mine.csv"
    f.write_text("id,name,kind,country\nx1,Somewhere,village,UA\n", encoding="utf-8")
    g = Gazetteer.from_csv(f)
    assert g["x1"].name == "Somewhere" and g["x1"].lat is None


def test_validate_collects_every_problem(tmp_path: Path) -> None:
    places, _ = write(
        tmp_path, GOOD + "b,,,,city,UA,,,,,,,,,,,,,s\nc,Gamma,,,city,XX1,,,,,,,,,,,,,s\n"
    )
    errors = validate(places)
    assert [e.line for e in errors] == [3, 4]
    assert validate(PLACES, NAMES) == []


def test_cli_validate_reports_and_sets_exit_status(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from toponyms.cli import main

    assert main(["validate", str(PLACES), "--names", str(NAMES)]) == 0
    places, _ = write(tmp_path, GOOD + "b,,,,city,UA,,,,,,,,,,,,,s\n")
    assert main(["validate", str(places)]) == 1
    assert f"{places}, line 3: place 'b' has an empty name" in capsys.readouterr().err


# ---------------------------------------------------------- the shipped data: integrity
def test_shipped_data_is_valid_and_versioned(gazetteer: Gazetteer) -> None:
    from toponyms.gazetteer import _data_file

    assert validate(_data_file("gazetteer.csv"), _data_file("names.csv")) == []
    assert gazetteer.version == toponyms.data_version() != "custom"


def test_every_place_has_an_official_name_and_names_are_not_empty(gazetteer: Gazetteer) -> None:
    for place in gazetteer:
        names = gazetteer.names_of(place.id)
        assert any(n.type == "official" for n in names), place.id
        assert all(n.name.strip() == n.name and n.name for n in names)
        assert place.kind in KINDS and all(n.type in NAME_TYPES for n in names)


def test_hierarchy_is_consistent(gazetteer: Gazetteer) -> None:
    for place in gazetteer:
        for ref in (place.parent_id, place.oblast_id, place.raion_id, place.hromada_id):
            assert ref is None or ref in gazetteer
        if place.raion_id:
            assert gazetteer[place.raion_id].kind == "raion"
        if place.hromada_id:
            assert gazetteer[place.hromada_id].kind == "hromada"


def test_coverage_of_ukraine(gazetteer: Gazetteer) -> None:
    ua = [p for p in gazetteer if p.country == "UA"]
    first_level = [p for p in ua if p.kind == "oblast" or p.id.startswith("katottg:UA8")]
    assert len([p for p in first_level if p.kind == "oblast" or p.parent_id == "iso:UA"]) == 27
    assert len([p for p in ua if p.kind == "raion" and p.valid_to is None]) == 136
    assert len([p for p in ua if p.kind == "raion" and p.valid_to == "2020-07-17"]) > 480
    assert len([p for p in ua if p.kind == "hromada"]) == 1772
    settlements = [p for p in ua if p.kind in ("city", "town", "village") and p.katottg]
    assert len(settlements) > 29_000
    assert sum(p.geonames_id is not None for p in settlements) > 4_000


def test_russia_has_all_federal_subjects_and_border_settlements(gazetteer: Gazetteer) -> None:
    subjects = [p for p in gazetteer if p.kind == "federal_subject"]
    assert len(subjects) == 83
    belgorod = by_name(gazetteer, "Belgorod", "city")
    assert [p.oblast_id for p in belgorod] == ["iso:RU-BEL"]
    assert sum(p.oblast_id == "iso:RU-KRS" for p in gazetteer) > 40  # GeoNames cities500: 41


def test_ids_are_derived_from_stable_source_ids(gazetteer: Gazetteer) -> None:
    pokrovsk = by_name(gazetteer, "Pokrovsk", "city")
    assert [p.id for p in pokrovsk] == ["katottg:UA14160210010099403"]
    assert all(
        p.id.split(":")[0]
        in {"katottg", "koatuu", "geonames", "iso", "entity", "region", "oktmo", "inid160"}
        for p in gazetteer
    )


# ----------------------------------------------------------- the shipped data: known facts
def test_pokrovsk_is_in_donetsk_oblast_and_was_krasnoarmiisk_until_2016(
    gazetteer: Gazetteer,
) -> None:
    (p,) = by_name(gazetteer, "Pokrovsk", "city")
    assert gazetteer[p.oblast_id or ""].name == "Donetsk Oblast"
    raion = gazetteer[p.raion_id or ""]
    assert raion.name == "Pokrovskyi Raion"  # the official name, romanized
    assert "Pokrovsk Raion" in {n.name for n in gazetteer.names_of(raion.id)}  # English usage
    assert (p.name_uk, p.name_ru, p.geonames_id, p.katottg) == (
        "Покровськ",
        "Покровск",
        704422,
        "UA14160210010099403",
    )
    former = {n.name: n.valid_to for n in gazetteer.names_of(p.id) if n.type == "former"}
    assert former["Красноармійськ"] == former["Krasnoarmiisk"] == "2016-05-22"
    assert former["Красноармейск"] == former["Krasnoarmeysk"] == "2016-05-22"


def test_myrnohrad_was_dymytrov(gazetteer: Gazetteer) -> None:
    (p,) = by_name(gazetteer, "Myrnohrad", "city")
    former = {n.name for n in gazetteer.names_of(p.id) if n.type == "former"}
    assert {"Димитров", "Dymytrov", "Dimitrov"} <= former


@pytest.mark.parametrize(
    ("current", "former", "year"),
    [
        ("Bakhmut", "Артемівськ", "2016"),
        ("Berestyn", "Красноград", "2024"),
        ("Dnipro", "Дніпропетровськ", "2016"),
    ],
)
def test_renamed_cities_keep_their_former_names(
    gazetteer: Gazetteer, current: str, former: str, year: str
) -> None:
    (p,) = by_name(gazetteer, current, "city")
    dates = [
        n.valid_to for n in gazetteer.names_of(p.id) if n.name == former and n.type == "former"
    ]
    assert dates and dates[0] is not None and dates[0].startswith(year)


def test_berestyn_does_not_carry_krasnohrads_russian_name_as_current(gazetteer: Gazetteer) -> None:
    (p,) = by_name(gazetteer, "Berestyn", "city")
    assert p.name_ru != "Красноград"


def test_dpr_entity_resolves_to_donetsk_oblast_territory(gazetteer: Gazetteer) -> None:
    dpr = gazetteer["entity:dpr"]
    assert dpr.kind == "entity" and gazetteer[dpr.oblast_id or ""].name == "Donetsk Oblast"
    names = {n.name: n.type for n in gazetteer.names_of("entity:dpr")}
    assert names["DPR"] == names["DNR"] == names["ДНР"] == "abbreviation"
    assert names["DFR"] == "seen-misspelling"
    lpr = gazetteer["entity:lpr"]
    assert gazetteer[lpr.oblast_id or ""].name == "Luhansk Oblast"


def test_russian_names_of_ukrainian_villages_come_from_koatuu(gazetteer: Gazetteer) -> None:
    (avdiivka,) = by_name(gazetteer, "Avdiivka", "city")
    assert avdiivka.name_ru == "Авдеевка"
    oleksandrivkas = by_name(gazetteer, "Oleksandrivka", "village")
    assert len(oleksandrivkas) > 100
    assert {p.name_ru for p in oleksandrivkas} >= {"Александровка"}


def test_large_places_are_linked_to_geonames_and_no_village_is_a_city_district(
    gazetteer: Gazetteer,
) -> None:
    # Linked by size: the one city among villages of its name in its oblast.
    (zaporizhzhia,) = by_name(gazetteer, "Zaporizhzhia", "city")
    assert zaporizhzhia.geonames_id == 687700 and (zaporizhzhia.population or 0) > 500_000
    lviv = gazetteer.get("katottg:UA46100110010094231")  # Mykolaiv, Stryi Raion, Lviv Oblast
    assert lviv is not None and lviv.geonames_id == 700568
    # GeoNames city districts (Kriukiv of Kremenchuk, 75,578) are not linked to villages.
    villages = [p for p in gazetteer if p.kind == "village" and p.population]
    assert max(p.population or 0 for p in villages) < 25_000


def test_russian_capitals_carry_their_curated_russian_names(gazetteer: Gazetteer) -> None:
    # Not the GeoNames alternate that reads back closest to an exonym (Moscow: Москова).
    assert gazetteer["geonames:524901"].name_ru == "Москва"
    assert gazetteer["geonames:498817"].name_ru == "Санкт-Петербург"
    assert gazetteer["geonames:479561"].name_ru == "Уфа"  # was "Ufа", Latin and Cyrillic


# ------------------------------------------------------------------ overlay (border villages)
def test_an_overlay_adds_places_and_replaces_whole_ones_with_their_names(tmp_path: Path) -> None:
    from toponyms.gazetteer import _load

    places = tmp_path / "places.csv"
    names = tmp_path / "names.csv"
    over_places = tmp_path / "over.csv"
    over_names = tmp_path / "over_names.csv"
    places.write_text(
        "id,name,kind,country,parent_id\nr:1,Region,oblast,RU,\nv:1,Ulitsa,village,RU,r:1\n",
        encoding="utf-8",
    )
    names.write_text("place_id,name,lang\nv:1,Улица,ru\nv:1,Ulitza,und\n", encoding="utf-8")
    over_places.write_text(
        "id,name,kind,country,parent_id\nv:1,Ulitsa,town,RU,r:1\nv:2,Gornal,village,RU,r:1\n",
        encoding="utf-8",
    )
    over_names.write_text("place_id,name,lang\nv:1,Улица,ru\nv:2,Горналь,ru\n", encoding="utf-8")
    errors: list[GazetteerError] = []
    g = _load(places, names, "t", errors, overlay=(over_places, over_names))
    assert errors == []
    assert g["v:1"].kind == "town" and g["v:2"].name == "Gornal" and len(g) == 3
    assert "Ulitza" not in {n.name for n in g.names_of("v:1")}  # replaced with the place
    assert "Горналь" in {n.name for n in g.names_of("v:2")}
    # An overlay's names are of its own places only.
    over_names.write_text("place_id,name,lang\nr:1,Регион,ru\n", encoding="utf-8")
    _load(places, names, "t", errors, overlay=(over_places, over_names))
    assert errors and "unknown place 'r:1'" in str(errors[0])


def test_share_alike_border_data_stays_in_its_own_files(gazetteer: Gazetteer) -> None:
    """The border villages' source is CC BY-SA 4.0: nothing derived from it may enter the main
    files, which ship under the project's terms; the overlay carries it all."""
    data = Path(toponyms.__file__).with_name("_data")
    for name in ("gazetteer.csv", "names.csv"):
        assert "inid160" not in (data / name).read_text(encoding="utf-8"), name
    overlay = (data / "ru_border.csv").read_text(encoding="utf-8")
    assert overlay.count("inid160:") > 6000
    kursk = [p for p in gazetteer if p.oblast_id == "iso:RU-KRS" and p.kind == "village"]
    assert len(kursk) > 2000 and all(p.population is None for p in kursk if p.id[:6] == "oktmo:")


def test_the_package_metadata_names_the_data_licences() -> None:
    from importlib.metadata import metadata

    meta = metadata("toponyms")
    expression = meta.get("License-Expression") or meta.get("License") or ""
    for licence in ("MIT", "CC-BY-4.0", "CC-BY-SA-4.0"):
        assert licence in expression, expression
    assert "LICENSE-DATA.md" in (meta.get_all("License-File") or [])
