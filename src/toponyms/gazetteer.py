"""The gazetteer: an immutable in-memory model of places and their names, and its CSV loader.

Reads the shipped gazetteer (built by scripts/build_gazetteer.py) or a user's file in the same
format, validating every row; a malformed row raises GazetteerError naming file, line and
problem. It knows nothing about matching: indices are built by toponyms.index.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import json
import re
import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal, TypeVar, get_args

from . import cache as _cache
from .errors import GazetteerError

__all__ = ["Gazetteer", "Kind", "NameType", "Place", "PlaceName", "data_version"]

Kind = Literal[
    "country", "oblast", "raion", "hromada", "city", "town", "village", "city_district",
    "federal_subject", "settlement", "entity", "region",
]  # fmt: skip
NameType = Literal[
    "official", "former", "exonym", "abbreviation", "romanization", "colloquial", "variant",
    "seen-misspelling",
]  # fmt: skip
KINDS: frozenset[str] = frozenset(get_args(Kind))
NAME_TYPES: frozenset[str] = frozenset(get_args(NameType))

PLACE_COLUMNS = (
    "id", "name", "name_uk", "name_ru", "kind", "country", "parent_id", "oblast_id", "raion_id",
    "hromada_id", "lat", "lon", "population", "geonames_id", "katottg", "koatuu", "valid_from",
    "valid_to", "source",
)  # fmt: skip
REQUIRED_PLACE_COLUMNS = ("id", "name", "kind", "country")
NAME_COLUMNS = ("place_id", "name", "lang", "script", "type", "valid_from", "valid_to", "source")
REQUIRED_NAME_COLUMNS = ("place_id", "name")

# ISO 8601 dates at the precision the sources give: a year, a month or a day.
_DATE = re.compile(r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?\Z")
_COUNTRY = re.compile(r"[A-Z]{2}\Z")
_LANG = re.compile(r"[a-z]{2,3}\Z")
_SCRIPT = re.compile(r"[A-Z][a-z]{3}\Z")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")  # no tab, newline or other control in a field
_MAX_ERRORS = 100
_PlaceRow = tuple[Any, ...]
_NameRow = tuple[Any, ...]  # NAME_COLUMNS without place_id
_T = TypeVar("_T")

_Fail = Callable[[Path, "int | None", str], None]  # report a problem in a file, at a line
_Problem = Callable[[str], None]  # report a problem on the current line


@dataclass(frozen=True, slots=True)
class Place:
    """One place of the gazetteer, as its row in gazetteer.csv says it (fields in file order).

    ``oblast_id`` is the first-level unit: the oblast, Crimea, Kyiv or Sevastopol (for those two
    cities, the city itself), a Russian federal subject; for an entity, the oblast it claims.
    """

    id: str
    name: str
    name_uk: str | None
    name_ru: str | None
    kind: Kind
    country: str
    parent_id: str | None
    oblast_id: str | None
    raion_id: str | None
    hromada_id: str | None
    lat: float | None
    lon: float | None
    population: int | None
    geonames_id: int | None
    katottg: str | None
    koatuu: str | None
    valid_from: str | None
    valid_to: str | None
    source: str | None


@dataclass(frozen=True, slots=True)
class PlaceName:
    """One name of a place: its language, script, type and validity."""

    place_id: str
    name: str
    lang: str = "und"
    script: str = "Latn"
    type: NameType = "official"
    valid_from: str | None = None
    valid_to: str | None = None
    source: str = ""


class Gazetteer:
    """An immutable set of places and their names. Build it with `Gazetteer.from_csv`.

    ``gazetteer[place_id]`` is a Place, ``gazetteer.names_of(place_id)`` its names; iteration
    yields every Place. Each place's row and names are held packed in one string apiece and
    unpacked on access: a resolver reads a handful of places per answer, and a few strings
    load (and unpickle from the cache) many times faster than 160k tuples of fields.
    """

    __slots__ = ("_name_count", "_names", "_places", "version")
    _places: Mapping[str, bytes]
    _names: Mapping[str, bytes]
    _name_count: int
    version: str

    def __init__(
        self,
        places: dict[str, bytes],
        names: dict[str, bytes],
        version: str = "custom",
        name_count: int | None = None,
    ) -> None:
        if name_count is None:
            name_count = sum(v.count(_ROW) + 1 for v in names.values() if v)
        set_ = object.__setattr__  # immutable once built: __setattr__ below refuses
        set_(self, "_places", MappingProxyType(places))
        set_(self, "_names", MappingProxyType(names))
        set_(self, "_name_count", name_count)
        set_(self, "version", version)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Gazetteer is immutable; cannot set {name!r}")

    @classmethod
    def _from_rows(
        cls, places: dict[str, _PlaceRow], names: dict[str, list[_NameRow]], version: str
    ) -> Gazetteer:
        return cls(
            {k: _pack(row) for k, row in places.items()},
            {k: _ROW.join(map(_pack, rows)) for k, rows in names.items()},
            version,
            sum(map(len, names.values())),
        )

    def __reduce__(self) -> tuple[Any, ...]:
        return (
            Gazetteer, (dict(self._places), dict(self._names), self.version, self._name_count)
        )  # fmt: skip

    def __repr__(self) -> str:
        return (
            f"<Gazetteer {self.version}: {len(self._places):,} places, {self._name_count:,} names>"
        )

    def __len__(self) -> int:
        return len(self._places)

    def __iter__(self) -> Iterator[Place]:
        return map(_place.__wrapped__, self._places.values())  # all once: not worth remembering

    def __contains__(self, place_id: object) -> bool:
        return place_id in self._places

    def __getitem__(self, place_id: str) -> Place:
        return _place(self._places[place_id])

    def get(self, place_id: str) -> Place | None:
        packed = self._places.get(place_id)
        return None if packed is None else _place(packed)

    def names_of(self, place_id: str) -> tuple[PlaceName, ...]:
        """Every name of a place, in file order (official names first in the shipped data)."""
        return tuple(PlaceName(place_id, *row) for row in self._name_rows_of(place_id))

    def _name_rows_of(self, place_id: str) -> list[_NameRow]:
        packed = self._names.get(place_id)
        return [_unpack_name(row) for row in packed.split(_ROW)] if packed else []

    def _name_rows(self) -> Iterator[tuple[str, _NameRow]]:
        """(place_id, name row) for every name: what the index is built from."""
        for place_id in self._names:
            for row in self._name_rows_of(place_id):
                yield place_id, row

    @classmethod
    def from_csv(
        cls, places: str | Path, names: str | Path | None = None, *, version: str = "custom"
    ) -> Gazetteer:
        """Load and validate a gazetteer: a places file and, optionally, a names file.

        Without a names file, each place is known by its ``name``, ``name_uk`` and ``name_ru``.
        Raises GazetteerError (file, line, problem) on the first malformed row.
        """
        errors: list[GazetteerError] = []
        gazetteer = _load(Path(places), None if names is None else Path(names), version, errors)
        if errors:
            raise errors[0]
        return gazetteer


def validate(places: str | Path, names: str | Path | None = None) -> list[GazetteerError]:
    """Every problem found in a gazetteer's files (up to 100), in file order; empty if valid."""
    errors: list[GazetteerError] = []
    _load(Path(places), None if names is None else Path(names), "custom", errors, collect=True)
    return errors


