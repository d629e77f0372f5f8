"""Diarization on meetings of randomly drawn espeak-ng voices, unlike the development set.

    python -m eval.voices [--meetings 16] [--seed 7] [--url http://127.0.0.1:8000]

The development set's cast was chosen for voices far apart to resemblyzer
(eval/data/scripts/dev.yaml). A user's synthetic meetings need not be: here each meeting
draws 2-6 voices at random from one espeak-ng language (en-us, en, fr, de, es) and its
stock variants (+m1…+m7, +f1…+f5, none), 45 turns of distinct sentences
(`tests.gpu_service.meetings`), and gpu_service diarizes it three times: estimating the
count, within the bounds an attendee list of the cast would set (`count_bounds`, what
the pipeline sends when the documents list the attendees), and told it (`num_speakers`,
what `st transcribe --speakers N` sends). en-gb is left out: espeak-ng ignores its
variants, so its "voices" are one voice.

Reported per meeting and in total: speakers found, DER (pyannote.metrics, collar 0.25 s)
each way. Writes eval/results/voices.json and voices.md.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
from pathlib import Path

import httpx

from bench.asr_rtf import seconds
from bench.common import against_gpu_service, write_report
from bench.diarize_rtf import scores
from st_resources.transcripts.speakers import count_bounds
from tests.gpu_service.meetings import build, conversation

RESULTS = Path(__file__).resolve().parent / "results"
LANGUAGES = ["en-us", "en", "fr", "de", "es"]
VARIANTS = ["", "+m1", "+m2", "+m3", "+m4", "+m5", "+m6", "+m7", "+f1", "+f2", "+f3", "+f4", "+f5"]
TURNS = 45


def draw(count: int, seed: int) -> list[list[str]]:
    """`count` voice casts, each from one language."""
    rng = random.Random(seed)
    casts = []
    for _ in range(count):
        language = rng.choice(LANGUAGES)
        size = rng.choice([2, 3, 4, 5, 6])
        casts.append([language + variant for variant in rng.sample(VARIANTS, size)])
    return casts


def diarize(url: str, audio: Path, reference: list, **bounds: int | None) -> dict:
    data = {key: str(value) for key, value in bounds.items() if value}
    with audio.open("rb") as fh:
        resp = httpx.post(
            url + "/v1/audio/diarize", files={"file": (audio.name, fh)}, data=data, timeout=600
        )
    resp.raise_for_status()
    body = resp.json()
    der = scores(reference, body["turns"])["der_collar_0.25"]
    return {"found": body["num_speakers"], "der": der}


def evaluate(url: str, meetings: list[tuple[list[str], Path, list]]) -> list[dict]:
    rows = []
    for voices, audio, reference in meetings:
        low, high = count_bounds(len(voices), seconds(audio))
        row = {
            "voices": voices,
            "speakers": len(voices),
            "estimated": diarize(url, audio, reference),
            "attendees": diarize(url, audio, reference, min_speakers=low, max_speakers=high),
            "told": diarize(url, audio, reference, num_speakers=len(voices)),
        }
        print(json.dumps(row), flush=True)
        rows.append(row)
    return rows


def summary(rows: list[dict]) -> dict:
    return {
        "meetings": len(rows),
        "exact_count": sum(r["estimated"]["found"] == r["speakers"] for r in rows),
        "under_count": sum(r["estimated"]["found"] < r["speakers"] for r in rows),
        "der_median_estimated": round(statistics.median(r["estimated"]["der"] for r in rows), 4),
        "der_mean_estimated": round(statistics.mean(r["estimated"]["der"] for r in rows), 4),
        "exact_count_attendees": sum(r["attendees"]["found"] == r["speakers"] for r in rows),
        "within_one_estimated": sum(
            abs(r["estimated"]["found"] - r["speakers"]) <= 1 for r in rows
        ),
        "within_one_attendees": sum(
            abs(r["attendees"]["found"] - r["speakers"]) <= 1 for r in rows
        ),
        "der_mean_attendees": round(statistics.mean(r["attendees"]["der"] for r in rows), 4),
        "der_median_told": round(statistics.median(r["told"]["der"] for r in rows), 4),
        "der_mean_told": round(statistics.mean(r["told"]["der"] for r in rows), 4),
    }


def markdown(report: dict) -> str:
    s = report["summary"]
    lines = [
        "# Diarization on randomly drawn espeak-ng voices",
        "",
        f"{report['generated_at']} · seed {report['seed']} · {report['model']} · "
        f"{s['meetings']} meetings of {TURNS} turns",
        "",
        f"Speaker count right {s['exact_count']}/{s['meetings']} "
        f"({s['under_count']} under-counted). DER (collar 0.25 s) median / mean: "
        f"{s['der_median_estimated']:.1%} / {s['der_mean_estimated']:.1%} with the count "
        f"estimated, {s['der_median_told']:.1%} / {s['der_mean_told']:.1%} when told the count.",
        "",
        f"Within the bounds of an attendee list: count right {s['exact_count_attendees']}/"
        f"{s['meetings']}, within one {s['within_one_attendees']}/{s['meetings']} "
        f"({s['within_one_estimated']} without), mean DER {s['der_mean_attendees']:.1%}.",
        "",
        "| voices | found | DER, estimated | found, attendee list | DER, attendee list "
        "| DER, told |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for r in report["rows"]:
        lines.append(
            f"| {', '.join(r['voices'])} | {r['estimated']['found']}/{r['speakers']} | "
            f"{r['estimated']['der']:.1%} | {r['attendees']['found']} | "
            f"{r['attendees']['der']:.1%} | {r['told']['der']:.1%} |"
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=16)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--url", help="a running gpu_service (else one is started)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="voices-") as tmp:
        meetings = []
        for i, voices in enumerate(draw(args.meetings, args.seed)):
            audio = Path(tmp) / f"m{i:02d}.wav"
            reference = build(conversation(voices, TURNS, seed=i), audio, seed=i)
            meetings.append((voices, audio, reference))
        models, _, _, rows = against_gpu_service(
            args.url, Path(tmp), lambda url: evaluate(url, meetings)
        )
    report = {
        "seed": args.seed,
        "model": models["diarization"]["id"],
        "summary": summary(rows),
        "rows": rows,
    }
    write_report("voices", report, markdown, RESULTS)


if __name__ == "__main__":
    main()
