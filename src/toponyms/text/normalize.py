"""Clean raw place names into the one form matching works on (``clean``), and read descriptors
such as "м.", "смт", "oblast", "Pokrovsky district" off as a kind hint (``split_descriptors``).

It does not transliterate (translit.py), inflect (forms.py) or know any place.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from typing import Literal

from rapidfuzz import process
from rapidfuzz.distance import OSA

__all__ = [
    "APOSTROPHES",
    "ARTICLES",
    "KindHint",
    "clean",
    "has_cyrillic",
    "is_cyrillic",
    "is_feminine_accusative",
    "is_feminine_adjective",
    "is_latin_unit_adjective",
    "long_descriptor_words",
    "oblast_adjective",
    "repair_descriptor",
    "split_descriptors",
    "split_republic",
]  # fmt: skip

# Every character reports use for the Ukrainian apostrophe (and for ъ/ь in romanizations):
# ASCII ', right single quote, modifier apostrophe (the orthographic one, U+02BC), grave, acute,
# left single quote, prime, double prime, modifier prime and double prime, turned comma,
# fullwidth apostrophe, reversed comma.
APOSTROPHES = "'\u2019\u02bc`\u00b4\u2018\u2032\u2033\u02b9\u02ba\u02bb\uff07\u02bd"

KindHint = Literal[
    "country",
    "oblast",
    "raion",
    "hromada",
    "city",
    "town",
    "village",
    "city_district",
    "federal_subject",
    "entity",
]

_LETTER = r"[^\W\d_]"
# C0/C1 controls become spaces (a NUL or newline separates); format characters (zero-width
# space and joiners, bidi marks, BOM, soft hyphen, tags), lone surrogates and the two
# noncharacters U+FFFE/U+FFFF are deleted, since they sit inside words.
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffb\ufffe\uffff\ud800-\udfff"
    "\U0001d173-\U0001d17a\U000e0000-\U000e0fff]"
)
_APOSTROPHE_TABLE = dict.fromkeys(map(ord, APOSTROPHES), "'")
_PUNCTUATION_TABLE = {
    **_APOSTROPHE_TABLE,
    # Dashes and minus signs: hyphen, non-breaking hyphen, figure, en, em, horizontal bar,
    # minus, two- and three-em dashes, small and fullwidth hyphen-minus.
    **dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2e3a\u2e3b\ufe58"), "-"),
    **dict.fromkeys(map(ord, "\ufe63\uff0d\u2043\u058a\u05be\u1806\u2e17\u301c\u30a0"), "-"),
    # Middle dots: inside a word they are BGN/PCGN's separator (z·h is з+г, not ж), which is
    # what the apostrophe is too; between words they are bullets, and go as stray apostrophes.
    **dict.fromkeys(map(ord, "\u00b7\u0387\u2027\u2219\u22c5\u30fb\u2022"), "'"),
    # Brackets: the content stays, the bracket goes.
    **dict.fromkeys(map(ord, "()[]{}<>\u2329\u232a\u27e8\u27e9\u3008\u3009\u300a\u300b"), " "),
    **dict.fromkeys(map(ord, "\u3010\u3011\u3014\u3015\uff08\uff09\uff3b\uff3d"), " "),
}
# Double quotes are a quotation mark, except between two letters, where BGN/PCGN writes ” for
# the Ukrainian apostrophe (Kam”yans’ke) and hurried typists write " for it.
_DOUBLE_QUOTES = (
    '"\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a\u300c\u300d\u300e\u300f\u301d\u301e\uff02'
)
_QUOTE_IN_WORD = re.compile(rf"(?<={_LETTER})[\"\u201d](?={_LETTER})")
_QUOTES = re.compile(f"[{re.escape(_DOUBLE_QUOTES)}]")

_SPACES = re.compile(r"\s+")
_EDGE_PUNCTUATION = " .,;:!?-'/\\|*_#~"
# Combining marks count with the letters they sit on.
_MARK = "\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
# An apostrophe is kept only between two letters; elsewhere it was a quotation mark.
_STRAY_APOSTROPHE = re.compile(rf"'(?!{_LETTER}|[{_MARK}])|(?<!{_LETTER})(?<![{_MARK}])'")
# A word for the look-alike repair: letters with their combining marks.
_WORD = re.compile(rf"(?:{_LETTER}|[{_MARK}])+")

# Letters that look alike in Latin and Cyrillic. Scraped text mixes them inside one word
# (Покрoвськ with a Latin o), which defeats every exact lookup.
_LATIN_TO_CYRILLIC = dict(
    zip(
        "ABCEHIKMOPTXYaceiopxyÏïËë",
        "АВСЕНІКМОРТХУасеіорхуЇїЁё",
        strict=True,
    )
)
_CYRILLIC_TO_LATIN = {
    **{cyrillic: latin for latin, cyrillic in _LATIN_TO_CYRILLIC.items()},
    "Ѕ": "S",
    "ѕ": "s",
    "Ј": "J",
    "ј": "j",
    "һ": "h",
    "ԁ": "d",
    "ԛ": "q",
    "ԝ": "w",
}
_TO_CYRILLIC = str.maketrans(_LATIN_TO_CYRILLIC)
_TO_LATIN = str.maketrans(_CYRILLIC_TO_LATIN)


def is_cyrillic(char: str) -> bool:
    """Cyrillic, Cyrillic Supplement (U+0400-U+052F) or Extended-B (U+A640-U+A69F)."""
    return "\u0400" <= char <= "\u052f" or "\ua640" <= char <= "\ua69f"


def has_cyrillic(text: str) -> bool:
    """Whether some character of ``text`` is_cyrillic."""
    return _CYRILLIC.search(text) is not None


_CYRILLIC = re.compile("[\u0400-\u052f\ua640-\ua69f]")  # is_cyrillic's ranges


_UKRAINIAN_ONLY = re.compile("[іїєґІЇЄҐ]")
_RUSSIAN_ONLY = re.compile("[ыэъёЫЭЪЁ]")


def has_ukrainian_letters(text: str) -> bool:
    """Whether ``text`` has a letter only Ukrainian of the two has (і ї є ґ)."""
    return _UKRAINIAN_ONLY.search(text) is not None


def has_russian_letters(text: str) -> bool:
    """Whether ``text`` has a letter only Russian of the two has (ы э ъ ё)."""
    return _RUSSIAN_ONLY.search(text) is not None


def _is_latin(char: str) -> bool:
    return char.isascii() or "\u00c0" <= char <= "\u024f" or "\u1e00" <= char <= "\u1eff"


def _repair_word(match: re.Match[str]) -> str:
    """Rewrite the look-alike letters of a mixed-script word into the word's own script."""
    word = match.group()
    if word.isascii():
        return word
    cyrillic = latin = cyrillic_lookalike = latin_lookalike = 0
    for char in word:
        if char in _LATIN_TO_CYRILLIC:
            latin_lookalike += 1
        elif char in _CYRILLIC_TO_LATIN:
            cyrillic_lookalike += 1
        elif is_cyrillic(char):
            cyrillic += 1
        elif _is_latin(char):
            latin += 1
    if cyrillic and latin:  # letters only one script has on both sides: leave it alone
        return word
    if cyrillic or (not latin and cyrillic_lookalike >= latin_lookalike):
        return word.translate(_TO_CYRILLIC) if latin_lookalike else word
    return word.translate(_TO_LATIN) if cyrillic_lookalike else word


