"""faster-whisper behind a lock: the model, its warm-up and its health, apart from HTTP.

CTranslate2 already uses every core it is given for one request; a second request running
beside it would only thrash the caches and slow both. So calls are serialised here, in the
engine, whoever the caller is (STYLE idiom 11).
"""

from __future__ import annotations

import threading
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np
from faster_whisper import BatchedInferencePipeline, WhisperModel
from faster_whisper.transcribe import Segment as _RawSegment

from gpu_service.engines.errors import AudioDecodeError, EngineDeadError, UnsupportedLanguageError
from st_resources.audio import NotAudioError, decode_16k_mono, raised_to_peak
from st_resources.settings import get_settings

SAMPLE_RATE = 16_000
# Without the VAD, a segment counts as speech under this no-speech probability and when
# it holds a word (on white noise Whisper writes lone full stops at no-speech
# probabilities as low as 0.46). Faster-whisper's own filter is off in that pass, since
# the probability of the same quiet speech moves between CPUs: AMI trn01's "Yeah, it's
# your test…" is 0.62 on one machine of this kind, under 0.6 on another. Whisper's
# invented outro lines on 20 s of white, pink or brown noise came at 0.81-0.88, and
# "You" on silence at 0.76.
NO_SPEECH_MAX = 0.7
# Nor does a segment that repeats itself: Whisper's own hallucination sign (its default
# compression_ratio_threshold), on which at temperature 0 no fallback acts. With the
# filter above off, AMI trn02 came back as "I'm sorry, I'm sorry, …" for 28 s.
COMPRESSION_MAX = 2.4

AudioInput = str | Path | BinaryIO | np.ndarray


@dataclass
class Word:
    word: str
    start: float
    end: float
    probability: float


@dataclass
class Segment:
    id: int
    seek: int
    start: float
    end: float
    text: str
    tokens: list[int]
    temperature: float
    avg_logprob: float
    compression_ratio: float
    no_speech_prob: float
    words: list[Word] = field(default_factory=list)


@dataclass
class TranscriptionResult:
    language: str
    language_probability: float
    duration: float
    segments: list[Segment]

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.segments).strip()


