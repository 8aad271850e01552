"""Stage 5: Resolver.resolve and Resolver.candidates: from a query to ranked, scored Matches.

Gathers evidence from the index (exact names, transliteration keys, case forms, then fuzzy
keys), applies the caller's filters (country, kind, within) and context (near), ranks with
scoring.py and abstains below a threshold. The module-level functions in toponyms use one
lazily built Resolver over the shipped gazetteer.
"""

from __future__ import annotations

import functools
import hashlib
import math
import threading
from collections import OrderedDict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from . import gazetteer as _gazetteer
from .gazetteer import Gazetteer
from .index import Entry, Index, PlaceInfo, distance_km, fine, romanizations, text_layer_digest
from .keys import foreign_respellings, key
from .lexicon import is_common_word
from .match import How, Match
from .scoring import (
    KIND_PRIOR,
    TIER,
    Candidate,
    confidence,
    default_threshold,
    features,
    prior,
    rank_key,
)
from .text.forms import nominative_candidates, split_preposition
from .text.normalize import has_cyrillic, repair_descriptor, split_descriptors

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
    "oblast": {"oblast", "federal_subject", "entity"},
    "raion": {"raion"},
    "hromada": {"hromada"},
    "city_district": {"city_district"},
    "federal_subject": {"federal_subject"},
    "country": {"country"},
    "entity": {"entity"},
}
Point = tuple[float, float]
# Keys are coarse (three vowel classes): a key hit whose romanized spelling is this far from the
# name is scored as fuzzy, not as a transliteration.
_KEY_MIN_SIMILARITY = 0.7
# A Latin case form (Kanivas, w Charkowie) is a name's romanization with a foreign ending cut
# off: the reading must spell the name this closely in some scheme, or the coarse key has met
# another name (Selechina is not Solochyn with -a), and fuzzy search gets its turn.
_LATIN_FORM_MIN_SIMILARITY = 0.85


