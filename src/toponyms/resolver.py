"""Stage 5: the Resolver, which orchestrates a lookup from a query to an Answer.

Checks the caller's options, gathers evidence from the index (exact names, transliteration
keys, case forms, then fuzzy keys), applies the filters (country, kind, within) and context
(near), has scoring.py rank the candidates and give them probabilities, and builds the results
(results.py): the name, and the place when one is identified. The module-level functions in
toponyms use one lazily built Resolver over the shipped gazetteer.
"""

from __future__ import annotations

import functools
import math
import operator
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, fields
from typing import Any, NamedTuple

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from . import gazetteer as _gazetteer
from .errors import OptionError, UnknownUnitError
from .gazetteer import KINDS, Gazetteer
from .index import Index, PlaceColumns, PlaceInfo, fine, shipped_index
from .keys import (
    abjad_readings,
    foreign_respellings,
    greek_readings,
    has_greek,
    hungarian_respelling,
    key,
    translated_readings,
    translated_stem,
)
from .lexicon import (
    is_common_word,
    is_given_name,
    is_person_name,
    is_surname,
    is_water_body,
)
from .results import Answer, How, Match, Status
from .scoring import (
    KIND_PRIOR,
    TIER,
    Assessment,
    Candidate,
    Query,
    assess,
    context_score,
    default_threshold,
    fuzzy_name_rank,
    placed_rank,
    prior,
    rank_key,
    rank_tuple,
)
from .text.forms import is_preposition, nominative_candidates, split_preposition
from .text.normalize import (
    ARTICLES,
    KindHint,
    clean,
    has_cyrillic,
    has_ukrainian_letters,
    is_feminine_accusative,
    is_feminine_adjective,
    is_latin_unit_adjective,
    oblast_adjective,
    repair_descriptor,
    split_descriptors,
    split_republic,
)

__all__ = ["Point", "Resolver"]

# Longer strings are not place names: they get no answer, in time bounded by this cap.
MAX_QUERY_LENGTH = 200
_WHOLE_INPUT_LIMIT = 10_000
_ADMIN_KINDS = frozenset({"country", "oblast", "federal_subject", "raion", "hromada", "entity"})
# Which place kinds a descriptor's kind hint fits ("село X" may be a town now, since 2024).
_HINT_FITS = {
    "city": {"city"},
    "town": {"town", "village", "settlement", "city"},
    "village": {"village", "town", "settlement"},
    "oblast": {"oblast", "federal_subject", "entity", "region"},
    "raion": {"raion"},
    "hromada": {"hromada"},
    "city_district": {"city_district"},
    "federal_subject": {"federal_subject", "oblast"},
    "country": {"country"},
    "entity": {"entity"},
    "feminine_unit": {"oblast", "hromada", "federal_subject", "entity"},
}
Point = tuple[float, float]
# Keys are coarse (three vowel classes): a key hit whose romanized spelling is this far from the
# name is scored as fuzzy, not as a transliteration.
_KEY_MIN_SIMILARITY = 0.7
# A Latin case form (Kanivas, w Charkowie) is a name's romanization with a foreign ending cut
# off: the reading must spell the name this closely in some scheme, or the coarse key has met
# another name (Selechina is not Solochyn with -a), and fuzzy search gets its turn.
_LATIN_FORM_MIN_SIMILARITY = 0.85
# ... unless a unit word asks for a unit of the entry's kind (see _gather).
_LATIN_UNIT_FORM_MIN_SIMILARITY = 0.75
_UNIT_HINTS = frozenset({"oblast", "raion", "hromada", "entity"})
_STEM_HINTS = frozenset({"oblast", "raion"})
# ъ before a consonant is Bulgarian (Russian writes it only before е, ё, ю, я; Ukrainian not at
# all), in a word Bulgarian can spell: none of ы э ё і ї є ґ, nor the old ѣ, and ь only before о
# (not the old spelling Изъкоръстѣнь, nor Belarusian-like обласць).
_BULGARIAN_HARD_SIGN = re.compile(r"ъ(?=[бвгджзклмнпрстфхцчшщ])")
_NOT_BULGARIAN = re.compile(r"[ыэёіїєґѣѳѵꙁ]|ь(?!о)")
_MIN_STEM = 4  # letters of a raion's adjective stem (Izum, Kupjan); not "Gebiet im"
# A Cyrillic case form read back to a plural name (Герасимов: Герасимовы, Герасимови) meets only
# plural names: the key reads и, ы, о and е alike, and a neuter name (Герасимово) is no plural.
_PLURAL_ENDINGS = frozenset("иыі")
_NEUTER_ENDINGS = frozenset("оеєОЕЄoe")
_CZECH_LOCATIVE = re.compile(r"[^\Wdtn]ě$")
# The Polish noun of a city's land and its cases (Charkowszczyzna, na Chersońszczyźnie,
# Doniecczyzna; in lower case in running text): the stem is the city's name.
_POLISH_REGION = re.compile(r"(.{3,}?)(?:sz)?czy(?:zna|zny|znie|źnie|znę|zną)")
_IN_SK = re.compile(r"(?:ськ|цьк|зьк|ск|цк)$", re.IGNORECASE)  # a town's name: Покровськ
_MASCULINE_ENDINGS = ("ий", "ій", "ый", "ой")
# A plural name's last letters: Рідкодуби, Піщани, Pishchany (not Pishchanyi, Pokrovskyi).
_PLURAL_NAME = re.compile(r"(?:[иыі]|(?<![yi])[yi])$", re.IGNORECASE)
# The evidence methods, strongest first.
_METHODS = ("exact", "key", "form", "fuzzy")
_NO_KINDS: frozenset[str] = frozenset()
_UNREAD: Any = object()  # a name not read yet in a lookup step
# j between vowels, or before a consonant, as Spanish writes х (Kurajove, Bajmut, Jersón)
_SPANISH_J = re.compile("(?<=[aeiouáéíóú])j(?=[aeiouáéíóú])|j(?=[bcdfgklmnpqrstvz])|^j(?=[aeoáéó])")
# Descriptors whose candidates are lifted to the units named after them (Resolver._gather).
_LIFTING_HINTS = frozenset({"oblast", "raion", "entity"})
# A Greek or Arabic name's readings whose near misses are sought (their keys, likeliest first)
_READING_KEYS = 8