class WhisperEngine:
    """One loaded Whisper model; thread-safe, one model call at a time under `lock` (shared
    with the speaker engines by the service)."""

    def __init__(
        self,
        model: str,
        device: str,
        compute_type: str,
        cpu_threads: int,
        lock: threading.Lock | None = None,
        batch_size: int = 0,
    ):
        self.name = Path(model).name if Path(model).is_dir() else model
        self.device = device
        self.compute_type = compute_type
        self._model = WhisperModel(
            model, device=device, compute_type=compute_type, cpu_threads=cpu_threads
        )
        # Batched decoding of VAD chunks (WHISPER_BATCH_SIZE > 0): a GPU's way to use its
        # width; bench/asr_batched.py measures it against the sequential decoder.
        self.batch_size = batch_size
        self._batched = BatchedInferencePipeline(self._model) if batch_size > 0 else None
        self.loaded_at = int(time.time())
        self._lock = lock or threading.Lock()
        self.error: str | None = None
        # (start, end) monotonic times of recent model calls: shows the serialisation holds.
        self.calls: deque[tuple[float, float]] = deque(maxlen=100)

    @property
    def busy(self) -> bool:
        return self._lock.locked()

    @property
    def languages(self) -> list[str]:
        return self._model.supported_languages

    @property
    def info(self) -> dict[str, Any]:
        """What /ready shows of the model."""
        return {"id": self.name, "device": self.device, "compute_type": self.compute_type}

    def self_test(self) -> None:
        """Run each model stage once on a second of audio, with and without the VAD: a
        native path that cannot run fails here, at load, and the first request isn't slow.

        Silence, capped at a few tokens: on silence Whisper rambles ("I'm sorry, I'm
        sorry...") and a full decode would take seconds.
        """
        silence = np.zeros(SAMPLE_RATE, dtype=np.float32)
        with self._lock:
            for vad_filter in (True, False):
                segments, info = self._model.transcribe(
                    silence,
                    vad_filter=vad_filter,
                    word_timestamps=True,
                    temperature=0.0,
                    max_new_tokens=4,
                )
                list(segments)
                if abs(info.duration - 1.0) > 0.01:
                    raise RuntimeError(f"self-test: 1 s of audio measured {info.duration} s")

    def transcribe(
        self,
        audio: AudioInput,
        language: str | None = None,
        beam_size: int = 5,
        word_timestamps: bool = True,
        vad_filter: bool = True,
        temperature: float | None = None,
        prompt: str | None = None,
        hotwords: str | None = None,
    ) -> TranscriptionResult:
        """Transcribe a file, file object or 16 kHz mono float32 array.

        `language=None` detects it. `temperature=None` keeps faster-whisper's fallback
        schedule (0.0 → 1.0 on failed windows); a number fixes it. `prompt` conditions the
        first window, `hotwords` every window (names and terms to spell right).
        """
        if self.error:
            raise EngineDeadError("ASR", self.error)
        if language is not None and language not in self.languages:
            raise UnsupportedLanguageError(
                f"unsupported language code {language!r}: use an ISO 639-1 code such as "
                "'en' or 'fr', or 'auto'"
            )
        samples = audio if isinstance(audio, np.ndarray) else decode(audio)
        options = {
            "language": language,
            "beam_size": beam_size,
            "word_timestamps": word_timestamps,
            "initial_prompt": prompt,
            "hotwords": hotwords,
            **({} if temperature is None else {"temperature": temperature}),
        }
        with self._lock:
            started = time.monotonic()
            try:
                result = self._aligned(samples, vad_filter, options)
                # The VAD found speech here, and faster-whisper has dropped what it calls
                # silence (no-speech > 0.6 with log-prob < -1): its no-speech probability
                # alone is not a reason to drop more. It is one per 30 s window, and
                # windows of clear speech reach 0.85-0.91 (French espeak meetings of the
                # development set: 30-65 s of their text were lost to a 0.7 bar).
                result.segments = [s for s in result.segments if _written(s)]
                if vad_filter and not any(_heard(s) for s in result.segments):
                    # Short, quiet, far-field speech can fall under the VAD entirely (or
                    # leave only a doubtful "you."); a second pass without it, on the
                    # recording raised to a set peak, keeps what Whisper itself calls
                    # speech. Raised, because Whisper
                    # reads a quiet recording at the edge of its log-mel floor: a 16-bit
                    # rounding of AMI trn02 turned its three short utterances into "I'm
                    # sorry, I'm sorry, …"; raised, both roundings give them. At
                    # temperature 0 only: the sampling fallback made this pass random (a
                    # CI run lost AMI trn02's segments that the next one kept).
                    quiet = {"temperature": 0.0, "no_speech_threshold": None}
                    result = self._aligned(raised_to_peak(samples), False, options | quiet)
                    result.segments = [s for s in result.segments if _heard(s)]
            except Exception as exc:
                # The native model may be left in any state: report dead rather than guess.
                self.error = f"{type(exc).__name__}: {exc}"
                raise
            finally:
                self.calls.append((started, time.monotonic()))
        return result

    def _aligned(self, samples: np.ndarray, vad_filter: bool, options: dict) -> TranscriptionResult:
        """faster-whisper's word alignment (`find_alignment`) raises IndexError now and then:
        on a sampled (temperature > 0) decoding, and in CI once on a greedy one too. The
        model itself is sound, so decode again differently (greedy, then greedy with beam
        1) and, if alignment still fails, without word timings, each segment's words
        spread over it, rather than call the engine dead and fail every recording."""
        for retry in ({}, {"temperature": 0.0}, {"temperature": 0.0, "beam_size": 1}):
            try:
                return self._transcribe(samples, vad_filter, options | retry)
            except IndexError:
                continue
        unaligned = options | {"temperature": 0.0, "word_timestamps": False}
        result = self._transcribe(samples, vad_filter, unaligned)
        for segment in result.segments:
            segment.words = _spread_words(segment)
        return result

    def _transcribe(
        self, samples: np.ndarray, vad_filter: bool, options: dict
    ) -> TranscriptionResult:
        if vad_filter and self._batched is not None:
            segments, info = self._batched.transcribe(
                samples, vad_filter=True, batch_size=self.batch_size, **options
            )
        else:  # without the VAD, batching has no chunks to batch
            segments, info = self._model.transcribe(samples, vad_filter=vad_filter, **options)
        return TranscriptionResult(
            language=info.language,
            language_probability=info.language_probability,
            duration=info.duration,
            segments=[_segment(s) for s in segments],  # decoding happens here
        )


def decode(audio: str | Path | BinaryIO) -> np.ndarray:
    """16 kHz mono float32, up to the longest recording the settings allow."""
    try:
        return decode_16k_mono(audio, get_settings().max_audio_minutes * 60)
    except NotAudioError as exc:
        raise AudioDecodeError(str(exc)) from exc


def _spread_words(segment: Segment) -> list[Word]:
    """A segment's words with timings spread evenly over it, by length (when alignment
    failed); their probability is the segment's."""
    words = segment.text.split()
    if not words:
        return []
    weights = np.cumsum([0] + [len(w) + 1 for w in words], dtype=float)
    edges = segment.start + (segment.end - segment.start) * weights / weights[-1]
    probability = float(np.exp(segment.avg_logprob)) if segment.avg_logprob else 0.0
    return [
        Word(" " + w, float(a), float(b), probability)
        for w, a, b in zip(words, edges[:-1], edges[1:], strict=True)
    ]


def _written(s: Segment) -> bool:
    """Words, not a loop or lone punctuation."""
    return s.compression_ratio <= COMPRESSION_MAX and any(c.isalnum() for c in s.text)


def _heard(s: Segment) -> bool:
    """Words Whisper itself is sure are speech, without a VAD to say so."""
    return s.no_speech_prob < NO_SPEECH_MAX and _written(s)


def _segment(s: _RawSegment) -> Segment:
    return Segment(
        id=s.id,
        seek=s.seek,
        start=float(s.start),
        end=float(s.end),
        text=s.text,
        tokens=list(s.tokens),
        temperature=float(s.temperature),
        avg_logprob=s.avg_logprob,
        compression_ratio=s.compression_ratio,
        no_speech_prob=s.no_speech_prob,
        words=[
            Word(w.word, float(w.start), float(w.end), float(w.probability)) for w in s.words or []
        ],
    )
