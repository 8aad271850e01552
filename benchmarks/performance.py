"""Speed and memory of toponyms on the shipped gazetteer, beside a plain baseline in the same run.

    python benchmarks/performance.py [--rows 1000000] [--repeat 5] [--write-docs]

Prints medians over repeated runs: one resolve of a known name after warm-up; resolves that need
fuzzy matching (p50, p99); resolve_many over a realistic mix of rows; cold start (import, load,
first answer) and peak memory, each in a fresh process; and the baseline (rapidfuzz
process.extractOne over every name of the gazetteer) on the same fuzzy queries, with the ratio.
Timings are wall-clock on a shared machine: compare ratios, not absolute numbers across runs.
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
from toponyms.extract import extract_with  # noqa: E402
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
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--write-docs", action="store_true")
    args = ap.parse_args(argv)

    toponyms.resolve(KNOWN)  # warm: builds or reads the index
    known = median_time(lambda: toponyms.resolve(KNOWN), args.repeat, number=2000)
    # The same without the Resolver's memory of answers: the whole pipeline, every time.
    fresh = toponyms.Resolver()

    def uncached(q: str) -> object:
        fresh._forget()
        return fresh.resolve(q)

    known_uncached = median_time(lambda: uncached(KNOWN), args.repeat, number=200)

    per_query = []
    for q in FUZZY:
        uncached(q)
        per_query.append(median_time(lambda q=q: uncached(q), args.repeat))
    fuzzy_p50, fuzzy_p99 = percentile(per_query, 0.5), percentile(per_query, 0.99)

    names = sorted({n.name for p in shipped() for n in shipped().names_of(p.id)})
    choices = [utils.default_process(n) for n in names]

    def baseline(q: str) -> object:
        return process.extractOne(
            utils.default_process(q), choices, scorer=fuzz.WRatio, processor=None
        )

    base = [median_time(lambda q=q: baseline(q), max(1, args.repeat // 2)) for q in FUZZY]
    base_p50 = percentile(base, 0.5)

    rows = realistic_rows(args.rows)

    def many_rate(processes: int) -> float:
        runs = []
        for _ in range(max(1, args.repeat // 2)):
            resolver = toponyms.Resolver()  # no answers remembered from an earlier run
            start = time.perf_counter()
            toponyms.resolve_many(rows, resolver=resolver, processes=processes)
            runs.append(time.perf_counter() - start)
        return args.rows / statistics.median(runs)

    many, many2 = many_rate(1), many_rate(2)
    sample = rows[:2_000]  # the baseline needs seconds per hundred rows: a sample gives its rate
    start = time.perf_counter()
    for r in sample:
        if r is not None:
            baseline(r)
    base_rows = len(sample) / (time.perf_counter() - start)

    cold, rss = cold_start(args.repeat)
    fresh = fresh_install()
    ext = extract_speed(args.repeat)
    lines = [
        f"Run {dt.date.today().isoformat()} on {platform.machine()}, {platform.system()}, "
        f"Python {platform.python_version()}, {_cpus()} CPUs; data {toponyms.data_version()}; "
        f"{len(names):,} distinct names; median of {args.repeat} runs.",
        "",
        "| measure | toponyms | baseline (extractOne over all names) | ratio | target |",
        "|---|---:|---:|---:|---:|",
        f"| resolve, known name (warm, answer remembered) | {known * 1e6:,.1f} µs | | | ≤ 20 µs |",
        f"| resolve, known name (warm, full pipeline) | {known_uncached * 1e6:,.0f} µs | | | |",
        f"| resolve, fuzzy p50 (full pipeline) | {fuzzy_p50 * 1e3:.2f} ms "
        f"| {base_p50 * 1e3:.1f} ms | "
        f"{base_p50 / fuzzy_p50:,.0f}× faster | ≤ 2 ms, ≥ 50× |",
        f"| resolve, fuzzy p99 (full pipeline) | {fuzzy_p99 * 1e3:.2f} ms "
        f"| {percentile(base, 0.99) * 1e3:.1f} ms | | ≤ 20 ms |",
        f"| resolve_many, {args.rows:,} realistic rows | {many:,.0f} rows/s | "
        f"{base_rows:,.0f} rows/s | {many / base_rows:,.0f}× | ≥ 200,000 rows/s |",
        f"| resolve_many, the same, processes=2 | {many2:,.0f} rows/s | | | |",
        f"| cold start: import, load, first answer | {cold:.2f} s | | | ≤ 0.5 s |",
        f"| peak memory (RSS) after cold start | {rss:.0f} MB | | | ≤ 200 MB |",
    ]
    if fresh is not None:
        lines += [
            f"| fresh wheel install: import, first exact and first inexact answer | "
            f"{fresh[0]:.2f} s | | | ≤ 0.5 s |",
            f"| fresh wheel install: peak memory (RSS) | {fresh[1]:.0f} MB | | | ≤ 150 MB |",
        ]
    lines += [
        "",
        "Places in running text (`toponyms.extract`), on text rebuilt from the repository's",
        "real-text set (each labelled mention with the words around it, "
        f"{ext['corpus_kb']:.0f} kB), beside the obvious way without `extract` "
        "(`resolve` over every run of capitalised words), each with a fresh Resolver:",
        "",
        "| measure | toponyms.extract | resolve over capitalised runs | target |",
        "|---|---:|---:|---:|",
        f"| throughput, first sight (fresh Resolver) | {ext['first_kbs']:,.0f} kB/s | "
        f"{ext['base_kbs']:,.0f} kB/s | ≥ 1,000 kB/s |",
        f"| throughput, text seen before (answers remembered) | {ext['repeat_kbs']:,.0f} kB/s | "
        "| |",
        f"| a 5,000-word report, first sight | {ext['report_ms']:,.0f} ms | | ≤ 20 ms |",
        f"| time per kB at 1× / 4× / 16× the corpus | {ext['scaling']} | | linear |",
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
        start = time.perf_counter()
        for t in texts:
            extract_with(resolver, t)
        return time.perf_counter() - start

    def baseline(texts: list[str]) -> float:
        resolver = toponyms.Resolver()
        start = time.perf_counter()
        for t in texts:
            for m in run.finditer(t):
                for w in m.group().split():
                    if w[0].isupper():
                        resolver.resolve(w)
        return time.perf_counter() - start

    first_sight(corpus[:3])  # warm: index, word lists, fuzzy index
    first = statistics.median(first_sight(corpus) for _ in range(max(1, repeat // 2)))
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
    return {
        "corpus_kb": size_kb,
        "first_kbs": size_kb / first,
        "base_kbs": size_kb / base,
        "repeat_kbs": size_kb / repeated,
        "report_ms": report_s * 1000,
        "scaling": " / ".join(f"{ms:.0f} ms" for ms in per_kb),
    }


def _cpus() -> int:
    return os.cpu_count() or 1


BEGIN, END = "<!-- performance:begin -->", "<!-- performance:end -->"


def _write_docs(table: str) -> None:
    text = DOCS.read_text(encoding="utf-8") if DOCS.exists() else f"{BEGIN}\n{END}\n"
    head, rest = text.split(BEGIN, 1)
    DOCS.write_text(head + BEGIN + "\n" + table + "\n" + END + rest.split(END, 1)[1], "utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
