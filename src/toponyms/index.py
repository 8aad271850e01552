"""Stage 3: the candidate index over a gazetteer's names: exact, key and fuzzy lookups.

Built once per Resolver from a Gazetteer; read-only afterwards. It finds places whose names
could be meant by a query; it does not rank them (scoring.py) or apply filters (resolver.py).
"""

from __future__ import annotations

import functools
import hashlib
import math
import sys
import threading
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final, NamedTuple

from anyascii import anyascii
from rapidfuzz import process
from rapidfuzz.distance import OSA

from . import cache as _cache
from . import gazetteer as _gazetteer
from .gazetteer import Gazetteer, Place
from .keys import key
from .text.normalize import has_cyrillic, split_descriptors
from .text.translit import schemes, transliterate

__all__ = [
    "Entry", "Index", "PlaceColumns", "PlaceInfo", "fine", "romanizations", "text_layer_digest",
]  # fmt: skip

# How a name of the gazetteer is typed, ordered by the weight its match carries.
NAME_TYPE_HOW: Final = {
    "official": "exact",
    "exonym": "alias",
    "romanization": "transliteration",  # a Cyrillic name's romanization: as a key reads it
    "colloquial": "alias",
    "variant": "alias",
    "abbreviation": "abbreviation",
    "former": "former",
    "seen-misspelling": "misspelling",
}
# Fuzzy matching works on keys; how far a key may be from the query's key, by its length.
# Short keys admit no edit: "kiv" (Kyiv) is one edit from dozens of names.
_MAX_EDITS: Final = ((0, 3), (1, 5))  # up to 3 symbols: 0 edits; up to 5: 1; longer: 2
_FUZZY_LIMIT: Final = 40  # keys kept per query before scoring


def max_edits(length: int) -> int:
    for edits, longest in _MAX_EDITS:
        if length <= longest:
            return edits
    return 2


@dataclass(frozen=True, slots=True)
class Entry:
    """One name of one place, as the index holds it."""

    place: int  # position in Index.places
    how: str  # exact, alias, abbreviation, former, misspelling (from the name's type)
    variant: bool  # an unclassified alternate name (GeoNames): weaker than a curated one
    name: str  # the name as the gazetteer writes it
    hint: str | None  # the kind its stripped descriptor announced ("область" -> oblast)
    lang: str


class PlaceInfo(NamedTuple):
    """What scoring needs of a place, flat: kind, prominence, hierarchy, approximate position.

    A NamedTuple, not a dataclass: records are made on access, and tuples are made three times
    faster.
    """

    id: str
    kind: str
    country: str
    population: int
    current: bool  # False for units abolished (pre-2020 raions)
    parents: tuple[str, ...]  # every enclosing unit's id, and the country's iso id
    lat: float | None  # own coordinates, else the centroid of its hromada's or raion's places
    lon: float | None
    name: str = ""  # the canonical name: places that share it are homonyms


