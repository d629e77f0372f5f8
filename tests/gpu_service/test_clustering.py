"""Spectral clustering on synthetic embeddings: the eigen-gap count, forced and bounded k."""

from __future__ import annotations

import numpy as np
import pytest

from gpu_service.engines.clustering import (
    centroids_of,
    merge_alike,
    silhouette,
    spectral_clusters,
    split_known,
    split_quality,
)


def voices(k: int, per: int, noise: float = 0.6, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """`per` noisy unit vectors around each of `k` non-negative centres, as d-vectors are
    (cosine ≈ 0.75 within a voice, ≈ 0.5 between voices)."""
    rng = np.random.default_rng(seed)
    centres = np.abs(rng.normal(size=(k, 256)))
    centres /= np.linalg.norm(centres, axis=1, keepdims=True)
    truth = np.repeat(np.arange(k), per)
    points = centres[truth] + rng.normal(scale=noise / 16, size=(k * per, 256))
    return points / np.linalg.norm(points, axis=1, keepdims=True), truth


def same_partition(labels: np.ndarray, truth: np.ndarray) -> bool:
    pairs = {(int(a), int(b)) for a, b in zip(labels, truth, strict=True)}
    return len(pairs) == len(set(labels)) == len(set(truth))


@pytest.mark.parametrize("k", [1, 2, 3, 4, 6])
def test_eigen_gap_finds_the_count(k):
    points, truth = voices(k, per=25, seed=k)
    labels = spectral_clusters(points)
    assert same_partition(labels, truth)
    assert sorted(set(labels)) == list(range(k))


def test_uneven_clusters_keep_the_small_speaker():
    big, _ = voices(2, per=40, seed=1)
    small, _ = voices(1, per=8, seed=2)
    labels = spectral_clusters(np.concatenate([big, small]))
    assert len(set(labels)) == 3
    assert len(set(labels[-8:])) == 1


def test_num_speakers_forces_k():
    points, truth = voices(3, per=20, seed=3)
    assert len(set(spectral_clusters(points, num_speakers=2))) == 2
    assert len(set(spectral_clusters(points, num_speakers=5))) == 5
    assert same_partition(spectral_clusters(points, num_speakers=3), truth)


def test_bounds_apply_to_the_estimate():
    points, _ = voices(3, per=20, seed=4)
    assert len(set(spectral_clusters(points, max_speakers=2))) == 2
    assert len(set(spectral_clusters(points, min_speakers=4))) == 4
    assert len(set(spectral_clusters(points, min_speakers=2, max_speakers=5))) == 3


def test_links_keep_one_voice_whole():
    """One voice whose vectors fall in two groups (say, by what is said): linking pieces
    that belong together in time must keep it one speaker."""
    rng = np.random.default_rng(5)
    base = np.abs(rng.normal(size=256))
    shift = np.abs(rng.normal(size=256))
    groups = [base + 0.35 * shift * np.linalg.norm(base) / np.linalg.norm(shift), base]
    points = np.stack([groups[i % 2] + rng.normal(scale=0.02, size=256) for i in range(40)])
    points /= np.linalg.norm(points, axis=1, keepdims=True)
    assert len(set(spectral_clusters(points))) == 2  # unlinked: split by the two groups
    pairs = np.array([(i, i + 1) for i in range(0, 40, 2)])
    assert len(set(spectral_clusters(points, links=pairs))) == 1


def test_small_and_degenerate_inputs():
    assert spectral_clusters(np.zeros((0, 256))).shape == (0,)
    one, _ = voices(1, per=1)
    assert spectral_clusters(one).tolist() == [0]
    two, _ = voices(2, per=1)
    assert spectral_clusters(two, num_speakers=2).tolist() == [0, 1]
    assert len(spectral_clusters(two, num_speakers=7)) == 2  # never more clusters than points


def test_many_points_are_fitted_on_a_subsample():
    points, truth = voices(3, per=300, seed=6)
    assert same_partition(spectral_clusters(points), truth)


def test_centroids_are_unit_means():
    points, truth = voices(2, per=10, seed=7)
    centroids = centroids_of(points, truth)
    assert centroids.shape == (2, 256)
    assert np.allclose(np.linalg.norm(centroids, axis=1), 1)
    assert (points[truth == 0] @ centroids.T).argmax(axis=1).tolist() == [0] * 10


def test_a_random_split_of_one_voice_scores_near_zero_and_two_voices_high():
    one, _ = voices(1, per=30, seed=3)
    two, truth = voices(2, per=15, seed=4)
    halves = np.arange(30) % 2
    assert silhouette(one, halves) < 0.05
    assert silhouette(two, truth) > 0.3
    assert split_quality(one) < split_quality(two)


def test_clusters_that_look_like_one_voice_merge_down_to_the_floor():
    points, truth = voices(2, per=20, seed=5)
    over_split = truth * 2 + np.arange(40) % 2  # each voice cut in two at random
    merged = merge_alike(points, over_split, floor=1, tau=0.2)
    assert same_partition(merged, truth)
    one, _ = voices(1, per=20, seed=6)
    assert set(merge_alike(one, np.arange(20) % 3, floor=1, tau=0.2)) == {0}
    assert len(set(merge_alike(one, np.arange(20) % 3, floor=2, tau=0.2))) == 2


def alike_pair(per: int, seed: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Two voices whose centres are 0.9 alike (one cluster to the eigen-gap), and their
    voiceprints: each centre pooled over much speech."""
    rng = np.random.default_rng(seed)
    a = np.abs(rng.normal(size=256))
    b = a + rng.normal(scale=0.35, size=256)
    centres = np.stack([a / np.linalg.norm(a), b / np.linalg.norm(b)])
    truth = np.repeat([0, 1], per)
    points = centres[truth] + rng.normal(scale=0.6 / 16, size=(2 * per, 256))
    return points / np.linalg.norm(points, axis=1, keepdims=True), truth, centres


def nearest_known(known: np.ndarray, floor: float = 0.8):
    """A stand-in for naming's voiceprint match: the nearest known voice above `floor`."""

    def identify(voice: np.ndarray) -> int | None:
        raw = known @ voice
        return int(np.argmax(raw)) if raw.max() >= floor else None

    return identify


def test_two_enrolled_alike_voices_in_one_cluster_are_split():
    points, truth, known = alike_pair(per=12, seed=7)
    seconds = np.full(len(points), 2.4)
    one = np.zeros(len(points), dtype=int)
    split = split_known(points, one, seconds, known, nearest_known(known), 0.03, 8, 5.0)
    assert same_partition(split, truth)
    # Never past the caller's bound, and not without two known voices.
    assert set(split_known(points, one, seconds, known, nearest_known(known), 0.03, 1, 5.0)) == {0}
    lone = split_known(points, one, seconds, known[:1], nearest_known(known), 0.03, 8, 5.0)
    assert set(lone) == {0}


def test_one_enrolled_voice_is_not_split_by_an_alike_one():
    points, truth, known = alike_pair(per=12, seed=8)
    alone = points[truth == 0]
    labels = np.zeros(len(alone), dtype=int)
    seconds = np.full(len(alone), 2.4)
    kept = split_known(alone, labels, seconds, known, nearest_known(known), 0.03, 8, 5.0)
    assert set(kept) == {0}


def test_a_split_needs_each_side_to_be_its_enrolled_person_and_long_enough():
    points, truth, known = alike_pair(per=12, seed=9)
    one = np.zeros(len(points), dtype=int)
    seconds = np.full(len(points), 2.4)
    nobody = split_known(points, one, seconds, known, lambda voice: None, 0.03, 8, 5.0)
    assert set(nobody) == {0}  # an unknown voice between two enrolled ones
    assert set(split_known(points, one, seconds, known, nearest_known(known), 0.5, 8, 5.0)) == {0}
    short = np.where(truth == 1, 0.3, 2.4)  # the second voice has 3.6 s in all
    assert set(split_known(points, one, short, known, nearest_known(known), 0.03, 8, 5.0)) == {0}
