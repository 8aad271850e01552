"""Measure the resolver, and a plain rapidfuzz baseline beside it, on the labelled set.

    python benchmarks/evaluate.py [--set eval|train] [--write-docs] [--failures N]
    python benchmarks/evaluate.py --fit-baseline     # refit the baseline's cutoff on train

Prints per-category top-1 accuracy and abstention, false matches on negatives, calibration
(ECE, reliability table) and time per query; ``--write-docs`` writes docs/accuracy.md. Also a
library for fitting: ``load_set``, ``heldout_gazetteer``, ``run``, ``summarize``. The set is
built by benchmarks/build_eval.py (see benchmarks/data/README.md); this file never changes it.
"""

from __future__ import annotations

import argparse
import csv
import shutil
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process
from rapidfuzz.utils import default_process

import toponyms

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
DOCS = HERE.parent / "docs" / "accuracy.md"
HELD_OUT = "alternate-held-out"

# The project's targets: top-1 accuracy overall and in every category (typos 90%), false
# matches on negatives, expected calibration error.
TARGET_ACCURACY = 0.95
TARGET_ACCURACY_TYPO = 0.90
TARGET_FALSE_MATCH = 0.02
TARGET_ECE = 0.05
BINS = 10

# The baseline abstains below this WRatio score. Fitted on train (`--fit-baseline`: the cutoff
# with the best overall top-1 accuracy, abstentions on negatives counted right); never on eval.
BASELINE_CUTOFF = 78.0


# ------------------------------------------------------------------------------ the set
@dataclass(frozen=True, slots=True)
class Case:
    """One labelled query. ``expected_id`` None: the right answer is no answer."""

    query: str
    expected_id: str | None
    category: str
    country: str | None = None
    kind: str | None = None
    within: str | None = None
    near: tuple[float, float] | tuple[str, ...] | None = None
    note: str = ""

    def options(self) -> dict[str, Any]:
        """The context as keyword arguments of Resolver.resolve / candidates."""
        options: dict[str, Any] = {}
        for name in ("country", "kind", "within"):
            value = getattr(self, name)
            if value:
                options[name] = value
        if isinstance(self.near, tuple) and self.near and isinstance(self.near[0], float):
            options["near"] = self.near
        elif self.near:
            options["near"] = list(self.near)
        return options


def parse_near(text: str) -> tuple[float, float] | tuple[str, ...] | None:
    """'lat;lon' -> (lat, lon); 'A|B' -> ('A', 'B'); '' -> None."""
    if not text:
        return None
    if ";" in text:
        lat, lon = text.split(";")
        return (float(lat), float(lon))
    return tuple(part for part in text.split("|") if part)


def load_set(name: str = "eval") -> list[Case]:
    """The cases of a set: 'eval', 'train', or a path to a CSV file in the same columns."""
    path = DATA / f"{name}.csv" if name in ("eval", "train") else Path(name)
    with path.open(encoding="utf-8", newline="") as f:
        return [
            Case(
                query=r["query"],
                expected_id=r["expected_id"] or None,
                category=r["category"],
                country=r["country"] or None,
                kind=r["kind"] or None,
                within=r["within"] or None,
                near=parse_near(r["near"]),
                note=r["note"],
            )
            for r in csv.DictReader(f)
        ]


def held_out(cases: Iterable[Case]) -> set[tuple[str, str]]:
    """(place_id, casefolded name) of every name the set holds out of the index."""
    return {
        (c.expected_id, c.query.casefold())
        for c in cases
        if c.category == HELD_OUT and c.expected_id
    }


def _shipped(name: str) -> Path:
    return Path(str(resources.files("toponyms") / "_data" / name))


def heldout_names(cases: Iterable[Case]) -> list[tuple[str, str]]:
    """(place_id, name) of every name row in the shipped names.csv, less the held-out ones."""
    removed = held_out(cases)
    with _shipped("names.csv").open(encoding="utf-8", newline="") as f:
        return [
            (r["place_id"], r["name"])
            for r in csv.DictReader(f)
            if (r["place_id"], r["name"].casefold()) not in removed
        ]


def heldout_gazetteer(cases: Iterable[Case]) -> toponyms.Gazetteer:
    """The shipped gazetteer without the names the set holds out (every row of the place with
    that spelling, case-insensitively), loaded from filtered copies in a temporary folder."""
    removed = held_out(cases)
    with tempfile.TemporaryDirectory(prefix="toponyms-eval-") as tmp:
        places = Path(tmp) / "gazetteer.csv"
        names = Path(tmp) / "names.csv"
        shutil.copyfile(_shipped("gazetteer.csv"), places)
        with (
            _shipped("names.csv").open(encoding="utf-8", newline="") as src,
            names.open("w", encoding="utf-8", newline="") as dst,
        ):
            reader = csv.reader(src)
            writer = csv.writer(dst, lineterminator="\n")
            header = next(reader)
            writer.writerow(header)
            place, name = header.index("place_id"), header.index("name")
            kept = dropped = 0
            for row in reader:
                if (row[place], row[name].strip().casefold()) in removed:
                    dropped += 1
                else:
                    writer.writerow(row)
                    kept += 1
        if dropped < len(removed):
            raise ValueError(f"only {dropped} name rows found for {len(removed)} held-out names")
        version = f"{toponyms.data_version()}-heldout"
        return toponyms.Gazetteer.from_csv(places, names, version=version)


