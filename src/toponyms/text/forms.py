"""Case forms: nominative candidates for a place name as running text inflects it.

Russian and Ukrainian text inflects Cyrillic names (в Покровске, під Мирноградом); Polish, Czech,
Slovak, Croatian, Serbian, Lithuanian and Latvian text inflects romanized ones (w Pokrowsku, u
Bachmutu, Kanivas, Bahmutā). Suffix rules kept as data (``forms_rules.json``) undo case endings
and over-generate on purpose: the resolver keeps only candidates that exist in the gazetteer. Not
a lemmatizer: no dictionary, stress or gender; it neither transliterates nor normalizes beyond
lower-casing and trimming punctuation.
"""

from __future__ import annotations

import itertools
import json
import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from toponyms.errors import SchemeError
from toponyms.text.normalize import has_cyrillic, is_cyrillic

__all__ = ["MAX_CANDIDATES", "is_preposition", "nominative_candidates", "split_preposition"]

#: Most candidates :func:`nominative_candidates` returns, the input included.
MAX_CANDIDATES = 24

# A name phrase has at most four parts in KATOTTG and KOATUU (Джадра-Шейх-Елі, Кам'янця-Подільського
# району); longer input is not a name and gets no inflection, which keeps the work linear and small.
_MAX_WORDS = 5
_MAX_CHARS = 120
# Partial combinations kept while joining the readings of a multi-word name, left to right.
_BEAM = 4 * MAX_CANDIDATES
# Prepositions stripped at most this many times (з-під, "from near").
_MAX_PREPOSITIONS = 3

_RULES_PATH = Path(__file__).with_name("forms_rules.json")
_CASE_LETTERS = frozenset("ngdailNGDAIL")
# A preposition governing one of these may stand before a name in its nominative form: в Покровськ.
_NOMINATIVE_LIKE = frozenset("na")
_CYRILLIC_LANGS = ("ru", "uk")
# The endings languages written in Latin letters give romanized names, as one rule set: which of
# them a phrase is in cannot be told from a name, and the key lookup folds their spellings.
_LATIN = "latn"
_RULE_SETS = (*_CYRILLIC_LANGS, _LATIN)
_HYPHENS = re.compile(r"([-‐‑])")  # hyphen-minus, U+2010 and U+2011: parts of one name
# Trimmed from both ends of each word: quotes, brackets, sentence punctuation, stray apostrophes.
_EDGE_PUNCTUATION = "\"'«»„“”‚‘’ʼ`´()[]{}<>.,;:!?…*"
_TEMPLATE = re.compile(r"\{([A-Z])\}")
_APOSTROPHE_BETWEEN_CYRILLIC = re.compile(r"[\u0400-\u04ff]['’ʼ`][\u0400-\u04ff]")

_Tags = frozenset[str]  # "uk:g", "ru:L": language and case of one reading


@dataclass(frozen=True, slots=True)
class _Rules:
    """The compiled rules file: read-only once built."""

    # lang -> suffix -> readings, in the order the rules file gives them
    suffixes: Mapping[str, Mapping[str, tuple[tuple[str, _Tags], ...]]]
    longest: int
    letters: Mapping[str, frozenset[str]]
    prepositions: Mapping[str, Mapping[str, frozenset[str]]]  # lang -> word -> governed cases
    all_prepositions: frozenset[str]
    possessive: tuple[tuple[str, str], ...]  # (ending, replacement), longest first
    possessive_endings: tuple[str, ...]  # the endings alone, for one str.endswith


_rules: _Rules | None = None
_rules_lock = threading.Lock()