class Index:
    """Exact, key and fuzzy lookups from a query's cleaned core to the places it may name.

    Building it runs the text layer over every name (seconds for the shipped data), so
    resolver.py caches it on disk by content, and it is laid out to load fast: names in
    parallel lists (one slot per name), places in columns, and the maps pointing at slots with
    one int (a slot, or where several names share the text, a group in a flat array). Few
    container objects means little work for the loader and for the garbage collector after.
    """

    def __init__(self, gazetteer: Gazetteer) -> None:
        places: list[PlaceInfo] = []
        position: dict[str, int] = {}
        for place in gazetteer:
            position[place.id] = len(places)
            places.append(_info(place))
        self._places = PlaceColumns(_with_centroids(places, gazetteer))
        self._infos: dict[int, PlaceInfo] = {}  # made on first access
        self.position = position
        self.name_place: list[int] = []
        self.name_how: list[str] = []
        self.name_variant: list[bool] = []
        self.name_text: list[str] = []
        self.name_hint: list[str | None] = []
        self.name_lang: list[str] = []
        self.name_fine: list[str] = []  # romanized core, for fine similarity
        exact: dict[str, list[int]] = {}
        by_key: dict[str, list[int]] = {}
        text_layer: dict[str, tuple[str, str | None, str, str]] = {}  # names repeat: Oleksandrivka
        for place_id, row in gazetteer._name_rows():
            name, lang, _script, type_, *_ = row
            known = text_layer.get(name)
            if known is None:
                stripped, kind_hint = split_descriptors(name)
                known = (stripped, kind_hint, key(stripped) if stripped else "", fine(stripped))
                text_layer[name] = known
            core, hint, k, romanized = known
            if not core:
                continue
            slot = len(self.name_text)
            self.name_place.append(position[place_id])
            self.name_how.append(NAME_TYPE_HOW[type_])
            self.name_variant.append(type_ == "variant")
            self.name_text.append(name)
            self.name_hint.append(hint)
            self.name_lang.append(sys.intern(lang))
            self.name_fine.append(romanized)
            exact.setdefault(core.replace("ё", "е"), []).append(slot)  # ё is written as е
            if k:
                by_key.setdefault(k, []).append(slot)
        # Each Cyrillic name's romanizations, spelled once here rather than at every lookup
        # that compares a Latin query with it (tens of microseconds a name). Per slot, the
        # number of its name's set (-1 for a Latin name); the sets, joined by U+001F, one after
        # the other in one string (one object, not 47,000), set i from _romanized_at[i].
        self.name_romanized = array("i")
        self._romanized_at = array("i", [0])
        texts: list[str] = []
        sets: dict[tuple[str, str], int] = {}
        for name, lang in zip(self.name_text, self.name_lang, strict=True):
            at = sets.get((name, lang))
            if at is None:
                spelled = "\x1f".join(romanizations(name, lang))
                at = sets[(name, lang)] = len(texts) if spelled else -1
                if spelled:
                    texts.append(spelled)
                    self._romanized_at.append(self._romanized_at[-1] + len(spelled))
            self.name_romanized.append(at)
        self._romanized = "".join(texts)
        # Names that read alike as near misses (one romanized spelling, type, kind of
        # descriptor): one number each, so the fuzzy stage reads a shared spelling once.
        self.name_sig = array("i")
        signatures: dict[tuple[str, bool, bool, str], int] = {}
        for slot, spelling in enumerate(self.name_fine):
            sig = (
                spelling,
                self.name_variant[slot],
                self.name_hint[slot] is None,
                self.name_how[slot],
            )
            self.name_sig.append(signatures.setdefault(sig, len(signatures)))
        # Names that read alike to an exact, key or case-form hit (the resolver's consider): one
        # text, language, type and kind of descriptor; one number each, read once per lookup.
        self.name_reading = array("i")
        readings: dict[tuple[str, str, str, bool, bool], int] = {}
        for slot, name in enumerate(self.name_text):
            reading = (
                name,
                self.name_lang[slot],
                self.name_how[slot],
                self.name_variant[slot],
                self.name_hint[slot] is None,
            )
            self.name_reading.append(readings.setdefault(reading, len(readings)))
        self._groups = array("i")
        self._exact = self._grouped(exact)
        self._by_key = self._grouped(by_key)
        self._segments: dict[str, list[str]] | None = None  # built on the first fuzzy query
        self._last_fuzzy: tuple[str, tuple[tuple[str, int], ...]] | None = None

    def __getstate__(self) -> dict[str, object]:
        return {name: getattr(self, name) for name in _STATE}  # segments are rebuilt on use

    def __setstate__(self, state: dict[str, object]) -> None:
        for name, value in state.items():
            setattr(self, name, value)
        self._infos = {}
        self._segments = None
        self._last_fuzzy = None

    def _grouped(self, lists: dict[str, list[int]]) -> dict[str, int]:
        """Each list of slots as one int: the slot itself, or ~offset of [count, *slots]."""
        out = {}
        for text, slots in lists.items():
            if len(slots) == 1:
                out[text] = slots[0]
            else:
                out[text] = ~len(self._groups)
                self._groups.append(len(slots))
                self._groups.extend(slots)
        return out

    def _slots(self, found: int | None) -> tuple[int, ...]:
        if found is None:
            return ()
        if found >= 0:
            return (found,)
        start = ~found + 1
        return tuple(self._groups[start : start + self._groups[start - 1]])

    def entry(self, slot: int) -> Entry:
        return Entry(
            self.name_place[slot], self.name_how[slot], self.name_variant[slot],
            self.name_text[slot], self.name_hint[slot], self.name_lang[slot],
        )  # fmt: skip

    def romanized(self, slot: int) -> list[str]:
        """The romanizations of the name at ``slot`` (romanizations()): empty for a Latin name."""
        at = self.name_romanized[slot]
        if at < 0:
            return []
        return self._romanized[self._romanized_at[at] : self._romanized_at[at + 1]].split("\x1f")

    def place(self, position: int) -> PlaceInfo:
        info = self._infos.get(position)
        if info is None:
            info = self._infos[position] = self._places.info(position)
        return info

    @property
    def columns(self) -> PlaceColumns:
        """The places' fields by column (kind, country, population, current, name, ...): read
        without making a record, for the steps that look at many places and keep few."""
        return self._places

    def countries(self) -> frozenset[str]:
        """The countries that places of the gazetteer are in."""
        return self._places.countries()

    def __len__(self) -> int:
        """The number of places."""
        return len(self._places)

    def exact(self, core: str) -> tuple[int, ...]:
        """The slots of the names whose cleaned core is ``core``, ё and е alike (Russian
        writes ё as е at will: Артёмовск, Артемовск)."""
        return self._slots(self._exact.get(core.replace("ё", "е") if "ё" in core else core))

    def by_key(self, k: str) -> tuple[int, ...]:
        """The slots of the names whose key is ``k``."""
        return self._slots(self._by_key.get(k))

    def lookup_exact(self, core: str) -> list[Entry]:
        return [self.entry(slot) for slot in self.exact(core)]

    def lookup_key(self, k: str) -> list[Entry]:
        return [self.entry(slot) for slot in self.by_key(k)] if k else []

    def fuzzy_keys(self, k: str) -> list[tuple[str, int]]:
        """Keys within the allowed edits of ``k``, nearest first: (key, edits).

        No scan: a key within e edits of the query, cut into e + 1 segments, keeps at least one
        segment intact, at most e symbols from where it sits in the key (the pigeonhole
        principle). The index maps (key length, segment number, segment) to keys, so a query
        looks up its own substrings at those places and checks only the keys found there. The
        check counts a transposition as one edit (optimal string alignment): every key within
        the budget as Levenshtein counts edits is found, and those a swap brings within it when
        a segment survived the swap, as it mostly does ("Atnrtsyt" for Antratsyt).
        """
        last = self._last_fuzzy  # one lookup may search one key twice (with a unit's hint)
        if last is not None and last[0] == k:
            return list(last[1])
        segments = self._segments if self._segments is not None else self._build_segments()
        found: dict[str, int] = {}
        for allowed, probes in _plan(len(k)):
            # A list, not a set: the few keys two probes share are scored twice, which costs
            # less than hashing every key into a set.
            near: list[str] = []
            for prefix, pos, end in probes:
                near += segments.get(prefix + k[pos:end], ())
            for other, edits, _ in process.extract(
                k, near, scorer=OSA.distance, score_cutoff=allowed, limit=None
            ):
                found[other] = edits
        found.pop(k, None)
        nearest = sorted(found.items(), key=lambda item: (item[1], item[0]))[:_FUZZY_LIMIT]
        self._last_fuzzy = (k, tuple(nearest))
        return nearest

    def fuzzy_keys_of_any(self, keys: Sequence[str]) -> list[tuple[str, int]]:
        """fuzzy_keys of several readings of one name (a Greek name's: ντ is nt or d), merged:
        each key found, at its fewest edits from any reading, nearest first."""
        if len(keys) == 1:
            return self.fuzzy_keys(keys[0])
        found: dict[str, int] = {}
        for k in keys:
            for other, edits in self.fuzzy_keys(k):
                if edits < found.get(other, edits + 1):
                    found[other] = edits
        return sorted(found.items(), key=lambda item: (item[1], item[0]))[:_FUZZY_LIMIT]

    def _build_segments(self) -> dict[str, list[str]]:
        segments: dict[str, list[str]] = {}
        for k in self._by_key:
            for prefix, start, end in _own_segments(len(k)):
                segments.setdefault(prefix + k[start:end], []).append(k)
        self._segments = segments
        return segments