class Resolver:
    """Resolves place names against one gazetteer (by default, the shipped one).

    >>> r = Resolver()
    >>> r.resolve("Krasnoarmeysk").name
    'Pokrovsk'
    """

    def __init__(self, gazetteer: Gazetteer | None = None, *, threshold: float | None = None):
        """``threshold``: the confidence below which no name (and no place) is given; by
        default the one fitted with the model (scoring.default_threshold(), docs/accuracy.md)."""
        self._gazetteer = gazetteer
        self._threshold = default_threshold() if threshold is None else _threshold(threshold)
        self._index: Index | None = None
        self._countries: frozenset[str] | None = None
        self._lock = threading.Lock()
        # Reports repeat the same few hundred names: answers are remembered (bounded, LRU).
        self._answers: OrderedDict[tuple[Any, ...], _Assessed] = OrderedDict()
        self._final: OrderedDict[tuple[Any, ...], Answer] = OrderedDict()
        # What a name's core gathers, by its key, descriptor and filter: a report asks a name
        # again beside its other places (near=), which scores that evidence anew, nothing more.
        # Kept as snapshots, each use building its own candidates (scoring writes to them).
        self._gathered: OrderedDict[tuple[Any, ...], tuple[tuple[tuple[Any, ...], ...], int]]
        self._gathered = OrderedDict()
        self._filters: dict[tuple[Any, ...], _Keep] = {}  # one function per filter, to key by
        # The unit each ``within`` names, and the place each ``near`` name gives: a report's
        # mentions are asked again among the same few units and neighbours.
        self._units: dict[str, str] = {}
        self._near: dict[str, PlaceInfo | None] = {}

    def __reduce__(self) -> tuple[Any, ...]:
        # Ship the recipe, not the index: a worker rebuilds (or reads the disk cache) once.
        return (Resolver, (self._gazetteer,), {"threshold": self._threshold})

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._threshold = state["threshold"]

    def __repr__(self) -> str:
        return f"<Resolver over {self.gazetteer!r}, threshold={self._threshold}>"

    def _forget(self) -> None:
        """Drop the remembered answers (benchmarks time the whole pipeline this way)."""
        with self._lock:
            self._answers.clear()
            self._final.clear()
            self._gathered.clear()
            self._filters.clear()
            self._units.clear()
            self._near.clear()

    @property
    def gazetteer(self) -> Gazetteer:
        return self._gazetteer if self._gazetteer is not None else _gazetteer.shipped()

    @property
    def index(self) -> Index:
        if self._index is None:
            with self._lock:
                if self._index is None:
                    if self._gazetteer is None:
                        self._index = shipped_index()
                    else:
                        self._index = Index(self._gazetteer)
        return self._index

    @functools.cached_property
    def _claims(self) -> dict[str, tuple[int, ...]]:
        """The name slots of each entity (a people's republic), under the id of the oblast it
        claims and of that oblast's capital, the city it is named after."""
        g, index = self.gazetteer, self.index
        # Read from the index's columns: unpacking every place took 0.4 s.
        kinds, ids = index.columns.kind, index.columns.id
        capitals: dict[str, str] = {}  # oblast id -> the id of the city bearing its name
        for position, kind in enumerate(kinds):
            if kind == "city":
                place = g[ids[position]]
                oblast = g.get(place.oblast_id) if place.oblast_id else None
                if oblast and oblast.kind == "oblast" and oblast.name == f"{place.name} Oblast":
                    capitals[oblast.id] = place.id
        claims: dict[str, tuple[int, ...]] = {}
        for position, kind in enumerate(kinds):
            entity = g[ids[position]] if kind == "entity" else None
            if entity is not None and entity.oblast_id:
                slots = tuple(
                    slot for n in g.names_of(entity.id) for slot in index.exact(clean(n.name))
                    if index.place(index.name_place[slot]).id == entity.id
                )  # fmt: skip
                for unit in (entity.oblast_id, capitals.get(entity.oblast_id)):
                    if unit:
                        claims[unit] = claims.get(unit, ()) + slots
        return claims

    # ------------------------------------------------------------------------- public
    def lookup(
        self,
        name: object,
        *,
        country: str | None = None,
        kind: str | Collection[str] | None = None,
        within: str | None = None,
        near: Point | Sequence[str] | None = None,
        threshold: float | None = None,
    ) -> Answer:
        """What ``name`` names: its canonical name whenever that is clear, and the place when
        one is identified; ``status`` says which (identified, ambiguous, no_match,
        not_a_place, missing).

        None, NaN, pandas.NA and blank strings are "missing"; other non-strings raise TypeError.
        """
        cut = self._threshold if threshold is None else _threshold(threshold)
        text = _as_text(name)
        if text is None or not text.strip():
            self._check_options(country=country, kind=kind, within=within)
            return self._answer(text, None, cut)
        # A repeated query is one dictionary lookup: the answer itself is remembered too.
        memo = _memo_key(text, "answer", cut, country, kind, within, near)
        if memo is not None:
            found = self._final.get(memo)
            if found is not None:
                return found
        answer = self._answer(text, self._assessed(text, 1, country, kind, within, near), cut)
        if memo is not None:
            self._remember(self._final, memo, answer)
        return answer

    def resolve(
        self,
        name: object,
        *,
        country: str | None = None,
        kind: str | Collection[str] | None = None,
        within: str | None = None,
        near: Point | Sequence[str] | None = None,
        threshold: float | None = None,
    ) -> Match | None:
        """The place ``name`` means, or None when no place is identified confidently enough
        (``lookup`` says why, and gives the name when it is clear).

        None, NaN and pandas.NA give None; other non-strings raise TypeError.
        """
        answer = self.lookup(
            name, country=country, kind=kind, within=within, near=near, threshold=threshold
        )
        return answer.place

    def normalize(
        self,
        name: object,
        *,
        country: str | None = None,
        kind: str | Collection[str] | None = None,
        within: str | None = None,
        near: Point | Sequence[str] | None = None,
        threshold: float | None = None,
    ) -> str | None:
        """The canonical name ``name`` spells, or None: given whenever the name is clear,
        however many places share it. ``normalize("под Мирноградом") == "Myrnohrad"``."""
        answer = self.lookup(
            name, country=country, kind=kind, within=within, near=near, threshold=threshold
        )
        return answer.name

    def candidates(
        self,
        name: object,
        *,
        limit: int = 5,
        country: str | None = None,
        kind: str | Collection[str] | None = None,
        within: str | None = None,
        near: Point | Sequence[str] | None = None,
    ) -> list[Match]:
        """Up to ``limit`` places ``name`` may mean, best first, each with the probability that
        it is the place meant: computed over all the candidates, so a candidate's confidence
        does not depend on ``limit``, and together they sum to at most 1."""
        if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
            raise OptionError("limit", limit, "must be a whole number of at least 1")
        text = _as_text(name)
        if text is None or not text.strip():
            self._check_options(country=country, kind=kind, within=within)
            return []
        return list(self._assessed(text, limit, country, kind, within, near).matches)

    # ------------------------------------------------------------------ orchestration
    def _assessed(
        self,
        text: str,
        limit: int,
        country: str | None,
        kind: str | Collection[str] | None,
        within: str | None,
        near: Point | Sequence[str] | None,
    ) -> _Assessed:
        """The threshold-free outcome of a query, remembered: ranked matches and the name."""
        memo = _memo_key(text, limit, country, kind, within, near)
        if memo is not None:
            found: _Assessed | None = self._recall(self._answers, memo)
            if found is not None:
                return found
        outcome = self._outcome(text, limit, country, kind, within, near)
        if memo is not None:
            self._remember(self._answers, memo, outcome)
        return outcome

    def _recall(self, memory: OrderedDict[Any, Any], memo: Any) -> Any:
        """What ``memory`` keeps under ``memo`` (None if nothing), made the most recent."""
        with self._lock:
            found = memory.get(memo)
            if found is not None:
                memory.move_to_end(memo)
        return found

    def _remember(
        self, memory: OrderedDict[Any, Any], memo: Any, value: object, size: int = 0
    ) -> None:
        """Keep ``value`` under ``memo``, forgetting the oldest beyond ``size`` (_MEMO_SIZE)."""
        with self._lock:
            memory[memo] = value
            if len(memory) > (size or _MEMO_SIZE):
                memory.popitem(last=False)

    def _outcome(
        self,
        text: str,
        limit: int,
        country: str | None,
        kind: str | Collection[str] | None,
        within: str | None,
        near: Point | Sequence[str] | None,
    ) -> _Assessed:
        keep = self._filter(country, kind, within)
        core, assessment = self._assess(text, limit, keep, near)
        if assessment is None:
            return _Assessed((), None, 0.0, None, None, None, (), None, None, core)
        index, g = self.index, self.gazetteer
        matches = tuple(
            self._match(text, c, p, ambiguous=amb)
            for c, p, amb in zip(
                assessment.ranked, assessment.confidences, assessment.ambiguous, strict=False
            )
        )
        top = assessment.ranked[0]
        # What the homonyms share, read from the index's columns (a name may have a hundred).
        columns = index.columns
        positions = [c.place for c in assessment.homonyms]
        kinds = {columns.kind[p] for p in positions}
        countries = {columns.country[p] for p in positions}
        admin1 = matches[0].admin1
        if len(positions) > 1 and admin1 is not None:  # the oblast, if every homonym lies in it
            oblast = g[columns.id[positions[0]]].oblast_id
            if not all(oblast in columns.parents[p].split("\x1f") for p in positions[1:]):
                admin1 = None
        return _Assessed(
            matches,
            columns.name[positions[0]],
            round(assessment.name_confidence, 4),
            kinds.pop() if len(kinds) == 1 else None,
            countries.pop() if len(countries) == 1 else None,
            admin1,
            tuple(columns.id[p] for p in positions),
            _how(top),
            top.matched,
            core,
        )

    def _assess(
        self, text: str, limit: int, keep: _Keep, near: Point | Sequence[str] | None
    ) -> tuple[str, Assessment | None]:
        """The query's core and its candidates, ranked and scored (None: no candidate)."""
        if len(text) > _WHOLE_INPUT_LIMIT:
            return "", None
        core, hint = split_descriptors(text)
        if hint is None and " " in core:
            # w rejonie pokrowskim, in der Region Charkiw, nel distretto di Kupiansk: a unit
            # descriptor after a preposition and an article
            words = core.split(" ")
            lead = 0
            while lead < min(2, len(words) - 2) and (
                words[lead] in ARTICLES or is_preposition(words[lead])
            ):
                lead += 1
            if lead:
                rest_core, rest_hint = split_descriptors(" ".join(words[lead:]))
                if rest_hint in _UNIT_HINTS and rest_core:
                    core, hint = rest_core, rest_hint
        if not core or len(core) > MAX_QUERY_LENGTH:
            return core, None
        if hint in ("village", "city") and not has_cyrillic(core):
            # "the village of Krasnohorivka" (a city of 15,000): news in Latin script calls a
            # place village, town or city loosely, where село and місто are its legal status.
            hint = "town"
        k = key(core)
        pruning = limit if near is None else None
        latin_core = not has_cyrillic(core)
        found: list[Candidate] = self._gather(core, k, hint, keep, pruning)
        if not found:  # "Луцький райнон": a garbled descriptor hides the name
            repaired = repair_descriptor(text)
            if repaired is not None:
                core, hint = split_descriptors(repaired)
                k = key(core)
                found = self._gather(core, k, hint, keep, pruning) if core else []
        if (
            hint in _STEM_HINTS
            and len(core) >= _MIN_STEM
            and all(c.method == "fuzzy" for c in found)
        ):
            # Kupyan district, okruga Kupjan: a raion's adjective cut to its stem (Купян-ский),
            # which drops the -sk of a centre's name (Kupiansk). The stem naming a place as
            # written outranks a unit met only as a near miss (Kupyan region: Kupiansk, not
            # Kurgan Oblast).
            stem = core + ("ск" if has_cyrillic(core) else "sk")
            lifted = self._gather(stem, key(stem), hint, keep, pruning)
            top = min(lifted, key=rank_key, default=None)
            if top is not None and top.method != "fuzzy":
                core, k, found = stem, key(stem), lifted
        region = _POLISH_REGION.fullmatch(core) if hint is None and latin_core else None
        if region is not None and all(c.method == "fuzzy" for c in found):
            # na Charkowszczyźnie, Chersońszczyzna: the Polish noun of a city's land, as
            # Ukrainian Харківщина is: the oblast named after the city
            stem = region.group(1)
            regional = [
                c
                for c in self._gather(stem, key(stem), "oblast", keep, pruning)
                if c.method != "fuzzy" and c.hint > 0
            ]
            if regional:
                core, k, hint, found = stem, key(stem), "oblast", regional
        if (
            hint == "hromada"
            and (latin_core or not has_ukrainian_letters(core))
            and not any(
                c.hint > 0 and (c.method == "exact" or (c.method != "fuzzy" and latin_core))
                for c in found
            )
        ):
            # Константиновской громаде, Александровская громада: a hromada's adjective in
            # Russian, which the data records for its centre only (Константиновка), not for
            # the hromada; Gemeinde Junakiw: the adjective's stem (Юнаків-ська) in Latin script.
            # The centre lifts its hromada (finish). A Russian case form's hromadas stand
            # beside them (Славянской громаде: of Славянск, of Славянка, or a Crimean
            # Славянская громада). Ukrainian text writes the hromada's own name.
            by_centre = self._hromada_by_centre(core, keep, pruning)
            found = (
                _merged(found, by_centre) if by_centre and not latin_core else (by_centre or found)
            )
        if _is_bulgarian(text.lower()) and not any(c.method == "exact" for c in found):
            # Търново, Кърджали: a Bulgarian place, unless a recorded name (Саталък Хаджи, a
            # village of Bessarabia's Bulgarians).
            return core, None
        if (
            hint is None
            and not any(c.method == "exact" for c in found)
            and (
                is_feminine_adjective(core)
                # Краснопільську, Краснопольскую (громаду): the accusative, unless it is the
                # locative of a town in -ськ (у Покровську), which a case form has found.
                or (
                    is_feminine_accusative(core)
                    and not any(c.method != "fuzzy" and _IN_SK.search(c.matched) for c in found)
                )
            )
        ):
            # Херсонській, Донецкой: a bare feminine adjective in some case agrees with
            # область or громада, not with a settlement's neuter or masculine name.
            found = self._gather(core, k, "feminine_unit", keep, pruning) or found
        if hint == "federal_subject" and not any(
            self.index.place(c.place).kind == "federal_subject" for c in found
        ):
            # Запорізький край: край with the adjective of an oblast names the oblast.
            adjective = oblast_adjective(split_preposition(core)[1])
            found = self._unit_by_adjective(adjective, keep, pruning) or found
        elif (
            hint is None
            and is_latin_unit_adjective(text.strip())
            and not any(c.method == "exact" for c in found)
        ):
            # obwodów donieckiego, chersońskiego: a unit named by its lower-case adjective alone.
            found = self._unit_by_adjective(core, keep, pruning) or found
        if not any(c.method == "exact" for c in found):
            # Donieckiej Republice Ludowej, Repubblica di Donetsk: a people's republic named
            # after its capital in any language, if the name found is one's.
            named = split_republic(text)
            if named is not None:
                lifted = self._gather(named, key(named), "entity", keep)
                if any(self.index.place(c.place).kind == "entity" for c in lifted):
                    core, k, found = named, key(named), lifted
        if hint == "village" and _RUSSIAN_VILLAGE.match(clean(text)):
            # деревня Рыжевка, из деревни Поповка: Russia's word for a village (a Ukrainian
            # village is a село, in Russian text too).
            russian = [c for c in found if c.country == "RU" and c.hint > 0]
            if russian:
                found = russian
        exact = any(c.method == "exact" for c in found)
        if (
            not found
            or (" " in core and is_person_name(core) and not exact)
            or (is_surname(core) and not exact)
            or (
                is_water_body(core)
                and all(
                    c.method == "fuzzy" or (c.method == "form" and not is_water_body(c.matched))
                    for c in found
                )
            )
        ):
            # Oleksandr Syrskyi ~ Oleksandriiske, Zełenski ~ Tselinsky: a person's name is no near
            # miss of a place's, nor a river's (Siwerskyj Donez ~ Siverske); but a case form of a
            # city named as its river is the city's, as its other cases are (Дніпрі: Dnipro).
            return core, None
        context = self._context(near)
        index = self.index
        for c in found:
            c.context = context_score(index.place(c.place), context) if context else 0
        bare, unit_free = core, hint not in _UNIT_HINTS
        query = Query(
            context_given=bool(context), length=len(core), key_length=len(k),
            lowercase=text == text.lower(),
            # Asked once per query at most, and only where the feature can fire. With a unit word
            # the core is the unit's adjective, which is a common word of some language as often
            # as not (w obwodzie sumskim: Croatian "of the forest"; obwód lwowski: львовский).
            common_word=_Once(lambda: unit_free and _word_or_given_name(bare, True)),
        )  # fmt: skip
        # Near misses left partly unbuilt come built in rank order.
        # Gathered in rank order, unless a context reorders them.
        presorted = isinstance(found, _Found) and not context
        pool = found.pool if isinstance(found, _Found) else len(found)
        return core, assess(index, found, query, limit=limit, pool=pool, presorted=presorted)

    def _hromada_by_centre(self, core: str, keep: _Keep, limit: int | None) -> list[Candidate]:
        """The hromadas whose centre bears a name ``core`` is the feminine adjective of
        (Константиновская, -ой: Константиновка; Славянская: Славянск, Славянка; Лиманская:
        Лиман), met as written or by key."""
        hromadas: list[Candidate] = []
        for centre in _centre_names(core):
            found = self._gather(centre, key(centre), "hromada", keep, limit, as_written=True)
            hromadas = _merged(hromadas, [c for c in found if c.hint > 0])
        return hromadas

    def _unit_by_adjective(
        self, adjective: str | None, keep: _Keep, limit: int | None
    ) -> list[Candidate]:
        """The candidates of ``adjective`` read as an oblast's or raion's name, if one is met by
        more than a near miss; else none."""
        if not adjective:
            return []
        found = self._gather(adjective, key(adjective), "oblast", keep, limit)
        top = min(found, key=rank_key, default=None)
        if top is None or top.method == "fuzzy":
            return []
        return found if self.index.place(top.place).kind in ("oblast", "raion") else []

    def _answer(self, text: str | None, outcome: _Assessed | None, cut: float) -> Answer:
        version = self.gazetteer.version
        if outcome is None:
            return Answer(
                text, Status.MISSING, None, 0.0, None, None, None, (), None, 0.0, None, None,
                version,
            )  # fmt: skip
        top = outcome.matches[0] if outcome.matches else None
        place_confidence = 0.0 if top is None else top.confidence
        if top is not None and place_confidence >= cut:
            status = Status.IDENTIFIED
        elif outcome.name is not None and outcome.name_confidence >= cut:
            status = Status.AMBIGUOUS
        else:
            status = (
                Status.NOT_A_PLACE if _not_a_name(text or "", outcome.core) else Status.NO_MATCH
            )
            return Answer(
                text, status, None, outcome.name_confidence, None, None, None, (), None,
                place_confidence, None, None, version,
            )  # fmt: skip
        return Answer(
            text, status, outcome.name, outcome.name_confidence, outcome.kind,
            outcome.country, outcome.admin1, outcome.places,
            top if status is Status.IDENTIFIED else None, place_confidence, outcome.how,
            outcome.matched, version,
        )  # fmt: skip

    # ---------------------------------------------------------------------- evidence
    def _gather(
        self,
        core: str,
        k: str,
        hint: str | None,
        keep: _Keep,
        limit: int | None = None,
        *,
        as_written: bool = False,
    ) -> _Found:
        """_gather_anew's candidates, remembered (_GATHERED_SIZE): new objects each time."""
        memo = (core, k, hint, keep, limit, as_written)
        kept = self._recall(self._gathered, memo)
        if kept is not None:
            fields_, pool = kept
            return _Found([Candidate(*f) for f in fields_], pool)
        found = self._gather_anew(core, k, hint, keep, limit, as_written=as_written)
        snapshot = (tuple(map(_CANDIDATE_FIELDS, found)), found.pool)
        self._remember(self._gathered, memo, snapshot, _GATHERED_SIZE)
        return found

    def _gather_anew(
        self,
        core: str,
        k: str,
        hint: str | None,
        keep: _Keep,
        limit: int | None = None,
        *,
        as_written: bool = False,
    ) -> _Found:
        """Every place the query's ``core`` (whose key is ``k``) may name, with its evidence,
        in rank order (rank_key, no context counted).

        With ``limit`` (no context to come, which would reorder them), near misses are built
        only where the first ``limit`` answers depend on them, and counted all: the _Found says
        how many places there were. ``as_written``: the names spelled so or keyed alike only."""
        index = self.index
        best: dict[int, Candidate] = {}
        best_rank: dict[int, tuple[float, ...]] = {}  # rank_key of each best, as it was built
        place_statics: dict[int, tuple[float, float, int, bool]] = {}
        columns = index.columns
        kinds = columns.kind
        name_variant, name_text, name_hint = index.name_variant, index.name_text, index.name_hint
        name_place, name_fines, name_lang = index.name_place, index.name_fine, index.name_lang
        name_how, place_of, name_sig = index.name_how, index.place, index.name_sig
        name_reading = index.name_reading
        query_fine = fine(core)
        bare_fine = ""  # for case forms, set when they are read: мирноградом ~ мирноград
        latin_query = not has_cyrillic(core)
        ukrainian_query = not latin_query and has_ukrainian_letters(core)
        # A Greek name's key is its letters romanized loosely: it meets a query in another script
        # only as written (Κίεβο and Kyjevě both key as kivi).
        greek_query = latin_query and has_greek(core)

        def consider(
            slots: Sequence[int],
            method: str,
            hint: str | None = hint,
            edits: int = 0,
            spelled: str | None = None,  # the query as respelled for this lookup, if it was
            reading: str | None = None,  # a Latin case form's nominative reading, as fine() spells
            variants: bool = False,  # may a case form inflect an unclassified variant name
            plural: bool = False,  # a Cyrillic case form read as a plural (Герасимов: -ы, -и)
            neuter: bool = False,  # ... or as a neuter (Рідкодуба: рідкодубо)
            masculine: bool = False,  # ... or as a masculine adjective (Піщаного: піщаний)
            literal: str | None = None,  # a Cyrillic form, where others are names as written
            translated: bool = False,  # ... read through a translation: a respelling of it
            into: dict[int, _Chosen] | None = None,  # choose each place's name here, no more
        ) -> None:
            """Keep, for each place a slot names, the best evidence: a candidate is built only
            when a slot ranks its place higher than any slot before it (a place has a name per
            language and spelling, and a shared name a hundred places)."""
            if not slots:
                return
            against = (spelled or bare_fine) if method == "form" else spelled or query_fine
            fits = _HINT_FITS.get(hint or "", _NO_KINDS)
            unit_hint = hint in _UNIT_HINTS
            # First each place's best slot, by what the slot adds to the rank (the place's own
            # part is the same for all its slots); names met before are read from memory.
            readings: dict[int, _SlotReading] = {}  # by the index's name_reading
            spells: dict[tuple[str, str, bool], bool] = {}
            chosen: dict[int, _Chosen] = {} if into is None else into
            # Case forms inflect recorded names, not GeoNames' loose variants.
            no_variants = method == "form" and not variants
            bare_query = hint is None
            not_greek = method != "exact" and not greek_query  # Greek names only as written
            for slot in slots:
                variant = name_variant[slot]
                if variant and no_variants:
                    continue
                if not_greek and name_lang[slot] == "el":
                    continue
                name = name_text[slot]
                if plural and name[-1:] in _NEUTER_ENDINGS:
                    continue  # the key's vowels are coarse: a plural is no neuter name's form
                if (neuter or masculine) and _plural_name(name):
                    continue  # nor a neuter or masculine a plural's (рідкодубо, піщаний)
                bare = name_hint[slot] is None
                if variant and bare_query and not bare:
                    # An unclassified variant whose descriptor is part of it (GeoNames' "Donbas
                    # City" for Donetsk), met by a query without one (Donbas): that says nothing.
                    continue
                position = name_place[slot]
                if keep is not None and not keep(place_of(position)):
                    continue
                if reading is not None:
                    # A unit word narrows the field to a few dozen units, whose adjectives
                    # foreign text spells loosely (Charkovskej oblasti: Харківська область).
                    lang = name_lang[slot]
                    unit = unit_hint and kinds[position] in fits
                    ok = spells.get((name, lang, unit))
                    if ok is None:
                        ok = spells[(name, lang, unit)] = _spells(
                            reading, index, slot, name_fines[slot], loose=unit
                        )
                    if not ok:
                        continue
                read = readings.get(name_reading[slot])
                if read is None:
                    how = name_how[slot]
                    found_by = method
                    if method == "exact" and (
                        how == "transliteration"
                        or (how == "former" and name_lang[slot] == "ru" and former_as_key)
                    ):
                        # A recorded romanization (Gornal for Горналь; Novonikolayevka, a former
                        # Russian name romanized) is the reading a key gives the Cyrillic name,
                        # no better: a namesake's Russian name ties it.
                        found_by = "key"
                    similarity, found_by, slot_edits = _similarity(
                        found_by, against, index, slot, name_fines[slot], edits, latin_query
                    )
                    respelled = (found_by == "key" and not latin_query) or (
                        literal is not None
                        and (translated or _respells(literal, name, ukrainian_query))
                    )
                    missing = hint is None and not bare
                    read = readings[name_reading[slot]] = _SlotReading(
                        rank_tuple(
                            0, variant, found_by, respelled, missing, 0, similarity, 0.0,
                            how, False,
                        ),
                        found_by, similarity, slot_edits, respelled, missing,
                    )  # fmt: skip
                best_slot = chosen.get(position)
                if best_slot is None or read.rank < best_slot[0]:
                    chosen[position] = (read.rank, slot, read)
            if into is None:
                for position, rank, slot, read, hint_score in placed(chosen, hint):
                    build(position, rank, slot, read, hint_score, against)

        def near_misses(
            keys: list[tuple[str, int]],
        ) -> tuple[dict[int, tuple[tuple[float, ...], int, int]], dict[str, float]]:
            """consider(..., "fuzzy", into=...) over the slots of every key, for many places at
            once: the query is compared with all their spellings in one call, and a name's part
            of the rank is made once per spelling, type and kind of descriptor (name_sig).
            Each place's best as (its name's rank, slot, key edits), made into what consider
            chooses (near_reading) only for the places that are built; and the similarities."""
            groups = [(index.by_key(found), edits) for found, edits in keys]
            spellings = {name_fines[slot] for slots, _ in groups for slot in slots}
            scores = {
                spelling: score / 100
                for spelling, score, _ in process.extract(
                    query_fine, spellings, scorer=fuzz.ratio, limit=None
                )
            }
            taken: dict[int, tuple[tuple[float, ...], int, int]] = {}
            # Per spelling, type and kind of descriptor (the index's name_sig): the name's rank,
            # or None where it is no evidence.
            read: dict[int, tuple[float, ...] | None] = {}
            bare_query = hint is None
            for slots, edits in groups:
                for slot in slots:
                    sig = name_sig[slot]
                    rank = read.get(sig, _UNREAD)
                    if rank is _UNREAD:
                        variant, bare = name_variant[slot], name_hint[slot] is None
                        skip = variant and bare_query and not bare  # as in consider
                        rank = read[sig] = None if skip else fuzzy_name_rank(
                            variant, bare_query and not bare, scores[name_fines[slot]],
                            name_how[slot],
                        )  # fmt: skip
                    if rank is None:
                        continue
                    position = name_place[slot]
                    if keep is not None and not keep(place_of(position)):
                        continue
                    known = taken.get(position)
                    if known is None or rank < known[0]:
                        taken[position] = (rank, slot, edits)
            return taken, scores

        def near_reading(
            taken: tuple[tuple[float, ...], int, int], scores: dict[str, float]
        ) -> _Chosen:
            """A place's best near miss, as near_misses took it, as consider chooses one."""
            rank, slot, edits = taken
            missing = hint is None and name_hint[slot] is not None
            return (
                rank,
                slot,
                _SlotReading(rank, "fuzzy", scores[name_fines[slot]], edits, False, missing),
            )

        def placed(
            chosen: dict[int, _Chosen], hint: str | None
        ) -> Iterator[tuple[int, tuple[float, ...], int, _SlotReading, int]]:
            """Each place of ``chosen`` with its whole rank: its name's part and its own. A
            place whose evidence (the rank's first four terms) is already bettered by its
            candidate is left out: it could not be built."""
            fits = _HINT_FITS.get(hint or "", _NO_KINDS)
            for position, (name_rank, slot, read) in chosen.items():
                hint_score = 0 if hint is None else (1 if kinds[position] in fits else -1)
                old = best_rank.get(position)
                if old is not None and (-hint_score, *name_rank[1:4]) > old[:4]:
                    continue
                statics = place_statics.get(position)
                if statics is None:
                    statics = place_statics[position] = _statics(columns, position)
                rank = placed_rank(name_rank, hint_score, statics[0], name_how[slot], statics[3])
                yield position, rank, slot, read, hint_score

        def build(
            position: int,
            rank: tuple[float, ...],
            slot: int,
            read: _SlotReading,
            hint_score: int,
            against: str,
        ) -> None:
            """Make the place's candidate from the name at ``slot``, unless it has a better."""
            old = best_rank.get(position)
            if old is not None and old <= rank:
                return
            statics = place_statics[position]
            best_rank[position] = rank
            best[position] = Candidate(
                position, read.method, name_how[slot], name_text[slot], read.similarity,
                read.edits, hint_score, read.missing, statics[0], statics[3],
                name_variant[slot], statics[1], columns.population[position], statics[2],
                columns.country[position], 0, read.respelled,
                OSA.distance(against, name_fines[slot]) if read.method == "fuzzy" else 0,
            )  # fmt: skip

        def finish(pool: int | None = None) -> _Found:
            """The candidates, with the units named after a centre that was found where the
            query's descriptor asks for a unit: an oblast or raion bears its centre's name, so
            Gebiet Charkiw, provincia de Járkov and Περιφέρεια Χάρκοβου reach Kharkiv Oblast by
            any spelling recorded for the city (GeoNames keeps dozens of languages' for cities,
            none for oblasts). Ranked, out of ``pool`` places (default: those built)."""
            fits = _HINT_FITS.get(hint or "")
            if hint == "entity" and best:
                # A people's republic is named after its capital and claims that oblast.
                claims = self._claims
                for place, c in list(best.items()):
                    lift(claims.get(index.place(place).id, ()), c)
                return ranked(pool)
            if hint in ("oblast", "raion") and fits and best:
                for place, c in list(best.items()):
                    info = index.place(place)
                    if info.kind not in ("city", "town") or (
                        hint == "raion" and _former_name(index, place, c)
                    ):
                        # A raion of 2020 bears its centre's current name: Красноармейский
                        # район is the raion of before 2020, whose own former name it is.
                        continue
                    units = [
                        slot for slot in index.exact(clean(info.name))
                        if index.place(index.name_place[slot]).id in info.parents
                        and index.place(index.name_place[slot]).kind in fits
                    ]  # fmt: skip
                    lift(units, c)
            elif hint == "hromada" and best:
                # The Krasnopillia community, Gemeinde Bilopillja: a hromada is named after its
                # centre, the first settlement KATOTTG lists in it.
                for place, c in list(best.items()):
                    hromada = _centre_of(index.place(place))
                    if (
                        hromada is None
                        or hromada not in index.position
                        or _former_name(index, place, c)
                        or (c.variant and not latin_query)
                    ):
                        # Not by a former name: a hromada (2015-2020) bears its centre's current
                        # one (Александровская is no hromada of Zaporizhzhia, once Александровск,
                        # a GeoNames variant); Cyrillic text writes the official names.
                        continue
                    own = split_descriptors(index.place(index.position[hromada]).name)[0]
                    named = index.exact(own)
                    lift([s for s in named if index.place(index.name_place[s]).id == hromada], c)
            return ranked(pool)

        def ranked(pool: int | None) -> _Found:
            # best_rank holds each candidate's rank_key: sorted (stably) by it here, they need
            # not be ranked again unless a context reorders them.
            found = sorted(best.values(), key=lambda c: best_rank[c.place])
            return _Found(found, len(found) if pool is None else pool)

        def lift(units: Sequence[int], c: Candidate) -> None:
            """Consider the name slots ``units`` of units named after the place of ``c``: each
            is met as that place was, unless it was met better on its own."""
            places = {index.name_place[slot] for slot in units}
            before = {place: best.get(place) for place in places}
            consider(units, c.method, edits=c.edits)
            for place in places:
                u, old = best.get(place), before[place]
                if u is None or u is c:
                    continue
                if old is not None and _METHODS.index(old.method) <= _METHODS.index(c.method):
                    best[place] = old
                    best_rank[place] = rank_key(old)
                    continue
                u.method, u.similarity, u.variant = c.method, c.similarity, c.variant
                u.edits, u.typing_edits = c.edits, c.typing_edits
                best_rank[place] = rank_key(u)

        exact = index.exact(core)
        # A Latin query met as written by a romanized Russian former name, and by no name in
        # force but other romanizations and GeoNames' loose variants, where other places' names
        # in force are met by key: those romanize so too, and tie it (Novonikolayevka: a
        # Новомиколаївка renamed, and a score of Новомиколаївка in force, whose Russian name it
        # is). Not where a name in force is met as written (Krasnoarmeysk: Pokrovsk, beside the
        # Russian towns of that name, whose standing the ranking weighs).
        by_key = index.by_key(k)
        former_as_key = False
        if latin_query and all(
            name_how[slot] in ("former", "transliteration") or name_variant[slot] for slot in exact
        ):
            bore = {name_place[slot] for slot in exact if name_how[slot] == "former"}
            former_as_key = bool(bore) and any(
                name_place[slot] not in bore
                and name_how[slot] != "former"
                and not name_variant[slot]
                for slot in by_key
            )
        consider(exact, "exact")
        if not (latin_query and _CZECH_LOCATIVE.search(core)):
            # v Charkově, ve Lvově: a Czech case ending, which no romanization writes (Czech
            # writes е as ě after д, т, н only: Doněck), so no name keyed alike (Харкове)
            consider(by_key, "key")
        if as_written:
            return finish()  # a name made by a rule (a hromada's centre): no forms, no typos
        # Tsjoegoejev, Ouglitch; Cossack Lopan, Большая Шапковка (Великая, Велика)
        for respelled in foreign_respellings(core) if latin_query else translated_readings(core):
            consider(index.by_key(key(respelled)), "key", spelled=fine(respelled))
        if any(
            c.method == "exact"
            and not (c.variant and not latin_query)
            and not c.descriptor_missing
            and (c.hint >= 0 or hint != "hromada")
            for c in best.values()
        ):
            # A recorded name: case forms and typos are moot. A Latin query met by a GeoNames
            # variant is a spelling someone wrote, not a foreign ending on another name. A unit's
            # name without its descriptor (Світлодарська: громада) is not a whole name, and may
            # be a case form (of Світлодарськ). Nor is another unit's adjective where the query
            # says hromada: Липецкая громада is Липецька, not Липецкая область.
            return finish()
        # A common English, Ukrainian or Russian word or name as written (Belgrade, Zelensky) is
        # no foreign inflection of a place: English does not decline, and the list holds no real
        # Latin case form. A word of another language may be one (sumskim: of Sumy).
        # A unit word makes the core its adjective, whatever else it spells (obwód lwowski).
        common = latin_query and hint not in _UNIT_HINTS
        forms = (
            () if common and is_common_word(core, other_languages=False)
            else nominative_candidates(core)
        )  # fmt: skip
        if forms:
            bare = split_preposition(core)[1]
            bare_fine = fine(bare)
        read_forms: list[tuple[str, KindHint | None, str | None]] = []
        literal = False  # whether some form is a recorded name as written
        for form in forms:
            # One word carries no descriptor but itself (split_descriptors keeps a lone "raion"),
            # and the forms of a cleaned core need no cleaning: skip that work for the common case.
            plain = " " not in form and form[0].isalnum() and form[-1].isalnum()
            form_core, form_hint = (form, None) if plain else split_descriptors(form)
            if form_core and form_core != core:
                reading = fine(form_core) if latin_query else None
                # Polish and Czech text declines its own exonyms (z Kyjeva, we Lwowie), which
                # GeoNames records among the variants: spelled exactly, they count.
                written = index.exact(form_core)
                literal = literal or bool(written)
                # у Романівці: a name as written, measured as its other cases are (a form met
                # only by key is a respelling too, which the changed consonant does not excuse)
                unpalatalized = None if latin_query else _unpalatalized(bare, form_core)
                consider(
                    written, "form", hint or form_hint, reading=reading, variants=latin_query,
                    spelled=unpalatalized,
                )  # fmt: skip
                read_forms.append((form_core, form_hint, reading))
        # Where some form is a name as written, one met only by its key may be a respelling
        # (see _respells).
        literal = literal and not latin_query
        keyed: set[tuple[str, str | None, str | None, bool]] = set()
        for form_core, form_hint, reading in read_forms:
            # Покровской, Марганецкую: a Russian feminine adjective read back as -ая, where
            # Ukrainian writes -а (Покровська громада has no Russian name recorded).
            if not latin_query and form_core.endswith(("ая", "яя")):
                form_core = form_core[:-1]
            form_key = key(form_core)
            plural = not latin_query and form_core[-1] in _PLURAL_ENDINGS
            neuter = not latin_query and form_core[-1] in _NEUTER_ENDINGS
            masculine = not latin_query and form_core.endswith(_MASCULINE_ENDINGS)
            step = (form_key, hint or form_hint, reading, plural)
            if step not in keyed:  # Киева, Києва, Киеве read to one key: look it up once
                keyed.add(step)
                consider(
                    index.by_key(form_key), "form", hint or form_hint, reading=reading,
                    plural=plural, neuter=neuter, masculine=masculine,
                    literal=form_core if literal else None,
                )  # fmt: skip
            translated = None if latin_query else translated_stem(form_core)
            if translated is not None:  # Южном: of Южное, Russian for Південне
                consider(
                    index.by_key(key(translated)), "form", hint or form_hint,
                    spelled=fine(translated), literal=form_core if literal else None,
                    translated=True,
                )  # fmt: skip
            hungarian = hungarian_respelling(form_core) if latin_query else None
            if hungarian is not None:  # Kupjanszkban: kupjanszk, read as Hungarian
                consider(
                    index.by_key(key(hungarian)), "form", hint or form_hint,
                    reading=fine(hungarian),
                )  # fmt: skip
        if literal and ukrainian_query:
            # Лозової, of Лозова: the query's own key met Лозовое too (the key reads -ої and -ое
            # alike), a Russian spelling no Ukrainian text writes. Beside a case form met as
            # written, such a hit is a respelled case form, no rival of it.
            for position, c in best.items():
                if c.method == "key" and c.respelled:
                    c.method = "form"
                    best_rank[position] = rank_key(c)
        if not best and latin_query and _SPANISH_J.search(core):
            # Kurajove, Bajmut: Spanish writes х as j, which the key reads as й; asked only
            # where nothing else is met, before near misses
            respelled = _SPANISH_J.sub("kh", core)
            consider(index.by_key(key(respelled)), "key", spelled=fine(respelled))
        if not best and k:
            # Greek and Arabic letters are searched as their likeliest readings (Βολγκαγκράντ:
            # volgagrad; Κονστιαντίνιβκα: konstiantinivka, the nasal kept; ألكسندروغراد:
            # alksndrohrad, the short vowels unwritten)
            readings = greek_readings(core) or abjad_readings(core)
            # each reading's key, with the likeliest reading that gives it
            first_of: dict[str, str] = {}
            for reading in readings:
                first_of.setdefault(key(reading), reading)
            searched = list(first_of)[:_READING_KEYS] or [k]
            near_keys = index.fuzzy_keys_of_any(searched)
            if readings and near_keys:
                # Near misses are measured against the reading whose key came nearest, not
                # the script's own letters (فورونويه: foronoie, not fwrwnwyh).
                nearest = min(searched, key=functools.partial(OSA.distance, near_keys[0][0]))
                query_fine = fine(first_of[nearest])
            if limit is None or hint in _LIFTING_HINTS:
                for found, edits in near_keys:
                    consider(index.by_key(found), "fuzzy", edits=edits)
            else:
                # Near misses reach hundreds of places (Pokrovks: Pokrovsk and the Pokrovske and
                # Pokrovka villages). All are ranked and counted; candidates are built for those
                # the answer can depend on: the first ``limit``, the one after, and their rivals.
                taken, scores = near_misses(near_keys)
                pool = len(taken)
                # A place's rank up to its similarity is its name's and the descriptor's
                # agreement with its kind: only those that may come first, next or as a rival
                # need the rest of theirs (their prominence).
                fits = _HINT_FITS.get(hint or "", _NO_KINDS)
                first = [
                    (
                        c[0][:6] if hint is None
                        else (-1 if kinds[p] in fits else 1, *c[0][1:6])
                    ,
                        p,
                    )
                    for p, c in taken.items()
                ]  # fmt: skip
                first.sort(key=lambda item: item[0])
                end = _deciding([rank for rank, _ in first], limit, ties=True)
                wanted = {position for _, position in first[:end]}
                chosen = {p: near_reading(c, scores) for p, c in taken.items() if p in wanted}
                ordered = sorted(placed(chosen, hint), key=lambda item: item[1])
                for position, rank, slot, read, hint_score in ordered[
                    : _deciding([item[1] for item in ordered], limit)
                ]:
                    build(position, rank, slot, read, hint_score, query_fine)
                return finish(pool)
        return finish()

    # ------------------------------------------------------------- filters, context
    def _check_options(
        self,
        *,
        country: str | None = None,
        kind: str | Collection[str] | None = None,
        within: str | None = None,
        threshold: float | None = None,
    ) -> None:
        """Raise OptionError or UnknownUnitError for a wrong option, before any lookup: the
        batch paths and the CLI check once, up front, not at every row."""
        self._check(country, kind)
        if within is not None:
            self._unit(within)
        if threshold is not None:
            _threshold(threshold)

    def _check(
        self, country: str | None, kind: str | Collection[str] | None
    ) -> tuple[str | None, set[str] | None]:
        """The ``country`` and ``kind`` options, checked: OptionError names a wrong one."""
        kinds = None
        if kind is not None:
            kinds = {kind} if isinstance(kind, str) else set(kind)
            unknown = sorted(str(k) for k in kinds if k not in KINDS)
            if unknown or not kinds:
                raise OptionError(
                    "kind", kind, f"not a kind of place; one of {', '.join(sorted(KINDS))}"
                )
        if country is not None:
            if not isinstance(country, str):
                raise OptionError("country", country, "must be an ISO 3166-1 code such as UA")
            country = country.strip().upper()
            if self._countries is None:
                self._countries = self.index.countries()
            if country not in self._countries:
                known = ", ".join(sorted(self._countries))
                raise OptionError("country", country, f"no place of the gazetteer is in {known}")
        return country, kinds

    def _filter(
        self, country: str | None, kind: str | Collection[str] | None, within: str | None
    ) -> _Keep:
        country, kinds = self._check(country, kind)
        unit = None if within is None else self._unit(within)
        if country is None and kinds is None and unit is None:
            return None  # keep every place
        memo = (country, None if kinds is None else frozenset(kinds), unit)
        known = self._filters.get(memo)
        if known is not None:
            return known

        def keep(info: PlaceInfo) -> bool:
            return (
                (country is None or info.country == country)
                and (kinds is None or info.kind in kinds)
                and (unit is None or unit in info.parents or info.id == unit)
            )

        with self._lock:
            if len(self._filters) >= _FILTERS_SIZE:
                self._filters.clear()
            self._filters[memo] = keep
        return keep

    def _unit(self, within: str) -> str:
        if not isinstance(within, str):
            raise OptionError("within", within, "must be a unit's name or a place id")
        unit = self._units.get(within)
        if unit is not None:
            return unit
        if within in self.gazetteer:
            unit = within
        else:
            found = self.resolve(within, kind=_ADMIN_KINDS)
            if found is None:
                raise UnknownUnitError(within)
            place = self.gazetteer[found.id]
            unit = place.oblast_id if place.kind == "entity" and place.oblast_id else place.id
        if len(self._units) >= _FILTERS_SIZE:
            self._units.clear()
        self._units[within] = unit
        return unit

    def _context(self, near: Point | Sequence[str] | None) -> list[PlaceInfo]:
        if near is None:
            return []
        if isinstance(near, str):
            near = [near]
        if len(near) == 2 and all(isinstance(v, (int, float)) for v in near):
            lat, lon = float(near[0]), float(near[1])
            return [PlaceInfo("", "point", "", 0, True, (), lat, lon)]
        places = []
        known = self._near
        for other in near:  # names are remembered; None and NaN are missing
            info = known.get(other, _UNSEEN) if isinstance(other, str) else _UNSEEN
            if info is _UNSEEN:
                m = self.resolve(other)
                info = None if m is None else self.index.place(self.index.position[m.id])
                if isinstance(other, str):
                    if len(known) >= _MEMO_SIZE:
                        known.clear()
                    known[other] = info
            if isinstance(info, PlaceInfo):
                places.append(info)
        return places

    # ------------------------------------------------------------------------ output
    def _match(self, query: str, c: Candidate, p: float, *, ambiguous: bool) -> Match:
        g, index = self.gazetteer, self.index
        place = g[index.place(c.place).id]

        def name_of(place_id: str | None) -> str | None:
            position = index.position.get(place_id) if place_id else None
            if position is None or place_id == place.id:
                return None
            return index.place(position).name

        return Match(
            query=query,
            id=place.id,
            name=place.name,
            kind=place.kind,
            country=place.country,
            admin1=name_of(place.oblast_id),
            admin2=name_of(place.raion_id),
            admin3=name_of(place.hromada_id),
            name_uk=place.name_uk,
            name_ru=place.name_ru,
            lat=place.lat,
            lon=place.lon,
            population=place.population,
            geonames_id=place.geonames_id,
            katottg=place.katottg,
            confidence=round(p, 4),
            matched=c.matched,
            how=_how(c),
            ambiguous=ambiguous,
            data_version=g.version,
        )


