"""Speaker embeddings (unit vectors) on the untrimmed signal, so times stay true.

The features are computed once over the whole recording at a 10 ms hop; a caller picks the
frames it wants (a diarization slot's speech, a span's voiced frames) and gets one vector
per pick. Two models behind one interface (`Embedder`), chosen by SPEAKER_MODEL:

- `resemblyzer` (packaged, the default): 256-d d-vectors. resemblyzer's own
  `preprocess_wav` trims silences and so shifts every time after the first pause (SPEC
  §8), so its mel frames are computed here; each pick is cut into pieces of at most the
  1.6 s the model was trained on, and the pieces' vectors are averaged, weighted by
  length. Volume is normalised per pick as resemblyzer does (raised to −30 dBFS, never
  lowered), because its LSTM reads linear, not log, mel power.
- a folder holding `model.onnx`: a WeSpeaker ResNet or ECAPA-TDNN export (input: Kaldi
  log-mel fbank, (batch, frames, 80); output: (batch, dim)), run with onnxruntime on
  fbank computed here, mean-normalised per pick (`OnnxEmbedder`). A stronger model is a
  configuration change; its voiceprint thresholds and impostor cohort are not
  (`python -m eval.cohort`, then the calibration).
"""

from __future__ import annotations

import importlib.metadata
import threading
import time
from abc import ABC, abstractmethod
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import onnxruntime as ort
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
    """The model's input frames (n, bins) and each frame's mean-square energy, at 10 ms."""

    mel: np.ndarray
    energy: np.ndarray

    @property
    def frames(self) -> int:
        return len(self.mel)


class Embedder(ABC):
    """What the diarizer and /v1/audio/embeddings use of a speaker model; `lock` is shared
    with the diarizer (one model job at a time on the shared cores)."""

    name: str
    dim: int

    def __init__(self, cpu_threads: int, min_speech_s: float, lock: threading.Lock):
        self._workers = ThreadPoolExecutor(cpu_threads, thread_name_prefix="embedder")
        self.min_frames = max(1, round(min_speech_s * 100))
        self._lock = lock
        self.error: str | None = None
        self.calls: deque[tuple[float, float]] = deque(maxlen=100)

    @abstractmethod
    def features(self, samples: np.ndarray) -> Features:
        """The model's input frames at a 10 ms hop over the whole recording."""

    @abstractmethod
    def embed_picks(self, feats: Features, picks: list[np.ndarray]) -> np.ndarray:
        """Unit vectors (len(picks), dim) for non-empty frame-index picks."""

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

    def voiced_frames(self, feats: Features, start: float, end: float) -> np.ndarray:
        first, last = max(0, round(start * 100)), min(feats.frames, round(end * 100))
        if last <= first:
            return np.zeros(0, dtype=int)
        energy_db = 10 * np.log10(feats.energy[first:last] + 1e-12)
        loud = np.percentile(energy_db, 95)
        voiced = (energy_db >= loud - VOICED_RANGE_DB) & (energy_db >= VOICED_FLOOR_DBFS)
        return first + np.flatnonzero(voiced)


class SpeakerEmbedder(Embedder):
    """The packaged resemblyzer encoder, loaded once."""

    dim = DIM

    def __init__(
        self, cpu_threads: int, min_speech_s: float, lock: threading.Lock, device: str = "cpu"
    ):
        super().__init__(cpu_threads, min_speech_s, lock)
        self.name = f"resemblyzer-{importlib.metadata.version('resemblyzer')}"
        self.device = torch.device(device)
        # One intra-op thread, and batches spread over `cpu_threads` workers: the LSTM's
        # small matrices gain nothing from OpenMP, whose barriers spin ~6× slower when
        # another process holds the other core.
        torch.set_num_threads(1)
        self._encoder = VoiceEncoder(self.device, verbose=False).eval()

    def features(self, samples: np.ndarray) -> Features:
        mel = wav_to_mel_spectrogram(samples)
        return Features(mel=mel, energy=_frame_energy(samples, len(mel)))

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


