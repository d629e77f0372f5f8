"""Spectral clustering of speaker embeddings, with the speaker count read from the eigen-gap.

Why not a similarity threshold: SPEC §8 measured that a 0.05 change of one on resemblyzer
similarities swung a file from 1 % to 48 % DER between recording conditions. Here each
recording's graph keeps every point's p most similar points, and the count is where the
graph Laplacian's eigenvalues jump, read for a range of p: only ranks matter, so the scale
of the similarities does not. The count most values of p agree on wins; Park et al.'s
(2019) rule of picking p by the clearest jump relative to p over-split our short
recordings, where a few tens of points make tiny components look like speakers.

Pure numpy/scipy, deterministic for a given input.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import numpy as np
from scipy.cluster.vq import kmeans2
from scipy.linalg import eigh

# Above this many points, k and the graph are fitted on an even subsample over time and
# the rest join the nearest centroid: eigh is cubic, and 300 pieces are 12 min of speech.
MAX_FIT_POINTS = 300
KMEANS_RESTARTS = 10
# The count is estimated up to this (or the caller's max, if higher) before bounding.
ESTIMATE_UP_TO = 10


def spectral_clusters(
    embeddings: np.ndarray,
    num_speakers: int | None = None,
    min_speakers: int = 1,
    max_speakers: int = 8,
    links: np.ndarray | None = None,
) -> np.ndarray:
    """Cluster L2-normalised rows; return one label per row, 0..k-1.

    `num_speakers` fixes k; otherwise k is estimated within [min_speakers, max_speakers]
    (never more clusters than points). `links`, (m, 2) row indices, are pairs known to be
    alike (pieces of one stretch of speech): they are joined in every graph, which keeps
    a single voice from being split by what it says rather than who it is.
    """
    n = len(embeddings)
    if n == 0:
        return np.zeros(0, dtype=int)
    if num_speakers is not None:
        min_speakers = max_speakers = num_speakers
    high = max(1, min(max_speakers, n))
    low = max(1, min(min_speakers, high))
    if high == 1:
        return np.zeros(n, dtype=int)
    if low == n:
        return np.arange(n)

    fit = np.arange(n) if n <= MAX_FIT_POINTS else np.linspace(0, n - 1, MAX_FIT_POINTS)
    fit = np.unique(fit.astype(int))
    x = embeddings[fit]
    affinity = x @ x.T
    np.fill_diagonal(affinity, -np.inf)
    joined = np.zeros_like(affinity, dtype=bool)
    if links is not None and len(links):
        position = np.full(n, -1)
        position[fit] = np.arange(len(fit))
        pairs = position[links]
        pairs = pairs[(pairs >= 0).all(axis=1)]
        joined[pairs[:, 0], pairs[:, 1]] = joined[pairs[:, 1], pairs[:, 0]] = True
    laplacian, k = _best_graph(affinity, joined, low, high)
    labels = _spectral_labels(laplacian, k)
    if len(fit) == n:
        return labels
    return np.argmax(embeddings @ centroids_of(x, labels).T, axis=1)


def silhouette(embeddings: np.ndarray, labels: np.ndarray) -> float:
    """Mean silhouette (cosine distance) of a labelling: near 0 when the groups are one
    voice cut at random, towards 1 when they are distinct voices. It is relative to the
    recording's own spread, so it holds across recording conditions better than a
    similarity threshold does. A point alone in its group scores 0."""
    groups, own = np.unique(labels, return_inverse=True)
    if len(groups) < 2:
        return 0.0
    member = own[:, None] == np.arange(len(groups))[None, :]
    sums = (1.0 - embeddings @ embeddings.T) @ member  # each point's distance to each group
    counts = member.sum(axis=0)
    peers = counts[own] - 1
    within = sums[np.arange(len(own)), own] / np.maximum(peers, 1)
    across = np.where(member, np.inf, sums / counts).min(axis=1)
    scores = (across - within) / np.maximum(np.maximum(within, across), 1e-9)
    return float(np.where(peers > 0, scores, 0.0).mean())


def split_quality(embeddings: np.ndarray, links: np.ndarray | None = None) -> float:
    """The silhouette of the best two-way split."""
    if len(embeddings) < 3:
        return 0.0
    return silhouette(embeddings, spectral_clusters(embeddings, num_speakers=2, links=links))


def merge_alike(embeddings: np.ndarray, labels: np.ndarray, floor: int, tau: float) -> np.ndarray:
    """Merge the two clusters that look most like one voice (lowest silhouette of the
    pair), while that silhouette is under `tau` and more than `floor` clusters remain."""
    labels = labels.copy()
    while labels.max() + 1 > max(floor, 1):
        count = int(labels.max()) + 1
        pairs = [(a, b) for a in range(count) for b in range(a + 1, count)]
        scores = []
        for a, b in pairs:
            inside = (labels == a) | (labels == b)
            scores.append(silhouette(embeddings[inside], labels[inside]))
        best = int(np.argmin(scores))
        if scores[best] >= tau:
            break
        a, b = pairs[best]
        labels[labels == b] = a
        labels = _relabel(labels)
    return labels


def split_known(
    embeddings: np.ndarray,
    labels: np.ndarray,
    seconds: np.ndarray,
    known: np.ndarray,
    identify: Callable[[np.ndarray], int | None],
    margin: float,
    most: int,
    min_s: float,
) -> np.ndarray:
    """Split each cluster that holds two of the tenant's enrolled voices.

    Alike voices can share a cluster: a recording's own pieces do not tell them apart.
    Two voiceprints, each pooled over much of one person's speech, give a direction that
    does: a piece's lean x·k_a − x·k_b. In each cluster, a and b are the enrolled voices
    its pieces are nearest to most (by seconds). The cluster is split at the best cut of
    its pieces' leans only when two groups explain them better than one (BIC of a one-
    against a two-Gaussian fit), each group holds at least `min_s` seconds, and
    `identify` (the voiceprint match naming uses) names each group's pooled voice as its
    own enrolled person, closer to it than to the other by `margin`: one person's leans
    form one group, and an unknown voice between two enrolled ones is matched to
    neither. At most `most` clusters.
    """
    labels = labels.copy()
    if len(known) < 2:
        return labels
    nearest = np.argmax(embeddings @ known.T, axis=1)
    for cluster in range(int(labels.max()) + 1 if len(labels) else 0):
        if labels.max() + 1 >= most:
            break
        inside = np.flatnonzero(labels == cluster)
        votes = np.bincount(nearest[inside], weights=seconds[inside], minlength=len(known))
        b, a = np.argsort(votes)[-2:]
        if votes[b] < min_s:
            continue
        lean = embeddings[inside] @ (known[a] - known[b])
        cut = _two_groups(lean)
        if cut is None:
            continue
        sides = (inside[lean >= cut], inside[lean < cut])
        if any(seconds[side].sum() < min_s for side in sides):
            continue
        voices = [_pooled(embeddings[side], seconds[side]) for side in sides]
        if [identify(v) for v in voices] == [a, b] and all(
            v @ own - v @ other >= margin
            for v, own, other in zip(voices, known[[a, b]], known[[b, a]], strict=True)
        ):
            labels[sides[1]] = labels.max() + 1
    return labels


def _pooled(embeddings: np.ndarray, seconds: np.ndarray) -> np.ndarray:
    mean = (embeddings * seconds[:, None]).sum(axis=0)
    return mean / max(float(np.linalg.norm(mean)), 1e-10)


def _two_groups(values: np.ndarray) -> float | None:
    """The cut between two Gaussian groups of 1-d values, or None where one group fits
    them better by BIC (hard assignment; two extra means-and-spreads and a weight)."""
    v = np.sort(values)
    n = len(v)
    if n < 4:
        return None

    def fit(x: np.ndarray) -> float:
        return -len(x) / 2 * (np.log(2 * np.pi * max(float(x.var()), 1e-6)) + 1)

    best, cut = -np.inf, None
    for i in range(2, n - 1):
        ll = fit(v[:i]) + fit(v[i:]) + i * np.log(i / n) + (n - i) * np.log((n - i) / n)
        if ll > best:
            best, cut = ll, (v[i - 1] + v[i]) / 2
    return cut if 2 * (best - fit(v)) > 3 * np.log(n) else None


def centroids_of(embeddings: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """Unit-length mean embedding of each label 0..max(labels)."""
    count = int(labels.max()) + 1 if len(labels) else 0
    return _normalise(np.stack([embeddings[labels == c].mean(axis=0) for c in range(count)]))


def _best_graph(
    affinity: np.ndarray, joined: np.ndarray, low: int, high: int
) -> tuple[np.ndarray, int]:
    """The count that most p-pruned graphs agree on, bounded; and the graph showing it best.

    For each p the graph keeps every point's p most similar points; the count is where the
    normalised Laplacian's eigenvalues jump most. A true count persists over a range of p,
    while a spurious one (tiny components at small p, merged clusters at large p) does not.
    """
    n = len(affinity)
    order = np.argsort(-affinity, axis=1)
    ceiling = max(high, ESTIMATE_UP_TO)
    graphs: list[tuple[int, float, np.ndarray]] = []
    for p in _candidate_neighbours(n):
        adjacency = np.zeros_like(affinity)
        np.put_along_axis(adjacency, order[:, :p], 1.0, axis=1)
        adjacency = np.maximum((adjacency + adjacency.T) / 2, joined)
        scale = 1 / np.sqrt(adjacency.sum(axis=1))
        laplacian = np.eye(n) - scale[:, None] * adjacency * scale[None, :]
        eigenvalues = np.linalg.eigvalsh(laplacian)
        # gaps[k - 1] = λ_k − λ_{k−1}: a jump after the k-th smallest means k clusters.
        gaps = np.diff(eigenvalues[: min(ceiling, n - 1) + 1])
        graphs.append((1 + int(np.argmax(gaps)), float(gaps.max()) / p, laplacian))
    votes = Counter(estimate for estimate, _, _ in graphs)
    estimate = max(votes, key=lambda k: (votes[k], -k))  # a tie goes to fewer speakers
    _, _, laplacian = max((g for g in graphs if g[0] == estimate), key=lambda g: g[1])
    # The bounds apply after: a bound below the true count must give the bound, not
    # whichever small gap falls inside it.
    return laplacian, int(np.clip(estimate, low, high))


def _candidate_neighbours(n: int) -> list[int]:
    """p from 1 to a quarter of the points: more would merge a speaker who talks little."""
    top = max(1, n // 4)
    return sorted(set(np.geomspace(1, top, num=min(top, 15)).round().astype(int).tolist()))


def _spectral_labels(laplacian: np.ndarray, k: int) -> np.ndarray:
    """k-means on the rows of the k smallest eigenvectors, best of several seeded starts."""
    if k == 1:
        return np.zeros(len(laplacian), dtype=int)
    _, vectors = eigh(laplacian, subset_by_index=[0, k - 1])
    points = _normalise(vectors)
    rng = np.random.default_rng(0)
    best: tuple[float, np.ndarray] | None = None
    for _ in range(KMEANS_RESTARTS):
        centres, labels = kmeans2(points, k, minit="++", seed=rng)
        inertia = float(((points - centres[labels]) ** 2).sum())
        if best is None or inertia < best[0]:
            best = (inertia, labels)
    return _relabel(best[1])


def _relabel(labels: np.ndarray) -> np.ndarray:
    """Consecutive labels in order of first appearance (k-means may leave one empty)."""
    _, first, inverse = np.unique(labels, return_index=True, return_inverse=True)
    rank = np.argsort(np.argsort(first))
    return rank[inverse]


def _normalise(x: np.ndarray) -> np.ndarray:
    return x / np.maximum(np.linalg.norm(x, axis=-1, keepdims=True), 1e-10)