@dataclass(frozen=True, slots=True)
class _Assessed:
    """A query's outcome before any threshold: its ranked matches (up to the limit asked), and
    the winner's name with what its homonyms share. Remembered per query and options."""

    matches: tuple[Match, ...]
    name: str | None
    name_confidence: float
    kind: Any  # Kind | None
    country: str | None
    admin1: str | None
    places: tuple[str, ...]
    how: How | None
    matched: str | None
    core: str  # the query without descriptor, for telling a non-name


class _Found(list[Candidate]):
    """Candidates in rank order (rank_key, no context counted), near misses perhaps not all
    built: ``pool`` is how many places were found."""

    def __init__(self, candidates: list[Candidate], pool: int) -> None:
        super().__init__(candidates)
        self.pool = pool


def _deciding(ranks: Sequence[tuple[float, ...]], limit: int, *, ties: bool = False) -> int:
    """How many of the near misses ranked ``ranks`` (sorted) the first ``limit`` answers depend
    on: those, the next one (each answer is weighed against the one after it), and every rival
    of each (scoring.rival: a near miss's rivals share its evidence and come within 0.1 of its
    similarity, so they follow it in rank order; 0.11 allows for the rank's rounding).
    ``ties``: the ranks are cut short after the similarity, and the places that tie the last
    one taken are taken too (their order is still open)."""
    end = min(len(ranks), limit + 1)
    if ties:
        while end < len(ranks) and ranks[end] == ranks[end - 1]:
            end += 1
    for i in range(end):
        evidence, floor = ranks[i][:4], -ranks[i][5] - 0.11
        j = max(end, i + 1)
        while j < len(ranks) and ranks[j][:4] == evidence and -ranks[j][5] >= floor:
            j += 1
        end = max(end, j)
    return end


