"""Resolve a dask.dataframe column: map_partitions with one Resolver per worker process.

The Resolver travels to workers as a recipe (it pickles without its index). Over the shipped
gazetteer, each worker process loads the index once (from the disk cache when warm) and shares it
with every partition it handles; a custom gazetteer's index is built per task, so keep those
small. Needs the ``dask`` extra: pip install 'toponyms[dask]'.
"""

from __future__ import annotations

from typing import Any

from ..batch import PANDAS_DTYPES, add_places, extract_column, resolve_column
from ..resolver import Resolver

__all__ = ["add_dask_places", "extract_dask_column", "resolve_dask_column"]


def _partition(series: Any, resolver: Resolver, prefix: str, options: dict[str, Any]) -> Any:
    return resolve_column(series, prefix=prefix, resolver=resolver, **options)


def resolve_dask_column(
    column: Any, *, prefix: str = "place_", resolver: Resolver | None = None, **options: Any
) -> Any:
    """A dask DataFrame of result columns (as toponyms.resolve_column), partition by partition.
    Its index is the column's: to add the columns to their frame on any index (parquet read
    without one gives each partition 0, 1, 2, ...), use ``add_dask_places``."""
    import pandas as pd

    meta = pd.DataFrame(
        {f"{prefix}{name}": pd.Series(dtype=dtype) for name, dtype in PANDAS_DTYPES.items()}
    )
    return column.map_partitions(_partition, resolver or Resolver(), prefix, options, meta=meta)


def _extract_partition(
    series: Any, resolver: Resolver, prefix: str, options: dict[str, Any]
) -> Any:
    return extract_column(series, prefix=prefix, resolver=resolver, **options)


def extract_dask_column(
    column: Any, *, prefix: str = "place_", resolver: Resolver | None = None, **options: Any
) -> Any:
    """A dask DataFrame of the place mentions in a column of texts (as toponyms.extract_column):
    one row per mention, indexed by its source row's index, partition by partition."""
    import pandas as pd

    meta = pd.DataFrame(
        {
            "start": pd.Series(dtype="Int64"),
            "end": pd.Series(dtype="Int64"),
            "mention": pd.Series(dtype="string"),
            **{f"{prefix}{name}": pd.Series(dtype=dtype) for name, dtype in PANDAS_DTYPES.items()},
        }
    )
    return column.map_partitions(
        _extract_partition, resolver or Resolver(), prefix, options, meta=meta
    )


def _add_partition(
    frame: Any, column: str, resolver: Resolver, prefix: str, options: dict[str, Any]
) -> Any:
    return add_places(frame, column, prefix=prefix, resolver=resolver, **options)


def add_dask_places(
    frame: Any,
    column: str,
    *,
    prefix: str = "place_",
    resolver: Resolver | None = None,
    **options: Any,
) -> Any:
    """A dask DataFrame: ``frame`` with the result columns of its ``column`` added to each
    partition's rows in place order (as toponyms.add_places): right on any index."""
    import pandas as pd

    meta = frame._meta.copy()
    for name, dtype in PANDAS_DTYPES.items():
        meta[f"{prefix}{name}"] = pd.Series(dtype=dtype)
    return frame.map_partitions(
        _add_partition, column, resolver or Resolver(), prefix, options, meta=meta
    )
