"""Score a lookup on the village set (benchmarks/data/villages.csv, see benchmarks/data/README.md).

    python benchmarks/villages.py [--limit N] [--context oblast|none|both]

A lookup is any callable ``lookup(query, within) -> (name, place_id, name_confidence,
place_confidence)``: the canonical name it answers (or None) and the place it identifies (or
None), each with a confidence. ``within`` is the oblast's canonical name ("Donetsk Oblast") or
None. ``evaluate`` runs every case in both contexts and returns, per context, the overall
figures and the same by query language (uk, ru, en = Latin), by scheme and by category, plus
the (confidence, correct) pairs from which a caller computes calibration.

Scoring. The name is right when the answered name is one of the expected canonical names
(case-folded); no answer counts as wrong. An identified place is right when its id is in the
expected ids: the oblast's set when the oblast is given, the national set otherwise.

Run as a script, it scores a plain default lookup built on ``toponyms.candidates`` and
``toponyms.resolve`` (see ``default_lookup``).
"""

from __future__ import annotations

import argparse
import csv
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DEFAULT_PATH = Path(__file__).resolve().parent / "data" / "villages.csv"
CONTEXTS = ("oblast", "none")

Lookup = Callable[[str, str | None], tuple[str | None, str | None, float, float]]


@dataclass(frozen=True, slots=True)
class VillageCase:
    """One query of the set with its expected places and canonical names."""

    query: str
    lang: str  # uk, ru, or en (any Latin spelling)
    schemes: tuple[str, ...]  # every scheme that gives this query in this oblast
    source_form: str
    place_id: str  # the sampled place the query was made from
    oblast: str  # canonical name, as passed to ``within``
    ids_oblast: frozenset[str]
    names_oblast: frozenset[str]  # case-folded
    ids_national: frozenset[str]
    names_national: frozenset[str]  # case-folded
    category: str  # unique, homonym-national or homonym-oblast
    former_national: int

    def expected(self, context: str) -> tuple[frozenset[str], frozenset[str]]:
        """The expected (ids, case-folded names) when the oblast is given or not."""
        if context == "oblast":
            return self.ids_oblast, self.names_oblast
        return self.ids_national, self.names_national


def _split(cell: str, *, casefold: bool = False) -> frozenset[str]:
    parts = (p.casefold() if casefold else p for p in cell.split("|"))
    return frozenset(p for p in parts if p)


def load_villages(path: Path | str = DEFAULT_PATH) -> list[VillageCase]:
    """The cases of villages.csv (or of another file with the same columns)."""
    with Path(path).open(encoding="utf-8", newline="") as f:
        return [
            VillageCase(
                query=r["query"],
                lang=r["lang"],
                schemes=tuple(r["scheme"].split("|")),
                source_form=r["source_form"],
                place_id=r["place_id"],
                oblast=r["oblast"],
                ids_oblast=_split(r["ids_oblast"]),
                names_oblast=_split(r["names_oblast"], casefold=True),
                ids_national=_split(r["ids_national"]),
                names_national=_split(r["names_national"], casefold=True),
                category=r["category"],
                former_national=int(r["former_national"] or 0),
            )
            for r in csv.DictReader(f)
        ]


@dataclass(slots=True)
class _Tally:
    n: int = 0
    name_answered: int = 0
    name_right: int = 0
    identified: int = 0
    identified_right: int = 0

    def add(self, answered: bool, name_ok: bool, identified: bool, place_ok: bool) -> None:
        self.n += 1
        self.name_answered += answered
        self.name_right += name_ok
        self.identified += identified
        self.identified_right += place_ok

    def summary(self) -> dict[str, float]:
        def pct(part: int, whole: int) -> float:
            return round(100.0 * part / whole, 1) if whole else float("nan")

        return {
            "n": self.n,
            "name_right": pct(self.name_right, self.n),
            "name_answered": pct(self.name_answered, self.n),
            # Of the answered names, how many are right (the precision of answering).
            "answered_names_right": pct(self.name_right, self.name_answered),
            "places_identified": pct(self.identified, self.n),
            "identified_places_right": pct(self.identified_right, self.identified),
        }


def evaluate(
    lookup: Lookup, cases: Sequence[VillageCase], contexts: Iterable[str] = CONTEXTS
) -> dict[str, Any]:
    """Score ``lookup`` on ``cases`` in each context ("oblast": within the oblast; "none").

    Returns ``{context: {"overall": figures, "by_lang": {lang: figures}, "by_scheme": ...,
    "by_category": ..., "name_pairs": [(confidence, correct)], "place_pairs": [...]}}``, where
    figures are n and percentages (name_right, name_answered, answered_names_right,
    places_identified, identified_places_right). ``name_pairs`` holds one pair per answered
    name, ``place_pairs`` one per identified place: the inputs of a reliability table.
    """
    results: dict[str, Any] = {}
    for context in contexts:
        if context not in CONTEXTS:
            raise ValueError(f"unknown context {context!r}; expected one of {CONTEXTS}")
        overall = _Tally()
        groups: dict[str, dict[str, _Tally]] = {
            "by_lang": defaultdict(_Tally),
            "by_scheme": defaultdict(_Tally),
            "by_category": defaultdict(_Tally),
        }
        name_pairs: list[tuple[float, bool]] = []
        place_pairs: list[tuple[float, bool]] = []
        for case in cases:
            ids, names = case.expected(context)
            within = case.oblast if context == "oblast" else None
            name, place_id, name_conf, place_conf = lookup(case.query, within)
            name_ok = name is not None and name.casefold() in names
            place_ok = place_id is not None and place_id in ids
            if name is not None:
                name_pairs.append((float(name_conf), name_ok))
            if place_id is not None:
                place_pairs.append((float(place_conf), place_ok))
            outcome = (name is not None, name_ok, place_id is not None, place_ok)
            overall.add(*outcome)
            groups["by_lang"][case.lang].add(*outcome)
            groups["by_category"][case.category].add(*outcome)
            for scheme in case.schemes:  # a merged row counts under each of its schemes
                groups["by_scheme"][scheme].add(*outcome)
        results[context] = {
            "overall": overall.summary(),
            **{
                key: {k: t.summary() for k, t in sorted(tallies.items())}
                for key, tallies in groups.items()
            },
            "name_pairs": name_pairs,
            "place_pairs": place_pairs,
        }
    return results


