"""Measure place-name lookup on labelled mentions in real report text.

    python benchmarks/reports.py --realtext [--failures N]     # the set in benchmarks/realtext
    python benchmarks/reports.py [--root PATH] [--failures N]  # the reports_dev sample

What it measures: every labelled place mention of a sample of real war reports (Russian
ministry communiqués, Ukrainian General Staff and regional reports, news in a dozen languages)
is looked up as written (inflected, in any script) under four contexts: ``none`` (the mention
alone), ``oblast`` (``within`` = the oblast the text states), ``text`` (that, plus ``near`` =
the other place mentions of the same text) and ``words`` (``toponyms.extract`` over the mention
and the five words either side of it, chained into one passage where neighbouring spans' words
meet, with ``within`` = the text's oblast: what the sentence around a name settles, such as "the
regions of Donetsk and Luhansk"). Scored per kind, per text
language and overall:
whether the canonical name is right and whether the place (its KATOTTG code) is right, the
share of non-place spans (units, people, media, rivers) left unanswered, and the (confidence,
correct) pairs for calibration.

Where the data comes from: the repository's own set (benchmarks/realtext: page addresses, spans
and labels, no text), and ``reports_dev``, a labelled sample kept outside the repository, whose
folder ``--root`` names (by default the copy kept next to the checkout; its README.md describes
the files and how the labels were made). Terms: its texts are excerpts
of public web pages, for measurement only, never to be copied into this repository or its
packages, so this script only reads them in place, skips cleanly when the folder is absent, and
prints mentions (short spans) but never whole texts. Both are development sets: use them to see
progress, not to tune rules to single rows.
"""

from __future__ import annotations

import argparse
import csv
import functools
import json
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple, Protocol

import toponyms

HERE = Path(__file__).resolve().parent
DEFAULT_ROOT = HERE.parent.parent / "shared" / "data" / "reports_dev"

CONTEXTS = ("none", "oblast", "text", "words")
# The words either side of a mention the ``words`` context reads: what the repository's set keeps.
WINDOW_WORDS = 5
# No space before these where the words around a mention are joined to it.
_NO_SPACE_BEFORE = tuple(".,;:!?)]»”\"'’")
_NO_SPACE_AFTER = tuple("([«„“\"'")
_ELISION = re.compile(r"(?:d|l|dell|dall|nell|sull|all|qu)['’]", re.IGNORECASE)
# Letters (whitespace aside) two neighbouring spans' words must share to be read as one passage.
_MIN_OVERLAP = 8
# Kinds whose mentions are places a lookup could pass as ``near``; ``russia`` rows are left out
# because the ``text`` context is about settling Ukrainian homonyms.
NEAR_KINDS = frozenset({"settlement", "oblast", "raion", "hromada", "entity"})
NEAR_CAP = 20
# Negatives the README calls informative only: an axis adjective whose stem is also a village,
# a capital standing for its government. Reported apart from the real non-places.
INFORMATIVE = frozenset({"axis-adjective", "metonym", "direction"})
# The labelled set kept in the repository (benchmarks/realtext/README.md): page addresses,
# mentions and labels, no page text.
REALTEXT = HERE / "realtext"
BINS = 10


# ------------------------------------------------------------------------------ the data
@dataclass(frozen=True, slots=True)
class Mention:
    """One labelled place mention; ``expected``/``narrowed`` hold KATOTTG codes."""

    id: str
    text_id: str
    lang: str
    mention: str
    start: int
    end: int
    kind: str
    oblast: str | None
    expected: frozenset[str]
    narrowed: frozenset[str]
    canonical_en: tuple[str, ...]
    unresolved: bool
    note: str

    @property
    def right_codes(self) -> frozenset[str]:
        """The codes a right answer may have: the narrowed set when the text settles it."""
        return self.narrowed or self.expected


@dataclass(frozen=True, slots=True)
class Negative:
    """A capitalised span that is not a place to resolve; ``category`` is the part of ``why``
    before its colon (unit, person, media, geo-feature, axis-adjective...)."""

    text_id: str
    lang: str
    mention: str
    start: int
    end: int
    category: str