# ------------------------------------------------------------------------------ loading
# Rows are kept as typed tuples in column order; Place and PlaceName objects are made on
# access. Parsing is one tight loop per file: the shipped data has 160k rows.
_LAT, _LON, _POP, _GN = (
    PLACE_COLUMNS.index(c) for c in ("lat", "lon", "population", "geonames_id")
)
_REFS = tuple(PLACE_COLUMNS.index(c) for c in ("parent_id", "oblast_id", "raion_id", "hromada_id"))
_ID, _KIND, _COUNTRY_COL = 0, PLACE_COLUMNS.index("kind"), PLACE_COLUMNS.index("country")
_FROM, _TO = PLACE_COLUMNS.index("valid_from"), PLACE_COLUMNS.index("valid_to")


class _Stop(Exception):
    """Raised inside the loader once the first error is known (strict mode)."""


class _Errors:
    def __init__(self, collect: bool) -> None:
        self.found: list[GazetteerError] = []
        self.collect = collect

    def __call__(self, path: Path, line: int | None, problem: str) -> None:
        self.found.append(GazetteerError(path, line, problem))
        if not self.collect or len(self.found) >= _MAX_ERRORS:
            raise _Stop


def _load(
    places_path: Path, names_path: Path | None, version: str, errors: list[GazetteerError],
    *, collect: bool = False, overlay: tuple[Path, Path] | None = None,
) -> Gazetteer:  # fmt: skip
    """Read a places file and its names; an ``overlay`` (places, names) then adds places or
    replaces whole ones, each with all its names."""
    fail = _Errors(collect)
    places: dict[str, _PlaceRow] = {}
    names: dict[str, list[_NameRow]] = {}
    try:
        lines = _read_places(places_path, places, fail)
        origin = dict.fromkeys(places, places_path)
        over: dict[str, _PlaceRow] = {}
        if overlay is not None:
            over_lines = _read_places(overlay[0], over, fail)
            places.update(over)
            lines.update(over_lines)
            origin.update(dict.fromkeys(over, overlay[0]))
        for place_id, row in places.items():
            for i in _REFS:
                if row[i] is not None and row[i] not in places:
                    fail(
                        origin[place_id],
                        lines[place_id],
                        f"{PLACE_COLUMNS[i]} {row[i]!r} is not a place in this file",
                    )
        if names_path is not None:
            _read_names(names_path, places, names, fail)
        if overlay is not None:
            for place_id in over:
                names.pop(place_id, None)
            _read_names(overlay[1], over, names, fail)
        # A place is always known by its name columns, whether or not a names file lists them.
        for place_id, row in places.items():
            listed = names.setdefault(place_id, [])
            have = {(n[0], n[1]) for n in listed}
            listed[:0] = [n for n in _implicit_names(row) if (n[0], n[1]) not in have]
    except _Stop:
        pass
    errors.extend(fail.found)
    return Gazetteer._from_rows(places, names, version)


