"""Match: one answer of the resolver, an immutable record that pickles and turns into a dict.

It holds no logic beyond presentation; resolver.py makes them.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, Literal

from .gazetteer import Kind

__all__ = ["How", "Match"]

How = Literal[
    "exact",  # an official name of the place
    "alias",  # another recorded name: exonym, romanization, colloquial, GeoNames variant
    "abbreviation",  # DPR, ДНР, RF
    "former",  # a name the place had before a renaming (Krasnoarmiisk, Artemovsk)
    "misspelling",  # a garble seen in real reports and recorded as such (DFR)
    "transliteration",  # the same name under another romanization or script (Krasnoarmeysk)
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

    def to_dict(self) -> dict[str, Any]:
        """Every field as a plain dict, JSON-ready (``data_version`` says which data answered)."""
        return {f.name: getattr(self, f.name) for f in fields(self)}
