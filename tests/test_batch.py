"""Batch paths: resolve_many equals resolve row by row; pandas columns; files; Dask workers."""

from __future__ import annotations

import csv
import io
import json
import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import toponyms
from toponyms.files import resolve_file

ROWS = ["Pokrovsk", None, math.nan, 42, "Railway", "под Мирноградом", "Pokrovsk", "", "DFR"]


def test_resolve_many_keeps_one_answer_per_row_in_order() -> None:
    found = toponyms.resolve_many(iter(ROWS))  # a generator is fine
    assert len(found) == len(ROWS)
    assert [a.name for a in found] == [
        "Pokrovsk", None, None, None, None, "Myrnohrad", "Pokrovsk", None,
        "Donetsk People's Republic",
    ]  # fmt: skip
    assert [a.status for a in found] == [
        "identified", "missing", "missing", "missing", "not_a_place", "identified",
        "identified", "missing", "identified",
    ]  # fmt: skip


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(["Pokrovsk", "Kiev", "Mirnoglad", "DNR", "x", "Oleksandrivka"])))
def test_resolve_many_equals_lookup_row_by_row(names: list[str]) -> None:
    assert toponyms.resolve_many(names) == [toponyms.lookup(n) for n in names]


def test_resolve_many_checks_its_options_before_any_row() -> None:
    with pytest.raises(toponyms.OptionError):
        toponyms.resolve_many(["Pokrovsk"], kind="citty")
    with pytest.raises(toponyms.UnknownUnitError):
        toponyms.resolve_many(["Pokrovsk"], within="Atlantis")


def test_resolve_many_in_processes_equals_single_process() -> None:
    names = [f"Pokrovsk{i}" for i in range(30)] + ["Pokrovsk", "DNR"]
    from toponyms import batch

    old, batch._PARALLEL_MIN = batch._PARALLEL_MIN, 10
    try:
        assert toponyms.resolve_many(names, processes=2) == toponyms.resolve_many(names)
    finally:
        batch._PARALLEL_MIN = old


@pytest.mark.parametrize("processes", [0, -2, 2.0, False, "2"])
def test_resolve_many_refuses_a_wrong_number_of_processes(processes: object) -> None:
    with pytest.raises(toponyms.OptionError):
        toponyms.resolve_many(["Pokrovsk"], processes=processes)  # type: ignore[arg-type]


def test_resolve_column_keeps_index_and_missing_values() -> None:
    pd = pytest.importorskip("pandas")
    s = pd.Series(["Pokrovsk", None, "Railway", pd.NA, "DFR"], index=[10, 20, 30, 40, 50])
    out = toponyms.resolve_column(s)
    assert list(out.index) == [10, 20, 30, 40, 50]
    assert out.loc[10, "place_name"] == "Pokrovsk" and out.loc[10, "place_geonames_id"] == 704422
    assert out.loc[[20, 30, 40], "place_id"].isna().all()
    assert list(out["place_status"]) == [
        "identified", "missing", "not_a_place", "missing", "identified",
    ]  # fmt: skip
    assert out.loc[50, "place_kind"] == "entity"


def test_resolve_column_names_a_shared_name_and_leaves_the_place_blank() -> None:
    pd = pytest.importorskip("pandas")
    out = toponyms.resolve_column(pd.Series(["Bohdanivka", "Торецьке"]), within="Donetsk Oblast")
    assert list(out["place_status"]) == ["ambiguous", "ambiguous"]
    assert list(out["place_name"]) == ["Bohdanivka", "Toretske"]
    assert (out["place_n_places"] > 1).all() and out["place_id"].isna().all()
    assert (out["place_name_confidence"] >= toponyms.Resolver()._threshold).all()
    assert list(out["place_admin1"]) == ["Donetsk Oblast", "Donetsk Oblast"]


