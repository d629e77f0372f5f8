"""resemblyzer d-vectors (256-d, unit length) on the untrimmed signal, so times stay true.

resemblyzer's own `preprocess_wav` trims silences and so shifts every time after the first
pause (SPEC §8). Here the mel frames are computed once over the whole recording; a caller
picks the frames it wants (a diarization slot's speech, a span's voiced frames), each pick
is cut into pieces of at most the 1.6 s the model was trained on, and the pieces' vectors
are averaged, weighted by length. Volume is normalised per pick as resemblyzer does
(raised to −30 dBFS, never lowered), because its LSTM reads linear, not log, mel power.
"""

from __future__ import annotations

import importlib.metadata
import threading
import time
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import numpy as np
import torch
from resemblyzer import VoiceEncoder
from resemblyzer.audio import wav_to_mel_spectrogram
from resemblyzer.hparams import audio_norm_target_dBFS, partials_n_frames
from torch.nn.utils.rnn import pack_padded_sequence, pad_sequence

from gpu_service.engines.errors import EngineDeadError
from gpu_service.engines.whisper import SAMPLE_RATE, AudioInput, decode

HOP = SAMPLE_RATE // 100  # resemblyzer's mel hop: 10 ms
DIM = 256
BATCH = 32
# A span's frame counts as voiced when within this many dB of the span's loud frames and
# above an absolute floor (digital silence, hum): enough to drop pauses and empty spans.
VOICED_RANGE_DB = 35.0
VOICED_FLOOR_DBFS = -65.0


@dataclass
class Features:
    """Mel power frames (n, 40) and each frame's mean-square energy, both at 10 ms."""

    mel: np.ndarray
    energy: np.ndarray

    @property
    def frames(self) -> int:
        return len(self.mel)


