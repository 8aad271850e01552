"""The Spark pattern (a pandas UDF) on a local session; skipped without pyspark or Java."""

from __future__ import annotations

import shutil

import pytest

import toponyms

pd = pytest.importorskip("pandas")  # module level: the UDF's annotations are resolved here


@pytest.fixture(scope="module")
def spark():  # type: ignore[no-untyped-def]
    sql = pytest.importorskip("pyspark.sql")
    pytest.importorskip("pyarrow")
    if shutil.which("java") is None:
        pytest.skip("Spark needs a Java runtime")
    session = (
        sql.SparkSession.builder.master("local[2]")
        .appName("toponyms-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    yield session
    session.stop()


def test_spark_pandas_udf_gives_one_struct_per_row_equal_to_lookup(spark) -> None:  # type: ignore[no-untyped-def]
    from toponyms.integrations.spark import resolve_spark_column

    names = ["Pokrovsk", "Railway", None, "Kiev", "под Мирноградом", "Oleksandrivka"] * 4
    df = spark.createDataFrame([(i, n) for i, n in enumerate(names)], "row long, raw string")
    out = (
        df.repartition(3)
        .withColumn("place", resolve_spark_column("raw"))
        .select("row", "raw", "place.*")
        .orderBy("row")
        .collect()
    )
    assert [r["row"] for r in out] == list(range(len(names)))  # nothing dropped, nothing added
    for r in out:
        expected = toponyms.lookup(r["raw"]).row()
        for column in ("status", "name", "n_places", "kind", "id", "geonames_id", "how"):
            assert r[column] == expected[column], (column, r)
        for column in ("name_confidence", "confidence"):
            assert r[column] == pytest.approx(expected[column]), (column, r)
    statuses = {r["raw"]: r["status"] for r in out}
    assert statuses["Oleksandrivka"] == "ambiguous" and statuses["Railway"] == "not_a_place"


def test_spark_options_reach_the_workers(spark) -> None:  # type: ignore[no-untyped-def]
    from toponyms.integrations.spark import resolve_spark_column

    df = spark.createDataFrame([("Kursk",)], "raw string")
    ua = df.select(resolve_spark_column("raw", country="UA").alias("p")).first()["p"]
    ru = df.select(resolve_spark_column("raw", country="RU").alias("p")).first()["p"]
    assert ru["id"] == toponyms.resolve("Kursk", country="RU").id  # type: ignore[union-attr]
    assert ua["status"] == toponyms.lookup("Kursk", country="UA").status


def test_the_documented_hand_written_udf_pattern(spark) -> None:  # type: ignore[no-untyped-def]
    from pyspark.sql.functions import pandas_udf

    @pandas_udf("string")  # type: ignore[misc]
    def canonical_name(names: pd.Series) -> pd.Series:
        return pd.Series([a.name for a in toponyms.resolve_many(names)])

    rows = [("Pokrovsk",), ("Railway",), (None,), ("Bohdanivka",)]
    df = spark.createDataFrame(rows, "raw string")
    got = [r["name"] for r in df.select(canonical_name("raw").alias("name")).collect()]
    assert got == ["Pokrovsk", None, None, "Bohdanivka"]
