"""Common words and names that are not places: evidence against a near miss.

"Kremlin" is two edits from Kreminna and "Пригожин" one from Пригоже, as close as a typo. What tells
them apart is that a reader knows the word. data/common_words.txt lists the words and names,
frequent in wordfreq's corpora of English, Ukrainian and Russian, and in a section of their own of
twenty-two other languages of the reports, that are no name in the gazetteer yet lead the resolver
to some place (scripts/build_lexicon.py). The resolver asks :func:`is_common_word` of a query it
found only inexactly.

A Cyrillic query is compared with the Cyrillic words as spelled (ё read as е); a Latin one with
the romanized spelling (``fine``) of every word, so a Latin transliteration of a Russian word counts
too (Prigozhin). Romanizing Cyrillic queries as well would merge distinct words: "росії", the
genitive of Росія, would meet "росии", a misspelling on the list. The other languages' words are
compared as spelled.
Two last sections serve `extract`: the names of villages and towns that are frequent Ukrainian or
Russian words (Атаки, Піски: :func:`names_a_word`), and the list's words that are German ones
(:func:`is_german_word`), which German capitalises as nouns.
The list is read on first use, not at import, and kept as a sorted array of 64-bit hashes of the
spellings (9 MB, some 10 ms to read from the on-disk cache and used in place, rather than 100 MB
of strings); two spellings share a hash with odds of about one in 10^13.
"""

from __future__ import annotations

import functools
import hashlib
import re
import threading
from array import array
from bisect import bisect_left
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from . import cache as _cache
from . import gazetteer as _gazetteer
from . import index as _index
from .index import fine
from .keys import key
from .text.normalize import clean, has_cyrillic

__all__ = ["is_common_word", "is_given_name", "is_person_name", "is_water_body", "media_names"]

_hashes: memoryview | None = None
_lock = threading.Lock()


def is_common_word(text: str, *, other_languages: bool = True) -> bool:
    """Whether ``text`` (a query's core, descriptors removed) is a common word or name. With
    ``other_languages=False``, only a word of English, Ukrainian or Russian counts: a frequent
    word of the other languages (Polish, Croatian, ...) may be a case form of a place's name in
    a third (Croatian šumskim, Polish sumskim: of Sumy), which is evidence enough against a
    capitalised word opening a sentence, not against a name met inexactly."""
    spelling = _spelling(text.strip())
    if not spelling:
        return False
    hashes = _load()
    return _has(hashes, _hash(spelling)) or (
        other_languages and _has(hashes, _hash(_MORE + clean(text.strip())))
    )


def names_a_word(text: str) -> bool:
    """Whether ``text``, a village's or a town's name as written, is also a frequent Ukrainian
    or Russian word: Атаки (attacks), Піски (sands), Добре (well). A sentence may open with the
    word."""
    word = clean(text.strip()).replace("ё", "е")
    return bool(word) and has_cyrillic(word) and _has(_load(), _hash(_PLACE_WORD + word))


def is_german_word(text: str) -> bool:
    """Whether ``text`` is a frequent German word that leads the resolver to some place
    (Zielen, Schäden, Medien): German capitalises its nouns, so in a German sentence a capital
    does not make it a name."""
    word = clean(text.strip())
    return bool(word) and _has(_load(), _hash(_GERMAN + word))


def _has(hashes: memoryview, h: int) -> bool:
    i = bisect_left(hashes, h)
    return i < len(hashes) and hashes[i] == h


# The file's line before the words of the other languages, and the prefix of their spellings,
# which are kept as written (cleaned), not romanized.
_MORE_SECTION = "# other languages"
_MORE = "x:"
# ... and before the names of small places that are frequent words, and their prefix.
_PLACE_WORDS_SECTION = "# names that are words"
_PLACE_WORD = "w:"
# ... and before the words that are German ones, and their prefix.
_GERMAN_SECTION = "# German words"
_GERMAN = "g:"


def _spelling(word: str) -> str:
    """How ``word`` is looked up: its Cyrillic spelling, or its romanized one (prefixed)."""
    if not word:
        return ""
    if has_cyrillic(word):
        return "c:" + clean(word).replace("ё", "е")  # clean(): case, apostrophes, look-alikes
    latin = fine(word).strip()
    return "l:" + latin if latin else ""


def _hash(spelling: str) -> int:
    return int.from_bytes(
        hashlib.blake2b(spelling.encode(), digest_size=8).digest(), "big", signed=True
    )


def _load() -> memoryview:
    global _hashes
    if _hashes is None:
        with _lock:
            if _hashes is None:
                source = _gazetteer._data_file("common_words.txt")
                # The list, this module and the text layer that spells it (clean, fine), read in
                # blocks: the list is 9 MB.
                digest = hashlib.sha256()
                with source.open("rb") as f:
                    for block in iter(lambda: f.read(1 << 20), b""):
                        digest.update(block)
                digest.update(_index.text_layer_digest())
                digest.update(Path(__file__).read_bytes())
                name = f"lexicon-{digest.hexdigest()[:40]}.marshal"
                _hashes = _cache.cached(
                    name,
                    lambda: memoryview(_read(source.read_text(encoding="utf-8"))),
                    lambda hashes: hashes.tobytes(),
                    _hashes_of,
                    one_bytes=True,
                )
    return _hashes


def _hashes_of(data: object) -> memoryview:
    """The hashes over the cached bytes, not a copy of them."""
    if not isinstance(data, (bytes, memoryview)) or len(data) % 8:
        raise TypeError("not cached hashes")
    return memoryview(data).cast("q")


