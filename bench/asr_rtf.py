"""ASR speed of gpu_service: realtime factor at beam 1 and 5, English and French, and RSS.

    .venv/bin/python -m bench.asr_rtf [--url http://127.0.0.1:8000] [--runs 3]

Makes 60 s espeak-ng clips, starts `python -m gpu_service` on a free port unless --url is
given, and posts each clip the way the pipeline does (verbose_json, word timestamps,
language given). RTF here = audio seconds ÷ wall seconds (higher is faster), the median of
`--runs`, measured at the client so HTTP and decoding count. Writes
bench/results/asr_rtf.json and asr_rtf.md.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import tempfile
import time
import wave
from pathlib import Path

import httpx

from bench.common import against_gpu_service, machine, write_report
from tests.speech import ENGLISH_MEETING, FRENCH_MEETING, repeat_to_duration, synthesize

CLIP_S = 60.0
BEAMS = (1, 5)
VOICES = {"en": ("en-us", ENGLISH_MEETING), "fr": ("fr", FRENCH_MEETING)}


def make_clip(language: str, directory: Path) -> Path:
    voice, sentences = VOICES[language]
    full = synthesize(
        repeat_to_duration(sentences, CLIP_S), directory / f"{language}_full.wav", voice=voice
    )
    clip = directory / f"{language}.wav"
    subprocess.run(["sox", str(full), str(clip), "trim", "0", str(CLIP_S)], check=True)
    return clip


def seconds(path: Path) -> float:
    with wave.open(str(path)) as w:
        return w.getnframes() / w.getframerate()


def transcribe(url: str, clip: Path, language: str, beam_size: int) -> float:
    form = {
        "response_format": "verbose_json",
        "timestamp_granularities[]": "word",
        "language": language,
        "beam_size": str(beam_size),
    }
    started = time.perf_counter()
    with clip.open("rb") as fh:
        resp = httpx.post(
            url + "/v1/audio/transcriptions",
            files={"file": (clip.name, fh)},
            data=form,
            timeout=600,
        )
    wall = time.perf_counter() - started
    resp.raise_for_status()
    return wall


def bench(url: str, clips: dict[str, Path], runs: int) -> list[dict]:
    rows = []
    for language, clip in clips.items():
        audio_s = seconds(clip)
        for beam in BEAMS:
            walls = [transcribe(url, clip, language, beam) for _ in range(runs)]
            wall = statistics.median(walls)
            rows.append(
                {
                    "language": language,
                    "beam_size": beam,
                    "audio_s": round(audio_s, 2),
                    "wall_s": [round(w, 2) for w in walls],
                    "wall_median_s": round(wall, 2),
                    "rtf": round(audio_s / wall, 2),
                }
            )
            print(f"{language} beam {beam}: {rows[-1]['wall_s']} s → RTF {rows[-1]['rtf']}")
    return rows


def markdown(report: dict) -> str:
    machine, model = report["machine"], report["model"]
    lines = [
        "# gpu_service ASR speed",
        "",
        f"{report['generated_at']} · {machine['cpus']} CPUs · {model['id']} "
        f"{model['compute_type']} on {model['device']} · median of {report['runs']} runs · "
        f"load average before/after {machine['loadavg_before']} / {machine['loadavg_after']}",
        "",
        "RTF = audio seconds ÷ wall seconds at the client (higher is faster); espeak-ng speech,",
        "verbose_json with word timestamps, VAD on, language given.",
        "",
        "| language | beam | audio (s) | wall, median (s) | RTF |",
        "|---|---|---|---|---|",
    ]
    for r in report["results"]:
        cells = (r["language"], r["beam_size"], r["audio_s"], r["wall_median_s"], r["rtf"])
        lines.append("| " + " | ".join(map(str, cells)) + " |")
    if memory := report["memory"]:
        lines += [
            "",
            f"gpu_service RSS: {memory['after_load']['rss_mb']:.0f} MB after load, "
            f"{memory['after_runs']['peak_rss_mb']:.0f} MB peak.",
        ]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="a running gpu_service; RSS is not measured then")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="asr-rtf-") as tmp:
        clips = {language: make_clip(language, Path(tmp)) for language in VOICES}
        models, memory, loadavg_before, rows = against_gpu_service(
            args.url, Path(tmp), lambda url: bench(url, clips, args.runs)
        )

    report = {
        "machine": machine(loadavg_before),
        "model": models["asr"],
        "runs": args.runs,
        "results": rows,
        "memory": memory,
    }
    write_report("asr_rtf", report, markdown)


if __name__ == "__main__":
    main()