def nominative_candidates(text: str) -> tuple[str, ...]:
    """Return the possible nominative forms of a place name phrase, most likely first.

    ``text`` is a name as it stands in running text, raw or cleaned: "під Мирноградом",
    "Часового Яру", "в Покровске", "Pokrovsk's". A leading preposition is dropped, then each word
    is read back to its nominative by suffix rules; the words of a multi-word name must agree in
    case. The first candidate is the phrase without its preposition, unless the preposition
    rules out the nominative (біля, з, до, из, от): then the readings in the cases it governs
    come first. The input itself, lower-cased with runs of whitespace collapsed, is always
    included. All candidates are lower-case, without duplicates, at most :data:`MAX_CANDIDATES`
    of them. Most are not names: keep those that exist in the gazetteer. Blank input gives ``()``.

    >>> nominative_candidates("під Мирноградом")[:2]
    ('мирноградом', 'мирноград')
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    raw = " ".join(text.lower().split())
    if not raw:
        return ()
    rules = _load()
    words, langs, cases = _parse(raw, rules)
    phrase = " ".join(words)
    readings: list[tuple[str, bool]] = []
    if phrase and len(phrase) <= _MAX_CHARS:
        tokens = _tokens(words)
        if len(tokens) <= _MAX_WORDS:
            readings = _inflections(tokens, langs, cases, rules)
    if cases and not cases & _NOMINATIVE_LIKE:
        # біля, з, до, от, из...: the name after them is not in the nominative, unless it does
        # not decline (из Курахово), so it follows the readings that agree with the preposition.
        ordered = [reading for reading, agrees in readings if agrees]
        ordered += [phrase, *(reading for reading, agrees in readings if not agrees)]
    else:
        ordered = [phrase, *(reading for reading, _ in readings)]
    ordered = list(dict.fromkeys(filter(None, ordered)))[:MAX_CANDIDATES]
    if raw not in ordered:
        ordered = [*ordered[: MAX_CANDIDATES - 1], raw]
    return tuple(ordered)


def is_preposition(word: str) -> bool:
    """Whether ``word`` is one of the prepositions :func:`split_preposition` takes off (під, в,
    w, in)."""
    return word.lower().strip(_EDGE_PUNCTUATION) in _load().all_prepositions


def split_preposition(text: str) -> tuple[str, str]:
    """Split leading prepositions off a name phrase: ``("під", "Мирноградом")``.

    The preposition comes back lower-cased (two are joined by a space, as in "from near"), ``""``
    when there is none; the rest keeps its case, with runs of whitespace collapsed. A phrase that
    is only a preposition is left whole.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    words = text.split()
    known = _load().all_prepositions
    taken: list[str] = []
    while len(words) > 1 and len(taken) < _MAX_PREPOSITIONS:
        word = words[0].lower().strip(_EDGE_PUNCTUATION)
        if word not in known:
            break
        taken.append(word)
        words = words[1:]
    return " ".join(taken), " ".join(words)


def _parse(raw: str, rules: _Rules) -> tuple[list[str], tuple[str, ...], frozenset[str]]:
    """Words of the name (possessive cut, punctuation and prepositions dropped), its languages,
    and the cases its preposition governs."""
    words = raw.split(" ")
    for index, word in enumerate(words):
        bare = _strip_possessive(word, rules)
        if bare is not None:
            words = [*words[:index], bare]
            break
    words = [bare for bare in (word.strip(_EDGE_PUNCTUATION) for word in words) if bare]
    leading: list[str] = []
    while (
        len(words) > 1 and len(leading) < _MAX_PREPOSITIONS and words[0] in rules.all_prepositions
    ):
        leading.append(words.pop(0))
    langs = _languages(" ".join(words), rules)
    if len(langs) > 1 and leading:
        # Only Russian has во, из, около; only Ukrainian has біля, від, з.
        told = [lang for lang in langs if all(p in rules.prepositions[lang] for p in leading)]
        langs = tuple(told) or langs
    cases: set[str] = set()
    for preposition in leading:
        for lang in (*langs, "en"):
            cases |= rules.prepositions[lang].get(preposition, frozenset())
    return words, langs, frozenset(cases)