def clean(text: str) -> str:
    """The canonical form of ``text`` for matching: NFKC, case-folded, one apostrophe, one dash.

    Controls and zero-width characters go, quotes and brackets go (their content stays),
    look-alike letters are put in the script of their word, whitespace is collapsed and the
    ends are trimmed of punctuation. ``clean(clean(s)) == clean(s)`` for every string.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    if _ALREADY_CLEAN.fullmatch(text):
        # Lower-case words of one script each, single spaces: what a cleaned core, its case
        # forms and most names look like, and unchanged by cleaning (tested).
        return text
    if _CLEAN_BUT_FOR_CASE.fullmatch(text):
        return text.lower()  # the same words in capitals: cleaning only folds their case
    if _CLEAN_BUT_FOR_STOPS.fullmatch(text):
        # ... with stops, commas and spaces around them (a word of running text, "м. Покровськ",
        # "Pokrovsk,"): cleaning folds the case and trims the ends.
        return text.lower().strip(_EDGE_PUNCTUATION)
    # A query passes through here several times (descriptors, key, case forms): remembered.
    return _clean(text) if len(text) <= 256 else _clean.__wrapped__(text)


_CLEAN_WORD = "(?:[a-z]+|[а-яёіїєґ]+)(?:['-](?:[a-z]+|[а-яёіїєґ]+))*"
_ALREADY_CLEAN = re.compile(f"{_CLEAN_WORD}(?: {_CLEAN_WORD})*")
_CASED_WORD = "(?:[a-zA-Z]+|[а-яёіїєґА-ЯЁІЇЄҐ]+)(?:['-](?:[a-zA-Z]+|[а-яёіїєґА-ЯЁІЇЄҐ]+))*"
_CLEAN_BUT_FOR_CASE = re.compile(f"{_CASED_WORD}(?: {_CASED_WORD})*")
# Between the words, stops and single spaces; at the ends, any spaces too.
_CLEAN_BUT_FOR_STOPS = re.compile(
    f"[ .,;:!?]*{_CASED_WORD}(?:(?:[.,;:!?]| (?! ))+{_CASED_WORD})*[ .,;:!?]*"
)


@functools.lru_cache(maxsize=1 << 14)
def _clean(text: str) -> str:
    text = _INVISIBLE.sub("", _CONTROLS.sub(" ", text))
    # Apostrophes first: NFKC would split the acute accent into a space and a combining mark.
    text = unicodedata.normalize("NFKC", text.translate(_APOSTROPHE_TABLE))
    text = text.translate(_PUNCTUATION_TABLE)
    text = _QUOTES.sub(" ", _QUOTE_IN_WORD.sub("'", text))
    text = _STRAY_APOSTROPHE.sub("", text)
    # Repair before folding (a capital Latin B is a look-alike of В, a small b is not) and
    # after (folding can turn a letter only Latin has into one Cyrillic has too: İ into i).
    text = _WORD.sub(_repair_word, text)
    text = _WORD.sub(_repair_word, unicodedata.normalize("NFKC", text.casefold()))
    # Case folding can itself produce an apostrophe (ŉ folds to ʼn); bring it in line again.
    text = _STRAY_APOSTROPHE.sub("", text.translate(_APOSTROPHE_TABLE))
    return _SPACES.sub(" ", text).strip(_EDGE_PUNCTUATION)


# Descriptors, as they read after clean(): a tuple of words, and the kind they announce.
# Settlement types come before the name (м. Покровськ, city of Pokrovsk); administrative units
# after it (Донецька область, Pokrovsky district). Suffix "село" is not one: Нове Село is a name.
# Arabic writes "and", "in", "to" on to the word (وقرية, في بلدة, بمدينة).
_ARABIC_CLITICS = ("", "و", "ب", "ل", "وب")
_CITY = [
    "м.", "місто", "г.", "город", "city of", "the city of", "міста", "місті", "містом", "города",
    "городе", "городом", *(f"{c}مدينة" for c in _ARABIC_CLITICS),
]  # fmt: skip
_TOWN = [
    "смт",
    "смт.",
    "селище міського типу",
    "селище",
    "с-ще",
    "сел.",
    "пгт",
    "пгт.",
    "посёлок городского типа",
    "поселок городского типа",
    "посёлок",
    "поселок",
    "пос.",
    "п.",
    "town of",
    "the town of",
    "urban-type settlement",
    "urban-type settlement of",
    "urban settlement",
    "settlement of",
    "the settlement of",
    "поселка", "посёлка", "поселке", "посёлке", "поселком", "посёлком", "селища", "селищі",
    "селищем",
    *(f"{c}بلدة" for c in _ARABIC_CLITICS),
]  # fmt: skip
_VILLAGE = [
    "с.",
    "село",
    "деревня",
    "д.",
    "дер.",
    "хутір",
    "хутор",
    "х.",
    "станица",
    "ст-ца",
    "village of",
    "the village of",
    "села", "селе", "селі", "селом", "деревни", "деревне", "деревней", "деревню", "деревнями",
    "деревнях", "хутора", "хуторе", "хутором", *(f"{c}قرية" for c in _ARABIC_CLITICS),
]  # fmt: skip
_CITY_DISTRICT = ["мікрорайон", "микрорайон", "мкр.", "мкрн", "мкр"]
# With the romanizations of every scheme (rajon, raĭon, obłast, gromada, kraj) and the
# inflected forms running text puts after a name (Покровського району, Донецкой области).
# Plural cases stand after the last of a list (Донецкой и Харьковской областей); Bulgarian,
# Latvian, Lithuanian and Turkish put their own word for the unit after the name (Харковска
# област, Doneckas apgabalā, Donecko srityje, Donetsk bölgesi).
_OBLAST = [
    "область", "обл.", "обл", "oblast", "obl.", "region", "province", "області", "области",
    "obłast", "oblastʹ", "oblasť", "oblasti", "obwód", "областей", "областях", "областям",
    "областями", "області", "областта", "област", "apgabals", "apgabalā", "apgabala",
    "apgabalu", "sritis", "srityje", "srities", "sritį", "sritimi", "sričiai", "bölgesi",
    "oblastı", "regione", "région",
    "gebiet", "gebiets", "obwodów", "obwodach", "obwodzie", "obwodu", "megye", "megyében",
    "megyei", "megyéből", "megyébe", "megyét", "alue", "alueella", "alueen", "alueelle",
    "alueelta", "alueeseen", "vilayəti", "vilayətinin", "vilayətində", "vilayətinə",
    "vilayətindən", "bölgesinde", "bölgesine", "bölgesinin", "bölgesindeki", "oblastında",
    "regija", "regiji", "regije", "regiju", "регион", "региона", "регионе", "регіон", "регіону",
    "областью", "областю", "oblasťou", "oblastí", "oblastiach", "oblastech", "oblastmi",
    "terület", "területen", "területre", "területről", "területet", "területi", "területén",
    "régió", "régióban", "régióba", "régióból", "régiót", "régiónak", "régióra", "régión",
    "bölgeleri", "bölgelerinde", "bölgelerine", "bölgelerinin", "bölgelerindeki", "bölgelerinden",
    "bölgesinden", "oblastis", "oblastisse",
    "oblastist", "oblastil",
]  # fmt: skip
_RAION = [
    "район", "р-н", "р-н.", "raion", "rayon", "district", "r-n", "rajon", "raĭon", "району",
    "районі", "района", "районе", "rajonu", "районів", "районах", "районов", "районам",
    "rajons", "rajonā", "rajona", "rajone", "ilçesi", "rejon", "rejonie", "rejonu", "körzet",
    "körzetek", "körzetben", "körzetében", "járás", "járásban", "rayonu", "rayonunda",
    "rayonları", "rayonlarının", "piiri", "piirissä", "okres", "okrese", "okresu", "okrug",
    "okrugu", "okruga", "районом", "районами", "rajonom", "okresom", "ilçe", "ilçesine",
    "ilçesinde", "ilçesindeki", "ilçesinin", "ilçesinden",
    # Russia's districts became okrugs (Грайворонский городской округ, Шебекинского
    # муниципального округа): the same unit level.
    "округ", "округа", "округе", "округу", "округом", "городской округ", "городского округа",
    "городском округе", "городскому округу", "муниципальный округ", "муниципального округа",
    "муниципальном округе", "муниципальному округу",
]  # fmt: skip
_HROMADA = [
    "громада",
    "тг",
    "отг",
    "територіальна громада",
    "територіальної громади",
    "територіальній громаді",
    "територіальну громаду",
    "територіальною громадою",
    "територіальних громад",
    "територіальних громадах",
    "міська громада",
    "сільська громада",
    "селищна громада",
    "міська територіальна громада",
    "сільська територіальна громада",
    "селищна територіальна громада",
    "hromada",
    "gromada",
    "громади",
    "громаді",
    "community",
    "territorial community",
    "municipality",
    "громадах",
    "громаду",
    "громадою",
    "община",
    "общины",
    "общине",
    "общину",
    # Bulgarian община (Киндрашивка община, общината)
    "общината",
    "общини",
    "общините",
    # English for сільська, селищна, міська громада (Mykolaiv Village Community)
    "village community",
    "rural community",
    "settlement community",
    "urban community",
    "city community",
    # Russian text keeps the Ukrainian noun, declined the Russian way (Марьинской громаде)
    "громады",
    "громаде",
    "громадой",
    "территориальная громада",
    "территориальной громады",
    "территориальной громаде",
]
# A hromada's name with the adjective of its type, and the noun dropped or kept: Миколаївська
# сільська, Покровської сільської громади, Буринській міській територіальній громаді.
_HROMADA += [
    " ".join(filter(None, (f"{stem}{ending}", middle, noun)))
    for stem in ("сільськ", "селищн", "міськ")
    for ending, territorial, nouns in (
        ("а", "територіальна", ("", "громада")),
        ("ої", "територіальної", ("громади",)),
        ("ій", "територіальній", ("громаді",)),
        ("у", "територіальну", ("громаду",)),
        ("ою", "територіальною", ("громадою",)),
        ("их", "територіальних", ("громадах",)),
    )
    for noun in nouns
    for middle in ("", territorial)
    if noun or not middle
]
# The same in Russian text, with the Ukrainian noun declined the Russian way or община:
# Гуляйпольской городской громады, Хотинской поселковой громаде, Марьинская городская община.
_HROMADA += [
    " ".join(filter(None, (f"{stem}{ending}", middle, noun)))
    for stem in ("сельск", "поселков", "городск")
    for ending, territorial, nouns in (
        ("ая", "территориальная", ("", "громада", "община")),
        ("ой", "территориальной", ("громады", "громаде", "громадой", "общины", "общине")),
        ("ую", "территориальную", ("громаду", "общину")),
        ("ие", "территориальные", ("громады", "общины")),
        ("их", "территориальных", ("громадах", "громад", "общинах", "общин")),
    )
    for noun in nouns
    for middle in ("", territorial)
    if noun or not middle
]
_FEDERAL_SUBJECT = [
    "край", "krai", "kray", "kraj", "kraĭ", "края", "крае", "краю", "краем", "краєм", "краї",
]  # fmt: skip
# Units named before the name, as German, Polish, the Romance languages and Romanian put them
# (Gebiet Charkiw, obwód doniecki, w obwodzie zaporoskim, région de Kharkiv, regione di
# Zaporižžja, la región de Járkov, regiunea Harkov) and as English headlines do (Oblast Odessa,
# Region Donezk). The name after them may be an adjective (doniecki), which the case forms read.
_OBLAST_BEFORE = [
    "oblast", "oblastʹ", "oblast'", "region", "the region of", "the oblast of", "gebiet",
    "oblast de", "oblast d'", "région de", "région d'", "la région de", "province de",
    "oblast di", "regione di", "la regione di", "provincia di", "la provincia di", "óblast de",
    "oblast de", "región de", "la región de", "provincia de", "la provincia de", "regiunea",
    "oblastul", "regiunii", "obwód", "obwodu", "obwodzie", "obwodem", "obwod", "oblasti",
    "oblasť", "obwodów", "obwodach", "provinz", "regije", "regiji", "regija", "regiju",
    "regionie", "regionu", "regionem", "região de", "a região de", "mkoa wa", "περιφέρεια",
    "regione del", "provincia del", "región del", "provincia", "região do", "província de",
    "oblastu", "oblasti",
    "περιφέρειας", "περιφέρεια του", "περιφέρειας του", "περιοχή", "περιοχή του", "περιοχής",
    "περιοχής του", "περιφέρειες", "περιφερειών",
    # with "in", "and", "to" written on to the word (بمقاطعة دونيتسك: in the province of Donetsk)
    *(f"{c}{noun}" for c in _ARABIC_CLITICS for noun in ("منطقة", "مقاطعة", "إقليم")),
    "provincie", "de provincie", "regio", "de regio",
    # das russische Grenzgebiet Belgorod, die Nachbarregion Brjansk
    "grenzgebiet", "grenzregion", "nachbarregion", "nachbargebiet",
]  # fmt: skip
_RAION_BEFORE = [
    "raion", "rayon", "rajon", "district of", "the district of", "rejon", "rejonie", "rejonu",
    "raionul", "district de", "distretto di", "bezirk", "kreis", "landkreis", "okres",
    "okresu", "okrese", "okrug", "okruga", "okrugu", "distrito de", "el distrito de",
    "raión de", "rayón de", "distrikt", "distriktet", "district d'", "le district d'",
]  # fmt: skip
# A hromada's noun written before the name of its centre (Gemeinde Krasnopillja, the community
# of Bilopillia, hromadzie Myropillia).
_HROMADA_BEFORE = [
    "gemeinde", "hromada", "hromady", "hromadzie", "gromada", "gromadzie", "community of",
    "the community of", "municipality of", "the municipality of", "communauté de", "comunità di",
    "comunità", "la comunità", "κοινότητα", "κοινότητας", "την κοινότητα", "η κοινότητα",
    "общината", "община", "gmina", "gminy", "gminie", "gminę", "gminą",
    # French news of Ukraine calls a hromada a commune (la commune rurale de Mykolaïvka)
    "commune de", "la commune de", "commune rurale de", "commune urbaine de",
    "commune territoriale de", "la commune rurale de", "la commune urbaine de",
    "comunidade de", "a comunidade de", "comunidad de", "la comunidad de", "comunitatea",
    "comunității", "comunităţii", "społeczność", "społeczności", "gemeente", "de gemeente",
]  # fmt: skip
# Polish "rejon" in the cases of "w rejonie X", "z rejonu X": before a town's name in the
# genitive, the area around the town; a raion is named by its masculine adjective.
_AREA_OF = frozenset({"rejonie", "rejonu"})
_MASCULINE_LATIN = re.compile(r"(?:sk|ck|dzk)(?:i|iego|iemu|im)$")
# Articles, and prepositions contracted with one, of the Latin-script languages: they may stand
# between a preposition and a unit word (in der Region Charkiw, nel distretto di Kupiansk) and
# may open a capitalised name (The Rybar), where a preposition does not.
ARTICLES = frozenset({
    "the", "der", "die", "das", "dem", "den", "des", "le", "la", "les", "el", "il", "lo", "nel",
    "nella", "della", "del", "dans", "au", "im",
})  # fmt: skip
# Prefixes that may stand before a name elided with d' (région d'Odessa); elsewhere a
# word-initial d' is a romanized дь (D'yakovo) and stays.
_ELIDING = frozenset({"région", "oblast", "province", "regione", "provincia", "district"})


def casefolded(words: Iterable[str]) -> frozenset[str]:
    """``words`` folded as clean() folds a word's letters (NFKC, case-folded: the Greek final ς as
    σ, ß as ss), the form that word lists are matched against: ``"της" in casefolded(["της"])``
    is False, ``"τησ"`` is in it."""
    return frozenset(_casefold(word) for word in words)


def _casefold(text: str) -> str:
    return unicodedata.normalize("NFKC", text.casefold())


def _descriptors(kinds: dict[KindHint, list[str]]) -> dict[tuple[str, ...], KindHint]:
    """The descriptors by their words, folded as clean() folds them (περιφέρειας: περιφέρειασ)."""
    return {
        tuple(_casefold(text).split(" ")): kind for kind, texts in kinds.items() for text in texts
    }


_PREFIXES = _descriptors(
    {
        "city": _CITY,
        "town": _TOWN,
        "village": _VILLAGE,
        "city_district": _CITY_DISTRICT,
        "oblast": _OBLAST_BEFORE,
        "raion": _RAION_BEFORE,
        "hromada": _HROMADA_BEFORE,
    }
)
_SUFFIXES = _descriptors(
    {
        "oblast": _OBLAST,
        "raion": _RAION,
        "hromada": _HROMADA,
        "federal_subject": _FEDERAL_SUBJECT,
        "city": ["city"],
    }
)
_UNITS = frozenset({"oblast", "raion", "hromada", "federal_subject"})
_LONGEST_DESCRIPTOR = max(map(len, (*_PREFIXES, *_SUFFIXES)))
# "м.Покровськ": an abbreviation glued to the name by its dot.
_GLUED_ABBREVIATION = re.compile(r"^(м|с|г|смт|пгт|пос|сел|п|д|дер|х|мкр)\.(?=[^\W\d_])")


@functools.lru_cache(maxsize=1 << 12)
def prefix_kind(text: str) -> KindHint | None:
    """The kind a descriptor written before a name announces, when ``text`` is one ("село",
    "м.", "the village of", "obwodzie", "région de"), else None."""
    return _PREFIXES.get(tuple(clean(text).split(" ")))


def unit_prefix_words() -> frozenset[str]:
    """The words that open a unit descriptor written before a name (obwodzie, région, Gebiet,
    rejon, comunità), articles and one-letter words apart: where a unit's name may start in
    running text. Not the English community and municipality, which a city has too."""
    return frozenset(
        words[0]
        for words, kind in _PREFIXES.items()
        if kind in ("oblast", "raion", "hromada")
        and len(words[0]) > 3
        and words[0] not in ("the", "community", "municipality")
    )


def long_descriptor_words() -> frozenset[str]:
    """The first words of the unit descriptors of several words written after a name (сільської
    in Покровської сільської громади, територіальна in ... територіальна громада)."""
    return frozenset(words[0] for words in _SUFFIXES if len(words) > 1)


# Adjectives that may stand between a unit word written before a name and the name's "de"
# (la región oriental ucraniana de Donetsk, regione orientale di Donetsk, região oriental de
# Donetsk): dropped before the descriptor is read.
_UNIT_ADJECTIVES = frozenset({
    "oriental", "orientale", "occidental", "occidentale", "meridional", "meridionale",
    "septentrional", "septentrionale", "ucraniana", "ucraina", "ucraino", "ucraniano",
    "ukrainienne", "ucrainiana", "ucraineană", "russa", "rusa", "russe", "rusă", "fronteriza",
    "frontaliera", "frontalière", "separatista", "separatiste", "industrial",
    "industriale", "del", "dell'est", "do", "leste", "este", "nordorientale", "nordoccidentale",
    "sudorientale", "sudoccidentale", "nordeste", "noroeste", "sudeste", "sudoeste",
    "ucranianos", "ucranianas", "clé", "clef", "chiave", "clave", "chave",
})  # fmt: skip
_UNIT_HEADS = frozenset({
    "región", "regione", "região", "région", "provincia", "província", "oblast", "óblast",
    "distrito", "distretto",
})  # fmt: skip


def split_descriptors(text: str) -> tuple[str, KindHint | None]:
    """Clean ``text`` and take off one leading and one trailing descriptor.

    Returns the core name and the kind the descriptors announce (the leading one wins), or
    ``None``: ``split_descriptors("м. Покровськ")`` is ``("покровськ", "city")``. A descriptor
    that is the whole name stays (the village Селище is not a bare "town"). A trailing
    qualifier naming a larger unit, "Покровськ (Донецька обл.)" or "Pokrovsk, Donetsk oblast",
    is context, not part of the name, and is dropped.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    # A query is split several times on its way (the resolver's steps, extract's checks).
    return _split_descriptors(text) if len(text) <= 256 else _split_descriptors.__wrapped__(text)