def _csv_rows(
    path: Path, columns: tuple[str, ...], required: tuple[str, ...], fail: _Errors
) -> Iterator[tuple[int, list[Any]]]:
    """Rows of a CSV file as lists in ``columns`` order, stripped, '' as None."""
    try:
        f = path.open(encoding="utf-8", newline="")
    except OSError as e:
        fail(path, None, f"cannot open: {e.strerror or e}")
        return
    with f:
        reader = csv.reader(f)
        try:
            header = next(reader, None)
            if header is None:
                fail(path, None, "empty file (no header row)")
                return
            header = [h.strip().lstrip("\ufeff") for h in header]
            missing = [c for c in required if c not in header]
            if missing:
                fail(path, 1, f"missing column(s): {', '.join(missing)}")
                return
            width = len(header)
            index = [header.index(c) if c in header else None for c in columns]
            end = reader.line_num
            for row in reader:
                line, end = end + 1, reader.line_num  # a quoted field may span lines
                if len(row) != width:
                    if not row or (len(row) == 1 and not row[0].strip()):
                        continue
                    fail(path, line, f"{len(row)} fields, the header has {width}")
                    continue
                if _CONTROL.search("".join(row)):
                    column = next(h for h, f in zip(header, row, strict=True) if _CONTROL.search(f))
                    fail(path, line, f"control character in column {column!r}")
                    continue
                yield line, [(row[i].strip() or None) if i is not None else None for i in index]
        except UnicodeDecodeError as e:
            fail(path, None, f"not UTF-8 text ({e.reason} at byte {e.start})")
        except csv.Error as e:
            fail(path, reader.line_num, f"malformed CSV: {e}")


