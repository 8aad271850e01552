"""Build the labelled evaluation set (benchmarks/data/eval.csv) and its disjoint twin (train.csv).

Seeded and deterministic: the same gazetteer and hand tables give the same files, byte for byte.
Labels come from the gazetteer's own rows and from the reviewed tables in benchmarks/data/hand/,
never from the resolver's rules. Run: ``python benchmarks/build_eval.py``.

How a label is made (also in benchmarks/data/README.md, which this script writes):

* Every place belongs to one side, eval or train, by a hash of its id; a place is never used on
  both sides. Strings with no place (negatives, entities) are split by a hash of the string, and
  homonym groups by a hash of the shared name. No query string appears on both sides.
* A generated query is kept only if it is *clear*: folded to a coarse, transliteration-blind
  key (`fold`), it is strictly nearer (Levenshtein) to a name of the expected place than to any
  name of any other place. A place valid today outranks a dissolved one (the pre-2020 raions) of
  the same name. Hand-written rows are checked the same way and reported, not silently dropped.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import math
import random
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path

from anyascii import anyascii
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA, Levenshtein

import toponyms
from toponyms.text.translit import schemes

SEED = 20261125
HERE = Path(__file__).resolve().parent
OUT = HERE / "data"
HAND = OUT / "hand"
COLUMNS = ("query", "expected_id", "category", "country", "kind", "within", "near", "note")
SIDES = ("eval", "train")

# Target sizes per side. Transliteration categories are one per scheme, hence smaller.
SIZES = {
    "exact": 300,
    "alternate-held-out": 300,
    "translit": 100,
    "case-form": 260,
    "former": 220,
    "typo": 300,
    "abbreviation-entity": 200,
    "homonym-context": 260,
    "homonym-no-context": 220,
    "negative": 300,
}
# Kinds drawn for the single-place categories, with their shares (the set must not be all
# villages: the gazetteer is 81% villages, war reporting is not).
STRATA = (
    ("UA city", 0.24),
    ("UA town", 0.20),
    ("UA village", 0.26),
    ("UA raion", 0.05),
    ("UA hromada", 0.04),
    ("UA oblast", 0.02),
    ("RU federal_subject", 0.03),
    ("RU city", 0.16),
)
# Abbreviated descriptors are mostly on first-level units and raions ("Donetsk obl.").
ABBREVIATION_STRATA = (
    ("UA oblast", 0.12),
    ("RU federal_subject", 0.12),
    ("UA raion", 0.2),
    ("UA city", 0.2),
    ("UA town", 0.14),
    ("UA village", 0.12),
    ("RU city", 0.1),
)
# Prominence tiers for homonyms (higher wins): first-level units and cities over towns, towns
# over villages; a dissolved unit (valid_to set) below everything current.
TIER = {
    "country": 5, "entity": 5, "oblast": 4, "federal_subject": 4, "city": 3, "raion": 2,
    "town": 2, "hromada": 1, "village": 1, "settlement": 1, "city_district": 1,
}  # fmt: skip
# How firmly a name belongs to its place: any reviewed name (official, former, exonym ...) over a
# GeoNames alternate, which is often a historical or foreign form of another place's name.
STRENGTH = {"variant": 0}
CLEAR_POPULATION_RATIO = 5  # a same-tier rival must be this many times smaller to be outranked


# ------------------------------------------------------------------------------ the fold key
# A coarse key that forgets script, transliteration standard, apostrophes, doubled letters, i/y/j
# and the Ukrainian/Russian г (h/g): two names with one key are "the same name" for labelling. It
# is deliberately coarser than anything a resolver should use, so clear labels stay clear.
_FOLD = {
    "shch": "s", "szcz": "s", "sch": "s", "sh": "s", "zh": "z", "sz": "s", "cz": "c", "ch": "c",
    "kh": "h", "x": "h", "ts": "c", "tz": "c", "g": "h", "w": "v", "q": "k", "y": "i", "j": "i",
}  # fmt: skip
_FOLD_RE = re.compile("|".join(sorted(_FOLD, key=len, reverse=True)))
_APOSTROPHES = "'’ʼ`´ʹʺ\"”“«»"


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = "".join(ch for ch in text if ch not in _APOSTROPHES)
    text = anyascii(text).lower()
    text = "".join(ch for ch in text if ch not in _APOSTROPHES)
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    text = _FOLD_RE.sub(lambda m: _FOLD[m.group()], text)
    return re.sub(r"(.)\1+", r"\1", text)


def side_of(token: str) -> str:
    digest = hashlib.sha256(f"{SEED}/{token}".encode()).digest()
    return SIDES[digest[0] & 1]


# ------------------------------------------------------------------------------ the gazetteer
@dataclass(frozen=True, slots=True)
class Name:
    place_id: str
    name: str
    lang: str
    script: str
    type: str


@dataclass
class Places:
    """The shipped gazetteer as plain rows, plus the fold-key index used for every label check."""

    rows: dict[str, dict[str, str]]
    names: dict[str, list[Name]]
    holders: dict[str, set[str]] = field(default_factory=dict)  # key -> places holding it
    strong: dict[str, set[str]] = field(default_factory=dict)  # the same, GeoNames variants aside
    strength: dict[tuple[str, str], int] = field(default_factory=dict)  # (key, place) -> STRENGTH
    keys: list[str] = field(default_factory=list)
    location: dict[str, tuple[float, float]] = field(default_factory=dict)
    _raions: dict[str, list[dict[str, str]]] = field(default_factory=lambda: defaultdict(list))

    @classmethod
    def load(cls) -> Places:
        data = resources.files("toponyms") / "_data"
        with (data / "gazetteer.csv").open(encoding="utf-8", newline="") as f:
            rows = {r["id"]: r for r in csv.DictReader(f)}
        names: dict[str, list[Name]] = defaultdict(list)
        with (data / "names.csv").open(encoding="utf-8", newline="") as f:
            for r in csv.DictReader(f):
                names[r["place_id"]].append(
                    Name(r["place_id"], r["name"], r["lang"], r["script"], r["type"])
                )
        places = cls(rows, dict(names))
        for place_id, place_names in places.names.items():
            for n in place_names:
                k = fold(n.name)
                places.holders.setdefault(k, set()).add(place_id)
                strength = STRENGTH.get(n.type, 2)
                if strength > places.strength.get((k, place_id), -1):
                    places.strength[k, place_id] = strength
                if n.type != "variant":
                    places.strong.setdefault(k, set()).add(place_id)
        places.keys = sorted(places.holders)
        places._locate()
        return places

    def _locate(self) -> None:
        """Coordinates of every place: its own, else the mean of its hromada's or raion's places."""
        groups: dict[str, list[tuple[float, float]]] = defaultdict(list)
        for r in self.rows.values():
            if r["lat"]:
                point = (float(r["lat"]), float(r["lon"]))
                self.location[r["id"]] = point
                for column in ("hromada_id", "raion_id", "oblast_id"):
                    if r[column]:
                        groups[r[column]].append(point)
        for r in self.rows.values():
            if r["id"] in self.location:
                continue
            for column in ("hromada_id", "raion_id"):
                points = groups.get(r[column])
                if points:
                    lat = sum(p[0] for p in points) / len(points)
                    lon = sum(p[1] for p in points) / len(points)
                    self.location[r["id"]] = (lat, lon)
                    break

    def in_raion(self, raion_id: str) -> list[dict[str, str]]:
        if not self._raions:
            for r in self.rows.values():
                if r["raion_id"]:
                    self._raions[r["raion_id"]].append(r)
        return self._raions.get(raion_id, [])

    def current(self, place_id: str) -> bool:
        return not self.rows[place_id]["valid_to"]

    def outranks(self, place_id: str, rival: str) -> bool:
        """A place valid today outranks a dissolved one (the pre-2020 raions) of the same name."""
        return self.current(place_id) and not self.current(rival)

    def clear(self, query: str, expected: str, removed: Iterable[str] = ()) -> bool:
        """True if `query` is strictly nearer to a name of `expected` than to any other place's.

        `removed` are names of `expected` held out of the index for the run.
        """
        rivals = self.rivals(query, expected, removed)
        return rivals is not None and not rivals

    def rivals(self, query: str, expected: str, removed: Iterable[str] = ()) -> set[str] | None:
        """Other places with a name at least as near to `query` as the nearest of `expected`'s
        (None if `expected` has no name left). Distance: optimal string alignment (a
        transposition is one edit). Left out: places `expected` outranks, and places whose name
        at the same distance is of a weaker type (a GeoNames variant against an official name:
        Engels was Pokrovsk until 1931, GeoNames keeps it, yet "Pokrovsk" is the Donetsk city),
        unless the rival has the query's very spelling and `expected` has not."""
        q = fold(query)
        spelling = query.casefold()
        gone = {n.casefold() for n in removed}
        own: dict[str, int] = {}
        for n in self.names[expected]:
            if n.name.casefold() not in gone:
                k = fold(n.name)
                own[k] = max(own.get(k, -1), STRENGTH.get(n.type, 2))
        if not q or not own:
            return None
        best = min(OSA.distance(q, k) for k in own)
        mine = max(v for k, v in own.items() if OSA.distance(q, k) == best)
        if (
            any(n.name.casefold() == spelling for n in self.names[expected])
            and spelling not in gone
        ):
            spelling = ""  # `expected` has the very spelling too: no rival wins on that
        found = set()
        for key, distance, _ in process.extract(
            q, self.keys, scorer=OSA.distance, score_cutoff=best, limit=None
        ):
            for rival in self.holders[key]:
                if rival == expected or self.outranks(expected, rival):
                    continue
                if distance == best and self.strength[key, rival] < mine:
                    exact = any(n.name.casefold() == spelling for n in self.names[rival])
                    if not exact:
                        continue
                found.add(rival)
        return found

    def holders_of(self, text: str) -> set[str]:
        return set(self.holders.get(fold(text), ()))

    def lookup(self, name: str, kind: str = "", oblast: str = "") -> str:
        """The one place a hand-written row means: by an exact name, its kind and its oblast."""
        found = set()
        for place_id in self.holders_of(name):
            row = self.rows[place_id]
            if kind and row["kind"] != kind:
                continue
            if oblast and not _in_oblast(row, oblast):
                continue
            if not self.current(place_id):
                continue
            if any(n.name.casefold() == name.casefold() for n in self.names[place_id]):
                found.add(place_id)
        if len(found) != 1:
            raise LookupError(f"{name!r} ({kind or 'any kind'}, {oblast or 'any oblast'}): {found}")
        return found.pop()

    def tier(self, place_id: str) -> int:
        row = self.rows[place_id]
        return TIER.get(row["kind"], 0) if self.current(place_id) else 0

    def population(self, place_id: str) -> int | None:
        value = self.rows[place_id]["population"]
        return int(value) if value else None

    def prominent(self, group: Iterable[str]) -> str | None:
        """The clearly most prominent place of a homonym group, or None if there is none.

        Clear: the winner is a city or higher, and each rival is two tiers lower, or of known
        population at most a fifth of the winner's.
        """
        members = sorted(group, key=lambda p: (self.tier(p), self.population(p) or 0), reverse=True)
        winner = members[0]
        top = self.tier(winner)
        if top < TIER["city"]:
            return None
        pop = self.population(winner)
        for rival in members[1:]:
            if self.tier(rival) <= top - 2:
                continue
            rival_pop = self.population(rival)
            if pop is None or rival_pop is None or pop < CLEAR_POPULATION_RATIO * rival_pop:
                return None
        return winner

    def stratum(self, place_id: str) -> str | None:
        row = self.rows[place_id]
        kind = "city" if row["kind"] == "settlement" else row["kind"]
        label = f"{row['country']} {kind}"
        if row["kind"] in ("raion", "oblast") and not self.current(place_id):
            return None
        return label if label in dict(STRATA) else None