class Resolver:
    """Resolves place names against one gazetteer (by default, the shipped one).

    >>> r = Resolver()
    >>> r.resolve("Krasnoarmeysk").name
    'Pokrovsk'
    """

    def __init__(self, gazetteer: Gazetteer | None = None, *, threshold: float | None = None):
        """``threshold``: the confidence below which resolve() abstains; by default the one
        fitted with the model (scoring.default_threshold(), docs/accuracy.md)."""
        self._gazetteer = gazetteer
        self._threshold = default_threshold() if threshold is None else threshold
        self._index: Index | None = None
        self._lock = threading.Lock()
        # Reports repeat the same few hundred names: answers are remembered (bounded, LRU).
        self._answers: OrderedDict[tuple[Any, ...], list[Match]] = OrderedDict()

    def __reduce__(self) -> tuple[Any, ...]:
        # Ship the recipe, not the index: a worker rebuilds (or reads the disk cache) once.
        return (Resolver, (self._gazetteer,), {"threshold": self._threshold})

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._threshold = state["threshold"]

    def __repr__(self) -> str:
        return f"<Resolver over {self.gazetteer!r}, threshold={self._threshold}>"

    @property
    def gazetteer(self) -> Gazetteer:
        return self._gazetteer if self._gazetteer is not None else _gazetteer.shipped()

    @property
    def index(self) -> Index:
        if self._index is None:
            with self._lock:
                if self._index is None:
                    if self._gazetteer is None:
                        self._index = _shipped_index()
                    else:
                        self._index = Index(self._gazetteer)
        return self._index

    # ------------------------------------------------------------------------- public
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
        """The place ``name`` most likely means, or None when no answer is confident enough.

        None, NaN and pandas.NA give None; other non-strings raise TypeError.
        """
        found = self.candidates(name, limit=1, country=country, kind=kind, within=within, near=near)
        cut = self._threshold if threshold is None else threshold
        if found and found[0].confidence >= cut:
            return found[0]
        return None

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
        """Up to ``limit`` places ``name`` may mean, best first, each with its confidence."""
        text = _as_text(name)
        if text is None:
            return []
        memo = _memo_key(text, limit, country, kind, within, near)
        if memo is not None:
            with self._lock:
                found = self._answers.get(memo)
                if found is not None:
                    self._answers.move_to_end(memo)
                    return list(found)
        found = self._candidates(text, limit, country, kind, within, near)
        if memo is not None:
            with self._lock:
                self._answers[memo] = found
                if len(self._answers) > _MEMO_SIZE:
                    self._answers.popitem(last=False)
        return list(found)

    def _candidates(
        self,
        text: str,
        limit: int,
        country: str | None,
        kind: str | Collection[str] | None,
        within: str | None,
        near: Point | Sequence[str] | None,
    ) -> list[Match]:
        scored = self._scored(text, limit, country, kind, within, near)
        if not scored:
            return []
        # The model scores the winner. A runner-up is right only when the winner is wrong: it
        # gets a share of the winner's doubt, in proportion to its own score, and never more
        # than the winner.
        top = scored[0].confidence
        # The winner is chosen by evidence (scoring.rank_key); the rest are listed by score.
        scored[1:] = sorted(scored[1:], key=lambda s: -s.confidence)
        rest = sum(s.confidence for s in scored[1:]) or 1.0
        return [
            self._match(text, s.candidate, top if i == 0 else
                        min(top, (1.0 - top) * s.confidence / rest), ambiguous=s.ambiguous)
            for i, s in enumerate(scored)
        ]  # fmt: skip

    def _scored(
        self,
        text: str,
        limit: int,
        country: str | None = None,
        kind: str | Collection[str] | None = None,
        within: str | None = None,
        near: Point | Sequence[str] | None = None,
    ) -> list[_Scored]:
        """The top ``limit`` candidates with the confidence model's inputs and output."""
        if len(text) > _WHOLE_INPUT_LIMIT:
            return []
        core, hint = split_descriptors(text)
        if not core or len(core) > MAX_QUERY_LENGTH:
            return []
        index = self.index
        keep = self._filter(country, kind, within)
        k = key(core)
        found = self._gather(core, k, hint, keep)
        if not found:  # "Луцький райнон": a garbled descriptor hides the name
            repaired = repair_descriptor(text)
            if repaired is not None:
                core, hint = split_descriptors(repaired)
                k = key(core)
                found = self._gather(core, k, hint, keep) if core else []
        if not found:
            return []
        context = self._context(near)
        for c in found:
            c.context = _context_score(index.place(c.place), context) if context else 0
        found.sort(key=rank_key)
        _centre_first(index, found)
        common = functools.cache(lambda: is_common_word(core))  # once per query, if at all
        scored = []
        for i, top in enumerate(found[: max(1, limit)]):
            rivals = [
                r for j, r in enumerate(found)
                if j != i and _rival(r, top) and not _one_place(index, r, top)
            ]  # fmt: skip
            x = features(
                top, rivals, context_given=bool(context), query_length=len(core),
                key_length=len(k), pool=len(found), lowercase=text == text.lower(),
                runner_up=next((c for c in found if c is not top), None),
                # Asked only where the feature can fire (inexact, not a romanization).
                common_word=top.method != "exact" and top.similarity < 1.0 and common(),
            )  # fmt: skip
            ambiguous = bool(rivals) and _close(top, rivals)
            scored.append(_Scored(top, x, confidence(x), ambiguous))
        return scored

    def normalize(
        self,
        name: object,
        *,
        country: str | None = None,
        kind: str | Collection[str] | None = None,
        within: str | None = None,
        near: Point | Sequence[str] | None = None,
    ) -> str | None:
        """The canonical name of the place ``name`` means, or None.

        ``normalize("под Мирноградом") == "Myrnohrad"``.
        """
        match = self.resolve(name, country=country, kind=kind, within=within, near=near)
        return None if match is None else match.name

    # ---------------------------------------------------------------------- evidence
    def _gather(self, core: str, k: str, hint: str | None, keep: _Keep) -> list[Candidate]:
        """Every place the query's ``core`` (whose key is ``k``) may name, with its evidence."""
        index = self.index
        best: dict[int, Candidate] = {}
        query_fine = fine(core)
        bare_fine = fine(split_preposition(core)[1])  # for case forms: мирноградом ~ мирноград
        latin_query = not has_cyrillic(core)

        def consider(
            slots: Iterable[int],
            method: str,
            hint: str | None = hint,
            edits: int = 0,
            spelled: str | None = None,  # the query as respelled for this lookup, if it was
            reading: str | None = None,  # a Latin case form's nominative reading, as fine() spells
            variants: bool = False,  # may a case form inflect an unclassified variant name
        ) -> None:
            for slot in slots:
                if method == "form" and index.name_variant[slot] and not variants:
                    continue  # case forms inflect recorded names, not GeoNames' loose variants
                e = index.entry(slot)
                info = index.place(e.place)
                if not keep(info):
                    continue
                against = bare_fine if method == "form" else spelled or query_fine
                if reading is not None and not _spells(reading, e, index.name_fine[slot]):
                    continue
                c = self._candidate(
                    e, index.name_fine[slot], info, method, hint, against, edits, latin_query
                )
                old = best.get(e.place)
                if old is None or rank_key(c) < rank_key(old):
                    best[e.place] = c

        consider(index.exact(core), "exact")
        consider(index.by_key(k), "key")
        if latin_query:
            for respelled in foreign_respellings(core):  # Tsjoegoejev, Ouglitch
                consider(index.by_key(key(respelled)), "key", spelled=fine(respelled))
        if any(
            c.method == "exact" and not (c.variant and not latin_query) and not c.descriptor_missing
            for c in best.values()
        ):
            # A recorded name: case forms and typos are moot. A Latin query met by a GeoNames
            # variant is a spelling someone wrote, not a foreign ending on another name. A unit's
            # name without its descriptor (Світлодарська: громада) is not a whole name, and may
            # be a case form (of Світлодарськ).
            return list(best.values())
        # A common word or name as written (Belgrade, Zelensky) is no foreign inflection of a
        # place: English does not decline, and the list holds no real Latin case form.
        forms = () if latin_query and is_common_word(core) else nominative_candidates(core)
        for form in forms:
            # One word carries no descriptor but itself (split_descriptors keeps a lone "raion"),
            # and the forms of a cleaned core need no cleaning: skip that work for the common case.
            plain = " " not in form and form[0].isalnum() and form[-1].isalnum()
            form_core, form_hint = (form, None) if plain else split_descriptors(form)
            if form_core and form_core != core:
                reading = fine(form_core) if latin_query else None
                # Polish and Czech text declines its own exonyms (z Kyjeva, we Lwowie), which
                # GeoNames records among the variants: spelled exactly, they count.
                consider(
                    index.exact(form_core), "form", hint or form_hint, reading=reading,
                    variants=latin_query,
                )  # fmt: skip
                consider(index.by_key(key(form_core)), "form", hint or form_hint, reading=reading)
        if not best and k:
            for found, edits in index.fuzzy_keys(k):
                consider(index.by_key(found), "fuzzy", edits=edits)
        return list(best.values())

    def _candidate(
        self,
        e: Entry,
        name_fine: str,
        info: PlaceInfo,
        method: str,
        hint: str | None,
        query_fine: str,
        edits: int,
        latin_query: bool = False,
    ) -> Candidate:
        if method == "exact":
            similarity = 1.0
        elif method in ("key", "form") and latin_query:
            similarity = _romanized_similarity(query_fine, e, name_fine)
        else:
            similarity = fuzz.ratio(query_fine, name_fine) / 100
        if method == "key" and similarity < _KEY_MIN_SIMILARITY:
            # The coarse key met, the spellings did not (Zelensky ~ Solonske): a near miss at
            # best, scored as a one-edit fuzzy hit.
            method, edits = "fuzzy", 1
        fits = _HINT_FITS.get(hint or "", set())
        return Candidate(
            place=e.place,
            method=method,
            name_how=e.how,
            matched=e.name,
            similarity=similarity,
            edits=edits,
            hint=0 if hint is None else (1 if info.kind in fits else -1),
            descriptor_missing=hint is None and e.hint is not None,
            prior=prior(info.kind, info.population, info.country),
            current=info.current,
            variant=e.variant,
            kind_prior=KIND_PRIOR.get(info.kind, 0.0),
            population=info.population,
            tier=TIER.get(info.kind, 0) if info.current else 0,
            country=info.country,
            respelled=method == "key" and not latin_query,
            typing_edits=OSA.distance(query_fine, name_fine) if method == "fuzzy" else 0,
        )

    # ------------------------------------------------------------- filters, context
    def _filter(
        self, country: str | None, kind: str | Collection[str] | None, within: str | None
    ) -> _Keep:
        kinds = None if kind is None else ({kind} if isinstance(kind, str) else set(kind))
        country = None if country is None else country.upper()
        unit = None if within is None else self._unit(within)

        def keep(info: PlaceInfo) -> bool:
            return (
                (country is None or info.country == country)
                and (kinds is None or info.kind in kinds)
                and (unit is None or unit in info.parents or info.id == unit)
            )

        return keep

    def _unit(self, within: str) -> str:
        if within in self.gazetteer:
            return within
        found = self.candidates(within, limit=1, kind=_ADMIN_KINDS)
        if not found or found[0].confidence < self._threshold:
            raise ValueError(f"within={within!r} names no unit of the gazetteer")
        place = self.gazetteer[found[0].id]
        return place.oblast_id if place.kind == "entity" and place.oblast_id else place.id

    def _context(self, near: Point | Sequence[str] | None) -> list[PlaceInfo]:
        if near is None:
            return []
        if isinstance(near, str):
            near = [near]
        if len(near) == 2 and all(isinstance(v, (int, float)) for v in near):
            lat, lon = float(near[0]), float(near[1])
            return [PlaceInfo("", "point", "", 0, True, (), lat, lon)]
        places = []
        for other in near:
            m = self.resolve(other)
            if m is not None:
                places.append(self.index.place(self.index.position[m.id]))
        return places

    # ------------------------------------------------------------------------ output
    def _match(self, query: str, c: Candidate, p: float, *, ambiguous: bool) -> Match:
        g = self.gazetteer
        place = g[self.index.place(c.place).id]

        def name_of(place_id: str | None) -> str | None:
            parent = g.get(place_id) if place_id else None
            return None if parent is None or parent.id == place.id else parent.name

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
class _Scored:
    candidate: Candidate
    features: list[float]
    confidence: float
    ambiguous: bool