@functools.lru_cache(maxsize=1 << 14)
def _split_descriptors(text: str) -> tuple[str, KindHint | None]:
    cleaned = clean(_without_qualifier(text))
    if "." in cleaned:  # a template sub costs microseconds even where nothing matches
        cleaned = _GLUED_ABBREVIATION.sub(r"\1. ", cleaned)
    words = cleaned.split(" ")
    if len(words) > 3 and words[0] in _UNIT_HEADS and words[1] in _UNIT_ADJECTIVES:
        rest = 1
        while rest < len(words) - 1 and words[rest] in _UNIT_ADJECTIVES:
            rest += 1
        if words[rest] in ("de", "di", "do", "da"):
            words = [words[0], *words[rest:]]
    if "-" in words[-1]:
        # Donezk-Region, Kursk-Gebiet: a unit word joined to the name by a hyphen
        head, _, tail = words[-1].rpartition("-")
        if head and _SUFFIXES.get((tail,)) in _UNITS:
            words = [*words[:-1], head, tail]
    if len(words) == 2 and words[0] in _ELIDING and words[1].startswith("d'") and len(words[1]) > 2:
        words = [words[0], "d'", words[1][2:]]  # région d'odessa
    kind: KindHint | None = None
    for size in range(min(_LONGEST_DESCRIPTOR, len(words) - 1), 0, -1):
        hint = _SUFFIXES.get(tuple(words[-size:]))
        if hint is not None:
            kind, words = hint, words[:-size]
            if kind in _UNITS and len(words) > 1 and words[0] == "the":
                words = words[1:]  # the Kharkiv region
            break
    for size in range(min(_LONGEST_DESCRIPTOR, len(words) - 1), 0, -1):
        hint = _PREFIXES.get(tuple(words[:size]))
        if hint is not None:
            area = size == 1 and words[0] in _AREA_OF and not _MASCULINE_LATIN.search(words[-1])
            # w rejonie Pokrowska: in the area of Pokrovsk (a raion's name is an adjective,
            # masculine as rejon is: w rejonie pokrowskim)
            kind, words = (None if area else hint), words[size:]
            break
    return " ".join(words).strip(_EDGE_PUNCTUATION), kind


