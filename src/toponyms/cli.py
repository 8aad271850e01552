"""The `toponyms` command: a thin layer over the library (parse arguments, call, format).

No matching or data logic lives here. Exit status: 0 success, 1 when something was not
found or a file is invalid, 2 on usage errors.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from contextlib import ExitStack
from dataclasses import asdict

from . import __version__
from .errors import SchemeError
from .files import Format, resolve_file
from .gazetteer import shipped, validate
from .match import Match
from .resolver import Resolver
from .text.translit import schemes, transliterate

_UNIT_KINDS = ("country", "oblast", "federal_subject", "raion", "hromada", "entity")
_COLUMNS = ("query", "name", "kind", "admin2", "admin1", "id", "confidence", "how")


def _names(args: argparse.Namespace) -> list[str]:
    if args.names == ["-"]:
        return [line.rstrip("\r\n") for line in sys.stdin]
    return list(args.names)


def _resolve(args: argparse.Namespace) -> int:
    resolver = Resolver()
    options = {"country": args.country, "kind": args.kind, "within": args.within}
    if args.within and args.within not in resolver.gazetteer:
        unit = resolver.resolve(args.within, kind=_UNIT_KINDS)
        if unit is None:
            print(
                f"toponyms: --within {args.within!r} names no unit of the gazetteer",
                file=sys.stderr,
            )
            return 2
    status = 0
    rows: list[tuple[str, list[Match]]] = []
    for n, name in enumerate(_names(args), start=1):
        try:
            if args.limit:
                found = resolver.candidates(name, limit=args.limit, **options)
            else:
                one = resolver.resolve(name, threshold=args.threshold, **options)
                found = [] if one is None else [one]
        except (TypeError, ValueError) as e:
            print(f"toponyms: line {n}: {e}", file=sys.stderr)
            status = 1
            continue
        if not found:
            status = 1
        rows.append((name, found))
        if args.json:
            record: dict[str, object] = {"query": name}
            if args.limit:
                record["candidates"] = [m.to_dict() for m in found]
            else:
                record["match"] = found[0].to_dict() if found else None
            print(json.dumps(record, ensure_ascii=False), flush=True)
    if not args.json:
        _print_table(rows)
    return status


def _resolve_file(args: argparse.Namespace) -> int:
    fmt = args.format or _format_of(args.output if args.input == "-" else args.input)
    if fmt is None:
        print("toponyms: say --format csv, tsv or jsonl (no telling extension)", file=sys.stderr)
        return 2
    show = sys.stderr.isatty()

    def progress(rows: int) -> None:
        if show:
            print(f"\r{rows:,} rows", end="", file=sys.stderr, flush=True)

    try:
        with ExitStack() as files:
            source = (
                sys.stdin
                if args.input == "-"
                else files.enter_context(open(args.input, encoding="utf-8", newline=""))
            )
            sink = (
                sys.stdout
                if args.output in (None, "-")
                else files.enter_context(open(args.output, "w", encoding="utf-8", newline=""))
            )
            report = resolve_file(
                source,
                sink,
                column=args.column,
                fmt=fmt,
                resolver=Resolver(),
                prefix=args.prefix,
                escape_formulas=not args.no_escape_formulas,
                progress=progress,
                country=args.country,
                kind=args.kind,
                within=args.within,
            )
    except (OSError, ValueError) as e:
        print(f"toponyms: {e}", file=sys.stderr)
        return 2
    if show:
        print(file=sys.stderr)
    print(
        f"{report.rows:,} rows, {report.resolved:,} resolved, "
        f"{report.unreadable:,} unreadable (written through)",
        file=sys.stderr,
    )
    return 0 if report.unreadable == 0 else 1


def _format_of(path: str | None) -> Format | None:
    suffix = (path or "").rsplit(".", 1)[-1].lower()
    return {"csv": "csv", "tsv": "tsv", "tab": "tsv", "jsonl": "jsonl", "ndjson": "jsonl"}.get(
        suffix
    )  # type: ignore[return-value]


def _print_table(rows: list[tuple[str, list[Match]]]) -> None:
    table = [list(_COLUMNS)]
    for query, found in rows:
        if not found:
            table.append([query, "(no match)", "", "", "", "", "", ""])
        for i, m in enumerate(found):
            table.append([
                query if i == 0 else "", m.name, m.kind, m.admin2 or "", m.admin1 or "", m.id,
                f"{m.confidence:.2f}", m.how + (" (ambiguous)" if m.ambiguous else ""),
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
    p.add_argument("--limit", type=int, default=0, help="show up to N ranked candidates")
    p.add_argument("--country", help="ISO 3166-1 code: UA, RU")
    p.add_argument("--kind", help="city, town, village, raion, oblast, ...")
    p.add_argument("--within", help="a unit the place lies in: 'Donetsk Oblast' or a place id")
    p.add_argument("--threshold", type=float, help="answer only at this confidence or above")
    p.set_defaults(run=_resolve)

    p = sub.add_parser("resolve-file", help="add result columns to a CSV, TSV or JSONL file")
    p.add_argument("input", help="file to read, or - for standard input")
    p.add_argument("--column", required=True, help="the column (or JSON key) with place names")
    p.add_argument("-o", "--output", help="file to write (default: standard output)")
    p.add_argument("--format", choices=("csv", "tsv", "jsonl"), help="default: from the extension")
    p.add_argument("--prefix", default="place_", help="prefix of the added columns")
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
