"""Speed and memory of toponyms on the shipped gazetteer, beside a plain baseline in the same run.

    python benchmarks/performance.py [--rows 1000000] [--repeat 5] [--write-docs]

Prints, each a median over repeated runs: the latency of a real-looking mix of queries at first
sight (a fresh Resolver, every cache cleared: p50, p90, p99) and repeated, beside two baselines
timed in the same run (rapidfuzz extractOne/WRatio over every name, and a tuned ASCII-key
token_sort_ratio); resolve_many over all-distinct names at growing sizes, with one and two
processes, and over a realistic mix; resolve-file's rows per second and peak memory; cold start
and a fresh install; and extract's throughput. Timings are wall-clock on a shared machine:
compare ratios within a run, not absolute numbers across runs.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import platform
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process, utils

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "performance.md"

import toponyms  # noqa: E402
from toponyms.extract import extract_many_with, extract_with  # noqa: E402
from toponyms.gazetteer import shipped  # noqa: E402

KNOWN = "Pokrovsk"
# Near spellings that need the fuzzy stage (no exact, key or case-form hit): real garbles and
# one- or two-letter typos of names of every size.
FUZZY = [
    "Mirnoglad", "Pokrovks", "Bahkmut", "Kramatrosk", "Zaporizhia", "Avdiivkka", "Kostiantynvka",
    "Slovainsk", "Chasiv Yaar", "Toretks", "Selydovo", "Kurakhovo", "Vuhledrr", "Lymna",
    "Siversk", "Kupyansk-Vuzlovyi", "Huliaipolle", "Orikhv", "Nikopil", "Khersn", "Mykolayv",
    "Odessa", "Izyum", "Balakliya", "Vovchansk", "Sumi", "Bilgorod", "Kursk", "Sudzha",
    "Krasnogradsk", "Krasnorogsky", "Дружковкa", "Констянтинівкка", "Мариуполл", "Бердянскк",
]  # fmt: skip
# What real data looks like: a few hundred names repeated endlessly, some typos, some noise.
COMMON = [
    "Pokrovsk", "Myrnohrad", "Bakhmut", "Avdiivka", "Kramatorsk", "Sloviansk", "Kostiantynivka",
    "Chasiv Yar", "Toretsk", "Kurakhove", "Vuhledar", "Kharkiv", "Kupiansk", "Lyman", "Siversk",
    "Zaporizhzhia", "Orikhiv", "Huliaipole", "Kherson", "Mykolaiv", "Odesa", "Dnipro", "Sumy",
    "Kyiv", "Lviv", "Belgorod", "Kursk", "Sudzha", "Donetsk", "Luhansk", "Horlivka", "Makiivka",
    "Mariupol", "Berdiansk", "Melitopol", "Enerhodar", "Nikopol", "Kryvyi Rih", "Izium",
    "Vovchansk", "DPR", "LPR", "ДНР", "Покровськ", "Покровск", "Красноармейск", "Артемовск",
    "в Покровске", "под Мирноградом", "біля Авдіївки", "Donetsk region", "Kharkiv Oblast",
]  # fmt: skip
NOISE = ["Center", "Railway", "Ministry of Defense", "assault units", "Telegram", "Pushilin"]


def real_looking_queries(seed: int = 16) -> list[str]:
    """The real-text set's mentions and non-place words (benchmarks/realtext), each as written,
    and a misspelling of each longer one (a swapped, dropped, doubled or replaced letter):
    distinct strings, in a fixed shuffled order."""
    written: list[str] = []
    for name in ("mentions.csv", "negatives.csv"):
        with (ROOT / "benchmarks" / "realtext" / name).open(encoding="utf-8") as f:
            written += [r["mention"] for r in csv.DictReader(f)]
    rng = random.Random(seed)
    out = list(dict.fromkeys(written))
    out += [misspell(q, rng) for q in out if len(q) >= 5]
    out = list(dict.fromkeys(out))
    rng.shuffle(out)
    return out


def misspell(text: str, rng: random.Random) -> str:
    """One typing slip inside ``text``: two letters swapped, one dropped, doubled or replaced by
    a neighbouring vowel of its script."""
    i = rng.randrange(1, len(text) - 1)
    slip = rng.choice("sddr")
    if slip == "s":
        return text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    if slip == "d":
        return text[:i] + text[i + 1 :] if rng.random() < 0.5 else text[:i] + text[i] + text[i:]
    vowels = "аеиоуі" if "\u0400" <= text[i] <= "\u04ff" else "aeiou"
    return text[:i] + rng.choice(vowels) + text[i + 1 :]


def forget_everything(resolver: toponyms.Resolver) -> None:
    """Drop every memory a query leaves behind: the Resolver's answers, the text layer's and the
    index's per-string caches (any functools cache in the package), and the index's records of
    places met before. What is left is what a new process holds after loading."""
    resolver._forget()
    for module in list(sys.modules.values()):
        if module is None or not module.__name__.startswith("toponyms"):
            continue
        for value in list(vars(module).values()):
            clear = getattr(value, "cache_clear", None)
            if callable(clear):
                clear()
    resolver.index._infos.clear()
    resolver.index._last_fuzzy = None


def first_seen_latencies(queries: Sequence[str]) -> tuple[list[float], list[float]]:
    """Seconds per query, each asked once of a fresh Resolver with every cache cleared (first
    sight), then each asked again (repeat: the answer remembered)."""
    resolver = toponyms.Resolver()
    for warm in ("Pokrovsk", "Mirnoglad", "ДНР", "Донецкой Народной Республики", "в Покровске"):
        resolver.lookup(warm)  # one-time loads: index, word lists, segment table, entity claims
    forget_everything(resolver)
    first = seconds_each(resolver.lookup, queries)
    return first, seconds_each(resolver.lookup, queries)


def seconds_each(fn: Callable[[str], object], items: Sequence[str]) -> list[float]:
    """The wall-clock seconds of ``fn`` on each item, in order."""
    clock = time.perf_counter
    times = []
    for item in items:
        start = clock()
        fn(item)
        times.append(clock() - start)
    return times


class Baselines:
    """The two baselines, over every distinct name of the gazetteer: what an analyst writes
    first (rapidfuzz ``extractOne`` with ``WRatio``), and a tuned one (names and query folded to
    ASCII and lower case, ``token_sort_ratio`` with a score cutoff of 77). The tuned one folds
    with anyascii, which romanizes Cyrillic as unidecode does (unidecode is GPL)."""

    def __init__(self, names: Sequence[str]) -> None:
        from anyascii import anyascii

        self._fold = lambda s: anyascii(s).lower()
        self._plain = [utils.default_process(n) for n in names]
        self._folded = list(dict.fromkeys(self._fold(n) for n in names))

    def plain(self, q: str) -> object:
        return process.extractOne(
            utils.default_process(q), self._plain, scorer=fuzz.WRatio, processor=None
        )

    def tuned(self, q: str) -> object:
        return process.extractOne(
            self._fold(q), self._folded, scorer=fuzz.token_sort_ratio, processor=None,
            score_cutoff=77,
        )  # fmt: skip


def distinct_rows(n: int, seed: int = 17) -> list[str]:
    """``n`` distinct real-looking names: the gazetteer's names in every language, shuffled,
    half of them as written and half with a typing slip (misspell), then further slips."""
    g = shipped()
    names = sorted({nm.name for p in g for nm in g.names_of(p.id) if len(nm.name) >= 5})
    rng = random.Random(seed)
    rng.shuffle(names)
    out: dict[str, None] = {}
    round_ = 0
    while len(out) < n:
        for name in names:
            out[misspell(name, rng) if round_ or rng.random() < 0.5 else name] = None
            if len(out) >= n:
                break
        round_ += 1
    return list(out)


def resolve_file_speed(sizes: Sequence[int]) -> list[tuple[int, float, float]]:
    """(rows, rows per second, peak RSS in MB) of ``toponyms resolve-file`` on a CSV of
    realistic rows (an id, the place, a note), each size in a fresh process."""
    import tempfile

    code = (
        "import sys, time; from toponyms.cli import main; t = time.perf_counter(); "
        "code = main(sys.argv[1:]); elapsed = time.perf_counter() - t; "
        "hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM')]; "
        "import resource; "
        "print(elapsed, hwm[0].split()[1] if hwm else "
        "resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)"
    )
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            source = Path(tmp, f"in-{n}.csv")
            with source.open("w", encoding="utf-8", newline="") as f:
                w = csv.writer(f)
                w.writerow(["id", "place", "note"])
                for i, r in enumerate(realistic_rows(n, seed=n)):
                    w.writerow([i, r or "", "reported by the General Staff"])
            args = ["resolve-file", str(source), "--column", "place", "-o", f"{tmp}/out.csv"]
            done = subprocess.run(
                [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True
            )
            elapsed, rss = done.stderr.split()[-2:]
            out.append((n, n / float(elapsed), int(rss) / 1024))
    return out


def median_time(fn: Callable[[], object], repeat: int, number: int = 1) -> float:
    """Median seconds per call over ``repeat`` batches of ``number`` calls."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            fn()
        runs.append((time.perf_counter() - start) / number)
    return statistics.median(runs)


def percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def realistic_rows(n: int, seed: int = 7) -> list[str | None]:
    rng = random.Random(seed)
    rows: list[str | None] = []
    for _ in range(n):
        r = rng.random()
        if r < 0.90:
            rows.append(rng.choice(COMMON))
        elif r < 0.96:
            rows.append(rng.choice(FUZZY))
        elif r < 0.98:
            rows.append(rng.choice(NOISE))
        elif r < 0.99:
            rows.append(None)
        else:  # rare unknown strings: each distinct
            rows.append("".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(9)))
    return rows


def fresh_install() -> tuple[float, float] | None:
    """Seconds for import, a first exact and a first inexact answer, and peak RSS in MB, in a
    fresh process of a fresh wheel install (built and installed into a temporary directory, with
    an empty cache and home directory); None when the wheel cannot be built here."""
    import tempfile

    code = (
        "import time; t = time.perf_counter(); import toponyms; "
        "assert '/site/' in toponyms.__file__, toponyms.__file__; "
        "toponyms.resolve('Pokrovsk'); toponyms.resolve('Mirnoglad'); "
        "elapsed = time.perf_counter() - t; "
        "hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM')]; "
        "import resource; "
        "print(elapsed, hwm[0].split()[1] if hwm else "
        "resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    )
    with tempfile.TemporaryDirectory() as tmp:
        pip = [sys.executable, "-m", "pip", "-q"]
        built = subprocess.run(
            [*pip, "wheel", "--no-deps", "-w", f"{tmp}/dist", str(ROOT)], capture_output=True
        )
        wheels = list(Path(tmp, "dist").glob("toponyms-*.whl"))
        if built.returncode != 0 or not wheels:
            return None
        subprocess.run(
            [*pip, "install", "--no-deps", "--target", f"{tmp}/site", str(wheels[0])], check=True
        )
        Path(tmp, "home").mkdir()
        env = {
            **{k: v for k, v in os.environ.items() if k not in ("XDG_CACHE_HOME", "PYTHONPATH")},
            "PYTHONPATH": f"{tmp}/site",
            "HOME": f"{tmp}/home",
            "TOPONYMS_CACHE_DIR": f"{tmp}/cache",
        }
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
        ).stdout.split()
    return float(out[0]), int(out[1]) / 1024


