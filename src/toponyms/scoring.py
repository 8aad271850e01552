"""Stage 4: evidence about candidates -> their ranking, their rivals and calibrated probabilities.

Ranking is a documented order of evidence (how the name matched, then context, then the
place's prominence). Confidence comes in two levels, each a logistic model over features of the
winner and its rivals, fitted on the labelled training set by scripts/fit_confidence.py and
shipped in confidence.json: the *name* model says how likely the winner's canonical name is
right (rivals are candidates of other names), the *place* model how likely the winner is the
place, given its name (rivals are the places sharing it). Every candidate gets a probability
over all candidates, whatever ``limit`` a caller asks for. No string matching happens here:
index.py and resolver.py do that.
"""

from __future__ import annotations

import json
import math
import operator
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .index import Index, PlaceInfo, distance_km

__all__ = [
    "FEATURES", "PLACE_FEATURES", "Assessment", "Candidate", "Query", "assess", "clear_winner",
    "context_score", "default_threshold", "even_odds", "features", "fuzzy_name_rank",
    "placed_rank", "rank", "rank_key", "rank_tuple", "winner_features",
]  # fmt: skip

# How a candidate was found, strongest first.
METHOD_RANK = {"exact": 0, "key": 1, "form": 2, "fuzzy": 3}
# The type of the name it was found by, as a penalty on prominence: between two places that
# both carry the name, an official name outweighs a former one only if the places are of
# similar size (Krasnoarmeysk: the former name of Pokrovsk, 60k, and a town of Saratov Oblast).
NAME_PENALTY = {
    "exact": 0.0, "transliteration": 0.0, "abbreviation": 0.0, "alias": 0.5, "former": 1.0,
    "misspelling": 1.5,
}  # fmt: skip
# The reports this library serves are about Ukraine: a bare name more likely means a place
# there than a Russian namesake. Callers who know better pass country=.
FOCUS_BONUS = {"UA": 2.0}
# A prior for homonyms: a city is what a bare name usually means, then the units.
KIND_PRIOR = {
    "country": 6.0, "oblast": 5.0, "federal_subject": 5.0, "entity": 4.5, "region": 4.5,
    "city": 3.0,
    "raion": 2.5, "town": 1.5, "hromada": 1.0, "city_district": 1.0, "settlement": 0.5,
    "village": 0.0,
}  # fmt: skip
# Prominence tiers for telling a clear homonym winner: first-level units and cities over towns
# and raions, those over villages. A unit no longer current ranks below everything.
TIER = {
    "country": 5, "entity": 5, "region": 5, "oblast": 4, "federal_subject": 4, "city": 3,
    "raion": 2,
    "town": 2, "hromada": 1, "village": 1, "settlement": 1, "city_district": 1,
}  # fmt: skip
# A rival of the same or the next tier is outweighed when it is this many times smaller.
CLEAR_POPULATION_RATIO = 5
# No town or village in the data is larger (the largest known: Pisochyn, 23,509): a rival of a
# lower tier whose size is unknown counts as this large.
UNSIZED_CEILING = 25_000


@dataclass(slots=True)
class Candidate:
    """A place with the best evidence found for it (mutable while the resolver gathers it)."""

    place: int
    method: str  # exact, key, form, fuzzy
    name_how: str  # the matched name's type: exact (official), alias, abbreviation, former, ...
    matched: str
    similarity: float  # 0..1, romanized query core against romanized name core
    edits: int  # key edits for fuzzy candidates
    hint: int  # +1 the query's descriptor agrees with the place's kind, -1 conflicts, 0 none
    descriptor_missing: bool  # the name matched only without its descriptor ("Donetsk" ~ oblast)
    prior: float  # prominence: kind prior + log10(population) + focus bonus
    current: bool
    variant: bool  # matched by an unclassified alternate name (GeoNames), not a curated one
    kind_prior: float = 0.0  # the kind part of the prior
    population: int = 0  # 0 when unknown (most villages: GeoNames links only what is sure)
    tier: int = 0  # TIER of its kind; 0 when no longer current
    country: str = ""
    context: int = 0  # 2 near the report's other places, 1 same region, 0 unknown or far
    # A key hit on a Cyrillic query (Харькове ~ Харкове, Kharkove): another spelling met, which
    # says no more than a case form does (Харькове: in Харьков).
    respelled: bool = False
    # For fuzzy hits: typing edits (optimal string alignment: a swap is one) between the query's
    # romanized spelling and the name's; 0 otherwise.
    typing_edits: int = 0

    def evidence(self) -> tuple[int, int, int, int]:
        """How strongly the string points here, strongest first: agreement with the query's
        descriptor ("Zaporizka oblast" is the oblast, not the Zaporizka hromada, though the
        hromada's name matches more literally); whether the name is only an unclassified
        variant (Donetsk was once Oleksandrivka: a GeoNames variant must not outrank the 60
        places officially so named, and a transliteration of an official name says more than
        a variant spelled the same); the method, a Cyrillic respelling counting as a case
        form; a descriptor the query lacks."""
        return (
            -self.hint,
            int(self.variant),
            METHOD_RANK[self.method] + int(self.respelled),
            int(self.descriptor_missing),
        )