_STATE: Final = (
    "_places", "position", "name_place", "name_how", "name_variant", "name_text", "name_hint",
    "name_lang", "name_fine", "name_romanized", "_romanized", "_romanized_at",
    "name_sig", "name_reading", "_groups", "_exact", "_by_key",
)  # fmt: skip


def _encode(index: Index) -> object:
    """The index as plain data for the cache: arrays as (typecode, bytes), the place columns as a
    dict of them."""

    def plain(value: object) -> object:
        if isinstance(value, array):
            return ("array", value.typecode, value.tobytes())
        if isinstance(value, PlaceColumns):
            return {name: plain(v) for name, v in vars(value).items()}
        return value

    return {name: plain(value) for name, value in index.__getstate__().items()}


def _decode(data: object) -> Index:
    """An index from its cached plain data, checked to be the shape ``_encode`` writes."""
    if not isinstance(data, dict) or set(data) != set(_STATE):
        raise TypeError("not a cached index")

    def value(v: object) -> object:
        if isinstance(v, tuple) and len(v) == 3 and v[0] == "array":
            typecode, raw = v[1], v[2]
            if not isinstance(typecode, str) or not isinstance(raw, bytes):
                raise TypeError("not a cached array")
            out = array(typecode)
            out.frombytes(raw)
            return out
        if not isinstance(v, (list, dict, bytes, str, array)):
            raise TypeError(f"unexpected {type(v).__name__} in a cached index")
        return v

    state = {name: value(v) for name, v in data.items() if name != "_places"}
    places = data["_places"]
    if not isinstance(places, dict):
        raise TypeError("not cached place columns")
    columns = PlaceColumns.__new__(PlaceColumns)
    for name, v in places.items():
        setattr(columns, name, value(v))
    state["_places"] = columns
    index = Index.__new__(Index)
    index.__setstate__(state)
    return index


