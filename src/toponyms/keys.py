"""The transliteration-invariant key: Харків, Kharkiv, Charkiw and Харьков all give ``xarkiv``,
a coarse phonetic skeleton (docs/keys.md: design, coverage, known collisions).

A blocking key for candidates, not a verdict; it does not strip descriptors (split_descriptors).
"""

from __future__ import annotations

import functools
import operator
import re
from typing import NamedTuple

from anyascii import anyascii

from toponyms.text.normalize import clean

__all__ = [
    "abjad_readings", "foreign_respellings", "greek_readings", "has_greek", "hungarian_respelling",
    "key", "translated_readings",
]  # fmt: skip

# The skeleton alphabet: single letters that read as themselves and form no digraph together
# ("x", not "h", so that с+х never reads back as "sh"), so that key(key(x)) == key(x).
# Vowels fall into three classes: "a", "u", and "i" for all the rest
# (e, i, y, j, o), which is what lets Харків meet Харьков (і/о) and Avdiivka meet Avdeyevka.
_A, _U, _I = "a", "u", "i"
_H = "x"  # г ґ х ч: h, g, kh, x, and ch, which is ч in English but х in German and Polish
_HUSH = "q"  # ж ш: zh, sh, sch, ż, sz, ž, š
_S = "s"  # з с ц: German writes з as s and ц as z, so the three meet
# After these, Polish spelling drops the i of я and ю (la, ca, ża, cza, not lia, cia, żia).
_HARDENED = frozenset({"l", _S, _HUSH, _H})

# Cyrillic, letter by letter: Ukrainian, Russian, and the Belarusian ў.
_CYRILLIC: dict[str, tuple[str, ...]] = {
    "а": (_A,), "б": ("b",), "в": ("v",), "г": (_H,), "ґ": (_H,), "д": ("d",), "е": (_I,),
    "є": (_I,), "ё": (_I,), "ж": (_HUSH,), "з": (_S,), "и": (_I,), "і": (_I,), "ї": (_I,),
    "й": (_I,), "к": ("k",), "л": ("l",), "м": ("m",), "н": ("n",), "о": (_I,), "п": ("p",),
    "р": ("r",), "с": (_S,), "т": ("t",), "у": (_U,), "ў": ("v",), "ф": ("f",), "х": (_H,),
    "ц": (_S,), "ч": (_H,), "ш": (_HUSH,), "щ": (_HUSH, _H), "ъ": (), "ы": (_I,), "ь": (),
    "э": (_I,), "ю": (_I, _U), "я": (_I, _A), "'": (),
    # KMU 2010 writes зг as zgh, but BGN/PCGN, the scientific system and German and Polish
    # spellings write zh, sh, zh: so зг and сг read as ж, and кг (kh) as х, on both sides.
    "зг": (_HUSH,), "сг": (_HUSH,), "кг": (_H,),
}  # fmt: skip

# Latin graphemes; the longest match wins.
_LATIN: dict[str, tuple[str, ...]] = {
    "schtsch": (_HUSH, _H), "shch": (_HUSH, _H), "szcz": (_HUSH, _H), "shh": (_HUSH, _H),
    "tsch": (_H,), "zgh": (_HUSH,), "zh": (_HUSH,), "sh": (_HUSH,), "sz": (_HUSH,),
    "zg": (_HUSH,), "sg": (_HUSH,), "kh": (_H,), "kg": (_H,), "gh": (_H,), "ch": (_H,),
    "ts": (_S,), "tz": (_S,),
    # Finnish and Estonian write ч as tš or tsh (Tšasiv Jar, Tshasiv Jar); тщ stays (Tshchenets).
    "tsh": (_H,), "tš": (_H,), "tshch": ("t", _HUSH, _H),
    "a": (_A,), "b": ("b",), "c": (_S,), "d": ("d",), "e": (_I,), "f": ("f",), "g": (_H,),
    "h": (_H,), "i": (_I,), "j": (_I,), "k": ("k",), "l": ("l",), "m": ("m",), "n": ("n",),
    "o": (_I,), "p": ("p",), "q": (_HUSH,), "r": ("r",), "s": (_S,), "t": ("t",), "u": (_U,),
    "v": ("v",), "w": ("v",), "x": (_H,), "y": (_I,), "z": (_S,),
    # Letters whose ASCII fold would lose what they stand for: č ч, š ž ж/ш, ŝ щ (ISO 9),
    # â я and û ю (ISO 9), ł l.
    "č": (_H,), "š": (_HUSH,), "ž": (_HUSH,), "ż": (_HUSH,), "ŝ": (_HUSH, _H), "šč": (_HUSH, _H),
    "â": (_I, _A), "û": (_I, _U), "ł": ("l",), "ß": (_S,), "'": (),
    # Czech and Slovak soften a consonant with a caron: ť ть, and before a vowel where Ukrainian
    # softens the vowel, ťa тя, ťu тю (Kosťantynivka, Ďakove; Rjazaň, Rjazaňské: Рязань).
    "ť": ("t",), "ď": ("d",), "ň": ("n",),
    "ťa": ("t", _I, _A), "ďa": ("d", _I, _A), "ňa": ("n", _I, _A),
    "ťu": ("t", _I, _U), "ďu": ("d", _I, _U), "ňu": ("n", _I, _U),
}  # fmt: skip
# Two graphemes are read by the word's spelling habit (below), and so is x: German alone
# writes кс as x (Alexandrow); elsewhere x is х (scientific Xarkiv, GOST 7.79 B).
_GERMAN_POLISH: dict[str, tuple[str, ...]] = {
    "sch": (_HUSH,),  # German ш and ж (Schytomyr)
    "cz": (_H,),  # Polish ч (Czernihów)
}
_ENGLISH: dict[str, tuple[str, ...]] = {
    "sch": (_S, _H),  # с+ч (Peschanoye, Schastye)
    "cz": (_S,),  # GOST 7.79 B writes ц as cz before hard vowels and consonants (Doneczk)
}
_GERMAN_X = ("k", _S)