# ------------------------------------------------------------------------------ running
@dataclass(frozen=True, slots=True)
class Outcome:
    """What the resolver did with one case.

    ``match`` is the top-1 answer whatever its confidence (resolve with threshold=0.0), for
    calibration; ``answered`` says whether resolve at its default threshold answered, and
    ``correct`` scores that default behaviour (abstaining is correct where no answer is
    expected). ``top1_correct`` scores ``match`` alone.
    """

    case: Case
    match: Any | None
    answered: bool
    correct: bool
    top1_correct: bool
    seconds: float
    error: str = ""
    name_correct: bool = False  # the name given at the default threshold (none where none is due)
    top_name_correct: bool = False  # the top-1 name, whatever its confidence
    name_confidence: float | None = None

    @property
    def confidence(self) -> float | None:
        return None if self.match is None else float(self.match.confidence)

    @property
    def answer_id(self) -> str | None:
        return None if self.match is None or not self.answered else str(self.match.id)


def same_place(gazetteer: Any, answer_id: str | None, expected_id: str | None) -> bool:
    """Whether an answer names the expected place: the same id, or one place named twice, a
    unit and a place it encloses under the same name (Saint Petersburg the federal city and the
    city; Moscow likewise). The resolver treats those as one place (docs/design.md), so a label
    naming either one is met by either."""
    if answer_id is None or expected_id is None:
        return False
    if answer_id == expected_id:
        return True
    if gazetteer is None:
        return False
    a, b = gazetteer.get(answer_id), gazetteer.get(expected_id)
    if a is None or b is None or a.name.casefold() != b.name.casefold():
        return False

    def encloses(unit: Any, place: Any) -> bool:
        parents = (place.parent_id, place.oblast_id, place.raion_id, place.hromada_id)
        return unit.id in parents

    return encloses(a, b) or encloses(b, a)


_bearers: dict[int, dict[str, frozenset[str]]] = {}


def expected_names(gazetteer: Any, case: Case) -> frozenset[str]:
    """The canonical names that answer ``case`` right at the name level: the expected place's
    name; for a shared name with no expected place, the canonical names of every place that
    bears the query as a name (from the gazetteer's name table, not from any answer); none for
    a negative."""
    if gazetteer is None:
        return frozenset()
    if case.expected_id is not None:
        place = gazetteer.get(case.expected_id)
        return frozenset() if place is None else frozenset({place.name})
    if case.category == "negative":
        return frozenset()
    bearers = _bearers.get(id(gazetteer))
    if bearers is None:
        found: dict[str, set[str]] = defaultdict(set)
        for place_id, row in gazetteer._name_rows():
            found[row[0].casefold()].add(gazetteer[place_id].name)
        bearers = _bearers[id(gazetteer)] = {k: frozenset(v) for k, v in found.items()}
    return bearers.get(case.query.strip().casefold(), frozenset())


def run(resolver: Any, cases: Sequence[Case], *, progress: bool = False) -> list[Outcome]:
    """Look every case up: at the default threshold, and (only where no place is identified)
    again with threshold=0.0 to get the top-1 answer and its confidences. Both levels are
    scored: the place against ``expected_id``, the name against ``expected_names``. An
    exception is recorded as a wrong answer with its message, not raised, so one bad query does
    not hide the rest."""
    outcomes = []
    gazetteer = getattr(resolver, "gazetteer", None)
    for i, case in enumerate(cases):
        options = case.options()
        start = time.perf_counter()
        try:
            answer = resolver.lookup(case.query, **options)
            seconds = time.perf_counter() - start
            top_answer = (
                answer
                if answer.place is not None
                else resolver.lookup(case.query, threshold=0.0, **options)
            )
        except Exception as e:  # reported per case; the run goes on
            outcomes.append(
                Outcome(case, None, False, False, False, 0.0, f"{type(e).__name__}: {e}")
            )
            continue
        expected = case.expected_id
        found, top = answer.place, top_answer.place
        correct = (
            found is None
            if expected is None
            else found is not None and same_place(gazetteer, found.id, expected)
        )
        top1 = top is not None and same_place(gazetteer, top.id, expected)
        names = expected_names(gazetteer, case)
        outcomes.append(
            Outcome(
                case, top, found is not None, correct, top1, seconds,
                name_correct=answer.name in names if names else answer.name is None,
                top_name_correct=top_answer.name in names,
                name_confidence=top_answer.name_confidence if top_answer.name else None,
            )
        )  # fmt: skip
        if progress and (i + 1) % 500 == 0:
            print(f"  {i + 1}/{len(cases)}", file=sys.stderr)
    return outcomes


