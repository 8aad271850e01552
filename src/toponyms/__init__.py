"""toponyms: turn the messy place names of war reporting into canonical, identified places.

>>> import toponyms
>>> toponyms.resolve("Krasnoarmeysk").name
'Pokrovsk'
>>> toponyms.normalize("под Мирноградом")
'Myrnohrad'

The shipped gazetteer loads on first use, not at import. ``resolve`` returns the best Match or
None; ``candidates`` a ranked list for review; a ``Resolver`` takes a gazetteer of your own.
"""

from __future__ import annotations

import threading
from collections.abc import Collection, Sequence

from .batch import resolve_column, resolve_many
from .errors import GazetteerError, SchemeError, ToponymsError
from .gazetteer import Gazetteer, Place, PlaceName, data_version
from .match import Match
from .resolver import Point, Resolver
from .text.translit import transliterate

__version__ = "0.1.0.dev0"

__all__ = [
    "Gazetteer",
    "GazetteerError",
    "Match",
    "Place",
    "PlaceName",
    "Resolver",
    "SchemeError",
    "ToponymsError",
    "__version__",
    "candidates",
    "data_version",
    "normalize",
    "resolve",
    "resolve_column",
    "resolve_many",
    "transliterate",
]

_default: Resolver | None = None
_default_lock = threading.Lock()


def _resolver() -> Resolver:
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = Resolver()
    return _default


def resolve(
    name: object,
    *,
    country: str | None = None,
    kind: str | Collection[str] | None = None,
    within: str | None = None,
    near: Point | Sequence[str] | None = None,
    threshold: float | None = None,
) -> Match | None:
    """The place ``name`` most likely means, or None when no answer is confident enough.

    ``country`` ("UA", "RU") and ``kind`` ("city", {"town", "village"}) filter; ``within``
    names a unit the place lies in ("Donetsk Oblast", or a place id); ``near`` is a
    (lat, lon) point or other names from the same report, which settles homonyms.
    None, NaN and pandas.NA give None; other non-strings raise TypeError.
    """
    return _resolver().resolve(
        name, country=country, kind=kind, within=within, near=near, threshold=threshold
    )


def candidates(
    name: object,
    *,
    limit: int = 5,
    country: str | None = None,
    kind: str | Collection[str] | None = None,
    within: str | None = None,
    near: Point | Sequence[str] | None = None,
) -> list[Match]:
    """Up to ``limit`` places ``name`` may mean, best first, for review."""
    return _resolver().candidates(
        name, limit=limit, country=country, kind=kind, within=within, near=near
    )


def normalize(
    name: object,
    *,
    country: str | None = None,
    kind: str | Collection[str] | None = None,
    within: str | None = None,
    near: Point | Sequence[str] | None = None,
) -> str | None:
    """The canonical name of the place ``name`` means, or None: "под Мирноградом" -> "Myrnohrad"."""
    return _resolver().normalize(name, country=country, kind=kind, within=within, near=near)