def rank_key(c: Candidate) -> tuple[float, ...]:
    """Sort key, best first: evidence, then context, then prominence (for fuzzy candidates,
    similarity first: a village one edit away beats a city two edits away)."""
    return rank_tuple(
        c.hint, c.variant, c.method, c.respelled, c.descriptor_missing, c.context, c.similarity,
        c.prior, c.name_how, c.current,
    )  # fmt: skip


def rank_tuple(
    hint: int,
    variant: bool,
    method: str,
    respelled: bool,
    descriptor_missing: bool,
    context: int,
    similarity: float,
    prior: float,
    name_how: str,
    current: bool,
) -> tuple[float, ...]:
    """rank_key of a candidate with these fields, before it is built."""
    weight = prior - NAME_PENALTY[name_how] + (0.5 if current else 0.0)
    # Keys are coarse: among key hits the closer spelling wins (Eristovka: Єрістівка over
    # Орестівка), at a grain that leaves true homonyms (equal names) to prominence.
    if respelled:
        near = 0.0  # ranked with the case forms, by prominence
    elif method == "fuzzy":
        near = -round(similarity, 2)
    elif method == "key":
        near = -round(similarity, 1)
    else:
        near = 0.0
    return (
        -hint, int(variant), METHOD_RANK[method] + int(respelled), int(descriptor_missing),
        -context, near, -weight, -similarity,
    )  # fmt: skip


def placed_rank(
    name_rank: tuple[float, ...], hint: int, prior: float, name_how: str, current: bool
) -> tuple[float, ...]:
    """rank_tuple with the place's part (its hint, prior and whether it is current) put into
    ``name_rank``, a rank_tuple made with none (hint 0, prior 0, not current) and no context."""
    weight = prior - NAME_PENALTY[name_how] + (0.5 if current else 0.0)
    return (-hint, *name_rank[1:6], -weight, name_rank[7])


def fuzzy_name_rank(
    variant: bool, descriptor_missing: bool, similarity: float, name_how: str
) -> tuple[float, ...]:
    """rank_tuple of a near miss with no descriptor agreement, context or prominence counted:
    what its name adds to the rank, before the place's part. Made here as rank_tuple makes it
    (the same sums, so the same floats): a query's near misses may be hundreds of names."""
    weight = 0.0 - NAME_PENALTY[name_how] + 0.0
    return (
        0, int(variant), _FUZZY_RANK, int(descriptor_missing), 0, -round(similarity, 2), -weight,
        -similarity,
    )  # fmt: skip


_FUZZY_RANK = METHOD_RANK["fuzzy"]


def prior(kind: str, population: int, country: str) -> float:
    """Prominence: the kind weighs double, so a city of unknown size (GeoNames left it
    unlinked) still outranks a village of 3,000; then population (log10) and the focus."""
    return (
        2 * KIND_PRIOR.get(kind, 0.0) + math.log10(1 + population) + FOCUS_BONUS.get(country, 0.0)
    )


