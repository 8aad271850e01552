"""Places in running text: find every place a report names, and let the text settle which.

The text is cut into words with their offsets; a span of up to five words that starts at a
capitalised word (or at a unit word: obwodzie, région, Gebiet) and crosses no punctuation is a
candidate mention, tried longest first, and kept when the resolver gives it a name: so "Велика
Новосілка", "Часів Яр", "Донецкой Народной Республики" and "Кременского района" are one span
each, and a case form is one span (Ямполовки). What is no place stays out: a word the resolver
calls a common word or a person's name, and an axis ("на Торецькому напрямку", "Kramatorsk
direction"), which is context, not a mention.

Then the text is the context. A plural unit word makes units of the names it lists (the regions
of Donetsk and Luhansk). In Latin script, a city's name reads as its oblast where the sentence
says so: listed with the Donbas pair, with a village said to lie in it, with a governor, or put
after a place of that oblast (see the functions below). The oblast the text names (or the one its
entity claims) narrows each settlement, when it names exactly one; the other places it names
settle homonyms (``near=``). A settlement that the narrowed lookup cannot place keeps the answer
it had alone.
"""

from __future__ import annotations

import functools
import re
import sys
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from itertools import pairwise
from typing import Any, NamedTuple

from .batch import _init_worker, _worker_resolver, _workers
from .keys import greek_readings, key
from .lexicon import (
    alternatives,
    is_common_word,
    is_german_word,
    is_given_name,
    is_water_body,
    media_names,
    names_a_word,
)
from .resolver import _POLISH_REGION, Resolver, _Once
from .results import Answer, Match, Status
from .text.forms import is_preposition, nominative_candidates
from .text.normalize import (
    _ELIDING,
    _REPUBLIC_FILLERS,
    _REPUBLIC_STEMS,
    _UNIT_ADJECTIVES,
    ARTICLES,
    casefolded,
    clean,
    has_cyrillic,
    has_russian_letters,
    has_ukrainian_letters,
    is_feminine_adjective,
    is_latin_unit_adjective,
    long_descriptor_words,
    prefix_kind,
    split_descriptors,
    split_republic,
    unit_prefix_words,
)

__all__ = ["Mention", "extract_with"]

# A word: letters (any script, with combining marks), joined by apostrophes or hyphens inside
# (Кам'янка, Куп‘янськ, Олексієво-Дружківка, Pokrovs'k).
_WORD = re.compile(r"(?:[^\W\d_]|[\u0300-\u036f])+(?:['’‘ʼʹ`\-‐‑](?:[^\W\d_]|[\u0300-\u036f])+)*")
# What may stand between two words of one name: spaces, and the dot of an abbreviation (м.
# Покровськ, Донецька обл.).
_JOINER = re.compile(r"\.?[ \t\u00a0]+")
# "On" a river, where a town is "in" (на Дніпрі, у Дніпрі).
_ON = frozenset({"на"})
_LOOSE_HYPHEN = re.compile(r"[ \t\u00a0]+[-‐‑]")
_MAX_WORDS = 5
# In a script without capitals every word of three letters or more is tried, in spans of up to
# two words (Велика Новосілка: فيليكا نوفوسيلكا).
_CASELESS_MIN = 3
_CASELESS_MAX_WORDS = 2
# Abbreviations whose dot belongs to the span when they end it (Донецька обл.).
_ABBREVIATIONS = frozenset({"обл", "р-н", "м", "с", "смт", "пгт", "г", "пос", "obl"})
# Words after which a place adjective or name names an axis of the front, not a place.
_AXIS = frozenset(
    {
        "напрямку", "напрямок", "напрямі", "напряму", "напрямках", "напрямки", "напрямків",
        "напрямах", "направлении", "направление", "направлению", "направления", "направлениях",
        "направлениям", "направлений",
        "direction", "directions", "axis", "axes", "front", "richtung", "kierunku", "kierunek",
        "kierunkach", "kierunkami", "kierunków", "směru", "smere", "smer", "směr", "směrech",
        "smeru",
    }
)  # fmt: skip
# Lowercase words that may open a mention: the unit descriptors written before a name
# (obwodzie zaporoskim, région de Kharkiv), as the text layer knows them.
_OPENERS = unit_prefix_words()
# Lower-case words that open a people's republic's name (the popular republic of Donetsk).
_REPUBLIC_OPENERS = frozenset({"people's", "peoples", "popular", "republic", "république",
                               "repubblica", "república", "republik", "republika"})  # fmt: skip
_LONG_DESCRIPTOR_WORDS = long_descriptor_words()
_SENTENCE_STOP = re.compile(r"[.!?…]|[\"«“„]\s*$")  # a stop, or a quotation opening
# An elided article or preposition glued to a name (d'Izioum, dell'Ucraina, l'Ukraine), except after
# a unit word, where the descriptor reads it (région d'Odessa).
_ELIDED = re.compile(r"(?:d|l|dell|dall|nell|sull|all|qu)['’](?=[^\W\d_])")
# Lowercase words inside names: Rostov-na-Donu's kin written apart, the Romance and English "of".
_CONNECTORS = frozenset(
    {"de", "di", "del", "della", "du", "la", "le", "ya", "wa", "of", "the", "na"}
)
_POSSESSIVE = re.compile(r"['’]s$")
# The case endings Turkish writes after an apostrophe on a Latin proper name; asked without them
# (KUPYANSK'I would read as Kupianskyi, the raion's adjective).
_TURKISH_CASE = re.compile(
    r"(?<=[a-zA-Z]{3})['’](?:d[ae]|t[ae]|d[ae]n|t[ae]n|d[ae]ki|t[ae]ki|[ıiuü]|[ae]|y[ae]|y[ıiuü]"
    r"|n[ıiuü]n|[ıiuü]n|n[ae]|nd[ae]|nd[ae]n|l[ae]|yl[ae])$",
    re.IGNORECASE,
)
# Plural and masculine/neuter oblique adjective endings: a word with one of these before a
# lowercase noun is that noun's adjective (Українські підрозділи, Громадського радіо).
_ADJECTIVE = re.compile(r"(?:ськ|цьк|ск|цк)(?:і|ие|ого|ому|им|их|ими)$")
_FEATURES = casefolded(
    {
        "reservoir", "river", "canal", "stausee", "zbiornik", "zbiornika", "водохранилище",
        "водохранилища", "водохранилищем", "водосховище", "водосховища",
        "водосховищем", "водосховищі", "канал", "канала", "каналу",
        # Sukhyi Yar Street, Pokrovsk Avenue, Charkiwer Straße: a street named after a place;
        # the Avdiivka Coke plant, the Zaporizhzhia NPP: a structure
        "street", "avenue", "boulevard", "straße", "strasse", "allee", "platz", "coke", "plant",
        "factory", "airport", "npp", "nuclear", "аэс", "аес", "тэц", "тец", "гэс", "гес", "нпз",
        # the Ryazan oil refinery, Alčevský hutní kombinát, the Alchevsk steel works
        "oil", "refinery", "steel", "metallurgical", "hutní", "kombinát", "комбинат", "комбінат",
        # the Crimean bridge, Грайворонская ЦРБ (a district hospital)
        "bridge", "brücke", "міст", "мост", "моста", "мосту", "мостом", "мосте", "мості", "црб",
        "црл",
    }
)  # fmt: skip
_GROUPINGS = frozenset(
    {
        "угруповання", "угрупування", "угрупованням", "угрупуванням", "группировка",
        "группировки", "группировкой", "группировке", "группировку", "осув", "оту", "grouping",
        "угрупованні", "угрупуванні", "угруповань", "группировок", "ув", "угв", "оск",
        "group", "gruppe", "zgrupowanie", "zgrupowania", "групировката", "групировка",
    }
)  # fmt: skip
# Words for channels and outlets before their quoted names (Telegram-канал «Северный Ветер»).
_OUTLETS = frozenset(
    {
        "канал", "канала", "каналу", "каналі", "telegram-канал", "telegram-канала",
        "телеграм-канал", "телеграм-канала", "телеграм-каналу", "channel", "газета", "газеты",
        "газети", "издание", "издания", "видання", "агентство", "агентства", "агенція",
        "агенції", "портал", "портала", "порталу",
    }
)  # fmt: skip
# "Of forces" between a grouping word and its quoted name (угруповання військ «Схід»).
_OF_FORCES = frozenset({"військ", "войск", "sił", "forces", "of", "truppen"})
# Words that open the names of forces, ministries and services in Ukrainian and Russian reports
# (Сили оборони, Збройних Сил, Силы обороны, Служба безпеки): capitalised there, and in some case
# the spelling of a village (Сіль, Сила), so never a mention's first word.
_ORGANISATION_HEADS = frozenset(
    {
        "сили", "сил", "силам", "силами", "силах", "силы", "силою", "силой", "війська",
        "військ", "войска", "войск", "міністерство", "міністерства", "министерство",
        "министерства", "служба", "служби", "службы", "штаб", "штабу", "штаба", "гвардія",
        "гвардії", "гвардия", "гвардии", "управління", "управление", "управления", "силите",
        "sił", "siły", "siłach", "siłami", "wojsk", "wojska", "sztab", "sztabu", "ministerstwo",
        "ministerstwa", "gwardia", "gwardii", "służba", "służby",
    }
)  # fmt: skip
# The words that join the names of a list, in the languages of the reports.
_CONJUNCTIONS = frozenset({
    "and", "und", "et", "y", "e", "i", "a", "și", "şi", "és", "ve", "və", "or", "oder", "ou", "o",
    "lub", "albo", "та", "і", "й", "и", "или", "або", "а", "και", "ja", "ir", "un", "junto con",
    "together with", "along with", "as well as", "ainsi que", "zusammen mit", "insieme a",
    "insieme al", "en", "och", "og", "oraz",
})  # fmt: skip
# Words of a people's republic's name that may stand lowercase inside it.
_PEOPLES = _REPUBLIC_FILLERS - {"the", "of", "de", "di", "la", "der", "des", "die", "du"}
# Names met this way are whole names (a part of a hyphenated word must be one).
_WHOLE = frozenset({"exact", "alias", "former", "abbreviation"})
_ROMANIZED = _WHOLE | {"transliteration"}
# After these a name is a street's, a river's or a reservoir's.
_NOT_PLACES_AFTER = casefolded(
    {
        "улица", "улице", "улицы", "ул", "вулиця", "вулиці", "вул", "проспект", "просп",
        "проспекта", "площадь", "площади", "площа", "бульвар", "переулок", "провулок",
        "street", "avenue", "ulica", "ulicy", "straße", "strasse", "река", "реки", "реке",
        "рекой", "річка", "річки", "річці", "river", "fluss", "flusses", "flüsse", "rzeka", "rzeki",
        "водохранилище", "аэропорт", "аэропорта", "аэропорту", "аэропортах", "аеропорт",
        "аеропорту", "аеропортах", "refinería", "rafinerie", "rafineria", "нпз",
        "водохранилища", "водосховище", "водосховища", "reservoir", "канал", "канала", "canal",
        "rzece", "rzekę", "rzeką", "řeka", "řeky", "řece", "řekou", "řeku", "rieka", "rieky",
        "rieke", "râul", "râului", "nehri", "дк", "рек", "реках", "річок", "річках", "rivers",
        # на левом берегу Днепра: the river's bank
        "берег", "берега", "берегу", "берегом", "березі", "берегах", "берегов",
        # the Romance languages' streets and squares (not Italian and English "via", which is
        # also "by way of": via Pokrovsk)
        "rue", "calle", "avenida", "rua", "viale", "piazza", "plaza", "praça", "strada", "ulice",
        "ulici",
    }
)  # fmt: skip
# A structure named after a place, with "of" between (la centrale di Zaporizhzhia, the plant of).
_STRUCTURES_OF = frozenset(
    {
        "centrale", "central", "centrala", "centralei", "plant", "elektrownia", "elektrowni",
        "elektrárna", "elektrárny", "kraftwerk", "kraftwerks", "atomkraftwerk", "usine",
        "impianto", "planta",
    }
)  # fmt: skip
_OF_WORDS = frozenset({"di", "de", "del", "della", "of", "du", "des", "do", "da", "din", "w"})


# Plural words of structures and features before a list of their names.
_PLURAL_NOT_PLACES = frozenset(
    {"аэропортах", "аеропортах", "аэропорты", "аеропорти", "реки", "річки", "рек", "реках", "річок",
     "річках", "rivers"}
)  # fmt: skip
# Military units named after a place or a word (the Azov brigade, бригада «Азов», полк Азов,
# батальон «Восток»): a unit, not a place, before or after the name.
_FORCE_UNITS = frozenset(
    {
        "brigade", "brigades", "battalion", "battalions", "regiment", "regiments", "division",
        "corps", "squadron", "bataillon", "brygada", "brygady",
        "batalion", "batalionu", "pułk", "pułku", "бригада", "бригади", "бригаду", "бригадою",
        "бригаді", "бригады", "бригаде", "бригадой", "батальйон", "батальйону", "батальйоном",
        "батальйоні", "батальон", "батальона", "батальону", "батальоном", "батальоне", "полк",
        "полку", "полком", "полка", "дивізія", "дивізії", "дивизия", "дивизии", "корпус",
        "корпусу", "корпуса", "загін", "загону", "отряд", "отряда", "отряду",
        # a grouping of forces named after a place (operational-tactical group Khortytsia)
        "group", "grouping", "gruppe", "groupement", "grupa", "grupy",
    }
)  # fmt: skip