@dataclass(frozen=True, slots=True)
class Reports:
    """The labelled sample, without the texts themselves (only their language is kept)."""

    root: Path
    mentions: tuple[Mention, ...]
    negatives: tuple[Negative, ...]
    # Rows whose span does not match their text: a sign that the files drifted apart.
    span_mismatches: tuple[str, ...] = ()
    # The words either side of each span, by (text id, start): the ``words`` context.
    windows: dict[tuple[str, int], tuple[str, str]] = field(default_factory=dict)


def _codes(cell: str) -> frozenset[str]:
    return frozenset(part.strip() for part in cell.split("|") if part.strip())


def load_reports(root: Path | None = None) -> Reports | None:
    """The labelled sample at ``root`` (default ``DEFAULT_ROOT``), or None when that folder is
    absent (it is kept outside the repository and is not always there)."""
    root = DEFAULT_ROOT if root is None else Path(root)
    if not (root / "mentions.csv").is_file():
        return None
    langs: dict[str, str] = {}
    texts: dict[str, str] = {}
    with (root / "texts.jsonl").open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                record = json.loads(line)
                langs[record["id"]] = record["lang"]
                texts[record["id"]] = record["text"]

    mismatches: list[str] = []

    def check(row_id: str, text_id: str, start: int, end: int, mention: str) -> None:
        if texts.get(text_id, "")[start:end] != mention:
            mismatches.append(row_id)

    mentions: list[Mention] = []
    with (root / "mentions.csv").open(encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            start, end = int(r["start"]), int(r["end"])
            check(r["id"], r["text_id"], start, end, r["mention"])
            mentions.append(
                Mention(
                    id=r["id"],
                    text_id=r["text_id"],
                    lang=langs.get(r["text_id"], "?"),
                    mention=r["mention"],
                    start=start,
                    end=end,
                    kind=r["kind"],
                    oblast=r["oblast"] or None,
                    expected=_codes(r["expected_katottg"]),
                    narrowed=_codes(r["narrowed_katottg"]),
                    canonical_en=tuple(
                        name.strip() for name in r["canonical_en"].split("|") if name.strip()
                    ),
                    unresolved=r["unresolved"].strip() == "1",
                    note=r["note"],
                )
            )
    negatives: list[Negative] = []
    with (root / "negatives.csv").open(encoding="utf-8", newline="") as f:
        for n, r in enumerate(csv.DictReader(f), start=2):
            start, end = int(r["start"]), int(r["end"])
            check(f"negatives.csv:{n}", r["text_id"], start, end, r["mention"])
            negatives.append(
                Negative(
                    text_id=r["text_id"],
                    lang=langs.get(r["text_id"], "?"),
                    mention=r["mention"],
                    start=start,
                    end=end,
                    category=r["why"].split(":", 1)[0].strip().strip('"'),
                )
            )
    windows = {
        (span.text_id, span.start): _window(texts.get(span.text_id, ""), span.start, span.end)
        for span in (*mentions, *negatives)
    }
    return Reports(root, tuple(mentions), tuple(negatives), tuple(mismatches), windows)


def _window(text: str, start: int, end: int) -> tuple[str, str]:
    """The ``WINDOW_WORDS`` words before ``start`` and after ``end`` in ``text``."""
    left = " ".join(text[:start].split()[-WINDOW_WORDS:])
    right = " ".join(text[end:].split()[:WINDOW_WORDS])
    return left, right


def load_realtext(root: Path = REALTEXT) -> Reports:
    """The repository's own labelled set (benchmarks/realtext), in the same shape as the sample
    beside the repository: ids are turned into KATOTTG codes (an entity keeps only the oblast
    code it claims), the page stands for the text. It stores no text, so spans are not checked
    here (benchmarks/realtext/check.py does that, given the texts)."""
    langs = {r["id"]: r["lang"] for r in _read_csv(root / "pages.csv")}
    mentions = []
    windows: dict[tuple[str, int], tuple[str, str]] = {}
    for r in _read_csv(root / "mentions.csv"):
        windows[r["page_id"], int(r["start"])] = (r["left"], r["right"])
        codes = {_code(i) or i for i in _codes(r["expected_ids"])}
        mentions.append(
            Mention(
                id=r["id"],
                text_id=r["page_id"],
                lang=langs.get(r["page_id"], "?"),
                mention=r["mention"],
                start=int(r["start"]),
                end=int(r["end"]),
                kind=r["kind"],
                oblast=r["oblast"] or None,
                expected=frozenset(codes),
                narrowed=frozenset(_code(i) or i for i in _codes(r["narrowed_ids"])),
                canonical_en=tuple(n.strip() for n in r["expected_names"].split("|") if n.strip()),
                unresolved=r["unresolved"].strip() == "1",
                note=r["note"],
            )
        )
    negatives = []
    for r in _read_csv(root / "negatives.csv"):
        if r.get("left") or r.get("right"):  # kept for the pages added with their words
            windows[r["page_id"], int(r["start"])] = (r["left"], r["right"])
        negatives.append(
            Negative(
                text_id=r["page_id"],
                lang=langs.get(r["page_id"], "?"),
                mention=r["mention"],
                start=int(r["start"]),
                end=int(r["end"]),
                category=r["why"].split(":", 1)[0].strip(),
            )
        )
    return Reports(root, tuple(mentions), tuple(negatives), windows=windows)


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def run_realtext(lookup: Lookup | None = None) -> dict[str, dict[str, Any]]:
    """``evaluate`` on the repository's own labelled set under every context."""
    reports = load_realtext()
    return {c: evaluate(lookup or public_lookup, reports, context=c) for c in CONTEXTS}


# ------------------------------------------------------------------------------ lookups
class Outcome(NamedTuple):
    """What a lookup answered. ``status`` is "identified" when it names one place."""

    name: str | None
    place_id: str | None
    name_confidence: float
    place_confidence: float
    status: str


class Lookup(Protocol):
    def __call__(
        self, query: str, *, within: str | None, near: list[str] | None
    ) -> tuple[str | None, str | None, float, float, str]: ...


def public_lookup(
    query: str, *, within: str | None, near: list[str] | None
) -> tuple[str | None, str | None, float, float, str]:
    """``toponyms.lookup`` at its default threshold: the name whenever it is clear, the place
    when identified."""
    return _outcome(toponyms.lookup(query, within=within, near=near))


def _outcome(answer: toponyms.Answer) -> Outcome:
    return Outcome(
        answer.name,
        None if answer.place is None else answer.place.id,
        answer.name_confidence,
        answer.place_confidence,
        answer.status.value,
    )


# ------------------------------------------------------------------------------ contexts
def _near_of(reports: Reports) -> dict[str, list[str]]:
    """Each text's place mentions in text order, deduplicated."""
    near: dict[str, list[str]] = defaultdict(list)
    for m in sorted(reports.mentions, key=lambda m: (m.text_id, m.start)):
        if m.kind in NEAR_KINDS and m.mention not in near[m.text_id]:
            near[m.text_id].append(m.mention)
    return near


def _text_oblasts(reports: Reports) -> dict[str, str]:
    """The oblast of each text whose mentions state exactly one: the context a negative span
    gets, since negatives carry no oblast of their own."""
    stated: dict[str, set[str]] = defaultdict(set)
    for m in reports.mentions:
        if m.oblast:
            stated[m.text_id].add(m.oblast)
    return {text_id: next(iter(s)) for text_id, s in stated.items() if len(s) == 1}


def _options(
    context: str, query: str, oblast: str | None, text_near: Sequence[str]
) -> tuple[str | None, list[str] | None]:
    if context == "none":
        return None, None
    if context in ("oblast", "words"):
        return oblast, None
    near = [name for name in text_near if name != query][:NEAR_CAP]
    return oblast, near or None


# ------------------------------------------------------------------------------ scoring
def _code(place_id: str | None) -> str | None:
    """The KATOTTG code of a ``katottg:`` place id, else None."""
    if place_id and place_id.startswith("katottg:"):
        return place_id.removeprefix("katottg:")
    return None


class _PlaceJudge:
    """Whether an answered place id is among a mention's codes. An entity (DPR, LPR) has no code
    of its own: the labels give the oblast it claims, so an entity answer counts by its oblast
    (read from the gazetteer, loaded only when such an answer turns up)."""

    def __init__(self, gazetteer: toponyms.Gazetteer | None) -> None:
        self._gazetteer = gazetteer

    def oblast_code(self, place_id: str) -> str | None:
        if self._gazetteer is None:
            self._gazetteer = toponyms._resolver().gazetteer
        place = self._gazetteer.get(place_id)
        if place is None or place.kind != "entity":
            return None
        return _code(place.oblast_id)

    def __call__(self, mention: Mention, place_id: str | None) -> bool:
        if place_id is None:
            return False
        codes = mention.right_codes
        if _code(place_id) in codes or place_id in codes:  # the repository's set keeps entity ids
            return True
        return mention.kind == "entity" and self.oblast_code(place_id) in codes


def _name_right(mention: Mention, name: str | None) -> bool:
    return name is not None and name.casefold() in {c.casefold() for c in mention.canonical_en}


def _scores_place(mention: Mention) -> bool:
    # Places in Russia carry no code (only canonical_en), so only their name is scored.
    return mention.kind != "russia" and bool(mention.expected)


class _Tally:
    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()

    def add(self, row: dict[str, Any]) -> None:
        c = self.counts
        if row["name_right"] is not None:
            c["n"] += 1
            c["name_answered"] += row["name"] is not None
            c["name_right"] += row["name_right"]
        if row["place_right"] is not None:
            c["n_place"] += 1
            c["place_identified"] += row["identified"]
            c["place_right"] += row["place_right"]

    def summary(self) -> dict[str, Any]:
        c = self.counts

        def pct(part: str, whole: str) -> float | None:
            return 100.0 * c[part] / c[whole] if c[whole] else None

        return {
            "n": c["n"],
            "name_answered": c["name_answered"],
            "name_right": c["name_right"],
            "n_place": c["n_place"],
            "place_identified": c["place_identified"],
            "place_right": c["place_right"],
            "name_answered_pct": pct("name_answered", "n"),
            "name_right_pct": pct("name_right", "n"),
            "place_identified_pct": pct("place_identified", "n_place"),
            "place_precision_pct": pct("place_right", "place_identified"),
            "place_recall_pct": pct("place_right", "n_place"),
        }


def _ask(
    lookup: Lookup, query: str, within: str | None, near: list[str] | None
) -> tuple[Outcome, str]:
    """The lookup's answer, or no answer and the error it raised (say for a ``within`` it does
    not know): an error counts as a wrong answer, not as a crash of the measurement."""
    try:
        return Outcome(*lookup(query, within=within, near=near)), ""
    except Exception as error:
        return Outcome(None, None, 0.0, 0.0, "error"), f"{type(error).__name__}: {error}"


def _joined(left: str, mention: str, right: str) -> tuple[str, int]:
    """The words around a mention joined to it, and where the mention starts in the result."""
    last = left.rsplit(" ", 1)[-1]
    attached = left.endswith(_NO_SPACE_AFTER) or (
        # Kherson-, l’, dell’: a hyphenated word's first half, an elided article
        len(last) > 1 and (last.endswith("-") or _ELISION.fullmatch(last) is not None)
    )
    head = left + ("" if not left or attached else " ")
    tail = ("" if not right or right.startswith(_NO_SPACE_BEFORE) else " ") + right
    return head + mention + tail, len(head)


def _nth_letter(text: str, n: int) -> int:
    """Where the ``n``-th (from 0) non-space character of ``text`` is."""
    for at, char in enumerate(text):
        if not char.isspace():
            if n == 0:
                return at
            n -= 1
    raise IndexError(n)


def _chain(passage: str, window: str, start: int, end: int) -> tuple[str, int, int] | None:
    """``passage`` continued by ``window`` when the end of one is the start of the other
    (whitespace aside, over at least ``_MIN_OVERLAP`` letters), with where the span at
    ``start:end`` of ``window`` falls in the result; None when they do not meet."""
    bare_window = "".join(window.split())
    bare_passage = "".join(passage.split())
    for size in range(min(len(bare_passage), len(bare_window)), _MIN_OVERLAP - 1, -1):
        if bare_passage.endswith(bare_window[:size]):
            break
    else:
        return None
    rest = _nth_letter(window, size - 1) + 1  # the window past the shared letters
    joined = passage + window[rest:]

    def place(at: int) -> int:
        if at >= rest:
            return len(passage) + at - rest
        letters = len("".join(window[:at].split()))
        return _nth_letter(passage, len(bare_passage) - size + letters)

    return joined, place(start), place(end - 1) + 1


def _passages(
    spans: Iterable[tuple[str, str, int]], windows: dict[tuple[str, int], tuple[str, str]]
) -> dict[tuple[str, int], tuple[str, int, int]]:
    """The text read around each span, as ``(passage, start, end)`` by (text id, start).

    A span's passage is its words either side joined to it; where the words kept around one
    span reach into the next one's, the two are chained into one passage, so a list longer than
    the window is read whole as far as its spans' words reach (a unit word after a long list of
    names, the oblast before it).
    """
    by_text: dict[str, set[tuple[int, str]]] = defaultdict(set)
    for text_id, mention, start in spans:
        if (text_id, start) in windows:
            by_text[text_id].add((start, mention))
    out: dict[tuple[str, int], tuple[str, int, int]] = {}

    def close(text_id: str, passage: str, chain: list[tuple[int, int, int]]) -> None:
        for key, start, end in chain:
            out[text_id, key] = (passage, start, end)

    for text_id, found in by_text.items():
        chain: list[tuple[int, int, int]] = []  # (start in the text, start and end in the passage)
        passage = ""
        for key, mention in sorted(found):
            left, right = windows[text_id, key]
            window, at = _joined(left, mention, right)
            joined = _chain(passage, window, at, at + len(mention)) if chain else None
            if joined is None or joined[1] < chain[-1][2]:
                close(text_id, passage, chain)
                chain, joined = [], (window, at, at + len(mention))
            passage = joined[0]
            chain.append((key, joined[1], joined[2]))
        close(text_id, passage, chain)
    return out


@functools.lru_cache(maxsize=2048)
def _extract(text: str, within: str | None) -> tuple[toponyms.Mention, ...]:
    return tuple(toponyms.extract(text, within=within))


def _ask_in_words(passage: tuple[str, int, int] | None, within: str | None) -> tuple[Outcome, str]:
    """What ``toponyms.extract`` finds at the mention in the text read around it (the found span
    overlapping it most): no answer when it finds none there, or when no words were kept."""
    none = Outcome(None, None, 0.0, 0.0, "no_match")
    if passage is None:
        return none, ""
    text, start, end = passage
    try:
        found = _extract(text, within)
    except Exception as error:
        return Outcome(None, None, 0.0, 0.0, "error"), f"{type(error).__name__}: {error}"
    best = max(
        (m for m in found if m.start < end and m.end > start),
        key=lambda m: min(end, m.end) - max(start, m.start),
        default=None,
    )
    if best is None:
        return none, ""
    return _outcome(best.answer), ""


def evaluate(
    lookup: Lookup,
    reports: Reports | None,
    *,
    context: str,
    gazetteer: toponyms.Gazetteer | None = None,
) -> dict[str, Any]:
    """Look every mention and negative up under ``context`` ("none", "oblast", "text") and
    score the answers; an empty dict when there is no data.

    The result: ``overall``, ``by_kind`` and ``by_lang`` (see ``_Tally.summary``), ``excluded``
    (mention ids left out of the name or place score, by reason; ``russia`` rows are scored on
    the name alone by design and not listed), ``negatives`` (share unanswered, by category; a
    negative takes the oblast of its text when the text's mentions state just one),
    ``calibration`` ((confidence, correct) pairs of every answered name and identified place, a
    non-answer having no correctness to calibrate; plus the confidences of answered negatives),
    ``errors`` and ``rows`` (one dict per looked-up span). ``gazetteer`` is only needed to place
    entity answers; it defaults to the shipped one.
    """
    if reports is None:
        return {}
    if context not in CONTEXTS:
        raise ValueError(f"context must be one of {CONTEXTS}, not {context!r}")
    judge = _PlaceJudge(gazetteer)
    passages = _passages(
        (
            (span.text_id, span.mention, span.start)
            for span in (*reports.mentions, *reports.negatives)
        ),
        reports.windows,
    )
    near_of = _near_of(reports)
    text_oblast = _text_oblasts(reports)

    overall = _Tally()
    by_kind: dict[str, _Tally] = defaultdict(_Tally)
    by_lang: dict[str, _Tally] = defaultdict(_Tally)
    excluded: dict[str, list[str]] = {"unresolved": [], "no_canonical_en": [], "no_code": []}
    name_pairs: list[tuple[float, bool]] = []
    place_pairs: list[tuple[float, bool]] = []
    errors: list[dict[str, Any]] = []
    rows: list[dict[str, Any]] = []
    started = time.perf_counter()

    for m in reports.mentions:
        if m.unresolved:
            excluded["unresolved"].append(m.id)
            continue
        if not m.canonical_en:
            excluded["no_canonical_en"].append(m.id)
        if m.kind != "russia" and not m.expected:
            excluded["no_code"].append(m.id)
        within, near = _options(context, m.mention, m.oblast, near_of[m.text_id])
        if context == "words":
            outcome, error = _ask_in_words(passages.get((m.text_id, m.start)), within)
        else:
            outcome, error = _ask(lookup, m.mention, within, near)
        identified = outcome.status == "identified" and outcome.place_id is not None
        name_right = _name_right(m, outcome.name) if m.canonical_en else None
        place_right = judge(m, outcome.place_id if identified else None)
        row = {
            "id": m.id,
            "text_id": m.text_id,
            "kind": m.kind,
            "lang": m.lang,
            "mention": m.mention,
            "within": within,
            "name": outcome.name,
            "place_id": outcome.place_id,
            "status": outcome.status,
            "identified": identified,
            "name_right": name_right,
            "place_right": place_right if _scores_place(m) else None,
            "expected_name": "|".join(m.canonical_en),
            "error": error,
        }
        rows.append(row)
        overall.add(row)
        by_kind[m.kind].add(row)
        by_lang[m.lang].add(row)
        if name_right is not None and outcome.name is not None:
            name_pairs.append((float(outcome.name_confidence), name_right))
        if row["place_right"] is not None and identified:
            place_pairs.append((float(outcome.place_confidence), place_right))
        if error:
            errors.append({"id": m.id, "mention": m.mention, "within": within, "error": error})

    negatives: dict[str, Any] = {"n": 0, "unanswered": 0, "by_category": {}}
    by_category: dict[str, Counter[str]] = defaultdict(Counter)
    negative_confidences: list[float] = []
    for neg in reports.negatives:
        oblast = text_oblast.get(neg.text_id)
        within, near = _options(context, neg.mention, oblast, near_of[neg.text_id])
        if context == "words":
            passage = passages.get((neg.text_id, neg.start))
            if passage is None:
                continue  # the repository's set keeps words around some of its negatives only
            outcome, error = _ask_in_words(passage, within)
        else:
            outcome, error = _ask(lookup, neg.mention, within, near)
        identified = outcome.status == "identified" and outcome.place_id is not None
        unanswered = not identified and outcome.name is None
        by_category[neg.category]["n"] += 1
        by_category[neg.category]["unanswered"] += unanswered
        if not unanswered:
            negative_confidences.append(
                float(outcome.place_confidence if identified else outcome.name_confidence)
            )
        if error:
            errors.append({"id": None, "mention": neg.mention, "within": within, "error": error})
        rows.append(
            {
                "id": None,
                "text_id": neg.text_id,
                "kind": f"negative:{neg.category}",
                "lang": neg.lang,
                "mention": neg.mention,
                "within": within,
                "name": outcome.name,
                "place_id": outcome.place_id,
                "status": outcome.status,
                "identified": identified,
                "name_right": None,
                "place_right": None,
                "unanswered": unanswered,
                "error": error,
            }
        )
    for category, counts in sorted(by_category.items()):
        negatives["by_category"][category] = dict(counts)
    real = [c for k, c in by_category.items() if k not in INFORMATIVE]
    negatives["n"] = sum(c["n"] for c in by_category.values())
    negatives["unanswered"] = sum(c["unanswered"] for c in by_category.values())
    negatives["n_real"] = sum(c["n"] for c in real)
    negatives["unanswered_real"] = sum(c["unanswered"] for c in real)
    for key, n in (("unanswered_pct", "n"), ("unanswered_real_pct", "n_real")):
        part = key.removesuffix("_pct")
        negatives[key] = 100.0 * negatives[part] / negatives[n] if negatives[n] else None

    return {
        "context": context,
        "n_mentions": len(reports.mentions),
        "overall": overall.summary(),
        "by_kind": {k: t.summary() for k, t in sorted(by_kind.items())},
        "by_lang": {
            k: t.summary()
            for k, t in sorted(by_lang.items(), key=lambda kv: (-kv[1].counts["n"], kv[0]))
        },
        "excluded": excluded,
        "negatives": negatives,
        "calibration": {
            "name": name_pairs,
            "place": place_pairs,
            "negatives": negative_confidences,
        },
        "errors": errors,
        "rows": rows,
        "seconds": time.perf_counter() - started,
    }


def expected_calibration_error(pairs: Iterable[tuple[float, bool]], bins: int = BINS) -> float:
    """ECE: the bin-size-weighted mean of |accuracy - mean confidence| over equal-width bins."""
    binned: dict[int, list[tuple[float, bool]]] = defaultdict(list)
    total = 0
    for confidence, correct in pairs:
        binned[min(int(confidence * bins), bins - 1)].append((confidence, correct))
        total += 1
    if not total:
        return 0.0
    return sum(
        abs(sum(c for c, _ in b) / len(b) - sum(ok for _, ok in b) / len(b)) * len(b) / total
        for b in binned.values()
    )


def run(lookup: Lookup = public_lookup, root: Path | None = None) -> dict[str, dict[str, Any]]:
    """``evaluate`` under every context; an empty dict (and a note) when the data is absent."""
    reports = load_reports(root)
    if reports is None:
        where = DEFAULT_ROOT if root is None else root
        print(f"reports_dev not found at {where}; skipping the report benchmark.")
        return {}
    if reports.span_mismatches:
        # Offsets that miss their text mean the files were edited apart; say so, go on.
        shown = ", ".join(reports.span_mismatches[:10])
        print(f"warning: {len(reports.span_mismatches)} spans do not match their text: {shown}")
    return {context: evaluate(lookup, reports, context=context) for context in CONTEXTS}


# ------------------------------------------------------------------------------ printing
def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def _table(result: dict[str, Any]) -> list[str]:
    head = (
        f"{'':<14}{'n':>5}{'name ans%':>10}{'name ok%':>9}{'n place':>8}"
        f"{'ident%':>8}{'prec%':>7}{'recall%':>8}"
    )
    lines = [head]

    def line(label: str, s: dict[str, Any]) -> str:
        return (
            f"{label:<14}{s['n']:>5}{_fmt(s['name_answered_pct']):>10}"
            f"{_fmt(s['name_right_pct']):>9}{s['n_place']:>8}"
            f"{_fmt(s['place_identified_pct']):>8}{_fmt(s['place_precision_pct']):>7}"
            f"{_fmt(s['place_recall_pct']):>8}"
        )

    lines.append(line("overall", result["overall"]))
    lines += [line(f"  {kind}", s) for kind, s in result["by_kind"].items()]
    lines += [line(f"  lang {lang}", s) for lang, s in result["by_lang"].items()]
    return lines


def markdown(results: dict[str, dict[str, Any]]) -> str:
    """The results as Markdown tables for docs/accuracy.md: per context, then per kind and per
    text language under the richest context (the text's oblast and its other places)."""

    def cell(value: float | None) -> str:
        return "" if value is None else f"{value:.1f}%"

    head = (
        "| {label} | n | name given | name right | n (place) | place identified | identified "
        "right | place right |\n|---|---:|---:|---:|---:|---:|---:|---:|"
    )

    def row(label: str, x: dict[str, Any]) -> str:
        return (
            f"| {label} | {x['n']} | {cell(x['name_answered_pct'])} | "
            f"{cell(x['name_right_pct'])} | {x['n_place']} | {cell(x['place_identified_pct'])} "
            f"| {cell(x['place_precision_pct'])} | {cell(x['place_recall_pct'])} |"
        )

    labels = {
        "none": "the mention alone",
        "oblast": "`within=` the text's oblast",
        "text": "`within=` and `near=` the text's other places",
        "words": "`extract` over the words around (five a side, chained), `within=` the oblast",
    }
    lines = [head.format(label="context")]
    for context, result in results.items():
        lines.append(row(labels.get(context, context), result["overall"]))
    lines.append("")
    lines.append("| context | settlement name right | settlement place right | negatives left "
                 "unanswered | ECE name | ECE place |")  # fmt: skip
    lines.append("|---|---:|---:|---:|---:|---:|")
    for context, result in results.items():
        settlement = result["by_kind"].get("settlement", {})
        neg, cal = result["negatives"], result["calibration"]
        lines.append(
            f"| {labels.get(context, context)} | {cell(settlement.get('name_right_pct'))} | "
            f"{cell(settlement.get('place_recall_pct'))} | {cell(neg['unanswered_pct'])} | "
            f"{expected_calibration_error(cal['name']):.3f} | "
            f"{expected_calibration_error(cal['place']):.3f} |"
        )
    richest = results.get("text") or next(iter(results.values()))
    lines += ["", "By kind and by language, with `within=` and `near=`:"]
    lines += ["", head.format(label="kind")]
    lines += [row(kind, x) for kind, x in richest["by_kind"].items()]
    lines += ["", head.format(label="language")]
    lines += [row(lang, x) for lang, x in richest["by_lang"].items()]
    words = results.get("words")
    if words:
        lines += ["", "By kind and by language, read by `extract` among the words around it:"]
        lines += ["", head.format(label="kind")]
        lines += [row(kind, x) for kind, x in words["by_kind"].items()]
        lines += ["", head.format(label="language")]
        lines += [row(lang, x) for lang, x in words["by_lang"].items()]
    return "\n".join(lines)


def print_report(results: dict[str, dict[str, Any]], failures: int = 0) -> None:
    for context, result in results.items():
        print(f"\n== context: {context}  ({result['seconds']:.1f} s)")
        print("\n".join(_table(result)))
        neg = result["negatives"]
        print(
            f"negatives left unanswered: {_fmt(neg['unanswered_pct'])}% of {neg['n']}"
            f" ({_fmt(neg['unanswered_real_pct'])}% of {neg['n_real']} without the informative"
            f" {'/'.join(sorted(INFORMATIVE))})"
        )
        cal = result["calibration"]
        print(
            f"ECE name {expected_calibration_error(cal['name']):.3f} over {len(cal['name'])},"
            f" place {expected_calibration_error(cal['place']):.3f} over {len(cal['place'])}"
        )
        excluded = {k: len(v) for k, v in result["excluded"].items() if v}
        print(f"excluded: {excluded or 'none'}; lookup errors: {len(result['errors'])}")
        for e in result["errors"][:5]:
            print(f"  error {e['id']} {e['mention']!r} within={e['within']!r}: {e['error']}")
        if failures:
            wrong = [
                r for r in result["rows"] if r["name_right"] is False or r["place_right"] is False
            ]
            print(f"first {min(failures, len(wrong))} of {len(wrong)} wrong mentions:")
            for r in wrong[:failures]:
                print(
                    f"  {r['id']} {r['kind']:<10} {r['mention']!r:<32} -> {r['name']!r}"
                    f" ({r['place_id']}) want {r['expected_name']!r}"
                )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--root", type=Path, default=None, help=f"default {DEFAULT_ROOT}")
    parser.add_argument("--failures", type=int, default=0, help="list N wrong mentions")
    parser.add_argument(
        "--realtext", action="store_true", help="measure the set kept in benchmarks/realtext"
    )
    args = parser.parse_args(argv)
    if args.realtext:
        print("benchmarks/realtext; lookup: toponyms.lookup (default threshold)")
        print_report(run_realtext(), args.failures)
        return 0
    results = run(public_lookup, args.root)
    if not results:
        return 0
    print(
        f"reports_dev at {args.root or DEFAULT_ROOT}; lookup: toponyms.lookup (default threshold)"
    )
    print_report(results, args.failures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