def test_every_table_output_has_the_one_result_schema() -> None:
    pd = pytest.importorskip("pandas")
    from toponyms.batch import PANDAS_DTYPES
    from toponyms.files import RESULT_FIELDS
    from toponyms.results import COLUMNS

    names = [name for name, _ in COLUMNS]
    assert list(RESULT_FIELDS) == names == list(PANDAS_DTYPES)
    out = toponyms.resolve_column(pd.Series(["Pokrovsk"]), prefix="")
    assert list(out.columns) == names
    assert [str(t) for t in out.dtypes] == list(PANDAS_DTYPES.values())
    assert list(toponyms.lookup("Pokrovsk").row()) == names


def test_csv_file_gets_columns_escapes_formulas_and_passes_bad_rows_through() -> None:
    source = io.StringIO("id,place\n1,Pokrovsk\n2,=cmd()\n3,a,b\n4,-5\n")
    sink, warnings = io.StringIO(), []
    report = resolve_file(
        source, sink, column="place", fmt="csv", resolver=toponyms.Resolver(),
        warn=warnings.append,
    )  # fmt: skip
    lines = sink.getvalue().splitlines()
    assert lines[0].startswith("id,place,place_status,place_name,place_name_confidence")
    assert lines[1].startswith("1,Pokrovsk,identified,Pokrovsk,")
    assert "katottg:UA14160210010099403" in lines[1]
    assert lines[2].startswith("2,'=cmd()")
    assert lines[3] == "3,a,b"  # unreadable: written through unchanged
    assert lines[4].startswith("4,-5,")  # a number is not a formula
    assert (report.rows, report.resolved, report.unreadable) == (4, 1, 1)
    assert warnings == ["line 4: 3 fields, the header has 2; line 4 written through unchanged"]


CELL = st.text(st.sampled_from('ab ,;"=+-@\t\n1Покровськ'), max_size=8)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(CELL, CELL, CELL), max_size=6), st.sampled_from([",", ";", "\t"]))
def test_csv_rows_read_back_as_written_with_the_results_appended(
    rows: list[tuple[str, str, str]], delimiter: str
) -> None:
    from toponyms.files import RESULT_FIELDS, _escape

    source = io.StringIO(newline="")
    csv.writer(source, delimiter=delimiter).writerows([("id", "place", "note"), *rows])
    sink = io.StringIO()
    report = resolve_file(
        io.StringIO(source.getvalue(), newline=""), sink, column="place", fmt="csv",
        resolver=toponyms.Resolver(), delimiter=delimiter, warn=lambda m: None,
    )  # fmt: skip
    out = list(csv.reader(io.StringIO(sink.getvalue(), newline=""), delimiter=delimiter))
    assert report.unreadable == 0 and len(out) == len(rows) + 1
    for row, written in zip(rows, out[1:], strict=True):
        assert written[:3] == [_escape(c) for c in row]
        assert len(written) == 3 + len(RESULT_FIELDS)
        assert written[3] == toponyms.lookup(row[1]).status.value


def test_jsonl_file_keeps_every_line() -> None:
    source = io.StringIO('{"p": "DNR"}\nnot json\n{"p": 5}\n')
    sink = io.StringIO()
    resolve_file(source, sink, column="p", fmt="jsonl", resolver=toponyms.Resolver(),
                 warn=lambda m: None)  # fmt: skip
    out = sink.getvalue().splitlines()
    assert json.loads(out[0])["place_id"] == "entity:dpr"
    assert out[1] == "not json"
    assert json.loads(out[2])["place_id"] is None
    assert json.loads(out[2])["place_status"] == "missing"


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


def test_resolve_file_checks_options_before_touching_the_output(tmp_path: Any) -> None:
    from toponyms.cli import main

    source, output = tmp_path / "in.csv", tmp_path / "out.csv"
    source.write_text("place\nPokrovsk\n", encoding="utf-8")
    output.write_text("precious\n", encoding="utf-8")
    args = ["resolve-file", str(source), "--column", "place", "-o", str(output)]
    assert main([*args, "--kind", "citty"]) == 2
    assert main([*args, "--within", "Atlantis"]) == 2
    assert output.read_text(encoding="utf-8") == "precious\n"
    assert main(args) == 0
    header, row = output.read_text(encoding="utf-8").splitlines()
    assert header.startswith("place,place_status,place_name,") and row.startswith("Pokrovsk,")