def _in_oblast(row: dict[str, str], oblast: str) -> bool:
    """`oblast` is a KATOTTG two-digit code ("14") or an ISO 3166-2 code ("RU-BEL")."""
    if oblast.startswith("RU-"):
        return row["oblast_id"] == f"iso:{oblast}" or row["id"] == f"iso:{oblast}"
    return row["id"].startswith(f"katottg:UA{oblast}") or row["oblast_id"].startswith(
        f"katottg:UA{oblast}"
    )


# ------------------------------------------------------------------------------ cases
@dataclass(frozen=True, slots=True)
class Row:
    query: str
    expected_id: str
    category: str
    country: str = ""
    kind: str = ""
    within: str = ""
    near: str = ""
    note: str = ""

    def as_list(self) -> list[str]:
        return [getattr(self, c) for c in COLUMNS]


def _rng(side: str, category: str) -> random.Random:
    return random.Random(f"{SEED}/{side}/{category}")


def _draw(
    places: Places,
    pool: Iterable[str],
    n: int,
    rng: random.Random,
    make: Callable[[str, str], Row | None],
    strata: tuple[tuple[str, float], ...] = STRATA,
) -> list[Row]:
    """Up to `n` rows made from places of `pool`, each stratum filled to its share of `n`.

    Strata short of candidates leave their share to the others, in a second, mixed pass.
    """
    by_stratum: dict[str, list[str]] = defaultdict(list)
    for place_id in pool:
        s = places.stratum(place_id)
        if s:
            by_stratum[s].append(place_id)
    rows: list[Row] = []
    left: list[tuple[str, str]] = []
    for s, share in strata:
        items = sorted(by_stratum[s])
        rng.shuffle(items)
        quota = round(share * n)
        taken = 0
        while items and taken < quota:
            row = make(items.pop(), s)
            if row is not None:
                rows.append(row)
                taken += 1
        left.extend((p, s) for p in items)
    rng.shuffle(left)
    while left and len(rows) < n:
        place_id, s = left.pop()
        row = make(place_id, s)
        if row is not None:
            rows.append(row)
    return rows


