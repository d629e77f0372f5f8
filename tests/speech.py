"""Real speech made at test time with espeak-ng and sox (16 kHz mono WAV)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

FRENCH_MEETING = [
    "Bonjour à tous et merci d'être venus à la réunion de ce matin.",
    "Nous allons d'abord parler du budget de l'année prochaine.",
    "Ensuite nous verrons le calendrier du projet et les prochaines étapes.",
    "Le rapport final doit être prêt avant la fin du mois.",
    "Est-ce que quelqu'un a des questions sur ces points ?",
    "Merci à tous, nous nous retrouverons la semaine prochaine à la même heure.",
]

ENGLISH_MEETING = [
    "Good morning everyone and thank you for joining the weekly meeting.",
    "First we will review the budget for the next quarter.",
    "Then we will discuss the project schedule and the next steps.",
    "The final report must be ready before the end of the month.",
    "Does anyone have questions about these points?",
    "Thank you all, we will meet again next week at the same time.",
]


def require_tools() -> None:
    missing = [tool for tool in ("espeak-ng", "sox") if shutil.which(tool) is None]
    if missing:
        raise RuntimeError(
            f"speech tests need {', '.join(missing)} (apt-get install espeak-ng sox)"
        )


def synthesize(
    sentences: list[str],
    path: Path,
    voice: str = "en-us",
    speed: int = 150,
    gap_s: float = 0.5,
    rate: int = 16000,
) -> Path:
    """Speak each sentence with `voice`, join them with `gap_s` of silence, write 16 kHz mono."""
    require_tools()
    with tempfile.TemporaryDirectory() as tmp:
        parts: list[str] = []
        for i, sentence in enumerate(sentences):
            raw = Path(tmp) / f"s{i}.wav"
            subprocess.run(
                ["espeak-ng", "-v", voice, "-s", str(speed), "-w", str(raw), sentence],
                check=True,
            )
            part = Path(tmp) / f"p{i}.wav"
            subprocess.run(
                [
                    "sox",
                    str(raw),
                    "-r",
                    str(rate),
                    "-c",
                    "1",
                    "-b",
                    "16",
                    str(part),
                    "pad",
                    "0",
                    str(gap_s),
                ],
                check=True,
            )
            parts.append(str(part))
        path.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(["sox", *parts, str(path)], check=True)
    return path


def synthesize_dialogue(
    turns: list[tuple[str, str]], path: Path, gap_s: float = 0.6, rate: int = 16000
) -> list[tuple[float, float, str]]:
    """Speak (voice, sentence) turns one after another; returns the reference turns
    (start, end, voice) measured on the generated audio."""
    import soundfile

    reference: list[tuple[float, float, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        parts = []
        t = 0.0
        for i, (voice, sentence) in enumerate(turns):
            part = synthesize(
                [sentence], Path(tmp) / f"t{i}.wav", voice=voice, gap_s=0.0, rate=rate
            )
            seconds = soundfile.info(str(part)).duration
            reference.append((t, t + seconds, voice))
            silence = Path(tmp) / f"g{i}.wav"
            subprocess.run(
                [
                    "sox",
                    "-n",
                    "-r",
                    str(rate),
                    "-c",
                    "1",
                    "-b",
                    "16",
                    str(silence),
                    "trim",
                    "0",
                    str(gap_s),
                ],
                check=True,
            )
            parts += [str(part), str(silence)]
            t += seconds + gap_s
        subprocess.run(["sox", *parts, str(path)], check=True)
    return reference


def repeat_to_duration(
    sentences: list[str], seconds: float, words_per_second: float = 2.5
) -> list[str]:
    """Repeat `sentences` until the text lasts roughly `seconds` when spoken."""
    out: list[str] = []
    words = 0
    while words / words_per_second < seconds:
        for sentence in sentences:
            out.append(sentence)
            words += len(sentence.split())
    return out
