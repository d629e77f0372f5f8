"""faster-whisper's BatchedInferencePipeline against the sequential decoder, on the same
files in one run: speed and WER.

    .venv/bin/python -m bench.asr_batched [--batch-sizes 4,8] [--runs 2] [--device cpu]

Clips: the ten real FLEURS readers of ../shared/real-speech (their reference text) and a
60 s espeak-ng clip per language (the sentences it speaks). Each mode transcribes every
clip as the pipeline does (language given, beam 5, word timestamps, VAD), in-process with
gpu_service's WhisperEngine (WHISPER_MODEL, WHISPER_COMPUTE_TYPE as configured; `--device`
overrides WHISPER_DEVICE). Speed is audio seconds ÷ the median seconds of `--runs`, pooled
over the clips; WER is pooled per set. Writes bench/results/asr_batched.{json,md}; the
setting it informs is WHISPER_BATCH_SIZE.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from bench.common import machine, write_report
from bench.diarize_real import REAL
from eval.metrics import word_errors
from gpu_service.engines.whisper import SAMPLE_RATE, WhisperEngine, decode
from st_resources.model_files import resolve_whisper_model
from st_resources.settings import get_settings
from tests.speech import ENGLISH_MEETING, FRENCH_MEETING, repeat_to_duration, synthesize

CLIP_S = 60.0


def clips(tmp: Path) -> list[tuple[str, str, object, str]]:
    """(set, language, samples, reference text)."""
    out = []
    for ogg in sorted((REAL / "fleurs").glob("*.ogg")):
        language = ogg.stem.split("-")[1]
        text = ogg.with_suffix(".txt").read_text()
        out.append((f"fleurs-{language}", language, decode(str(ogg)), text))
    for language, voice, sentences in (
        ("en", "en-us", ENGLISH_MEETING),
        ("fr", "fr", FRENCH_MEETING),
    ):
        spoken = repeat_to_duration(sentences, CLIP_S)
        wav = synthesize(spoken, tmp / f"{language}.wav", voice=voice)
        out.append((f"espeak-{language}", language, decode(str(wav)), " ".join(spoken)))
    return out


def run_mode(engine: WhisperEngine, data, runs: int) -> dict:
    seconds, errors, words = 0.0, {}, {}
    for name, language, samples, reference in data:
        times = []
        for _ in range(runs):
            started = time.monotonic()
            result = engine.transcribe(samples, language=language, word_timestamps=True)
            times.append(time.monotonic() - started)
        seconds += statistics.median(times)
        wer = word_errors(reference, result.text)
        errors[name] = errors.get(name, 0) + wer.errors
        words[name] = words.get(name, 0) + wer.ref_words
    audio = sum(len(samples) for _, _, samples, _ in data) / SAMPLE_RATE
    return {
        "seconds": round(seconds, 2),
        "rtf": round(audio / seconds, 2),
        "wer": {name: round(errors[name] / words[name], 4) for name in errors},
    }


def render(report: dict) -> str:
    sets = list(report["modes"]["sequential"]["wer"])
    lines = [
        f"# Batched vs sequential ASR ({report['generated_at']})",
        "",
        f"{report['model']} on {report['device']} ({report['compute_type']}), "
        f"{report['audio_s']:.0f} s of audio, median of {report['runs']} runs.",
        "",
        "| mode | × realtime | speed-up | " + " | ".join(f"WER {s}" for s in sets) + " |",
        "|---|---:|---:|" + "---:|" * len(sets),
    ]
    base = report["modes"]["sequential"]
    for mode, figures in report["modes"].items():
        wer = " | ".join(
            f"{figures['wer'][s]:.3f} ({figures['wer'][s] - base['wer'][s]:+.3f})" for s in sets
        )
        lines.append(
            f"| {mode} | {figures['rtf']:.2f} | {figures['rtf'] / base['rtf']:.2f} | {wer} |"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch-sizes", default="4,8")
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--device", default=None)
    args = parser.parse_args(argv)
    s = get_settings()
    device = args.device or s.whisper_device
    loadavg = [round(x, 2) for x in os.getloadavg()]
    sizes = [0, *(int(b) for b in args.batch_sizes.split(","))]
    model = resolve_whisper_model(s.whisper_model)
    with tempfile.TemporaryDirectory() as tmp:
        data = clips(Path(tmp))
        modes = {}
        for size in sizes:
            engine = WhisperEngine(
                model, device, s.whisper_compute_type, s.whisper_cpu_threads, batch_size=size
            )
            modes["sequential" if size == 0 else f"batched {size}"] = run_mode(
                engine, data, args.runs
            )
    report = {
        "model": Path(model).name,
        "device": device,
        "compute_type": s.whisper_compute_type,
        "runs": args.runs,
        "audio_s": sum(len(x[2]) for x in data) / SAMPLE_RATE,
        "modes": modes,
        "machine": machine(loadavg),
    }
    write_report("asr_batched", report, render)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
