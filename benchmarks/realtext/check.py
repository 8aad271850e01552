"""Validate the real-text development set (pages.csv, mentions.csv, negatives.csv).

    python benchmarks/realtext/check.py                  # structure and labels against data/
    python benchmarks/realtext/check.py --texts T.jsonl  # also the spans, given the page texts
    python benchmarks/realtext/check.py --rederive       # redo the settlement candidate sets

The labels are checked against the repository's own data (data/gazetteer.csv), never against
the library's answers. ``--texts`` takes a JSON-lines file of {"id": page id, "text": the
excerpt as it was found}; pages whose SHA-1 differs from pages.csv are reported
and their spans are not checked. ``--rederive`` recomputes, for every resolved settlement
mention, the current settlements of the stated oblast (of Ukraine if none) whose Ukrainian or
Russian name, official or former (data/names.csv), equals one of its match_key names, and warns
where that set differs from expected_ids (the data has changed since labelling, or a label was
widened by hand: see its note). Exit status 1 on any error; warnings do not fail.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
GAZETTEER = HERE.parent.parent / "data" / "gazetteer.csv"
# Russia's border villages and districts, which the package lays over the gazetteer
RU_BORDER = HERE.parent.parent / "data" / "ru_border.csv"
NAMES = HERE.parent.parent / "data" / "names.csv"

PAGE_COLS = ["id", "url", "lang", "source", "date", "date_source", "query", "text_len", "text_sha1"]
MENTION_COLS = [
    "id",
    "page_id",
    "mention",
    "start",
    "end",
    "left",
    "right",
    "lemma",
    "kind",
    "oblast",
    "expected_ids",
    "expected_names",
    "narrowed_ids",
    "in_gazetteer",
    "unresolved",
    "note",
    "match_key",
    "matched_by",
]
NEGATIVE_COLS = ["page_id", "mention", "start", "end", "why", "left", "right"]

LANGS = {
    "ru",
    "uk",
    "en",
    "de",
    "pl",
    "sk",
    "cs",
    "hu",
    "hr",
    "sr",
    "sl",
    "bg",
    "ro",
    "el",
    "ar",
    "az",
    "tr",
    "fi",
    "et",
    "lv",
    "lt",
    "it",
    "fr",
    "es",
    "pt",
    "nl",
    "be",
    "ka",
}
KINDS = {"settlement", "oblast", "raion", "hromada", "entity", "russia"}
WHY = {
    "grouping",
    "person",
    "media",
    "org",
    "weapon",
    "vehicle",
    "river",
    "sea",
    "canal",
    "forest",
    "tract",
    "street",
    "microdistrict",
    "structure",
    "direction",
    "agglomeration",
    "metonym",
    "military-unit",
    "foreign-place",
}
DATE_SOURCES = {"", "stated", "inferred"}
SETTLEMENT_KINDS = {"city", "town", "village"}
MAX_CONTEXT_WORDS = 5


class Report:
    def __init__(self) -> None:
        self.errors: list[str] = []
        self.warnings: list[str] = []

    def error(self, msg: str) -> None:
        self.errors.append(msg)

    def warn(self, msg: str) -> None:
        self.warnings.append(msg)


def read(path: Path, cols: list[str], rep: Report) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if reader.fieldnames != cols:
            rep.error(f"{path.name}: columns {reader.fieldnames} != {cols}")
        return list(reader)


def split(value: str) -> list[str]:
    return value.split("|") if value else []


def check_pages(pages: list[dict[str, str]], rep: Report) -> dict[str, dict[str, str]]:
    by_id: dict[str, dict[str, str]] = {}
    for p in pages:
        pid = p["id"]
        if pid in by_id:
            rep.error(f"pages: duplicate id {pid}")
        by_id[pid] = p
        if p["lang"] not in LANGS:
            rep.error(f"pages {pid}: language {p['lang']!r} not in the closed set")
        if not p["url"].startswith(("http://", "https://")):
            rep.error(f"pages {pid}: bad url {p['url']!r}")
        if p["date_source"] not in DATE_SOURCES or bool(p["date"]) != bool(p["date_source"]):
            rep.error(f"pages {pid}: date {p['date']!r} / date_source {p['date_source']!r}")
        if not p["text_len"].isdigit() or len(p["text_sha1"]) != 40:
            rep.error(f"pages {pid}: text_len / text_sha1 malformed")
    return by_id


def check_mentions(
    mentions: list[dict[str, str]],
    pages: dict[str, dict[str, str]],
    gaz: dict[str, dict[str, str]],
    rep: Report,
) -> None:
    first_level = {r["name"] for r in gaz.values() if r["kind"] in ("oblast", "federal_subject")}
    first_level.add("Kyiv")
    ru_names = {r["name"] for r in gaz.values() if r["country"] == "RU"}
    seen: set[str] = set()
    for m in mentions:
        mid = m["id"]
        where = f"mentions {mid}"
        if mid in seen:
            rep.error(f"{where}: duplicate id")
        seen.add(mid)
        if m["page_id"] not in pages:
            rep.error(f"{where}: unknown page {m['page_id']}")
            continue
        start, end = int(m["start"]), int(m["end"])
        if not 0 <= start < end or end - start != len(m["mention"]):
            rep.error(f"{where}: span {start}-{end} does not fit {m['mention']!r}")
        if end > int(pages[m["page_id"]]["text_len"]):
            rep.error(f"{where}: span beyond the page text")
        for side in ("left", "right"):
            if len(m[side].split()) > MAX_CONTEXT_WORDS:
                rep.error(f"{where}: {side} context longer than {MAX_CONTEXT_WORDS} words")
        kind = m["kind"]
        if kind not in KINDS:
            rep.error(f"{where}: kind {kind!r} not in the closed set")
        if m["oblast"] and m["oblast"] not in first_level:
            rep.error(f"{where}: oblast {m['oblast']!r} is not a first-level unit's name")
        if m["unresolved"] not in ("0", "1") or m["in_gazetteer"] not in ("0", "1", ""):
            rep.error(f"{where}: unresolved / in_gazetteer malformed")
        if m["unresolved"] == "1" and not m["note"]:
            rep.error(f"{where}: unresolved without a reason in note")
        ids, names = split(m["expected_ids"]), split(m["expected_names"])
        narrowed = split(m["narrowed_ids"])
        if kind == "russia":
            if ids:
                rep.error(f"{where}: places in Russia carry expected_names only")
            if not names:
                rep.error(f"{where}: no expected name")
            for n in names:
                if m["in_gazetteer"] == "1" and n not in ru_names:
                    rep.warn(
                        f"{where}: {n!r} marked in_gazetteer=1 but no Russian place has "
                        "that name in data/gazetteer.csv"
                    )
                if m["in_gazetteer"] == "0" and n in ru_names:
                    rep.warn(f"{where}: {n!r} marked in_gazetteer=0 but the gazetteer has it")
            continue
        if m["unresolved"] == "0" and not ids:
            rep.error(f"{where}: no expected ids")
        if len(ids) != len(names):
            rep.error(f"{where}: {len(ids)} expected ids but {len(names)} names")
        for pid, name in zip(ids, names, strict=False):
            row = gaz.get(pid)
            if row is None:
                rep.error(f"{where}: expected id {pid} not in data/gazetteer.csv")
                continue
            if row["name"] != name:
                rep.error(f"{where}: {name!r} is not the canonical name of {pid} ({row['name']!r})")
            check_kind(where, kind, m["oblast"], row, gaz, rep)
        for pid in narrowed:
            if pid not in ids:
                rep.error(f"{where}: narrowed id {pid} not among the expected ids")
        if narrowed and not m["note"] and kind == "settlement":
            rep.warn(f"{where}: narrowed without a note saying why")


def check_kind(
    where: str,
    kind: str,
    oblast: str,
    row: dict[str, str],
    gaz: dict[str, dict[str, str]],
    rep: Report,
) -> None:
    if kind not in KINDS:
        return
    rk = row["kind"]
    ok = {
        "settlement": rk in SETTLEMENT_KINDS and row["country"] == "UA",
        "oblast": rk == "oblast" or (rk == "city" and row["id"] == row["oblast_id"]),
        "raion": rk == "raion",
        "hromada": rk == "hromada",
        "entity": rk in ("entity", "oblast", "region"),
    }.get(kind, False)
    if not ok:
        rep.error(f"{where}: {row['id']} is a {rk}, not a {kind}")
    if oblast and kind in ("settlement", "raion", "hromada"):
        unit = gaz.get(row["oblast_id"], {}).get("name", "")
        if unit != oblast:
            rep.error(f"{where}: {row['id']} lies in {unit!r}, the text says {oblast!r}")


def norm(name: str) -> str:
    name = name.lower().replace("ё", "е")
    for apostrophe in ("’", "ʼ", "`"):
        name = name.replace(apostrophe, "'")
    return " ".join(name.replace("-", " - ").split()).replace(" - ", "-")


def rederive(mentions: list[dict[str, str]], gaz: dict[str, dict[str, str]], rep: Report) -> None:
    index: dict[str, set[str]] = {}

    def add(name: str, pid: str) -> None:
        row = gaz.get(pid)
        if row and row["country"] == "UA" and row["kind"] in SETTLEMENT_KINDS:
            index.setdefault(norm(name), set()).add(pid)

    for row in gaz.values():
        for field in ("name_uk", "name_ru"):
            if row[field]:
                add(row[field], row["id"])
    with NAMES.open(encoding="utf-8", newline="") as fh:
        for n in csv.DictReader(fh):
            if n["lang"] in ("uk", "ru") and n["type"] in ("official", "former"):
                add(n["name"], n["place_id"])
    oblast_ids = {r["name"]: r["id"] for r in gaz.values() if r["kind"] == "oblast"}
    for m in mentions:
        if m["kind"] != "settlement" or m["unresolved"] == "1":
            continue
        found: set[str] = set()
        for key in m["match_key"].split(","):
            found |= index.get(norm(key), set())
        if m["oblast"]:
            found = {i for i in found if gaz[i]["oblast_id"] == oblast_ids.get(m["oblast"])}
        if found != set(split(m["expected_ids"])):
            rep.warn(
                f"mentions {m['id']} {m['mention']!r}: the rule now gives {len(found)} "
                f"candidates, the label has {len(split(m['expected_ids']))}"
            )


def check_negatives(
    negatives: list[dict[str, str]],
    mentions: list[dict[str, str]],
    pages: dict[str, dict[str, str]],
    rep: Report,
) -> None:
    spans: dict[str, list[tuple[int, int]]] = {}
    for m in mentions:
        spans.setdefault(m["page_id"], []).append((int(m["start"]), int(m["end"])))
    for n in negatives:
        where = f"negatives {n['page_id']} {n['mention']!r}"
        if n["page_id"] not in pages:
            rep.error(f"{where}: unknown page")
            continue
        if n["why"] not in WHY:
            rep.error(f"{where}: why {n['why']!r} not in the closed set")
        s, e = int(n["start"]), int(n["end"])
        if e - s != len(n["mention"]):
            rep.error(f"{where}: span {s}-{e} does not fit the mention")
        if any(s < e0 and e > s0 for s0, e0 in spans.get(n["page_id"], [])):
            rep.error(f"{where}: overlaps a place mention")
        for side in ("left", "right"):
            if len(n[side].split()) > 5:
                rep.error(f"{where}: more than five words {side} of it")


def check_texts(
    path: Path,
    pages: dict[str, dict[str, str]],
    mentions: list[dict[str, str]],
    negatives: list[dict[str, str]],
    rep: Report,
) -> None:
    texts: dict[str, str] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                d = json.loads(line)
                texts[d["id"]] = d["text"]
    usable = set()
    for pid, text in texts.items():
        if pid not in pages:
            continue
        if hashlib.sha1(text.encode("utf-8")).hexdigest() != pages[pid]["text_sha1"]:
            rep.warn(f"texts: {pid} differs from the excerpt the labels were made on")
            continue
        usable.add(pid)
    for row in [*mentions, *negatives]:
        if row["page_id"] in usable:
            text = texts[row["page_id"]]
            if text[int(row["start"]) : int(row["end"])] != row["mention"]:
                rep.error(
                    f"texts: {row['page_id']} {row['mention']!r} not at {row['start']}-{row['end']}"
                )
    print(f"spans checked on {len(usable)} of {len(pages)} pages")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--texts", type=Path, help="JSON lines {id, text} of the page excerpts")
    ap.add_argument("--rederive", action="store_true", help="recompute settlement candidates")
    args = ap.parse_args(argv)
    rep = Report()
    gaz: dict[str, dict[str, str]] = {}
    for path in (GAZETTEER, RU_BORDER):
        with path.open(encoding="utf-8", newline="") as fh:
            gaz.update((r["id"], r) for r in csv.DictReader(fh))
    pages = check_pages(read(HERE / "pages.csv", PAGE_COLS, rep), rep)
    mentions = read(HERE / "mentions.csv", MENTION_COLS, rep)
    negatives = read(HERE / "negatives.csv", NEGATIVE_COLS, rep)
    check_mentions(mentions, pages, gaz, rep)
    check_negatives(negatives, mentions, pages, rep)
    if args.texts:
        check_texts(args.texts, pages, mentions, negatives, rep)
    if args.rederive:
        rederive(mentions, gaz, rep)
    used = {m["page_id"] for m in mentions} | {n["page_id"] for n in negatives}
    for pid in pages:
        if pid not in used:
            rep.warn(f"pages: {pid} has no mention")
    kinds = Counter(m["kind"] for m in mentions)
    langs = Counter(pages[m["page_id"]]["lang"] for m in mentions if m["page_id"] in pages)
    print(f"{len(pages)} pages, {len(mentions)} mentions, {len(negatives)} negatives")
    print("kinds: " + ", ".join(f"{k} {v}" for k, v in kinds.most_common()))
    print("languages: " + ", ".join(f"{k} {v}" for k, v in langs.most_common()))
    for w in rep.warnings:
        print("warning:", w)
    for e in rep.errors:
        print("error:", e, file=sys.stderr)
    print(f"{len(rep.errors)} errors, {len(rep.warnings)} warnings")
    return 1 if rep.errors else 0


if __name__ == "__main__":
    sys.exit(main())