def _name(places: Places, place_id: str, lang: str) -> str:
    """The official (or exonym) name of a place in 'en', 'uk' or 'ru', or ''."""
    row = places.rows[place_id]
    if lang == "en":
        return row["name"]
    column = row[f"name_{lang}"]
    if column:
        return column
    for n in places.names[place_id]:
        if n.lang == lang and n.script == "Cyrl" and n.type in ("official", "exonym"):
            return n.name
    return ""


class Builder:
    """The rows of one side. Methods run in `build`'s order: homonyms and held-out names first,
    so that the places they use are kept out of the other categories."""

    def __init__(self, places: Places, side: str) -> None:
        self.places = places
        self.side = side
        self.rows: list[Row] = []
        self.used: set[str] = set()  # places carrying a held-out name or in a homonym group
        self.report: list[str] = []
        self.pool = sorted(
            p for p in places.rows if side_of(p) == side and places.stratum(p) is not None
        )

    def free(self) -> list[str]:
        return [p for p in self.pool if p not in self.used]

    def unique(self, place_id: str, name: str) -> bool:
        return bool(name) and self.places.clear(name, place_id)

    # -------------------------------------------------------------- exact
    def exact(self) -> None:
        rng = _rng(self.side, "exact")

        def make(place_id: str, stratum: str) -> Row | None:
            lang = rng.choice(("en", "uk", "ru"))
            name = _name(self.places, place_id, lang)
            if not self.unique(place_id, name):
                return None
            return Row(name, place_id, "exact", note=f"{stratum}; official {lang}")

        self.rows += _draw(self.places, self.free(), SIZES["exact"], rng, make)

    # -------------------------------------------------------------- alternates
    def alternates(self) -> None:
        rng = _rng(self.side, "alternate")

        def make(place_id: str, stratum: str) -> Row | None:
            names = self.places.names[place_id]
            variants = [v for v in names if v.type == "variant" and _plausible_variant(v.name)]
            rng.shuffle(variants)
            for v in variants:
                rest = [x for x in names if x.name.casefold() != v.name.casefold()]
                if not rest:
                    continue
                # The same spelling in the other script (Gubkiu, Губкіў) would stay in the
                # index: the query would be a transliteration, not a held-out spelling.
                key = fold(v.name)
                if any(fold(x.name) == key and x.script != v.script for x in rest):
                    continue
                # Reachable: the held-out spelling must resemble a reviewed (non-GeoNames) name
                # of the place; "Yuzov" (Donetsk in the 1920s) or "Tylza" (Sovetsk, once
                # Tilsit) resemble only other GeoNames alternates and are not spellings.
                reviewed = [x for x in rest if x.type != "variant"]
                if not reviewed or max(fuzz.ratio(key, fold(x.name)) for x in reviewed) < 75:
                    continue
                if not self.places.clear(v.name, place_id, removed=[v.name]):
                    continue
                self.used.add(place_id)
                return Row(v.name, place_id, "alternate-held-out", note=f"{stratum}; {v.script}")
            return None

        self.rows += _draw(self.places, self.free(), SIZES["alternate-held-out"], rng, make)

    # -------------------------------------------------------------- transliteration
    def transliterations(self) -> None:
        for scheme in schemes():
            self.rows += self._transliteration(scheme)

    def _transliteration(self, scheme: str) -> list[Row]:
        lang = scheme[:2]
        rng = _rng(self.side, f"translit-{scheme}")
        seen: set[str] = set()

        def make(place_id: str, stratum: str) -> Row | None:
            source = _name(self.places, place_id, lang)
            if not self.unique(place_id, source):
                return None
            query = toponyms.transliterate(source, scheme)
            if query.casefold() in seen or not self.places.clear(query, place_id):
                return None
            seen.add(query.casefold())
            return Row(query, place_id, f"translit-{scheme}", note=f"{stratum}; {source}")

        return _draw(self.places, self.free(), SIZES["translit"], rng, make)

    # -------------------------------------------------------------- case forms
    def case_forms(self, hand: list[dict[str, str]]) -> None:
        rows = []
        for r in hand:
            place_id = self.places.lookup(r["nominative"], r["kind"], r["oblast"])
            if side_of(place_id) == self.side:
                rows.append(Row(r["query"], place_id, "case-form", note=f"hand: {r['note']}"))
        rng = _rng(self.side, "case-form")

        def make(place_id: str, stratum: str) -> Row | None:
            lang = rng.choice(("uk", "ru"))
            nominative = _name(self.places, place_id, lang)
            if not self.unique(place_id, nominative):
                return None
            forms = list(inflect(nominative, lang, self.places.rows[place_id]["kind"]))
            if not forms:
                return None
            word, case, note = rng.choice(forms)
            # The inflected word alone must not be another place's name (Покровського is also
            # the genitive of the village Покровське).
            if not self.places.clear(word, place_id):
                return None
            query = with_preposition(word, case, lang, rng)
            return Row(query, place_id, "case-form", note=f"{stratum}; {note} of {nominative}")

        n = SIZES["case-form"] - len(rows)
        self.rows += rows + _draw(self.places, self.free(), n, rng, make)

    # -------------------------------------------------------------- former names
    def former(self, hand: list[dict[str, str]]) -> None:
        rows = []
        for r in hand:
            place_id = self.places.lookup(r["current"], r["kind"], r["oblast"])
            if side_of(place_id) != self.side:
                continue
            names = self.places.names[place_id]
            if not any(x.name.casefold() == r["query"].casefold() for x in names):
                self.report.append(f"former (hand): {r['query']!r} is not a name of {place_id}")
                continue
            rivals = self.places.holders_of(r["query"]) - {place_id}
            note = f"hand: {r['note']}"
            if rivals:
                note += f"; {len(rivals)} other place(s) hold the name, the Ukrainian city is meant"
            rows.append(Row(r["query"], place_id, "former", note=note))
        rng = _rng(self.side, "former")

        def make(place_id: str, stratum: str) -> Row | None:
            names = self.places.names[place_id]
            now = {fold(x.name) for x in names if x.type != "former"}
            formers = [x for x in names if x.type == "former" and fold(x.name) not in now]
            if not formers:
                return None
            x = rng.choice(formers)
            if not self.places.clear(x.name, place_id):
                return None
            return Row(x.name, place_id, "former", note=f"{stratum}; {x.lang} {x.script}")

        pool = [p for p in self.free() if any(x.type == "former" for x in self.places.names[p])]
        self.rows += rows + _draw(self.places, pool, SIZES["former"] - len(rows), rng, make)

    # -------------------------------------------------------------- typos
    def typos(self, hand: list[dict[str, str]]) -> None:
        rows = []
        for r in hand:
            place_id = self.places.lookup(r["current"], r["kind"], r["oblast"])
            if side_of(place_id) != self.side:
                continue
            note = f"hand: {r['note']}"
            rivals = self.places.rivals(r["query"], place_id) or set()
            if rivals:
                tier = self.places.tier(place_id)
                if any(self.places.tier(p) >= tier for p in rivals):
                    self.report.append(f"typo (hand): {r['query']!r} is not clearly {place_id}")
                    continue
                note += f"; as near to {len(rivals)} lesser place(s): prominence decides"
            rows.append(Row(r["query"], place_id, "typo", note=note))
        rng = _rng(self.side, "typo")

        def make(place_id: str, stratum: str) -> Row | None:
            lang = rng.choice(("en", "uk", "ru"))
            name = _name(self.places, place_id, lang)
            if sum(ch.isalpha() for ch in name) < 6 or not self.unique(place_id, name):
                return None
            query, ops = garble(name, rng.choice((1, 2)), rng)
            if fold(query) == fold(name) or not self.places.clear(query, place_id):
                return None
            return Row(query, place_id, "typo", note=f"{stratum}; {'+'.join(ops)} on {name}")

        self.rows += rows + _draw(self.places, self.free(), SIZES["typo"] - len(rows), rng, make)

    # -------------------------------------------------------------- abbreviations, entities
    def abbreviations(self, hand: list[dict[str, str]]) -> None:
        rows = [
            Row(r["query"], r["expected_id"], "abbreviation-entity", note=f"hand: {r['note']}")
            for r in hand
            if side_of(r["query"].casefold()) == self.side
        ]
        rng = _rng(self.side, "abbreviation")

        def make(place_id: str, stratum: str) -> Row | None:
            options = list(abbreviated(self.places, place_id))
            rng.shuffle(options)
            for query, note in options:
                if self.places.clear(_strip_abbreviation(query), place_id):
                    return Row(query, place_id, "abbreviation-entity", note=f"{stratum}; {note}")
            return None

        n = SIZES["abbreviation-entity"] - len(rows)
        self.rows += rows + _draw(self.places, self.free(), n, rng, make, ABBREVIATION_STRATA)