def _read_places(path: Path, places: dict[str, _PlaceRow], fail: _Errors) -> dict[str, int]:
    lines: dict[str, int] = {}
    for line, v in _csv_rows(path, PLACE_COLUMNS, REQUIRED_PLACE_COLUMNS, fail):
        problem = _place_problem(v)
        if problem is None:
            try:
                for i in (_LAT, _LON):
                    if v[i] is not None:
                        v[i] = float(v[i])
                for i in (_POP, _GN):
                    if v[i] is not None:
                        v[i] = int(v[i])
            except ValueError as e:
                problem = f"place {v[_ID]!r}: {e}"
            else:
                problem = _coordinates_problem(v)
        if problem is None and v[_ID] in places:
            problem = f"duplicate id {v[_ID]!r} (first on line {lines[v[_ID]]})"
        if problem is not None:
            fail(path, line, problem)
            continue
        places[v[_ID]] = tuple(v)
        lines[v[_ID]] = line
    return lines


def _place_problem(v: list[Any]) -> str | None:
    id_ = v[_ID]
    if id_ is None:
        return "empty id"
    if v[1] is None:
        return f"place {id_!r} has an empty name"
    if v[_KIND] not in KINDS:
        return f"place {id_!r}: unknown kind {v[_KIND]!r} (one of {', '.join(sorted(KINDS))})"
    if v[_COUNTRY_COL] is None or not _COUNTRY.match(v[_COUNTRY_COL]):
        return f"place {id_!r}: country {v[_COUNTRY_COL]!r} is not an ISO 3166-1 alpha-2 code"
    return _dates_problem(v[_FROM], v[_TO], id_)


def _coordinates_problem(v: list[Any]) -> str | None:
    lat, lon, pop = v[_LAT], v[_LON], v[_POP]
    if (lat is None) != (lon is None):
        return f"place {v[_ID]!r}: lat and lon must be given together"
    if lat is not None and not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return f"place {v[_ID]!r}: coordinates {lat}, {lon} out of range"
    if pop is not None and pop < 0:
        return f"place {v[_ID]!r}: negative population"
    return None


def _dates_problem(valid_from: str | None, valid_to: str | None, what: str) -> str | None:
    for column, value in (("valid_from", valid_from), ("valid_to", valid_to)):
        if value is not None and not _DATE.match(value):
            return f"{what!r}: {column} {value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"
    # Compare at the coarser precision: "2016" is not after "2016-05-22".
    if valid_from and valid_to:
        n = min(len(valid_from), len(valid_to))
        if valid_from[:n] > valid_to[:n]:
            return f"{what!r}: valid_from {valid_from} is after valid_to {valid_to}"
    return None


def _read_names(
    path: Path, places: Mapping[str, _PlaceRow], names: dict[str, list[_NameRow]], fail: _Errors
) -> None:
    for line, v in _csv_rows(path, NAME_COLUMNS, REQUIRED_NAME_COLUMNS, fail):
        place_id, name, lang, script, type_, valid_from, valid_to, source = v
        if place_id is None or place_id not in places:
            fail(path, line, f"name {name!r} refers to unknown place {place_id!r}")
            continue
        if name is None:
            fail(path, line, f"empty name for place {place_id!r}")
            continue
        lang = lang or "und"
        script = script or ("Cyrl" if _has_cyrillic(name) else "Latn")
        type_ = type_ or "official"
        if not _LANG.match(lang):
            problem: str | None = f"name {name!r}: lang {lang!r} is not an ISO 639 code"
        elif not _SCRIPT.match(script):
            problem = f"name {name!r}: script {script!r} is not an ISO 15924 code"
        elif type_ not in NAME_TYPES:
            problem = (
                f"name {name!r}: unknown type {type_!r} (one of {', '.join(sorted(NAME_TYPES))})"
            )
        else:
            problem = _dates_problem(valid_from, valid_to, name)
        if problem is not None:
            fail(path, line, problem)
            continue
        names.setdefault(place_id, []).append(
            (name, lang, script, type_, valid_from, valid_to, source or "")
        )


def _has_cyrillic(text: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in text)


# A row is packed as its fields joined by the unit separator, None as "", in UTF-8 (bytes load
# from a pickle without decoding); a place's names are their packed rows joined by the record
# separator. The loader refuses control characters in fields: no separator occurs in the data.
_FIELD, _ROW = "\x1f", b"\x1e"
_NUMERIC = {_LAT: float, _LON: float, _POP: int, _GN: int}


def _pack(row: tuple[Any, ...]) -> bytes:
    return _FIELD.join("" if v is None else str(v) for v in row).encode()