class SpeakerEmbedder:
    """The resemblyzer encoder, loaded once; `lock` is shared with the diarizer."""

    dim = DIM

    def __init__(
        self, cpu_threads: int, min_speech_s: float, lock: threading.Lock, device: str = "cpu"
    ):
        self.name = f"resemblyzer-{importlib.metadata.version('resemblyzer')}"
        self.device = torch.device(device)
        # One intra-op thread, and batches spread over `cpu_threads` workers: the LSTM's
        # small matrices gain nothing from OpenMP, whose barriers spin ~6× slower when
        # another process holds the other core.
        torch.set_num_threads(1)
        self._workers = ThreadPoolExecutor(cpu_threads, thread_name_prefix="embedder")
        self._encoder = VoiceEncoder(self.device, verbose=False).eval()
        self.min_frames = max(1, round(min_speech_s * 100))
        self._lock = lock
        self.error: str | None = None
        self.calls: deque[tuple[float, float]] = deque(maxlen=100)

    @property
    def info(self) -> dict[str, Any]:
        """What /ready shows of the model."""
        return {"id": self.name, "dim": self.dim}

    def self_test(self) -> None:
        """Embed two seconds of a tone: a broken model fails here, and the first mel call,
        which builds librosa's filters (seconds), is not a user's."""
        with self._lock:
            tone = np.sin(np.arange(SAMPLE_RATE * 2) * 0.05).astype(np.float32) * 0.1
            feats = self.features(tone)
            (vector,) = self.embed_picks(feats, [np.arange(feats.frames)])
        if not np.isfinite(vector).all() or abs(np.linalg.norm(vector) - 1) > 1e-3:
            raise RuntimeError("self-test: the voice embedding is not a finite unit vector")

    def embed_spans(
        self, audio: AudioInput, spans: list[tuple[float, float]]
    ) -> list[np.ndarray | None]:
        """One vector per (start, end) span in seconds; None where too little is voiced."""
        if self.error:
            raise EngineDeadError("speaker embedding", self.error)
        samples = audio if isinstance(audio, np.ndarray) else decode(audio)
        with self._lock:
            started = time.monotonic()
            try:
                feats = self.features(samples)
                picks = [self.voiced_frames(feats, start, end) for start, end in spans]
                usable = [i for i, pick in enumerate(picks) if len(pick) >= self.min_frames]
                vectors = self.embed_picks(feats, [picks[i] for i in usable])
            finally:
                self.calls.append((started, time.monotonic()))
        out: list[np.ndarray | None] = [None] * len(spans)
        for i, vector in zip(usable, vectors, strict=True):
            out[i] = vector
        return out

    def features(self, samples: np.ndarray) -> Features:
        mel = wav_to_mel_spectrogram(samples)
        # Frame t of librosa's centred STFT is centred on sample t·HOP: pad half a hop.
        padded = np.pad(samples, (HOP // 2, HOP))[: len(mel) * HOP]
        energy = (padded.reshape(-1, HOP) ** 2).mean(axis=1)
        return Features(mel=mel, energy=energy)

    def voiced_frames(self, feats: Features, start: float, end: float) -> np.ndarray:
        first, last = max(0, round(start * 100)), min(feats.frames, round(end * 100))
        if last <= first:
            return np.zeros(0, dtype=int)
        energy_db = 10 * np.log10(feats.energy[first:last] + 1e-12)
        loud = np.percentile(energy_db, 95)
        voiced = (energy_db >= loud - VOICED_RANGE_DB) & (energy_db >= VOICED_FLOOR_DBFS)
        return first + np.flatnonzero(voiced)

    def embed_picks(self, feats: Features, picks: list[np.ndarray]) -> np.ndarray:
        """Unit vectors (len(picks), 256) for non-empty frame-index picks."""
        pieces: list[np.ndarray] = []
        owner: list[int] = []
        for i, pick in enumerate(picks):
            mel = feats.mel[pick] * _gain(feats.energy[pick])
            count = -(-len(pick) // partials_n_frames)  # equal pieces, no short tail
            for piece in np.array_split(mel, count):
                pieces.append(piece)
                owner.append(i)
        if not pieces:
            return np.zeros((0, DIM), dtype=np.float32)
        vectors = self._encode(pieces)
        weights = np.array([len(p) for p in pieces], dtype=np.float32)[:, None]
        sums = np.zeros((len(picks), DIM), dtype=np.float32)
        np.add.at(sums, np.array(owner), vectors * weights)
        return sums / np.maximum(np.linalg.norm(sums, axis=1, keepdims=True), 1e-10)

    def _encode(self, pieces: list[np.ndarray]) -> np.ndarray:
        """Run the LSTM on pieces of any length ≤ 160 frames, packed, longest first."""
        order = np.argsort([-len(p) for p in pieces], kind="stable")
        batches = np.array_split(order, -(-len(order) // BATCH))
        out = np.zeros((len(pieces), DIM), dtype=np.float32)
        try:
            results = self._workers.map(lambda b: self._forward(pieces, b), batches)
            for batch, vectors in zip(batches, results, strict=True):
                out[batch] = vectors
        except Exception as exc:
            self.error = f"{type(exc).__name__}: {exc}"
            raise
        return out

    def _forward(self, pieces: list[np.ndarray], batch: np.ndarray) -> np.ndarray:
        encoder = self._encoder
        tensors = [torch.from_numpy(pieces[i]) for i in batch]
        padded = pad_sequence(tensors, batch_first=True).to(self.device)
        packed = pack_padded_sequence(padded, [len(t) for t in tensors], batch_first=True)
        with torch.inference_mode():
            _, (hidden, _) = encoder.lstm(packed)
            raw = encoder.relu(encoder.linear(hidden[-1]))
            return torch.nn.functional.normalize(raw, dim=1).cpu().numpy()


def _gain(energy: np.ndarray) -> float:
    """Mel-power factor that raises the pick to resemblyzer's −30 dBFS (never lowers it)."""
    level_db = 10 * np.log10(float(energy.mean()) + 1e-12)
    return float(10 ** (max(0.0, audio_norm_target_dBFS - level_db) / 10))
