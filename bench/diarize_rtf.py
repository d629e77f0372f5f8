"""Speaker speed and accuracy of gpu_service on a 10-minute synthetic meeting, and its RSS.

    .venv/bin/python -m bench.diarize_rtf [--url http://127.0.0.1:8000] [--runs 3]

Builds a ~10 min meeting of four espeak-ng voices with exact reference turns
(`tests.gpu_service.meetings`), starts `python -m gpu_service` on a free port unless --url
is given (all models loaded: Whisper, segmentation-3.0, resemblyzer), and posts it to
`/v1/audio/diarize` `--runs` times, then its reference turns to `/v1/audio/embeddings`.
RTF = audio seconds ÷ wall seconds at the client (higher is faster), median of the runs.
DER is pyannote.metrics' with collar 0.25 s (±0.125 s) and with the NIST collar ±0.25 s.
Writes bench/results/diarize_rtf.json and diarize_rtf.md.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

import httpx
from pyannote.core import Annotation, Segment
from pyannote.metrics.diarization import DiarizationErrorRate

from bench.asr_rtf import seconds
from bench.common import against_gpu_service, machine, write_report
from tests.gpu_service.meetings import VOICES, build, conversation

TURNS = 140  # ≈ 10 minutes with the seeded pauses


def post(url: str, endpoint: str, audio: Path, **form) -> tuple[float, dict]:
    started = time.perf_counter()
    with audio.open("rb") as fh:
        resp = httpx.post(url + endpoint, files={"file": (audio.name, fh)}, data=form, timeout=600)
    wall = time.perf_counter() - started
    resp.raise_for_status()
    return wall, resp.json()


def scores(reference: list, turns: list[dict]) -> dict[str, float]:
    ref, hyp = Annotation(), Annotation()
    for start, end, voice in reference:
        ref[Segment(start, end)] = voice
    for turn in turns:
        hyp[Segment(turn["start"], turn["end"])] = turn["speaker"]
    return {
        f"der_collar_{name}": round(abs(DiarizationErrorRate(collar=collar)(ref, hyp)), 4)
        for name, collar in (("0.25", 0.25), ("nist_0.25", 0.5))
    }


def bench(url: str, audio: Path, reference: list, runs: int) -> dict:
    audio_s = seconds(audio)
    walls, body = [], {}
    for _ in range(runs):
        wall, body = post(url, "/v1/audio/diarize", audio)
        walls.append(wall)
        print(f"diarize: {wall:.2f} s → RTF {audio_s / wall:.1f}, {body['num_speakers']} speakers")
    spans = [[start, end] for start, end, _ in reference]
    embed_wall, embedded = post(url, "/v1/audio/embeddings", audio, spans=json.dumps(spans))
    speech_s = sum(end - start for start, end in spans)
    print(f"embeddings: {len(spans)} spans, {speech_s:.0f} s of speech in {embed_wall:.2f} s")
    return {
        "audio_s": round(audio_s, 2),
        "reference_speakers": len({voice for _, _, voice in reference}),
        "diarize": {
            "wall_s": [round(w, 2) for w in walls],
            "wall_median_s": round(statistics.median(walls), 2),
            "rtf": round(audio_s / statistics.median(walls), 1),
            "num_speakers": body["num_speakers"],
            "overlap_turns": sum(t["overlap"] for t in body["turns"]),
            **scores(reference, body["turns"]),
        },
        "embeddings": {
            "spans": len(spans),
            "speech_s": round(speech_s, 1),
            "wall_s": round(embed_wall, 2),
            "rtf": round(audio_s / embed_wall, 1),
            "null": sum(e["embedding"] is None for e in embedded["embeddings"]),
        },
    }


def markdown(report: dict) -> str:
    machine, r = report["machine"], report["results"]
    d, e = r["diarize"], r["embeddings"]
    lines = [
        "# gpu_service speaker speed and accuracy",
        "",
        f"{report['generated_at']} · {machine['cpus']} CPUs · "
        f"{report['models']['diarization']['id']} · median of {report['runs']} runs · "
        f"load average before/after {machine['loadavg_before']} / {machine['loadavg_after']}",
        "",
        f"A {r['audio_s'] / 60:.1f}-minute espeak-ng meeting of {r['reference_speakers']} voices "
        f"({', '.join(VOICES)}). RTF = audio seconds ÷ wall seconds at the client.",
        "",
        "| call | wall, median (s) | RTF | result |",
        "|---|---|---|---|",
        f"| diarize | {d['wall_median_s']} | {d['rtf']} | {d['num_speakers']} speakers; "
        f"DER {d['der_collar_0.25']:.1%} (collar 0.25 s), {d['der_collar_nist_0.25']:.1%} "
        "(±0.25 s) |",
        f"| embeddings, {e['spans']} spans ({e['speech_s']} s of speech) | {e['wall_s']} | "
        f"{e['rtf']} | {e['null']} null |",
    ]
    if memory := report["memory"]:
        lines += [
            "",
            f"gpu_service RSS with its models loaded ({', '.join(report['models'])}): "
            f"{memory['after_load']['rss_mb']:.0f} MB after load, "
            f"{memory['after_runs']['peak_rss_mb']:.0f} MB peak.",
        ]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="a running gpu_service; RSS is not measured then")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="diarize-rtf-") as tmp:
        audio = Path(tmp) / "meeting.wav"
        reference = build(conversation(VOICES, TURNS, seed=10), audio, seed=10)
        models, memory, loadavg_before, results = against_gpu_service(
            args.url, Path(tmp), lambda url: bench(url, audio, reference, args.runs)
        )

    report = {
        "machine": machine(loadavg_before),
        "models": models,
        "runs": args.runs,
        "results": results,
        "memory": memory,
    }
    write_report("diarize_rtf", report, markdown)


if __name__ == "__main__":
    main()