FEATURES = (
    "bias",
    "method_key",
    "method_form",
    "method_fuzzy",
    "name_alias",
    "name_abbreviation",
    "name_former",
    "name_variant",
    "dissimilarity",  # 1 - similarity of the romanized spellings (0 for exact names)
    "fuzzy_dissimilarity",
    "edit_share",  # key edits per key symbol (fuzzy)
    "fuzzy_short",  # a fuzzy hit on a query of up to 6 letters: common words land on villages
    "hint_agrees",
    "hint_conflicts",
    "descriptor_missing",
    "log_rivals",
    "no_rivals",
    "prior_gap",
    "log_pool",  # how many places the query reached at all
    "context_near",  # the report's other places lie nearer the winner than its rivals
    "context_far",
    "short_query",
    "not_current",
    "inexact_small",  # found by key, form or fuzzy, and a village or hamlet of unknown size
    "lowercase_inexact",  # an all-lower-case query found inexactly: common words (рота, площа)
    "inexact_margin",  # similarity lead over the next place, for inexact hits: a typo of a long
    # name has one close neighbour, a common word lands near several
    "inexact_log_length",  # log of the query's length, for inexact hits
    "winner_size",  # log10 population of a winner that has rivals: Poltava (300k) vs villages
    "common_word",  # found inexactly, and the query is itself a common word or name (Kremlin)
    "respelled",  # a Cyrillic query met by key, not as written (Харькове ~ Харкове; Токио ~ Токи)
    "clear_winner",  # a city or higher whose every rival is two tiers lower or a fifth its size
    # (names found exactly, by key or as a case form: fuzzy neighbours are not homonyms)
)


# What tells one place from the others that share its name: the place model weighs these only.
# How the query matched (method, spelling, length, common word) is the same for every homonym
# and is the name model's to weigh; fitted on the few hundred training cases with homonyms, it
# only learned which categories of the training set had them.
PLACE_FEATURES = (
    "bias", "name_variant", "hint_agrees", "hint_conflicts", "descriptor_missing", "prior_gap",
    "context_near", "context_far", "not_current", "clear_winner",
)  # fmt: skip


def features(
    top: Candidate,
    rivals: list[Candidate],
    query: Query,
    pool: int,
    runner_up: Candidate | None = None,
    *,
    homonyms: bool = False,
) -> list[float]:
    """The confidence model's inputs for the winner ``top`` against its ``rivals``
    (``homonyms``: the rivals all share its name, for the place model).

    Rivals are the other candidates with evidence about as strong as the winner's: for the name
    model, those of other names; for the place model, every one, homonyms included.
    """
    context_given, query_length, key_length = query.context_given, query.length, query.key_length
    lowercase = query.lowercase
    # Against the closest rival, clipped: beyond this, prominence says no more.
    gap = max(-6.0, min((6.0, *(_prominence_gap(top, r) for r in rivals)))) if rivals else 0.0
    fuzzy = top.method == "fuzzy"
    inexact = top.method != "exact"
    # The rivals a report's other places set no farther off than the winner: those it sets
    # farther are no doubt against a city (Kostiantynivka beside Kramatorsk and Pokrovsk: the
    # city, where the town of Kirovohrad Oblast, a rival by prominence, lies far away).
    contested = [r for r in rivals if r.context >= top.context] if context_given else rivals
    return [
        1.0,
        float(top.method == "key"),
        float(top.method == "form"),
        float(fuzzy),
        # A recorded garble (DFR) is a curated name like an alias; too rare to weigh apart.
        float(top.name_how in ("alias", "misspelling")),
        float(top.name_how == "abbreviation"),
        float(top.name_how == "former"),
        float(top.variant),
        1.0 - top.similarity,
        (1.0 - top.similarity) if fuzzy else 0.0,
        top.edits / max(1, key_length),
        float(fuzzy and query_length <= 6),
        float(top.hint > 0 and not rivals),  # a descriptor all rivals share settles nothing
        float(top.hint < 0),
        float(top.descriptor_missing),
        math.log1p(len(rivals)),
        float(not rivals),
        gap,
        math.log1p(pool),
        # Context counts where it tells the winner from its rivals: a report's other places
        # all lying in one oblast say nothing about which of its homonyms is meant.
        float(context_given and top.context > max((r.context for r in rivals), default=0)),
        float(context_given and top.context == 0),
        float(query_length <= 3),
        float(not top.current),
        float(inexact and top.population == 0 and top.kind_prior <= KIND_PRIOR["town"]),
        float(inexact and lowercase),
        (top.similarity - (runner_up.similarity if runner_up else 0.0)) if inexact else 0.0,
        math.log(query_length) if inexact else 0.0,
        math.log10(1 + top.population) if rivals else 0.0,
        # Not for a query that is exactly the name in some romanization (Saki: Саки).
        float(inexact and top.similarity < 1.0 and query.common_word()),
        float(top.respelled),
        # Among equal names only: the most prominent of several near spellings is no homonym.
        # Fuzzy neighbours of other names are not weighed by prominence; homonyms are, however
        # the query spelled their name (Mariupl: the city, not the village of that name).
        float(bool(contested) and (homonyms or not fuzzy) and clear_winner(top, contested)),
    ]


