"""Audio probing (upload check) and decoding (pipeline) with PyAV, the FFmpeg binding
faster-whisper already depends on."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import av
import numpy as np

SAMPLE_RATE = 16_000


class NotAudioError(ValueError):
    pass


@dataclass(frozen=True)
class AudioInfo:
    codec: str
    sample_rate: int
    channels: int
    duration_s: float | None


def probe(source: Path | BinaryIO, decode_seconds: float = 1.0) -> AudioInfo:
    """Check that `source` holds a decodable audio stream: open it, decode its first second."""
    target = str(source) if isinstance(source, Path) else source
    try:
        with av.open(target, mode="r", metadata_errors="ignore") as container:
            if not container.streams.audio:
                raise NotAudioError("the file has no audio stream")
            stream = container.streams.audio[0]
            decoded = 0.0
            for frame in container.decode(stream):
                decoded += frame.samples / (frame.sample_rate or 1)
                if decoded >= decode_seconds:
                    break
            if decoded <= 0:
                raise NotAudioError("the audio stream holds no samples")
            duration = None
            if container.duration:
                duration = container.duration / av.time_base
            return AudioInfo(stream.codec_context.name, stream.rate or 0, stream.channels, duration)
    except av.FFmpegError as exc:
        raise NotAudioError(f"not a readable audio file ({exc.__class__.__name__})") from exc


class AudioTooLongError(NotAudioError):
    pass


def decode_16k_mono(source: str | Path | BinaryIO, max_seconds: float | None = None) -> np.ndarray:
    """Whole file → float32 mono at 16 kHz, what Whisper and the speaker models expect
    (int16 resampling, as faster-whisper's own decoder does, so results match it).

    With `max_seconds`, decoding stops with AudioTooLongError once past it: a container's
    declared duration can lie, and a few MB of compressed audio can decode to hours of
    float32. Undecodable frames inside a stream are skipped, as faster-whisper does.
    """
    limit = None if max_seconds is None else int(max_seconds * SAMPLE_RATE)
    target = str(source) if isinstance(source, Path) else source
    chunks: list[np.ndarray] = []
    total = 0
    try:
        with av.open(target, mode="r", metadata_errors="ignore") as container:
            if not container.streams.audio:
                raise NotAudioError("could not decode audio: the file has no audio stream")
            stream = container.streams.audio[0]
            resampler = av.AudioResampler(format="s16", layout="mono", rate=SAMPLE_RATE)
            for frame in _frames(container, stream):
                for out in resampler.resample(frame):
                    chunks.append(out.to_ndarray().reshape(-1))
                    total += len(chunks[-1])
                if limit is not None and total > limit:
                    raise AudioTooLongError(
                        f"the audio is longer than the {max_seconds / 60:g}-minute limit"
                    )
            chunks += [out.to_ndarray().reshape(-1) for out in resampler.resample(None)]
    except av.FFmpegError as exc:
        raise NotAudioError(f"could not decode audio: {exc.__class__.__name__}") from exc
    audio = np.concatenate(chunks) if chunks else np.zeros(0, dtype=np.int16)
    if audio.size == 0:
        raise NotAudioError("could not decode audio: no samples")
    return audio.astype(np.float32) / 32768.0


def raised_to_peak(samples: np.ndarray, peak: float = 0.5, max_gain: float = 100.0) -> np.ndarray:
    """Float32 samples scaled to `peak`, the gain capped at `max_gain` (+40 dB): quiet
    speech is raised, a near-silent stretch stays near silent."""
    top = float(np.abs(samples).max()) if len(samples) else 0.0
    if top <= 0:
        return samples.astype(np.float32)
    return (samples * min(peak / top, max_gain)).astype(np.float32)


def _frames(container, stream):
    frames = container.decode(stream)
    while True:
        try:
            yield next(frames)
        except StopIteration:
            return
        except av.InvalidDataError:
            continue
