"""The `toponyms` command: a thin layer over the library (parse arguments, call, format).

No matching or data logic lives here. Exit status: 0 success, 1 when some name was not
found or a file is invalid, 2 on usage errors (a wrong option included: the library checks them).
"""

from __future__ import annotations

import argparse
import bz2
import gzip
import json
import os
import sys
import tempfile
from collections.abc import Sequence
from contextlib import ExitStack
from dataclasses import asdict
from typing import Any

from . import __version__
from .errors import SchemeError, ToponymsError
from .extract import extract_with
from .files import Format, decoded_lines, resolve_file
from .gazetteer import shipped, validate
from .resolver import Resolver
from .results import Answer, Match
from .text.translit import schemes, transliterate

_COLUMNS = (
    "query", "status", "name", "kind", "admin2", "admin1", "places", "id", "name conf",
    "place conf", "how",
)  # fmt: skip


def _names(args: argparse.Namespace) -> list[str]:
    if args.names == ["-"]:
        return [line.rstrip("\r\n") for line in sys.stdin]
    return list(args.names)


def _resolve(args: argparse.Namespace) -> int:
    resolver = Resolver()
    options = {"country": args.country, "kind": args.kind, "within": args.within}
    try:
        resolver._check_options(**options, threshold=args.threshold)
        if args.limit is not None and args.limit < 1:
            raise ValueError(f"--limit {args.limit}: must be at least 1")
    except (ToponymsError, ValueError) as e:
        print(f"toponyms: {e}", file=sys.stderr)
        return 2
    status = 0
    rows: list[tuple[Answer, list[Match]]] = []
    for n, name in enumerate(_names(args), start=1):
        try:
            answer = resolver.lookup(name, threshold=args.threshold, **options)
            found = resolver.candidates(name, limit=args.limit, **options) if args.limit else []
        except (TypeError, ValueError) as e:
            print(f"toponyms: line {n}: {e}", file=sys.stderr)
            status = 1
            continue
        if answer.name is None:
            status = 1
        rows.append((answer, found))
        if args.json:
            record = answer.to_dict()
            if args.limit:
                record["candidates"] = [m.to_dict() for m in found]
            print(json.dumps(record, ensure_ascii=False), flush=True)
    if not args.json:
        _print_table(rows)
    return status


