"""Cyrillic to Latin transliteration: one engine applying any scheme of ``schemes/*.json``
(letter tables plus previous-letter, next-letter and ending rules, iuliia's format).

It does not clean its input (normalize.py) or guess the language: the caller names the scheme.
"""

from __future__ import annotations

import json
import re
import threading
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from toponyms.errors import SchemeError
from toponyms.text.normalize import APOSTROPHES, is_cyrillic

__all__ = ["DEFAULT_SCHEME", "Scheme", "get_scheme", "schemes", "transliterate"]

DEFAULT_SCHEME = "uk-kmu2010"

Errors = Literal["preserve", "anyascii", "ignore"]
_ERRORS = ("preserve", "anyascii", "ignore")

# A word: letters (with any combining marks left after NFC), and apostrophes *between* letters,
# because KMU 2010 reads Знам'янка as one word (Znamianka, not Znam-Yanka). Every repetition
# of the group must start with an apostrophe, which is not a letter, so matching is linear.
_LETTER = rf"(?:[^\W\d_{re.escape(APOSTROPHES)}]|[\u0300-\u036f\u0483-\u0489])"
_WORD = re.compile(rf"{_LETTER}+(?:[{re.escape(APOSTROPHES)}]{_LETTER}+)*")
_APOSTROPHE_SET = frozenset(APOSTROPHES)
_CANONICAL_APOSTROPHE = "'"
_FOREIGN_APOSTROPHE = "\x00"  # no table has it: the source character is kept
_ENDING_LENGTH = 2  # iuliia: an ending rule replaces the last two letters of a longer word


