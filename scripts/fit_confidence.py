"""Fit the confidence model on the training set and write src/toponyms/confidence.json.

Runs the resolver over benchmarks/data/train.csv (held-out names removed, as in the evaluation),
takes the features of each top-1 answer and whether it is right, fits an L2-regularized logistic
regression by Newton's method, and picks the default threshold: the lowest confidence at which
answers on the training negatives stay under the false-match budget. The evaluation set is never
read here. numpy is needed (dev extra), not at run time.

    python scripts/fit_confidence.py [--budget 0.01]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import toponyms  # noqa: E402
from benchmarks.evaluate import load_set, make_resolver, same_place  # noqa: E402
from toponyms.scoring import FEATURES  # noqa: E402

OUT = ROOT / "src" / "toponyms" / "confidence.json"
L2 = 0.1  # ridge on every weight but the bias; chosen so that no weight runs away on rare features


def fit(x: np.ndarray, y: np.ndarray, l2: float = L2, steps: int = 50) -> np.ndarray:
    """Logistic regression by Newton-Raphson (iteratively reweighted least squares)."""
    w = np.zeros(x.shape[1])
    ridge = np.full(x.shape[1], l2)
    ridge[0] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        gradient = x.T @ (p - y) + ridge * w
        hessian = (x.T * (p * (1 - p))) @ x + np.diag(ridge) + 1e-9 * np.eye(x.shape[1])
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def ece(p: np.ndarray, y: np.ndarray, bins: int = 10) -> float:
    """Expected calibration error over equal-width bins."""
    edges = np.minimum((p * bins).astype(int), bins - 1)
    total = 0.0
    for b in range(bins):
        mask = edges == b
        if mask.any():
            total += mask.sum() / len(p) * abs(p[mask].mean() - y[mask].mean())
    return float(total)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--budget",
        type=float,
        default=0.01,
        help="false-match rate allowed on the training negatives (default 1%%: a point, about "
        "1.4 standard errors of a rate measured on 300 negatives, under the 2%% target, which "
        "the evaluation set's other 300 negatives must meet too)",
    )
    args = ap.parse_args(argv)
    cases = load_set("train")
    resolver = make_resolver(cases)
    rows, labels, negatives = [], [], []
    for case in cases:
        scored = resolver._scored(case.query, 1, **case.options())
        if not scored:
            continue
        top = scored[0]
        place_id = resolver.index.place(top.candidate.place).id
        rows.append(top.features)
        labels.append(float(same_place(resolver.gazetteer, place_id, case.expected_id)))
        negatives.append(case.category == "negative")
    x, y = np.array(rows), np.array(labels)
    w = fit(x, y)
    p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
    neg = np.array(negatives)
    n_negatives = sum(1 for c in cases if c.category == "negative")
    threshold = None
    for t in np.arange(0.30, 0.951, 0.01):
        false_rate = (p[neg] >= t).sum() / max(1, n_negatives)
        if threshold is None and false_rate <= args.budget:
            threshold = round(float(t), 2)
        if round(t * 100) % 10 == 0:
            right = (p >= t) & (y == 1)
            print(
                f"t={t:.2f}: false matches on negatives {false_rate:.3f}, "
                f"right answers {right.sum() / len(cases):.3f} of all cases"
            )
    if threshold is None:
        threshold = 0.95
        print(f"warning: no threshold keeps false matches under {args.budget:.1%}; using 0.95")
    answered = p >= threshold
    model = {
        "note": "Fitted by scripts/fit_confidence.py on benchmarks/data/train.csv; do not edit.",
        "fitted": dt.date.today().isoformat(),
        "data_version": toponyms.data_version(),
        "training_cases": len(cases),
        "training_answers": len(rows),
        "l2": L2,
        "threshold": threshold,
        "threshold_rule": f"lowest t with false matches on training negatives <= {args.budget:.1%}",
        "training_ece": round(ece(p, y), 4),
        "training_accuracy_answered": round(float(y[answered].mean()), 4)
        if answered.any()
        else None,
        "weights": {f: round(float(v), 4) for f, v in zip(FEATURES, w, strict=True)},
    }
    OUT.write_text(json.dumps(model, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in model.items() if k != "weights"}, indent=1))
    for f, v in model["weights"].items():  # type: ignore[union-attr]
        print(f"{f:>20} {v:+.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