class Baseline:
    """``rapidfuzz.process.extractOne`` over every name of the gazetteer (WRatio, default_process),
    the matched name mapped back to the first place that has it; no answer below ``cutoff``."""

    def __init__(self, names: Iterable[tuple[str, str]], cutoff: float = BASELINE_CUTOFF) -> None:
        place_of: dict[str, str] = {}
        for place_id, name in names:
            place_of.setdefault(name, place_id)
        self.names = list(place_of)
        self.places = [place_of[n] for n in self.names]
        # Processing the choices once is what processor=default_process does on every call.
        self._processed = [default_process(n) for n in self.names]
        self.cutoff = cutoff

    def best(self, query: str) -> tuple[str | None, float]:
        """The best place and its score, whatever the cutoff."""
        found = process.extractOne(
            default_process(query), self._processed, scorer=fuzz.WRatio, processor=None
        )
        if found is None:
            return None, 0.0
        _, score, index = found
        return self.places[index], float(score)

    def resolve(self, query: str) -> str | None:
        place_id, score = self.best(query)
        return place_id if score >= self.cutoff else None


@dataclass(frozen=True, slots=True)
class BaselineOutcome:
    case: Case
    place_id: str | None  # best place, whatever the score
    score: float
    seconds: float
    named: bool  # the best place is the expected one (same_place)

    def correct(self, cutoff: float) -> bool:
        if self.case.expected_id is None:
            return self.place_id is None or self.score < cutoff
        return self.score >= cutoff and self.named


def run_baseline(
    baseline: Baseline, cases: Sequence[Case], gazetteer: Any = None
) -> list[BaselineOutcome]:
    """The baseline's best place for every case; with ``gazetteer``, a place named twice counts
    as its namesake (same_place), as for our resolver."""
    outcomes = []
    for case in cases:
        start = time.perf_counter()
        place_id, score = baseline.best(case.query)
        seconds = time.perf_counter() - start
        named = same_place(gazetteer, place_id, case.expected_id)
        outcomes.append(BaselineOutcome(case, place_id, score, seconds, named))
    return outcomes


def fit_cutoff(outcomes: Sequence[BaselineOutcome]) -> tuple[float, float]:
    """The cutoff (0..100, step 1) with the best overall accuracy, and that accuracy."""
    best = (0.0, -1.0)
    for cutoff in range(101):
        accuracy = sum(o.correct(cutoff) for o in outcomes) / len(outcomes)
        if accuracy > best[1]:
            best = (float(cutoff), accuracy)
    return best


# ------------------------------------------------------------------------------ metrics
@dataclass(frozen=True, slots=True)
class Bin:
    low: float
    high: float
    n: int
    confidence: float  # mean confidence in the bin
    accuracy: float


def reliability(
    confidences: Sequence[float], corrects: Sequence[bool], bins: int = BINS
) -> list[Bin]:
    """Equal-width bins over [0, 1]; a confidence of exactly 1.0 falls in the last bin."""
    groups: list[list[tuple[float, bool]]] = [[] for _ in range(bins)]
    for c, ok in zip(confidences, corrects, strict=True):
        groups[min(int(c * bins), bins - 1)].append((c, ok))
    out = []
    for i, group in enumerate(groups):
        n = len(group)
        out.append(
            Bin(
                i / bins,
                (i + 1) / bins,
                n,
                sum(c for c, _ in group) / n if n else 0.0,
                sum(ok for _, ok in group) / n if n else 0.0,
            )
        )
    return out


def expected_calibration_error(
    confidences: Sequence[float], corrects: Sequence[bool], bins: int = BINS
) -> float:
    """ECE: the bin-size-weighted mean of |accuracy - mean confidence| over equal-width bins."""
    total = len(confidences)
    if not total:
        return 0.0
    table = reliability(confidences, corrects, bins)
    return sum(b.n / total * abs(b.accuracy - b.confidence) for b in table)