def test_dask_extract_gives_what_pandas_gives() -> None:
    dd = pytest.importorskip("dask.dataframe")
    pd = pytest.importorskip("pandas")
    from toponyms.integrations.dask import extract_dask_column

    frame = pd.DataFrame(
        {"text": ["Бої під Покровськом і Мирноградом.", None, "Kharkiv and Sumy.", "Nothing."] * 2}
    )
    ddf = dd.from_pandas(frame, npartitions=3)
    out = extract_dask_column(ddf["text"]).compute(scheduler="synchronous")
    expected = toponyms.extract_column(frame["text"])
    pd.testing.assert_frame_equal(out, expected)


# ------------------------------------------------------------ resolve-file: no row lost
def _run(tmp_path: Any, content: bytes, *args: str, name: str = "in.csv") -> tuple[int, Any]:
    from toponyms.cli import main

    source = tmp_path / name
    source.write_bytes(content)
    output = tmp_path / "out.csv"
    status = main(["resolve-file", str(source), "--column", "place", "-o", str(output), *args])
    return status, output


def test_resolve_file_refuses_to_write_over_its_input(tmp_path: Any) -> None:
    from toponyms.cli import main

    source = tmp_path / "same.csv"
    source.write_text("place\nPokrovsk\n", encoding="utf-8")
    assert main(["resolve-file", str(source), "--column", "place", "-o", str(source)]) == 2
    assert source.read_text(encoding="utf-8") == "place\nPokrovsk\n"


def test_a_failed_run_leaves_the_output_as_it_was(tmp_path: Any) -> None:
    (tmp_path / "out.csv").write_text("precious\n", encoding="utf-8")
    status, output = _run(tmp_path, b"place\nPokrovsk\n", "--column", "nope")
    assert status == 2 and output.read_text(encoding="utf-8") == "precious\n"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]
    status, output = _run(tmp_path, b'{"p": "Kiev"}\n', name="in.jsonl")  # no key "place"
    assert status == 2 and output.read_text(encoding="utf-8") == "precious\n"


