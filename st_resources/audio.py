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


def decode_16k_mono(path: Path) -> np.ndarray:
    """Whole file → float32 mono at 16 kHz, what Whisper and the speaker models expect."""
    from faster_whisper.audio import decode_audio  # heavy import, only in pipeline processes

    try:
        audio = decode_audio(str(path), sampling_rate=SAMPLE_RATE)
    except av.FFmpegError as exc:
        raise NotAudioError(f"could not decode audio: {exc}") from exc
    if audio.size == 0:
        raise NotAudioError("could not decode audio: no samples")
    return audio.astype(np.float32, copy=False)