@dataclass
class CategoryStats:
    n: int = 0
    correct: int = 0
    abstained: int = 0
    positives: int = 0  # cases with an expected place
    top1_correct: int = 0  # of those, the top-1 answer is right, whatever its confidence
    baseline_correct: int = 0
    errors: int = 0
    name_correct: int = 0

    @property
    def name_accuracy(self) -> float:
        return self.name_correct / self.n if self.n else 0.0

    @property
    def accuracy(self) -> float:
        return self.correct / self.n if self.n else 0.0

    @property
    def abstention(self) -> float:
        return self.abstained / self.n if self.n else 0.0

    @property
    def top1_accuracy(self) -> float | None:
        return self.top1_correct / self.positives if self.positives else None

    @property
    def baseline_accuracy(self) -> float:
        return self.baseline_correct / self.n if self.n else 0.0


@dataclass
class Summary:
    categories: dict[str, CategoryStats]
    overall: CategoryStats
    macro_accuracy: float
    false_match: float  # negatives answered
    baseline_false_match: float | None
    ece: float  # over every top-1 answer (threshold 0.0)
    ece_answered: float  # over the answers resolve gives at its default threshold
    name_ece: float  # over every top-1 name (threshold 0.0)
    name_bins: list[Bin]
    bins: list[Bin]
    answered: int  # cases with a top-1 answer (threshold 0.0)
    seconds: float  # mean per query, ours
    baseline_seconds: float | None
    baseline_cutoff: float | None
    errors: list[Outcome] = field(default_factory=list)

    def target_failures(self) -> list[str]:
        """The project's targets this run misses, one line each."""
        misses = []
        if self.overall.accuracy < TARGET_ACCURACY:
            misses.append(f"overall accuracy {self.overall.accuracy:.1%} < {TARGET_ACCURACY:.0%}")
        for name, s in self.categories.items():
            target = TARGET_ACCURACY_TYPO if name == "typo" else TARGET_ACCURACY
            if s.accuracy < target:
                misses.append(f"{name} accuracy {s.accuracy:.1%} < {target:.0%}")
        if self.false_match > TARGET_FALSE_MATCH:
            misses.append(f"false matches {self.false_match:.1%} > {TARGET_FALSE_MATCH:.0%}")
        if self.ece > TARGET_ECE:
            misses.append(f"ECE {self.ece:.3f} > {TARGET_ECE}")
        return misses


def summarize(
    outcomes: Sequence[Outcome],
    baseline: Sequence[BaselineOutcome] | None = None,
    cutoff: float | None = None,
) -> Summary:
    categories: dict[str, CategoryStats] = defaultdict(CategoryStats)
    overall = CategoryStats()
    for o in outcomes:
        for s in (categories[o.case.category], overall):
            s.n += 1
            s.correct += o.correct
            s.abstained += not o.answered
            s.positives += o.case.expected_id is not None
            s.top1_correct += o.top1_correct
            s.errors += bool(o.error)
            s.name_correct += o.name_correct
    if baseline is not None:
        assert cutoff is not None
        for b in baseline:
            ok = b.correct(cutoff)
            categories[b.case.category].baseline_correct += ok
            overall.baseline_correct += ok
    negatives = [o for o in outcomes if o.case.category == "negative"]
    false_match = sum(o.answered for o in negatives) / len(negatives) if negatives else 0.0
    baseline_false_match = None
    if baseline is not None:
        base_negatives = [b for b in baseline if b.case.category == "negative"]
        if base_negatives:
            baseline_false_match = sum(not b.correct(cutoff or 0) for b in base_negatives) / len(
                base_negatives
            )
    top = [o for o in outcomes if o.match is not None]
    confidences = [o.confidence or 0.0 for o in top]
    corrects = [o.top1_correct for o in top]
    answered = [o for o in top if o.answered]
    named = [o for o in outcomes if o.name_confidence is not None]
    name_confidences = [o.name_confidence or 0.0 for o in named]
    name_corrects = [o.top_name_correct for o in named]
    ordered = dict(sorted(categories.items(), key=lambda kv: _category_order(kv[0])))
    return Summary(
        categories=ordered,
        overall=overall,
        macro_accuracy=statistics.fmean(s.accuracy for s in ordered.values()) if ordered else 0.0,
        false_match=false_match,
        baseline_false_match=baseline_false_match,
        ece=expected_calibration_error(confidences, corrects),
        ece_answered=expected_calibration_error(
            [o.confidence or 0.0 for o in answered], [o.top1_correct for o in answered]
        ),
        bins=reliability(confidences, corrects),
        name_ece=expected_calibration_error(name_confidences, name_corrects),
        name_bins=reliability(name_confidences, name_corrects),
        answered=len(top),
        seconds=statistics.fmean(o.seconds for o in outcomes if not o.error) if outcomes else 0.0,
        baseline_seconds=statistics.fmean(b.seconds for b in baseline) if baseline else None,
        baseline_cutoff=cutoff,
        errors=[o for o in outcomes if o.error],
    )