_Keep = Any  # Callable[[PlaceInfo], bool]; Any keeps mypy quiet about the closure's type


_MEMO_SIZE = 100_000


def _memo_key(text: str, *options: Any) -> tuple[Any, ...] | None:
    """A hashable key for an answer, or None when an option cannot be one (a mutable near)."""
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


def _romanized_similarity(spelling: str, e: Entry, name_fine: str) -> float:
    """How close a Latin spelling is to the name ``e``: against its ASCII fold and, short of a
    perfect match, its romanization in every scheme of its language, the best counting. Kysiwka
    is Кисівка exactly as Polish spells it, though its fold (Kisivka) differs by a letter."""
    best = fuzz.ratio(spelling, name_fine)
    if best < 100:
        for romanized in romanizations(e.name, e.lang):
            best = max(best, fuzz.ratio(spelling, romanized, score_cutoff=best))
    return best / 100


def _spells(reading: str, e: Entry, name_fine: str) -> bool:
    """Whether a Latin case form's reading spells the name ``e`` in some romanization."""
    return _romanized_similarity(reading, e, name_fine) >= _LATIN_FORM_MIN_SIMILARITY


def _rival(other: Candidate, top: Candidate) -> bool:
    """A homonym: found by evidence as strong as the winner's, or by a transliteration of a
    name nearly as close (Лощиновка: one village's Russian name, and another's key). A fuzzy
    neighbour more edits away is no rival: one swap from Sokyrne, "Soykrne" means Sokyrne, not
    Sofyne two edits off, however alike their letters. Edits count twice over: in the key, and
    in typing the romanized spelling (a swap is one): "Kherosn" is one swap from Kherson and two
    slips from Khorosna and Khorosno, whose keys are as near."""
    if other.evidence() == top.evidence():
        if top.method == "fuzzy" and (
            other.edits > top.edits or other.typing_edits > top.typing_edits
        ):
            return False
        return other.similarity >= top.similarity - 0.1
    strong = ("exact", "key")
    hint, variant, _, missing = top.evidence()
    return (
        top.method in strong
        and other.method in strong
        and other.evidence()[:2] == (hint, variant)
        and other.evidence()[3] == missing
        and other.similarity >= 0.9
    )


