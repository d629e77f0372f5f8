"""Voice matches scored against impostors (adaptive s-norm), not in the absolute.

A raw cosine means different things in different parts of the embedding space: synthetic
voices of one engine score 0.92-0.95 against each other while one real person across two
recordings can score 0.80. Speaker-verification systems therefore normalise each score by
how the probe and the enrolled voice score against a cohort of impostors, keeping only
the closest ones (adaptive s-norm): a match counts when it stands out from the voices
most like it. The cohort is a packaged set of impostor voices per embedding model
(`cohorts/<model>.npy`, built by `python -m eval.cohort`) plus the tenant's other
voiceprints. Thresholds on the normalised score come from `python -m eval.voice_calibration`.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path

import numpy as np

COHORT_DIR = Path(__file__).with_name("cohorts")
# Closest impostors kept per side: the adaptive part (too few is noisy, too many dilutes
# the alike voices that matter).
TOP_K = 20
# A spread floor so that a cohort of near-identical scores cannot blow a score up.
MIN_SPREAD = 0.02


def cohort_path(model: str) -> Path:
    return COHORT_DIR / f"{model}.npy"


@functools.lru_cache(maxsize=8)
def packaged_cohort(model: str) -> np.ndarray | None:
    """The packaged impostor vectors of `model`, unit length; None when there are none."""
    path = cohort_path(model)
    if not path.exists():
        return None
    vectors = np.load(path).astype(np.float64)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def _stats(scores: np.ndarray) -> tuple[float, float]:
    top = np.sort(scores)[-TOP_K:]
    return float(top.mean()), max(float(top.std()), MIN_SPREAD)


def normalise(
    probe: np.ndarray, enrolled: Sequence[np.ndarray], impostors: np.ndarray
) -> np.ndarray:
    """S-norm of `probe` (unit vector) against each `enrolled` voice (unit vectors).

    The cohort of a pair is the packaged `impostors` plus the other enrolled voices: a
    probe that is close to a second voiceprint is less surely the first one's person."""
    library = np.asarray(enrolled, dtype=np.float64).reshape(-1, probe.shape[0])
    raw = library @ probe
    cohort_probe = impostors @ probe
    cohort_enrolled = library @ impostors.T
    library_cross = library @ library.T
    out = np.empty(len(library))
    for i in range(len(library)):
        others = np.delete(np.arange(len(library)), i)
        mu_p, sd_p = _stats(np.concatenate([cohort_probe, raw[others]]))
        mu_e, sd_e = _stats(np.concatenate([cohort_enrolled[i], library_cross[i, others]]))
        out[i] = 0.5 * ((raw[i] - mu_p) / sd_p + (raw[i] - mu_e) / sd_e)
    return out