_ORDER = (
    "exact", "alternate-held-out", "translit-", "case-form", "former", "typo",
    "abbreviation-entity", "homonym-context", "homonym-no-context", "negative",
)  # fmt: skip


def _category_order(category: str) -> tuple[int, str]:
    for i, prefix in enumerate(_ORDER):
        if category == prefix or (prefix.endswith("-") and category.startswith(prefix)):
            return (i, category)
    return (len(_ORDER), category)


def failures(outcomes: Sequence[Outcome], per_category: int = 10) -> dict[str, list[Outcome]]:
    """The worst failures of each category: confident wrong answers first, then abstentions
    (by the confidence of the top-1 answer that was withheld)."""
    by_category: dict[str, list[Outcome]] = defaultdict(list)
    for o in outcomes:
        if not o.correct:
            by_category[o.case.category].append(o)

    def badness(o: Outcome) -> tuple[int, float]:
        return (0 if o.error else 1 if o.answered else 2, -(o.confidence or 0.0))

    return {
        c: sorted(items, key=badness)[:per_category]
        for c, items in sorted(by_category.items(), key=lambda kv: _category_order(kv[0]))
    }


# ------------------------------------------------------------------------------ output
def format_table(summary: Summary) -> str:
    """The per-category table, as Markdown (also readable in a terminal)."""
    has_base = summary.baseline_cutoff is not None
    head = (
        "| category | n | name right | top-1 accuracy | abstained | top-1 right at any confidence |"
    )
    rule = "|---|---:|---:|---:|---:|---:|"
    if has_base:
        head += " baseline top-1 |"
        rule += "---:|"
    lines = [head, rule]

    def line(name: str, s: CategoryStats) -> str:
        top1 = "" if s.top1_accuracy is None else f"{s.top1_accuracy:.1%}"
        text = (
            f"| {name} | {s.n} | {s.name_accuracy:.1%} | {s.accuracy:.1%} | "
            f"{s.abstention:.1%} | {top1} |"
        )
        if has_base:
            text += f" {s.baseline_accuracy:.1%} |"
        return text

    for name, s in summary.categories.items():
        lines.append(line(name, s))
    lines.append(line("**overall**", summary.overall))
    macro = f"| macro mean over categories | | | {summary.macro_accuracy:.1%} | | |"
    if has_base:
        base_macro = statistics.fmean(s.baseline_accuracy for s in summary.categories.values())
        macro += f" {base_macro:.1%} |"
    lines.append(macro)
    return "\n".join(lines)


def format_reliability(summary: Summary, level: str = "place") -> str:
    lines = ["| confidence | n | mean confidence | accuracy |", "|---|---:|---:|---:|"]
    for b in summary.bins if level == "place" else summary.name_bins:
        if b.n:
            lines.append(
                f"| {b.low:.1f}-{b.high:.1f} | {b.n} | {b.confidence:.3f} | {b.accuracy:.3f} |"
            )
        else:
            lines.append(f"| {b.low:.1f}-{b.high:.1f} | 0 | | |")
    return "\n".join(lines)


def format_headline(summary: Summary) -> str:
    lines = [
        f"- Top-1 accuracy overall: **{summary.overall.accuracy:.1%}** "
        f"(target {TARGET_ACCURACY:.0%}; typos {TARGET_ACCURACY_TYPO:.0%})",
        f"- False matches on negatives: **{summary.false_match:.1%}** "
        f"(target at most {TARGET_FALSE_MATCH:.0%})",
        f"- Expected calibration error: **{summary.ece:.3f}** over all {summary.answered} top-1 "
        f"answers, {BINS} equal-width bins (target at most {TARGET_ECE}); "
        f"{summary.ece_answered:.3f} over the answers given at the default threshold; "
        f"names: **{summary.name_ece:.3f}** over every top-1 name",
        f"- Name right (the canonical name given at the default threshold, or none where none "
        f"is due): **{summary.overall.name_accuracy:.1%}**",
        f"- Time per query: {summary.seconds * 1000:.2f} ms",
    ]
    if summary.baseline_cutoff is not None:
        lines += [
            f"- Baseline (rapidfuzz `extractOne`, WRatio, cutoff {summary.baseline_cutoff:g} "
            f"fitted on train): top-1 accuracy {summary.overall.baseline_accuracy:.1%}, false "
            f"matches on negatives {summary.baseline_false_match or 0:.1%}, "
            f"{(summary.baseline_seconds or 0) * 1000:.1f} ms per query",
        ]
    misses = summary.target_failures()
    lines.append("- Targets met: all" if not misses else "- Targets missed: " + "; ".join(misses))
    if summary.errors:
        lines.append(f"- Queries that raised: {len(summary.errors)}")
    return "\n".join(lines)