def _plausible_variant(name: str) -> bool:
    """A spelling of the place's name, not a gloss: GeoNames also files "Krasnoarmejsk i Moskva
    oblast", "Artemovskii Ruo" (an office) or "SEV" (a code) as alternate names."""
    letters = sum(ch.isalpha() for ch in name)
    if letters < 4 or any(ch.isdigit() for ch in name) or "(" in name or "," in name:
        return False
    words = name.replace("-", " ").split()
    if len(words) > 3 or any(w.islower() and len(w) <= 3 for w in words):
        return False
    gloss = {"oblast", "raion", "rayon", "ruo", "selo", "khutor", "posëlok", "poselok", "kray"}
    if any(w.casefold().strip("'") in gloss for w in words):
        return False
    if name.isupper() or re.search(r"\b(AE|OE|UE)[a-z]", name):  # "OEkeoer Mezeoe": ö spelt OE
        return False
    scripts = {unicodedata.name(ch, "").split()[0] for ch in name if ch.isalpha()}
    return scripts in ({"LATIN"}, {"CYRILLIC"})


# ------------------------------------------------------------------------------ inflection
# Regular case forms of one-word names (hand-checked patterns; irregular and multi-word names
# live in hand/case_forms.csv). Each rule: ending, (case, replacement, note) ...
_UK_RULES = (
    ("ськ", (("gen", "ська"), ("loc", "ську"), ("ins", "ськом"))),
    ("цьк", (("gen", "цька"), ("loc", "цьку"), ("ins", "цьком"))),
    ("ка", (("gen", "ки"), ("loc", "ці"), ("ins", "кою"), ("acc", "ку"))),
    ("ове", (("gen", "ового"), ("loc", "овому"))),
    ("еве", (("gen", "евого"), ("loc", "евому"))),
    ("єве", (("gen", "євого"), ("loc", "євому"))),
    ("ине", (("gen", "иного"), ("loc", "иному"))),
    ("ське", (("gen", "ського"), ("loc", "ському"))),
    ("ія", (("gen", "ії"), ("loc", "ії"))),
    ("град", (("gen", "града"), ("loc", "граді"), ("ins", "градом"))),
    ("ів", (("gen", "ова"), ("loc", "ові"), ("ins", "овом"))),
    ("їв", (("gen", "єва"), ("loc", "єві"), ("ins", "євом"))),
)
_RU_RULES = (
    ("ск", (("gen", "ска"), ("loc", "ске"), ("ins", "ском"))),
    ("цк", (("gen", "цка"), ("loc", "цке"), ("ins", "цком"))),
    ("ка", (("gen", "ки"), ("loc", "ке"), ("ins", "кой"), ("acc", "ку"))),
    ("ое", (("gen", "ого"), ("loc", "ом"), ("ins", "им"))),
    ("ово", (("gen", "ова"), ("loc", "ове"), ("ins", "овом"))),
    ("ево", (("gen", "ева"), ("loc", "еве"), ("ins", "евом"))),
    ("ино", (("gen", "ина"), ("loc", "ине"), ("ins", "ином"))),
    ("ия", (("gen", "ии"), ("loc", "ии"))),
    ("град", (("gen", "града"), ("loc", "граде"), ("ins", "градом"))),
    ("ов", (("gen", "ова"), ("loc", "ове"), ("ins", "овом"))),
    ("ев", (("gen", "ева"), ("loc", "еве"), ("ins", "евом"))),
)
_UK_RAION = (("ський район", (("gen", "ського району"), ("loc", "ському районі"))),)
_RU_RAION = (("ский район", (("gen", "ского района"), ("loc", "ском районе"))),)
_UK_OBLAST = (("ська область", (("gen", "ської області"), ("loc", "ській області"))),)
_RU_OBLAST = (("ская область", (("gen", "ской области"), ("loc", "ской области"))),)


