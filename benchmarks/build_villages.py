"""Build benchmarks/data/villages.csv: village names of front-line oblasts as reports write them.

The set measures whether a resolver gives the right *canonical name* (and, where it identifies
a place, the right place) for the names of villages, settlements and towns of eight front-line
oblasts, written in Ukrainian, in Russian and in several Latin spellings. Run:

    python benchmarks/build_villages.py

Seeded and deterministic: the same gazetteer and tables give the same file, byte for byte.

Sources, all read from this repository: data/gazetteer.csv (canonical English names, the
Ukrainian codifier names of KATOTTG, the official Russian names of KOATUU 2019 where linked),
data/sources/koatuu_2019-05-30_uk_ru.csv (which Ukrainian names each Russian name renders, to
keep a pre-renaming Russian name out) and data/sources/renamings.csv (former names). Nothing
here imports toponyms: no query and no label comes from the library's tables or answers.

Queries. For each oblast, 120 current villages/settlements/towns are drawn at random (plain
sampling of places, so homonym-rich names keep their natural share). Each gives:

* ``uk`` / ``codifier``: the Ukrainian name as the codifier writes it;
* ``ru`` / ``koatuu-ru``: the official Russian name, when the place has one;
* ``en`` Latin spellings made outside the library: the Russian name through the ``iuliia``
  package's ``wikipedia``, ``bgn_pcgn`` and ``mosmetro`` schemes, plus ``ru-news`` (bgn_pcgn with
  the sign marks dropped, ë as e, й after a vowel as i); the Ukrainian name through ``kmu2010``
  (the table of Cabinet of Ministers resolution No. 55 of 27 January 2010, written out below)
  and ``uk-news`` (ye/yi/y/yu/ya in every position, soft sign and apostrophe dropped).

Identical (query, oblast) rows are merged: their schemes are joined with "|" and their labels
united.

Labels, from the tables only. ``ids_oblast`` is every current UA settlement (village, town,
city) of the oblast that the query can denote: a place whose Ukrainian or Russian name equals
the query's Cyrillic source form (NFC, case-folded, ё as е, one apostrophe). A Latin query
also denotes places whose name of the same language gives the same Latin string under the same
scheme (the reader of "Zeleny Gay" cannot tell Зеленый Гай from Зелений Гай). A Russian name
that is really a former name's is set aside (see ``clean_russian``); a place with no usable
Russian name counts as bearing the one that every other place of its Ukrainian name bears.
``ids_national`` is the same over all of Ukraine; ``names_*`` are the canonical names of those
places. ``former_national`` counts renaming records whose old name is the source form (such a
query may also be read as the renamed place; not in the labels).

Pinned external package (MIT; not a dependency of toponyms, install it by hand):
``pip install iuliia==0.13.0``.
"""

from __future__ import annotations

import csv
import difflib
import random
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

SEED = 20261201
PER_OBLAST = 120
IULIIA_PIN = "0.13.0"

ROOT = Path(__file__).resolve().parent.parent
GAZETTEER = ROOT / "data" / "gazetteer.csv"
RENAMINGS = ROOT / "data" / "sources" / "renamings.csv"
KOATUU = ROOT / "data" / "sources" / "koatuu_2019-05-30_uk_ru.csv"
OUT = ROOT / "benchmarks" / "data" / "villages.csv"

FRONT_LINE = (
    "Donetsk Oblast",
    "Luhansk Oblast",
    "Zaporizhzhia Oblast",
    "Kherson Oblast",
    "Kharkiv Oblast",
    "Dnipropetrovsk Oblast",
    "Sumy Oblast",
    "Mykolaiv Oblast",
)
# Sampled kinds are the village level; a query can still denote a city of the same name.
SAMPLE_KINDS = frozenset({"village", "settlement", "town"})
LABEL_KINDS = frozenset({"village", "settlement", "town", "city"})

