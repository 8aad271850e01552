"""Build data/common_words.txt: common words and names that are not names of our places.

A query that the resolver finds only inexactly (Kremlin ~ Kreminna, Пригожин ~ Пригоже) and that is
itself a common word or name is more likely that word than a misspelt village; the confidence
model weighs this (docs/design.md, "Common words"), and ``extract`` leaves such a word out where it
opens a sentence (Walki, Połowa, Selon).

Source: the word-frequency lists of wordfreq 3.1.1 (pinned in pyproject's ``build`` extra), whose
data is CC BY-SA 4.0; so is the list built from it. A word is kept when

* its Zipf frequency is at least MIN_ZIPF in one of LANGUAGES, English, Ukrainian and Russian
  (1.5: about once in 30 million words; rarer "words" are mostly names and typos of the web), or
  MORE_MIN_ZIPF in one of MORE_LANGUAGES, the other languages of the reports (3: once in a
  million);
* it is letters only (apostrophes and hyphens inside), at least MIN_LENGTH long;
* it is not a name in the gazetteer, nor a Russian or Ukrainian case form of one (в Херсоне:
  "херсоне"; Polish "charkowa"), nor an English possessive of one (kyiv's); an English word that
  merely ends like a Polish or Lithuanian case of a name (abase, Abas) stays;
* the resolver can reach a place from it at all: its transliteration key, a case form's key, or
  a fuzzy neighbour is in the index. Other words can never be mistaken for a place.

Deterministic: sorted, so a rebuild on the same gazetteer and wordfreq is byte-for-byte equal.

    pip install -e '.[build]' && python scripts/build_lexicon.py [--check] [--processes N]
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Iterable
from multiprocessing import Pool
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from toponyms import index as _index  # noqa: E402
from toponyms.keys import key  # noqa: E402
from toponyms.lexicon import _GERMAN_SECTION, _MORE_SECTION, _PLACE_WORDS_SECTION  # noqa: E402
from toponyms.text.forms import nominative_candidates  # noqa: E402
from toponyms.text.normalize import clean, has_cyrillic, split_descriptors  # noqa: E402

OUT = ROOT / "data" / "common_words.txt"
WORDFREQ = "3.1.1"
LANGUAGES = ("en", "uk", "ru")
MIN_ZIPF = 1.5
# The other languages reports about the war are written in, at their more frequent words only
# (Zipf 3: about once in a million words): what opens a sentence there (Walki, Połowa, Kluczowe,
# Selon) and would read as a respelled village otherwise; in Arabic, which has no capitals to
# mark a name, any word (قوات, forces: Kyiat).
MORE_LANGUAGES = (
    "pl", "de", "fr", "it", "es", "cs", "sk", "ro", "hu", "nl", "pt", "tr", "lt", "lv", "sl", "sh",
    "fi", "sv", "da", "nb", "el", "ar",
)  # fmt: skip
MORE_MIN_ZIPF = 3.0
MIN_LENGTH = 3
# Names of villages and towns that are also frequent Ukrainian or Russian words (Атаки, attacks;
# Піски, sands): once in a million words or more, and borne by no city nor by a place of 20,000
# people or more (Авдіївка, Суми are frequent as names).
PLACE_WORD_ZIPF = 3.0
PLACE_WORD_MAX_POPULATION = 20_000
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")

HEADER = f"""\
# Common words and names that are not names of places in data/gazetteer.csv.
# Built by scripts/build_lexicon.py from the wordfreq {WORDFREQ} frequency lists of
# {", ".join(LANGUAGES)} (Zipf frequency >= {MIN_ZIPF}) and {", ".join(MORE_LANGUAGES)}
# (>= {MORE_MIN_ZIPF}; not a case form of a name): letters only, at least {MIN_LENGTH} long,
# not a gazetteer name or a case form of one, and near enough to some name for the resolver
# to reach a place from it. The next section lists the names of villages and towns that are
# words of {", ".join(LANGUAGES[1:])} (>= {PLACE_WORD_ZIPF}; borne by no city nor by a place of
# {PLACE_WORD_MAX_POPULATION:,} people or more); the last, again, the words above that are German
# ones (>= {MORE_MIN_ZIPF} in de).
# wordfreq (c) Robyn Speer; its data, and therefore this list, is licensed CC BY-SA 4.0
# (https://creativecommons.org/licenses/by-sa/4.0/). It derives from Wikipedia, OpenSubtitles
# 2018 (OPUS), ParaCrawl, the Leeds Internet Corpus, Google Books Ngrams, SUBTLEX, Reddit and
# Twitter word counts; see https://github.com/rspeer/wordfreq#license. Do not edit: rebuild.
"""


def frequent_words() -> list[tuple[str, bool]]:
    """The words, each with whether it comes from English, Ukrainian or Russian (whose Latin
    words may merely end like a foreign case of a name) rather than only from another language."""
    import wordfreq

    words: dict[str, bool] = {}
    for lang in (*LANGUAGES, *MORE_LANGUAGES):
        main = lang in LANGUAGES
        least = MIN_ZIPF if main else MORE_MIN_ZIPF
        wordlist = "large" if lang in wordfreq.available_languages("large") else "best"
        for word in wordfreq.iter_wordlist(lang, wordlist):
            if wordfreq.zipf_frequency(word, lang) < least:
                break  # the list runs from the most frequent down
            if len(word) >= MIN_LENGTH and _WORD.fullmatch(word):
                words[word] = words.get(word, False) or main
    return sorted(words.items())


def place_words() -> list[str]:
    """The names of small places that are frequent words of Ukrainian or Russian, as clean()
    spells them, sorted."""
    import wordfreq

    index = _index.shipped_index()
    population, kinds = index.columns.population, index.columns.kind
    found: set[str] = set()
    for lang in ("uk", "ru"):
        wordlist = "large" if lang in wordfreq.available_languages("large") else "best"
        for word in wordfreq.iter_wordlist(lang, wordlist):
            if wordfreq.zipf_frequency(word, lang) < PLACE_WORD_ZIPF:
                break
            word = clean(word)
            if len(word) < MIN_LENGTH or not _WORD.fullmatch(word) or not has_cyrillic(word):
                continue
            places = {index.name_place[slot] for slot in index.exact(word)}
            if places and all(
                kinds[p] in _SMALL_PLACES and population[p] < PLACE_WORD_MAX_POPULATION
                for p in places
            ):
                found.add(word.replace("ё", "е"))
    return sorted(found)


_SMALL_PLACES = frozenset({"town", "village", "settlement"})
_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")


def _keep(item: tuple[str, bool]) -> bool:
    """Whether the word is no place name, yet leads the resolver to some place. A word of the
    other languages that reads as a case of a name (Charkowa, Kupiańska) is that name's form."""
    word, main = item
    index = _index.shipped_index()
    # As the resolver reads it: wordfreq keeps words typed with Latin look-alikes (києвi, with a
    # Latin i), which clean() reads as the Cyrillic word (києві: of Kyiv).
    word = clean(word) if has_cyrillic(word) else word
    k = key(word)
    if not k or index.exact(word):
        return False
    reach = bool(index.by_key(k))
    cyrillic = has_cyrillic(word)
    if not cyrillic and index.exact(_POSSESSIVE.sub("", word)):
        return False  # an English possessive of a name: kyiv's
    for form in nominative_candidates(word):
        core, _ = split_descriptors(form)
        if core and core != word:
            if index.exact(core):
                if cyrillic or not main:
                    return False  # a case form of a name: херсоне, charkowa
                reach = True  # an English word that ends like a Polish case (abase: Abas)
            reach = reach or bool(index.by_key(key(core)))
    unkeyed = _UNKEYED.search(word) is not None
    if not (reach or index.fuzzy_keys(k) or unkeyed):
        return False
    if main or cyrillic:
        return True
    if unkeyed and not _resolver().candidates(word, limit=1):
        return False  # the resolver's readings of the script reach no place
    # A word of the other languages that the resolver reads as a name or a name's case (umaņa,
    # kijowa: Uman's, Kyiv's) is that name there, whatever else it means; so is one it reads as
    # a large city's name, an exonym the data lacks (Spanish moscú).
    answer = _resolver().lookup(word)
    if answer.how in _NAME_READINGS:
        return False
    return answer.place is None or (answer.place.population or 0) < _LARGE_CITY