class _SlotReading(NamedTuple):
    """What one name adds to a candidate's evidence in one lookup step: its part of the rank
    (rank_tuple without the place's own part), the method it counts as, and so on."""

    rank: tuple[float, ...]
    method: str
    similarity: float
    edits: int
    respelled: bool
    missing: bool


# A place's best name in a lookup step: the name's part of the rank, its slot, what it adds.
_Chosen = tuple[tuple[float, ...], int, _SlotReading]


class _Once:
    """A question asked at most once: its answer is kept (cheaper than functools.cache)."""

    __slots__ = ("_answer", "_ask")

    def __init__(self, ask: Callable[[], bool]) -> None:
        self._ask: Callable[[], bool] | None = ask
        self._answer = False

    def __call__(self) -> bool:
        if self._ask is not None:
            self._answer, self._ask = self._ask(), None
        return self._answer


_Keep = Any  # Callable[[PlaceInfo], bool] | None (keep all); Any keeps mypy quiet


_MEMO_SIZE = 100_000
_RUSSIAN_VILLAGE = re.compile(r"(?:деревн\w*|дер\.|д\.)\s")
_GATHERED_SIZE = 4_096  # cores' evidence remembered: a report's names, asked in context
_FILTERS_SIZE = 1_024
_UNSEEN: Any = object()  # not looked up yet
_CANDIDATE_FIELDS = operator.attrgetter(*(f.name for f in fields(Candidate)))


