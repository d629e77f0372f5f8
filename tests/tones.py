"""A real WAV made at test time, for tests that need a playable recording but no speech."""

import io
import wave

import numpy as np


def tone_wav(seconds: float, hz: float = 440.0, rate: int = 16_000) -> bytes:
    """16 kHz mono 16-bit PCM: a sine tone `seconds` long."""
    t = np.arange(int(rate * seconds)) / rate
    samples = (8000 * np.sin(2 * np.pi * hz * t)).astype("<i2")
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(samples.tobytes())
    return out.getvalue()