def _one_place(index: Index, a: Candidate, b: Candidate) -> bool:
    """A unit and a place it encloses, found by one name (Moscow the federal city and Moscow the
    city, Saint Petersburg likewise): a report naming it means both, so neither is the other's
    homonym."""
    if a.matched.casefold() != b.matched.casefold():
        return False
    pa, pb = index.place(a.place), index.place(b.place)
    return pa.id in pb.parents or pb.id in pa.parents


def _centre_first(index: Index, found: list[Candidate]) -> None:
    """Put a settlement before the hromada it lies in when the hromada was met only by its bare
    adjective (Kramatorska, Краматорська, without "громада"), in place. That adjective is also
    the settlement's genitive in Ukrainian, Polish and Czech (біля Краматорська, Kramatorska:
    of Kramatorsk) and its Russian adjectival name (Ilovaiskaia), which is what a bare
    adjective in a report nearly always is."""
    top, unit = found[0], index.place(found[0].place)
    if not top.descriptor_missing or unit.kind != "hromada":
        return
    hromada_id = unit.id
    for i, c in enumerate(found):
        if (
            c.method != "fuzzy"
            and not c.descriptor_missing
            and hromada_id in index.place(c.place).parents
        ):
            found.insert(0, found.pop(i))
            return


def _close(top: Candidate, rivals: list[Candidate]) -> bool:
    """Context and prominence do not settle it: no context edge, and either several rivals or
    one that is not ten times smaller."""
    if top.context > max(r.context for r in rivals):
        return False
    return len(rivals) >= 3 or top.prior - max(r.prior for r in rivals) < 1.0