@dataclass(frozen=True, slots=True)
class Scheme:
    """One transliteration standard, read from its JSON file; immutable once built.

    Tables are keyed by lower-case Cyrillic and hold lower-case Latin; case is restored by the
    engine from the source letters, so one table serves Київ, київ and КИЇВ.
    """

    id: str
    name: str
    description: str
    url: str
    language: str
    mapping: Mapping[str, str]
    prev_mapping: Mapping[str, str] = field(default_factory=dict)
    next_mapping: Mapping[str, str] = field(default_factory=dict)
    ending_mapping: Mapping[str, str] = field(default_factory=dict)
    samples: tuple[tuple[str, str], ...] = ()
    aliases: tuple[str, ...] = ()
    comments: tuple[str, ...] = ()

    @classmethod
    def from_json(cls, scheme_id: str, data: Mapping[str, Any]) -> Scheme:
        """Build a scheme from a parsed scheme file; raise SchemeError if it breaks the format."""
        try:
            tables = {
                key: _table(data.get(key) or {}, key)
                for key in ("mapping", "prev_mapping", "next_mapping", "ending_mapping")
            }
            samples = tuple((str(src), str(dst)) for src, dst in data.get("samples", ()))
            return cls(
                id=scheme_id,
                name=str(data["name"]),
                description=str(data["description"]),
                url=str(data["url"]),
                language=str(data["language"]),
                samples=samples,
                aliases=tuple(str(a) for a in data.get("aliases", ())),
                comments=tuple(str(c) for c in data.get("comments", ())),
                **tables,
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise SchemeError(f"scheme {scheme_id!r} breaks the scheme format: {exc}") from exc

    def translate(self, text: str, *, errors: Errors = "preserve") -> str:
        """Transliterate ``text`` word by word; see :func:`transliterate`."""
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
        out: list[str] = []
        start = 0
        for match in _WORD.finditer(text):
            word = match.group()
            out.append(text[start : match.start()])
            out.append(word if word.isascii() else self._translate_word(word, errors))
            start = match.end()
        out.append(text[start:])
        return "".join(out)

    def _translate_word(self, word: str, errors: Errors) -> str:
        lower = word.lower()
        if len(lower) != len(word):  # a few letters lower-case to two (İ); keep those as they are
            lower = "".join(c.lower() if len(c.lower()) == 1 else c for c in word)
        # The Ukrainian apostrophe, in whichever variant, is one letter of the tables ("'");
        # an apostrophe after any other letter (O'Brien) is not, and is left alone.
        lower = "".join(
            (_CANONICAL_APOSTROPHE if is_cyrillic(word[i - 1]) else _FOREIGN_APOSTROPHE)
            if c in _APOSTROPHE_SET
            else c
            for i, c in enumerate(lower)
        )
        size = len(word)
        stop = size
        ending = None
        if size > _ENDING_LENGTH and self.ending_mapping:
            ending = self.ending_mapping.get(lower[-_ENDING_LENGTH:])
            if ending is not None:
                stop = size - _ENDING_LENGTH

        pieces: list[str] = []
        for i in range(stop):
            curr = lower[i]
            prev = lower[i - 1] if i > 0 else ""
            next_ = lower[i + 1] if i + 1 < size else ""
            # iuliia's order: the previous-letter rule, then the next-letter rule, then the letter.
            latin = self.prev_mapping.get(prev + curr)
            if latin is None:
                latin = self.next_mapping.get(curr + next_)
            if latin is None:
                latin = self.mapping.get(curr)
            if latin is None:
                pieces.append(_unmapped(word[i], errors))
                continue
            pieces.append(_recase(latin, word, i))
        if ending is not None:
            tail = word[stop:]
            if tail.isupper():
                ending = ending.upper()
            elif tail[0].isupper():
                ending = ending.capitalize()
            pieces.append(ending)
        return "".join(pieces)


def _recase(latin: str, word: str, i: int) -> str:
    """Give the Latin for ``word[i]`` the case of its source: Щ is Shch in Щука, SHCH in ЩУКА."""
    source = word[i]
    if not source.isupper() or not latin:
        return latin
    if len(latin) == 1:
        return latin.upper()
    # A multi-letter output is all capitals when its neighbour says the word is in capitals:
    # the next cased letter if there is one, else the previous one; a lone capital is title case.
    for j in (*range(i + 1, len(word)), *range(i - 1, -1, -1)):
        neighbour = word[j]
        if neighbour.isupper():
            return latin.upper()
        if neighbour.islower():
            return latin.capitalize()
    return latin.capitalize()


def _unmapped(char: str, errors: Errors) -> str:
    """A character the scheme has no rule for: ASCII always passes; the rest by ``errors``."""
    if char.isascii() or errors == "preserve":
        return char
    if errors == "ignore":
        return ""
    from anyascii import anyascii  # the fallback for other scripts; imported on first need

    return anyascii(char)


def _table(raw: Mapping[str, Any], key: str) -> dict[str, str]:
    if not isinstance(raw, Mapping):
        raise TypeError(f"{key} must be an object, not {type(raw).__name__}")
    table: dict[str, str] = {}
    for source, latin in raw.items():
        if not isinstance(source, str) or not isinstance(latin, str):
            raise TypeError(f"{key} entry {source!r}: {latin!r} is not a string pair")
        if source != source.lower() or latin != latin.lower():
            raise ValueError(f"{key} entry {source!r}: {latin!r} must be lower case")
        table[source] = latin
    return table


# The registry: scheme files are read on first use, once each, under a lock, then only read.
_lock = threading.Lock()
_loaded: dict[str, Scheme] = {}
_aliases: dict[str, str] | None = None


def _scheme_files() -> dict[str, Any]:
    directory = Path(__file__).with_name("schemes")
    return {
        entry.name[: -len(".json")]: entry
        for entry in directory.iterdir()
        if entry.name.endswith(".json")
    }


def schemes() -> tuple[str, ...]:
    """The ids of every known scheme, sorted (aliases not included)."""
    return tuple(sorted(_scheme_files()))


def get_scheme(scheme_id: str) -> Scheme:
    """The scheme called ``scheme_id`` (or one of its aliases); raise SchemeError if unknown."""
    if not isinstance(scheme_id, str):
        raise TypeError(f"scheme must be a str, not {type(scheme_id).__name__}")
    scheme = _loaded.get(scheme_id)
    if scheme is not None:
        return scheme
    global _aliases
    with _lock:
        scheme = _loaded.get(scheme_id)
        if scheme is not None:
            return scheme
        files = _scheme_files()
        canonical = scheme_id if scheme_id in files else None
        if canonical is None:
            if _aliases is None:
                _aliases = {
                    alias: sid
                    for sid, entry in files.items()
                    for alias in json.loads(entry.read_text(encoding="utf-8")).get("aliases", ())
                }
            canonical = _aliases.get(scheme_id)
        if canonical is None:
            known = ", ".join(sorted(files))
            raise SchemeError(f"unknown scheme {scheme_id!r}; known schemes: {known}")
        scheme = _loaded.get(canonical)
        if scheme is None:
            try:
                data = json.loads(files[canonical].read_text(encoding="utf-8"))
            except ValueError as exc:
                raise SchemeError(f"scheme file {canonical}.json is not valid JSON: {exc}") from exc
            scheme = Scheme.from_json(canonical, data)
            _loaded[canonical] = scheme
        _loaded[scheme_id] = scheme
        return scheme


def transliterate(text: str, scheme: str = DEFAULT_SCHEME, *, errors: Errors = "preserve") -> str:
    """Romanize the Cyrillic in ``text`` by ``scheme`` (see :func:`schemes`), keeping case.

    ``transliterate("Запоріжжя")`` is ``"Zaporizhzhia"`` (KMU 2010). ASCII passes through;
    other characters the scheme has no rule for are kept (``errors="preserve"``), dropped
    (``"ignore"``) or romanized by anyascii (``"anyascii"``, the fallback for other scripts).
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    if errors not in _ERRORS:
        raise ValueError(f"errors must be one of {', '.join(_ERRORS)}, not {errors!r}")
    return get_scheme(scheme).translate(text, errors=errors)