_SCALARS = frozenset({str, int, float, bool})


def _memo_key(text: str, *options: Any) -> tuple[Any, ...] | None:
    """A hashable key for an answer, or None when an option cannot be one (a mutable near)."""
    if all(option is None or type(option) in _SCALARS for option in options):
        return (text, *options)  # most lookups: no collection to order
    parts: list[Any] = [text]
    for option in options:
        if isinstance(option, (list, set, frozenset, tuple)):
            option = (
                tuple(sorted(map(str, option)))
                if isinstance(option, (set, frozenset))
                else tuple(option)
            )
        parts.append(option)
    key = tuple(parts)
    try:
        hash(key)
    except TypeError:
        return None
    return key


def _as_text(name: object) -> str | None:
    if name is None:
        return None
    if isinstance(name, str):
        return name
    if isinstance(name, float) and math.isnan(name):
        return None
    if type(name).__name__ in ("NAType", "NaTType"):  # pandas.NA, pandas.NaT
        return None
    raise TypeError(f"a place name must be a str, not {type(name).__name__}")


def _how(c: Candidate) -> How:
    if c.method == "exact":
        return c.name_how  # type: ignore[return-value]
    if c.method == "key":
        return "former" if c.name_how == "former" else "transliteration"
    if c.method == "form":
        return "case-form"
    return "fuzzy"


