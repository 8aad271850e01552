"""Resolve a dask.dataframe column: map_partitions with one Resolver per worker process.

The Resolver travels to workers as a recipe (it pickles without its index). Over the shipped
gazetteer, each worker process loads the index once (from the disk cache when warm) and shares it
with every partition it handles; a custom gazetteer's index is built per task, so keep those
small. Needs the ``dask`` extra: pip install 'toponyms[dask]'.
"""

from __future__ import annotations

from typing import Any

from ..batch import PANDAS_DTYPES, extract_column, resolve_column
from ..resolver import Resolver

__all__ = ["extract_dask_column", "resolve_dask_column"]


def _partition(series: Any, resolver: Resolver, prefix: str, options: dict[str, Any]) -> Any:
    return resolve_column(series, prefix=prefix, resolver=resolver, **options)


def resolve_dask_column(
    column: Any, *, prefix: str = "place_", resolver: Resolver | None = None, **options: Any
) -> Any:
    """A dask DataFrame of result columns (as toponyms.resolve_column), partition by partition.

    ``ddf.join(resolve_dask_column(ddf["place"]))`` or ``dd.concat([ddf, ...], axis=1)``.
    """
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