_GRAPHEMES = sorted({*_CYRILLIC, *_LATIN, *_GERMAN_POLISH}, key=len, reverse=True)
_TOKEN = re.compile("|".join(map(re.escape, _GRAPHEMES)) + "|.", re.DOTALL)
# A name's spelling habit, from letters only one side writes. German and Polish: w, sz, tsch
# and their diacritics. English-like (national systems, BGN/PCGN, news, ISO 9, scientific,
# GOST B): v, kh, zh, sh, y before a vowel (Ye-, -yi-), e after a vowel (Russian -oe, where
# German and Polish write -oje), x, č, š, ž, and a kept apostrophe.
# A name that shows neither is read the German-Polish way: ш (sch) is far commoner than с+ч,
# and Polish cz (ч) than GOST B's cz (ц), which only that rarely used system writes.
_GERMAN_POLISH_MARKS = re.compile("w|sz|tsch|[äöüßłżóśćńźęą]")
_GERMAN_MARKS = re.compile("w|sch|[äöüß]")
_POLISH_MARKS = re.compile("w|sz|[łżóśćńźęą]")
_ENGLISH_MARKS = re.compile("v|kh|zh|sh|y[aeiouy]|[aoue]e|x|'|[čšž]")
_WORD = re.compile(r"(?:[^\W_]|[\u0300-\u036f])+(?:'(?:[^\W_]|[\u0300-\u036f])+)*")


class _Habit(NamedTuple):
    """The spelling habit a name's Latin letters show (all False for Cyrillic)."""

    english: bool  # English-like: sch is с+ч, cz is GOST B's ц
    german: bool  # German marks: x is кс
    polish: bool  # Polish marks: even a final cz is ч

    @classmethod
    def of(cls, text: str) -> _Habit:
        # x beside sch is German кс beside ш (Olexandro-Schultyne): the systems that write х
        # as x write ш as sh or š.
        german_polish = _GERMAN_POLISH_MARKS.search(text) is not None or (
            "x" in text and "sch" in text
        )
        return cls(
            english=not german_polish and _ENGLISH_MARKS.search(text) is not None,
            german=_GERMAN_MARKS.search(text) is not None,
            polish=_POLISH_MARKS.search(text) is not None,
        )


def _symbols(word: str, habit: _Habit) -> list[str]:
    """Read one cleaned word into skeleton symbols, token by token."""
    table = _TABLES[(habit.english, habit.german and not habit.english)]
    tokens = _TOKEN.findall(word)
    symbols = [table.get(token) or _other(token, habit) for token in tokens]
    if tokens[-1:] == ["cz"] and not habit.english and not habit.polish:
        # A final cz is GOST B's ц (Donecz, Kremenecz) unless the name is plainly Polish:
        # Ukrainian and Russian names end in -ець, -ец far more often than in -ич.
        symbols[-1] = "".join(_ENGLISH["cz"])
    return symbols