def _without_qualifier(text: str) -> str:
    """``text`` less a final "(... oblast)" or ", ... raion" naming the unit it lies in."""
    if not isinstance(text, str):
        return text  # clean() raises the TypeError
    stripped = text.rstrip()
    if stripped.endswith(")") and stripped.rfind("(") > 0:
        head, qualifier = stripped[: stripped.rfind("(")], stripped[stripped.rfind("(") + 1 : -1]
    elif "," in stripped:
        head, _, qualifier = stripped.rpartition(",")
    else:
        return text
    words = clean(qualifier).split(" ")
    for size in range(min(_LONGEST_DESCRIPTOR, len(words) - 1), 0, -1):
        if _SUFFIXES.get(tuple(words[-size:])) in _UNITS and clean(head):
            return head
    return text


# Unit descriptors a garbled one may be taken for: one word, at least four letters.
_REPAIRABLE = sorted(
    {
        words[0]
        for words in _SUFFIXES
        if len(words) == 1 and len(words[0]) >= 4 and "." not in words[0]
    }
)


def repair_descriptor(text: str) -> str | None:
    """``text`` with a misspelled trailing unit descriptor spelled right, or None if its last
    word is none: "Луцький райнон" -> "Луцький район", "Bryansk Oelast" -> "Bryansk oblast".

    A word is taken for a descriptor within one edit (a transposition counts as one) for
    descriptors of up to five letters, two beyond, and never when it is a descriptor already
    or the whole text. Meant as a fallback for text that matched nothing as written.
    """
    if len(text.split(maxsplit=1)) < 2:  # a cheap test first: one word, as nearly always
        return None
    words = clean(_without_qualifier(text)).split(" ")
    if len(words) < 2 or len(words[-1]) < 4 or (words[-1],) in _SUFFIXES:
        return None
    # Every descriptor within two edits in one call, then each held to its own limit; the
    # nearest wins, the first in _REPAIRABLE's order of those as near.
    near = [
        (d, i, descriptor)
        for descriptor, d, i in process.extract(
            words[-1], _REPAIRABLE, scorer=OSA.distance, score_cutoff=2, limit=None
        )
        if d <= (1 if len(descriptor) <= 5 else 2)
    ]
    return " ".join([*words[:-1], min(near)[2]]) if near else None