COLUMNS = (
    "query",
    "lang",
    "scheme",
    "source_form",
    "place_id",
    "oblast",
    "ids_oblast",
    "names_oblast",
    "ids_national",
    "names_national",
    "homonyms_oblast",
    "homonyms_national",
    "category",
    "former_national",
)
# Order of the schemes within a merged row and of the languages when a row has several.
SCHEMES = (
    "codifier",
    "koatuu-ru",
    "kmu2010",
    "uk-news",
    "iuliia-wikipedia",
    "iuliia-bgn_pcgn",
    "iuliia-mosmetro",
    "ru-news",
)
LANGS = ("uk", "ru", "en")

UK_ONLY = frozenset("іїєґ")  # letters no Russian spelling has: such a "Russian" name is a glitch


# ------------------------------------------------------------------------------ folding
def fold(text: str) -> str:
    """The comparison key: NFC, case-folded, ё as е, every apostrophe as '.

    Russian writes е for ё at will, and the codifier and reports mix apostrophe characters.
    """
    text = unicodedata.normalize("NFC", text).casefold().replace("ё", "е")
    return re.sub("[’ʼ`´]", "'", text)


# ------------------------------------------------------------------ romanizations
# Cabinet of Ministers of Ukraine resolution No. 55 of 27 January 2010, the published table.
_KMU = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "ж": "zh", "з": "z",
    "и": "y", "і": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ь": "", "'": "", "’": "", "ʼ": "",
}  # fmt: skip
# Letters spelled one way at the start of a word and another elsewhere (the table's two
# columns): Yenakiieve, Yizhakevych, Yosypivka / Stryi, Yurii / Koriukivka, Yahotyn / Znamianka.
_KMU_POSITIONAL = {
    "є": ("ye", "ie"),
    "ї": ("yi", "i"),
    "й": ("y", "i"),
    "ю": ("yu", "iu"),
    "я": ("ya", "ia"),
}
_APOSTROPHES = "'’ʼ"


def _romanize_uk(text: str, *, positional: bool) -> str:
    """Ukrainian to Latin by the KMU 2010 table (``positional``) or its news variant.

    The news variant is how much English-language reporting spells village names: ye, yi, y,
    yu, ya in every position (Mykolayivka, Zaporizhzhya) and no rule for зг.
    """
    out: list[str] = []
    prev = ""
    for ch in text:
        low = ch.lower()
        if low in _KMU_POSITIONAL:
            # A word starts after anything that is neither a letter nor an apostrophe
            # (Знам'янка is one word: Znamianka).
            initial = not prev or not (prev.isalpha() or prev in _APOSTROPHES)
            latin = _KMU_POSITIONAL[low][0 if initial or not positional else 1]
        elif low == "г" and prev.lower() == "з" and positional:
            latin = "gh"  # the table's зг → zgh, so that it does not read as zh
        elif low in _KMU:
            latin = _KMU[low]
        else:
            latin = ch
        if ch != low and latin:
            latin = latin[0].upper() + latin[1:]
        out.append(latin)
        prev = ch
    return "".join(out)


def kmu2010(text: str) -> str:
    return _romanize_uk(text, positional=True)


def uk_news(text: str) -> str:
    return _romanize_uk(text, positional=False)


def _load_iuliia() -> Any:
    """The iuliia module at the pinned version, or exit with a clear message."""
    try:
        version = metadata.version("iuliia")
        import iuliia
    except (ImportError, metadata.PackageNotFoundError):
        sys.exit(f"build_villages.py needs iuliia=={IULIIA_PIN}: pip install iuliia=={IULIIA_PIN}")
    if version != IULIIA_PIN:
        # Another version may change a scheme and so the file: pin for byte-for-byte output.
        sys.exit(f"build_villages.py needs iuliia=={IULIIA_PIN}, found {version}")
    return iuliia