def inflect(nominative: str, lang: str, kind: str) -> Iterator[tuple[str, str, str]]:
    """(form, case, note) for the regular case forms of a name; nothing for irregular ones."""
    if kind == "raion":
        rules = _UK_RAION if lang == "uk" else _RU_RAION
    elif kind in ("oblast", "federal_subject"):
        rules = _UK_OBLAST if lang == "uk" else _RU_OBLAST
    else:
        if " " in nominative or "-" in nominative:
            return
        rules = _UK_RULES if lang == "uk" else _RU_RULES
    for ending, forms in rules:
        if nominative.endswith(ending) and len(nominative) > len(ending) + 2:
            stem = nominative[: -len(ending)]
            for case, replacement in forms:
                if stem[-1] in "жчшщц" and ending == "ів":
                    replacement = replacement.replace("о", "е", 1)  # Бердичів: Бердичева
                if lang == "ru" and ending == "ое" and case == "ins" and stem[-1] not in "гкхжчшщ":
                    replacement = "ым"  # Заповедное: Заповедным (but Покровским)
                yield stem + replacement, case, f"{lang} {case} -{ending}"
            return


_PREPOSITIONS = {
    ("uk", "gen"): ("біля", "поблизу", "з", "до", "в районі", ""),
    ("uk", "loc"): ("у",),
    ("uk", "ins"): ("під", "за", ""),
    ("uk", "acc"): ("на",),
    ("ru", "gen"): ("около", "возле", "из", "до", "в районе", "у", ""),
    ("ru", "loc"): ("в",),
    ("ru", "ins"): ("под", "за", ""),
    ("ru", "acc"): ("на",),
}
_VOWELS = set("аеєиіїоуюяэыё")


def with_preposition(word: str, case: str, lang: str, rng: random.Random) -> str:
    preposition = rng.choice(_PREPOSITIONS[(lang, case)])
    if preposition == "у" and lang == "uk" and word[0].lower() in _VOWELS:
        preposition = "в"  # Ukrainian euphony: в before a vowel (Russian у is a preposition)
    if preposition == "в" and lang == "ru" and word[0] in "ВФ" and word[1].lower() not in _VOWELS:
        preposition = "во"
    return f"{preposition} {word}" if preposition else word


# ------------------------------------------------------------------------------ typos
_LATIN = "abcdefghijklmnopqrstuvwxyz"
_UK = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"
_RU = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"


def garble(name: str, edits: int, rng: random.Random) -> tuple[str, list[str]]:
    """`name` with `edits` random edits (insert, delete, substitute, transpose) on its letters."""
    alphabet = _LATIN if name.isascii() else (_UK if set(name.lower()) & set("іїєґ") else _RU)
    chars = list(name)
    ops = []
    for _ in range(edits):
        letters = [i for i, ch in enumerate(chars) if ch.isalpha()]
        op = rng.choice(("insert", "delete", "substitute", "transpose"))
        i = rng.choice(letters[1:])  # keep the first letter: reporters rarely get it wrong
        if op == "insert":
            chars.insert(i, rng.choice(alphabet))
        elif op == "delete":
            del chars[i]
        elif op == "substitute":
            chars[i] = rng.choice([a for a in alphabet if a != chars[i].lower()])
        else:
            j = i + 1 if i + 1 < len(chars) and chars[i + 1].isalpha() else i - 1
            if not chars[j].isalpha() or chars[i] == chars[j]:
                chars.insert(i, rng.choice(alphabet))
                op = "insert"
            else:
                chars[i], chars[j] = chars[j], chars[i]
        ops.append(op)
    return "".join(chars), ops


# ------------------------------------------------------------------------------ abbreviations
_KIND_ABBREVIATIONS = {
    # (country, kind): (uk prefixes, ru prefixes)
    ("UA", "city"): (("м.",), ("г.",)),
    ("UA", "town"): (("смт", "с-ще"), ("пгт", "пос.")),
    ("UA", "village"): (("с.",), ("с.",)),
    ("RU", "city"): ((), ("г.",)),
    ("RU", "settlement"): ((), ("пос.", "пгт")),
}


