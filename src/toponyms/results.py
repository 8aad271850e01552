"""Results: what a lookup answers, as immutable records that pickle and turn into dicts.

An ``Answer`` has two levels: the canonical *name* a query spells, with its confidence, and the
*place* (a ``Match``) when the name and its context single one out; its ``status`` says which.
``COLUMNS`` is the one flat schema every table-shaped output uses (pandas, Dask, Spark, files).
No logic beyond presentation lives here; resolver.py makes these records.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from enum import Enum
from typing import Any, Literal

from .gazetteer import Kind

__all__ = ["COLUMNS", "Answer", "How", "Match", "Status"]

How = Literal[
    "exact",  # an official name of the place
    "alias",  # another recorded name: exonym, colloquial, GeoNames variant
    "abbreviation",  # DPR, ДНР, RF
    "former",  # a name the place had before a renaming (Krasnoarmiisk, Artemovsk)
    "misspelling",  # a garble seen in real reports and recorded as such (DFR)
    "transliteration",  # the name in another romanization or script (Krasnoarmeysk, Gornal)
    "case-form",  # an inflected form in running text (под Мирноградом)
    "fuzzy",  # a near spelling: typos and garbles (Mirnoglad)
]


@dataclass(frozen=True, slots=True)
class Match:
    """A place that a query names, with how it matched and how sure the resolver is.

    ``confidence`` is calibrated: of the answers given with confidence about 0.8, about 80% are
    right (docs/accuracy.md). ``ambiguous`` says other places fit the query about as well.
    """

    query: str
    id: str
    name: str
    kind: Kind
    country: str
    admin1: str | None
    admin2: str | None
    admin3: str | None
    name_uk: str | None
    name_ru: str | None
    lat: float | None
    lon: float | None
    population: int | None
    geonames_id: int | None
    katottg: str | None
    confidence: float
    matched: str
    how: How
    ambiguous: bool
    data_version: str

    def __repr__(self) -> str:
        where = ", ".join(filter(None, (self.admin2, self.admin1)))
        return (
            f"<Match {self.name!r} ({self.kind}{', ' + where if where else ''}) "
            f"id={self.id} confidence={self.confidence:.2f} how={self.how} "
            f"matched={self.matched!r}>"
        )

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled as its fields in order: a batch's answers come back from its worker processes
        # this way, and a tuple is read back faster than a frozen dataclass's state.
        return (Match, tuple(getattr(self, f) for f in _MATCH_FIELDS))

    def to_dict(self) -> dict[str, Any]:
        """Every field as a plain dict, JSON-ready (``data_version`` says which data answered)."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


class Status(str, Enum):
    """Why an answer has a place, or why it has none. Compares and prints as its value."""

    IDENTIFIED = "identified"  # one place: ``Answer.place``
    AMBIGUOUS = "ambiguous"  # the name is clear, several places share it: ``Answer.places``
    NO_MATCH = "no_match"  # no known name is close enough to say
    NOT_A_PLACE = "not_a_place"  # a common word or a person's name, or no name at all (digits)
    MISSING = "missing"  # no text to look up: None, NaN, pandas.NA, an empty string

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class Answer:
    """What a query names: the canonical name, and the place when it can be told.

    ``name`` is given whenever the name is clear (``name_confidence`` at or above the threshold),
    however many places share it; ``places`` holds their ids, best first. ``place`` is given only
    when one place is identified (``status == "identified"``). ``kind``, ``country`` and
    ``admin1`` (oblast or federal subject) describe the name: set when every place sharing it
    agrees. Both confidences are calibrated probabilities (docs/accuracy.md);
    ``place_confidence`` is the best place's, also when it is too low to name it.
    """

    query: str | None
    status: Status
    name: str | None
    name_confidence: float
    kind: Kind | None
    country: str | None
    admin1: str | None
    places: tuple[str, ...]
    place: Match | None
    place_confidence: float
    how: How | None
    matched: str | None
    data_version: str

    def __repr__(self) -> str:
        if self.name is None:
            return f"<Answer {self.status.value} query={self.query!r}>"
        shared = f", {len(self.places)} places" if len(self.places) > 1 else ""
        return (
            f"<Answer {self.status.value} {self.name!r} ({self.kind or 'mixed kinds'}{shared}) "
            f"name_confidence={self.name_confidence:.2f} "
            f"place_confidence={self.place_confidence:.2f}>"
        )

    def __reduce__(self) -> tuple[Any, ...]:
        return (Answer, tuple(getattr(self, f) for f in _ANSWER_FIELDS))  # as Match's

    def to_dict(self) -> dict[str, Any]:
        """Every field as a plain, JSON-ready dict; ``place`` nested as ``Match.to_dict()``."""
        record = {f.name: getattr(self, f.name) for f in fields(self)}
        record["status"] = self.status.value
        record["places"] = list(self.places)
        record["place"] = None if self.place is None else self.place.to_dict()
        return record

    def row(self) -> dict[str, Any]:
        """The answer flattened to ``COLUMNS``: name-level fields, then the place's (None when
        no place is identified)."""
        m = self.place
        return {
            "status": self.status.value,
            "name": self.name,
            "name_confidence": self.name_confidence if self.name is not None else None,
            "n_places": len(self.places) if self.name is not None else None,
            "kind": m.kind if m is not None else self.kind,
            "admin1": m.admin1 if m is not None else self.admin1,
            "country": m.country if m is not None else self.country,
            "id": None if m is None else m.id,
            "admin2": None if m is None else m.admin2,
            "katottg": None if m is None else m.katottg,
            "geonames_id": None if m is None else m.geonames_id,
            "lat": None if m is None else m.lat,
            "lon": None if m is None else m.lon,
            "confidence": None if m is None else m.confidence,
            "how": self.how if self.name is not None else None,
        }


# The flat result schema, defined once: column name and value type ("string", "int", "float").
# pandas, Dask, Spark and resolve-file derive their columns and types from it.
COLUMNS: tuple[tuple[str, Literal["string", "int", "float"]], ...] = (
    ("status", "string"),  # identified, ambiguous, no_match, not_a_place, missing
    ("name", "string"),  # the canonical name, when clear
    ("name_confidence", "float"),
    ("n_places", "int"),  # how many places share the name (1: the name is the place)
    ("kind", "string"),
    ("admin1", "string"),
    ("country", "string"),
    ("id", "string"),  # the place: blank unless identified
    ("admin2", "string"),
    ("katottg", "string"),
    ("geonames_id", "int"),
    ("lat", "float"),
    ("lon", "float"),
    ("confidence", "float"),  # the place's confidence
    ("how", "string"),  # how the name matched: exact, former, case-form, fuzzy, ...
)

_MATCH_FIELDS = tuple(f.name for f in fields(Match))
_ANSWER_FIELDS = tuple(f.name for f in fields(Answer))