def _word_key(word: str, habit: _Habit) -> str:
    """One cleaned word's symbols as a string: what _symbols reads, by two table passes (the
    graphemes of several letters, then single letters) where the word has only letters the
    tables hold."""
    english, german_x = habit.english, habit.german and not habit.english
    final_cz = (
        word.endswith("cz") and not word.endswith("szcz") and not english and not habit.polish
    )
    body = word[:-2] if final_cz else word
    multi = _MULTI_EN if english else _MULTI_GP
    read = _MULTI.sub(lambda m: multi[m.group()], body).translate(_SINGLE[german_x])
    if _NOT_SYMBOL.search(read):  # a digit of another script, a mark, a letter no table holds
        return "".join(_symbols(word, habit)).replace(_NOTHING, "")
    return read + "".join(_ENGLISH["cz"]) if final_cz else read


def _make_table(english: bool, german_x: bool) -> dict[str, str]:
    table = {token: "".join(symbols) for token, symbols in _LATIN.items()}
    table.update((token, "".join(symbols)) for token, symbols in _CYRILLIC.items())
    ambiguous = _ENGLISH if english else _GERMAN_POLISH
    table.update((token, "".join(symbols)) for token, symbols in ambiguous.items())
    if german_x:
        table["x"] = "".join(_GERMAN_X)
    # Graphemes that read as nothing map to a marker the reader drops: "" would send them to
    # _other, which handles what no table holds.
    return {token: symbols or _NOTHING for token, symbols in table.items()}


_NOTHING = "\0"  # never in a cleaned word
_TABLES = {(e, g): _make_table(e, g) for e in (False, True) for g in (False, True)}
# The fast reading: graphemes of several letters become upper-case symbols (a cleaned word is
# lower case), which the single-letter pass then lowers along with reading the rest.
_MULTI = re.compile("|".join(re.escape(g) for g in _GRAPHEMES if len(g) > 1))
_MULTI_EN, _MULTI_GP = (
    {g: s.upper() for g, s in _TABLES[(e, False)].items() if len(g) > 1 and s != _NOTHING}
    | {g: "" for g, s in _TABLES[(e, False)].items() if len(g) > 1 and s == _NOTHING}
    for e in (True, False)
)
_SINGLE = {
    g: str.maketrans(
        {t: ("" if s == _NOTHING else s) for t, s in _TABLES[(False, g)].items() if len(t) == 1}
        | {c.upper(): c for c in "abcdefghijklmnopqrstuvwxyz"}
    )
    for g in (False, True)
}
_NOT_SYMBOL = re.compile("[^a-z0-9]")
_NO_HABIT = _Habit(english=False, german=False, polish=False)
_SINGLE_PLAIN = {**_SINGLE[False], ord(" "): "", ord("-"): ""}


def _read_multi(match: re.Match[str]) -> str:
    return _MULTI_GP[match.group()]


# Text whose every letter the single-letter tables read, whatever the habit: anything else
# (a digit, another script, a letter with a mark) goes through _Habit.of.
_PLAIN_LETTERS = sorted(g for g in _TABLES[(False, False)] if len(g) == 1 and g != "x")
_NOT_PLAIN = re.compile("[^ '\\-" + "".join(_PLAIN_LETTERS) + "]")


@functools.lru_cache(maxsize=4096)
def _other(token: str, habit: _Habit) -> str:
    """The symbols of a token no table holds: digits (ASCII digits for any script's), other
    letters (ë, ó, g̀ after folding, Greek, Georgian ...: romanized with anyascii and read as
    Latin), and marks and symbols, which carry nothing."""
    if token.isdigit():
        return anyascii(token)
    if token.isalpha():
        folded = anyascii(token).lower()
        if folded != token:
            return "".join(_symbols(folded, habit)) if folded else ""
    return ""