def format_failures(outcomes: Sequence[Outcome], per_category: int) -> str:
    out = []
    for category, items in failures(outcomes, per_category).items():
        out.append(f"\n{category}:")
        for o in items:
            c = o.case
            context = ", ".join(f"{k}={v!r}" for k, v in c.options().items())
            if o.error:
                got = f"raised {o.error}"
            elif o.match is None:
                got = "no candidate"
            else:
                m = o.match
                verb = "answered" if o.answered else "abstained; top-1"
                got = f"{verb} {m.id} {m.name!r} ({m.kind}) conf {m.confidence:.2f}"
            out.append(
                f"  {c.query!r}{' [' + context + ']' if context else ''} -> expected "
                f"{c.expected_id or 'no answer'}; {got}  # {c.note}"
            )
    return "\n".join(out)


def real_text_sections() -> tuple[str, list[str]]:
    """docs/accuracy.md's first sections: real report text (when the labelled sample is beside
    the repository) and the village-level set, each measured with ``toponyms.lookup``; and the
    headline lines they give, against the targets."""
    sys.path.insert(0, str(HERE))
    import reports
    import villages

    headline = []
    own = reports.run_realtext()
    own_settlement = own["oblast"]["by_kind"]["settlement"]
    headline.append(
        f"- Real report text kept in the repository (benchmarks/realtext), settlement mentions "
        f"with `within=` the page's oblast: name right **{own_settlement['name_right_pct']:.1f}%**,"
        f" identified places right {own_settlement['place_precision_pct']:.1f}%; negatives left "
        f"unanswered {own['oblast']['negatives']['unanswered_real_pct']:.1f}% (directions and "
        f"metonyms apart)"
    )
    words = {kind: x["name_right_pct"] for kind, x in own["words"]["by_kind"].items()}
    headline.append(
        "- The same mentions read in their sentence (`toponyms.extract` over the five words "
        "either side, chained where neighbours' words meet, with the page's oblast), name right: "
        + ", ".join(
            f"{label} {words[kind]:.1f}%"
            for kind, label in (
                ("settlement", "settlements"), ("oblast", "oblasts"), ("raion", "raions"),
                ("hromada", "hromadas"), ("entity", "entities"), ("russia", "places in Russia"),
            )
        )
        + " (targets 97%, 97% for units, 95% for Russia)"
    )  # fmt: skip
    results = reports.run()
    if results:
        real = reports.markdown(results)
        settlement = results["oblast"]["by_kind"]["settlement"]
        text = results["text"]["by_kind"]["settlement"]
        headline.append(
            f"- Real report text beside the repository (reports_dev), settlement mentions with "
            f"`within=` the text's oblast: name right **{settlement['name_right_pct']:.1f}%** "
            f"(target 97%); with the text's other places as `near=` too, identified places right "
            f"{text['place_precision_pct']:.1f}%"
        )
    else:
        real = (
            "_Not measured in this run: the labelled sample was not found beside the repository._"
        )
    import extract as extract_benchmark

    spans = extract_benchmark.measure()
    if spans is not None and spans["toponyms.extract"] is not None:
        ours = spans["toponyms.extract"]
        in_text = extract_benchmark.markdown(spans)
        headline.append(
            f"- Places in running text (`toponyms.extract` on reports_dev): mention spans "
            f"precision **{ours['precision']:.1f}%**, recall **{ours['recall']:.1f}%** (overlap; "
            f"exact {ours['exact precision']:.1f}% / {ours['exact recall']:.1f}%; targets 95% / "
            f"95%, 90% exact); names right {ours['name right']:.1f}%"
        )
    else:
        in_text = (
            "_Not measured in this run: the labelled sample was not found beside the repository._"
        )
    with (reports.REALTEXT / "pages.csv").open(encoding="utf-8", newline="") as f:
        page_rows = list(csv.DictReader(f))
    pages, languages = len(page_rows), len({r["lang"] for r in page_rows})
    realtext = reports.load_realtext()
    negative_pages = len(
        {n.text_id for n in realtext.negatives if (n.text_id, n.start) in realtext.windows}
    )
    village_cases = villages.load_villages()
    found = villages.evaluate(villages.default_lookup, village_cases)
    village = villages.markdown(found)
    oblast, none = found["oblast"]["overall"], found["none"]["overall"]
    ece = villages.expected_calibration_error
    headline.append(
        f"- Village names of front-line oblasts: name right **{oblast['name_right']:.1f}%** with "
        f"the oblast (target 98%) and **{none['name_right']:.1f}%** with no context (target "
        f"95%); identified places right **{oblast['identified_places_right']:.1f}%** with the "
        f"oblast and {none['identified_places_right']:.1f}% with no context (target 99%); ECE "
        f"name {ece(found['oblast']['name_pairs']):.3f} / {ece(found['none']['name_pairs']):.3f},"
        f" place {ece(found['oblast']['place_pairs']):.3f} / "
        f"{ece(found['none']['place_pairs']):.3f} (target 0.03)"
    )
    return (
        f"""## Real report text: the set kept in the repository

{len(realtext.mentions)} place mentions and their non-place neighbours on {pages}
pages of war reporting in {languages} languages (ministry and General Staff summaries, regional
administrations, wires, blogs, machine-translated aggregators), labelled by hand against the
codifier, the renamings and the official Russian names in this repository
(benchmarks/realtext/README.md; no page text is stored). Measured by
`python benchmarks/reports.py --realtext`; the columns read as in the next section. The last
context reads each mention in its sentence as far as the set keeps it with `toponyms.extract`:
the five words either side, chained into one passage where the words kept around neighbouring
spans meet (a list longer than the window is read whole). It shows what the words around a name
settle ("the regions of Donetsk and Luhansk", "obwodów donieckiego, chersońskiego") and what they
cost (a span cut wrong). The set keeps the words around its negatives on {negative_pages} of its
pages, which that context scores.

{reports.markdown(own)}

## Real report text: a labelled sample beside the repository

Every labelled place mention of a sample of real war reports (`reports_dev`: 38 excerpts of
Russian ministry communiqués, Ukrainian General Staff and regional reports and news in a dozen
languages; 346 scored mentions, 77 non-place spans), looked up as written with
`toponyms.lookup`. Labels come from the KATOTTG codifier, the official renamings and the official
Russian names, never from a library's answer. The sample lives beside the repository and is
never copied into it; `python benchmarks/reports.py` measures it. "Name right" is the canonical
name given and right; "identified right" is the share of identified places that are right (the
place the text narrows to, where it does); "place right" is right places over all mentions with a
code. Places in Russia are scored on the name only. ECE is over the names given and the places
identified. A development sample: read it for progress, not for tuning single rows.

{real}

## Places in running text: `toponyms.extract`

The same sample's 38 texts, read whole: every place mention found, against the labelled spans.
Precision and recall count a found span right when it overlaps a labelled mention, and "exact"
when it has the same start and end; "name right" is over the labelled mentions found; "negatives
clear" is the share of the labelled non-place spans (units, people, media, rivers, streets; axes
and metonyms apart) that no found span touches. Baselines in the same run: `toponyms.resolve` over
every run of capitalised words, and geotext and flashgeotext (English city names as written;
`pip install geotext flashgeotext`). Measured by `python benchmarks/extract.py`.

{in_text}

## Village names of the front-line oblasts

{len(village_cases)} queries for {len(set(c.place_id for c in village_cases))} villages and towns
of eight front-line oblasts (`benchmarks/data/villages.csv`, built by
`benchmarks/build_villages.py` from the codifier's names and KOATUU's official Russian names):
each place's Ukrainian name, its Russian name, and Latin spellings made outside the package's own
tables (iuliia's Russian schemes, a KMU 2010 table and two informal news styles). Labels: every
current place of the oblast (or of Ukraine, with no context) bearing the query's source name in
Ukrainian or Russian. "Name right" counts a missing name as wrong; "identified right" is the share
of places reported as identified that are in the expected set. With no context the expected set
holds Ukrainian places only, so a Russian town of the same name (Alekseyevka, a town of Belgorod
Oblast, for Алексеевка) counts as wrong, and so does a Ukrainian city that outranks the villages
of its name (Vasylivka for "Vasilevka"): both follow the documented prominence rule, which these
labels do not share. ECE here is over the names given and the places identified.

{village}""",
        headline,
    )