def abbreviated(places: Places, place_id: str) -> Iterator[tuple[str, str]]:
    """Queries with an abbreviated descriptor: "Donetsk obl.", "Покровський р-н", "смт X"."""
    row = places.rows[place_id]
    kind, country = row["kind"], row["country"]
    uk, ru, en = _name(places, place_id, "uk"), _name(places, place_id, "ru"), row["name"]
    if kind in ("oblast", "federal_subject") and en.endswith(" Oblast"):
        stem = en.removesuffix(" Oblast")
        yield f"{stem} obl.", "en obl."
        yield f"{stem} region", "en region"
        yield f"{stem} oblast", "en lower-case oblast"
        if uk.endswith(" область"):
            yield uk.replace(" область", " обл."), "uk обл."
        if ru.endswith(" область"):
            yield ru.replace(" область", " обл."), "ru обл."
            yield ru.replace("ая область", "ой обл."), "ru gen обл."
    elif kind == "raion" and places.current(place_id) and en.endswith(" Raion"):
        yield en.replace(" Raion", " district"), "en district"
        yield en.replace(" Raion", " r-n"), "en r-n"
        if uk.endswith(" район"):
            yield uk.replace(" район", " р-н"), "uk р-н"
        if ru.endswith(" район"):
            yield ru.replace(" район", " р-н"), "ru р-н"
    elif (country, kind) in _KIND_ABBREVIATIONS:
        uk_prefixes, ru_prefixes = _KIND_ABBREVIATIONS[(country, kind)]
        for prefix in uk_prefixes:
            if uk:
                yield f"{prefix} {uk}", f"uk {prefix}"
        for prefix in ru_prefixes:
            if ru:
                yield f"{prefix} {ru}", f"ru {prefix}"


_ABBREVIATION_WORDS = re.compile(
    r"^(м\.|г\.|смт|с-ще|пгт|пос\.|с\.)\s+|\s+(obl\.|region|oblast|district|r-n|обл\.|р-н)$"
)


def _strip_abbreviation(query: str) -> str:
    """The name part of an abbreviated query, for the clear-label check."""
    bare = _ABBREVIATION_WORDS.sub("", query)
    bare = re.sub(r"(ой|ая)$", "ая", bare) if bare != query and query.endswith("обл.") else bare
    return bare


# ------------------------------------------------------------------------------ homonyms
def homonym_groups(places: Places, reserved: set[str]) -> dict[str, set[str]]:
    """Fold keys held by two or more current places with the strongest type of name that key
    has (two official names; or, where no place has it as an official name, two former ones).
    `reserved` keys belong to hand-written rows and are left to them."""
    groups = {}
    for key in places.strong:
        if len(key) < 4 or key in reserved:
            continue
        members = {
            p
            for p in places.holders[key]
            if places.current(p) and places.rows[p]["kind"] != "city_district"
        }
        top = max((places.strength[key, p] for p in members), default=0)
        members = {p for p in members if places.strength[key, p] == top}
        if len(members) >= 2:
            groups[key] = members
    return groups


def _surface(places: Places, key: str, place_id: str, lang: str) -> str:
    """The spelling of `key` that `place_id` carries, preferring language `lang`."""
    spellings = [n for n in places.names[place_id] if fold(n.name) == key and n.type != "variant"]
    for n in spellings:
        if n.lang == lang:
            return n.name
    return spellings[0].name if spellings else ""