def _iuliia_scheme(iuliia: Any, name: str) -> Callable[[str], str]:
    schema = getattr(iuliia, name.upper())

    def romanize(text: str) -> str:
        latin = unicodedata.normalize("NFC", schema.translate(text))
        # iuliia's bgn_pcgn table leaves ё in Cyrillic; the standard's letter is ë.
        return latin.replace("ё", "ë").replace("Ё", "Ë")

    return romanize


def _ru_news(bgn_pcgn: Callable[[str], str]) -> Callable[[str], str]:
    """Informal Russian romanization: BGN/PCGN without its sign marks, ë as e, й after a vowel
    as i (Mikhailovka, Nikolayevka, Obyedinennoye), as English news copy often has it."""

    def romanize(text: str) -> str:
        latin = re.sub("[’”'ʹʺ]", "", bgn_pcgn(text))
        latin = latin.replace("ë", "e").replace("Ë", "E")
        return re.sub("(?<=[aeiouAEIOU])y(?![aeiouy])", "i", latin)

    return romanize


@dataclass(frozen=True, slots=True)
class Scheme:
    name: str
    lang: str  # the language of the query string: uk, ru or en (Latin)
    source: str  # which name it is made from: uk or ru
    romanize: Callable[[str], str] | None  # None: the Cyrillic name as written


def make_schemes() -> list[Scheme]:
    iuliia = _load_iuliia()
    bgn = _iuliia_scheme(iuliia, "bgn_pcgn")
    return [
        Scheme("codifier", "uk", "uk", None),
        Scheme("koatuu-ru", "ru", "ru", None),
        Scheme("kmu2010", "en", "uk", kmu2010),
        Scheme("uk-news", "en", "uk", uk_news),
        Scheme("iuliia-wikipedia", "en", "ru", _iuliia_scheme(iuliia, "wikipedia")),
        Scheme("iuliia-bgn_pcgn", "en", "ru", bgn),
        Scheme("iuliia-mosmetro", "en", "ru", _iuliia_scheme(iuliia, "mosmetro")),
        Scheme("ru-news", "en", "ru", _ru_news(bgn)),
    ]


# ---------------------------------------------------------------------------- places
@dataclass(slots=True)
class Place:
    id: str
    name: str
    name_uk: str
    name_ru: str  # "" when the place has no usable Russian name
    kind: str
    oblast_id: str
    ru_note: str = ""  # why name_ru was set aside or inferred, for the summary


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def load_places() -> tuple[list[Place], dict[str, str]]:
    """Current UA settlements, and oblast id → the oblast's canonical name."""
    rows = _read(GAZETTEER)
    oblast_en = {r["id"]: r["name"] for r in rows if r["kind"] == "oblast"}
    places = [
        Place(
            r["id"],
            r["name"],
            r["name_uk"],
            r["name_ru"],
            r["kind"],
            r["oblast_id"],
        )
        for r in rows
        if r["country"] == "UA" and r["kind"] in LABEL_KINDS and not r["valid_to"]
    ]
    return places, oblast_en


def _koatuu_pairs() -> dict[str, set[str]]:
    """KOATUU 2019 settlements: each Russian name (folded) → the Ukrainian names it renders."""
    uk_of_ru: dict[str, set[str]] = defaultdict(set)
    for r in _read(KOATUU):
        if r["NP"] in ("М", "Т", "С", "Щ"):  # settlements only, not councils or raions
            uk_of_ru[fold(r["NR"])].add(fold(r["NU"]))
    return uk_of_ru


def _similar(a: str, b: str) -> bool:
    """Two spellings of one name (Юр'ївка, Юріївка), not two names (Потьомкине, Незламне)."""
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.8