# A self-proclaimed "people's republic" named after its capital, in any language and case:
# Donieckiej Republice Ludowej, Repubblica Popolare di Donetsk, Jamhuri ya Watu wa Donetsk,
# Донецкой Народной Республики, Donetsk Halk Cumhuriyeti'nde (a case ending goes with its word),
# جمهورية دونيتسك الشعبية.
# Words that begin with one of these stems say "republic"; the other words dropped say "people's"
# or join the phrase.
_REPUBLIC_STEMS = (
    "republi", "respubli", "республі", "республи", "volksrepubli", "repubblic", "república",
    "republică", "cumhuriyet", "jamhuri", "δημοκρατ", "köztársaság", "népköztársaság",
    "tasavalta", "kansantasavalta", "republiek", "volksrepubliek", "جمهوري",
)  # fmt: skip
_REPUBLIC_FILLERS = casefolded({
    "people's", "peoples", "people", "popular", "populaire", "popolare", "populară", "ludowa",
    "ludowej", "ludową", "ludowe", "lidová", "lidové", "lidovou", "ľudová", "ľudovej", "ľudovú",
    "narodna", "narodne", "narodnoj", "narodnu", "народная", "народной", "народную", "народна",
    "народної", "народну", "народній", "народною", "народен", "народната", "halk", "watu", "ya",
    "wa", "of", "de", "di", "del", "della", "du", "la", "the", "der", "des", "die", "λαϊκή",
    "λαϊκής", "του", "της", "self-proclaimed", "so-called", "samozwańczej", "samozwańcza",
    "sogenannte", "sogenannten", "самопровозглашенной", "самопровозглашённой",
    "самопроголошеної", "народных", "народные", "народным", "народними", "народних", "народні",
    "الشعبية", "الشعبيه", "الشعبيتين",
})  # fmt: skip