_FOLLOWING_NOT_PLACES = _FEATURES | _FORCE_UNITS
# Russian and Ukrainian verbs of saying: the nominative name right before or after one is its
# subject, a person's (Гладков рассказал, сообщил Песков) or a government's (заявил Киев). English
# "said" may well stand before a place that is the subject of what was said (said Pokrovsk was
# holding).
_SAYING = frozenset(
    {
        "сообщил", "сообщила", "заявил", "заявила", "рассказал", "рассказала", "отметил",
        "отметила", "написал", "написала", "добавил", "добавила", "уточнил", "уточнила",
        "повідомив", "повідомила", "заявив", "розповів", "розповіла", "зазначив", "зазначила",
        "написав", "додав", "додала", "уточнив",
    }
)  # fmt: skip
# A Cyrillic word ending in a consonant: a nominative surname's ending (Богомаз, Гладков), no
# singular case ending of a place's name (Харькова, Харькову, Харькове).
_BARE_STEM = re.compile(r"[бвгджзклмнпрстфхцчшщ]$", re.IGNORECASE)
# "According to" before a person's name in the genitive (по словам Богомаза, за словами Федорова).
_WORDS_OF = frozenset({"словам", "словами"})
# Titles and verbs of saying right before a person's name (губернатор Гладков, Governor Gladkov,
# rzecznik Pieskow).
_PERSON_CUES = _SAYING | frozenset(
    {
        "губернатор", "губернатора", "мэр", "мэра", "глава", "главы", "президент", "президента",
        "министр", "министра", "генерал", "генерала", "командующий", "пресс-секретарь",
        "спикер", "депутат", "сенатор", "голова", "мер", "міністр", "командувач", "речник",
        "прессекретар", "governor", "mayor", "president", "minister", "spokesman",
        "spokesperson", "spokeswoman", "commander", "gouverneur", "bürgermeister", "präsident",
        "sprecher", "gubernator", "prezydent", "rzecznik",
    }
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Mention:
    """One place a text names: where (``text[start:end]`` is the mention as written) and what,
    the ``answer`` a lookup gives it in the text's context (its name, status and place)."""

    start: int
    end: int
    text: str
    answer: Answer

    @property
    def name(self) -> str | None:
        """The canonical name (None if the mention got none)."""
        return self.answer.name

    @property
    def status(self) -> Status:
        return self.answer.status

    @property
    def place(self) -> Match | None:
        """The identified place, or None when several places share the name."""
        return self.answer.place

    def to_dict(self) -> dict[str, Any]:
        """The span and the flat result columns (``results.COLUMNS``), JSON-ready."""
        return {"start": self.start, "end": self.end, "text": self.text, **self.answer.row()}

    def __repr__(self) -> str:
        return f"<Mention {self.start}:{self.end} {self.text!r} -> {self.answer!r}>"


# A mention found: start, end, its answer alone, the text looked up (the span, with its type
# word or without its possessive).
_Found = tuple[int, int, Answer, str]


class _Word(NamedTuple):  # a tuple: a text has tens of thousands, made in one pass
    start: int
    end: int
    text: str
    sentence_start: bool
    folded: str  # clean(text): what the word lists are matched against


def _words(text: str) -> list[_Word]:
    words: list[_Word] = []
    previous_end = 0
    for m in _WORD.finditer(text):
        gap = text[previous_end : m.start()]
        # A sentence starts after . ! ? or a line break, not after an abbreviation (м. Покровськ),
        # and a quotation's first word is capitalised as a sentence's.
        stop = _SENTENCE_STOP.search(gap) is not None and (
            not words or words[-1].folded not in _ABBREVIATIONS
        )
        first = not words or stop or "\n" in gap
        start, word = m.start(), m.group()
        elided = _ELIDED.match(word)
        # d'Izioum, l'oblast de Kharkiv: the article is no part of the name or the unit word
        if (
            elided
            and (word[elided.end()].isupper() or clean(word[elided.end() :]) in _ELIDING)
            and not (words and words[-1].folded in _ELIDING)
        ):
            start, word = start + elided.end(), word[elided.end() :]
        words.append(_Word(start, m.end(), word, first, clean(word)))
        previous_end = m.end()
    return words


def _is_german(text: str) -> bool:
    """Whether ``text`` reads as German: several of its commonest short words, which other
    languages of the reports do not share, occur in it."""
    return len(set(_GERMAN_WORDS.findall(text[:_GERMAN_SAMPLE]))) >= _GERMAN_ENOUGH


_GERMAN_WORDS = re.compile(
    r"\b(der|das|und|nicht|mit|dem|des|ist|auf|für|wurde|sich|eine|einer|einem|einen|nach|wird|"
    r"auch|bei|zum|zur|vom|sind|hat|haben|werden|wie|oder|aus|nur)\b"
)
_GERMAN_SAMPLE = 4000  # characters: enough to tell, and no cost on a long text
_GERMAN_ENOUGH = 3


def _surname(word: _Word) -> str:
    """The word as a surname the text may repeat: folded, less a suffix after an apostrophe
    (Şarov'un: şarov)."""
    return word.folded.split("'")[0]


def _joined(text: str, a: _Word, b: _Word) -> bool:
    """Whether ``b`` may continue a name that ``a`` ends: nothing but spaces between them, or
    the dot of an abbreviation."""
    gap = text[a.end : b.start]
    if gap.startswith("."):
        return a.folded in _ABBREVIATIONS and _JOINER.fullmatch(gap) is not None
    if _LOOSE_HYPHEN.fullmatch(gap) is not None:
        # Sumy -Region, Kharkov -Gebiets: a machine translation's compound, a space before its
        # hyphen
        return _descriptor_after(b.text) is not None
    return _JOINER.fullmatch(gap) is not None


def _opens(word: _Word) -> bool:
    """Whether a name may start at ``word``: a capitalised word that is no preposition (В, Об,
    In), or a unit word put before a name (obwodzie, région)."""
    folded = word.folded
    if _caseless(word):
        return len(word.text) >= _CASELESS_MIN  # Arabic, Hebrew, Georgian: any word may be a name
    if not word.text[0].isupper():
        # obwodów donieckiego, chersońskiego: a unit's lower-case adjective, its noun left out;
        # the popular republic of Donetsk
        return (
            folded in _OPENERS
            or is_latin_unit_adjective(word.text)
            or folded in _REPUBLIC_OPENERS
            or _POLISH_REGION.fullmatch(folded) is not None  # na pobliskiej charkowszczyźnie
        )
    if len(word.text) <= 2 and not word.text.isupper():
        return False  # В, На, Об, In: a preposition opening a sentence
    if _inner_capital(word.text):
        return False  # LaPresse, YouTube: a brand's spelling; no place is written so
    return not is_preposition(folded)


def _common_word(word: _Word) -> bool:
    """Whether ``word`` is a common word (Les, Selon, Теперь)."""
    return is_common_word(word.folded)


def _sure_city(answer: Answer) -> bool:
    """Whether a near miss is surely a city's name misspelt (Severodonetk): sure enough to be
    one even opening a sentence, unless the word is a common one."""
    return (
        answer.kind == "city"
        and answer.place is not None
        and answer.name_confidence >= _SURE_NEAR_MISS
    )


def _inner_capital(word: str) -> bool:
    """Whether a lower-case letter is followed by a capital inside ``word`` (LaPresse)."""
    if word[1:].islower():
        return False  # no capital after the first letter: most words
    return any(a.islower() and b.isupper() for a, b in pairwise(word))


def _sure_near_miss(words: list[_Word], answer: Answer) -> bool:
    """Whether a near miss of several words is still a name: sure, of a name with as many words,
    every word capitalised and none an abbreviation (Kozak Łopan: Kozacha Lopan; not Глава ДНР),
    but a unit's own word after it or before it (Lavovsku oblast: Львівська область; περιφέρεια
    Βολγκαγκράντ: Volgograd Oblast)."""
    units = answer.kind in _UNIT_ANSWERS
    after = units and _unit_word(words[-1])
    before = units and not after and len(words) > 1 and _unit_opener(words[0])
    named = words[int(before) : len(words) - int(after)]
    return (
        answer.name_confidence >= _SURE_NEAR_MISS
        and answer.matched is not None
        and len(answer.matched.split()) == len(words)
        and all(w.text[0].isupper() and not w.text.isupper() for w in named)
    )


def _city_part(text: str, words: list[_Word], i: int) -> bool:
    """Whether word ``i``, an English unit word before a name, names a part of the city after
    "of" (the central district of Kherson, the Korabelny district of Kherson): a compass
    adjective or a capitalised name before it."""
    if words[i].folded != "district" or i == 0 or i + 2 >= len(words):
        return False
    before = words[i - 1]
    named = before.text[0].isupper() and not before.sentence_start
    return (
        _joined(text, before, words[i])
        and words[i + 1].folded == "of"
        and (before.folded in _CITY_PARTS or named)
    )


_CITY_PARTS = frozenset({
    "central", "northern", "southern", "eastern", "western", "north-eastern", "north-western",
    "south-eastern", "south-western", "northeastern", "northwestern", "southeastern",
    "southwestern", "industrial", "historic", "residential", "old",
})  # fmt: skip


def _unit_opener(word: _Word) -> bool:
    """Whether ``word`` is a unit word written before a name (obwodzie, Obwód, région)."""
    return word.folded in _OPENERS


def _unit_follows(words: list[_Word], k: int) -> bool:
    """Whether word ``k`` is a capitalised Cyrillic feminine adjective before a unit word or a
    people's republic's (Донецкой области, Донецкой Народной Республики)."""
    folded = words[k].folded
    return (
        words[k].text[0].isupper()
        and is_feminine_adjective(folded)
        and (
            _unit_word(words[k + 1]) or words[k + 1].folded.startswith((*_REPUBLIC_STEMS, "народн"))
        )
    )


def _unit_word(word: _Word) -> bool:
    """Whether ``word`` is a unit word written after a name (области, obwodu, district)."""
    return not word.text[0].isupper() and _descriptor_after(word.text) in _LISTED_KINDS


def _descriptor_after(word: str) -> str | None:
    """The kind ``word`` announces written after a name (области: oblast), if it is one."""
    return split_descriptors(f"x {clean(word)}")[1]


def _opens_descriptor(text: str, words: list[_Word], k: int) -> bool:
    """Whether word ``k`` opens a unit descriptor of two or three words (Покровської сільської
    громади, міській територіальній громаді): it may stand inside a name although it alone is
    none."""
    folded = [words[k].folded]
    if folded[0] not in _LONG_DESCRIPTOR_WORDS:
        return False
    for n in (k + 1, k + 2):
        if n >= len(words) or not _joined(text, words[n - 1], words[n]):
            return False
        folded.append(words[n].folded)
        if split_descriptors(" ".join(["x", *folded]))[1] is not None:
            return True
    return False


def _caseless(word: _Word) -> bool:
    """Whether ``word`` is written in a script without capitals (Arabic, Hebrew, Georgian)."""
    first = word.text[0]
    return not first.isupper() and not first.islower()


def _inside(word: _Word) -> bool:
    """Whether ``word`` may stand inside or at the end of a name of several words."""
    if word.text[0].isupper() or _caseless(word):
        return True
    folded = word.folded
    return folded in _CONNECTORS or folded in _PEOPLES or _closes(word)


def _typed_from(text: str, words: list[_Word], i: int) -> int | None:
    """Where a settlement type written right before word ``i`` starts (село, м., городом, the
    village of), or None."""
    for k in range(max(0, i - 3), i):
        if prefix_kind(text[words[k].start : words[i].start]) in ("city", "town", "village"):
            return words[k].start
    return None


def _modifies_next(text: str, words: list[_Word], i: int, *, any_adjective: bool = False) -> bool:
    """Whether word ``i``, a bare Cyrillic adjective (Донецкой, Українські, Громадського), stands
    before a lowercase word it agrees with (областной, підрозділи, радіо) rather than before a
    list's conjunction or a unit word. ``any_adjective``: any Cyrillic word with a case ending
    _AGREEMENT knows (Второй пострадавшей, Новой волной), not only a place's adjective."""
    folded = words[i].folded
    if any_adjective:
        # (and a plural in -ні, -кі: Мирні жителі)
        adjective = has_cyrillic(folded) and (
            any(folded.endswith(ending) for ending, _ in _AGREEMENT if len(ending) > 1)
            or _PLURAL_ADJECTIVE_I.search(folded) is not None
        )
    else:
        adjective = is_feminine_adjective(folded) or _ADJECTIVE.search(folded) is not None
    if i + 1 >= len(words) or not adjective:
        return False
    after = words[i + 1]
    noun = clean(after.text)
    return (
        _joined(text, words[i], after)
        and not after.text[0].isupper()
        and noun not in _CONJUNCTIONS
        and split_descriptors(f"x {noun}")[1] is None
        and _agrees(folded, noun)
    )


def _axis_before(text: str, words: list[_Word], i: int) -> bool:
    """Whether word ``i``, a lower-case adjective, follows an axis word (_AXIS) written before
    it, as Polish and Czech write it (na kierunku donieckim, ve směru charkovském), or another
    adjective that does, in a list (na kierunku donieckim i taurydzkim)."""
    k = i
    while k > 0 and _joined(text, words[k - 1], words[k]):
        before = words[k - 1].folded
        if before in _AXIS and not has_cyrillic(before):
            return True
        if not (before in _CONJUNCTIONS or before[:1].islower()) or k < i - _AXIS_LIST_REACH:
            return False
        k -= 1
    return False


_AXIS_LIST_REACH = 6  # words back from a listed adjective to its axis word


def _latin_modifies_next(text: str, words: list[_Word], i: int) -> bool:
    """Whether word ``i``, a lower-case Latin adjective, stands before a lower-case word of
    its sentence that is no unit word, conjunction or preposition: the noun it qualifies
    (ukrajinská armáda, ukraińska armia), where a unit's adjective alone ends its list or its
    clause (obwodów donieckiego, chersońskiego i zaporoskiego)."""
    if i + 1 >= len(words) or has_cyrillic(words[i].text):
        return False
    after = words[i + 1]
    noun = after.folded
    return (
        _joined(text, words[i], after)
        and after.text[0].islower()
        and len(noun) > 3
        and noun not in _CONJUNCTIONS
        and not is_preposition(noun)
        and split_descriptors(f"x {noun}")[1] is None
    )


# The last letters a noun may have after an adjective with each case ending, in Ukrainian and
# Russian (Донецької області, Громадського радіо, Донецкой областной, Українські підрозділи): a
# word after the adjective that cannot agree with it (a verb, a preposition: Білопільської з,
# Великописарівській був, Запорожского улучшило) leaves the adjective a name of its own.
_AGREEMENT = (
    ("ої", "иіїйь"), ("ій", "іїиь"), ("ою", "юь"), ("ого", "аяую"), ("ому", "уюіе"),
    ("им", "мхи"), ("ім", "іуе"), ("ой", "ыиейьюа"), ("ая", "аяьо"), ("ую", "уюь"),
    ("ом", "еиі"), ("ие", "ыиаяі"), ("ые", "ыиаяі"), ("і", "иіїаяь"),
)  # fmt: skip


# A verb's past plural (скинули, обстріляли, вдарили, сбросили), which a singular adjective's noun
# of this length does not end as; and the plural adjective endings (Донецькі генерали).
_PAST_PLURAL = re.compile(r"\w{4}[аяуиі]ли$")
_PLURAL_ADJECTIVE_I = re.compile(r"\w{3}[нкцвт]і$")  # Мирні, Українські, Цивільні
_PLURAL_ADJECTIVE = ("і", "ие", "ые", "их", "ими", "ых", "ыми")
# Nouns that do not decline (Громадського радіо, Киевского метро).
_INDECLINABLE = frozenset({"радіо", "радио", "метро", "кафе", "бюро", "депо", "таксі", "такси"})


def _agrees(adjective: str, noun: str) -> bool:
    """Whether ``noun`` may agree with ``adjective``, by their endings (see _AGREEMENT); any
    noun may, after an ending the table does not know (-их: областей, громад, районів)."""
    if len(noun) < 3:
        return False  # з, у, в, по, на: a preposition
    if noun in _INDECLINABLE:
        return True
    if _PAST_PLURAL.search(noun) and not adjective.endswith(_PLURAL_ADJECTIVE):
        return False  # Миропільської скинули: a verb's past plural, no singular's noun
    for ending, last_letters in _AGREEMENT:
        if adjective.endswith(ending):
            return noun[-1] in last_letters
    return True


def _feature_follows(text: str, words: list[_Word], j: int) -> bool:
    """Whether the word after word ``j`` makes the name a water body's (the Karlivka reservoir)
    or a military unit's (the Azov brigade), or a city's neighbourhood's, its name perhaps quoted
    and glossed (the ‘Железнодорожный’ (Railway) neighborhood)."""
    return (
        j + 1 < len(words)
        and _joined(text, words[j], words[j + 1])
        and words[j + 1].folded in _FOLLOWING_NOT_PLACES
    ) or _NEIGHBOURHOOD_AFTER.match(text, words[j].end) is not None


# After a name: a closing quote, a gloss in brackets, and the noun of a city's neighbourhood.
_NEIGHBOURHOOD_AFTER = re.compile(
    r"[’'\"»”]?\s*(?:\([^()\n]{1,40}\)\s*)?(?:neighbou?rhoods?|microdistricts?)\b", re.IGNORECASE
)


def _followed_by(text: str, words: list[_Word], j: int, following: frozenset[str]) -> bool:
    """Whether word ``j`` is right followed by one of ``following`` (Гладков рассказал)."""
    return (
        j + 1 < len(words)
        and _joined(text, words[j], words[j + 1])
        and words[j + 1].folded in following
    )


def _inside_span(spans: list[tuple[int, int]], at: int) -> bool:
    """Whether offset ``at`` lies inside one of ``spans`` (sorted, not overlapping)."""
    n = bisect_right(spans, (at, sys.maxsize)) - 1
    return n >= 0 and spans[n][0] <= at < spans[n][1]


def _unit_named(text: str, words: list[_Word], i: int) -> bool:
    """Whether word ``i`` follows a military unit's word as its name: right after it or in
    quotation marks (бригада Азов, полк «Азов»), not after a preposition or a number."""
    gap = text[words[i - 1].end : words[i].start]
    return gap.strip(" \u00a0«\"“„'‘") == ""


def _quoted_after(text: str, words: list[_Word], i: int) -> bool:
    """Whether word ``i`` opens a quotation right after the words for a grouping of forces
    (группировка "Центр", угрупованні військ «Схід», УВ «Схід») or a channel or outlet
    (Telegram-канал «Северный Ветер»)."""
    gap = text[words[i - 1].end : words[i].start]
    if not any(q in gap for q in "«\"“„'‘"):
        return False
    before = words[i - 1].folded
    return (
        before in _GROUPINGS
        or before in _OUTLETS
        or (i > 1 and before in _OF_FORCES and words[i - 2].folded in _GROUPINGS)
    )


@functools.lru_cache(maxsize=1 << 12)
def _given_name(word: str) -> bool:
    """Whether ``word`` is a given name in some case (Владимира, Denys), or with the ending
    Lithuanian and Latvian put on a foreign name (Vladimiras, Sergejus, Vladimirs): a person's
    name may start there."""
    if is_given_name(word) or any(is_given_name(c) for c in nominative_candidates(word)[1:4]):
        return True
    if any(is_given_name(r) for r in greek_readings(word)[:_READINGS_TRIED]):
        return True  # Βλαντίμιρ Πούτιν
    baltic = _BALTIC_ENDING.search(word)
    return baltic is not None and is_given_name(word[: baltic.start()])


def _plural_stem(
    word: _Word, exact: Callable[[str], Sequence[int]], find: Callable[[str], Answer]
) -> tuple[Answer, str] | None:
    """The city a capitalised Latin word that named nothing is the genitive of, where the city's
    name is a plural in -y or -i written as the word with that ending: Polish and Czech give a
    plural name a bare stem there (władze Sum, mer Sum, ze Sum: of Sumy). The answer and what
    was asked, or None."""
    text = word.text
    if not _PLURAL_STEM_LENGTH[0] <= len(text) <= _PLURAL_STEM_LENGTH[1] or has_cyrillic(text):
        return None
    for ending in ("y", "i"):
        name = text + ending
        if exact(clean(name)):
            answer = find(name)
            if answer.kind == "city" and answer.how in _WHOLE:
                return answer, name
    return None


_PLURAL_STEM_LENGTH = (3, 12)


def _unit_compound(word: _Word, find: Callable[[str], Answer]) -> tuple[Answer, str] | None:
    """The unit a hyphenated compound of a name and a unit word that names nothing as it stands
    names, asked with the unit word first as the language writes it (Kupyansk-Bezirks, Shostka-
    Bezirk, Kurilovska-Gemeinde: a machine translation's compounds); the answer and what was
    asked, or None."""
    head, _, last = word.text.rpartition("-")
    if not head or not last[:1].isupper() or clean(last) not in _COMPOUND_UNITS:
        return None
    asked = f"{_COMPOUND_UNITS[clean(last)]} {head}"
    answer = find(asked)
    return (answer, asked) if answer.kind in _LISTED_KINDS else None


# The unit words German runs together with a name, and the word that stands for each before it
_COMPOUND_UNITS = {
    "bezirk": "Bezirk", "bezirks": "Bezirk", "rajon": "Rajon", "rajons": "Rajon",
    "gemeinde": "Gemeinde", "hromada": "Hromada", "gebiet": "Gebiet", "gebiets": "Gebiet",
    "oblast": "Oblast",
}  # fmt: skip
# Polish and Czech words a place's genitive follows (do Sum, w pobliżu Sum, mer Sum, okolí Sum)
_GENITIVE_BEFORE = casefolded(
    {
        "do", "z", "ze", "od", "koło", "obok", "pobliżu", "okolic", "okolicach", "okolice",
        "władze", "władz", "mer", "mera", "merem", "centrum", "mieszkańcy", "mieszkańców",
        "spod", "sprzed", "wokół", "dla", "u", "blízko", "nedaleko", "okolí", "poblíž", "kolem",
        "starosta", "starostka", "primátor", "obyvatelé",
    }
)  # fmt: skip


def _surname_first(
    words: list[_Word], i: int, j: int, last: int, find: Callable[[str], Answer]
) -> bool:
    """Whether words ``i`` and ``j`` are a surname and a given name after it (Косенко Максим):
    the given name ends the run of capitalised words, and the first word names no place as
    written."""
    return (
        j == i + 1
        and j == last
        and _given_name(words[j].text)
        and find(words[i].text).how not in _WHOLE
    )


_READINGS_TRIED = 4  # a Greek given name's readings asked, likeliest first
_BALTIC_ENDING = re.compile(r"(?<=[^\W\d_]{3})(?:as|is|us|s)$")


def _hyphen_parts(word: _Word) -> list[_Word]:
    """The capitalised parts of a hyphenated word that named nothing as a whole."""
    if "-" not in word.text:
        return []
    parts, offset = [], word.start
    for part in word.text.split("-"):
        if part and part[0].isupper() and len(part) > 2:
            parts.append(_Word(offset, offset + len(part), part, False, clean(part)))
        offset += len(part) + 1
    return parts


def _paired_units(
    text: str, words: list[_Word], i: int, find: Callable[[str], Answer]
) -> list[tuple[_Word, Answer, str]]:
    """The two units of a hyphenated pair before one unit word (the Kharkiv-Luhansk oblast
    border, the Kherson-Mykolaiv region border), the last one's span taking the word; empty
    unless every part asked with the word names a unit."""
    parts = _hyphen_parts(words[i])
    if (
        len(parts) < 2
        or parts[-1].end != words[i].end
        or i + 1 >= len(words)
        or _descriptor_after(words[i + 1].text) not in _LISTED_KINDS
        or not _joined(text, words[i], words[i + 1])
    ):
        return []
    unit = words[i + 1]  # a unit word, capitalised or not (the Kharkiv-Luhansk Oblast border)
    paired = []
    for part in parts:
        asked = f"{part.text} {unit.text}"
        answer = find(asked)
        if answer.kind not in _LISTED_KINDS:
            return []
        paired.append((part, answer, asked))
    last, answer, asked = paired[-1]
    joined = f"{last.text} {unit.text}"
    paired[-1] = (_Word(last.start, unit.end, joined, False, clean(joined)), answer, asked)
    return paired


def _proclitic_stripped(word: _Word) -> list[_Word]:
    """An Arabic word that named nothing, without the conjunction or preposition written on to
    it (ودروجكيفكا: and Druzhkivka; بخاركيف: in Kharkiv)."""
    if word.text[0] not in _PROCLITICS or len(word.text) - 1 < _PROCLITIC_REST:
        return []
    return [_Word(word.start + 1, word.end, word.text[1:], False, clean(word.text[1:]))]


_PROCLITICS = frozenset("وبلف")
_PROCLITIC_REST = 4  # letters the rest must keep to be asked


def _shouted(words: Sequence[_Word]) -> bool:
    """Whether ``words`` are written in capitals throughout, as a headline may be (not an
    abbreviation of a few letters)."""
    return all(len(w.text) > _ABBREVIATION_MAX and w.text.isupper() for w in words)


_ABBREVIATION_MAX = 4  # letters of the longest capitalised abbreviation (ДНР, НПЗ, OSINT)


def _closes(word: _Word) -> bool:
    """Whether ``word`` may end a name of several words: capitalised (Часів Яр), or a unit or
    republic word (Донецкой области, Kupyansk district, Донецкой народной республике)."""
    if word.text[0].isupper() or _caseless(word):
        return True
    return _descriptor_after(word.text) is not None or word.folded.startswith(_REPUBLIC_STEMS)


def _axis_follows(text: str, words: list[_Word], j: int) -> bool:
    """Whether the word after the span ending at word ``j`` makes it an axis: an adjective
    before напрямку, направлении (на Торецькому напрямку), or before the other adjectives of a
    list that ends on one (на Запорізькому та Херсонському напрямках, з Куп'янського та
    Борівського напрямків). A name before "direction" is still the place's name (the Kupiansk
    direction), and is a mention."""
    if not has_cyrillic(words[j].text):
        return False
    k = j
    for _ in range(_AXIS_LIST):
        if k + 1 >= len(words):
            return False
        after = words[k + 1]
        if _joined(text, words[k], after) and after.folded in _AXIS:
            return True
        if after.folded in _CONJUNCTIONS and k + 2 < len(words) and _joined(text, words[k], after):
            k += 2
        elif text[words[k].end : after.start].strip() == ",":
            k += 1
        else:
            return False
        if not _AXIS_ADJECTIVE.search(words[k].folded):
            return False
    return False


_AXIS_LIST = 4  # the adjectives of one list of axes, at most
_AXIS_ADJECTIVE = re.compile(r"(?:ськ|цьк|зьк|ск|цк)(?:ому|ім|ого|ом|ий|ой|ій|им|ых|их)$")


def _end_of(text: str, words: list[_Word], j: int) -> int:
    """The span's end offset: the last word's, with an abbreviation's dot (Донецька обл.)."""
    end = words[j].end
    if text[end : end + 1] == "." and words[j].folded in _ABBREVIATIONS:
        end += 1
    return end


def extract_with(
    resolver: Resolver,
    text: str,
    *,
    within: str | None = None,
    country: str | None = None,
    threshold: float | None = None,
) -> list[Mention]:
    """Every place mention in ``text``, in order, resolved in the text's context (see the
    module docstring); ``within`` and ``country`` narrow every lookup as in ``lookup``."""
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    resolver._check_options(country=country, within=within, threshold=threshold)

    def ask(
        span: str,
        near: Sequence[str] | None = None,
        unit: str | None = None,
        in_country: str | None = None,
    ) -> Answer:
        """The answer a mention gets in the text's context, narrowed by ``within`` (and by
        ``in_country`` where the caller's ``country`` leaves it open)."""
        return resolver.lookup(
            span, country=country or in_country, within=unit or within, near=near or None,
            threshold=threshold,
        )  # fmt: skip

    # Spans are found at a lower bar than answers are given: a name its homonyms blur alone
    # (Глибокого: Hlyboke or Hlybokyi) may be settled by the text's context. They are found in
    # the whole text, ``within`` or not, so that a list keeps its shape where some of its names
    # lie outside (die Regionen Luhansk und Donezk, within Donetsk Oblast).
    detect = min(_DETECT_THRESHOLD, resolver._threshold if threshold is None else threshold)

    bearers: dict[str, frozenset[int]] = {}  # a report repeats its words

    def former_bearers(core: str) -> frozenset[int]:
        """The places that bore ``core`` as a former name, in any spelling its key reads alike
        (which takes in the spelling as written)."""
        known = bearers.get(core)
        if known is None:
            index = resolver.index
            known = bearers[core] = frozenset(
                index.name_place[slot]
                for slot in index.by_key(key(core))
                if index.name_how[slot] == "former"
            )
        return known

    def recorded(span: str) -> bool:
        """Whether some place bears ``span`` as written (its core, descriptors off), or had it
        as a former name: the answers a common word opening a sentence may give (_WHOLE)."""
        core = split_descriptors(span)[0]
        return bool(resolver.index.exact(core)) or bool(former_bearers(core))

    def shared_former(span: str) -> bool:
        """Whether ``span`` (its core) was the name of two places or more."""
        return len(former_bearers(split_descriptors(span)[0])) > 1

    exact = resolver.index.exact

    def find(span: str) -> Answer:
        answer = resolver.lookup(span, country=country, threshold=detect)
        if answer.name is None and within is not None:
            # Кировска: a former name several places shared, one of them within
            answer = resolver.lookup(span, country=country, within=within, threshold=detect)
        return answer

    words = _words(text)
    german = _is_german(text)
    names_found: set[str | None] = set()
    names_upto = 0

    def named_before() -> set[str | None]:
        """The names of the mentions found so far."""
        nonlocal names_upto
        names_found.update(f[2].name for f in found[names_upto:])
        names_upto = len(found)
        return names_found

    people: set[str] = set()  # the surnames of the people the text names in full
    context_only: set[int] = set()  # where places the text names as context only start
    doubtful: set[int] = set()  # where sentences open with a common word a small place bears
    found: list[_Found] = []
    ends: set[int] = set()  # where the mentions found so far end
    # according to the Kyiv Independent, Ukrainska Pravda reports: an outlet, not a place
    media = [m.span() for m in media_names().finditer(text)]
    listed_after = -1  # where a list of what a plural feature word names ends so far
    i = 0
    while i < len(words):
        if not _opens(words[i]) or (media and _inside_span(media, words[i].start)):
            i += 1
            continue
        last = i
        caseless, opener = _caseless(words[i]), _unit_opener(words[i])
        if opener and _city_part(text, words, i):
            i += 1  # the central district of Kherson, the Korabelny district of: the city's part
            continue
        while (
            last + 1 < len(words)
            and last + 1 - i < (_CASELESS_MAX_WORDS if caseless else _MAX_WORDS)
            and not (_POSSESSIVE.search(words[last].text) and words[last].folded not in _PEOPLES)
            and _joined(text, words[last], words[last + 1])
            # w rejonie nikopolskim obwodu dniepropietrowskiego: the next unit's word opens it
            and not (opener and last > i and _unit_opener(words[last + 1]))
            and (
                _inside(words[last + 1])
                or (last == i and opener)
                or _opens_descriptor(text, words, last + 1)
                # ... and goes on to its end (селищної територіальної громади)
                or (last > i and _opens_descriptor(text, words, last))
                # la región oriental ucraniana de Donetsk
                or (opener and words[last + 1].folded in _UNIT_ADJECTIVES)
            )
        ):
            last += 1
        # A settlement-type word before the name is a hint for the lookup, not part of the span
        # (село Филия, м. Покровськ, the village of Ptyche).
        before = words[i - 1].folded if i > 0 and _joined(text, words[i - 1], words[i]) else ""
        if i > 0 and _quoted_after(text, words, i):
            i = last + 1  # угруповання «Схід», группировка "Центр": a force, not a place
            continue
        if (
            before in _NOT_PLACES_AFTER
            or (i > 1 and words[i - 2].folded in _NOT_PLACES_AFTER and before in ("имени", "імені"))
            or (i > 1 and before in _OF_WORDS and words[i - 2].folded in _STRUCTURES_OF)
            or (listed_after >= 0 and _LIST_JOINS.fullmatch(text, listed_after, words[i].start))
        ):
            # улица Карла Маркса, річка Оскіл: a street or a river, not a place; after a plural
            # (аэропортах Внуково, Домодедово и Жуковский) the whole list
            plural = before in _PLURAL_NOT_PLACES or listed_after >= 0
            listed_after = words[last].end if plural else -1
            i = last + 1
            continue
        listed_after = -1
        if i > 0 and words[i - 1].folded in _FORCE_UNITS and _unit_named(text, words, i):
            i = last + 1  # бригада «Азов», полк Азов: a military unit
            continue
        # A settlement type written before the name (село Филия, м. Покровськ, the village of
        # Ptyche) is a hint for the lookup, not part of the span.
        typed = _typed_from(text, words, i) if before else None
        # A capitalised word right after another that named no place continues that name
        # (Збройних Сил, Громадського Телебачення): only an exact name counts there.
        in_name = (
            i > 0 and before != "" and words[i - 1].text[0].isupper()
            and words[i - 1].end not in ends
            # В Графовке, Der Rayon Tjahynky: a capitalised preposition or unit word is no name
            # (an article may be: The Rybar)
            and not (is_preposition(before) and before not in ARTICLES)
            and before not in _OPENERS
            # з БПЛА Новоандріївку, ЗСУ Бахмут: an acronym is no name's first word
            and not (len(words[i - 1].text) > 1 and words[i - 1].text.isupper())
        )  # fmt: skip
        if words[i].folded in _ORGANISATION_HEADS:
            i += 1  # Сили оборони, Служба безпеки: the head of an organisation's name
            continue
        # Whether the span may start a person's name (Владимира): asked only where it matters.
        person = _Once(partial(_given_name, words[i].text))
        reversed_name = False  # a person's name written surname first
        # Whether the first word is a common word (Les, Selon, Теперь): asked once, if at all.
        common = _Once(partial(_common_word, words[i]))
        taken: tuple[int, Answer | None, str] | None = None
        # Новодмитровка Донецкой Народной Республики, Синьківки Харківської області: a name
        # ends before the capitalised adjective of a unit that follows it (asked on its own next).
        last = next((k - 1 for k in range(i + 1, last) if _unit_follows(words, k)), last)
        for j in range(last, i - 1, -1):
            unit_first = j == i + 1 and opener  # obwodzie donieckim
            if j > i and not _closes(words[j]) and not unit_first:
                continue  # a name ends on a capitalised word or a unit word, not on "и", "and"
            # A possessive is the name's (Ukraine's, Pokrovsk’s outskirts).
            asked = _LOOSE_HYPHEN.sub("-", text[words[i].start : _end_of(text, words, j)])
            if words[j].folded not in _PEOPLES:
                asked = _POSSESSIVE.sub("", asked)  # Pokrovsk's; not People's (Republic)
            asked = _TURKISH_CASE.sub("", asked)  # KUPYANSK'I, Kupyansk'tan: the name alone
            # A script without capitals marks no name: each of its words is read as a
            # sentence's first word is (إلى, to: not the village Illia).
            if (
                j == i
                and typed is None
                and (words[i].sentence_start or caseless)
                and common()
                and not recorded(asked)
            ):
                break  # Les, Selon: a common word opening a sentence, no name as written
            if j == i and typed is None and _surname(words[i]) in people:
                taken = (j, None, asked)  # Valeri Guerásimov ... dijo Guerásimov: the person
                break
            answer = find(asked)
            if typed is not None:  # the type word as a hint, where the lookup reads it
                typed_text = text[typed : _end_of(text, words, j)]
                hinted = find(typed_text)
                if hinted.name is not None:
                    answer, asked = hinted, typed_text
            if (
                j > i
                and (
                    answer.status is Status.NOT_A_PLACE
                    or (j == i + 1 and (answer.name is None or answer.how == "fuzzy"))
                )
                # Косенко Максим: the given name after the surname, as signatures write it,
                # closing the run of capitalised words (not the mayor of Kharkiv Ihor Terekhov)
                and (person() or (reversed_name := _surname_first(words, i, j, last, find)))
            ):
                # a person's name (Владимира Путина; Βολοντίμιρ Ζελένσκι, a near miss of
                # Володимир-Волинський район at most): none of its words
                taken = (j, None, asked)
                people.add(_surname(words[i] if reversed_name else words[j]))
                break
            if j > i and answer.status is Status.NOT_A_PLACE and is_water_body(asked):
                taken = (j, None, asked)  # Siwerskyj Donez: a river, none of its words a place
                break
            # A name as a nominative surname ends (Богомаз, Гладков), which a Cyrillic case
            # form may too, as a plural's genitive (Богомази): no singular place's case ending.
            nominative = (
                answer.how != "case-form"
                or not has_cyrillic(asked)
                or _BARE_STEM.search(asked) is not None
            )
            if (
                j == i
                and answer.name is not None
                and answer.kind not in _UNIT_ANSWERS
                and (
                    (before in _PERSON_CUES and nominative)
                    or before in _WORDS_OF
                    or (
                        has_cyrillic(asked)
                        and nominative
                        and not is_preposition(before)
                        and _followed_by(text, words, j, _SAYING)
                    )
                )
            ):
                # губернатор Гладков, заявил Песков, Гладков рассказал, Governor Gladkov: a
                # title or a verb of saying beside a name in the nominative makes it a person's
                # (a place after a title is in the genitive: мэр Харькова, or after "of"; before
                # a verb, in a case: в Харькове рассказал), and so does "по словам" before a
                # name in any case (по словам Богомаза)
                taken = (j, None, asked)
                break
            if answer.name is None and not caseless and shared_former(asked):
                # Ленино: a former name several places shared gives no name alone, but the
                # text's oblast may settle it (_in_context); a mention if it does.
                taken = (j, answer, asked)
                break
            if answer.name is None or answer.kind == "country":
                continue  # countries are not the places reports are about here
            if answer.how == "fuzzy" and (
                (caseless and typed is None) or _shouted(words[i : j + 1])
            ):
                # text without capitals marks no name, nor do a headline's capitals (TANIMIŞTI):
                # a near miss is no evidence, unless a settlement's word marks it (بلدة ديرهاشي)
                continue
            if j > i and answer.how == "fuzzy" and not _sure_near_miss(words[i : j + 1], answer):
                continue  # several words met only by a near miss are no name, unless sure
            if j > i and answer.kind not in _UNIT_ANSWERS and _unit_word(words[j]):
                continue  # Połowa obwodu: a unit word closes only a unit's name
            if (
                j == i
                and words[i].text[0].islower()
                and (answer.kind not in _UNIT_ANSWERS or _latin_modifies_next(text, words, i))
            ):
                # a lower-case adjective alone names a unit or nothing, and no unit before a
                # common noun (ukrajinská armáda: the Ukrainian army, not Українська громада)
                break
            if j == i and words[i].text[0].islower() and _axis_before(text, words, i):
                # na kierunku donieckim i taurydzkim: an axis, as Polish and Czech put its word
                # first; context, not a mention
                taken = (j, answer, asked)
                context_only.add(words[i].start)
                break
            weak = answer.how in ("case-form", "fuzzy")
            small = answer.kind in ("village", "settlement")
            if j == i and weak and person():
                break
            if j == i and weak and in_name and (small or not words[i - 1].sentence_start):
                break  # Збройних Сил, Громадського Телебачення: the rest of another name
            if j == i and _modifies_next(text, words, i):
                break  # Донецкой областной администрации: an adjective of a common noun
            if (
                j == i
                and words[i].sentence_start
                and (small or answer.how != "exact")
                and _modifies_next(text, words, i, any_adjective=True)
            ):
                # Второй пострадавшей стала, Мирні жителі не постраждали: an adjective and its
                # noun open a sentence (a town's name only as written)
                break
            if _axis_follows(text, words, j):
                taken = (j, None, asked)  # an axis: context, not a mention
                break
            if _feature_follows(text, words, j):
                taken = (j, None, asked)  # the Karlivka reservoir: a water body named after it
                break
            if j == i and before in _ON and answer.how == "case-form" and is_water_body(asked):
                taken = (j, None, asked)  # на Дніпрі, на Днепре: on the river (у Дніпрі: the city)
                break
            if (
                j == i
                and words[i].sentence_start
                and weak
                and (answer.how == "fuzzy" or answer.kind in ("village", "settlement"))
                and not (_sure_city(answer) and not common())
                # Kostiantynopilis yra ...: a form of a name the text has given before
                and not (answer.how == "case-form" and answer.name in named_before())
            ):
                break  # a capitalised first word met only as a near miss or a village's form
            if (
                j == i
                and (words[i].sentence_start or caseless)
                and answer.how not in _WHOLE
                and common()
            ) or (german and j == i and answer.how not in _WHOLE and is_german_word(asked)):
                # Les, Selon: a common word opening a sentence, met only as a respelling; in
                # German, which capitalises its nouns, anywhere (Zielen, Schäden: not Zelen)
                break
            if (
                j == i
                and words[i].sentence_start
                and answer.kind in _SMALL_PLACES
                and names_a_word(words[i].text)
            ):
                doubtful.add(words[i].start)  # Атаки беспилотников: a village's name, or a word
            taken = (j, answer, asked)
            break
        if taken is None:
            # władze Sum, mer Sum: of Sumy; Kupyansk-Bezirk: Bezirk Kupyansk, run together
            read_as = (
                _plural_stem(words[i], exact, find)
                if before in _GENITIVE_BEFORE and not words[i].sentence_start
                else None
            ) or _unit_compound(words[i], find)
            if read_as is not None:
                found.append((words[i].start, words[i].end, *read_as))
                ends.add(words[i].end)
                i += 1
                continue
            paired = _paired_units(text, words, i, find)
            stripped = _proclitic_stripped(words[i])
            parts = paired or [
                (part, find(part.text), part.text) for part in _hyphen_parts(words[i]) or stripped
            ]  # Ocheretyne-Hrodivka, Donetsk-Pokrovsk: two names; ودروجكيفكا: and Druzhkivka
            # A pair whose every part is a name, as written or in some romanization, names two
            # places (the Pokrowśke-Hulajpole road); a part alone must be a name as written.
            romanized = len(parts) > 1 and all(
                answer.name is not None and answer.how in _ROMANIZED for _, answer, _ in parts
            )
            for part, answer, asked in parts:
                if (
                    answer.name is not None
                    and answer.kind != "country"
                    and (answer.how in _WHOLE or romanized or (stripped and answer.how != "fuzzy"))
                ):
                    found.append((part.start, part.end, answer, asked))
                    ends.add(part.end)
            i += 2 if paired else 1
            continue
        stop, alone, asked = taken
        if alone is not None:
            first = words[i].start
            settlement_word = caseless and prefix_kind(words[i].text) in _SETTLEMENT_TYPES
            if stop > i and (opener or settlement_word) and alone.kind not in _UNIT_ANSWERS:
                # w rejonie Pokrowska, بلدة ديرهاشي: the area's or the town's word is no name's
                first = words[i + 1].start
            found.append((first, _end_of(text, words, stop), alone, asked))
            ends.add(found[-1][1])
        i = stop + 1
    if not found:
        return []
    found = _regional_adjectives(text, words, found, find)
    found = _listed_units(text, found, find)
    found = _adjective_lists(text, found, find)
    found = _donbas_pair(text, found, find)
    found = _republic_lists(text, found, find)
    found = _villages_in_region(text, words, found, find)
    found = _region_words(text, words, found, find)
    found = _on_regions(text, words, found, find)
    found = _apposed_oblast(text, found, find)
    found = _bracketed_alternatives(text, found, find)
    found = _bracketed_oblasts(text, found, find)
    found = _elliptic_units(text, found, find)
    found = _unit_word_shared(text, found, find)
    found = _renamed_centres(text, found, find)
    units = _list_units(text, found)
    if within is not None and units:
        # a list's raion outside the caller's unit does not narrow it
        inner = resolver._unit(within)
        places = resolver.gazetteer
        units = {
            n: unit
            for n, unit in units.items()
            if inner in (unit, places[unit].oblast_id, places[unit].raion_id)
        }
    # An administration named after its unit (Запорізької ОВА, the Kharkiv Regional Military
    # Administration) is an organisation, and a grouping of forces named after a place (the
    # Tavriia Operational Strategic Group) is forces, not places mentioned; both are context.
    mentions = [
        m
        for m in _in_context(text, found, ask, within, units)
        if m.start not in context_only
        and not _administration(text, m.start, m.end)
        and not _caption(text, m.start, m.end)
        and not _GROUPING_AFTER.match(text, m.end)
    ]
    return _placed_by_others(mentions, doubtful) if doubtful else mentions


def _placed_by_others(mentions: list[Mention], doubtful: set[int]) -> list[Mention]:
    """The mentions, less those at ``doubtful`` offsets (a sentence opened by a word that is
    also a village's or a town's name) whose region no other mention shares: Атаки беспилотников
    in a report on Belgorod Oblast is no village of Chernivtsi Oblast; Піски among villages of
    Donetsk Oblast is the village."""
    regions = set()
    for m in mentions:
        if m.start not in doubtful:
            regions.add(m.answer.admin1)
            if m.answer.kind in ("oblast", "federal_subject"):
                regions.add(m.answer.name)
    return [
        m
        for m in mentions
        if m.start not in doubtful or (m.answer.admin1 is not None and m.answer.admin1 in regions)
    ]


# Plural unit words, by the kind of unit they make of the names they list ("the regions of
# Donetsk and Luhansk", "Regionen Luhansk und Donezk", "the Kursk and Belgorod regions",
# "Kupyansk və Dvureçnoye rayonlarının", "Донецька та Луганська області", "у районах:
# Нікопольському, Синельниківському та Дніпровському").
_SINGULAR_AFTER_LISTS = frozenset({"районе", "районі"})
_PLURAL_UNITS = {
    **dict.fromkeys(
        (
            "regions", "oblasts", "provinces", "territories", "regionen", "gebiete", "gebieten",
            "oblaste", "oblasten", "régions", "regiones", "provincias", "regioni", "province",
            "provinzen", "grenzprovinzen", "grenzregionen", "grenzgebiete", "grenzgebieten",
            "regiões", "províncias", "obwody", "obwodów", "obwodach", "obwodami", "oblasti",
            "oblastí", "oblastech", "oblastiach", "regiony", "regionów", "regionach", "regiunile",
            "regiunilor", "regiunii", "megyék", "megyékben", "megyéket", "megyékre", "megyékből",
            "területek", "területeken", "területeket", "területekre", "bölgeleri", "bölgelerinde",
            "bölgelerine", "bölgelerindeki", "bölgelerinden", "bölgelerinin", "vilayətləri",
            "vilayətlərində", "області", "областей", "областях",
            "областям", "областями", "области", "srityse", "sritys", "sričių", "apgabalos",
            "apgabali", "provincies", "regio's", "περιφέρειες", "περιφερειών", "مقاطعات",
            # the Arabic dual: the two provinces (مقاطعتي دونيتسك ولوغانسك)
            "مقاطعتي", "مقاطعتا", "منطقتي",
        ),
        "oblast",
    ),
    **dict.fromkeys(
        (
            "districts", "raions", "rayons", "bezirke", "bezirken", "rajone", "rajonen",
            "distritos", "distretti", "rejony", "rejonów", "rejonach", "okresy", "okresech",
            "körzetek", "körzetekben", "körzeteket", "körzetekre", "körzetekből", "körzeteknek",
            "körzetei", "járások", "járásokban", "járásokat", "járásokra", "rayonları",
            "rayonlarının", "rayonlarında", "ilçeleri", "райони", "районів", "районах", "районам",
            "районами", "районы", "районов",
            # a list of adjectives may end on the singular (в Каменском, Шолоховском и Чертковском
            # районе): it makes units of the adjectives before it, as a Cyrillic plural does
            *_SINGULAR_AFTER_LISTS,
        ),
        "raion",
    ),
    **dict.fromkeys(
        (
            "hromadas", "hromady", "hromadach", "gromady", "communities", "municipalities",
            "gemeinden", "громади", "громад", "громадах", "громадам", "громадами", "громады",
            "общины", "общин", "territorial communities", "територіальні громади",
            "територіальних громад", "територіальних громадах", "сільські громади",
            "селищні громади", "міські громади", "rural communities", "village communities",
            "settlement communities", "urban communities", "общините", "общини", "gmin",
            "gminach", "gminami",
            # the Romance languages, Polish and Dutch name them communities or municipalities
            # (le comunità di Khotin, Bilopillia; les communautés de ...; as comunidades de)
            "comunità", "communautés", "communes", "comunidades", "municipios", "municípios",
            "comunitățile", "comunităților", "comunităţile", "comunităţilor", "społeczności",
            "gemeenschappen", "gemeenten",
        ),
        "hromada",
    ),
}  # fmt: skip
# Bulgarian names the communities before their centres' names (общините Киндрашивка, Куриловка).
_BULGARIAN_PLURALS = frozenset({"общините", "общини"})
# Cyrillic ones make units of the names after them only when all are adjectives (у районах:
# Нікопольському та Дніпровському): області, области are also the singular's genitive and
# locative (Донецької області: of the oblast), and "в районах" before a list of villages is "in
# the areas of" them (в районах Богданівки та Іванівського).
_PLURAL_BEFORE_ONLY = frozenset(
    word for word in _PLURAL_UNITS if has_cyrillic(word) and word not in _BULGARIAN_PLURALS
)
_ADJECTIVAL = re.compile(
    r"(?:ськ|цьк|зьк|ск|цк)(?:ий|ого|ому|им|ім|ій|ої|ою|а|у|і|их|ими|ой|ом|ая|ую|ие|ые|ых|ыми)$"
)
_PLURAL_UNIT = re.compile(rf"\b{alternatives(_PLURAL_UNITS)}\b", re.IGNORECASE)
# Between a plural unit word and the list after it: "of", "de", "von der", a colon or comma.
# A gloss in brackets may follow the unit word, and the region it belongs to ("hromadas
# (amalgamated territorial communities) of", "hromadas [...] of the Oblast:"), and a list may be
# set out as bullets.
_LIST_OPENS = re.compile(
    r"(?:\s*[(\[][^)\]\n]{0,160}[)\]])?(?:\s+(?:of|in)\s+(?:the\s+)?(?:oblast|region|province)\b)?"
    # an adjective before "of" (los municipios aledaños de, le regioni russe di)
    r"(?:\s+(?-i:[a-zß-ÿ])[^\W\d_]*(?=\s+(?:de|di|do|da|du|des|del|della)\s))?"
    r"\s*[,:\-–—]?\s*(?:[-–—•·*]\s+)?(?:(?:of|de|del|della|di|von|der|des|du|d'|z|ze)\s+)*",
    re.IGNORECASE,
)
_SPACES = re.compile(r"\s+")
_COLON = re.compile(r"\s*:")
# Between two names of the list: a comma or a conjunction, and the same small words.
_LIST_CONJUNCTIONS = "|".join(sorted(map(re.escape, _CONJUNCTIONS), key=len, reverse=True))
_LIST_JOINS = re.compile(
    # a count in brackets may follow each name (Voronezh (5), Líptesk (4) y Kursk (3))
    r"(?:\s*\(\d{1,4}\))?"
    rf"\s*(?:,\s*(?:(?:{_LIST_CONJUNCTIONS})\s+)?|\s+(?:{_LIST_CONJUNCTIONS})\s+|;\s*"
    r"|[\n\r]+\s*[-–—•·*]\s*"  # or bullets, one a line
    r"|\s*,?\s+و)"  # or Arabic "and", written on to the next name (دونيتسك ولوغانسك)
    r"(?:(?:of|de|del|della|di|von|der|des|du|d'|z|ze)\s+)*",
    re.IGNORECASE,
)


_LISTED_KINDS = frozenset({"oblast", "raion", "hromada", "federal_subject"})
# Listed towns that name no unit of the list's kind, from which on the plural unit word before a
# list is taken to be used loosely: the names after the first keep their own reading.
_STRAYS = 2
_HROMADA_KIND = frozenset({"hromada"})


def _in_list(joins: re.Pattern[str], text: str, at: int, start: int) -> bool:
    """Whether ``text[at:start]`` joins two names of a list: ``joins``, or ``joins`` around one
    capitalised word that named nothing (die Gemeinden Junakiw, Myropillja: a garbled name
    keeps its place in the list)."""
    return joins.fullmatch(text, at, start) is not None or bool(_unnamed(joins, text, at, start))


def _unnamed(joins: re.Pattern[str], text: str, at: int, start: int) -> re.Match[str] | None:
    """The capitalised word that named nothing, if ``text[at:start]`` is ``joins`` around one."""
    lead = joins.match(text, at, start)
    word = _WORD.match(text, lead.end(), start) if lead is not None else None
    if (
        word is None
        or not word.group()[0].isupper()
        or _LIST_JOINS.fullmatch(text, word.end(), start) is None
    ):
        return None
    return word


def _listed_units(text: str, found: list[_Found], find: Callable[[str], Answer]) -> list[_Found]:
    """The mentions, with those a plural unit word lists read as units of its kind: the names
    after "the regions of", "Regionen", "les régions de" up to the list's end, or before
    "regions" ("the Kursk and Belgorod regions"). Each is asked again with the unit word, and
    keeps the answer only if that names a unit (Luhansk and Donezk: the oblasts)."""
    out = list(found)
    unnamed: dict[int, _Found] = {}  # by start

    def ask_unnamed(word: re.Match[str], kind: str) -> None:
        """Junakiw, Славянской: a listed word that alone names nothing may name a unit of the
        list's kind."""
        holder = bisect_right(starts, word.start()) - 1
        if holder >= 0 and out[holder][1] > word.start():
            return  # a mention holds it already (περιφέρειες Ντονέτσκ και Χάρκοβο)
        asked = f"{word.group()} {kind}"
        as_unit = find(asked)
        if as_unit.name is not None and as_unit.kind in _LISTED_KINDS:
            unnamed.setdefault(word.start(), (word.start(), word.end(), as_unit, asked))

    starts = [m[0] for m in out]  # in order; asking again keeps each mention's span
    unit_words = list(_PLURAL_UNIT.finditer(text))
    unit_starts = [u.start() for u in unit_words]

    def holds_unit_word(n: int) -> bool:
        """Whether mention ``n`` holds a unit word (Краснопільська громади): it ends a list."""
        at = bisect_left(unit_starts, out[n][0])
        return at < len(unit_starts) and unit_starts[at] < out[n][1]

    for unit in unit_words:
        kind = _PLURAL_UNITS[unit.group().lower()]
        listed: list[int] = []
        at = unit.end()
        joins = _LIST_OPENS
        # The names after it; none after a singular (в районі Вовчанська: the area of a town)
        after = (
            len(out) if unit.group().lower() in _SINGULAR_AFTER_LISTS else bisect_left(starts, at)
        )
        for n in range(after, len(out)):
            start, end, answer, _ = out[n]
            if joins.fullmatch(text, at, start) is None:
                word = _unnamed(joins, text, at, start)
                if word is None:
                    break
                ask_unnamed(word, kind)
            listed.append(n)
            if holds_unit_word(n):
                break  # ... та Краснопільська громади, Сумська ...: the next list's own word
            at, joins = end, _LIST_JOINS
            if (
                len(listed) == 1
                and kind != "oblast"
                and answer.kind in _BROAD_KINDS
                and _COLON.match(text, end)
            ):
                joins = _LIST_OPENS  # the communities of Sumy Oblast: Bilopillia, ...
        if unit.group().lower() in _PLURAL_BEFORE_ONLY and not all(
            _ADJECTIVAL.search(clean(out[n][3])) for n in listed
        ):
            listed = []  # в районах Богданівки та Іванівського: the areas of villages
        strays = [
            n
            for n in listed
            if out[n][2].kind in _SETTLEMENT_KINDS
            and find(f"{out[n][3]} {kind}").kind not in _LISTED_KINDS
        ]
        if len(strays) >= _STRAYS:
            # regioni Hmeljnicki, Deražnja, Sataniv, ...: towns too, so the word is loose; it
            # still names the one right after it
            listed = listed[:1] if listed[0] not in strays else []
        at = unit.start()
        joins = _SPACES
        # The names before it, and one it ends (Луганська області); those after it say nothing
        for n in range(bisect_left(starts, unit.start()) - 1, -1, -1):
            start, end, _, _ = out[n]
            if end > at:
                if start < at and end >= unit.end() and joins is _SPACES:
                    at, joins = start, _LIST_JOINS  # Луганська області: the list's last name
                continue
            if holds_unit_word(n):
                break  # the end of the list before, with its own unit word
            if joins.fullmatch(text, end, at) is None:
                word = _unnamed(joins, text, end, at) if joins is _LIST_JOINS else None
                if word is None:
                    break
                if not has_cyrillic(unit.group()) or _ADJECTIVAL.search(clean(word.group())):
                    ask_unnamed(word, kind)  # Петропавловской, Славянской, Межевской громадах
            # Никополь, Покровскую и Червоногригорьевскую громады: a Cyrillic plural noun
            # agrees with the adjectives before it, not with a town's name among them.
            if not has_cyrillic(unit.group()) or _ADJECTIVAL.search(clean(out[n][3])):
                listed.append(n)
            at, joins = start, _LIST_JOINS
        # Сумській, Харківській та Краснопільській громадах: a Cyrillic hromada word makes
        # hromadas even of the adjectives that alone name an oblast or a raion (which is all a
        # Cyrillic unit word lists: Шахтерская и Покровская общины, not Шахтерский район); not
        # of an oblast named after it (the hromadas of Sumy Oblast)
        units = _HROMADA_LISTED if kind == "hromada" and has_cyrillic(unit.group()) else None
        if kind == "oblast":
            # nelle regioni di ... Sumska, Mykolaivska: an adjective a hromada bears alone names
            # the oblast in a list of regions
            units = _BROAD_KINDS
        for n in listed:
            _ask_as_unit(out, n, find, kind, _LISTED_KINDS, units)
    return sorted(out + list(unnamed.values()), key=lambda m: m[0]) if unnamed else out


def _ask_as_unit(
    out: list[_Found],
    n: int,
    find: Callable[[str], Answer],
    unit: str,
    kinds: frozenset[str],
    units: frozenset[str] | None = None,
) -> None:
    """Mention ``n`` of ``out`` asked again with the ``unit`` word after it, the answer kept if
    it names a unit of ``kinds``; one that names a unit of ``units`` already is left as it
    is (by default any unit), unless it is the unit word's own kind: found alone at the
    finding bar (Богодуховского, Чугуевского ... районов), it is asked with the word so that
    it keeps its answer when asked again in context."""
    start, end, answer, asked = out[n]
    unit_already = answer.kind in (_UNIT_ANSWERS if units is None else units)
    if unit_already and not (
        answer.kind == _UNIT_WORD_KINDS.get(unit, unit)
        and split_descriptors(asked)[1] is None  # not asked with a unit word already
    ):
        return
    as_unit = find(f"{asked} {unit}")
    if as_unit.name is not None and (
        as_unit.name == answer.name if unit_already else as_unit.kind in kinds
    ):
        out[n] = (start, end, as_unit, f"{asked} {unit}")


_UNIT_WORD_KINDS = {"громада": "hromada"}  # the unit words _ask_as_unit is given, by kind

# The case ending of a Cyrillic feminine adjective in -ськ-/-цьк-/-зьк- (-ск-/-цк-), in the cases
# a list of hromadas takes (Миропільська, Хотінської, Краснопільську; Покровской, Марганецкую).
_FEMININE_LISTED = re.compile(r"\w(?:[сцз]ьк|[сц]к)(а|ої|ій|ою|у|ая|ой|ую)$")
# ... and romanized, as foreign text lists hromadas (Khotinska, Myropilska, Bilo Pilska)
_FEMININE_LISTED_LATIN = re.compile(r"[^\W\d_](?:s|z|c)k(a)$")
# A feminine adjective's first word before another (Velyka Pysarivska, Nova Sloboda)
_FEMININE_FIRST = re.compile(r"^[^\W\d_]+a$")


def _adjective_lists(text: str, found: list[_Found], find: Callable[[str], Answer]) -> list[_Found]:
    """The mentions, with the members of a list of feminine adjectives in one case read as
    hromadas when some of them are read so (and an oblast's adjective among them, when the
    hromadas outnumber the oblasts): they agree with one noun, said or left out
    (Миропільська, Новослобідська, Хотінська та Краснопільська громади; Бериславська,
    Новорайська, Борозенська). A member that alone reads as a village's or town's form
    (Новослобідська: Новослобідське; Новорайська: of Новорайськ) is asked again as a hromada,
    and keeps that answer if it names one."""
    out = _two_word_adjectives(text, list(found), find)
    n = 0
    while n < len(out):
        members = [n]
        while members[-1] + 1 < len(out) and _in_list(
            _LIST_JOINS, text, out[members[-1]][1], out[members[-1] + 1][0]
        ):
            members.append(members[-1] + 1)
        n = members[-1] + 1
        if len(members) < 2:
            continue
        # (the last may carry the noun: Милівська та Тягинська територіальна громада)
        endings = [_feminine_listed(out[m][3]) for m in members]
        if len({e.group(1) for e in endings if e is not None}) != 1:
            continue
        latin = not any(has_cyrillic(out[m][3]) for m in members)
        adjectives = sum(e is not None for e in endings)
        if adjectives < len(members) and not (
            latin and adjectives >= _LISTED_ADJECTIVES and 2 * adjectives > len(members)
        ):
            # Foreign text lists a hromada by its centre's name too (..., Velyka Pysarivska,
            # Putivl, Novoslobidska): where the adjectives are most of a long list.
            continue
        kinds = [out[m][2].kind for m in members]
        if "hromada" not in kinds:
            continue
        # Білопільській, Краснопільській, Сумській, Хотінській: where hromadas outnumber them,
        # the oblasts' adjectives among them are hromadas' too (Сумська громада)
        units = _NOT_OBLASTS if kinds.count("hromada") > kinds.count("oblast") else None
        for m in members:
            _ask_as_unit(out, m, find, "hromada" if latin else "громада", _HROMADA_KIND, units)
    return out


_LISTED_ADJECTIVES = 3  # a romanized list's adjectives that make it a list of hromadas


def _feminine_listed(asked: str) -> re.Match[str] | None:
    """The case ending of ``asked`` as a hromada's feminine adjective (its unit word apart)."""
    core = split_descriptors(asked)[0]
    return _FEMININE_LISTED.search(core) or _FEMININE_LISTED_LATIN.search(core)


def _two_word_adjectives(
    text: str, found: list[_Found], find: Callable[[str], Answer]
) -> list[_Found]:
    """The mentions, with a romanized feminine adjective of two words that were found apart
    made one where together they name a hromada (Velyka Pysarivska: Velykopysarivska)."""
    out: list[_Found] = []
    for mention in found:
        if out and text[out[-1][1] : mention[0]] == " ":
            start, _, _, first = out[-1]
            asked = f"{first} {mention[3]}"
            if (
                _FEMININE_FIRST.match(first)
                and _FEMININE_LISTED_LATIN.search(mention[3])
                and not has_cyrillic(asked)
            ):
                answer = find(f"{asked} hromada")
                if answer.kind == "hromada":
                    out[-1] = (start, mention[1], answer, f"{asked} hromada")
                    continue
        out.append(mention)
    return out


_CITY = frozenset({"city"})
_CITY_OR_UNCLEAR = frozenset({"city", None})  # a city, or a name several kinds share


def _latin_cities(
    words: list[_Word], found: list[_Found], kinds: frozenset[str | None]
) -> Iterator[tuple[int, int, int]]:
    """For each mention of ``found`` written in Latin script whose answer alone is of
    ``kinds``: its index and those of its first and last words. ``found`` is read as it goes,
    so a caller may change the mentions it has passed."""
    first = {w.start: n for n, w in enumerate(words)}
    for m, (start, end, answer, asked) in enumerate(found):
        span = _words_of(words, first, start, end)
        if span is not None and answer.kind in kinds and not has_cyrillic(asked):
            yield m, *span


def _as_oblast(find: Callable[[str], Answer], mention: _Found) -> _Found:
    """``mention`` asked again as its oblast (the Kharkiv oblast), the span unchanged."""
    start, end, _, asked = mention
    return start, end, find(f"{asked} oblast"), f"{asked} oblast"


def _renamed_centres(text: str, found: list[_Found], find: Callable[[str], Answer]) -> list[_Found]:
    """The mentions, with an oblast centre's former name that is its oblast's name in force read
    as the oblast, outside Cyrillic text: Dnipropetrovsk and Kirovohrad are Dnipro and
    Kropyvnytskyi since 2016, and foreign text written since names the oblasts so ("the
    administrative border with Dnipropetrovsk"); Russian text still calls the city
    Днепропетровск. Another oblast centre's bare name in the same sentence is set beside it, and
    is its oblast too ("population density in Dnipropetrovsk compared to Donetsk")."""
    out = list(found)
    regions: set[int] = set()  # the sentences where such a name was read as its oblast
    sentence_of = _sentences(text)
    for n, mention in enumerate(out):
        answer = mention[2]
        if has_cyrillic(mention[3]):
            continue
        written = text[mention[0] : mention[1]]
        if answer.kind == "oblast" and split_descriptors(written)[1] is None:
            # read as the oblast already (the border with Dnipropetrovsk)
            alone = find(written)
            if alone.how == "former" and alone.kind == "city":
                regions.add(sentence_of(mention[0]))
            continue
        if answer.how != "former" or answer.kind != "city":
            continue
        as_oblast = _centre_as_oblast(find, mention)
        if as_oblast is not None:
            out[n] = as_oblast
            regions.add(sentence_of(mention[0]))
    for n, mention in enumerate(out):
        answer = mention[2]
        if (
            answer.how == "exact"
            and answer.kind == "city"
            and not has_cyrillic(mention[3])
            and sentence_of(mention[0]) in regions
            and split_descriptors(mention[3])[1] is None
        ):
            as_oblast = _centre_as_oblast(find, mention)
            if as_oblast is not None:
                out[n] = as_oblast
    return out


def _centre_as_oblast(find: Callable[[str], Answer], mention: _Found) -> _Found | None:
    """``mention``, a city's name, asked again as the oblast it is the centre of and bears the
    name of (not met as a near miss or a former name), or None if it is no such centre."""
    answer = mention[2]
    as_oblast = _as_oblast(find, mention)
    oblast = as_oblast[2]
    if (
        oblast.kind == "oblast"
        and oblast.how not in ("fuzzy", "former")
        and answer.place is not None
        and oblast.name == answer.place.admin1
    ):
        return as_oblast
    return None


def _words_of(
    words: list[_Word], first: dict[int, int], start: int, end: int
) -> tuple[int, int] | None:
    """The indices of the first and last word of the span ``start:end`` (``first`` maps a
    word's start to its index), or None when no word starts there."""
    n = first.get(start)
    if n is None:
        return None
    last = n
    while last + 1 < len(words) and words[last + 1].start < end:
        last += 1
    return n, last


# Donetsk and Luhansk named together are their oblasts (or the republics claiming them), as in
# "die Verteidiger in Donezk und Luhansk", "the annexation of Donetsk, Luhansk, Zaporizhzhia and
# Kherson": so is every oblast centre listed with the pair. So are the four regions Russia claims
# to have annexed, three of them listed together (junto con Lugansk, Jersón y Zaporiyia), or two
# in a sentence that names the Donbas (o Donbass, e ainda Kherson e Zaporijia).
_DONBAS_PAIR = frozenset({"Donetsk Oblast", "Luhansk Oblast"})
_ANNEXED = _DONBAS_PAIR | {"Zaporizhzhia Oblast", "Kherson Oblast"}
_DONBAS = "Donbas"


def _regional_adjectives(
    text: str, words: list[_Word], found: list[_Found], find: Callable[[str], Answer]
) -> list[_Found]:
    """The mentions, with a lower-case Cyrillic adjective of an oblast or a federal subject before
    a settlement's noun read as the region (сумское село Харьковка, курская деревня, белгородский
    посёлок, сумське село): asked as the region's feminine adjective with "область"."""
    taken = {start for start, _, _, _ in found}
    added: list[_Found] = []
    for w, noun in pairwise(words):
        if w.start in taken or not w.text[0].islower() or not has_cyrillic(w.text):
            continue
        adjective = _REGION_ADJECTIVE.fullmatch(w.text.lower())
        if (
            adjective is None
            or prefix_kind(noun.text) not in _SETTLEMENT_PREFIXES
            or not _joined(text, w, noun)
        ):
            continue
        stem = adjective.group(1)
        asked = f"{stem}{'а' if 'ь' in stem else 'ая'} область"
        region = find(asked)
        if region.kind in ("oblast", "federal_subject"):
            added.append((w.start, w.end, region, asked))
    return sorted(found + added, key=lambda m: m[0]) if added else found


# A Ukrainian or Russian adjective in -ськ-/-ск- in any gender and case, and its stem.
_REGION_ADJECTIVE = re.compile(r"([а-яёіїєґ']{2,}(?:ськ|цьк|зьк|ск|цк))[а-яёіїє]{1,3}")
# The kinds of the nouns an adjective of its region may stand before (курское село, посёлок).
_SETTLEMENT_PREFIXES = frozenset({"village", "town"})


def _list_runs(text: str, found: list[_Found]) -> Iterator[list[int]]:
    """The runs of mentions of ``found`` that one list joins (Donetsk, Luhansk and Kherson), as
    their indices, in order; a mention alone is a run of one. Spans must not change meanwhile."""
    n = 0
    while n < len(found):
        run = [n]
        while run[-1] + 1 < len(found) and _LIST_JOINS.fullmatch(
            text, found[run[-1]][1], found[run[-1] + 1][0]
        ):
            run.append(run[-1] + 1)
        n = run[-1] + 1
        yield run


def _donbas_pair(text: str, found: list[_Found], find: Callable[[str], Answer]) -> list[_Found]:
    """The mentions, with the oblast centres of a list that names both Donetsk and Luhansk read
    as their oblasts, and those of a list of the annexed four's centres (see above)."""
    sentence_of = _sentences(text)
    donbas = {sentence_of(start) for start, _, a, _ in found if a.name == _DONBAS}
    out = list(found)
    for run in _list_runs(text, out):
        if len(run) < 2 or any(
            # a city's name, or one several kinds share (Zaporizhzhia: the city and villages)
            out[m][2].kind not in _CITY_OR_UNCLEAR
            or has_cyrillic(out[m][3])
            or not out[m][3][:1].isupper()
            for m in run
        ):
            # в Донецке и Луганске: Ukrainian and Russian name an oblast by its adjective; Arabic
            # by its word for one (مدينتي دونيتسك ولوغانسك: the two cities)
            continue
        units = [_as_oblast(find, out[m]) for m in run]
        if not all(u[2].kind == "oblast" for u in units):
            continue
        names = {u[2].name for u in units}
        if names >= _DONBAS_PAIR or (
            names <= _ANNEXED and (len(names) >= 3 or sentence_of(out[run[0]][0]) in donbas)
        ):
            for m, unit in zip(run, units, strict=True):
                out[m] = unit
    return out


# The Arabic "republic" or "the two republics" right before a list (وجمهوريتي دونيتسك ولوغانسك).
_ARABIC_REPUBLICS = re.compile(r"جمهوري(?:ة|تي|تا|ات)\s+$")
_REPUBLIC_REACH = (
    64  # characters before a list searched for the word (not the whole text before it)
)
_ARABIC_REPUBLIC = "جمهورية"


def _republic_lists(text: str, found: list[_Found], find: Callable[[str], Answer]) -> list[_Found]:
    """The mentions, with the names listed with a "people's republics" phrase read as republics
    too: the Donetsk and Luhansk People's Republics, die Volksrepubliken Donezk und Luhansk,
    Донецкой и Луганской народных республик, Donetsk ve Lugansk halk cumhuriyetlerinin. Each is
    asked in the phrase the listed republic was named in, and keeps the answer if it names one."""
    out = list(found)
    for run in _list_runs(text, out):
        phrases = [out[m][3] for m in run if out[m][2].kind == "entity"]
        phrase = next((p for p in phrases if split_republic(p) is not None), None)
        begins = out[run[0]][0]
        if phrase is None and _ARABIC_REPUBLICS.search(
            text, max(0, begins - _REPUBLIC_REACH), begins
        ):
            first = text[out[run[0]][0] : out[run[0]][1]]
            phrase = f"{_ARABIC_REPUBLIC} {first}"  # جمهوريتي دونيتسك ولوغانسك: the two
        if len(run) < 2 or phrase is None:
            continue
        name = split_republic(phrase) or ""
        at = phrase.lower().find(name)
        if at < 0:
            continue
        for m in run:
            start, end, answer, _ = out[m]
            if answer.kind == "entity":
                continue
            again = f"{phrase[:at]}{text[start:end]}{phrase[at + len(name) :]}"
            republic = find(again)
            if republic.kind == "entity":
                out[m] = (start, end, republic, again)
    return out


# Nouns for villages and localities, and the prepositions of "in": a village "in Donetsk" lies in
# the region, not in the city (dos localidades en Donetsk, un villaggio nel Donetsk, novo
# vilarejo em Donetsk, two villages in Donetsk).
_VILLAGE_NOUNS = casefolded(
    {
        "village", "villages", "settlement", "settlements", "localities", "hamlet", "localité",
        "localités", "hameau", "aldea", "aldeas", "localidad", "localidades", "pueblo", "pueblos",
        "poblado", "villaggio", "villaggi", "località", "borgo", "aldeia", "aldeias", "vilarejo",
        "vilarejos", "localidade", "povoado", "dorf", "dörfer", "ortschaft", "ortschaften",
        "siedlung", "wieś", "wsie", "wioska", "wioskę", "miejscowość", "miejscowości", "obec",
        "obce", "vesnice", "vesnici", "dedina", "sat", "sate", "satul", "satele", "localitate",
        "localități", "localitatea", "köy", "köyü", "köyünü", "dorp", "dorpen", "byn", "selo",
        "sela", "falu", "falut", "települést", "kaimą", "kaimas", "küla", "yerleşim", "χωριό",
        "χωριού", "χωριά", "χωριών", "οικισμός", "οικισμού", "οικισμό", "οικισμών",
        # a town said to lie in an oblast centre's name lies in its region (Deze stad ligt in
        # Charkov; the town of Kupiansk in Kharkiv)
        "town", "stad", "stadje", "stadt", "kleinstadt", "ville", "città", "cittadina", "ciudad",
        "cidade", "miasto", "miasta", "mieście", "město", "mesto", "oraș", "orașul", "kasaba",
    }
)  # fmt: skip
_IN = frozenset({"in", "en", "em", "nel", "nella", "no", "na", "în", "w", "we", "im", "dans", "u",
                 "v", "ve", "i", "à", "στη", "στην", "στο", "σε", "في"})  # fmt: skip
_VILLAGE_REACH = 6  # words between the noun and the preposition, at most
# Words that make an oblast centre's name its region (Latin script: Ukrainian and Russian name a
# region by its adjective). Governors head oblasts and Russia's federal subjects: "the governor of
# Donetsk", "Kursk acting Governor", "il governatore di Donetsk".
_GOVERNORS = frozenset(
    map(
        clean,  # as the words are read (Greek final ς as σ)
        {
            "governor", "governors", "gouverneur", "gouverneurs", "governatore", "gobernador",
            "governador", "gubernator", "gubernatora", "gubernatorem", "guvernér", "guvernéra",
            "guvernatorul", "guvernatorului", "guverner", "kormányzó", "kormányzója", "vali",
            "valisi", "kuvernööri", "guvernörü", "κυβερνήτης", "κυβερνήτη", "περιφερειάρχης",
            "περιφερειάρχη", "حاكم", "محافظ",
        },
    )
)  # fmt: skip
# A region is "neighbouring"; a city is "the neighbouring city of": in den benachbarten Regionen
# Luhansk, i grad Vovčansk u susednom Harkovu, Donecke ir kaimyniniame Luhanske.
_NEIGHBOURING = frozenset(
    {
        "neighbouring", "neighboring", "benachbarten", "benachbarte",
        "benachbartem", "angrenzenden", "voisine", "voisin", "limitrophe", "vicina", "vicino",
        "confinante", "vecina", "vecino", "limítrofe", "vizinha", "vizinho", "sąsiednim",
        "sąsiedniej", "sąsiedniego", "sąsiedni", "sousední", "sousedním", "susedný", "susednom",
        "susednej", "susedni", "susjednoj", "susjednom", "susjedni", "sosednji", "sosednjem",
        "kaimyniniame", "kaimyninėje", "kaimyninis", "kaimyninį", "kaimyninio", "naapurimaan",
        "szomszédos", "învecinată", "învecinat", "vecină", "komşu", "съседна", "съседната",
        "γειτονική", "γειτονικό",
    }
)  # fmt: skip
# A border said of a city's name is its region's (the border areas of Sumy, las zonas fronterizas
# de Sumy, uma região que faz fronteira com Donetsk): a city has no border areas of its own.
_BORDER = frozenset(
    {
        "border", "borders", "bordering", "borderlands", "frontier", "fronterizas", "fronterizos",
        "fronteriza", "fronterizo", "frontera", "fronteira", "fronteiriças", "fronteiriços",
        "frontière", "frontalières", "frontaliers", "frontalière", "frontalier", "confine",
        "przygraniczne", "przygranicznych", "przygranicznym", "grenzgebiete", "grenzgebieten",
        "grenzregion", "grenze", "pohraničí", "pohraniční", "grensgebied", "grens", "sınır",
        "granițe", "graniță", "határ", "határmenti",
    }
)  # fmt: skip
# ... and the words that may stand between (the border areas of, faz fronteira com, borders with)
_BORDER_FOLLOWERS = frozenset(
    {
        "areas", "zones", "regions", "districts", "territories", "villages", "communities",
        "gebiete", "regionen", "gemeinden", "tereny", "zonas", "áreas", "regiones", "regiões",
        "zone", "aree", "with", "com", "con", "avec", "mit", "met", "z", "s", "ile", "cu",
    }
)  # fmt: skip
# Italian, Spanish and French put an article before a region's name, never a city's: insieme al
# Luhansk, nel Donetsk, del Donetsk, au Donbass. (Not Portuguese "do", "no": Polish "do Charkowa"
# is "to Kharkiv".)
_REGION_ARTICLES = frozenset(
    {"nel", "del", "al", "dal", "sul", "il", "nello", "dello", "allo", "dallo", "du", "au"}
)
# Separatists hold a region: os separatistas pró-russos de Donetsk, the rebels of Luhansk.
_SEPARATISTS = frozenset(
    {
        "separatists", "separatist", "rebels", "separatistas", "separatisti", "séparatistes",
        "separatisten", "separatyści", "separatystów", "separatisté", "separatiști",
        "separatistler", "separatistai", "rebeldes", "ribelli", "rebelles", "rebellen",
    }
)  # fmt: skip
# "The regional administration of Zaporizhzhia", "amministrazione regionale di Zaporozhye", "the
# Kharkiv regional military administration": a regional word with an authority's.
# Compass points and parts, as adjectives of a region (la regione settentrionale di, a região
# centro-oriental de, la región nororiental de, la région sud de), and the nouns they qualify.
_COMPASS = frozenset(
    {
        "nord", "sud", "est", "ovest", "ouest", "norte", "sul", "sur", "leste", "este", "oeste",
        "nordest", "nordovest", "nord-est", "nord-ouest", "sud-est", "sud-ouest", "nordeste",
        "noroeste", "sudeste", "sudoeste", "settentrionale", "meridionale", "orientale",
        "occidentale", "nordoccidentale", "nordorientale", "sudoccidentale", "sudorientale",
        "centrale", "centro-orientale", "centro-occidentale", "oriental", "ocidental", "occidental",
        "central", "meridional", "setentrional", "septentrional", "nororiental", "noroccidental",
        "suroriental", "suroccidental", "centro-oriental", "centro-ocidental", "centro-occidental",
        "méridionale", "septentrionale",
    }
)  # fmt: skip
_REGION_NOUNS = frozenset(
    {
        "região", "regione", "región", "région", "regiunea", "regiunii", "province", "provincia",
        "regionie", "regionu", "region",
    }
)  # fmt: skip
# Adjectives of nationality between a region's noun and "of" (la regione ucraina di Nikopol).
_NATIONALITIES = frozenset(
    {
        "ucraina", "ucraino", "ucraniana", "ucraniano", "ukrainienne", "ukrainien", "ukraiński",
        "ukraińskim", "ukrainian", "ucraineană", "russa", "russo", "rusa", "ruso", "russe",
        "rosyjski", "russian",
    }
)  # fmt: skip
_REGIONAL = frozenset(
    {
        "regional", "regionale", "régionale", "régional", "regionalen", "regionaler",
        "regionales", "regionais", "regionala", "regională", "regionální", "regionálna",
        "obwodowej", "obwodowa", "obwodowe", "oblastní", "oblastná", "oblasna", "oblast",
        "bölge", "megyei",
    }
)  # fmt: skip
_AUTHORITIES = frozenset(
    {
        "administration", "administrations", "authorities", "authority", "council",
        "government", "administración", "autoridades", "gobierno", "administração", "governo",
        "amministrazione", "autorità", "consiglio", "administrația", "administrației",
        "autoritățile", "verwaltung", "regierung", "behörden", "militärverwaltung",
        "administracja", "administracji", "władze", "władz", "rada", "rady", "správa",
        "správy", "vedení", "úřady", "yönetimi", "yönetim", "közigazgatás", "vezetője",
    }
)  # fmt: skip
# Regionalverwaltung, Gebietsverwaltung, Oblastverwaltung: the same words run together.
_REGIONAL_AUTHORITY = re.compile(
    r"^(?:regional|gebiets|oblast)(?:militär)?(?:verwaltung|regierung|behörden?|rat)$"
)
_OF = casefolded({"of", "di", "de", "del", "della", "von", "der", "des", "du", "do", "da", "la",
                 "the", "acting", "obwodu", "oblasti", "dell", "al", "u", "v", "w",
                 "in", "im", "en", "em", "nel", "nella", "în", "na", "του", "της"})  # fmt: skip


def _region_words(
    text: str,
    words: list[_Word],
    found: list[_Found],
    find: Callable[[str], Answer],
) -> list[_Found]:
    """The mentions, with a city named as a region read as its region: its governor (the
    governor of Donetsk, Kursk acting Governor), its regional administration (amministrazione
    regionale di Zaporozhye, the Kharkiv regional military administration), or "neighbouring"
    (u susednom Harkovu; and the name listed before it: Donecke ir kaimyniniame Luhanske).
    Latin script only: Ukrainian and Russian name the region by its adjective."""
    out = list(found)
    for m, n, last in _latin_cities(words, out, _CITY_OR_UNCLEAR):
        # The words before it, "of", "in" and articles left out (dell'amministrazione: the noun)
        before = [w.folded.split("'")[-1] for w in words[max(0, n - 6) : n]]
        # ... and after it, up to a stop (attack on Dnipro: Governor Lysak said: the city)
        following = words[last + 1 : last + 4]
        if following and not _joined(text, words[last], following[0]):
            following = []
        after = [w.folded for w in following]
        cue = n
        while before and before[-1] in _OF:
            before.pop()
            cue -= 1
        while after and after[0] in _OF:
            after.pop(0)
        # região sul de Zaporizhzhia, regione nordoccidentale e nordorientale di Kherson: the
        # region's part, named by its compass point
        compass = list(before)
        while compass and (
            compass[-1] in _COMPASS or (compass[-1] in _CONJUNCTIONS and len(compass) > 1)
        ):
            compass.pop()
        part = len(compass) < len(before) and bool(compass) and compass[-1] in _REGION_NOUNS
        neighbouring = bool(before) and before[-1] in _NEIGHBOURING
        article = n > 0 and words[n - 1].folded in _REGION_ARTICLES
        named = (
            neighbouring
            or article
            or (bool(before) and before[-1] in _BORDER)
            or (len(before) > 1 and before[-2] in _BORDER and before[-1] in _BORDER_FOLLOWERS)
            or part
            or any(w in _SEPARATISTS for w in before[-2:])
            or (bool(before) and before[-1] in _GOVERNORS)
            or (bool(after) and after[0] in _GOVERNORS)
            or (bool(before) and _authority(before[-2:]))
            or (bool(after) and after[0] in _REGIONAL and _authority(after[:3]))
        )
        # la regione ucraina di Nikopol, w regionie Kupyan: the region of a town that is no
        # oblast centre is the raion named after it (as Нікопольщина is)
        spoken = clean(out[m][3]).split(" ")
        of_town = (bool(before) and before[-1] in _REGION_NOUNS) or (
            len(before) > 1 and before[-2] in _REGION_NOUNS and before[-1] in _NATIONALITIES
        )
        if spoken[0] in _REGION_NOUNS and len(spoken) > 1:
            of_town, spoken = True, spoken[1:]
        while len(spoken) > 1 and (spoken[0] in _NATIONALITIES or spoken[0] in _OF):
            spoken = spoken[1:]
        town = " ".join(spoken)
        if (
            of_town
            and out[m][2].kind in (*_CITY_OR_UNCLEAR, "town")
            and find(f"{town} oblast").kind not in ("oblast", "federal_subject")
        ):
            raion = find(f"{town} raion")
            if raion.kind == "raion":
                out[m] = (out[m][0], out[m][1], raion, f"{town} raion")
            continue
        if not named:
            continue
        unit = _as_oblast(find, out[m])
        if unit[2].kind not in ("oblast", "federal_subject"):
            continue
        out[m] = unit
        if (
            neighbouring
            and m > 0
            and _LIST_JOINS.fullmatch(text, out[m - 1][1], words[cue - 1].start) is not None
        ):
            # Donetsk and neighbouring Luhansk: the names before it are regions too
            _list_as_oblasts(text, out, m, find, backward=True, start=words[cue - 1].start)
        elif not neighbouring:
            _list_as_oblasts(text, out, m, find, backward=False)  # governors of X and Y
    return out


def _authority(words: list[str]) -> bool:
    """Whether ``words`` hold a regional word and an authority's (regional administration,
    amministrazione regionale), or both run together (Gebietsverwaltung)."""
    return any(_REGIONAL_AUTHORITY.match(w) for w in words) or (
        any(w in _REGIONAL for w in words) and any(w in _AUTHORITIES for w in words)
    )


def _villages_in_region(
    text: str,
    words: list[_Word],
    found: list[_Found],
    find: Callable[[str], Answer],
) -> list[_Found]:
    """The mentions, with an oblast centre that a village is said to lie in read as its oblast:
    a village noun or a settlement's name shortly before "in" and the centre's name (two villages
    in Donetsk, Ptyche in Donetsk: no settlement lies in another's city), or after the name with a
    Turkish locative ending (Donetsk’te Nelepovka yerleşim birimi). Latin script only: Ukrainian
    and Russian name an oblast by its adjective."""
    # Settlements (homonyms of mixed kinds share none): no settlement lies in another's city.
    villages = {
        start: a for start, _, a, _ in found if a.kind not in _UNIT_ANSWERS and a.country == "UA"
    }
    out = list(found)
    for m, n, last in _latin_cities(words, out, _CITY_OR_UNCLEAR):
        city = out[m][2].place
        if city is None or city.kind != "city":
            continue  # Zaporizhzhia: the city, though villages share its name
        start, end = out[m][0], out[m][1]
        locative = _LOCATIVE_SUFFIX.search(text[start:end]) is not None
        if locative:  # Donetsk’te: in Donetsk
            near = words[last + 1 : last + 1 + _VILLAGE_REACH]
            near = near[: next((i for i, w in enumerate(near) if w.sentence_start), len(near))]
        elif (
            n >= 2
            and words[n - 1].folded in _IN
            and not words[n - 1].sentence_start
            # Chuhuiv, Kupiansk ve Harkiv: Turkish "and" after a place, not the Czech "in"
            and not (words[n - 1].folded == "ve" and words[n - 2].start in villages)
        ):
            near = words[max(0, n - 1 - _VILLAGE_REACH) : n - 1]
            starts = [i for i, w in enumerate(near) if w.sentence_start]
            near = near[starts[-1] :] if starts else near  # the same sentence only
        else:
            continue
        # A village noun a few words off (dos localidades en Donetsk); a place's name right next
        # to it (Ptyche in Donetsk, Donetsk’te Nelepovka), or a few words off if it lies in that
        # oblast (nördlich von Lyman, ebenfalls in Donezk); not a subject of elsewhere (Moskva
        # udrela na Charkov).
        next_to = near[-1:] if near and near[-1].end <= start else near[:1]
        # (بلدة, قرية: the settlement words of a script without capitals, a preposition on them)
        noun = any(
            w.folded in _VILLAGE_NOUNS
            or (_caseless(w) and prefix_kind(w.text) in _SETTLEMENT_TYPES)
            for w in near
        )
        places = [villages[w.start] for w in near if w.start in villages]
        if not noun and not places:
            continue
        unit = _as_oblast(find, out[m])
        if unit[2].kind in ("oblast", "federal_subject") and (
            noun
            # a city whose villages of the same name blur it needs a village noun (the village
            # of Zatyshshia in Zaporizhzhia; not do Melitopola i Zaporoża)
            or (
                out[m][2].kind is not None
                and (
                    # a place said to lie in it, not one of a list (Dnjepar i Odesa: and)
                    any(
                        w.start in villages and villages[w.start].admin1 in (None, unit[2].name)
                        for w in next_to
                    )
                    or any(a.admin1 == unit[2].name for a in places)
                )
            )
        ):
            out[m] = unit
            # Donetsk ve Harkiv’de: a Turkish ending ends the list it applies to; "in" opens it
            _list_as_oblasts(text, out, m, find, backward=locative)
    return out


def _on_regions(
    text: str, words: list[_Word], found: list[_Found], find: Callable[[str], Answer]
) -> list[_Found]:
    """The mentions, with an oblast centre in the Ukrainian locative after "на" read as its
    oblast: на Запоріжжі is in the Zaporizhzhia region, as на Харківщині is in Kharkiv's (the
    city is у Запоріжжі; на Запоріжжя, the accusative, is "at" the city)."""
    first = {w.start: n for n, w in enumerate(words)}
    out = list(found)
    for m, (start, _, answer, asked) in enumerate(out):
        n = first.get(start)
        if (
            n is None
            or n == 0
            or words[n - 1].folded not in _ON
            or not _joined(text, words[n - 1], words[n])
            or answer.how != "case-form"
            or answer.kind not in _CITY_OR_UNCLEAR
            or not _UKRAINIAN_LOCATIVE.search(asked)
            or not has_cyrillic(asked)
        ):
            continue
        unit = _as_oblast(find, out[m])
        if unit[2].kind == "oblast":
            out[m] = unit
    return out


_UKRAINIAN_LOCATIVE = re.compile(r"[^\W\d_]і$")


def _list_as_oblasts(
    text: str,
    out: list[_Found],
    m: int,
    find: Callable[[str], Answer],
    *,
    backward: bool,
    start: int | None = None,
) -> None:
    """Read as regions, in place, the oblast centres listed right before (or after) mention
    ``m``, which was read as one: the words that made it a region apply to its list. ``start``:
    where its place in the list begins, if before the mention (and neighbouring Luhansk)."""
    step = -1 if backward else 1
    n, begin = m, out[m][0] if start is None else start
    while 0 <= n + step < len(out):
        if backward:
            gap = _LIST_JOINS.fullmatch(text, out[n - 1][1], begin)
        else:
            gap = _LIST_JOINS.fullmatch(text, out[n][1], out[n + 1][0])
        n += step
        if gap is None or out[n][2].kind not in ("city", None) or has_cyrillic(out[n][3]):
            return
        unit = _as_oblast(find, out[n])
        if unit[2].kind not in ("oblast", "federal_subject"):
            return
        out[n], begin = unit, out[n][0]


# The Turkish and Azerbaijani locative on a foreign name, after an apostrophe: Donetsk’te,
# Harkiv’de, Xarkovda.
_LOCATIVE_SUFFIX = re.compile(r"['’](?:te|ta|de|da|dә|də)$")


def _apposed_oblast(text: str, found: list[_Found], find: Callable[[str], Answer]) -> list[_Found]:
    """The mentions, with an oblast centre's name put after a settlement of its oblast read as
    the oblast: "Pokrovsk, Donetsk", "Vovchansk, Kharkiv" (a place and its region, as datelines
    and wires write them). Latin script only: Ukrainian and Russian name an oblast by its
    adjective."""
    out = list(found)
    for m in range(1, len(out)):
        start, end, answer, asked = out[m]
        before = out[m - 1]
        if (
            answer.kind not in ("city", None)
            or has_cyrillic(asked)
            or _APPOSITION.fullmatch(text, before[1], start) is None
            or before[2].kind in _UNIT_ANSWERS
            or before[2].admin1 is None
            # Not inside a list of places (Kupiansk, Kharkiv and Kherson; Izium, Kharkiv, Sumy)
            or (m + 1 < len(out) and _LIST_JOINS.fullmatch(text, end, out[m + 1][0]))
            or (m > 1 and _LIST_JOINS.fullmatch(text, out[m - 2][1], before[0]))
        ):
            continue
        unit = _as_oblast(find, out[m])
        if unit[2].kind == "oblast" and unit[2].name == before[2].admin1:
            out[m] = unit
    return out


# Two names of one unit, the second in brackets, before the unit word they share: "в
# Красноармейском (Покровском) районе", "Dnipropetrovsk (Dnipro) Oblast".
_BRACKET_OPENS = re.compile(r"\s*\(\s*")
_BRACKET_SHARED = re.compile(r"\s*\)\s*(\w+)")


def _bracketed_alternatives(
    text: str, found: list[_Found], find: Callable[[str], Answer]
) -> list[_Found]:
    """The mentions, with a name and its alternative in brackets read as the unit the word after
    the brackets makes of both: each is asked again with that word, and keeps the answer if it
    names a unit (Красноармейском (Покровском) районе: the raion, not the town)."""
    out = list(found)
    for m in range(1, len(out)):
        before, inner = out[m - 1], out[m]
        shared = _BRACKET_SHARED.match(text, inner[1])
        if shared is None or _BRACKET_OPENS.fullmatch(text, before[1], inner[0]) is None:
            continue
        unit = shared.group(1)
        if split_descriptors(f"x {unit}")[1] is None:
            continue
        for n in (m - 1, m):
            _ask_as_unit(out, n, find, unit, _UNIT_ANSWERS)
        # Красноармейском (Покровском) районе: a raion before 2020 by its former name and its
        # name then, which the raion of 2020 bears too: the one of before 2020 (asked as the
        # former name is, whenever it is asked again)
        for old, new in ((m - 1, m), (m, m - 1)):
            if (
                out[old][2].kind == out[new][2].kind == "raion"
                and out[old][2].name == f"{out[new][2].name}{_PRE_2020}"
            ):
                out[new] = (*out[new][:2], out[old][2], out[old][3])
    return out


def _bracketed_oblasts(
    text: str, found: list[_Found], find: Callable[[str], Answer]
) -> list[_Found]:
    """The mentions, with an oblast centre's name in brackets after a settlement of its oblast
    read as the oblast: Kúpiansk (Járkov) y Pokrovsk (Donetsk)."""
    out = list(found)
    for m in range(1, len(out)):
        before, inner = out[m - 1], out[m]
        town, centre = before[2], inner[2]
        if (
            centre.kind != "city"
            or town.kind in _UNIT_ANSWERS
            or town.name == centre.name
            or _BRACKET_OPENS.fullmatch(text, before[1], inner[0]) is None
            or _BRACKET_CLOSE.match(text, inner[1]) is None
        ):
            continue
        unit = _as_oblast(find, inner)
        place = town.place
        if unit[2].kind == "oblast" and (place is None or place.admin1 == unit[2].name):
            out[m] = unit
    return out


_BRACKET_CLOSE = re.compile(r"\s*\)")


def _elliptic_units(text: str, found: list[_Found], find: Callable[[str], Answer]) -> list[_Found]:
    """The mentions, with a bare Cyrillic adjective read as a unit of the kind a mention shortly
    before named with its noun, when it has the same ending (у Куп'янському районі ..., в
    Ізюмському - ..., у Чугуївському - ...: the noun said once for all). Each is asked again
    with that noun, and keeps the answer if it names a unit of that kind."""
    out = list(found)
    for m, (start, end, answer, asked) in enumerate(out):
        if answer.kind in _UNIT_ANSWERS or " " in asked or not has_cyrillic(asked):
            continue
        ending = _ADJECTIVAL.search(clean(asked))
        if ending is None:
            continue
        for earlier in reversed(out[max(0, m - _ELLIPSIS_REACH) : m]):
            if start - earlier[1] > _ELLIPSIS_CHARS:
                break
            words = clean(earlier[3]).split(" ")
            said = _ADJECTIVAL.search(words[0])
            if (
                len(words) >= 2
                and said is not None
                and said.group() == ending.group()
                and earlier[2].kind in ("raion", "hromada")
                and _descriptor_after(words[1]) == earlier[2].kind
            ):
                again = find(f"{asked} {words[1]}")
                if again.kind == earlier[2].kind:
                    out[m] = (start, end, again, f"{asked} {words[1]}")
                break
    return out


def _unit_word_shared(
    text: str, found: list[_Found], find: Callable[[str], Answer]
) -> list[_Found]:
    """The mentions, with the adjectives listed before a unit's adjective and its noun in the
    singular read as units of that kind, where they end as it does (Doněcká a Luhanská oblast,
    Донецка и Запорожка област: the noun said once, as Czech and Bulgarian say it). Each is
    asked again with the noun, and keeps the answer if it names a unit of that kind."""
    out = list(found)
    for m in range(len(out) - 1, 0, -1):
        kind = out[m][2].kind
        if kind not in ("oblast", "raion"):
            continue
        words = clean(out[m][3]).split(" ")
        if len(words) != 2 or words[0][-1:] not in _VOWELS or _descriptor_after(words[1]) != kind:
            continue
        k = m - 1
        while k >= 0 and _in_list(_LIST_JOINS, text, out[k][1], out[k + 1][0]):
            start, end, answer, asked = out[k]
            if answer.kind in _UNIT_ANSWERS or " " in asked or clean(asked)[-2:] != words[0][-2:]:
                break
            again = find(f"{asked} {words[1]}")
            if again.kind != kind:
                break
            out[k] = (start, end, again, f"{asked} {words[1]}")
            k -= 1
    return out


_VOWELS = frozenset("aáeéiíoóuúyýаеиоуыэюяіїєё")

# What makes a unit's name an administration's: its acronym after the unit's adjective alone
# (Запорізька ОВА, Днепропетровской ОГА, Kharkiv RMA), or the word administration, with the words
# that may stand before it (the Kharkiv Regional Military Administration).
_ADMINISTRATION_ACRONYM = re.compile(r"\s*(?:ОВА|ОДА|ОГА|ВГА|ВЦА|МВА|РВА|РДА|RMA|OVA|ODA|OMA)\b")
_ADMINISTRATION = re.compile(
    r"(?i:\s*(?:(?:regional|oblast|city|district|obwodowej|obwodowa|regionalna|regionalnej)\s+)?"
    r"(?:(?:state|military|civil-military|civil|wojskowej|wojskowa|państwowej|państwowa)\s+)?"
    r"(?:administration|administracji|administracja|administrace|militärverwaltung"
    r"|gebietsverwaltung|bezirksverwaltung)\b)"
)


# A grouping of forces named after a place, its word after the name (the Tavriia Operational
# Strategic Group, the Khortytsia Group)
_GROUPING_AFTER = re.compile(
    r"\s+(?:(?i:operational)[- ](?i:strategic|tactical)\s+(?i:groups?|groupings?)|Groups?)\b"
)


def _administration(text: str, start: int, end: int) -> bool:
    """Whether the mention ``text[start:end]`` names an administration: its acronym or its noun
    follows (an acronym only after a bare adjective: в Запорізькій області ОВА повідомила is
    the oblast, then the administration). The administration "of" a place names the place
    (l'amministrazione regionale di Zaporozhye: of the region)."""
    if _ADMINISTRATION.match(text, end):
        return True
    return (
        _ADMINISTRATION_ACRONYM.match(text, end) is not None
        and split_descriptors(text[start:end])[1] is None
    )


# The words that label a caption or a credit (Джерело: the source; Фото: the photograph), which
# villages share (Джерело, Dzherelo): written alone on their line or before a colon.
_CAPTIONS = casefolded(
    {
        "джерело", "источник", "фото", "відео", "видео", "source", "sources", "photo", "photos",
        "quelle", "źródło", "zdroj", "fuente", "fonte", "foto",
    }
)  # fmt: skip


_LONGEST_CAPTION = max(map(len, _CAPTIONS))


def _caption(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a caption's label: a word of _CAPTIONS that stands alone
    on its line or before a colon."""
    if end - start > _LONGEST_CAPTION or clean(text[start:end]) not in _CAPTIONS:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    after = text[end:].lstrip(" \t")
    return after[:1] == ":" or (not text[line_start:start].strip() and after[:1] in ("", "\n"))


_ELLIPSIS_REACH = 4  # mentions back to look for the noun said once
_ELLIPSIS_CHARS = 200  # and characters at most


_PRE_2020 = " (pre-2020)"  # what the gazetteer's name adds to a raion abolished in 2020


_APPOSITION = re.compile(r"\s*,\s*")
_UNIT_KINDS = frozenset({"oblast", "entity"})
_UNIT_ANSWERS = frozenset({"oblast", "raion", "hromada", "federal_subject", "entity", "region"})
_NOT_OBLASTS = _UNIT_ANSWERS - {"oblast"}
_HROMADA_LISTED = _NOT_OBLASTS - {"raion"}  # what a Cyrillic hromada word's list keeps
# A near miss of several capitalised words this sure is a name (Kozak Łopan: Kozacha Lopan).
_SURE_NEAR_MISS = 0.95
_BROAD_KINDS = frozenset({"oblast", "entity", "region", "federal_subject", "country"})
_DETECT_THRESHOLD = 0.3
_NEAR = 24  # the other places a mention is read beside, nearest first in the text
_SETTLEMENT_KINDS = frozenset({"city", "town", "village", "settlement"})
# What the text's oblast and places narrow: settlements, and the hromadas and raions that several
# oblasts have of one name (Краснопільська громада: of Sumy, Kharkiv and Kherson oblasts).
_NARROWED_KINDS = _SETTLEMENT_KINDS | {"hromada", "raion"}
_SMALL_PLACES = frozenset({"village", "town", "settlement"})


def _in_context(
    text: str,
    found: list[_Found],
    ask: Any,
    within: str | None,
    list_units: dict[int, str],
) -> list[Mention]:
    """The mentions, each settlement (and hromada or raion) asked again with its unit and the
    text's other places, unless context could not change its answer (_settled).

    Its unit is the raion or hromada its list names (``list_units``, by mention), else the oblast
    its sentence names next after it (Берестовое, Ямполовка и Торское Донецкой Народной
    Республики; an entity stands for the oblast it claims), else the last one before it in the
    sentence, else the whole text's when it names exactly one."""
    sentence_of = _sentences(text)
    named: dict[int, list[tuple[int, str]]] = {}  # sentence -> (offset, oblast) of units named
    for start, _, a, _ in found:
        if a.place is not None and a.place.kind in _UNIT_KINDS and a.place.country == "UA":
            oblast = a.place.admin1 if a.place.kind == "entity" else a.place.name
            if oblast is not None:
                named.setdefault(sentence_of(start), []).append((start, oblast))
    in_text = {oblast for units in named.values() for _, oblast in units}
    # Russia's regions and districts: a village's when written after it (Петропавловка
    # Белгородской области), or before it in its sentence as where things happened (В
    # Белгородском районе ... Салтыково); not "from" one (из Белгородской области по Харькову).
    russian: dict[int, list[tuple[int, str, bool]]] = {}  # sentence -> (offset, id, where)
    for start, _, a, _ in found:
        if a.place is not None and a.place.country == "RU" and a.place.kind in _RUSSIAN_UNITS:
            where = _LOCATIVE_BEFORE.search(text, max(0, start - 4), start) is not None
            russian.setdefault(sentence_of(start), []).append((start, a.place.id, where))
    russian_ids = {unit for units in russian.values() for _, unit, _ in units}
    # A text that names one region of Russia and no oblast of Ukraine is about that region: its
    # villages are read there in any sentence (Салтыково, Ракитное in a report on Belgorod Oblast).
    subjects = {
        a.place.id
        for _, _, a, _ in found
        if a.place is not None and a.place.country == "RU" and a.place.kind == "federal_subject"
    }
    only_region = next(iter(subjects)) if len(subjects) == 1 and not in_text else None
    listed_russia = _listed_in_russia(text, found, sentence_of)
    listed_russia_units = set(listed_russia.values())
    spans = [text[start:end] for start, end, _, _ in found]
    # The other places, not the oblasts: a named oblast is the lookup's unit already, and as
    # context it would make every village in it next door. A long text gives each mention the
    # places nearest it, so the work stays linear in the text.
    places = [n for n, (_, _, a, _) in enumerate(found) if a.kind not in _BROAD_KINDS]
    rank = {n: r for r, n in enumerate(places)}
    # The places the text names as written, by the first letters of their names: a case form
    # that another of them may be read from means that one (крупное село Приморское ... в
    # Приморском: Prymorske, not the town Prymorsk, whose locative it also is).
    written: dict[str, dict[str, str]] = {}  # name -> the span that names it, by first letters
    for _, _, a, asked in found:
        if a.how in _WHOLE and a.name is not None and a.kind not in _UNIT_ANSWERS:
            written.setdefault(a.name[:_ECHO_STEM], {}).setdefault(a.name, asked)
    mentions = []
    # One name, one place in a text: a mention its own sentence or list settles speaks for the
    # same words elsewhere in it that only the text as a whole reads (_one_sense).
    settled_by_sentence: dict[str, dict[str, Answer]] = {}  # span -> place id -> answer
    read_by_text: list[tuple[int, str]] = []  # the others: index in ``mentions``, words asked
    for n, (start, end, alone, asked) in enumerate(found):
        answer = ask(asked)
        if within is not None and alone.kind in _BROAD_KINDS and answer.name != alone.name:
            continue  # an oblast outside ``within`` (Luhansk Oblast is no Luhanske of Donetsk's)
        local = False  # whether the sentence or the list gives the mention its unit
        if alone.kind is None or alone.kind in _NARROWED_KINDS:
            unit = list_units.get(n)
            local = unit is not None
            if unit is None and within is None:
                # The unit a list names after it (... и Торское Донецкой Народной Республики),
                # else before it in the sentence, else the text's only one.
                here = named.get(sentence_of(start), [])
                after = bisect_right(here, (start, _LAST))  # the first named after it
                before = bisect_left(here, (start, "")) - 1  # the last named before it
                local = True
                if after < len(here):
                    unit = here[after][1]
                elif before >= 0:
                    unit = here[before][1]
                elif n in listed_russia:
                    unit = listed_russia[n]  # the region of Russia its list's villages lie in
                elif len(in_text) == 1:
                    unit, local = next(iter(in_text)), False
                else:
                    local = False
            in_russia = unit if unit in russian_ids or unit in listed_russia_units else None
            if unit is None and within is None and alone.kind not in _NOT_RUSSIAN_VILLAGES:
                here_ru = russian.get(sentence_of(start), [])
                after_ru = bisect_right(here_ru, (start, _LAST, True))
                if after_ru < len(here_ru):
                    in_russia, local = here_ru[after_ru][1], True
                elif after_ru > 0 and here_ru[after_ru - 1][2]:
                    in_russia, local = here_ru[after_ru - 1][1], True
                elif only_region is not None:
                    in_russia = only_region
                unit = in_russia
            # Приморського: of Приморський or of Приморське, the masculine and the neuter
            # alike in these cases; the text's places say which. (Read as a masculine name,
            # which few places bear; the neuter's villages are many, and rightly first.)
            either_gender = (
                answer.how == "case-form"
                and _EITHER_GENDER.search(asked) is not None
                and (answer.matched or "").endswith(_MASCULINE_ADJECTIVE)
            )
            # Василівщина: a raion's colloquial name, and a village's name as written; Красный
            # Лиман: Lyman's old name in Russian, and a village's among Димитров and Родинское
            colloquial = answer.how == "alias"
            echoes = (
                _echoes(answer.name, written.get(answer.name[:_ECHO_STEM], {}))
                if answer.how == "case-form"
                and answer.name is not None
                and answer.kind not in _UNIT_ANSWERS
                else {}
            )
            # Хотинской громаде Сумской области: a unit's name read in another oblast than the
            # one its sentence names (Russian text spells Хотінська and Хотинська alike)
            misplaced = (
                answer.kind in _LIST_UNIT_KINDS
                and unit is not None
                and in_russia is None
                and answer.place is not None
                and answer.place.admin1 != unit
                and answer.how != "fuzzy"
            )
            if (
                in_russia is None
                and not (either_gender or colloquial or misplaced or echoes)
                and _settled(answer, ask)
            ):
                mentions.append(Mention(start, end, spans[n], answer))
                continue
            r = rank.get(n, 0)
            window = places[max(0, r - _NEAR // 2) : r + _NEAR // 2 + 1]
            near = list(dict.fromkeys(spans[m] for m in window if spans[m] != spans[n]))
            narrowed = ask(asked, near, unit) if unit else None
            if narrowed is not None and _near_miss_of_another(narrowed, answer):
                narrowed = None  # Шахове in Kharkiv Oblast: only Shliakhove is near; no place there
            if narrowed is None or narrowed.name is None:
                narrowed = ask(asked, near)
            if echoes and narrowed.name not in echoes:
                # the name as the text writes it elsewhere, read in the same context
                again = ask(next(iter(echoes.values())), near, unit)
                if again.name in echoes:
                    narrowed = again
            if (
                narrowed.name is None
                and answer.how == "case-form"
                and answer.country not in (None, "UA")
                and _ukrainian_around(text, start, end)
            ):
                # неподалік Новоолександрівки, Невельського, Сокола: Ukrainian text declines
                # Ukrainian names (Сокіл), not the Russian towns a Russian reading finds (Сокол)
                narrowed = ask(asked, near, None, "UA")
            elif (
                narrowed.country == "RU"
                and answer.country == "RU"
                and not russian
                and near
                and not has_cyrillic(asked)
            ):
                # Petropavlovka among Kurakhove and Vremivka: the Russian name of a Ukrainian
                # village romanized, which villages of Russia bear too; a text naming no region
                # of Russia means the one among its places
                in_ukraine = ask(asked, near, None, "UA")
                if in_ukraine.name is not None:
                    narrowed = in_ukraine
            # Context settles homonyms and names a blurred name; it does not turn a place of
            # Ukraine named plainly into a namesake within the text's oblast (Luhansk is no
            # Luhanske of Donetsk Oblast), though it does read a Russian town's name as the
            # Ukrainian place's Russian spelling there (Seversk: Siversk; Дачного among villages
            # of Donetsk Oblast: Дачне, not a district of Saint Petersburg), and picks among the
            # places a former name belonged to.
            if narrowed.name is not None and (
                narrowed.name == answer.name
                or answer.status is not Status.IDENTIFIED
                or answer.how == "former"  # a former name several places shared (Луначарское)
                or (either_gender and narrowed.how == "case-form")
                or (colloquial and narrowed.how == "exact")
                or narrowed.name in echoes
                or (
                    misplaced
                    and narrowed.place is not None
                    and narrowed.kind == answer.kind
                    and narrowed.how != "fuzzy"
                )
                or (
                    answer.place is not None
                    and answer.place.country != "UA"
                    and narrowed.country == "UA"
                )
                # a village of Ukraine by its official Russian name, written with a region
                # of Russia that has a village of that name (Салтыково: Салтикове of Sumy
                # Oblast, Saltykovo of Belgorod Oblast)
                or (in_russia is not None and narrowed.country == "RU" and answer.kind != "city")
            ):
                answer = narrowed
        if answer.name is not None:
            narrowed_kind = alone.kind is None or alone.kind in _NARROWED_KINDS
            if within is None and narrowed_kind and answer.kind not in _UNIT_ANSWERS:
                if local and answer.place is not None:
                    settled_by_sentence.setdefault(asked, {})[answer.place.id] = answer
                elif not local:
                    read_by_text.append((len(mentions), asked))
            mentions.append(Mention(start, end, spans[n], answer))
    return _one_sense(mentions, settled_by_sentence, read_by_text)


def _one_sense(
    mentions: list[Mention], settled: dict[str, dict[str, Answer]], loose: list[tuple[int, str]]
) -> list[Mention]:
    """The mentions, each of those ``loose`` names (read by the text as a whole: its index and
    the words asked) given the place that the other mentions asked with the same words, each
    settled by its own sentence or list, all agree on (``settled``: by the words asked, the
    answers by place id): "nelle aree di ... Kurilovka, ..., Pogrebki" (villages of Kursk
    Oblast), then "nelle zone di Kurilovka e Ivano-Daryevka"."""
    for i, asked in loose:
        m = mentions[i]
        agreed = settled.get(asked)
        if agreed is None or len(agreed) != 1:
            continue
        ((place, answer),) = agreed.items()
        if m.answer.place is None or m.answer.place.id != place:
            mentions[i] = Mention(m.start, m.end, m.text, answer)
    return mentions


_LAST = "\U0010ffff"  # after every name in (offset, name) order


def _listed_in_russia(
    text: str, found: list[_Found], sentence_of: Callable[[int], int]
) -> dict[int, str]:
    """The region of Russia of each listed mention of a sentence whose lists' settlements, where
    the name alone identifies one, lie mostly in that region: "Viktorovka, Kolmakov, Kositsa,
    Kurilovka, ..., Novaya Sorochina, Pogrebki e Sverdlikovo" are villages of Kursk Oblast,
    Kurilovka and Pogrebki too, though Ukraine has villages of those names. ``sentence_of``
    numbers the sentence of an offset (_sentences)."""
    listed: dict[int, list[int]] = {}  # sentence -> its listed mentions
    for run in _list_runs(text, found):
        if len(run) > 1:
            listed.setdefault(sentence_of(found[run[0]][0]), []).extend(run)
    regions_of: dict[int, str] = {}
    for members in listed.values():
        regions: Counter[str] = Counter()
        ukrainian = 0
        for n in members:
            place = found[n][2].place
            if place is None or place.kind in _UNIT_ANSWERS:
                continue
            if place.country == "RU" and place.admin1 is not None:
                regions[place.admin1] += 1
            elif place.country == "UA":
                ukrainian += 1
        if regions:
            region, count = regions.most_common(1)[0]
            if count >= _RUSSIAN_LIST and count > ukrainian:
                regions_of.update((n, region) for n in members)
    return regions_of


_RUSSIAN_LIST = 3  # settlements of one region of Russia that make a sentence's lists its
_ECHO_STEM = 4


def _echoes(name: str, written: dict[str, str]) -> dict[str, str]:
    """The names, each with its span, of the places the text names as written (``written``:
    those sharing ``name``'s first letters) that differ from ``name`` only in the last two letters
    of the longer: Prymorske (Приморское) for Prymorsk, both read from Приморском."""
    return {
        other: span
        for other, span in written.items()
        if other != name
        and name[: max(len(name), len(other)) - 2] == other[: max(len(name), len(other)) - 2]
    }


# The adjectival case endings a masculine name (Приморський) and a neuter one (Приморське)
# share: the genitive, dative, instrumental and locative (not -ом: Покровськом, of a noun).
_EITHER_GENDER = re.compile(r"(?:ого|ому|им|ім)$")
_MASCULINE_ADJECTIVE = ("ий", "ій", "ый")
_RUSSIAN_UNITS = frozenset({"federal_subject", "raion"})
_SETTLEMENT_TYPES = frozenset({"city", "town", "village"})
# What a region of Russia written beside it does not make Russia's: units, and cities (Sumy
# beside "the Kursk and Belgorod regions" is no namesake of theirs).
_NOT_RUSSIAN_VILLAGES = _UNIT_ANSWERS | {"city"}
_LOCATIVE_BEFORE = re.compile(r"(?:^|\s)(?:в|во|у|in|im|w)\s+$", re.IGNORECASE)


def _list_units(text: str, found: list[_Found]) -> dict[int, str]:
    """The raion or hromada that a list of places names as theirs, by the index of each place
    of the list: written right after its last name (Синьковка, Петропавловка, Ивановка,
    Берестово Купянского района; Ветеринарное Харьковского района), or right before its first
    with a colon or a dash between (Куп'янський район: Петропавлівка, Іванівка; Бахмутський
    район — Часів Яр, Ступочки). The unit is given by its place id."""
    units: dict[int, str] = {}
    for run in _list_runs(text, found):
        unit = None
        after, before = run[-1] + 1, run[0] - 1
        if after < len(found) and _SPACES.fullmatch(text, found[run[-1]][1], found[after][0]):
            unit = _named_unit(found[after][2])
        if (
            unit is None
            and before >= 0
            and _UNIT_THEN_LIST.fullmatch(text, found[before][1], found[run[0]][0])
        ):
            unit = _named_unit(found[before][2])
        if unit is not None:
            units.update((n, unit) for n in run if found[n][2].kind not in _UNIT_ANSWERS)
    return units


def _named_unit(answer: Answer) -> str | None:
    """The id of the raion or hromada ``answer`` identifies, if it identifies one."""
    place = answer.place
    return place.id if place is not None and place.kind in _LIST_UNIT_KINDS else None


_LIST_UNIT_KINDS = frozenset({"raion", "hromada"})
_UNIT_THEN_LIST = re.compile(r"\s*[:—–-]\s*")


def _near_miss_of_another(narrowed: Answer, answer: Answer) -> bool:
    """Whether ``narrowed`` met only as a near miss a name other than the one ``answer`` gives as
    written: a unit that holds none of a recorded name's places does not make it another name
    (where the name was only a respelling, the unit's near miss may be meant: Алешек, Oleshky)."""
    return (
        narrowed.how == "fuzzy"
        and answer.name is not None
        and answer.how in _WHOLE
        and narrowed.name != answer.name
    )


def _ukrainian_around(text: str, start: int, end: int, reach: int = 200) -> bool:
    """Whether the text around ``text[start:end]`` is Ukrainian: letters only Ukrainian has, and
    none only Russian has."""
    around = text[max(0, start - reach) : end + reach]
    return has_ukrainian_letters(around) and not has_russian_letters(around)


def _settled(answer: Answer, ask: Any) -> bool:
    """Whether context could not change the place ``answer`` gives: a place of Ukraine, met by
    more than a near miss, that is the only place its canonical name names (Мирноград; not
    Vilsana, a variant of the Vilshana of Cherkasy Oblast, where a Vilshana of Kharkiv Oblast
    may be meant). Asked again, it would give the same place or another name, which is not
    taken for a place named plainly (Luhansk is no Luhanske of Donetsk Oblast)."""
    place = answer.place
    return (
        place is not None
        and answer.how not in ("former", "fuzzy")
        and place.country == "UA"
        and answer.places == (place.id,)
        and (answer.matched == answer.name or ask(place.name).places == answer.places)
    )


_SENTENCE_BREAK = re.compile(r"[.!?…](?=\s+\S)|\n")


def _sentences(text: str) -> Any:
    """A function from an offset to the number of its sentence (breaks at . ! ? … before a space,
    and at line ends)."""
    breaks = [m.end() for m in _SENTENCE_BREAK.finditer(text)]

    def sentence_of(offset: int) -> int:
        return bisect_right(breaks, offset)

    return sentence_of


def extract_many_with(
    resolver: Resolver,
    texts: Iterable[object],
    *,
    progress: bool | Callable[[int], None] = False,
    processes: int | None = 1,
    **options: Any,
) -> list[list[Mention]]:
    """One list of mentions per text, in order; a missing text (None, NaN) gives an empty list.
    ``progress``: True prints a count of texts read on stderr (every 100, and at the end); a
    function is called with that count instead. ``processes`` > 1 (None: one per CPU) reads
    large inputs in that many processes, with the same results. Options are checked before the
    first text."""
    resolver._check_options(
        country=options.get("country"), within=options.get("within"),
        threshold=options.get("threshold"),
    )  # fmt: skip
    workers = _workers(processes)
    report = _counter if progress is True else (progress or None)
    out: list[list[Mention]] = []
    if workers > 1:
        items = [t if isinstance(t, str) else None for t in texts]
        if sum(len(t) for t in items if t is not None) >= _PARALLEL_CHARS:
            for found in _extract_parallel(resolver, items, options, workers):
                out += found
                if report is not None:
                    report(len(out))
            texts = ()
        else:
            texts = items
    for n, text in enumerate(texts, start=len(out) + 1):
        out.append(extract_with(resolver, text, **options) if isinstance(text, str) else [])
        if report is not None and n % 100 == 0:
            report(n)
    if report is not None:
        report(len(out))
        if progress is True:
            print(file=sys.stderr)
    return out


# Characters of text below which extra processes cost more than they save (a process starts in
# tens of milliseconds; extract reads 100-150 kB of report text a second).
_PARALLEL_CHARS = 100_000


def _extract_parallel(
    resolver: Resolver, texts: list[str | None], options: dict[str, Any], workers: int
) -> Iterator[list[list[Mention]]]:
    """The mentions of ``texts`` read by ``workers`` processes, a chunk of texts at a time, in
    order. A chunk holds about a 16th of a process's share of the characters (at least one
    text): reports differ in length a thousandfold, and small chunks keep any process from
    working alone at the end."""
    from concurrent.futures import ProcessPoolExecutor  # only large inputs pay for the import

    total = sum(len(t) for t in texts if t is not None)
    share = max(1, total // (workers * 16))
    chunks: list[list[str | None]] = [[]]
    size = 0
    for text in texts:
        if size >= share:
            chunks.append([])
            size = 0
        chunks[-1].append(text)
        size += len(text) if text is not None else 0
    with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(resolver,)) as pool:
        yield from pool.map(_extract_chunk, chunks, [options] * len(chunks))


def _extract_chunk(texts: list[str | None], options: dict[str, Any]) -> list[list[Mention]]:
    resolver = _worker_resolver()
    return [[] if t is None else extract_with(resolver, t, **options) for t in texts]


def _counter(n: int) -> None:
    print(f"\r{n:,} texts", end="", file=sys.stderr, flush=True)