def write_docs(summary: Summary, set_name: str, path: Path = DOCS) -> None:
    sections, headline = real_text_sections()
    headline.append(
        f"- Generated set: name right {summary.overall.name_accuracy:.1%}, place top-1 "
        f"{summary.overall.accuracy:.1%}, false matches on non-places {summary.false_match:.1%}; "
        f"ECE name {summary.name_ece:.3f}, place {summary.ece:.3f}"
    )
    summary_lines = "\n".join(headline)
    text = f"""# Accuracy

<!-- Written by `python benchmarks/evaluate.py --write-docs`; do not edit by hand. -->

Data version {toponyms.data_version()}, toponyms {toponyms.__version__}, on
{date.today().isoformat()}. Real report text first, then the village-level set, then the
generated set. Every answer has two levels (docs/api.md): the canonical **name**, given whenever
it is clear, and the **place**, given when one is identified; each has its own calibrated
confidence. Reproduce with:

```
python benchmarks/build_eval.py      # only if the gazetteer or the hand tables changed
python benchmarks/evaluate.py --write-docs
```

{summary_lines}

{sections}

## The generated set

Measured on the labelled **{set_name}** set ({summary.overall.n} queries), generated from the
package's own tables: it checks that the machinery works, not how real text fares.

{format_headline(summary)}

### Per category

Top-1 accuracy counts an abstention as wrong, except where the right answer is none
(negatives, and homonyms with no clearly most prominent place), where only abstaining is right.
"Abstained" is the share of queries `resolve` answered with None at its default threshold.
"Top-1 right at any confidence" is the share of queries with an expected place whose top-1
candidate is that place, threshold aside: the gap to top-1 accuracy is what abstention costs.
One place named twice, a unit and the place it encloses under the same name (Saint Petersburg
the federal city and the city), meets a label naming either, for our resolver and the baseline
alike (`same_place`).

"Name right" scores the canonical name `lookup` gives at its default threshold: right when it
is the expected place's name (for a shared name with no expected place, the name its holders
share), and right when none is given where none is due (negatives).

{format_table(summary)}

### Calibration

Every query's top-1 candidate (`lookup(..., threshold=0.0)`), its confidence against whether it
is right; answers to negatives count as wrong. Places:

{format_reliability(summary)}

Names (the top-1 name's confidence against whether it is an expected name):

{format_reliability(summary, "name")}

### The set

How each category's labels are made is in
[benchmarks/data/README.md](../benchmarks/data/README.md). In short: places are drawn by kind
(cities, towns, villages, raions, hromadas, oblasts, Russian places), every generated query is
checked to point at one place more clearly than at any other, the case forms, former names,
garbles and entity names are partly written by hand, and train and eval share no place and no
query. GeoNames alternate spellings of the `alternate-held-out` category are removed from the
gazetteer for the run, for our resolver and the baseline alike.

The `translit-*` queries are made with the package's own scheme tables (each checked against its
standard's published examples), and the resolver compares a Latin query with a Cyrillic name's
romanizations in those same schemes: for those categories the score is partly the tables agreeing
with themselves. `alternate-held-out` (spellings GeoNames collected, which no table produced) and
`typo` are the independent measures of spelling tolerance.

The baseline is `rapidfuzz.process.extractOne(query, names, scorer=fuzz.WRatio,
processor=default_process)` over every name of names.csv, the matched name mapped to the first
place that has it; it abstains below a score of {summary.baseline_cutoff:g}, the cutoff with
the best overall accuracy on the train set. It ignores context (`within`, `near`).
"""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


