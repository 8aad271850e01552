"""Stage 4: evidence about a candidate -> its rank among rivals and a calibrated confidence.

Ranking is a documented order of evidence (how the name matched, then context, then the
place's prominence). Confidence is a logistic model over features of the winner and its
rivals; its weights are fitted on the labelled training set by scripts/fit_confidence.py and
ship in confidence.json. No string matching happens here: index.py and resolver.py do that.
"""

from __future__ import annotations

import json
import math
import threading
from dataclasses import dataclass
from importlib import resources
from typing import Any

__all__ = ["FEATURES", "Candidate", "confidence", "default_threshold", "features", "rank_key"]

# How a candidate was found, strongest first.
METHOD_RANK = {"exact": 0, "key": 1, "form": 2, "fuzzy": 3}
# The type of the name it was found by, as a penalty on prominence: between two places that
# both carry the name, an official name outweighs a former one only if the places are of
# similar size (Krasnoarmeysk: the former name of Pokrovsk, 60k, and a town of Saratov Oblast).
NAME_PENALTY = {"exact": 0.0, "abbreviation": 0.0, "alias": 0.5, "former": 1.0, "misspelling": 1.5}
# The reports this library serves are about Ukraine: a bare name more likely means a place
# there than a Russian namesake. Callers who know better pass country=.
FOCUS_BONUS = {"UA": 2.0}
# A prior for homonyms: a city is what a bare name usually means, then the units.
KIND_PRIOR = {
    "country": 6.0, "oblast": 5.0, "federal_subject": 5.0, "entity": 4.5, "city": 3.0,
    "raion": 2.5, "town": 1.5, "hromada": 1.0, "city_district": 1.0, "settlement": 0.5,
    "village": 0.0,
}  # fmt: skip


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
    context: int = 0  # 2 near the report's other places, 1 same region, 0 unknown or far

    def evidence(self) -> tuple[int, int, int, int]:
        """How strongly the string points here: method, descriptor agreement, descriptor gap,
        and whether the name is only an unclassified variant (Donetsk was once Oleksandrivka:
        a GeoNames variant must not outrank the 60 places officially so named)."""
        return (
            METHOD_RANK[self.method],
            -self.hint,
            int(self.descriptor_missing),
            int(self.variant),
        )


def rank_key(c: Candidate) -> tuple[float, ...]:
    """Sort key, best first: evidence, then context, then prominence (for fuzzy candidates,
    similarity first: a village one edit away beats a city two edits away)."""
    weight = c.prior - NAME_PENALTY[c.name_how] + (0.5 if c.current else 0.0)
    near = -round(c.similarity, 2) if c.method == "fuzzy" else 0.0
    return (*c.evidence(), -c.context, near, -weight, -c.similarity)


def prior(kind: str, population: int, country: str) -> float:
    return KIND_PRIOR.get(kind, 0.0) + math.log10(1 + population) + FOCUS_BONUS.get(country, 0.0)


FEATURES = (
    "bias",
    "method_key",
    "method_form",
    "method_fuzzy",
    "name_alias",
    "name_abbreviation",
    "name_former",
    "name_misspelling",
    "name_variant",
    "similarity",
    "edits",
    "hint_agrees",
    "hint_conflicts",
    "descriptor_missing",
    "log_rivals",
    "prior_gap",
    "context_near",
    "context_far",
    "short_query",
    "not_current",
)


def features(
    top: Candidate, rivals: list[Candidate], *, context_given: bool, query_length: int
) -> list[float]:
    """The confidence model's inputs for the winner ``top`` against its ``rivals``.

    Rivals are the other candidates with evidence as strong as the winner's: homonyms.
    """
    best_rival = max((r.prior for r in rivals), default=None)
    gap = 3.0 if best_rival is None else max(-3.0, min(3.0, top.prior - best_rival))
    return [
        1.0,
        float(top.method == "key"),
        float(top.method == "form"),
        float(top.method == "fuzzy"),
        float(top.name_how == "alias"),
        float(top.name_how == "abbreviation"),
        float(top.name_how == "former"),
        float(top.name_how == "misspelling"),
        float(top.variant),
        top.similarity,
        float(top.edits),
        float(top.hint > 0),
        float(top.hint < 0),
        float(top.descriptor_missing),
        math.log1p(len(rivals)),
        gap,
        float(context_given and top.context > 0),
        float(context_given and top.context == 0),
        float(query_length <= 3),
        float(not top.current),
    ]


_model: tuple[tuple[float, ...], float] | None = None
_lock = threading.Lock()


def _load_model() -> tuple[tuple[float, ...], float]:
    """The fitted weights (in FEATURES order) and the default threshold, read once."""
    global _model
    if _model is None:
        with _lock:
            if _model is None:
                text = (resources.files("toponyms") / "confidence.json").read_text("utf-8")
                model: dict[str, Any] = json.loads(text)
                by_name = model["weights"]
                missing = set(FEATURES) - set(by_name)
                if missing:
                    raise RuntimeError(f"confidence.json lacks weights for {sorted(missing)}")
                weights = tuple(float(by_name[f]) for f in FEATURES)
                _model = (weights, float(model.get("threshold", 0.5)))
    return _model


def default_threshold() -> float:
    """The confidence below which resolve() abstains, as fitted (confidence.json)."""
    return _load_model()[1]


def confidence(x: list[float]) -> float:
    """The probability that the winner is right, from the fitted logistic model."""
    z = sum(w * v for w, v in zip(_load_model()[0], x, strict=True))
    z = max(-30.0, min(30.0, z))
    return 1.0 / (1.0 + math.exp(-z))
