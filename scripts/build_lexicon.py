"""Build data/common_words.txt: common words and names that are not names of our places.

A query that the resolver finds only inexactly (Kremlin ~ Kreminna, Пригожин ~ Пригоже) and that is
itself a common English, Ukrainian or Russian word or name is more likely that word than a
misspelt village; the confidence model weighs this (docs/design.md, "Common words").

Source: the word-frequency lists of wordfreq 3.1.1 (pinned in pyproject's ``build`` extra), whose
data is CC BY-SA 4.0; so is the list built from it. A word is kept when

* its Zipf frequency is at least MIN_ZIPF in one of LANGUAGES (1.5: about once in 30 million
  words; rarer "words" are mostly names and typos of the web);
* it is letters only (apostrophes and hyphens inside), at least MIN_LENGTH long;
* it is not a name in the gazetteer, nor a Russian or Ukrainian case form of one (в Херсоне:
  "херсоне"), nor an English possessive of one (kyiv's); a Latin word that merely ends like a
  Polish or Lithuanian case of a name (abase, Abas) is an English word, and stays;
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

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from toponyms import index as _index  # noqa: E402
from toponyms.keys import key  # noqa: E402
from toponyms.text.forms import nominative_candidates  # noqa: E402
from toponyms.text.normalize import has_cyrillic, split_descriptors  # noqa: E402

OUT = ROOT / "data" / "common_words.txt"
WORDFREQ = "3.1.1"
LANGUAGES = ("en", "uk", "ru")
MIN_ZIPF = 1.5
MIN_LENGTH = 3
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")

HEADER = f"""\
# Common words and names that are not names of places in data/gazetteer.csv.
# Built by scripts/build_lexicon.py from the wordfreq {WORDFREQ} frequency lists of
# {", ".join(LANGUAGES)}: Zipf frequency >= {MIN_ZIPF}, letters only, at least {MIN_LENGTH} long,
# not a gazetteer name or a case form of one, and near enough to some name for the resolver
# to reach a place from it.
# wordfreq (c) Robyn Speer; its data, and therefore this list, is licensed CC BY-SA 4.0
# (https://creativecommons.org/licenses/by-sa/4.0/). It derives from Wikipedia, OpenSubtitles
# 2018 (OPUS), ParaCrawl, the Leeds Internet Corpus, Google Books Ngrams, SUBTLEX, Reddit and
# Twitter word counts; see https://github.com/rspeer/wordfreq#license. Do not edit: rebuild.
"""


def frequent_words() -> list[str]:
    import wordfreq

    words: set[str] = set()
    for lang in LANGUAGES:
        for word in wordfreq.iter_wordlist(lang, "large"):
            if wordfreq.zipf_frequency(word, lang) < MIN_ZIPF:
                break  # the list runs from the most frequent down
            if len(word) >= MIN_LENGTH and _WORD.fullmatch(word):
                words.add(word)
    return sorted(words)


_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")


def _keep(word: str) -> bool:
    """Whether ``word`` is no place name, yet leads the resolver to some place."""
    index = _index.shipped_index()
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
                if cyrillic:
                    return False  # a case form of a name: херсоне
                reach = True  # an English word that ends like a Polish case (abase: Abas)
            reach = reach or bool(index.by_key(key(core)))
    return reach or bool(index.fuzzy_keys(k))


def build(processes: int) -> str:
    words = frequent_words()
    _index.shipped_index()  # built (or loaded from cache) before the workers fork
    with Pool(processes) as pool:
        kept: Iterable[bool] = pool.imap(_keep, words, chunksize=2000)
        lines = [w for w, keep in zip(words, kept, strict=True) if keep]
    return HEADER + "".join(f"{w}\n" for w in lines)


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
    print(f"wrote {OUT.relative_to(ROOT)}: {text.count(chr(10)) - HEADER.count(chr(10))} words")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