def key(text: str) -> str:
    """The transliteration-invariant key of a name: ``key("Харків") == key("Charkiw")``.

    Lower-case ASCII letters and digits, no spaces; ``""`` when the text has no letter or
    digit. The text is cleaned first, so case, apostrophes, quotes and look-alike letters do
    not matter, and ``key(key(x)) == key(x)``.
    """
    cleaned = clean(text)
    if _CYRILLIC_WORDS.fullmatch(cleaned):
        # Cyrillic words (most names, case forms, queries): no habit to read, one table pass
        # after the three letter pairs that read as one (зг, сг, кг). Pairs never overlap:
        # each ends in г, which begins none.
        raw = (
            cleaned.replace("зг", "ж")
            .replace("сг", "ж")
            .replace("кг", "х")
            .translate(_CYRILLIC_PASS)
        )
    elif "x" in cleaned or "cz" in cleaned or "sch" in cleaned or _NOT_PLAIN.search(cleaned):
        # The habit of the whole name (Belaya Krinicza is GOST B throughout) matters to sch,
        # cz and x, and to what _symbols reads letter by letter.
        habit = _Habit.of(cleaned)
        raw = "".join([_word_key(word, habit) for word in _WORD.findall(cleaned)])
    else:
        # Letters every habit reads alike: the whole text in two passes, as _word_key reads a
        # word (no grapheme spans a space, hyphen or apostrophe).
        raw = _MULTI.sub(_read_multi, cleaned).translate(_SINGLE_PLAIN)
    if not _REWRITES.search(raw):
        # Collapse repeated letters (жж, ss, the vowels of -iia and -ейе-): spellings disagree
        # most there. Digits stay as they are (Миколаївка 11).
        return _REPEATS.sub(_FIRST_OF_RUN, raw)
    out: list[str] = []
    for symbol in raw:
        if symbol == _S and out and out[-1] == "t":
            out.pop()  # т+с is written ts, which reads back as ц (Bakhmutska)
        elif symbol in (_A, _U) and len(out) > 1 and out[-1] == _I and out[-2] in _HARDENED:
            out.pop()  # Polish writes ля, ця, жя, чя as la, ca, ża, cza: the consonant says it
        if not out or out[-1] != symbol or symbol.isdigit():
            out.append(symbol)
    return "".join(out)


_REPEATS = re.compile(r"([^\d])\1+")
# A run's letter, read in C: a template (r"\1") costs a call into the re module's Python code at
# every sub, match or not.
_FIRST_OF_RUN = operator.methodcaller("group", 1)
_CYRILLIC_WORDS = re.compile("[а-яёіїєґ]+(?:['\\- ][а-яёіїєґ]+)*")
# Every Cyrillic letter the table reads, to its symbols; apostrophes, hyphens and spaces to none.
_CYRILLIC_PASS = str.maketrans(
    {c: "".join(symbols) for c, symbols in _CYRILLIC.items() if len(c) == 1}
    | {"'": "", "-": "", " ": ""}
)
# Where the symbols need more than collapsing: т before с (or a run of т), and a hardened
# consonant before a run of i and a or u.
_REWRITES = re.compile(f"t+{_S}|[{''.join(sorted(_HARDENED))}]+{_I}+[{_A}{_U}]")


# Dutch and French spellings of Slavic names, which GeoNames collects from those Wikipedias:
# Tsjoegoejev (Чугуїв), Sjtsjolkovo (Щёлково), Ouglitch (Углич), Tchop (Чоп). Their graphemes
# clash with the schemes the key serves (German and the scientific system write сє as sje, every
# scheme writes оу as ou and тч as tch), so they are not read by key() itself: a query showing
# them is respelled into the letters key() reads (č, š, ž, u) and looked up a second time.
_DUTCH_RESPELL = (("sjtsj", "šč"), ("tsj", "č"), ("sj", "š"), ("zj", "ž"), ("oe", "u"))
_FRENCH_RESPELL = (("chtch", "šč"), ("tch", "č"), ("ch", "š"), ("ou", "u"))


# Romanian and Turkish spellings (GeoNames has them for Bukovina and Bessarabia: Rucşin, Voloșcova,
# Hmelniţki; Goşça), shown by their letters: ș ț ă î (Romanian), ç ı ğ (Turkish), ş (either;
# Romanian unless a Turkish letter shows). Romanian c is k, except before e and i, where it is ч,
# and ch before e and i is k; ț is ц (read after c, as it becomes c), ș is ш, j is ж, î is и.
# Turkish ç is ч, c is дж, ş is ш, ı is ы.
_ROMANIAN_MARKS = re.compile("[șşțţăî]")
_TURKISH_MARKS = re.compile("[çığ]")
_ROMANIAN_RESPELL = (
    ("chi", "ki"), ("che", "ke"), ("ce", "če"), ("ci", "či"), ("c", "k"), ("ț", "c"), ("ţ", "c"),
    ("ș", "š"), ("ş", "š"), ("j", "ž"), ("î", "y"), ("ă", "e"),
)  # fmt: skip
_TURKISH_RESPELL = (("ç", "č"), ("c", "dž"), ("ş", "š"), ("ı", "y"), ("ğ", ""), ("j", "ž"))


