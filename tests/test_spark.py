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


def test_spark_pandas_udf_gives_one_struct_per_row_equal_to_resolve(spark) -> None:  # type: ignore[no-untyped-def]
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
        m = None if r["raw"] is None else toponyms.resolve(r["raw"])
        if m is None:
            assert r["id"] is None and r["confidence"] is None
        else:
            assert (r["id"], r["name"], r["kind"], r["geonames_id"], r["how"]) == (
                m.id, m.name, m.kind, m.geonames_id, m.how,
            )  # fmt: skip
            assert r["confidence"] == pytest.approx(m.confidence)


def test_spark_options_reach_the_workers(spark) -> None:  # type: ignore[no-untyped-def]
    from toponyms.integrations.spark import resolve_spark_column

    df = spark.createDataFrame([("Kursk",)], "raw string")
    ua = df.select(resolve_spark_column("raw", country="UA").alias("p")).first()["p"]
    ru = df.select(resolve_spark_column("raw", country="RU").alias("p")).first()["p"]
    assert ru is not None and ru["id"] == toponyms.resolve("Kursk", country="RU").id  # type: ignore[union-attr]
    expected_ua = toponyms.resolve("Kursk", country="UA")
    assert (ua["id"] if ua is not None else None) == (expected_ua.id if expected_ua else None)


def test_the_documented_hand_written_udf_pattern(spark) -> None:  # type: ignore[no-untyped-def]
    from pyspark.sql.functions import pandas_udf

    @pandas_udf("string")  # type: ignore[misc]
    def place_id(names: pd.Series) -> pd.Series:
        return pd.Series([None if m is None else m.id for m in toponyms.resolve_many(names)])

    df = spark.createDataFrame([("Pokrovsk",), ("Railway",), (None,)], "raw string")
    got = [r["id"] for r in df.select(place_id("raw").alias("id")).collect()]
    assert got == [toponyms.resolve("Pokrovsk").id, None, None]  # type: ignore[union-attr]