def homonyms(builder: Builder, groups: dict[str, set[str]]) -> None:
    places, side = builder.places, builder.side
    keys = sorted(k for k in groups if side_of(f"homonym/{k}") == side)
    rng = _rng(side, "homonym")
    rng.shuffle(keys)
    langs = ("en", "uk", "ru")

    # Without context: a clear winner, or no answer at all.
    n = SIZES["homonym-no-context"]
    winners, ties = [], []
    for key in keys:
        w = places.prominent(groups[key])
        (winners if w else ties).append((key, w))
    chosen = winners[: n // 2] + ties[: n - min(len(winners), n // 2)]
    no_context_keys = set()
    for i, (key, winner) in enumerate(chosen):
        members = groups[key]
        lang = langs[i % 3]
        holder = winner or sorted(members)[0]
        query = _surface(places, key, holder, lang)
        if not query:
            continue
        note = f"{len(members)} places share the name"
        if winner:
            note += f"; clearly most prominent: {places.rows[winner]['kind']}"
        else:
            note += "; no clear winner: abstain"
        builder.rows.append(Row(query, winner or "", "homonym-no-context", note=note))
        builder.used.update(members)
        no_context_keys.add(key)

    # With context: within an oblast or raion, near a point or named places, a country, a kind.
    n = SIZES["homonym-context"]
    count = 0
    for key in keys:
        if count >= n:
            break
        members = sorted(groups[key])
        rng.shuffle(members)
        per_group = 0
        for expected in members:
            if per_group >= 3 or count >= n:
                break
            if places.rows[expected]["kind"] == "raion" or expected not in places.strong[key]:
                continue
            lang = langs[count % 3]
            query = _surface(places, key, expected, lang)
            contexts = list(_contexts(places, expected, groups[key], rng))
            if not query or not contexts:
                continue
            weights = [w for _, w, _ in contexts]
            context, _, note = rng.choices(contexts, weights=weights)[0]
            builder.rows.append(Row(query, expected, "homonym-context", **context,
                            note=f"{len(members)} places share the name; {note}"))  # fmt: skip
            builder.used.update(groups[key])
            count += 1
            per_group += 1


def _distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 12742 * math.asin(math.sqrt(h))


def _contexts(
    places: Places, expected: str, group: set[str], rng: random.Random
) -> Iterator[tuple[dict[str, str], int, str]]:
    """Every context that singles `expected` out of `group`: (Row fields, weight, note)."""
    row = places.rows[expected]
    rivals = [places.rows[p] for p in group if p != expected]
    oblast = row["oblast_id"] or (row["id"] if row["kind"] in ("oblast", "federal_subject") else "")
    if oblast and oblast in places.rows and all(r["oblast_id"] != oblast for r in rivals):
        o = places.rows[oblast]
        name = o["name"] if rng.random() < 0.7 else (o["name_uk"] or o["name_ru"] or o["name"])
        yield {"within": name}, 3, "within its oblast"
    raion = row["raion_id"]
    if raion and all(r["raion_id"] != raion for r in rivals):
        raion_name = places.rows[raion]["name"]
        if places.holders_of(raion_name) == {raion}:
            yield {"within": raion_name}, 2, "within its raion"
        neighbours = _neighbours(places, expected, group)
        if len(neighbours) >= 2:
            yield {"near": "|".join(neighbours[:3])}, 2, "near named places of its raion"
    here = places.location.get(expected)
    if here and row["lat"]:
        bearing = rng.uniform(0, 2 * math.pi)
        km = rng.uniform(2, 8)
        point = (
            here[0] + km / 111.2 * math.cos(bearing),
            here[1] + km / (111.2 * math.cos(math.radians(here[0]))) * math.sin(bearing),
        )
        mine = _distance_km(point, here)
        others = [places.location.get(r["id"]) for r in rivals]
        if all(o is not None and _distance_km(point, o) >= max(30, 3 * mine) for o in others):
            yield {"near": f"{point[0]:.4f};{point[1]:.4f}"}, 2, f"near a point {mine:.0f} km away"
    if all(r["country"] != row["country"] for r in rivals):
        yield {"country": row["country"]}, 1, "country given"
    if all(r["kind"] != row["kind"] for r in rivals):
        yield {"kind": row["kind"]}, 1, "kind given"


def _neighbours(places: Places, expected: str, group: set[str]) -> list[str]:
    """Unambiguous names of other places in the raion of `expected` (towns and cities first)."""
    row = places.rows[expected]
    found = []
    for r in places.in_raion(row["raion_id"]):
        if r["id"] == expected or r["id"] in group:
            continue
        if r["kind"] not in ("city", "town", "village"):
            continue
        if places.holders_of(r["name"]) == {r["id"]}:
            found.append((-TIER[r["kind"]], -(int(r["population"] or 0)), r["name"]))
    return [name for *_, name in sorted(found)]


# ------------------------------------------------------------------------------ negatives
def negatives(builder: Builder, hand: list[dict[str, str]]) -> None:
    places, side = builder.places, builder.side
    n = SIZES["negative"]
    rng = _rng(side, "negative")
    all_names = {
        x.name.casefold() for names in places.names.values() for x in names
    }  # the negatives' rule: absent from names.csv, case-insensitively
    kept: dict[str, list[Row]] = defaultdict(list)
    for r in hand:
        query = r["query"]
        if side_of(query.casefold()) != side:
            continue
        reason = _negative_problem(places, all_names, query)
        if reason:
            builder.report.append(f"negative dropped: {query!r} ({reason})")
            continue
        kept[r["kind"]].append(Row(query, "", "negative", note=r["kind"]))
    # Random letter strings and pronounceable nonsense.
    random_rows = []
    while len(random_rows) < n // 6:
        query = _nonsense(rng)
        if side_of(query.casefold()) == side and not _negative_problem(places, all_names, query):
            random_rows.append(Row(query, "", "negative", note="random string"))
    kept["random"] = random_rows
    # Draw the kinds in turn so each is represented.
    for rows in kept.values():
        rng.shuffle(rows)
    count = 0
    while count < n and any(kept.values()):
        for kind in sorted(kept):
            if kept[kind] and count < n:
                builder.rows.append(kept[kind].pop())
                count += 1


def _negative_problem(places: Places, all_names: set[str], query: str) -> str:
    if query.casefold() in all_names:
        return "in names.csv"
    key = fold(query)
    if not key or key in places.holders:
        return "folds to a gazetteer name"
    for word in re.split(r"[\s\-]+", query):
        if len(word) >= 4 and fold(word) in places.holders:
            return f"word {word!r} is a gazetteer name"
    if len(key) >= 6:  # a long word one edit from a name may be that name, mistyped
        best = process.extractOne(key, places.keys, scorer=Levenshtein.distance, score_cutoff=1)
        if best is not None:
            return f"one edit from {best[0]!r}"
    return ""


def _nonsense(rng: random.Random) -> str:
    if rng.random() < 0.5:
        alphabet = _LATIN if rng.random() < 0.6 else _RU
        word = "".join(rng.choice(alphabet) for _ in range(rng.randint(5, 12)))
    else:  # pronounceable: consonant-vowel syllables
        latin = rng.random() < 0.6
        consonants = "bdfgklmnprstvz" if latin else "бдфгклмнпрствз"
        vowels = "aeiou" if latin else "аеиоу"
        word = "".join(
            rng.choice(consonants) + rng.choice(vowels) for _ in range(rng.randint(3, 5))
        )
    return word.capitalize()


# ------------------------------------------------------------------------------ main
def _read_hand(name: str) -> list[dict[str, str]]:
    with (HAND / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def build(places: Places, side: str, groups: dict[str, set[str]]) -> Builder:
    b = Builder(places, side)
    homonyms(b, groups)  # first: their places are then kept out of the held-out names
    b.alternates()
    b.exact()
    for method, hand in (
        (b.case_forms, "case_forms.csv"),
        (b.former, "former.csv"),
        (b.typos, "typos.csv"),
        (b.abbreviations, "entities.csv"),
    ):
        method(_read_hand(hand))
    b.transliterations()
    negatives(b, _read_hand("negatives.csv"))
    return b


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", type=Path, default=OUT, help="output folder (default: %(default)s)"
    )
    args = parser.parse_args(argv)
    places = Places.load()
    reserved = {
        fold(r["query"])
        for hand in ("former.csv", "typos.csv", "entities.csv", "case_forms.csv")
        for r in _read_hand(hand)
    }
    groups = homonym_groups(places, reserved)
    built = {side: build(places, side, groups) for side in SIDES}
    # No query string on both sides (train gives way).
    eval_queries = {r.query.casefold() for r in built["eval"].rows}
    before = len(built["train"].rows)
    built["train"].rows = [r for r in built["train"].rows if r.query.casefold() not in eval_queries]
    dropped = before - len(built["train"].rows)
    args.out.mkdir(parents=True, exist_ok=True)
    for side, b in built.items():
        rows = _dedupe(b.rows)
        with (args.out / f"{side}.csv").open("w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(COLUMNS)
            w.writerows(r.as_list() for r in rows)
        b.rows = rows
    _write_readme(args.out, built, dropped)
    for side, b in built.items():
        sizes = Counter(r.category for r in b.rows)
        print(f"{side}: {len(b.rows)} cases")
        for category, count in sorted(sizes.items()):
            print(f"  {category:32} {count:4}")
    for line in sorted(set(built["eval"].report + built["train"].report)):
        print("note:", line, file=sys.stderr)
    return 0


def _dedupe(rows: list[Row]) -> list[Row]:
    seen, out = set(), []
    for r in rows:
        key = (r.query, r.country, r.kind, r.within, r.near)
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


def _write_readme(out: Path, built: dict[str, Builder], dropped: int) -> None:
    sizes = {side: Counter(r.category for r in b.rows) for side, b in built.items()}
    categories = sorted(set(sizes["eval"]) | set(sizes["train"]))
    table = "\n".join(f"| {c} | {sizes['eval'][c]} | {sizes['train'][c]} |" for c in categories)
    text = README.format(
        seed=SEED,
        version=toponyms.data_version(),
        today=date.today().isoformat(),
        table=table,
        total_eval=sum(sizes["eval"].values()),
        total_train=sum(sizes["train"].values()),
        dropped=dropped,
    )
    # Sections about other sets of this folder are written by their own builders: keep them.
    path = out / "README.md"
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    kept = old[old.index(OTHER_SETS) :] if OTHER_SETS in old else ""
    path.write_text(text.rstrip("\n") + ("\n\n" + kept if kept else "\n"), encoding="utf-8")


# The heading where the sections of the folder's other sets begin (villages.csv).
OTHER_SETS = "## villages.csv"


README = """\
# Labelled evaluation data

Seed: {seed}. Data version: {version}. Built {today} by `python benchmarks/build_eval.py`
(generated: eval.csv, train.csv, this file; hand-written: hand/*.csv).

`eval.csv` measures the resolver (`python benchmarks/evaluate.py --write-docs` writes
docs/accuracy.md); `train.csv` is its disjoint twin, on which confidence calibration and the
baseline's cutoff are fitted. Never fit on eval.

Columns: `query,expected_id,category,country,kind,within,near,note`. `expected_id` is empty
where the right answer is no answer (negatives, homonyms with no clear winner). `near` is
"lat;lon" or place names separated by "|".

| category | eval | train |
|---|---:|---:|
{table}
| total | {total_eval} | {total_train} |

## How the labels are made

- **Sides.** Each place is on one side only (a hash of its id and the seed); entity and negative
  strings are split by a hash of the string, homonym groups by a hash of the shared name. No
  query string is on both sides ({dropped} train rows were dropped for overlap).
- **Clear labels.** A generated query is kept only if, folded to a coarse key that ignores
  script, transliteration standard, apostrophes, doubled letters, i/y/j and г as h/g, it is strictly
  nearer (Levenshtein) to a name of the expected place than to any name of any other place. A
  current unit outranks a dissolved one of the same name (the pre-2020 raions share their
  Ukrainian and Russian names with today's raions).
- **Strata.** Places are drawn by kind (UA cities, towns, villages, raions, hromadas, oblasts;
  Russian federal subjects, cities and settlements), so the set is not 81% villages like the
  gazetteer.
- `exact`: the English, Ukrainian or Russian official name.
- `alternate-held-out`: a GeoNames alternate spelling (Latin or Cyrillic). evaluate.py removes
  every such name (all rows of that place with that spelling, case-insensitively) from the
  gazetteer for the run, for the resolver and the baseline alike. Kept only if it resembles a
  reviewed (official, former, exonym ...) name of the place (fuzz.ratio of fold keys >= 75: a
  spelling, not a historical name such as "Yuzov" for Donetsk), is not a gloss ("Krasnoarmejsk
  i Moskva oblast", codes, office names), and has no twin in the other script (GeoNames files
  Belarusian "Gubkiu" and "Губкіў" both).
- `translit-<scheme>`: the Ukrainian official name through each uk-* scheme, the Russian name
  through each ru-* scheme, with `toponyms.transliterate` (the text layer's tables, checked
  against each standard's published examples; not the resolver).
- `case-form`: hand/case_forms.csv (real forms of prominent places, written and checked by
  hand, incl. irregular and multi-word names), plus forms generated from regular endings
  (-ськ/-цьк, -ка, adjectival -ове/-ине/-ське, -ів/-їв; Russian -ск, -ка, -ое, -ово, -ов) with a
  preposition that governs the case. A generated form is dropped if the bare inflected word is
  another place's name.
- `former`: hand/former.csv (the best-known renamings, e.g. Krasnoarmeysk, Artemovsk, Dimitrov,
  Dnepropetrovsk: the Ukrainian city is meant even where a Russian town holds the name today),
  plus former names from names.csv that only one place ever held.
- `typo`: 1 or 2 random edits (insert, delete, substitute, transpose; never the first letter)
  on an English, Ukrainian or Russian name of 6+ letters, plus hand/typos.csv (real garbles
  such as "Mirnoglad").
- `abbreviation-entity`: hand/entities.csv (DPR/DNR/ДНР, LPR/LNR/ЛНР, RF/РФ, full and
  inflected names), plus abbreviated descriptors on unambiguous names: "Donetsk obl.",
  "Покровський р-н", "м. X", "смт X", "пгт X", "г. X".
- `homonym-context`: a name shared by several current places, with a context that singles one
  out: `within` its oblast or raion, `near` a point 2-8 km from it (every other holder is at
  least 30 km and three times as far; a place without coordinates is placed at the mean of its
  hromada's or raion's), `near` two or three unambiguous places of its raion, or `country` /
  `kind` where it alone has that value.
- `homonym-no-context`: a shared name alone. Expected is the clearly most prominent holder: a
  city or higher, every rival two tiers lower (city over village) or of known population at
  most a fifth. Without such a winner the expected answer is none (abstain), and abstaining
  scores as correct.
- `negative`: hand/negatives.csv (words and phrases from war reports in English, Russian and
  Ukrainian, people, organisations, weapons, places elsewhere in the world) and random
  strings. Kept only if absent from names.csv case-insensitively, not folding to a gazetteer
  name, with no word of 4+ letters that is a gazetteer name, and (if 6+ letters folded) not
  one edit from one.
"""


if __name__ == "__main__":
    sys.exit(main())