def _extract(args: argparse.Namespace) -> int:
    resolver = Resolver()
    try:
        resolver._check_options(country=args.country, within=args.within)
        if args.file == "-":
            stdin = getattr(sys.stdin, "buffer", None)  # a text stream replaced in tests
            raw = stdin.read() if stdin is not None else sys.stdin.read().encode("utf-8")
        else:
            with open(args.file, "rb") as f:
                raw = f.read()
    except (ToponymsError, OSError) as e:
        print(f"toponyms: {e}", file=sys.stderr)
        return 2
    damaged: set[int] = set()
    text = "".join(decoded_lines(raw.splitlines(keepends=True), damaged, errors="replace"))
    for number in sorted(damaged):
        print(
            f"toponyms: line {number}: invalid UTF-8, read with U+FFFD in place of the bad bytes",
            file=sys.stderr,
        )
    mentions = extract_with(resolver, text, within=args.within, country=args.country)
    status = 1 if damaged else 0
    if args.json:
        for m in mentions:
            print(json.dumps(m.to_dict(), ensure_ascii=False), flush=True)
        return status
    header = ("start", "end", "mention", "status", "name", "kind", "admin1", "id", "conf")
    rows = [
        (
            str(m.start), str(m.end), m.text.replace("\n", " "), m.status.value, m.name or "",
            m.answer.kind or "", m.answer.admin1 or "", m.place.id if m.place else "",
            f"{m.answer.name_confidence:.2f}",
        )
        for m in mentions
    ]  # fmt: skip
    widths = [max([len(h), *(len(r[i]) for r in rows)]) for i, h in enumerate(header)]
    for line in (header, *rows):
        print("  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip())
    return status


def _resolve_file(args: argparse.Namespace) -> int:
    name = args.input if args.input != "-" else (args.output or "")
    fmt = args.format or _format_of(name.removesuffix(".gz").removesuffix(".bz2"))
    if fmt is None:
        print("toponyms: say --format csv, tsv or jsonl (no telling extension)", file=sys.stderr)
        return 2
    show = sys.stderr.isatty()

    def progress(rows: int) -> None:
        if show:
            print(f"\r{rows:,} rows", end="", file=sys.stderr, flush=True)

    resolver = Resolver()
    try:  # before any file is opened: a wrong option must not touch the output
        resolver._check_options(country=args.country, kind=args.kind, within=args.within)
        if args.delimiter is not None and len(args.delimiter) != 1:
            raise ValueError(f"--delimiter {args.delimiter!r}: one character")
        if (
            args.output not in (None, "-")
            and args.input != "-"
            and _same_file(args.input, args.output)
        ):
            raise ValueError("the output is the input file: write to another file")
    except (ToponymsError, ValueError) as e:
        print(f"toponyms: {e}", file=sys.stderr)
        return 2
    damaged: set[int] = set()
    try:
        with ExitStack() as files:
            raw = (
                sys.stdin.buffer
                if args.input == "-"
                else files.enter_context(_open_input(args.input))
            )
            lines = decoded_lines(raw, damaged)
            if args.output in (None, "-"):
                sys.stdout.reconfigure(errors="surrogateescape")  # type: ignore[union-attr]
                sink: Any = sys.stdout
            else:
                # A temporary file beside the output, renamed into place only when the run
                # succeeds: a failed run leaves an existing output as it was.
                sink = files.enter_context(_Replacing(args.output))
            report = resolve_file(
                lines,
                sink,
                column=args.column,
                fmt=fmt,
                resolver=resolver,
                prefix=args.prefix,
                escape_formulas=not args.no_escape_formulas,
                delimiter=args.delimiter,
                damaged=damaged,
                progress=progress,
                country=args.country,
                kind=args.kind,
                within=args.within,
            )
    except (OSError, ValueError, EOFError, ToponymsError) as e:
        print(f"toponyms: {e}", file=sys.stderr)
        return 2
    if show:
        print(file=sys.stderr)
    print(
        f"{report.rows:,} rows, {report.named:,} named, {report.resolved:,} places identified, "
        f"{report.unreadable:,} unreadable (written through)",
        file=sys.stderr,
    )
    return 0 if report.unreadable == 0 else 1


def _open_input(path: str) -> Any:
    """The input as bytes, decompressed by its extension (.gz, .bz2)."""
    if path.endswith(".gz"):
        return gzip.open(path, "rb")
    if path.endswith(".bz2"):
        return bz2.open(path, "rb")
    return open(path, "rb")


def _same_file(a: str, b: str) -> bool:
    if os.path.realpath(a) == os.path.realpath(b):
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


class _Replacing:
    """A text file written under a temporary name beside ``path`` and renamed to ``path`` on a
    clean exit; removed on an error, leaving ``path`` untouched."""

    def __init__(self, path: str) -> None:
        self.path = path

    def __enter__(self) -> Any:
        directory = os.path.dirname(os.path.abspath(self.path))
        fd, self._temp = tempfile.mkstemp(prefix=".toponyms-", suffix=".part", dir=directory)
        self._file = open(fd, "w", encoding="utf-8", errors="surrogateescape", newline="")
        return self._file

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        self._file.close()
        if kind is None:
            os.replace(self._temp, self.path)
        else:
            os.unlink(self._temp)


def _format_of(path: str | None) -> Format | None:
    suffix = (path or "").rsplit(".", 1)[-1].lower()
    return {"csv": "csv", "tsv": "tsv", "tab": "tsv", "jsonl": "jsonl", "ndjson": "jsonl"}.get(
        suffix
    )  # type: ignore[return-value]


def _print_table(rows: list[tuple[Answer, list[Match]]]) -> None:
    table = [list(_COLUMNS)]
    for a, found in rows:
        m = a.place
        table.append([
            a.query or "", a.status.value, a.name or "", (m.kind if m else a.kind) or "",
            m.admin2 or "" if m else "", (m.admin1 if m else a.admin1) or "",
            str(len(a.places)) if a.name else "", m.id if m else "",
            f"{a.name_confidence:.2f}" if a.name else "",
            f"{a.place_confidence:.2f}" if a.name else "",
            (a.how or "") + (" (ambiguous)" if m is not None and m.ambiguous else ""),
        ])  # fmt: skip
        for c in found:
            table.append([
                "", "  candidate", c.name, c.kind, c.admin2 or "", c.admin1 or "", "", c.id, "",
                f"{c.confidence:.2f}", c.how,
            ])  # fmt: skip
    widths = [max(len(row[i]) for row in table) for i in range(len(_COLUMNS))]
    for row in table:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())


