"""Batch resolution: resolve_many over any iterable, and the same as pandas columns.

It is the single-name path plus a cache: each distinct string is resolved once, by the same
Resolver.resolve, and the answers are spread back over the rows, in order, one per row.
Large inputs may use several processes; each builds (or reads from the disk cache) its index once.
"""

from __future__ import annotations

import math
import os
from collections.abc import Collection, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from .match import Match
from .resolver import Point, Resolver

if TYPE_CHECKING:  # pandas is optional
    import pandas as pd

__all__ = ["COLUMNS", "resolve_column", "resolve_many"]

# The columns resolve_column adds, and the Match field each comes from.
COLUMNS = (
    "name", "id", "kind", "admin1", "admin2", "geonames_id", "katottg", "lat", "lon",
    "confidence", "how",
)  # fmt: skip
_PARALLEL_MIN = 2_000  # distinct strings below which extra processes cost more than they save

_worker: Resolver | None = None


def _as_name(value: object) -> str | None:
    """A row's value as a name, or None for missing and non-text values (NaN, NA, numbers)."""
    if isinstance(value, str):
        return value
    return None


def resolve_many(
    names: Iterable[object],
    *,
    resolver: Resolver | None = None,
    country: str | None = None,
    kind: str | Collection[str] | None = None,
    within: str | None = None,
    near: Point | Sequence[str] | None = None,
    threshold: float | None = None,
    processes: int | None = 1,
) -> list[Match | None]:
    """One answer per input, in order: a Match, or None (no confident answer, or not text).

    ``names`` may be any iterable (list, generator, pandas Series). Each distinct string is
    resolved once. ``processes`` > 1 (or None: one per CPU) resolves large inputs in parallel.
    """
    resolver = resolver or _default()
    options: dict[str, Any] = {
        "country": country, "kind": kind, "within": within, "near": near, "threshold": threshold,
    }  # fmt: skip
    rows = [_as_name(v) for v in names]
    distinct = list(dict.fromkeys(r for r in rows if r is not None))
    workers = (os.cpu_count() or 1) if processes is None else processes
    if workers > 1 and len(distinct) >= _PARALLEL_MIN:
        answers = _parallel(resolver, distinct, options, workers)
    else:
        answers = dict(
            zip(distinct, (resolver.resolve(n, **options) for n in distinct), strict=True)
        )
    return [None if r is None else answers[r] for r in rows]


def _parallel(
    resolver: Resolver, distinct: list[str], options: dict[str, Any], workers: int
) -> dict[str, Match | None]:
    from concurrent.futures import ProcessPoolExecutor  # only large inputs pay for the import

    size = math.ceil(len(distinct) / (workers * 4))
    chunks = [distinct[i : i + size] for i in range(0, len(distinct), size)]
    with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(resolver,)) as pool:
        results = pool.map(_resolve_chunk, chunks, [options] * len(chunks))
        return {
            n: m
            for chunk, found in zip(chunks, results, strict=True)
            for n, m in zip(chunk, found, strict=True)
        }


def _init_worker(resolver: Resolver) -> None:
    global _worker
    _worker = resolver


def _resolve_chunk(chunk: list[str], options: dict[str, Any]) -> list[Match | None]:
    assert _worker is not None
    return [_worker.resolve(n, **options) for n in chunk]


def _default() -> Resolver:
    from . import _resolver

    return _resolver()


def resolve_column(
    column: pd.Series,
    *,
    prefix: str = "place_",
    resolver: Resolver | None = None,
    **options: Any,
) -> pd.DataFrame:
    """Resolve a pandas Series into a DataFrame of result columns with the same index.

    Columns: ``prefix`` + name, id, kind, admin1, admin2, geonames_id, katottg, lat, lon,
    confidence, how. A row with no answer (or a missing value) has missing values throughout.
    Join it back with ``df.join(resolve_column(df["place"]))``.
    """
    import pandas as pd

    matches = resolve_many(column, resolver=resolver, **options)
    data = {
        f"{prefix}{c}": pd.array(
            [None if m is None else getattr(m, c) for m in matches], dtype=_DTYPES.get(c, "string")
        )
        for c in COLUMNS
    }
    return pd.DataFrame(data, index=column.index)


_DTYPES = {"geonames_id": "Int64", "lat": "Float64", "lon": "Float64", "confidence": "Float64"}