def split_republic(text: str) -> str | None:
    """The name a "people's republic" phrase is named after, or None when ``text`` names no
    republic or nothing is left: ``split_republic("Repubblica Popolare di Donetsk") == "donetsk"``.
    The words of the phrase go, the name stays in the case the phrase put it in (donieckiej)."""
    words = clean(text).split(" ")
    if len(words) < 2 or not any(w.startswith(_REPUBLIC_STEMS) for w in words):
        return None
    kept = [
        w for w in words
        if not w.startswith(_REPUBLIC_STEMS) and w not in _REPUBLIC_FILLERS
    ]  # fmt: skip
    core = " ".join(kept).strip(_EDGE_PUNCTUATION)
    return core or None


# The endings of a Ukrainian or Russian feminine adjective in -ськ-/-цьк-/-зьк- (-ск-/-цк-), in
# the cases no noun in -ськ shares: Донецької, Херсонській, Луганською; Донецкая, Донецкой,
# Белгородскую (Покровська and Покровську are also the noun's genitive and locative). Oblasts
# and hromadas bear such names (область and громада are feminine); a settlement's one-word
# adjectival name is neuter or masculine (Донецьке, Приморський), so the ending tells which a
# bare adjective stands for. Russian -ской is also the stressed masculine nominative (Донской),
# which few places' one-word names take; the resolver asks only when no name matched exactly.
_FEMININE_ADJECTIVE = re.compile(r"\w(?:[сцз]ьк(?:ої|ій|ою)|[сц]к(?:ая|ой|ую|ою))")


