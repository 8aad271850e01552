"""Batch paths: resolve_many equals resolve row by row; pandas columns; files; Dask workers."""

from __future__ import annotations

import io
import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import toponyms
from toponyms.files import resolve_file

ROWS = ["Pokrovsk", None, math.nan, 42, "Railway", "под Мирноградом", "Pokrovsk", "", "DFR"]


def test_resolve_many_keeps_one_answer_per_row_in_order() -> None:
    found = toponyms.resolve_many(iter(ROWS))  # a generator is fine
    assert len(found) == len(ROWS)
    assert [m.name if m else None for m in found] == [
        "Pokrovsk", None, None, None, None, "Myrnohrad", "Pokrovsk", None,
        "Donetsk People's Republic",
    ]  # fmt: skip


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(["Pokrovsk", "Kiev", "Mirnoglad", "DNR", "x", "Oleksandrivka"])))
def test_resolve_many_equals_resolve_row_by_row(names: list[str]) -> None:
    assert toponyms.resolve_many(names) == [toponyms.resolve(n) for n in names]


def test_resolve_many_in_processes_equals_single_process() -> None:
    names = [f"Pokrovsk{i}" for i in range(30)] + ["Pokrovsk", "DNR"]
    from toponyms import batch

    old, batch._PARALLEL_MIN = batch._PARALLEL_MIN, 10
    try:
        assert toponyms.resolve_many(names, processes=2) == toponyms.resolve_many(names)
    finally:
        batch._PARALLEL_MIN = old


def test_resolve_column_keeps_index_and_missing_values() -> None:
    pd = pytest.importorskip("pandas")
    s = pd.Series(["Pokrovsk", None, "Railway", pd.NA, "DFR"], index=[10, 20, 30, 40, 50])
    out = toponyms.resolve_column(s)
    assert list(out.index) == [10, 20, 30, 40, 50]
    assert out.loc[10, "place_name"] == "Pokrovsk" and out.loc[10, "place_geonames_id"] == 704422
    assert out.loc[[20, 30, 40], "place_id"].isna().all()
    assert out.loc[50, "place_kind"] == "entity"


def test_csv_file_gets_columns_escapes_formulas_and_passes_bad_rows_through() -> None:
    source = io.StringIO("id,place\n1,Pokrovsk\n2,=cmd()\n3,a,b\n4,-5\n")
    sink, warnings = io.StringIO(), []
    report = resolve_file(
        source, sink, column="place", fmt="csv", resolver=toponyms.Resolver(),
        warn=warnings.append,
    )  # fmt: skip
    lines = sink.getvalue().splitlines()
    assert lines[0].startswith("id,place,place_name,place_id")
    assert lines[1].startswith("1,Pokrovsk,Pokrovsk,katottg:UA14160210010099403")
    assert lines[2].startswith("2,'=cmd()")
    assert lines[3] == "3,a,b"  # unreadable: written through unchanged
    assert lines[4].startswith("4,-5,")  # a number is not a formula
    assert (report.rows, report.resolved, report.unreadable) == (4, 1, 1)
    assert warnings == ["line 4: 3 fields, the header has 2; written through unchanged"]


def test_jsonl_file_keeps_every_line() -> None:
    source = io.StringIO('{"p": "DNR"}\nnot json\n{"p": 5}\n')
    sink = io.StringIO()
    resolve_file(source, sink, column="p", fmt="jsonl", resolver=toponyms.Resolver(),
                 warn=lambda m: None)  # fmt: skip
    out = sink.getvalue().splitlines()
    assert json.loads(out[0])["place_id"] == "entity:dpr"
    assert out[1] == "not json"
    assert json.loads(out[2])["place_id"] is None


def test_dask_column_on_a_local_cluster_with_worker_processes() -> None:
    dd = pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("distributed")
    pd = pytest.importorskip("pandas")
    from toponyms.integrations.dask import resolve_dask_column

    frame = pd.DataFrame({"place": ["Pokrovsk", "Railway", None, "Kiev"] * 5})
    ddf = dd.from_pandas(frame, npartitions=4)
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster),
    ):
        out = resolve_dask_column(ddf["place"]).compute()
    expected = toponyms.resolve_column(frame["place"])
    pd.testing.assert_frame_equal(out.sort_index(), expected)