class OnnxEmbedder(Embedder):
    """A speaker model exported to ONNX (WeSpeaker ResNet, ECAPA-TDNN) in `folder`, reading
    Kaldi log-mel fbank (80 bins, 25 ms frames every 10 ms), mean-normalised per pick.
    Picks longer than CHUNK_FRAMES are cut into equal chunks whose vectors are averaged,
    weighted by length; chunks of one length run as one batch."""

    CHUNK_FRAMES = 600  # 6 s

    def __init__(self, folder: Path, cpu_threads: int, min_speech_s: float, lock: threading.Lock):
        super().__init__(cpu_threads, min_speech_s, lock)
        model = Path(folder) / "model.onnx"
        if not model.is_file():
            raise FileNotFoundError(f"SPEAKER_MODEL: no model.onnx in {folder}")
        options = ort.SessionOptions()
        options.intra_op_num_threads = cpu_threads
        self._session = ort.InferenceSession(
            str(model), options, providers=["CPUExecutionProvider"]
        )
        self._input = self._session.get_inputs()[0].name
        self.name = f"onnx:{Path(folder).name}"
        probe = self._session.run(None, {self._input: np.zeros((1, 200, FBANK_BINS), np.float32)})
        self.dim = int(probe[0].shape[-1])
        self._mel = _kaldi_mel_banks()

    def features(self, samples: np.ndarray) -> Features:
        fbank = _kaldi_fbank(samples, self._mel)
        return Features(mel=fbank, energy=_frame_energy(samples, len(fbank)))

    def embed_picks(self, feats: Features, picks: list[np.ndarray]) -> np.ndarray:
        chunks: list[np.ndarray] = []
        owner: list[int] = []
        for i, pick in enumerate(picks):
            frames = feats.mel[pick]
            frames = frames - frames.mean(axis=0)  # cepstral mean normalisation, per pick
            for chunk in np.array_split(frames, -(-len(frames) // self.CHUNK_FRAMES)):
                chunks.append(chunk.astype(np.float32))
                owner.append(i)
        out = np.zeros((len(picks), self.dim), dtype=np.float32)
        if not chunks:
            return out
        vectors = np.zeros((len(chunks), self.dim), dtype=np.float32)
        by_length: dict[int, list[int]] = {}
        for j, chunk in enumerate(chunks):
            by_length.setdefault(len(chunk), []).append(j)
        try:
            for group in by_length.values():
                batch = np.stack([chunks[j] for j in group])
                (raw,) = self._session.run(None, {self._input: batch})[:1]
                vectors[group] = raw.reshape(len(group), -1)
        except Exception as exc:
            self.error = f"{type(exc).__name__}: {exc}"
            raise
        vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-10)
        weights = np.array([len(c) for c in chunks], dtype=np.float32)[:, None]
        np.add.at(out, np.array(owner), vectors * weights)
        return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-10)


def load_embedder(
    model: str, cpu_threads: int, min_speech_s: float, lock: threading.Lock, device: str = "cpu"
) -> Embedder:
    """SPEAKER_MODEL: `resemblyzer` (packaged), or a folder holding an ONNX export."""
    if model == "resemblyzer":
        return SpeakerEmbedder(cpu_threads, min_speech_s, lock, device=device)
    return OnnxEmbedder(Path(model), cpu_threads, min_speech_s, lock)


FBANK_BINS = 80
_WINDOW, _FFT = 400, 512  # 25 ms frames, as Kaldi's fbank (and WeSpeaker's training)


def _kaldi_mel_banks() -> np.ndarray:
    """(80, 257) triangular filters on Kaldi's mel scale, 20 Hz to Nyquist."""

    def mel(f):
        return 1127.0 * np.log(1.0 + np.asarray(f) / 700.0)

    low, high = mel(20.0), mel(SAMPLE_RATE / 2)
    centres = np.linspace(low, high, FBANK_BINS + 2)
    bins = mel(np.arange(_FFT // 2 + 1) * SAMPLE_RATE / _FFT)
    left, centre, right = centres[:-2, None], centres[1:-1, None], centres[2:, None]
    up = (bins[None, :] - left) / (centre - left)
    down = (right - bins[None, :]) / (right - centre)
    return np.clip(np.minimum(up, down), 0.0, None).astype(np.float32)


def _kaldi_fbank(samples: np.ndarray, banks: np.ndarray) -> np.ndarray:
    """Log-mel fbank, Kaldi's way (no dither): frames of 400 samples every 160, DC removed,
    pre-emphasis 0.97, Povey window, 512-point power spectrum, 80 mel bins, log. Vectorised
    here (an hour in about a second, where kaldi-native-fbank's frame-by-frame API takes
    ten); the tests hold it to kaldi-native-fbank (log energies within 1e-2, 1e-4 on
    average)."""
    wave = samples.astype(np.float32) * 32768.0  # Kaldi reads int16 amplitudes
    count = max(1, 1 + (len(wave) - _WINDOW) // HOP)
    wave = np.pad(wave, (0, max(0, _WINDOW - len(wave))))
    index = np.arange(_WINDOW)[None, :] + HOP * np.arange(count)[:, None]
    frames = wave[index]
    frames = frames - frames.mean(axis=1, keepdims=True)
    frames = np.concatenate(
        [frames[:, :1] * (1 - 0.97), frames[:, 1:] - 0.97 * frames[:, :-1]], axis=1
    )
    povey = np.hanning(_WINDOW) ** 0.85  # Kaldi's "povey" window
    power = np.abs(np.fft.rfft(frames * povey, n=_FFT)) ** 2
    return np.log(np.maximum(power @ banks.T, np.finfo(np.float32).eps)).astype(np.float32)


def _frame_energy(samples: np.ndarray, frames: int) -> np.ndarray:
    """Mean-square energy of each 10 ms frame, frame t centred on sample t·HOP."""
    padded = np.pad(samples, (HOP // 2, HOP * (frames + 1)))[: frames * HOP]
    return (padded.reshape(-1, HOP) ** 2).mean(axis=1)


def _gain(energy: np.ndarray) -> float:
    """Mel-power factor that raises the pick to resemblyzer's −30 dBFS (never lowers it)."""
    level_db = 10 * np.log10(float(energy.mean()) + 1e-12)
    return float(10 ** (max(0.0, audio_norm_target_dBFS - level_db) / 10))