def clean_russian(places: list[Place]) -> Counter[str]:
    """Set aside Russian names that are not the current one, then fill gaps where sure.

    KOATUU 2019 predates the 2020-2024 renamings, and the gazetteer sometimes carries the
    Russian name of a former name over to the new one (Незламне, formerly Потьомкине, as
    Потемкино). A Russian name is set aside when KOATUU gives it only for Ukrainian names that
    are not a spelling of the place's current name; a spelling fix (Юр'ївка → Юріївка) keeps
    its Russian name (Юрьевка). Also set aside: a Russian name with a letter only Ukrainian has,
    or with a stray one-letter word (Радужное Й).
    """
    stats: Counter[str] = Counter()
    uk_of_ru = _koatuu_pairs()
    for p in places:
        if not p.name_ru:
            continue
        ru, uk = fold(p.name_ru), fold(p.name_uk)
        rendered = uk_of_ru.get(ru, set())
        if UK_ONLY & set(ru) or re.search(r"(^|\s)[а-яё](\s|$)", ru.replace(" и ", " ")):
            p.name_ru, p.ru_note = "", "glitch"
        elif rendered and not any(_similar(uk, other) for other in rendered):
            p.name_ru, p.ru_note = "", "pre-renaming"
        if p.ru_note:
            stats[f"places: russian name set aside ({p.ru_note})"] += 1
    # Every place of a Ukrainian name that has a Russian one agrees on it: the places of that
    # name that lack one (mostly renamed since 2019, or not linked to KOATUU) bear it too.
    ru_of_uk: dict[str, set[str]] = defaultdict(set)
    spelled: dict[str, str] = {}
    for p in places:
        if p.name_ru:
            ru_of_uk[fold(p.name_uk)].add(fold(p.name_ru))
            spelled.setdefault(fold(p.name_ru), p.name_ru)
    for p in places:
        if not p.name_ru:
            options = ru_of_uk.get(fold(p.name_uk), set())
            if len(options) == 1:
                p.name_ru = spelled[next(iter(options))]
                p.ru_note = "inferred"
                stats["places: russian name inferred (labels only, never a query)"] += 1
            else:
                stats["places: no russian name"] += 1
    return stats


def former_names() -> Counter[str]:
    """How many renaming records had each old name (uk or ru), over settlement kinds."""
    counts: Counter[str] = Counter()
    for r in _read(RENAMINGS):
        if r["kind"] in ("village", "smt", "town", "city"):
            for old in {fold(r["old_name_uk"]), fold(r["old_name_ru"])} - {""}:
                counts[old] += 1
    return counts


# ----------------------------------------------------------------------------- labels
@dataclass(slots=True)
class Index:
    """Who bears a name: by folded Cyrillic form, and by Latin string per scheme."""

    by_form: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    by_latin: dict[tuple[str, str], set[str]] = field(default_factory=lambda: defaultdict(set))


def build_index(places: list[Place], schemes: list[Scheme]) -> Index:
    index = Index()
    for p in places:
        for form in (p.name_uk, p.name_ru):
            if form:
                index.by_form[fold(form)].add(p.id)
        for s in schemes:
            source = p.name_uk if s.source == "uk" else p.name_ru
            if s.romanize is not None and source:
                index.by_latin[(s.name, fold(s.romanize(source)))].add(p.id)
    return index


@dataclass(slots=True)
class Row:
    query: str
    langs: set[str]
    schemes: set[str]
    source_forms: list[str]
    place_id: str
    oblast_id: str
    ids: set[str]  # national; the oblast set is derived at output

    def merge(self, other: Row) -> None:
        self.langs |= other.langs
        self.schemes |= other.schemes
        self.source_forms += [f for f in other.source_forms if f not in self.source_forms]
        self.ids |= other.ids


def sample(places: list[Place], oblast_en: dict[str, str]) -> list[tuple[str, list[Place]]]:
    by_oblast: dict[str, list[Place]] = defaultdict(list)
    for p in places:
        if p.kind in SAMPLE_KINDS:
            by_oblast[oblast_en.get(p.oblast_id, "")].append(p)
    drawn = []
    for oblast in FRONT_LINE:
        pool = sorted(by_oblast[oblast], key=lambda p: p.id)
        # One generator per oblast: changing one oblast's pool leaves the others' draws alone.
        rng = random.Random(f"{SEED}/{oblast}")
        drawn.append((oblast, rng.sample(pool, min(PER_OBLAST, len(pool)))))
    return drawn