def cold_start(repeat: int) -> tuple[float, float]:
    """Median seconds for import + load + first answer in a fresh process; its peak RSS in MB."""
    # Peak RSS from /proc (VmHWM): ru_maxrss would carry over the size of this big process
    # from before the child's exec.
    code = (
        "import time; t = time.perf_counter(); import toponyms; "
        "toponyms.resolve('Pokrovsk'); elapsed = time.perf_counter() - t; "
        "hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM')]; "
        "import resource; "
        "print(elapsed, hwm[0].split()[1] if hwm else "
        "resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    )
    # As after a pip install: bytecode compiled (a first run writes it), disk caches warm.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    times, rss = [], []
    for i in range(repeat + 1):
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
        ).stdout.split()
        if i == 0:
            continue
        times.append(float(out[0]))
        rss.append(int(out[1]) / 1024)  # both in KiB on Linux
    return statistics.median(times), statistics.median(rss)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=1_000_000, help="realistic resolve_many rows")
    ap.add_argument("--distinct", default="1000,10000,100000", help="all-distinct batch sizes")
    ap.add_argument("--file-rows", default="100000,1000000", help="resolve-file sizes")
    ap.add_argument("--baseline-sample", type=int, default=400, help="queries timed on baselines")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--write-docs", action="store_true")
    args = ap.parse_args(argv)
    runs = max(1, args.repeat // 2)

    # First sight and repeats, on the real-looking mix.
    queries = real_looking_queries()
    measured = [first_seen_latencies(queries) for _ in range(runs)]
    first = [statistics.median(t) for t in zip(*(m[0] for m in measured), strict=True)]
    again = [statistics.median(t) for t in zip(*(m[1] for m in measured), strict=True)]
    toponyms.resolve(KNOWN)
    known = median_time(lambda: toponyms.resolve(KNOWN), args.repeat, number=2000)

    names = sorted({n.name for p in shipped() for n in shipped().names_of(p.id)})
    baselines = Baselines(names)
    sample = random.Random(5).sample(queries, min(args.baseline_sample, len(queries)))
    plain = seconds_each(baselines.plain, sample)
    tuned = seconds_each(baselines.tuned, sample)

    def lookup_row(label: str, ours: Sequence[float], q: float, target: str) -> str:
        a, b, c = percentile(ours, q), percentile(plain, q), percentile(tuned, q)
        return (
            f"| {label} | {a * 1e3:.3f} ms | {b * 1e3:.1f} ms | {c * 1e3:.1f} ms "
            f"| {c / a:,.0f}× | {target} |"
        )

    # Batches.
    def batch_rate(rows: Sequence[str | None], processes: int) -> float:
        times = []
        for _ in range(runs):
            resolver = toponyms.Resolver()
            forget_everything(resolver)
            start = time.perf_counter()
            toponyms.resolve_many(rows, resolver=resolver, processes=processes)
            times.append(time.perf_counter() - start)
        return len(rows) / statistics.median(times)

    sizes = [int(n) for n in args.distinct.split(",") if n]
    distinct = {n: batch_rate(distinct_rows(n), 1) for n in sizes}
    largest = distinct_rows(max(sizes)) if sizes else []
    distinct2 = batch_rate(largest, 2) if sizes else 0.0
    rows = realistic_rows(args.rows)
    many, many2 = batch_rate(rows, 1), batch_rate(rows, 2)
    files = resolve_file_speed([int(n) for n in args.file_rows.split(",") if n])

    cold, rss = cold_start(args.repeat)
    fresh = fresh_install()
    ext = extract_speed(args.repeat)
    lines = [
        f"Run {dt.date.today().isoformat()} on {platform.machine()}, {platform.system()}, "
        f"Python {platform.python_version()}, {_cpus()} CPUs; data {toponyms.data_version()}; "
        f"{len(names):,} distinct names; median of {runs} runs.",
        "",
        f"Lookups of the real-looking mix: {len(queries):,} distinct queries (the real-text set's "
        "mentions and non-place words, and a misspelling of each). *First sight*: each asked once "
        "of a fresh Resolver with every cache cleared. *Repeat*: asked again. Baselines over "
        f"every name, timed on {len(sample)} of the queries:",
        "",
        "| measure | toponyms | extractOne, WRatio | tuned: ASCII keys, token_sort_ratio ≥ 77 "
        "| ratio to tuned | target |",
        "|---|---:|---:|---:|---:|---:|",
        lookup_row("first sight, p50", first, 0.5, "≤ 0.15 ms, ≥ 80×"),
        lookup_row("first sight, p90", first, 0.9, ""),
        lookup_row("first sight, p99", first, 0.99, "≤ 1.5 ms, ≥ 20×"),
        f"| first sight, mean | {statistics.mean(first) * 1e3:.3f} ms "
        f"| {statistics.mean(plain) * 1e3:.1f} ms | {statistics.mean(tuned) * 1e3:.1f} ms "
        f"| {statistics.mean(tuned) / statistics.mean(first):,.0f}× | |",
        f"| repeat, p50 / p99 | {percentile(again, 0.5) * 1e6:.1f} / "
        f"{percentile(again, 0.99) * 1e6:.1f} µs | | | | |",
        f"| a known name, remembered (`resolve`) | {known * 1e6:.1f} µs | | | | ≤ 20 µs |",
        "",
        "Batches, each with a fresh Resolver and every cache cleared:",
        "",
        "| measure | rows/s | target |",
        "|---|---:|---:|",
    ]
    for n, rate in distinct.items():
        lines.append(f"| `resolve_many`, {n:,} distinct names | {rate:,.0f} | ≥ 10,000, linear |")
    if sizes:
        lines.append(
            f"| the same {max(sizes):,}, processes=2 | {distinct2:,.0f} "
            f"({distinct2 / distinct[max(sizes)]:.2f}×) | ≥ 1.8× |"
        )
    lines += [
        f"| `resolve_many`, {args.rows:,} realistic rows | {many:,.0f} | ≥ 200,000 |",
        f"| the same, processes=2 | {many2:,.0f} ({many2 / many:.2f}×) | |",
    ]
    for n, rate, mb in files:
        lines.append(
            f"| `toponyms resolve-file`, {n:,} realistic rows (peak RSS {mb:.0f} MB) | "
            f"{rate:,.0f} | ≥ 200,000, flat memory |"
        )
    lines += [
        "",
        "| start-up | toponyms | target |",
        "|---|---:|---:|",
        f"| cold start: import, load, first answer | {cold:.2f} s | ≤ 0.5 s |",
        f"| peak memory (RSS) after cold start | {rss:.0f} MB | ≤ 200 MB |",
    ]
    if fresh is not None:
        lines += [
            f"| fresh wheel install: import, first exact and first inexact answer | "
            f"{fresh[0]:.2f} s | ≤ 0.5 s |",
            f"| fresh wheel install: peak memory (RSS) | {fresh[1]:.0f} MB | ≤ 150 MB |",
        ]
    lines += [
        "",
        "Places in running text (`toponyms.extract`), on text rebuilt from the repository's",
        "real-text set (each labelled mention with the words around it, "
        f"{ext['corpus_kb']:.0f} kB), beside the obvious way without `extract` "
        "(`resolve` over every run of capitalised words), each with a fresh Resolver and "
        "every cache cleared:",
        "",
        "| measure | toponyms.extract | resolve over capitalised runs | target |",
        "|---|---:|---:|---:|",
        f"| throughput, first sight | {ext['first_kbs']:,.0f} kB/s | "
        f"{ext['base_kbs']:,.0f} kB/s | ≥ 1,000 kB/s |",
        f"| the same, `extract_many(..., processes=2)` | {ext['parallel_kbs']:,.0f} kB/s "
        f"({ext['parallel_kbs'] / ext['first_kbs']:.2f}×) | | |",
        f"| throughput, text seen before (answers remembered) | {ext['repeat_kbs']:,.0f} kB/s | "
        "| |",
        f"| a 5,000-word report, first sight | {ext['report_ms']:,.0f} ms | | ≤ 20 ms |",
        f"| time per kB at 1× / 4× / 16× the corpus | {ext['scaling']} | | linear |",
        f"| time per kB of one text, the report 1×, 4×, 16× over | {ext['scaling_one']} | "
        "| linear |",
        f"| time per character at 4× over 1× a text of lists, units and quotes | {ext['growth']} "
        "| | about 1 (linear) |",
    ]
    table = "\n".join(lines)
    print(table)
    if args.write_docs:
        _write_docs(table)
    return 0


def _corpus() -> list[str]:
    """Texts rebuilt from the real-text set: each mention between the words the set keeps around
    it (at most five each side), as one sentence; sentences grouped by page."""
    pages: dict[str, list[str]] = {}
    path = ROOT / "benchmarks" / "realtext" / "mentions.csv"
    with path.open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            pages.setdefault(r["page_id"], []).append(f"{r['left']} {r['mention']} {r['right']}.")
    return [" ".join(sentences) for sentences in pages.values()]


def extract_speed(repeat: int) -> dict[str, Any]:
    """Throughput of extract on the corpus, first sight and repeated, beside resolve over
    capitalised runs; a 5,000-word report's time; and the time per kB as the input grows."""
    import re

    corpus = _corpus()
    size_kb = sum(len(t.encode()) for t in corpus) / 1024
    run = re.compile(r"\b[^\W\d_][\w'’\-]*(?:\s+[^\W\d_][\w'’\-]*)*")

    def first_sight(texts: list[str]) -> float:
        resolver = toponyms.Resolver()
        forget_everything(resolver)
        start = time.perf_counter()
        for t in texts:
            extract_with(resolver, t)
        return time.perf_counter() - start

    def baseline(texts: list[str]) -> float:
        resolver = toponyms.Resolver()
        forget_everything(resolver)
        start = time.perf_counter()
        for t in texts:
            for m in run.finditer(t):
                for w in m.group().split():
                    if w[0].isupper():
                        resolver.resolve(w)
        return time.perf_counter() - start

    def two_processes(texts: list[str]) -> float:
        resolver = toponyms.Resolver()
        forget_everything(resolver)
        start = time.perf_counter()
        extract_many_with(resolver, texts, processes=2)
        return time.perf_counter() - start

    first_sight(corpus[:3])  # warm: index, word lists, fuzzy index
    first = statistics.median(first_sight(corpus) for _ in range(max(1, repeat // 2)))
    parallel = statistics.median(two_processes(corpus) for _ in range(max(1, repeat // 2)))
    base = statistics.median(baseline(corpus) for _ in range(max(1, repeat // 2)))
    resolver = toponyms.Resolver()
    for t in corpus:
        extract_with(resolver, t)
    start = time.perf_counter()
    for t in corpus:
        extract_with(resolver, t)
    repeated = time.perf_counter() - start
    words = " ".join(corpus).split()
    report = " ".join((words * (5000 // len(words) + 1))[:5000])
    report_s = statistics.median(first_sight([report]) for _ in range(max(1, repeat // 2)))
    per_kb = []
    for times in (1, 4, 16):
        texts = [f"{t} {n}" for n in range(times) for t in corpus]  # each copy a new text
        per_kb.append(1000 * first_sight(texts) / (size_kb * times))
    # One long text: every step that relates a mention to the others (lists, context) must stay
    # linear in it.
    per_kb_one = []
    for times in (1, 4, 16):
        long_text = " ".join([report] * times)
        kb = len(long_text.encode()) / 1024
        per_kb_one.append(1000 * first_sight([long_text]) / kb)
    # Shapes of text that relate every mention to the others (lists, units, one long sentence):
    # each read at 1x and 4x its length (the best of three), the time per character should not
    # grow.
    growth = []
    for shape in _SHAPES:
        small, large = (
            min(first_sight([shape * times]) for _ in range(3)) / (len(shape) * times)
            for times in (1000, 4000)
        )
        growth.append((large / small, shape.strip()))
    worst, worst_shape = max(growth)
    return {
        "growth": f"{worst:.2f} (of {len(growth)} shapes; the worst: {worst_shape[:40]}…)",
        "corpus_kb": size_kb,
        "first_kbs": size_kb / first,
        "parallel_kbs": size_kb / parallel,
        "base_kbs": size_kb / base,
        "repeat_kbs": size_kb / repeated,
        "report_ms": report_s * 1000,
        "scaling": " / ".join(f"{ms:.0f} ms" for ms in per_kb),
        "scaling_one": " / ".join(f"{ms:.1f} ms" for ms in per_kb_one),
    }


_SHAPES = (
    "Бої тривають у районах Харківської та Сумської областей. ",
    "Миропільська, Новослобідська, Хотінська та Краснопільська громади, ",
    "Kharkiv Oblast, Kupiansk, Donetsk Oblast, Oleksandrivka, ",
    "освободили населенные пункты Берестовое, Ямполовка и Торское ДНР, ",
    "«Покровськ» і «Мирноград», ",
    "the Kursk and Belgorod regions, Sumy, Kharkiv and Kherson, ",
)


def _cpus() -> int:
    return os.cpu_count() or 1


BEGIN, END = "<!-- performance:begin -->", "<!-- performance:end -->"


def _write_docs(table: str) -> None:
    text = DOCS.read_text(encoding="utf-8") if DOCS.exists() else f"{BEGIN}\n{END}\n"
    head, rest = text.split(BEGIN, 1)
    DOCS.write_text(head + BEGIN + "\n" + table + "\n" + END + rest.split(END, 1)[1], "utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