def clear_winner(top: Candidate, rivals: list[Candidate]) -> bool:
    """Whether ``top`` is what a reader takes a shared name to mean. Each rival must be
    outranked: no longer current (a raion abolished in 2020, beside the current one of that
    name); or, for a winner that is a city or higher, two tiers lower (Bucha the city, not the
    village), at most a fifth of the winner's population (a town of unknown size counts as
    UNSIZED_CEILING: Zaporizhzhia, 710,000, beside three towns of its name), or of no higher
    tier and outside the focus country (Krasnoarmeysk: the former name of Pokrovsk, and two
    Russian towns)."""
    if top.tier == 0:
        return False

    def outranked(r: Candidate) -> bool:
        if r.tier == 0:
            return True
        if top.tier < TIER["city"]:
            return False
        size = r.population or (UNSIZED_CEILING if r.tier < top.tier else 0)
        return (
            r.tier <= top.tier - 2
            or (top.population > 0 and 0 < size * CLEAR_POPULATION_RATIO <= top.population)
            or (r.tier <= top.tier and top.country in FOCUS_BONUS and r.country not in FOCUS_BONUS)
        )

    return all(map(outranked, rivals))


def _prominence_gap(top: Candidate, rival: Candidate) -> float:
    """How much more prominent the winner is than a rival. Population counts only when both
    are known: GeoNames links only unambiguous villages, so an unknown population is not a
    small one, and one linked Bodnarivka is no bigger than its unlinked namesake."""
    if top.population and rival.population:
        return top.prior - rival.prior
    return 2 * (top.kind_prior - rival.kind_prior)


# ------------------------------------------------------------------ rivals and ranking
def rival(
    other: Candidate, top: Candidate, top_evidence: tuple[int, int, int, int] | None = None
) -> bool:
    """A homonym: found by evidence as strong as the winner's, or by a transliteration of a
    name nearly as close (Лощиновка: one village's Russian name, and another's key). A fuzzy
    neighbour more edits away is no rival: one swap from Sokyrne, "Soykrne" means Sokyrne, not
    Sofyne two edits off, however alike their letters. Edits count twice over: in the key, and
    in typing the romanized spelling (a swap is one): "Kherosn" is one swap from Kherson and two
    slips from Khorosna and Khorosno, whose keys are as near."""
    mine = top.evidence() if top_evidence is None else top_evidence
    theirs = other.evidence()
    if theirs == mine:
        if top.method == "fuzzy" and (
            other.edits > top.edits or other.typing_edits > top.typing_edits
        ):
            return False
        return other.similarity >= top.similarity - 0.1
    strong = ("exact", "key")
    hint, variant, _, missing = mine
    return (
        top.method in strong
        and other.method in strong
        and theirs[:2] == (hint, variant)
        and theirs[3] == missing
        and other.similarity >= 0.9
    )


def _abroad(other: Candidate, top: Candidate) -> bool:
    """Whether ``other``, a namesake of another name, is no doubt about the name: it lies outside
    the focus country, where ``top`` lies, and is of no higher tier or the context favours
    ``top``, and the context does not favour it (в Песках: the 24 Ukrainian villages Pisky, not
    the Russian villages Peski, unless the caller says country="RU" or names Kursk places beside
    it)."""
    return (
        top.method != "fuzzy"  # a near miss's namesakes abroad are doubts like any other
        and top.country in FOCUS_BONUS
        and other.country not in FOCUS_BONUS
        # A larger place abroad is a doubt, unless the context favours the winner (Дачного
        # among villages of Donetsk Oblast: not a district of Saint Petersburg)
        and (other.tier <= top.tier or other.context < top.context)
        and other.context <= top.context
    )


def one_place(index: Index, a: Candidate, b: Candidate) -> bool:
    """A unit and a place it encloses, found by one name (Moscow the federal city and Moscow the
    city, Saint Petersburg likewise): a report naming it means both, so neither is the other's
    homonym."""
    if a.matched.casefold() != b.matched.casefold():
        return False
    ids, parents = index.columns.id, index.columns.parents
    return _encloses(parents[b.place], ids[a.place]) or _encloses(parents[a.place], ids[b.place])