def expected_calibration_error(pairs: Sequence[tuple[float, bool]], bins: int = 10) -> float:
    """Mean |confidence - accuracy| over equal-width bins, weighted by the bins' sizes."""
    if not pairs:
        return float("nan")
    binned: dict[int, list[tuple[float, bool]]] = defaultdict(list)
    for conf, ok in pairs:
        binned[min(int(conf * bins), bins - 1)].append((conf, ok))
    total = 0.0
    for members in binned.values():
        mean_conf = sum(c for c, _ in members) / len(members)
        accuracy = sum(ok for _, ok in members) / len(members)
        total += len(members) * abs(mean_conf - accuracy)
    return total / len(pairs)


# ------------------------------------------------------------------------ default lookup
NAME_CUTOFF = 0.46  # answer a name only when its summed confidence reaches this
CANDIDATE_LIMIT = 10


def default_lookup(query: str, within: str | None) -> tuple[str | None, str | None, float, float]:
    """``toponyms.lookup`` at its default threshold: the name whenever it is clear, however many
    places share it, and the place when one is identified."""
    import toponyms  # here, so that scoring another lookup needs no toponyms

    answer = toponyms.lookup(query, within=within)
    place = None if answer.place is None else answer.place.id
    return answer.name, place, answer.name_confidence, answer.place_confidence


# ------------------------------------------------------------------------------ report
_FIGURES = (
    ("n", "n", "{:.0f}"),
    ("name_right", "name right %", "{:.1f}"),
    ("name_answered", "answered %", "{:.1f}"),
    ("answered_names_right", "answered right %", "{:.1f}"),
    ("places_identified", "identified %", "{:.1f}"),
    ("identified_places_right", "identified right %", "{:.1f}"),
)


def _table(title: str, rows: dict[str, dict[str, float]]) -> str:
    header = f"| {title} | " + " | ".join(label for _, label, _ in _FIGURES) + " |"
    lines = [header, "|---|" + "---:|" * len(_FIGURES)]
    for key, figures in rows.items():
        cells = " | ".join(fmt.format(figures[f]) for f, _, fmt in _FIGURES)
        lines.append(f"| {key} | {cells} |")
    return "\n".join(lines)


def report(results: dict[str, Any]) -> str:
    parts = []
    for context, r in results.items():
        label = "with the oblast (within=)" if context == "oblast" else "no context"
        parts.append(f"## {label}\n")
        parts.append(_table("all", {"all": r["overall"]}))
        for key in ("by_lang", "by_scheme", "by_category"):
            parts.append("")
            parts.append(_table(key.removeprefix("by_"), r[key]))
        parts.append(
            f"\nECE: name {expected_calibration_error(r['name_pairs']):.3f} "
            f"({len(r['name_pairs'])} answered), place "
            f"{expected_calibration_error(r['place_pairs']):.3f} "
            f"({len(r['place_pairs'])} identified)\n"
        )
    return "\n".join(parts)


def markdown(results: dict[str, Any]) -> str:
    """The results as compact Markdown for docs/accuracy.md: each context overall, then by
    query language and by homonym category, with the calibration error of each level."""
    parts = []
    for context, r in results.items():
        label = "with the oblast (`within=`)" if context == "oblast" else "with no context"
        parts.append(f"**{label}**: name ECE {expected_calibration_error(r['name_pairs']):.3f}, "
                     f"place ECE {expected_calibration_error(r['place_pairs']):.3f}\n")  # fmt: skip
        rows = {"all": r["overall"], **r["by_lang"], **r["by_category"]}
        parts.append(_table("queries", rows))
        parts.append("")
    return "\n".join(parts)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--path", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--limit", type=int, default=0, help="score only the first N cases")
    parser.add_argument("--context", choices=(*CONTEXTS, "both"), default="both")
    args = parser.parse_args(argv)
    cases = load_villages(args.path)
    if args.limit:
        cases = cases[: args.limit]
    contexts = CONTEXTS if args.context == "both" else (args.context,)
    start = time.perf_counter()
    results = evaluate(default_lookup, cases, contexts)
    elapsed = time.perf_counter() - start
    print(report(results))
    runs = len(cases) * len(contexts)
    print(f"{runs} lookups in {elapsed:.0f} s ({1000 * elapsed / runs:.1f} ms each)")


if __name__ == "__main__":
    main()
