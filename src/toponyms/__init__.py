"""toponyms: turn the messy place names of war reporting into canonical, identified places.

>>> import toponyms
>>> toponyms.resolve("Krasnoarmeysk").name
'Pokrovsk'
>>> toponyms.normalize("под Мирноградом")
'Myrnohrad'
>>> toponyms.lookup("Bohdanivka").status
<Status.AMBIGUOUS: 'ambiguous'>

The shipped gazetteer loads on first use, not at import. ``lookup`` answers with the canonical
name and, when it can be told, the place (an ``Answer`` with a ``Status``); ``resolve`` returns
the identified place (a ``Match``) or None; ``normalize`` the canonical name or None;
``candidates`` a ranked list for review; a ``Resolver`` takes a gazetteer of your own.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Collection, Iterable, Sequence

from .batch import add_places, extract_column, resolve_column, resolve_many
from .errors import GazetteerError, OptionError, SchemeError, ToponymsError, UnknownUnitError
from .extract import Mention, extract_many_with, extract_with
from .gazetteer import Gazetteer, Place, PlaceName, data_version
from .resolver import Point, Resolver
from .results import Answer, Match, Status
from .text.translit import transliterate

__version__ = "0.1.0.dev0"

__all__ = [
    "Answer",
    "Gazetteer",
    "GazetteerError",
    "Match",
    "Mention",
    "OptionError",
    "Place",
    "PlaceName",
    "Resolver",
    "SchemeError",
    "Status",
    "ToponymsError",
    "UnknownUnitError",
    "__version__",
    "add_places",
    "candidates",
    "data_version",
    "extract",
    "extract_column",
    "extract_many",
    "lookup",
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


def lookup(
    name: object,
    *,
    country: str | None = None,
    kind: str | Collection[str] | None = None,
    within: str | None = None,
    near: Point | Sequence[str] | None = None,
    threshold: float | None = None,
) -> Answer:
    """What ``name`` names: the canonical name whenever it is clear, however many places share
    it, and the place when one is identified. ``status`` says which: identified, ambiguous
    (``places`` lists the homonyms' ids), no_match, not_a_place or missing.

    Options as for ``resolve``; a wrong one raises OptionError, an unknown ``within`` unit
    UnknownUnitError (a LookupError).
    """
    return _resolver().lookup(
        name, country=country, kind=kind, within=within, near=near, threshold=threshold
    )


def resolve(
    name: object,
    *,
    country: str | None = None,
    kind: str | Collection[str] | None = None,
    within: str | None = None,
    near: Point | Sequence[str] | None = None,
    threshold: float | None = None,
) -> Match | None:
    """The place ``name`` means, or None when no place is identified confidently enough (several
    places share the name, or nothing matches: ``lookup`` tells which).

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
    """Up to ``limit`` places ``name`` may mean, best first, for review. Each confidence is the
    probability that the candidate is the place meant, computed over all candidates: it does
    not depend on ``limit``, and together they sum to at most 1."""
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
    threshold: float | None = None,
) -> str | None:
    """The canonical name ``name`` spells, or None: "под Мирноградом" -> "Myrnohrad". Given
    whenever the name is clear, however many places share it ("Bohdanivka")."""
    return _resolver().normalize(
        name, country=country, kind=kind, within=within, near=near, threshold=threshold
    )


def extract(
    text: str,
    *,
    within: str | None = None,
    country: str | None = None,
    threshold: float | None = None,
) -> list[Mention]:
    """Every place mention in ``text``, in order: its span (``text[m.start:m.end]``) and the
    ``Answer`` it gets in the text's context, where the oblast the text names and its other
    places settle homonyms. ``within`` and ``country`` narrow every lookup.

    >>> [(m.text, m.name) for m in extract("Бои идут у Часова Яра и Торецка Донецкой области.")]
    [('Часова Яра', 'Chasiv Yar'), ('Торецка', 'Toretsk'), ('Донецкой области', 'Donetsk Oblast')]
    """
    return extract_with(_resolver(), text, within=within, country=country, threshold=threshold)


def extract_many(
    texts: Iterable[object],
    *,
    within: str | None = None,
    country: str | None = None,
    threshold: float | None = None,
    progress: bool | Callable[[int], None] = False,
    processes: int | None = 1,
) -> list[list[Mention]]:
    """``extract`` over many texts: one list of mentions per text, in order (an empty list for
    a missing text). ``progress=True`` counts the texts on stderr; a function gets the count.
    ``processes`` > 1 (None: one per CPU) reads large inputs in that many processes, with the
    same results."""
    return extract_many_with(
        _resolver(), texts, within=within, country=country, threshold=threshold,
        progress=progress, processes=processes,
    )  # fmt: skip