def _context_score(info: PlaceInfo, context: list[PlaceInfo]) -> int:
    score = 0
    for other in context:
        if other.lat is not None and info.lat is not None and other.lon is not None:
            d = distance_km(info.lat, info.lon or 0.0, other.lat, other.lon)
            if d <= 30:
                return 2
            if d <= 120:
                score = 1
        # Units shared besides the country: the oblast alone says "same region" (1); the
        # raion or hromada too says "next door" (2), as does being the unit itself.
        shared = set(info.parents).intersection(other.parents) - {f"iso:{info.country}"}
        if len(shared) >= 2 or other.id in info.parents or info.id in other.parents:
            return 2
        if shared:
            score = 1
    return score


# --------------------------------------------------------------- the shipped index, cached
_shipped_lock = threading.Lock()


_shipped_index_memo: Index | None = None


def _shipped_index() -> Index:
    """The shipped gazetteer's index: one per process (every default Resolver shares it, and a
    Dask or multiprocessing worker loads it once), cached on disk by the digest of data and
    text layer."""
    global _shipped_index_memo
    with _shipped_lock:
        if _shipped_index_memo is None:
            g = _gazetteer.shipped()
            digest = hashlib.sha256(text_layer_digest() + _gazetteer._content_digest().encode())
            name = f"index-{digest.hexdigest()[:40]}.pickle"
            _shipped_index_memo = _gazetteer._cached(name, lambda: Index(g), Index)
        return _shipped_index_memo