def is_feminine_adjective(core: str) -> bool:
    """Whether ``core`` (cleaned) is one Cyrillic word with the ending of a feminine adjective in
    -ськ-/-цьк-/-зьк- (-ск-/-цк-), in any case: ``is_feminine_adjective("херсонській")``."""
    return _one_word_ending(core, _FEMININE_ADJECTIVE)


_FEMININE_ACCUSATIVE = re.compile(r"\w(?:[сцз]ьку|[сц]кую)")


def is_feminine_accusative(core: str) -> bool:
    """Whether ``core`` (cleaned) is one Cyrillic word ending as a feminine adjective's
    accusative (Краснопільську, Краснопольскую), which is also the locative and dative of a
    noun in -ськ (у Покровську): the caller tells which."""
    return _one_word_ending(core, _FEMININE_ACCUSATIVE)


def _one_word_ending(core: str, ending: re.Pattern[str]) -> bool:
    """Whether ``core`` is one word that ``ending`` matches at its end (it spans at most six
    letters)."""
    if " " in core:
        return False
    match = ending.search(core, max(0, len(core) - 6))
    return match is not None and match.end() == len(core)


# The masculine adjective that край (a masculine noun, "land") takes: Запорізький край, Запорожского
# края. Of Ukraine it names the oblast, whose own name is the feminine adjective (Запорізька
# область); of Russia it is a krai, a federal subject with a name of its own (Краснодарский край).
_MASCULINE_ADJECTIVE = re.compile(
    r"\w(?:(ськ|цьк|зьк)(?:ий|ого|ому|им|ім)|(ск|цк)(?:ий|ого|ому|им|ом))"
)


