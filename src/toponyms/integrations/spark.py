"""Resolve a Spark DataFrame column: a pandas UDF with one Resolver per Python worker.

Spark hands the UDF the column in Arrow batches, as pandas Series; each batch goes through
`toponyms.resolve_column`, so each distinct name in a batch is resolved once. Spark reuses its
Python workers (``spark.python.worker.reuse``, on by default), and the shipped gazetteer's index
is loaded once per worker process (from the disk cache when warm), then shared by every batch.
Needs pyspark (3.4 or later) with pyarrow: pip install 'toponyms[spark]'.
"""

from __future__ import annotations

from typing import Any

from ..batch import resolve_column
from ..resolver import Resolver
from ..results import COLUMNS

__all__ = ["SCHEMA", "resolve_spark_column"]

# The struct the UDF returns: the fields of toponyms.resolve_column, in the same order.
_TYPES = {"string": "string", "int": "bigint", "float": "double"}
SCHEMA = ", ".join(f"{name} {_TYPES[kind]}" for name, kind in COLUMNS)


def resolve_spark_column(column: Any, *, resolver: Resolver | None = None, **options: Any) -> Any:
    """A Spark Column of structs (the fields of toponyms.resolve_column: status, name,
    name_confidence, n_places, kind, admin1, country, id, admin2, katottg, geonames_id, lat,
    lon, confidence, how) looking up ``column`` (a Column or a column name); the place's fields
    are null unless it is identified. Options as for `toponyms.lookup` (country, kind, within,
    near, threshold).

    ``df.withColumn("place", resolve_spark_column("raw_place")).select("*", "place.*")``
    """
    import pandas as pd
    from pyspark.sql.functions import pandas_udf

    resolver = resolver or Resolver()

    def resolve_batch(names: Any) -> Any:
        found = resolve_column(names, prefix="", resolver=resolver, **options)
        # Arrow wants plain types: nullable pandas columns become objects with None.
        return found.astype(object).where(found.notna(), None)

    # Spark reads the UDF's kind (Series to DataFrame: a struct per row) from its annotations,
    # which must be the real classes, not this module's postponed strings.
    resolve_batch.__annotations__ = {"names": pd.Series, "return": pd.DataFrame}
    return pandas_udf(resolve_batch, SCHEMA)(column)