# ------------------------------------------------------------------------------ main
def make_resolver(cases: Sequence[Case]) -> Any:
    """Our resolver over the shipped gazetteer less the set's held-out names."""
    return toponyms.Resolver(heldout_gazetteer(cases))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default="eval", help="eval (default), train, or a CSV path")
    parser.add_argument("--write-docs", action="store_true", help="write docs/accuracy.md")
    parser.add_argument("--no-baseline", action="store_true", help="skip the baseline (faster)")
    parser.add_argument(
        "--fit-baseline", action="store_true", help="fit the baseline's cutoff on train, print it"
    )
    parser.add_argument(
        "--failures", type=int, default=0, metavar="N", help="print N failures per category"
    )
    args = parser.parse_args(argv)

    if args.fit_baseline:
        cases = load_set("train")
        outcomes = run_baseline(
            Baseline(heldout_names(cases)), cases, make_resolver(cases).gazetteer
        )
        cutoff, accuracy = fit_cutoff(outcomes)
        print(f"baseline cutoff fitted on train: {cutoff:g} (overall accuracy {accuracy:.1%})")
        return 0

    if not hasattr(toponyms, "Resolver"):
        print("toponyms.Resolver does not exist yet: nothing to evaluate", file=sys.stderr)
        return 2
    cases = load_set(args.set)
    start = time.perf_counter()
    resolver = make_resolver(cases)
    # Its index and word lists are built here, not inside the first timed queries.
    resolver.lookup("Pokrovsk")
    resolver.lookup("Mirnoglad")
    print(f"resolver built in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    outcomes = run(resolver, cases, progress=True)
    baseline = None
    if not args.no_baseline:
        baseline = run_baseline(
            Baseline(heldout_names(cases), BASELINE_CUTOFF), cases, resolver.gazetteer
        )
    summary = summarize(outcomes, baseline, None if baseline is None else BASELINE_CUTOFF)

    print(f"{args.set}: {len(cases)} cases, data version {toponyms.data_version()}\n")
    print(format_table(summary))
    print()
    print(format_headline(summary))
    print("\nReliability (all top-1 answers):")
    print(format_reliability(summary))
    if args.failures:
        print(format_failures(outcomes, args.failures))
    if args.write_docs:
        if baseline is None:
            parser.error("--write-docs needs the baseline (drop --no-baseline)")
        write_docs(summary, args.set)
        print(f"\nwrote {DOCS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