def _strip_possessive(word: str, rules: _Rules) -> str | None:
    """The romanized word without its English possessive ending, or None if it has none."""
    if not word.endswith(rules.possessive_endings):  # as nearly every word: one test
        return None
    for ending, replacement in rules.possessive:
        cut = len(word) - len(ending)
        if cut > 0 and word.endswith(ending) and _is_latin(word[cut - 1]):
            return word[:cut] + replacement
    return None


def _languages(phrase: str, rules: _Rules) -> tuple[str, ...]:
    """Which rule sets apply: the Latin one to a phrase without Cyrillic letters; of the
    Cyrillic ones, one language if only its own letters occur, else both."""
    if not has_cyrillic(phrase):
        return (_LATIN,)
    uk = any(ch in rules.letters["uk"] for ch in phrase) or bool(
        _APOSTROPHE_BETWEEN_CYRILLIC.search(phrase)
    )
    ru = any(ch in rules.letters["ru"] for ch in phrase)
    if uk != ru:
        return ("uk",) if uk else ("ru",)
    return _CYRILLIC_LANGS


def _tokens(words: list[str]) -> list[tuple[str, str]]:
    """(separator before, word part) for each space- or hyphen-separated part of the phrase."""
    tokens: list[tuple[str, str]] = []
    for word in words:
        separator = " " if tokens else ""
        for index, piece in enumerate(_HYPHENS.split(word)):
            if index % 2:
                separator = piece
            else:
                tokens.append((separator, piece))
    return tokens


def _readings(word: str, langs: tuple[str, ...], rules: _Rules) -> list[tuple[str, _Tags | None]]:
    """The word itself (agrees with any case), then its readings, longest suffix first."""
    found: dict[str, set[str]] = {}
    declines = _is_latin if langs == (_LATIN,) else is_cyrillic
    if word and declines(word[-1]):
        tables = [rules.suffixes[lang] for lang in langs]
        for cut in range(min(rules.longest, len(word) - 1), 0, -1):
            stem, tail = word[:-cut], word[-cut:]
            per_lang = [ranked for table in tables if (ranked := table.get(tail))]
            if not per_lang:
                continue
            # Both languages' readings of one suffix interleave: first with first, and so on.
            for same_rank in itertools.zip_longest(*per_lang):
                for replacement, tags in filter(None, same_rank):
                    form = stem + replacement
                    if form != word and len(form) > 1:
                        found.setdefault(form, set()).update(tags)
    readings: list[tuple[str, _Tags | None]] = [(word, None)]
    readings.extend((form, frozenset(tags)) for form, tags in found.items())
    return readings[:MAX_CANDIDATES]


def _inflections(
    tokens: list[tuple[str, str]], langs: tuple[str, ...], cases: frozenset[str], rules: _Rules
) -> list[tuple[str, bool]]:
    """Join the readings of each part, keeping combinations whose parts share a case.

    A part left as it is agrees with anything (Кам'янець-Подільського), but ranks after the
    combinations where every part that could change did. Each result says whether it agrees with
    the preposition's cases; those that do come first.
    """
    # (parts left unchanged that had readings, sum of reading ranks, text, shared tags)
    beam: list[tuple[int, int, str, _Tags | None]] = [(0, 0, "", None)]
    for separator, word in tokens:
        readings = _readings(word, langs, rules)
        could_change = len(readings) > 1
        joined: list[tuple[int, int, str, _Tags | None]] = []
        for unchanged, rank_sum, text, shared in beam:
            for rank, (form, tags) in enumerate(readings):
                if tags is None:
                    joined.append(
                        (unchanged + could_change, rank_sum, text + separator + form, shared)
                    )
                    continue
                common = tags if shared is None else shared & tags
                if common:
                    joined.append((unchanged, rank_sum + rank, text + separator + form, common))
        joined.sort(key=lambda item: (item[0], item[1]))
        beam = joined[:_BEAM]

    def agrees_with_preposition(tags: _Tags | None) -> bool:
        return tags is None or not cases or any(tag[-1].lower() in cases for tag in tags)

    ranked = [
        (text, agrees_with_preposition(tags), unchanged, rank_sum)
        for unchanged, rank_sum, text, tags in beam
    ]
    ranked.sort(key=lambda item: (item[2], not item[1], item[3]))
    return [(text, agrees) for text, agrees, _, _ in ranked]