def _read(text: str) -> array[int]:
    spellings: set[str] = set()
    more = named = german = False
    for line in text.splitlines():
        if line == _MORE_SECTION:
            more = True
        elif line == _PLACE_WORDS_SECTION:
            named = True
        elif line == _GERMAN_SECTION:
            german = True
        elif german and line:
            spellings.add(_GERMAN + clean(line))
        elif named and line:
            spellings.add(_PLACE_WORD + line)
        elif more and line:
            # As spelled in its language: romanized, umana (Italian, human) would be Umaņa
            # (Latvian, of Uman).
            spellings.add(_MORE + clean(line))
        elif line and not line.startswith("#"):
            spellings.add(_spelling(line))
            spellings.add("l:" + fine(line).strip())  # Cyrillic words romanized: Prigozhin
    spellings.discard("l:")
    spellings.discard(_MORE)
    return array("q", sorted(map(_hash, spellings)))


def is_person_name(text: str) -> bool:
    """Whether ``text`` (a query's core) reads as a person's name: two or three words, the first
    or the last a common given name, in any script or romanization (data/given_names.txt):
    "Oleksandr Syrskyi", "Владимир Зеленский", "Зеленский Владимир"."""
    words = text.split()
    if not 2 <= len(words) <= 3:
        return False
    given = _given_names()
    # Four letters at least: the key is coarse, and short words meet short names (за ~ Зоя).
    return any(len(w) >= 4 and key(w) in given for w in (words[0], words[-1]))


def is_surname(text: str) -> bool:
    """Whether ``text`` is one word, the surname of an official war reports quote, in any
    spelling (data/surnames.txt: Zełenski, Гладков, Богомаз): evidence against a near miss."""
    return " " not in text.strip() and len(text) >= 4 and key(text) in _surnames()


def is_given_name(text: str) -> bool:
    """Whether ``text`` is one word, a common given name in any spelling (Hryhorij, Григорий):
    like a common word, evidence against a near miss (Hryhoriv)."""
    return " " not in text.strip() and len(text) >= 4 and key(text) in _given_names()


def is_water_body(text: str) -> bool:
    """Whether ``text`` (a query's core) is a river's, canal's or reservoir's name in any
    spelling the key reads alike (data/water_bodies.txt): Siwerskyj Donez, Северский Донец."""
    global _waters
    if _waters is None:
        lines = _gazetteer._data_file("water_bodies.txt").read_text(encoding="utf-8").splitlines()
        _waters = frozenset(
            key(name)
            for line in lines
            if line and not line.startswith("#")
            for name in line.split(" / ")
        )
    return key(text) in _waters


_waters: frozenset[str] | None = None


def media_names() -> re.Pattern[str]:
    """A pattern that finds, as whole words and letter case aside, the names of media and news
    agencies whose names hold a place's name or read as one (data/media_names.txt): Kyiv
    Independent, Ukrainska Pravda, Donetsk News Agency."""
    global _media
    if _media is None:
        lines = _gazetteer._data_file("media_names.txt").read_text(encoding="utf-8").splitlines()
        spellings = {
            name.strip()
            for line in lines
            if line and not line.startswith("#")
            for name in line.split(" / ")
        }
        _media = re.compile(rf"(?<!\w){alternatives(spellings)}(?!\w)", re.IGNORECASE)
    return _media


_media: re.Pattern[str] | None = None


def alternatives(words: Iterable[str]) -> str:
    """A regular expression, to be compiled with ``re.IGNORECASE``, for any of ``words``: the
    longest first where several match at one place, as their plain alternation sorted longest
    first, but written as a tree of their shared beginnings (letters that match each other
    regardless of case share a branch) behind a class of their first letters. Python's ``re``
    tries a plain alternation's branches one by one at every offset of the text; the class and
    the tree reject most offsets at once, which makes a scan for a few hundred words 4-8 times
    faster."""
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for letter in word:
            same = next((c for c in node if c and _same_letter(c, letter)), letter)
            node = node.setdefault(same, {})
        node[""] = {}  # a word ends here

    def pattern(node: dict[str, Any]) -> str:
        branches = [re.escape(c) + pattern(rest) for c, rest in node.items() if c]
        if not branches:
            return ""
        ends = "" in node
        group = branches[0] if len(branches) == 1 and not ends else f"(?:{'|'.join(branches)})"
        return group + "?" if ends else group  # greedy: a longer word first

    if not tree:
        return "(?!)"  # no word: nothing matches
    firsts = "".join(re.escape(c) for c in tree if c)
    if not firsts or "" in tree:
        return pattern(tree)  # the empty word is one of them
    # A class of the first letters, which re tests far faster than the tree's first branches.
    return f"(?=[{firsts}]){pattern(tree)}"


def _same_letter(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` match each other in a case-insensitive pattern."""
    return a == b or (
        re.fullmatch(re.escape(a), b, re.IGNORECASE) is not None
        and re.fullmatch(re.escape(b), a, re.IGNORECASE) is not None
    )


def _given_names() -> frozenset[str]:
    return _listed_keys("given_names.txt")


def _surnames() -> frozenset[str]:
    return _listed_keys("surnames.txt")


@functools.cache
def _listed_keys(filename: str) -> frozenset[str]:
    """The keys of the words of a shipped word list (words split by whitespace, # comments),
    of four letters or more: shorter ones meet too many short names."""
    text = _gazetteer._data_file(filename).read_text(encoding="utf-8")
    words = (w for line in text.splitlines() if not line.startswith("#") for w in line.split())
    return frozenset(key(word) for word in words if len(word) >= 4)