def _similarity(
    method: str,
    query_fine: str,
    index: Index,
    slot: int,
    name_fine: str,
    edits: int,
    latin_query: bool,
) -> tuple[float, str, int]:
    """How close the query's romanized spelling is to a name found by ``method``, and the
    method and key edits it counts as: a key hit too far from the name is a near miss."""
    if method == "exact":
        return 1.0, method, edits
    if method in ("key", "form") and latin_query:
        similarity = _romanized_similarity(query_fine, index, slot, name_fine)
    else:
        similarity = fuzz.ratio(query_fine, name_fine) / 100
    if method == "key" and (
        similarity < _KEY_MIN_SIMILARITY
        # Kreminnej ~ Кремінне, Popasnej ~ Попасный: -ej romanizes -ей alone; Polish writes
        # the feminine's cases so (w Kreminnej, of Kreminna), which the case forms read.
        or (
            latin_query and query_fine.endswith("ej") and not name_fine.endswith(("ej", "ei", "ey"))
        )
    ):
        # The coarse key met, the spellings did not (Zelensky ~ Solonske): a near miss at
        # best, scored as a one-edit fuzzy hit.
        return similarity, "fuzzy", 1
    return similarity, method, edits


def _statics(columns: PlaceColumns, position: int) -> tuple[float, float, int, bool]:
    """A place's prominence as ranking weighs it: prior, kind prior, tier; and whether it is
    current."""
    kind, current = columns.kind[position], bool(columns.current[position])
    return (
        prior(kind, columns.population[position], columns.country[position]),
        KIND_PRIOR.get(kind, 0.0),
        TIER.get(kind, 0) if current else 0,
        current,
    )