def _is_latin(ch: str) -> bool:
    return ch.isalpha() and ch < "\u0250"


def _load() -> _Rules:
    """The compiled rules, read from the data file on first use."""
    global _rules
    rules = _rules
    if rules is None:
        with _rules_lock:
            rules = _rules
            if rules is None:
                text = _RULES_PATH.read_text(encoding="utf-8")
                rules = _rules = _compile(json.loads(text, object_pairs_hook=_unique_keys))
    return rules


def _compile(data: Mapping[str, Any]) -> _Rules:
    """Expand letter-class templates and index the readings by suffix, keeping file order."""
    try:
        suffixes: dict[str, dict[str, tuple[tuple[str, _Tags], ...]]] = {}
        for lang in _RULE_SETS:
            table: dict[str, dict[str, set[str]]] = {}
            classes = {name: str(letters) for name, letters in data["classes"][lang].items()}
            for group in data[lang]:
                for suffix, readings in group["rules"].items():
                    for replacement, case_letters in readings:
                        _check_cases(lang, suffix, case_letters)
                        tags = {f"{lang}:{letter}" for letter in case_letters}
                        for tail, ending in _expand(suffix, replacement, classes):
                            table.setdefault(tail, {}).setdefault(ending, set()).update(tags)
            suffixes[lang] = {
                tail: tuple((ending, frozenset(tags)) for ending, tags in readings.items())
                for tail, readings in table.items()
            }
        prepositions = {
            lang: {word: frozenset(governed) for word, governed in table.items()}
            for lang, table in data["prepositions"].items()
            if lang != "why"
        }
        possessive = sorted(data["possessive"]["endings"].items(), key=lambda item: -len(item[0]))
        letters = {lang: frozenset(data["letters"][lang]) for lang in _CYRILLIC_LANGS}
    except SchemeError:
        raise
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise SchemeError(f"{_RULES_PATH}: malformed case-form rules ({exc!r})") from exc
    if not set(prepositions) >= {*_RULE_SETS, "en"}:
        raise SchemeError(f"{_RULES_PATH}: prepositions need ru, uk, latn and en")
    longest = max(len(tail) for table in suffixes.values() for tail in table)
    every_preposition = frozenset(word for table in prepositions.values() for word in table)
    return _Rules(
        suffixes, longest, letters, prepositions, every_preposition, tuple(possessive),
        tuple(ending for ending, _ in possessive),
    )  # fmt: skip


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object, refusing a key given twice (json keeps the last one silently)."""
    table: dict[str, Any] = {}
    for key, value in pairs:
        if key in table:
            raise SchemeError(f"{_RULES_PATH}: {key!r} given twice in one object")
        table[key] = value
    return table


def _check_cases(lang: str, suffix: str, case_letters: str) -> None:
    if not case_letters or not set(case_letters) <= _CASE_LETTERS:
        raise SchemeError(f"{_RULES_PATH}: {lang} rule {suffix!r} has bad cases {case_letters!r}")


def _expand(suffix: str, replacement: str, classes: Mapping[str, str]) -> list[tuple[str, str]]:
    """One (suffix, replacement) pair, or one per letter of the class a suffix names (``о{K}у``)."""
    match = _TEMPLATE.search(suffix)
    if match is None:
        if _TEMPLATE.search(replacement):
            raise SchemeError(f"{_RULES_PATH}: template in replacement {replacement!r} only")
        return [(suffix, replacement)]
    slot = match.group()
    letters = classes.get(match.group(1))
    if letters is None:
        raise SchemeError(f"{_RULES_PATH}: unknown letter class {slot} in {suffix!r}")
    return [(suffix.replace(slot, ch), replacement.replace(slot, ch)) for ch in letters]