_LARGE_CITY = 100_000
# Scripts the key leaves as written, which the resolver reads by guessing the vowels (Arabic)
# or respelling the digraphs (Greek): whether a word reaches a place is the resolver's to say.
_UNKEYED = re.compile("[\u0370-\u03ff\u1f00-\u1fff\u0600-\u06ff]")


# How an answer met a recorded name or its case form, rather than a respelling or a near miss.
_NAME_READINGS = frozenset({"exact", "alias", "former", "abbreviation", "case-form"})


_RESOLVER = None


def _resolver() -> Any:
    """A resolver that knows no common words: the list being built must not decide its reading."""
    global _RESOLVER
    if _RESOLVER is None:
        from toponyms import resolver

        resolver.is_common_word = lambda text, **_: False  # type: ignore[assignment]
        _RESOLVER = resolver.Resolver()
    return _RESOLVER


def build(processes: int) -> str:
    words = frequent_words()
    _index.shipped_index()  # built (or loaded from cache) before the workers fork
    with Pool(processes) as pool:
        kept: Iterable[bool] = pool.imap(_keep, words, chunksize=2000)
        kept_words = [item for item, keep in zip(words, kept, strict=True) if keep]
    main = "".join(f"{w}\n" for w, is_main in kept_words if is_main)
    more = "".join(f"{w}\n" for w, is_main in kept_words if not is_main)
    named = "".join(f"{w}\n" for w in place_words())
    german = "".join(f"{w}\n" for w in german_words(w for w, _ in kept_words))
    # the lines the lexicon reads
    return (
        HEADER + main + _MORE_SECTION + "\n" + more + _PLACE_WORDS_SECTION + "\n" + named
        + _GERMAN_SECTION + "\n" + german
    )  # fmt: skip


def german_words(kept: Iterable[str]) -> list[str]:
    """The words kept that are German ones (Zipf >= MORE_MIN_ZIPF in German), sorted: German
    capitalises its nouns, so these may stand capitalised anywhere in a German sentence."""
    import wordfreq

    return sorted(w for w in kept if wordfreq.zipf_frequency(w, "de") >= MORE_MIN_ZIPF)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="fail if the committed file differs")
    ap.add_argument("--processes", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args(argv)
    from importlib.metadata import version

    if version("wordfreq") != WORDFREQ:
        raise SystemExit(f"wordfreq {version('wordfreq')} installed, the build pins {WORDFREQ}")
    text = build(args.processes)
    if args.check:
        if OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT.relative_to(ROOT)} differs from what the build produces", file=sys.stderr)
            return 1
        print(f"{OUT.relative_to(ROOT)} is up to date")
        return 0
    OUT.write_text(text, encoding="utf-8")
    words = text.count(chr(10)) - HEADER.count(chr(10)) - 1
    print(f"wrote {OUT.relative_to(ROOT)}: {words} words")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