def make_rows(
    drawn: list[tuple[str, list[Place]]], schemes: list[Scheme], index: Index, stats: Counter[str]
) -> list[Row]:
    rows: dict[tuple[str, str], Row] = {}
    for _oblast, chosen in drawn:
        for p in chosen:
            for s in schemes:
                # Only an official Russian name makes queries; an inferred one only labels.
                source = p.name_uk if s.source == "uk" else p.name_ru
                if not source or (s.source == "ru" and p.ru_note == "inferred"):
                    continue
                query = unicodedata.normalize("NFC", source)
                ids = set(index.by_form[fold(source)])
                if s.romanize is not None:
                    query = s.romanize(source)
                    same_latin = index.by_latin[(s.name, fold(query))]
                    if same_latin - ids:
                        stats["Latin queries that another Cyrillic name also gives"] += 1
                    ids |= same_latin
                assert p.id in ids, (p.id, s.name, query)
                row = Row(query, {s.lang}, {s.name}, [source], p.id, p.oblast_id, ids)
                key = (query, p.oblast_id)
                if key in rows:
                    stats["queries merged into an identical (query, oblast) row"] += 1
                    rows[key].merge(row)
                else:
                    rows[key] = row
    return list(rows.values())


def _category(n_oblast: int, n_national: int) -> str:
    if n_oblast > 1:
        return "homonym-oblast"
    if n_national > 1:
        return "homonym-national"
    return "unique"


def write(rows: list[Row], places: list[Place], oblast_en: dict[str, str]) -> list[dict[str, str]]:
    by_id = {p.id: p for p in places}
    formers = former_names()
    out: list[dict[str, str]] = []
    for r in rows:
        in_oblast = {i for i in r.ids if by_id[i].oblast_id == r.oblast_id}

        def names(ids: Iterable[str]) -> str:
            return "|".join(sorted({by_id[i].name for i in ids}))

        out.append(
            {
                "query": r.query,
                "lang": next(lang for lang in LANGS if lang in r.langs),
                "scheme": "|".join(s for s in SCHEMES if s in r.schemes),
                "source_form": "|".join(r.source_forms),
                "place_id": r.place_id,
                "oblast": oblast_en[r.oblast_id],
                "ids_oblast": "|".join(sorted(in_oblast)),
                "names_oblast": names(in_oblast),
                "ids_national": "|".join(sorted(r.ids)),
                "names_national": names(r.ids),
                "homonyms_oblast": str(len(in_oblast)),
                "homonyms_national": str(len(r.ids)),
                "category": _category(len(in_oblast), len(r.ids)),
                "former_national": str(sum(formers[fold(f)] for f in r.source_forms)),
            }
        )
    with OUT.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(out)
    return out


def summarize(out: list[dict[str, str]], stats: Counter[str]) -> None:
    print(f"wrote {OUT.relative_to(ROOT)}: {len(out)} rows")
    for key in ("lang", "scheme", "category", "oblast"):
        # A merged row counts under each of its schemes.
        counts = Counter(k for r in out for k in r[key].split("|"))
        print(f"  by {key}: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    for k, v in sorted(stats.items()):
        print(f"  {k}: {v}")


def main() -> None:
    schemes = make_schemes()
    places, oblast_en = load_places()
    stats = clean_russian(places)
    index = build_index(places, schemes)
    rows = make_rows(sample(places, oblast_en), schemes, index, stats)
    out = write(rows, places, oblast_en)
    stats["rows whose national holders differ in canonical name"] = sum(
        1 for r in out if "|" in r["names_national"]
    )
    stats["rows whose source form is also a former name"] = sum(
        1 for r in out if r["former_national"] != "0"
    )
    summarize(out, stats)


if __name__ == "__main__":
    main()
