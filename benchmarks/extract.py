"""Measure ``toponyms.extract`` on labelled real report text, beside baselines run the same way.

Reads the labelled sample kept beside the repository (``--root``; by default the one next to it):
its texts, every place mention's span and canonical name, and the capitalised spans that are no
place (negatives). For each system:

- spans: precision and recall of the mentions found, counting a found span right when it overlaps
  a labelled one, and again when it is exactly it (start and end);
- names: of the labelled mentions found (overlap), the share whose canonical name is right;
- negatives: the share of labelled non-place spans that no found span overlaps.

Baselines: geotext and flashgeotext (English city names from GeoNames, found as written), and
``toponyms.resolve`` over every run of capitalised words (the run as a whole, else each word),
the obvious way to use a resolver on text without ``extract``. geotext and flashgeotext are
optional (``pip install geotext flashgeotext``); a missing one is skipped.

    python benchmarks/extract.py [--root DIR] [--failures N]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import toponyms  # noqa: E402

DEFAULT_ROOT = ROOT.parent / "shared" / "data" / "reports_dev"
# start, end, canonical name (None: unnamed), and for toponyms the identified place's KATOTTG code
Span = tuple[Any, ...]


@dataclass
class Text:
    id: str
    lang: str
    text: str
    gold: list[tuple[int, int, tuple[str, ...], str]]  # start, end, canonical names, kind
    codes: list[frozenset[str]]  # per gold mention: the codes right for it (narrowed if given)
    negatives: list[tuple[int, int]]


def load(root: Path) -> list[Text]:
    texts = {}
    with (root / "texts.jsonl").open(encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            texts[r["id"]] = Text(r["id"], r["lang"], r["text"], [], [], [])
    with (root / "mentions.csv").open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            names = tuple(n.strip() for n in r["canonical_en"].split("|") if n.strip())
            texts[r["text_id"]].gold.append((int(r["start"]), int(r["end"]), names, r["kind"]))
            codes = r["narrowed_katottg"] or r["expected_katottg"]
            texts[r["text_id"]].codes.append(frozenset(c for c in codes.split("|") if c))
    with (root / "negatives.csv").open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            why = r["why"].split(":")[0].strip()
            if why not in ("axis-adjective", "metonym"):  # informative, not errors
                texts[r["text_id"]].negatives.append((int(r["start"]), int(r["end"])))
    return list(texts.values())


def run_extract(text: str) -> list[Span]:
    return [
        (m.start, m.end, m.name, m.place.katottg if m.place is not None else None)
        for m in toponyms.extract(text)
    ]


def run_ngrams(text: str) -> list[Span]:
    """``toponyms.resolve`` over each run of capitalised words, else over each of its words."""
    out: list[Span] = []
    for run in re.finditer(r"\b[^\W\d_][\w'’\-]*(?:\s+[^\W\d_][\w'’\-]*)*", text):
        words = [
            w for w in re.finditer(r"[^\W\d_][\w'’\-]*", run.group()) if w.group()[0].isupper()
        ]
        if not words:
            continue
        m = toponyms.resolve(run.group())
        if m is not None and run.group()[0].isupper():
            out.append((run.start(), run.end(), m.name))
            continue
        for w in words:
            m = toponyms.resolve(w.group())
            if m is not None:
                out.append((run.start() + w.start(), run.start() + w.end(), m.name))
    return out


def _geotext() -> Callable[[str], list[Span]] | None:
    try:
        from geotext import GeoText
    except ImportError:
        return None

    def run(text: str) -> list[Span]:
        found = GeoText(text)
        out: list[Span] = []
        for name in dict.fromkeys(found.cities + found.countries):
            for m in re.finditer(re.escape(name), text):
                out.append((m.start(), m.end(), name))
        return out

    return run


def _flashgeotext() -> Callable[[str], list[Span]] | None:
    try:
        from flashgeotext.geotext import GeoText
    except ImportError:
        return None
    geotext = GeoText()

    def run(text: str) -> list[Span]:
        out: list[Span] = []
        for group in geotext.extract(text, span_info=True).values():
            for name, info in group.items():
                out.extend((s, e, name) for s, e in info["span_info"])
        return out

    return run


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score(texts: list[Text], system: Callable[[str], list[Span]]) -> dict[str, float]:
    found_n = found_right = found_exact = gold_n = gold_found = gold_exact = 0
    named = named_right = neg_n = neg_clear = 0
    settlements = settlement_named = identified = identified_right = 0
    for t in texts:
        found = system(t.text)
        found_n += len(found)
        for s, e, *_ in found:
            hits = [g for g in t.gold if _overlaps((s, e), g[:2])]
            found_right += bool(hits)
            found_exact += any((s, e) == g[:2] for g in hits)
        for (gs, ge, names, kind), codes in zip(t.gold, t.codes, strict=True):
            gold_n += 1
            hits = [f for f in found if _overlaps((gs, ge), f[:2])]
            if kind == "settlement":
                settlements += 1
                settlement_named += any(
                    f[2] is not None and f[2].casefold() in {n.casefold() for n in names}
                    for f in hits
                )
                placed = [f[3] for f in hits if len(f) > 3 and f[3] is not None]
                if placed and codes:
                    identified += 1
                    identified_right += placed[0] in codes
            if hits:
                gold_found += 1
                gold_exact += any(f[:2] == (gs, ge) for f in hits)
                if names:
                    named += 1
                    named_right += any(
                        f[2] is not None and f[2].casefold() in {n.casefold() for n in names}
                        for f in hits
                    )
        for ns, ne in t.negatives:
            neg_n += 1
            neg_clear += not any(_overlaps((ns, ne), f[:2]) for f in found)
    pct = lambda a, b: 100.0 * a / b if b else float("nan")  # noqa: E731
    return {
        "precision": pct(found_right, found_n),
        "recall": pct(gold_found, gold_n),
        "exact precision": pct(found_exact, found_n),
        "exact recall": pct(gold_exact, gold_n),
        "name right": pct(named_right, named),
        "negatives clear": pct(neg_clear, neg_n),
        "settlement names right": pct(settlement_named, settlements),
        "identified places right": pct(identified_right, identified),
        "found": found_n,
        "gold": gold_n,
    }


def failures(texts: list[Text], limit: int) -> None:
    shown = 0
    for t in texts:
        found = run_extract(t.text)
        for gs, ge, names, kind in t.gold:
            hits = [f for f in found if _overlaps((gs, ge), f[:2])]
            ok = any(f[:2] == (gs, ge) and f[2] in names for f in hits)
            if not ok and shown < limit:
                got = [(t.text[s:e], n) for s, e, n, *_ in hits]
                want = "|".join(names)[:40]
                print(f"  {t.id} {kind:10} {t.text[gs:ge]!r:32} want {want!r} got {got}")
                shown += 1
        for s, e, n, *_ in found:
            if not any(_overlaps((s, e), g[:2]) for g in t.gold) and shown < limit:
                print(f"  {t.id} {'extra':10} {t.text[s:e]!r:32} -> {n!r}")
                shown += 1


COLUMNS = [
    "precision",
    "recall",
    "exact precision",
    "exact recall",
    "name right",
    "settlement names right",
    "identified places right",
    "negatives clear",
]


def measure(root: Path = DEFAULT_ROOT) -> dict[str, dict[str, float] | None] | None:
    """Every system's scores on the labelled texts under ``root`` (None for a system not
    installed), with its milliseconds per text; None when the texts are not there."""
    if not (root / "texts.jsonl").exists():
        return None
    texts = load(root)
    systems: dict[str, Callable[[str], list[Span]] | None] = {
        "toponyms.extract": run_extract,
        "resolve over capitalised runs": run_ngrams,
        "geotext 0.4": _geotext(),
        "flashgeotext 0.5": _flashgeotext(),
    }
    for system in systems.values():  # warm up: loading and first-use indexes are not timed
        if system is not None:
            system(texts[0].text + " Mirnoglad")
    results: dict[str, dict[str, float] | None] = {}
    for name, system in systems.items():
        if system is None:
            results[name] = None
            continue
        t0 = time.perf_counter()
        result = score(texts, system)
        result["ms per text"] = 1000 * (time.perf_counter() - t0) / len(texts)
        results[name] = result
    return results


def markdown(results: dict[str, dict[str, float] | None]) -> str:
    lines = [
        "| system | " + " | ".join(COLUMNS) + " | ms per text |",
        "|---|" + "---:|" * (len(COLUMNS) + 1),
    ]
    for name, result in results.items():
        if result is None:
            lines.append(f"| {name} | not installed |" + " |" * len(COLUMNS))
            continue
        cells = " | ".join(
            "-" if result[c] != result[c] else f"{result[c]:.1f}%" for c in COLUMNS
        )  # NaN: not measured (baselines identify no place)
        lines.append(f"| {name} | {cells} | {result['ms per text']:.1f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", type=Path, default=DEFAULT_ROOT)
    ap.add_argument("--failures", type=int, default=0, help="list N misses and extra spans")
    args = ap.parse_args(argv)
    if not (args.root / "texts.jsonl").exists():
        print(f"no labelled texts in {args.root}: skipped", file=sys.stderr)
        return 0
    texts = load(args.root)
    print(
        f"{len(texts)} texts, {sum(len(t.gold) for t in texts)} mentions, "
        f"{sum(len(t.negatives) for t in texts)} non-place spans ({args.root.name})\n"
    )
    results = measure(args.root)
    assert results is not None
    print(markdown(results))
    if args.failures:
        print()
        failures(texts, args.failures)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