@functools.lru_cache(maxsize=1 << 12)  # a report's answers come back to the same places
def _place(packed: bytes) -> Place:
    v: list[Any] = [f or None for f in packed.decode().split(_FIELD)]
    for i, convert in _NUMERIC.items():
        if v[i] is not None:
            v[i] = convert(v[i])
    return Place(*v)


def _unpack_name(packed: bytes) -> _NameRow:
    name, lang, script, type_, valid_from, valid_to, source = packed.decode().split(_FIELD)
    return (name, lang, script, type_, valid_from or None, valid_to or None, source)


def _implicit_names(row: _PlaceRow) -> Iterator[_NameRow]:
    source = row[-1] or ""
    yield (row[1], "en", "Latn", "official", None, None, source)
    for column, lang in (("name_uk", "uk"), ("name_ru", "ru")):
        value = row[PLACE_COLUMNS.index(column)]
        if value:
            yield (value, lang, "Cyrl", "official", None, None, source)


# ------------------------------------------------------------------------- shipped data
_shipped: Gazetteer | None = None
_shipped_lock = threading.Lock()
# Bump when the row layout changes: old cache files are then simply never read again.
_CACHE_FORMAT = b"toponyms-gazetteer-packed-3"


def _data_file(name: str) -> Path:
    return Path(__file__).with_name("_data") / name


# The shipped data: the gazetteer (MIT, with GeoNames' CC BY 4.0 facts), and Russia's border
# villages from a CC BY-SA 4.0 source as an overlay of their own files (docs/data.md).
_SHIPPED_FILES = tuple(
    _data_file(name)
    for name in ("gazetteer.csv", "names.csv", "ru_border.csv", "ru_border_names.csv")
)


def _load_shipped() -> Gazetteer:
    places, names, over_places, over_names = _SHIPPED_FILES
    errors: list[GazetteerError] = []
    loaded = _load(places, names, data_version(), errors, overlay=(over_places, over_names))
    if errors:
        raise errors[0]
    return loaded


def data_version() -> str:
    """The version of the shipped gazetteer data (also carried by every Match.to_dict())."""
    meta = json.loads(_data_file("gazetteer.meta.json").read_text(encoding="utf-8"))
    return str(meta["data_version"])


_digests: dict[tuple[Path, ...], str] = {}


def _content_digest(*paths: Path) -> str:
    """SHA-256 (40 hex digits) of the loader format and the files' bytes, memoized per run.

    Hashing 20 MB costs tens of milliseconds at every start, so the digest is also remembered
    in the cache directory under the files' (path, size, modification time): a file that is
    rewritten gets a new modification time, and is hashed again.
    """
    paths = paths or _SHIPPED_FILES
    if paths not in _digests:
        stats = [(str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in paths]
        name = f"digest-{hashlib.sha256(repr(stats).encode()).hexdigest()[:40]}.marshal"
        _digests[paths] = _cache.cached(
            name, lambda: _hash_files(paths), lambda d: d, _cache.expect(str)
        )
    return _digests[paths]


def _encode(gazetteer: Gazetteer) -> object:
    """The gazetteer as plain data for the cache: its packed rows and names, version, count."""
    return gazetteer.__reduce__()[1]


def _decode(data: object) -> Gazetteer:
    if not (
        isinstance(data, tuple)
        and len(data) == 4
        and isinstance(data[0], dict)
        and isinstance(data[1], dict)
        and isinstance(data[2], str)
        and isinstance(data[3], int)
    ):
        raise TypeError("not a cached gazetteer")
    return Gazetteer(*data)


def _hash_files(paths: tuple[Path, ...]) -> str:
    digest = hashlib.sha256(_CACHE_FORMAT)
    for path in paths:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:40]


def shipped() -> Gazetteer:
    """The gazetteer that ships with the package, loaded on first use, once, thread-safely."""
    global _shipped
    if _shipped is None:
        with _shipped_lock:
            if _shipped is None:
                # The version is part of the name: a new version may ship the same rows.
                name = f"gazetteer-{_content_digest()}-{data_version()}.marshal"
                _shipped = _cache.cached(name, _load_shipped, _encode, _decode)
    return _shipped