class PlaceColumns:
    """PlaceInfo records stored by column: a few lists and arrays instead of 90k tuples.
    ``current`` is bytes (1 for a current place), ``parents`` ids joined by U+001F."""

    def __init__(self, places: list[PlaceInfo]) -> None:
        self.id = [p.id for p in places]
        self.kind = [sys.intern(p.kind) for p in places]
        self.country = [sys.intern(p.country) for p in places]
        self.population = array("q", (p.population for p in places))
        self.current = bytes(p.current for p in places)
        # Places of one hromada share their parents: interned, memory holds them once.
        self.parents = [sys.intern("\x1f".join(p.parents)) for p in places]  # ids hold no controls
        self.lat = array("d", (math.nan if p.lat is None else p.lat for p in places))
        self.lon = array("d", (math.nan if p.lon is None else p.lon for p in places))
        self.name = [sys.intern(p.name) for p in places]  # Oleksandrivka: a hundred places

    def __len__(self) -> int:
        return len(self.id)

    def countries(self) -> frozenset[str]:
        return frozenset(self.country)

    def info(self, i: int) -> PlaceInfo:
        lat, lon, parents = self.lat[i], self.lon[i], self.parents[i]
        return PlaceInfo(
            self.id[i], self.kind[i], self.country[i], self.population[i], bool(self.current[i]),
            tuple(parents.split("\x1f")) if parents else (),
            None if math.isnan(lat) else lat, None if math.isnan(lon) else lon, self.name[i],
        )  # fmt: skip


@functools.cache
def _own_segments(m: int) -> tuple[tuple[str, int, int], ...]:
    """A key of length ``m``'s segments as (index prefix, start, end); none if it admits no edit."""
    if not max_edits(m):
        return ()
    return tuple((f"{m},{j},", start, start + n) for j, (start, n) in enumerate(_cuts(m)))