# The descriptive words of names (Велика, Мала, Нова, Стара, Верхня, Нижня, Червона, Козача)
# as English, German, Polish, Czech, Slovak, the Romance languages and colloquial Russian (Большая
# for the official Великая) translate them (Great
# Novosilka, Klein Pisky, Nowa Kachowka, Cossack Lopan), each read back as the Ukrainian
# adjective in its three genders, since the translation drops the gender the name has.
_TRANSLATED_WORDS: dict[str, tuple[str, ...]] = {}
for _ukrainian, _words in (
    (
        ("velyka", "velykyi", "velyke"),
        "great greater big grand grande groß gross große grosse "
        "großer grosser wielka wielki wielkie velká velký velké veľká veľký veľké mare",
    ),
    (
        ("mala", "malyi", "male"),
        "little lesser small klein kleine kleiner mała mały małe malá "
        "malý malé petite petit piccola mică mic",
    ),
    (
        ("nova", "novyi", "nove"),
        "new neu neue neuer nowa nowy nowe nová nový nové nouvelle "
        "nouveau nueva nuevo nuova nuovo nouă",
    ),
    (
        ("stara", "staryi", "stare"),
        "old alt alte alter stara stary stare stará starý staré "
        "vieille vieux vieja viejo vecchia vecchio veche",
    ),
    (("verkhnia", "verkhnii", "verkhnie"), "upper ober obere oberer górna górny górne horní horná"),
    (("nyzhnia", "nyzhnii", "nyzhnie"), "lower unter untere unterer dolna dolny dolne dolní dolná"),
    (
        ("chervona", "chervonyi", "chervone"),
        "red rot rote roter czerwona czerwony czerwone červená červený rouge roja rojo rossa rosso",
    ),
    (
        ("kozacha", "kozachyi", "kozache"),
        "cossack cossacks kosaken kosakische kozacka kozacki "
        "kozackie kozácká kozácký cosaque cosaca cosacca",
    ),
):
    for _word in _words.split():
        _TRANSLATED_WORDS[_word] = _ukrainian
# Russian text read back as the official Russian name (KOATUU's Великая Александровка).
for _word in ("большая", "большой", "большое", "большую", "большей"):
    _TRANSLATED_WORDS[_word] = ("великая", "великий", "великое")
# ... and Ukrainian Довга, which the official Russian names of 2019 keep (Довга Балка; Russian text
# writes Долгая Балка).
for _word in ("долгая", "долгий", "долгое", "долгую", "долгой"):
    _TRANSLATED_WORDS[_word] = ("довга", "довгий", "довге")
_MAX_TRANSLATED_READINGS = 9


# Russian text translates the names of the compass points and the sun where Ukrainian ones carry
# them (Южное for Південне, Северное for Північне, Солнечное for Сонячне): the Russian stem
# read as the Ukrainian one, in the neuter adjective's cases (a feminine Южная, Восточная is
# rather a group of forces' name, a masculine Северный a channel's or a district's).
_TRANSLATED_STEMS = {
    "южн": "південн", "северн": "північн", "западн": "західн", "восточн": "східн",
    "солнечн": "сонячн",
}  # fmt: skip
_TRANSLATED_STEM = re.compile(r"^(" + "|".join(_TRANSLATED_STEMS) + r")(ое|ого|ому|ом)$")


# The ordinals that number villages of one name (Желанное Первое, Бажане Друге, Лиман Перший), in
# Russian and Ukrainian, which text may put before the name.
_ORDINALS = frozenset({
    "первое", "первый", "первая", "второе", "второй", "вторая", "третье", "третий", "третья",
    "четвертое", "четвертый", "перше", "перший", "перша", "друге", "другий", "друга", "третє",
    "третій", "третя", "четверте", "четвертий",
})  # fmt: skip


# Russian names Ukrainian Катерина Екатерина: Russian text writes Екатериновка for the dozens of
# Катеринівка, whose official Russian name is Катериновка.
_RUSSIAN_PREFIXES = {"екатерин": "катерин"}


def translated_stem(word: str) -> str | None:
    """One cleaned Russian word whose stem Ukrainian translates, with the Ukrainian stem and its
    own ending: ``translated_stem("южном") == "південном"``, which key() reads as the key of
    Південне's case form, and ``translated_stem("екатериновка") == "катериновка"``; else
    None."""
    for prefix, ukrainian in _RUSSIAN_PREFIXES.items():
        if word.startswith(prefix):
            return ukrainian + word[len(prefix) :]
    match = _TRANSLATED_STEM.match(word)
    if match is None:
        return None
    return _TRANSLATED_STEMS[match.group(1)] + match.group(2)