def test_damaged_rows_are_reported_and_written_through_byte_for_byte(
    tmp_path: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    content = b'id,place\n1,Pokrovsk\n2,\xff\xfeBad\n3,Ki\x00ev\n4,Kharkiv\n5,"unclosed\n6,Sumy\n'
    status, output = _run(tmp_path, content)
    assert status == 1
    out = output.read_bytes().split(b"\n")
    assert out[0].startswith(b"id,place,place_status,")
    assert out[1].startswith(b"1,Pokrovsk,identified,Pokrovsk,")
    assert out[2] == b"2,\xff\xfeBad" and out[3] == b"3,Ki\x00ev"  # as they were
    assert out[4].startswith(b"4,Kharkiv,identified,")
    assert out[5:7] == [b'5,"unclosed', b"6,Sumy"]  # the unclosed quote took line 7 in
    err = capsys.readouterr().err
    for expected in ("line 3: invalid UTF-8", "line 4: a NUL byte", "line 6: a quote is never"):
        assert expected in err


def test_delimiter_bom_compression_and_large_fields(tmp_path: Any) -> None:
    import gzip

    status, output = _run(tmp_path, "\ufeffid;place\n1;Pokrovsk\n".encode())
    assert status == 0
    assert output.read_text(encoding="utf-8").splitlines()[1].startswith("1;Pokrovsk;identified")
    status, output = _run(tmp_path, b"id|place\n1|Kharkiv\n", "--delimiter", "|")
    assert status == 0 and "1|Kharkiv|identified" in output.read_text(encoding="utf-8")
    status, output = _run(tmp_path, gzip.compress(b"place\nSumy\n"), name="in.csv.gz")
    assert status == 0 and "Sumy,identified,Sumy" in output.read_text(encoding="utf-8")
    big = b"place,notes\nPokrovsk," + b"x" * 300_000 + b"\nKharkiv,ok\n"
    status, output = _run(tmp_path, big)
    assert status == 0 and len(output.read_text(encoding="utf-8").splitlines()) == 3


def test_add_places_is_right_on_a_duplicate_index() -> None:
    pd = pytest.importorskip("pandas")
    a = pd.DataFrame({"place": ["Pokrovsk", "Kiev"], "n": [1, 2]})
    b = pd.DataFrame({"place": ["Sumy", "Railway"], "n": [3, 4]})
    frame = pd.concat([a, b])  # index 0, 1, 0, 1
    out = toponyms.add_places(frame, "place")
    assert len(out) == 4 and list(out.index) == [0, 1, 0, 1]
    assert list(out["place_name"].fillna("-")) == ["Pokrovsk", "Kyiv", "Sumy", "-"]
    assert list(out["n"]) == [1, 2, 3, 4] and str(out["place_n_places"].dtype) == "Int64"
    assert "place_name" not in frame  # a copy


def test_dask_add_places_is_right_with_a_default_index_per_partition() -> None:
    dd = pytest.importorskip("dask.dataframe")
    pd = pytest.importorskip("pandas")
    from toponyms.integrations.dask import add_dask_places

    parts = [pd.DataFrame({"place": [p, "Kiev"]}) for p in ("Pokrovsk", "Sumy", "Railway")]
    ddf = dd.from_delayed([__import__("dask").delayed(p) for p in parts], meta=parts[0])
    out = add_dask_places(ddf, "place").compute(scheduler="synchronous")
    assert len(out) == 6
    assert list(out["place_name"].fillna("-")) == ["Pokrovsk", "Kyiv", "Sumy", "Kyiv", "-", "Kyiv"]


NAMES = ["Pokrovsk", "Kiev", "Sumy", "Mirnoglad", "Railway", "", "Kharkiv"]


@settings(max_examples=40, deadline=None)
@given(
    rows=st.lists(st.sampled_from(NAMES), min_size=1, max_size=30),
    damage=st.lists(
        st.tuples(st.integers(min_value=0), st.sampled_from([b"\xff", b"\x00", b"\xc3"])),
        max_size=6,
    ),
    quote=st.none() | st.integers(min_value=0),
)
def test_damaged_bytes_cost_only_their_rows(
    rows: list[str], damage: list[tuple[int, bytes]], quote: int | None
) -> None:
    """Every line comes out, in order: a readable row with its result columns, a damaged one as it
    was, and each damaged one is reported with its line. Damage is bad bytes and at most one
    stray quote (two can make a valid quoted field of several lines: that is CSV, not damage)."""
    import tempfile
    from pathlib import Path

    from toponyms.cli import main

    content = bytearray(("place,n\n" + "".join(f"{r},{i}\n" for i, r in enumerate(rows))).encode())
    header_end = content.index(b"\n") + 1
    if quote is not None:
        damage = [*damage, (quote, b'"')]
    for at, byte in damage:  # damage the data rows, never their line breaks
        spot = header_end + at % (len(content) - header_end)
        if content[spot : spot + 1] != b"\n":
            content[spot : spot + 1] = byte
    with tempfile.TemporaryDirectory() as tmp:
        source, output = Path(tmp) / "in.csv", Path(tmp) / "out.csv"
        source.write_bytes(bytes(content))
        import contextlib
        import io

        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            status = main(["resolve-file", str(source), "--column", "place", "-o", str(output)])
        lines_in = bytes(content).split(b"\n")[1:-1]
        lines_out = output.read_bytes().split(b"\n")[1:-1]
    assert status in (0, 1)
    assert len(lines_out) == len(lines_in)
    import re

    spans = [
        (int(a), int(b or a))
        for a, b in re.findall(r"lines? (\d+)(?:-(\d+))? written through", err.getvalue())
    ]
    for number, (before, after) in enumerate(zip(lines_in, lines_out, strict=True), start=2):
        if after == before:  # written through unchanged: damaged, and said so
            assert any(a <= number <= b for a, b in spans), (number, err.getvalue())
        elif b'"' not in before:  # a quote makes csv quote the field again on output
            assert after.startswith(before + b",") and after.count(b",") == before.count(b",") + 15