def _encloses(parents: str, unit: str) -> bool:
    """Whether ``unit`` is one of the ids in ``parents`` (joined by U+001F). Most are not even a
    substring of them, which is asked first."""
    return unit in parents and unit in parents.split("\x1f")


def rank(index: Index, found: list[Candidate], *, presorted: bool = False) -> None:
    """Sort ``found`` best first, in place: by rank_key (unless ``presorted``: already in that
    order), then a settlement before the hromada met only by its bare adjective (see
    _centre_first)."""
    if not presorted:
        found.sort(key=rank_key)
    _current_name_first(found)
    _centre_first(index, found)


def _current_name_first(found: list[Candidate]) -> None:
    """Put a place whose official name the query is before a place met only by its former name,
    unless the former holder clearly outranks them (clear_winner), in place. Андріївка is the
    name of 75 villages today and the former name of one town (Sukhanivka): a report writing it
    means one of the villages, or says too little to tell. Krasnoarmeysk still gives Pokrovsk,
    a city of 60,000 beside two Russian towns of that name."""
    top = found[0]
    if top.name_how != "former":
        return
    # The report's context, where it favours the former holder, still settles it.
    current = [
        c
        for c in found[1:]
        if c.name_how == "exact"
        and c.evidence() == top.evidence()
        and c.context >= top.context
        and c.similarity >= top.similarity  # Nikanorivka spells the former name, not Никаноровка
    ]
    if current and not clear_winner(top, current):
        found.remove(current[0])
        found.insert(0, current[0])


# Units whose name is a feminine adjective that is also the genitive of their centre's name when
# it ends in -ськ: Краматорська (громада), Донецька and Луганська (область).
_NAMED_BY_ADJECTIVE = frozenset({"hromada", "oblast"})


def _centre_first(index: Index, found: list[Candidate]) -> None:
    """Put a settlement before the hromada or oblast it lies in when the unit was met only by
    its bare adjective (Kramatorska, Краматорська, Донецька, without "громада" or "область"), in
    place. That adjective is also the settlement's genitive in Ukrainian, Polish and Czech (біля
    Краматорська, w okolicy Doniecka: of Kramatorsk, of Donetsk) and its Russian adjectival name
    (Ilovaiskaia), which is what a bare adjective in a report nearly always is; a list of units
    puts its noun after the last one (Донецька та Луганська області), which the descriptor
    reads."""
    top, unit = found[0], index.place(found[0].place)
    if not top.descriptor_missing or unit.kind not in _NAMED_BY_ADJECTIVE:
        return
    # Hromadas share adjectives (four are Покровська): the centre of any of those met as the
    # winner was counts.
    hromadas = {
        index.place(c.place).id
        for c in found
        if c.descriptor_missing and c.evidence() == top.evidence()
        and index.columns.kind[c.place] in _NAMED_BY_ADJECTIVE
    }  # fmt: skip
    for i, c in enumerate(found):
        if (
            c.method != "fuzzy"
            and not c.descriptor_missing
            and not hromadas.isdisjoint(index.place(c.place).parents)
        ):
            found.insert(0, found.pop(i))
            return


def close(top: Candidate, rivals: list[Candidate]) -> bool:
    """Context and prominence do not settle it: no context edge, and either several rivals or
    one that is not ten times smaller."""
    if top.context > max(r.context for r in rivals):
        return False
    return len(rivals) >= 3 or top.prior - max(r.prior for r in rivals) < 1.0


def context_score(info: PlaceInfo, context: list[PlaceInfo]) -> int:
    """2 when the place lies next to one of the report's other places (30 km, or the same raion
    or hromada) or inside a unit the report names, 1 in the same region (120 km, or the same
    oblast), 0 otherwise. Finer levels (the same hromada over the same raion; an oblast named
    counting 1, not 2) identified more places on real report text and were wrong on more of
    them: front-line lists span raions, and proximity is weak evidence between homonyms."""
    score = 0
    lat = info.lat
    own: set[str] | None = None  # the units it lies in, the country apart
    for other in context:
        # Two places a latitude difference alone sets over 120 km apart (the great-circle
        # distance is never less) are not measured: of a name a hundred villages share, most.
        if (
            other.lat is not None
            and lat is not None
            and other.lon is not None
            and abs(math.radians(other.lat - lat)) * _EARTH_KM <= _REGION_KM + 1e-6  # rounding
        ):
            d = distance_km(lat, info.lon or 0.0, other.lat, other.lon)
            if d <= 30:
                return 2
            if d <= _REGION_KM:
                score = 1
        # Units shared besides the country: the oblast alone says "same region" (1); the
        # raion or hromada too says "next door" (2), as does being the unit itself.
        if own is None:
            own = set(info.parents)
            own.discard(f"iso:{info.country}")
        shared = own.intersection(other.parents)
        if len(shared) >= 2 or other.id in info.parents or info.id in other.parents:
            return 2
        if shared:
            score = 1
    return score