def translated_readings(text: str) -> list[str]:
    """``text`` with its translated descriptive words read back as Ukrainian adjectives, as the
    letters key() reads: ``translated_readings("Cossack Lopan")[0] == "kozacha lopan"``. Empty
    when no word of ``text`` is one (one-word text is a name, not a description of one, unless
    Russian translated its stem: Южное). Two words of which one is an ordinal are read in the
    other order too (Второе Желанное: Желанное Второе)."""
    words = clean(text).split(" ")
    if len(words) == 1:
        stem = translated_stem(words[0])
        return [] if stem is None else [stem]
    if len(words) == 2 and (words[0] in _ORDINALS) != (words[1] in _ORDINALS):
        # Второе Желанное for Желанное Второе: an ordinal put before the name it numbers
        return [f"{words[1]} {words[0]}"]
    if not any(w in _TRANSLATED_WORDS for w in words):
        return []
    readings = [""]
    for word in words:
        choices = _TRANSLATED_WORDS.get(word, (word,))
        readings = [f"{r} {c}".strip() for r in readings for c in choices]
        if len(readings) > _MAX_TRANSLATED_READINGS:
            return readings[:_MAX_TRANSLATED_READINGS]
    return readings


# Greek spells the sounds of Slavic names with digraphs (ου u, ντ d, μπ b, γκ g, τσ ts, τζ dz) and
# gives a foreign name a Greek ending (Χάρκοβο, Μαριούπολη, Χερσώνα, Κίεβο): read the digraphs,
# then the name with and without its last vowel. Sources: ELOT 743 (Greek to Latin), and Greek
# press usage for the names of Ukrainian cities.
_GREEK = re.compile("[\u0370-\u03ff\u1f00-\u1fff]")
_GREEK_DIGRAPHS = (
    ("ου", "u"), ("ού", "u"), ("γγ", "ng"), ("ντσ", "\5"), ("τσ", "\1"), ("τζ", "dz"), ("αι", "e"),
    ("ει", "i"), ("οι", "i"),
)  # fmt: skip
# ντ, μπ, γκ open a word as d, b, g (Ντονέτσκ); inside one they also write the nasal and its
# stop (Κιντρασίβκα: Kindrashivka, Κονστιαντίνιβκα: Kostiantynivka, Γιαμπίλ: Yampil).
_GREEK_NASAL_STOPS = (("ντ", "d", "\2"), ("μπ", "b", "\3"), ("γκ", "g", "\4"))

# γι before a vowel is the glide j (Τιχόγιε: Тихое, Οτράντνογιε: Отрадное, Γιουβιλέινι: Ювілейне),
# ου and αι already read as u and e.
_GREEK_GLIDE = re.compile("γι(?=[αεηιουωάέήίόύώue])")
# The letters by which Greek writes two Slavic sounds each: φ f and в (Ποκρόφσκ, Ντνιεπροπετρόφσκ),
# σ s and ш (Ζατίσια: Затишшя), ζ z and ж, τσ ts and ч, χ х and Ukrainian г (Τσερνίχιβ:
# Чернігів); χ is never ч, which anyascii's "ch" would read.
_GREEK_CHOICES: dict[str, tuple[str, ...]] = {
    "φ": ("f", "v"), "σ": ("s", "sh"), "ς": ("s", "sh"), "ζ": ("z", "zh"), "\1": ("ts", "ch"),
    "χ": ("kh", "h"), "\2": ("d", "nd", "nt"), "\3": ("b", "mp", "mb"), "\4": ("g", "nk", "ng"),
    # ντσ: нц, нч, or дч, whose д Greek writes ντ and whose ч τσ (Ντουντσάνι: Дудчани)
    "\5": ("nts", "nch", "dch"),
}  # fmt: skip
_MAX_GREEK_READINGS = 16
# The genitive endings Greek gives a foreign name (-ου of -ο and -ος, -ας of -α, -ης of -η), as
# read above, and the nominative ending each stands for.
_GREEK_GENITIVE = re.compile("(?:u|as|is)$")
_GREEK_GENITIVE_OF = {"u": "o", "as": "a", "is": "i"}


def has_greek(text: str) -> bool:
    """Whether ``text`` has a Greek letter."""
    return _GREEK.search(text) is not None


