"""Adaptive s-norm: a match is judged against the voices most like it."""

import importlib.metadata

import numpy as np

from st_resources.naming.snorm import normalise, packaged_cohort

RNG = np.random.default_rng(0)
DIM = 64


def unit(v):
    return v / np.linalg.norm(v, axis=-1, keepdims=True)


def around(centre, spread, n):
    """`n` unit vectors near `centre` (smaller spread: more alike)."""
    return unit(centre + spread * RNG.standard_normal((n, DIM)))


def test_an_alike_voice_scores_below_a_distinct_match_with_a_lower_cosine():
    crowded = unit(RNG.standard_normal(DIM))
    impostors = np.vstack([around(crowded, 0.05, 40), unit(RNG.standard_normal((40, DIM)))])
    enrolled_alike, probe_alike = around(crowded, 0.05, 2)  # two people of the crowd
    lone = unit(RNG.standard_normal(DIM))
    enrolled_lone, probe_lone = around(lone, 0.09, 2)  # one person, more spread

    raw_alike, raw_lone = enrolled_alike @ probe_alike, enrolled_lone @ probe_lone
    assert raw_alike > raw_lone
    alike = normalise(probe_alike, [enrolled_alike], impostors)[0]
    distinct = normalise(probe_lone, [enrolled_lone], impostors)[0]
    assert distinct > alike + 3


def test_a_second_close_voiceprint_lowers_the_first_ones_score():
    impostors = unit(RNG.standard_normal((60, DIM)))
    person = unit(RNG.standard_normal(DIM))
    enrolled, probe = around(person, 0.1, 2)
    twin = around(person, 0.1, 1)[0]
    alone = normalise(probe, [enrolled], impostors)[0]
    beside_twin = normalise(probe, [enrolled, twin], impostors)[0]
    assert beside_twin < alone


def test_the_packaged_cohort_is_unit_vectors_of_the_packaged_embedder():
    cohort = packaged_cohort(f"resemblyzer-{importlib.metadata.version('resemblyzer')}")
    assert cohort is not None and cohort.shape[0] >= 50 and cohort.shape[1] == 256
    assert np.allclose(np.linalg.norm(cohort, axis=1), 1.0)
    assert packaged_cohort("no-such-model") is None