_EARTH_KM = 6371.0  # the mean radius distance_km measures on
_REGION_KM = 120  # "the same region" as a distance


# ------------------------------------------------------------------------ probabilities
@dataclass(frozen=True, slots=True)
class Query:
    """What the confidence features need to know of the query itself."""

    context_given: bool
    length: int  # of the query's core
    key_length: int
    lowercase: bool
    common_word: Callable[[], bool]  # asked only where the feature can fire (it loads a list)


@dataclass(frozen=True, slots=True)
class Assessment:
    """The candidates of one query, ranked, with the two levels of confidence.

    ``confidences[i]`` is the probability that ``ranked[i]`` is the place meant, for the first
    ``len(confidences)`` candidates; together they sum to at most 1 and never increase down the
    list. ``homonyms`` are the winner and the places that share its name with evidence as
    strong (its rivals of the same name), best first; ``name_confidence`` is the probability
    that the winner's canonical name is right.
    """

    ranked: list[Candidate]
    confidences: list[float]
    ambiguous: list[bool]
    name_confidence: float
    homonyms: list[Candidate]
    query: Query


def assess(
    index: Index,
    found: list[Candidate],
    query: Query,
    *,
    limit: int = 1,
    pool: int | None = None,
    presorted: bool = False,
) -> Assessment:
    """Rank ``found`` and give the first ``limit`` candidates their probabilities.

    Probabilities follow the ranking by stick-breaking: candidate *i* is the place meant only
    if every candidate above it is not, so it gets the mass the ones above left, times its own
    chance among the candidates below it (each above it, being ruled out, is no longer its
    rival). The winner's chance is its name's times the place's given the name. Every value
    depends on the candidates, never on ``limit``, which only says how many to compute.
    ``pool``: how many places the query reached, when ``found`` holds only those the first
    ``limit`` depend on (the resolver leaves the rest of a long list of near misses unbuilt);
    ``presorted``: ``found`` is in rank_key order already.
    """
    pool = len(found) if pool is None else pool
    rank(index, found, presorted=presorted)
    confidences: list[float] = []
    ambiguous: list[bool] = []
    left = 1.0
    name_confidence = 0.0
    homonyms: list[Candidate] = []
    for i, top in enumerate(found[: max(1, limit)]):
        name_x, place_x, rivals, same = _features_at(index, found, i, query, pool)
        name_p = _probability(_name_weights(), name_x)
        shared = _sharing_a_former_name(index, top, rivals)
        if shared:
            # Первомайське, once the name of a dozen villages, near Nevelske: two of them lie in
            # its raion. Nothing tells them apart; each is as likely as the other.
            name_p = min(name_p, 1.0 / (1 + len(shared)))
        place_p = (
            1.0
            if place_x is None
            else _probability(_place_weights(), place_x, even_odds(len(same)))
        )
        chance = name_p * place_p
        if i == 0:
            name_confidence, homonyms = name_p, [top, *same]
            p = chance
        else:
            p = min(confidences[-1], left * chance)
        confidences.append(p)
        ambiguous.append(bool(rivals) and close(top, rivals))
        left = max(0.0, left - p)
    return Assessment(found, confidences, ambiguous, name_confidence, homonyms, query)


def _sharing_a_former_name(
    index: Index, top: Candidate, rivals: list[Candidate]
) -> list[Candidate]:
    """The rivals of other names that, like ``top``, bore the name the query met, with the same
    evidence and context, when ``top`` does not outrank them by prominence (clear_winner): a
    former name several places shared, which nothing settles."""
    if top.name_how != "former" or not rivals:
        return []
    names = index.columns.name
    evidence = top.evidence()
    tied = [
        r for r in rivals
        if r.name_how == "former" and r.context == top.context and r.evidence() == evidence
        and names[r.place] != names[top.place]
    ]  # fmt: skip
    return [] if not tied or clear_winner(top, tied) else tied