def _cuts(length: int) -> list[tuple[int, int]]:
    """(start, length) of the max_edits + 1 near-equal segments a key of ``length`` is cut into."""
    parts = max_edits(length) + 1
    bounds = [length * i // parts for i in range(parts + 1)]
    return [(bounds[i], bounds[i + 1] - bounds[i]) for i in range(parts)]


@functools.cache
def _plan(n: int) -> tuple[tuple[int, tuple[tuple[str, int, int], ...]], ...]:
    """For a query key of length ``n``: per key length m that may be within reach, the edits
    allowed and the probes to make, as (segment index prefix, start, end in the query).

    An intact segment moves by the edits made before it (its shift), and the remaining edits
    make up the difference in length, so |shift| + |n - m - shift| <= allowed.
    """
    limit = max_edits(n)
    plan = []
    for m in range(max(n - limit, 1), n + limit + 1):
        allowed = min(limit, max_edits(m))
        if allowed == 0:
            continue
        shifts = [s for s in range(-allowed, allowed + 1) if abs(s) + abs(n - m - s) <= allowed]
        probes = tuple(
            (prefix, start + shift, end + shift)
            for prefix, start, end in _own_segments(m)
            for shift in shifts
            if start + shift >= 0 and end + shift <= n
        )
        plan.append((allowed, probes))
    return tuple(plan)


@functools.lru_cache(maxsize=1 << 15)
def romanizations(name: str, lang: str) -> tuple[str, ...]:
    """A Cyrillic name in every scheme of its language (both languages when unknown), as fine()
    spells them: what a Latin query may have been written from. Empty for a Latin name."""
    if not has_cyrillic(name):
        return ()
    prefixes = (f"{lang}-",) if lang in ("uk", "ru") else ("uk-", "ru-")
    return tuple(
        dict.fromkeys(
            fine(split_descriptors(transliterate(name, scheme))[0])
            for scheme in schemes()
            if scheme.startswith(prefixes)
        )
    )


def fine(text: str) -> str:
    """A Latin spelling for fine similarity: romanized, no apostrophes or hyphens."""
    return anyascii(text).lower().replace("'", "").replace("-", " ")


def _info(place: Place) -> PlaceInfo:
    parents = {
        p
        for p in (place.parent_id, place.oblast_id, place.raion_id, place.hromada_id)
        if p is not None
    }
    parents.add(f"iso:{place.country}")
    return PlaceInfo(
        id=place.id,
        kind=place.kind,
        country=place.country,
        population=place.population or 0,
        current=place.valid_to is None,
        parents=tuple(sorted(parents)),
        lat=place.lat,
        lon=place.lon,
        name=place.name,
    )


def _with_centroids(places: list[PlaceInfo], gazetteer: Gazetteer) -> list[PlaceInfo]:
    """Give places without coordinates the centroid of the located places of their unit."""
    sums: dict[str, list[float]] = {}
    for info in places:
        if info.lat is None or info.lon is None:
            continue
        for parent in info.parents:
            s = sums.setdefault(parent, [0.0, 0.0, 0.0])
            s[0] += info.lat
            s[1] += info.lon
            s[2] += 1
    out = []
    for info in places:
        if info.lat is None:
            place = gazetteer[info.id]
            own: list[float] | None = None  # a unit: the centroid of its own places
            for unit in (info.id, place.hromada_id, place.raion_id):
                found = sums.get(unit) if unit else None
                if found:
                    own = found
                    break
            if own:
                info = PlaceInfo(
                    info.id, info.kind, info.country, info.population, info.current,
                    info.parents, own[0] / own[2], own[1] / own[2], info.name,
                )  # fmt: skip
        out.append(info)
    return out


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def text_layer_digest() -> bytes:
    """A digest of the code and data that spell and key names (this module, keys.py, the text
    layer and its schemes): a change to any of them rebuilds what is cached from them (the
    index; the common-word list's hashes, which clean() and fine() spell)."""
    h = hashlib.sha256(b"toponyms-index-3")
    package = Path(__file__).parent
    text = package / "text"
    parts = [package / "index.py", package / "keys.py"]
    parts += sorted((p for p in text.iterdir() if p.name.endswith((".py", ".json"))), key=str)
    parts += sorted((p for p in (text / "schemes").iterdir() if p.name.endswith(".json")), key=str)
    for part in parts:
        h.update(part.name.encode() + part.read_bytes())
    return h.digest()


# --------------------------------------------------------------- the shipped index, cached
_shipped_lock = threading.Lock()
_shipped: Index | None = None


def shipped_index() -> Index:
    """The shipped gazetteer's index: one per process (every default Resolver shares it, and a
    Dask or multiprocessing worker loads it once), cached on disk by the digest of data and
    text layer."""
    global _shipped
    with _shipped_lock:
        if _shipped is None:
            g = _gazetteer.shipped()
            digest = hashlib.sha256(text_layer_digest() + _gazetteer._content_digest().encode())
            name = f"index-{digest.hexdigest()[:40]}.marshal"
            _shipped = _cache.cached(name, lambda: Index(g), _encode, _decode)
        return _shipped
