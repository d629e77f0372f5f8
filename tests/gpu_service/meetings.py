"""Synthetic meetings with exact reference turns, for the diarization tests and bench.

Each utterance is spoken alone by espeak-ng (`tests.speech.synthesize`), its leading and
trailing silence cut, and laid on a timeline with seeded pauses, so the reference turn is
where the voice really is. Voices are chosen far apart for resemblyzer (cosine ≈ 0.55-0.75
between them, ≈ 0.9 within one): espeak's plain male voices of different languages are
near-identical to a speaker encoder (en-us vs fr ≈ 0.96) and are not "different people".
"""

from __future__ import annotations

import random
import tempfile
import wave
from pathlib import Path

import numpy as np

from tests.speech import synthesize

RATE = 16_000
# Far apart for resemblyzer; whispered voices are left out: segmentation-3.0 hears little
# speech in them.
VOICES = ["en-us", "en-us+f3", "en-us+klatt", "en-us+f1"]
# Sentences are put together from parts, so that no two utterances are the same audio:
# espeak-ng is deterministic, and repeated sentences would form tight false clusters.
OPENERS = ["I think", "Honestly,", "As far as I know,", "To be clear,", "Well,", "So,"]
SUBJECTS = [
    "the design team",
    "our customer",
    "the budget",
    "the new release",
    "finance",
    "the marketing plan",
    "the legal review",
    "the test report",
    "the schedule",
]
VERBS = [
    "needs more time for",
    "is waiting on",
    "should be ready for",
    "depends on",
    "was discussed during",
    "will be presented at",
    "has to be approved before",
]
OBJECTS = [
    "the board meeting",
    "the next sprint",
    "the quarterly review",
    "the demo",
    "the end of the month",
    "the product launch",
    "the audit",
    "Thursday afternoon",
]
Turn = tuple[float, float, str]


def speak(sentence: str, voice: str, directory: Path) -> np.ndarray:
    path = synthesize([sentence], directory / "utterance.wav", voice=voice, gap_s=0.0)
    samples = read(path)
    voiced = np.flatnonzero(np.abs(samples) > 0.01)
    return samples[voiced[0] : voiced[-1] + 1] if len(voiced) else samples[:0]


def build(
    script: list[tuple[str, str]],
    path: Path,
    seed: int = 0,
    pause_s: tuple[float, float] = (0.3, 1.2),
) -> list[Turn]:
    """Speak (voice, sentence) pairs in order with seeded pauses; write 16 kHz mono WAV;
    return the reference turns (start, end, voice)."""
    rng = random.Random(seed)
    pieces: list[np.ndarray] = []
    turns: list[Turn] = []
    cursor = 0
    with tempfile.TemporaryDirectory() as tmp:
        for voice, sentence in script:
            pause = round(rng.uniform(*pause_s) * RATE)
            pieces.append(np.zeros(pause, dtype=np.float32))
            cursor += pause
            voiced = speak(sentence, voice, Path(tmp))
            pieces.append(voiced)
            turns.append((cursor / RATE, (cursor + len(voiced)) / RATE, voice))
            cursor += len(voiced)
    pieces.append(np.zeros(RATE // 2, dtype=np.float32))
    write(path, np.concatenate(pieces))
    return turns


def conversation(voices: list[str], turns: int, seed: int = 0) -> list[tuple[str, str]]:
    """`turns` distinct sentences; speakers take the floor in a seeded order, never twice
    in a row."""
    rng = random.Random(seed)
    sentences = [
        f"{o} {s} {v} {b}."
        for o in OPENERS for s in SUBJECTS for v in VERBS for b in OBJECTS
    ]  # fmt: skip
    script, previous = [], None
    for sentence in rng.sample(sentences, turns):
        voice = rng.choice([v for v in voices if v != previous] or voices)
        script.append((voice, sentence))
        previous = voice
    return script


def read(path: Path) -> np.ndarray:
    with wave.open(str(path)) as w:
        assert (w.getframerate(), w.getnchannels(), w.getsampwidth()) == (RATE, 1, 2)
        return np.frombuffer(w.readframes(w.getnframes()), dtype=np.int16) / 32768.0


def write(path: Path, samples: np.ndarray) -> Path:
    pcm = (np.clip(samples, -1, 1) * 32767).astype(np.int16)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(pcm.tobytes())
    return path
