"""Batch lookups: resolve_many over any iterable, and the same as pandas columns.

It is the single-name path plus a cache: each distinct string is looked up once, by the same
Resolver.lookup, and the answers are spread back over the rows, in order, one per row.
Large inputs may use several processes; each builds (or reads from the disk cache) its index once.
"""

from __future__ import annotations

import math
import os
from collections.abc import Collection, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from .errors import OptionError
from .resolver import Point, Resolver
from .results import COLUMNS, Answer

if TYPE_CHECKING:  # pandas is optional
    import pandas as pd

__all__ = ["PANDAS_DTYPES", "resolve_column", "resolve_many"]

# The pandas dtype of each result column (results.COLUMNS): nullable, so a blank stays <NA>.
PANDAS_DTYPES = {
    name: {"string": "string", "int": "Int64", "float": "Float64"}[kind] for name, kind in COLUMNS
}
_PARALLEL_MIN = 2_000  # distinct strings below which extra processes cost more than they save
_CHUNK_MIN = 50

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
) -> list[Answer]:
    """One Answer per input, in order (as ``lookup`` gives it): the canonical name, the place
    when identified, and the status; a row without text (None, NaN, a number) is "missing".

    ``names`` may be any iterable (list, generator, pandas Series). Each distinct string is
    looked up once. ``processes`` > 1 (or None: one per CPU) splits large inputs over processes.
    """
    resolver = resolver or _default()
    # Options are checked once, up front: a wrong one fails before any work, not per row.
    resolver._check_options(country=country, kind=kind, within=within, threshold=threshold)
    options: dict[str, Any] = {
        "country": country, "kind": kind, "within": within, "near": near, "threshold": threshold,
    }  # fmt: skip
    rows = [_as_name(v) for v in names]
    distinct = list(dict.fromkeys(r for r in rows if r is not None))
    workers = _workers(processes)
    if workers > 1 and len(distinct) >= _PARALLEL_MIN:
        answers = _parallel(resolver, distinct, options, workers)
    else:
        answers = dict(
            zip(distinct, (resolver.lookup(n, **options) for n in distinct), strict=True)
        )
    missing = resolver.lookup(None)
    return [missing if r is None else answers[r] for r in rows]


def _parallel(
    resolver: Resolver, distinct: list[str], options: dict[str, Any], workers: int
) -> dict[str, Answer]:
    from concurrent.futures import ProcessPoolExecutor  # only large inputs pay for the import

    # Small chunks: names differ in cost a hundredfold (an exact name, a garble searched
    # fuzzily), and few large chunks leave one process working alone at the end.
    size = max(_CHUNK_MIN, math.ceil(len(distinct) / (workers * 32)))
    chunks = [distinct[i : i + size] for i in range(0, len(distinct), size)]
    with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(resolver,)) as pool:
        results = pool.map(_resolve_chunk, chunks, [options] * len(chunks))
        return {
            n: m
            for chunk, found in zip(chunks, results, strict=True)
            for n, m in zip(chunk, found, strict=True)
        }


def _workers(processes: object) -> int:
    """How many processes ``processes`` asks for (None: one per CPU), checked: OptionError for
    anything but a whole number of at least 1 or None."""
    if processes is None:
        return os.cpu_count() or 1
    if isinstance(processes, bool) or not isinstance(processes, int) or processes < 1:
        raise OptionError(
            "processes", processes, "must be a whole number of at least 1, or None for one per CPU"
        )
    return processes


def _init_worker(resolver: Resolver) -> None:
    """A worker process's initializer: the Resolver its chunks are read with (_worker_resolver)."""
    global _worker
    _worker = resolver


def _worker_resolver() -> Resolver:
    """The Resolver a worker process was started with (_init_worker)."""
    assert _worker is not None
    return _worker


def _resolve_chunk(chunk: list[str], options: dict[str, Any]) -> list[Answer]:
    resolver = _worker_resolver()
    return [resolver.lookup(n, **options) for n in chunk]


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
    """Look up a pandas Series into a DataFrame of result columns with the same index.

    Columns (``prefix`` + each of results.COLUMNS): status, name, name_confidence, n_places,
    kind, admin1, country, then the place's id, admin2, katottg, geonames_id, lat, lon,
    confidence, how. The place's columns are blank unless the place is identified; the name's
    are set whenever the name is clear. To add them to the frame the column came from, use
    ``add_places(df, "place")``, which is right on any index; ``df.join(...)`` matches rows by
    index label, so it is right only on a unique index.
    """
    import pandas as pd

    rows = [a.row() for a in resolve_many(column, resolver=resolver, **options)]
    data = {
        f"{prefix}{name}": pd.array([r[name] for r in rows], dtype=PANDAS_DTYPES[name])
        for name, _ in COLUMNS
    }
    return pd.DataFrame(data, index=column.index)


def extract_column(
    column: pd.Series,
    *,
    prefix: str = "place_",
    resolver: Resolver | None = None,
    **options: Any,
) -> pd.DataFrame:
    """Every place mention in a pandas Series of texts: one row per mention, in order, indexed by
    the source row's index (repeated for a text naming several places; a text naming none has
    no row). Columns: ``start``, ``end``, ``mention``, then ``prefix`` + each of
    results.COLUMNS, as ``resolve_column`` gives them. Options as for ``toponyms.extract``."""
    import pandas as pd

    from .extract import extract_with

    resolver = resolver or _default()
    index: list[Any] = []
    spans: list[tuple[int, int, str]] = []
    rows: list[dict[str, Any]] = []
    for label, text in zip(column.index, column.tolist(), strict=True):
        if not isinstance(text, str):
            continue
        for m in extract_with(resolver, text, **options):
            index.append(label)
            spans.append((m.start, m.end, m.text))
            rows.append(m.answer.row())
    data: dict[str, Any] = {
        "start": pd.array([s for s, _, _ in spans], dtype="Int64"),
        "end": pd.array([e for _, e, _ in spans], dtype="Int64"),
        "mention": pd.array([t for _, _, t in spans], dtype="string"),
    }
    for name, _ in COLUMNS:
        data[f"{prefix}{name}"] = pd.array([r[name] for r in rows], dtype=PANDAS_DTYPES[name])
    return pd.DataFrame(data, index=pd.Index(index, name=column.index.name))


def add_places(
    frame: pd.DataFrame,
    column: str,
    *,
    prefix: str = "place_",
    resolver: Resolver | None = None,
    **options: Any,
) -> pd.DataFrame:
    """``frame`` with the result columns of its ``column`` added, row by row in place order: right
    on any index (duplicate labels after a ``pd.concat``, a default index per partition). A copy;
    result columns already in the frame are replaced."""
    result = resolve_column(frame[column], prefix=prefix, resolver=resolver, **options)
    out = frame.copy()
    for name in result.columns:
        out[name] = result[name].array  # by position, not by index label
    return out