def _romanized_similarity(spelling: str, index: Index, slot: int, name_fine: str) -> float:
    """How close a Latin spelling is to the name at ``slot``: against its ASCII fold and, short
    of a perfect match, its romanization in every scheme of its language, the best counting.
    Kysiwka is Кисівка exactly as Polish spells it, though its fold (Kisivka) differs by a
    letter."""
    best = fuzz.ratio(spelling, name_fine)
    if best < 100:
        for romanized in index.romanized(slot):
            best = max(best, fuzz.ratio(spelling, romanized, score_cutoff=best))
    return best / 100


def _spells(reading: str, index: Index, slot: int, name_fine: str, *, loose: bool = False) -> bool:
    """Whether a Latin case form's reading spells the name at ``slot`` in some romanization."""
    cut = _LATIN_UNIT_FORM_MIN_SIMILARITY if loose else _LATIN_FORM_MIN_SIMILARITY
    return _romanized_similarity(reading, index, slot, name_fine) >= cut


def _threshold(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise OptionError("threshold", value, "must be a number from 0 to 1")
    return float(value)


def _not_a_name(text: str, core: str) -> bool:
    """Whether a query that found no name is no place name at all: no letter in it, too long
    for a name, or a common word, person's name or water body as written (Railway, Zelensky,
    Oleksandr Syrskyi, Seversky Donets)."""
    if not any(ch.isalpha() for ch in text) or len(text) > MAX_QUERY_LENGTH or not core:
        return True
    return is_common_word(core) or is_person_name(core) or is_surname(core) or is_water_body(core)


def _is_bulgarian(text: str) -> bool:
    """Whether ``text`` (lower case) is spelt as only Bulgarian spells (Търново)."""
    return _BULGARIAN_HARD_SIGN.search(text) is not None and _NOT_BULGARIAN.search(text) is None


# Stems of the possessive names in -ка (Александровка, Олександрівка, Ильинка).
_POSSESSIVE_STEMS = ("ов", "ев", "ёв", "ив", "ів", "їв", "ин", "ын", "ін")
# A feminine adjective of a settlement's name, in any case: the stem and its suffix's consonants.
_FEMININE_OF_NAME = re.compile(r"^(\w{3,}?)(ськ|зьк|цьк|ск|цк)(?:ая|ой|ую|ою|а|ої|ій|у)$")


def _centre_names(core: str) -> list[str]:
    """The names a Cyrillic feminine adjective may be made from, most likely first: Александровская
    of Александровка, Славянская of Славянск, Лиманская of Лиман, Марганецкая of Марганец,
    Александровское (a neuter name's adjective drops its ending too); or a Latin adjective's
    stem (Junakiw: Junakiwka)."""
    if not has_cyrillic(core):
        # Junakiw, Schalyhin: the stem of Юнаківська, Шалигинська, whose centres are Юнаківка
        # and Шалигине
        return [core + "ka", core + "e"] if len(core) >= _MIN_STEM and " " not in core else []
    match = _FEMININE_OF_NAME.match(core)
    if match is None:
        return []
    stem, suffix = match.groups()
    soft = "ь" if "ь" in suffix else ""
    names = [stem + suffix[:-1].removesuffix("ь") + soft + "к"]  # Славянск, Покровськ, Торецк
    possessive = stem.endswith(_POSSESSIVE_STEMS)
    if suffix[0] == "ц":
        names.append(stem + "ц")  # Марганец (Марганецкая)
    else:
        if possessive:
            names.append(stem + "ка")  # Александровка, Олександрівка
        names.append(stem)  # Лиман
    names.append(stem + suffix + ("е" if soft else "ое"))  # Александровское, Олександрівське
    if suffix[0] != "ц" and not possessive:
        names.append(stem + "ка")  # Славянка (Слов'янка), after Славянск
    return names


# Ukrainian and Russian letters read alike where the two languages spell one name apart
# (Красний, Красный); soft and hard signs and apostrophes dropped.
_SKELETON = str.maketrans("іїыєэёґ", "иииееег", "ьъ'’ʼ")


def _respells(form: str, name: str, ukrainian: bool) -> bool:
    """Whether a Cyrillic query's case form ``form``, where another form of the query is a
    recorded name as written, merely respells ``name``, which its key met: in Ukrainian text any
    other spelling (Хотінської is of Хотінська громада, not of Хотинська: і and и are two
    letters); in Russian text a name in Latin script, or one whose stem the other language's
    spelling does not explain (Борозенки is of Борозенка, not of Березинка; Красным Лиманом is of
    Lyman, once Красний Лиман; Калинового of Калинове as of Калиновое)."""
    if ukrainian or not has_cyrillic(name):
        return True
    # The endings apart, where the languages differ (Калиновое, Калинове).
    return not name.lower().translate(_SKELETON).startswith(form.translate(_SKELETON)[:-2])


# Ukrainian turns к, г, х before the -і of the locative and dative into ц, з, с (Романівка: у
# Романівці; Ольховатка: в Ольховатці).
_PALATALIZED = {"ці": "к", "зі": "г", "сі": "х"}


def _unpalatalized(query: str, form: str) -> str | None:
    """The romanized ``query`` with that change undone, if ``form`` is the name it came from
    (Романівці of Романівка: romanivki), so that the form is as close to its name as the other
    cases are (Романівки), which is what a case form's similarity measures; else None (Одесі of
    Одеса, Криниці of Криниця keep their consonant)."""
    back = _PALATALIZED.get(query[-2:])
    if back is None or form[-2:-1] != back or form[:-2] != query[:-2]:
        return None
    return fine(query[:-2] + back + "і")


def _merged(found: list[Candidate], more: list[Candidate]) -> list[Candidate]:
    """The candidates of both lists, each place once, with its better evidence."""
    best: dict[int, Candidate] = {}
    for c in (*found, *more):
        known = best.get(c.place)
        if known is None or rank_key(c) < rank_key(known):
            best[c.place] = c
    return sorted(best.values(), key=rank_key)


def _former_name(index: Index, place: int, c: Candidate) -> bool:
    """Whether the name ``c`` met is one ``place`` bore before (GeoNames may record it as an
    alternate name too: Красноармейск for Pokrovsk)."""
    return c.name_how == "former" or any(
        index.name_place[slot] == place and index.name_how[slot] == "former"
        for slot in index.exact(clean(c.matched))
    )


def _centre_of(info: PlaceInfo) -> str | None:
    """The id of the hromada whose centre ``info`` is, or None: KATOTTG lists a hromada's
    centre first, as its settlement 001 (UA59080090010070278, Krasnopillia, in
    UA59080090000092991, Krasnopilska hromada)."""
    code = info.id.removeprefix("katottg:")
    if len(code) != _KATOTTG_LENGTH or code[9:12] != _CENTRE or info.kind not in _SETTLED:
        return None
    return next((p for p in info.parents if p.startswith(_HROMADA_PREFIX + code[:9])), None)


_KATOTTG_LENGTH = 19  # UA and 17 digits
_CENTRE = "001"
_HROMADA_PREFIX = "katottg:"
_SETTLED = frozenset({"city", "town", "village", "settlement"})


@functools.lru_cache(maxsize=1 << 14)
def _word_or_given_name(core: str, unit_free: bool) -> bool:
    """Whether ``core`` is a common word (of any language when no unit word was given), or a
    given name in some case (Hryhorija, Владимира: of Hryhorij, of Владимир)."""
    return (
        is_common_word(core, other_languages=unit_free)
        or is_given_name(core)
        or any(is_given_name(c) for c in nominative_candidates(core)[1:4])
    )


def _plural_name(name: str) -> bool:
    """Whether ``name`` ends as a plural does (Рідкодуби, Pishchany), which a neuter or a
    masculine adjective's reading cannot be: the key reads their last vowels alike."""
    return _PLURAL_NAME.search(name) is not None