def _validate(args: argparse.Namespace) -> int:
    errors = validate(args.places, args.names)
    for e in errors:
        print(e, file=sys.stderr)
    if errors:
        more = " (stopped at 100)" if len(errors) >= 100 else ""
        print(f"{len(errors)} problem(s) found{more}", file=sys.stderr)
        return 1
    print(f"{args.places}: valid")
    return 0


def _show(args: argparse.Namespace) -> int:
    gazetteer = shipped()
    status = 0
    for place_id in args.ids:
        place = gazetteer.get(place_id)
        if place is None:
            print(f"{place_id}: no such place", file=sys.stderr)
            status = 1
            continue
        record = asdict(place)
        record["names"] = [
            {k: v for k, v in asdict(n).items() if k != "place_id"}
            for n in gazetteer.names_of(place_id)
        ]
        if args.json:
            print(json.dumps(record, ensure_ascii=False))
        else:
            for key, value in record.items():
                if key != "names" and value is not None:
                    print(f"{key:>12}: {value}")
            for n in record["names"]:
                dates = "–".join(filter(None, (n["valid_from"], n["valid_to"]))) or ""
                print(f"{'name':>12}: {n['name']} [{n['lang']}, {n['type']}] {dates}".rstrip())
            print()
    return status


def _translit(args: argparse.Namespace) -> int:
    for text in args.text:
        print(transliterate(text, args.scheme))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="toponyms", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"toponyms {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("resolve", help="resolve place names (use - to read them from stdin)")
    p.add_argument("names", nargs="+", metavar="NAME")
    p.add_argument("--json", action="store_true", help="one JSON object per name")
    p.add_argument("--limit", type=int, help="also show up to N ranked candidate places")
    p.add_argument("--country", help="ISO 3166-1 code: UA, RU")
    p.add_argument("--kind", help="city, town, village, raion, oblast, ...")
    p.add_argument("--within", help="a unit the place lies in: 'Donetsk Oblast' or a place id")
    p.add_argument(
        "--threshold", type=float, help="give a name or place only at this confidence or above"
    )
    p.set_defaults(run=_resolve)

    p = sub.add_parser("extract", help="find and resolve the places a text names")
    p.add_argument("file", help="UTF-8 text file, or - for standard input")
    p.add_argument("--json", action="store_true", help="one JSON object per mention (JSONL)")
    p.add_argument("--country", help="ISO 3166-1 code: UA, RU")
    p.add_argument("--within", help="a unit the text's places lie in")
    p.set_defaults(run=_extract)

    p = sub.add_parser("resolve-file", help="add result columns to a CSV, TSV or JSONL file")
    p.add_argument("input", help="file to read, or - for standard input")
    p.add_argument("--column", required=True, help="the column (or JSON key) with place names")
    p.add_argument("-o", "--output", help="file to write (default: standard output)")
    p.add_argument("--format", choices=("csv", "tsv", "jsonl"), help="default: from the extension")
    p.add_argument("--prefix", default="place_", help="prefix of the added columns")
    p.add_argument(
        "--delimiter", help="the CSV delimiter (default: the one the header shows: , ; tab |)"
    )
    p.add_argument("--country", help="ISO 3166-1 code: UA, RU")
    p.add_argument("--kind", help="city, town, village, raion, oblast, ...")
    p.add_argument("--within", help="a unit the places lie in")
    p.add_argument(
        "--no-escape-formulas",
        action="store_true",
        help="write values starting with = + - @ as they are (default: prefix with ')",
    )
    p.set_defaults(run=_resolve_file)

    p = sub.add_parser("validate", help="check a gazetteer file (and its names file)")
    p.add_argument("places", help="places CSV (same columns as data/gazetteer.csv)")
    p.add_argument("--names", help="names CSV (same columns as data/names.csv)")
    p.set_defaults(run=_validate)

    p = sub.add_parser("show", help="print a place of the shipped gazetteer by id")
    p.add_argument("ids", nargs="+", metavar="ID")
    p.add_argument("--json", action="store_true", help="one JSON object per line")
    p.set_defaults(run=_show)

    p = sub.add_parser("translit", help="transliterate Cyrillic text")
    p.add_argument("text", nargs="+")
    p.add_argument("--scheme", default="uk-kmu2010", help=f"one of: {', '.join(schemes())}")
    p.set_defaults(run=_translit)

    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except SchemeError as e:
        print(f"toponyms: {e}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