def winner_features(
    index: Index, ranked: list[Candidate], query: Query
) -> tuple[list[float], list[float] | None, float]:
    """The name model's and the place model's inputs for the winner of ``ranked`` (the place
    model's None when no other place shares the winner's name), and the place model's offset
    (``even_odds``): what the fit learns from."""
    name_x, place_x, _, same = _features_at(index, ranked, 0, query)
    return name_x, place_x, even_odds(len(same))


def even_odds(rivals: int) -> float:
    """The log-odds that the winner is the place meant, given its name, were the ``rivals``
    that share the name its equals: one chance in ``rivals`` + 1. The place model starts from it
    and fits what moves it (prominence, context, a descriptor), so a name that a hundred
    villages share starts near 1%, whatever the training set held."""
    return -math.log(rivals) if rivals > 0 else 0.0


# How many times more places must bear a name now than bore it once for the former reading to
# be no rival of the name (see _features_at): the name's odds are then 80% before the rest of
# the evidence (Андріївка: eight villages of Donetsk Oblast, and Sukhanivka until 2016).
_NAME_OUTNUMBERS = 4


def _features_at(
    index: Index, found: list[Candidate], i: int, query: Query, pool: int | None = None
) -> tuple[list[float], list[float] | None, list[Candidate], list[Candidate]]:
    """For candidate ``i`` among those ranked below it: the name model's features (rivals of
    other names), the place model's (the rivals that share its name; None when there are none),
    its rivals, and those of them that share its name."""
    top = found[i]
    # Candidates above this one are ruled out when it is asked about: they are no rivals.
    evidence = top.evidence()
    rivals = [r for r in found[i + 1 :] if rival(r, top, evidence) and not one_place(index, r, top)]
    names = index.columns.name
    name = names[top.place]
    same: list[Candidate] = []
    others: list[Candidate] = []
    for r in rivals:
        if names[r.place] == name:
            same.append(r)
        elif not _abroad(r, top):
            others.append(r)
    if top.name_how != "former" and others:
        # A name that many places bear now, and a few bore once (Іванівка: 119 villages, and one
        # renamed in 2016): the former reading is no rival of the name's, whose odds are the
        # share of places that bear it now.
        former = [r for r in others if r.name_how == "former"]
        if former and len(same) + 1 >= _NAME_OUTNUMBERS * len(former):
            others = [r for r in others if r.name_how != "former"]
    runner_up = found[i + 1] if i + 1 < len(found) else None
    pool = len(found) if pool is None else pool
    name_x = features(top, others, query, pool, runner_up)
    place_x = features(top, same, query, pool, runner_up, homonyms=True) if same else None
    return name_x, place_x, rivals, same


# ------------------------------------------------------------------------------ the model
_model: tuple[tuple[float, ...], tuple[float, ...], float] | None = None
_lock = threading.Lock()


def _load_model() -> tuple[tuple[float, ...], tuple[float, ...], float]:
    """The fitted weights of the name and place models (in FEATURES order) and the default
    threshold, read once."""
    global _model
    if _model is None:
        with _lock:
            if _model is None:
                text = Path(__file__).with_name("confidence.json").read_text("utf-8")
                model: dict[str, Any] = json.loads(text)
                levels = []
                for level, names in (("name", FEATURES), ("place", PLACE_FEATURES)):
                    by_name = model["weights"][level]
                    missing = set(names) - set(by_name)
                    if missing:
                        raise RuntimeError(
                            f"confidence.json lacks {level} weights for {sorted(missing)}"
                        )
                    levels.append(tuple(float(by_name.get(f, 0.0)) for f in FEATURES))
                _model = (levels[0], levels[1], float(model.get("threshold", 0.5)))
    return _model


def _name_weights() -> tuple[float, ...]:
    return _load_model()[0]


def _place_weights() -> tuple[float, ...]:
    return _load_model()[1]


def default_threshold() -> float:
    """The confidence below which a name (or a place) is not given, as fitted (confidence.json)."""
    return _load_model()[2]


def _probability(weights: tuple[float, ...], x: list[float], offset: float = 0.0) -> float:
    if len(weights) != len(x):
        raise ValueError(f"{len(x)} features for {len(weights)} weights")
    z = offset + sum(map(operator.mul, weights, x))
    z = max(-30.0, min(30.0, z))
    return 1.0 / (1.0 + math.exp(-z))