def greek_readings(text: str) -> list[str]:
    """A Greek-script name read as Latin letters key() reads, with and without its Greek ending,
    each letter that writes two Slavic sounds read both ways (at most 16 readings):
    ``greek_readings("Χάρκοβο")[:2] == ["kharkovo", "kharkov"]``. Empty for other scripts."""
    cleaned = clean(text)
    if not has_greek(cleaned):
        return []
    for greek, latin in _GREEK_DIGRAPHS:
        cleaned = cleaned.replace(greek, latin)
    for greek, first, inside in _GREEK_NASAL_STOPS:
        cleaned = re.sub(f"(?<![^\\W\\d_]){greek}", first, cleaned).replace(greek, inside)
    cleaned = _GREEK_GLIDE.sub("j", cleaned)
    readings = [""]
    for ch in cleaned:
        choices = _GREEK_CHOICES.get(ch) or (anyascii(ch).lower(),)
        readings = [r + c for r in readings for c in choices][:_MAX_GREEK_READINGS]
    out: list[str] = []
    for latin in readings:
        out.append(latin)
        *head, last = latin.split(" ")
        # the genitive (του Χαρκόβου, της Χερσώνας, της Μαριούπολης): its nominative, or no ending
        genitive = _GREEK_GENITIVE.search(last) if len(last) > 5 else None
        if genitive is not None:
            last = last[: genitive.start()] + _GREEK_GENITIVE_OF[genitive.group()]
            out.append(" ".join([*head, last]))
        if len(last) > 4 and last[-1] in "aeio":
            out.append(" ".join([*head, last[:-1]]))
    return list(dict.fromkeys(out))


# Arabic and Hebrew write a foreign name's consonants and long vowels only, and one letter for
# several Slavic sounds: و ו for o, u and v; ب for b and p, ف for f and v; ش for ш, щ and ч, which
# Arabic lacks (ديرهاشي: Derhachi; also تش); Hebrew ב for b and v,
# פ for p and f. Each such letter is read every way (a bounded number of readings), the others
# by one table; the key, which reads e, i, o and y alike, does the rest (بوكروفسك: Pokrovsk,
# كوستيانتينيفكا: Kostiantynivka). Sources: the Arabic and Hebrew press spellings of Ukrainian
# place names, and the usual romanization of both alphabets.
_ABJAD: dict[str, tuple[str, ...]] = {
    # Arabic (and the Persian letters Arabic writers borrow for p, ch, v, g)
    "ا": ("a",), "أ": ("a",), "إ": ("i",), "آ": ("a",), "ء": ("",), "ئ": ("i",), "ؤ": ("u",),
    "ب": ("b", "p"), "ت": ("t",), "ث": ("s",), "ج": ("zh", "g"), "ح": ("h",), "خ": ("kh",),
    "د": ("d",), "ذ": ("z",), "ر": ("r",), "ز": ("z",), "س": ("s",), "ش": ("sh", "shch", "ch"),
    "ص": ("s",),
    "ض": ("d",), "ط": ("t",), "ظ": ("z",), "ع": ("",), "غ": ("h", "g"), "ف": ("f", "v"),
    "ق": ("k",), "ك": ("k",), "ل": ("l",), "م": ("m",), "ن": ("n",), "ه": ("h",), "ة": ("a",),
    "و": ("o", "u", "v"), "ي": ("i",), "ى": ("a",), "پ": ("p",), "چ": ("ch",), "ڤ": ("v",),
    "گ": ("g",),
    # Hebrew (final forms included)
    "א": ("a",), "ב": ("b", "v"), "ג": ("g", "h"), "ד": ("d",), "ה": ("h",), "ו": ("o", "u", "v"),
    "ז": ("z",), "ח": ("kh",), "ט": ("t",), "י": ("i",), "כ": ("k", "kh"), "ך": ("kh", "k"),
    "ל": ("l",), "מ": ("m",), "ם": ("m",), "נ": ("n",), "ן": ("n",), "ס": ("s",), "ע": ("",),
    "פ": ("p", "f"), "ף": ("f",), "צ": ("ts",), "ץ": ("ts",), "ק": ("k",), "ר": ("r",),
    "ש": ("sh", "s"), "ת": ("t",), "׳": ("",), "'": ("",),
}  # fmt: skip
_ABJAD_LETTERS = re.compile("[֐-׿؀-ۿ]")
_ABJAD_INITIAL = re.compile("(?<![؀-ۿ])[اأإ](?=[وي])")
# A word's last ه writes the vowel e as often as h (دوفينكه: Довгеньке, فورونويه: Вороное).
_ABJAD_FINAL_HE = re.compile("ه(?![؀-ۿ])")
_ABJAD_FINAL = {"\1": ("e", "h")}
_MAX_ABJAD_READINGS = 48