def oblast_adjective(core: str) -> str | None:
    """The feminine nominative of a one-word Ukrainian or Russian masculine adjective in
    -ськ-/-цьк-/-зьк- (-ск-/-цк-), in any case, or None: ``oblast_adjective("запорізького") ==
    "запорізька"``, ``oblast_adjective("запорожский") == "запорожская"``."""
    if " " in core:
        return None
    match = _MASCULINE_ADJECTIVE.search(core, max(0, len(core) - 7))
    if match is None or match.end() != len(core):
        return None
    stem = match.group(1) or match.group(2)
    cut = core.rindex(stem, match.start()) + len(stem)
    return core[:cut] + ("а" if match.group(1) else "ая")


# The endings of a Polish, Czech or Slovak adjective in -ski/-cki (-ský/-cký) in any gender and
# case: donieckiego, zaporoskim, chersońskiej, doněcké, luhanskej. Written in lower case and
# alone, such a word is a unit named by its adjective with the noun left out, as lists do
# (obwodów donieckiego, chersońskiego i zaporoskiego; Doněcké a Luhanské oblasti); a place's
# own name would be capitalised.
_LATIN_UNIT_ADJECTIVE = re.compile(
    # a compound's first half may come before a hyphen (iwano-frankowski, dnipro-pietrowski)
    r"(?:[a-ząćęłńóśźżčěřšýáéíůúž]{3,}-)?[a-ząćęłńóśźżčěřšýáéíůúž]{3,}(?:sk|ck|dzk)"
    r"(?:i|a|ie|iego|iemu|im|ich|imi|iej|ą|ý|á|é|ého|ému|ém|ým|ou|ých|ými|ej|om)"
)


def is_latin_unit_adjective(text: str) -> bool:
    """Whether ``text`` is one lower-case Latin word with the ending of a Polish, Czech or Slovak
    adjective in -ski/-cki (-ský/-cký): ``is_latin_unit_adjective("zaporoskiego")``. A
    capitalised word is not one: Doniecki may be the town Донецький."""
    return _LATIN_UNIT_ADJECTIVE.fullmatch(text) is not None