def abjad_readings(text: str) -> list[str]:
    """An Arabic- or Hebrew-script name read as Latin letters key() reads, each ambiguous letter
    every way, at most 48 readings: ``"pokrovsk" in abjad_readings("بوكروفسك")``. Empty for
    other scripts."""
    cleaned = clean(text)
    if not _ABJAD_LETTERS.search(cleaned):
        return []
    # A word's first vowel is written on an alif, then و or ي (أوليكساندروهراد: Oleksandrohrad).
    cleaned = _ABJAD_FINAL_HE.sub("\1", _ABJAD_INITIAL.sub("", cleaned))
    readings = [""]
    for ch in cleaned:
        choices = (
            _ABJAD.get(ch)
            or _ABJAD_FINAL.get(ch)
            or ((ch,) if not _ABJAD_LETTERS.match(ch) else ("",))
        )
        readings = [r + c for r in readings for c in choices][: _MAX_ABJAD_READINGS * 3]
    return list(dict.fromkeys(r.strip() for r in readings if r.strip()))[:_MAX_ABJAD_READINGS]


# Hungarian spelling (Kupjanszk, Csuhujiv, Zaporizzsja): sz is s, s is ш, cs is ч, zs is ж, gy
# and ny soften, as Hungarian writes them; read where its digraphs show and Polish marks do not.
# (sz is parked on NUL, which clean() never leaves in a text, while s becomes š.)
_HUNGARIAN_MARKS = re.compile("cs|zs|sz|gy|ny|[áéíóöőúüű]")
_HUNGARIAN_NOT = re.compile("cz|rz|w|[łżśćńźęą]")
_HUNGARIAN_RESPELL = (
    ("ccs", "čč"), ("cs", "č"), ("zs", "ž"), ("sz", "\0"), ("s", "š"), ("\0", "s"),
    ("gy", "dj"), ("ny", "nj"), ("ly", "j"), ("á", "a"), ("é", "e"), ("ő", "ö"), ("ű", "ü"),
)  # fmt: skip


def hungarian_respelling(text: str) -> str | None:
    """``text`` (cleaned) read as Hungarian spelling, or None where it shows no Hungarian
    digraph or shows Polish marks: ``hungarian_respelling("kupjanszk") == "kupjansk"``."""
    if _HUNGARIAN_MARKS.search(text) and not _HUNGARIAN_NOT.search(text):
        return _respell(text, _HUNGARIAN_RESPELL)
    return None


def foreign_respellings(text: str) -> list[str]:
    """``text`` read as Dutch, French, Romanian, Turkish, Hungarian or Spanish spelling, where it
    shows their marks (tsj, or sj/zj without German or Polish marks; ou or tch; ș ț ă î; ç ı ğ;
    sz, cs, zs without Polish marks; j before a consonant), as the letters key() reads; with
    translated descriptive words read back (translated_readings); and Greek, Arabic and Hebrew
    script read as Latin letters. Each differs from ``text``.
    ``foreign_respellings("Ouglitch") == ["uglič"]``."""
    cleaned = clean(text)
    out = translated_readings(cleaned) + greek_readings(cleaned) + abjad_readings(cleaned)
    hungarian = hungarian_respelling(cleaned)
    if hungarian is not None:
        out.append(hungarian)
    if _TURKISH_MARKS.search(cleaned):
        out.append(_respell(cleaned, _TURKISH_RESPELL))
    elif _ROMANIAN_MARKS.search(cleaned):
        out.append(_respell(cleaned, _ROMANIAN_RESPELL))
    dutch = "tsj" in cleaned or (
        ("sj" in cleaned or "zj" in cleaned) and not _GERMAN_POLISH_MARKS.search(cleaned)
    )
    if dutch:
        out.append(_respell(cleaned, _DUTCH_RESPELL))
        if "zj" in cleaned:  # also z and the j of y (Izjoem: Izium), not only ж (Zjytomyr)
            out.append(_respell(cleaned.replace("zj", "zi"), _DUTCH_RESPELL))
    if "ou" in cleaned or "tch" in cleaned:
        out.append(_respell(cleaned, _FRENCH_RESPELL))
    if _SPANISH_J.search(cleaned):
        out.append(_SPANISH_J.sub("kh", cleaned))  # Jmelnitski: Spanish j for х before a consonant
    return [r for r in dict.fromkeys(out) if r != cleaned]


# Spanish writes х as j; before a consonant no other language's j stands for it (Jmelnitski).
_SPANISH_J = re.compile(r"\bj(?=[bcdfgklmnpqrstvwxz])")


def _respell(text: str, rules: tuple[tuple[str, str], ...]) -> str:
    for old, new in rules:  # longest first: sjtsj before tsj before sj
        text = text.replace(old, new)
    return text
