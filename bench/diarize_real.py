"""Diarization alone, in-process, on real speech and on the synthetic development set.

    python -m bench.diarize_real [--devset var/devset] [--out NAME] [--only ami,fleurs,pairs,devset]

Runs gpu_service's diarizer (the packaged backend, Settings as configured) on:

- `ami`: the nine 30 s AMI meeting excerpts of ../shared/real-speech/ami (reference RTTM):
  pooled DER with a ±0.25 s collar, speaker count, and how much reference speech some
  turn covers (speech recall);
- `fleurs`: the ten single-reader FLEURS clips: the count must be 1;
- `pairs`: two readers one after the other (each FLEURS clip with the next one of the
  same language, 0.6 s apart): the count must be 2, and DER is scored;
- `devset`: the synthetic espeak-ng meetings of `--devset` (`st eval`'s folder, made by
  `python -m eval.devset`), DER and counts;
- `monologues`: one voice for minutes, where the count must be 1: each AMI participant's
  speech where no one else speaks, joined across the excerpts (those with 20 s or more),
  and espeak-ng monologues of 3-4 min (English and French voices, the development
  set's sentences), made at run time.

No speaker count is given, as a user uploading without one. Writes
bench/results/NAME.{json,md}.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import threading
import time
from pathlib import Path

import numpy as np
from pyannote.core import Annotation, Segment

from bench.common import machine, write_report
from eval.metrics import DerComponents, diarization_scores, read_rttm, speech_covered
from gpu_service.engines.speaker import load_embedder
from gpu_service.engines.whisper import SAMPLE_RATE, decode
from gpu_service.main import build_diarizer
from st_resources.settings import PROJECT_ROOT, get_settings

REAL = PROJECT_ROOT.parent / "shared" / "real-speech"
GAP_S = 0.6
ALONE_MIN_S = 20.0
MONOLOGUE_VOICES = {
    "en": ("en-gb+f4", "en-gb+m5", "en-us+m3", "en-029+m4"),
    "fr": ("fr+f2", "fr+m2", "fr-be+m3", "fr-ch+f3"),
}
MONOLOGUE_SENTENCES = 40


def load_diarizer():
    s = get_settings()
    lock = threading.Lock()
    embedder = load_embedder(
        s.speaker_model,
        s.diarization_cpu_threads,
        s.speaker_embedding_min_s,
        lock,
        device=s.speaker_device,
    )
    return build_diarizer(s, embedder, lock)


def hypothesis(result) -> Annotation:
    annotation = Annotation()
    for turn in result.turns:
        annotation[Segment(turn.start, turn.end)] = turn.speaker
    return annotation


def score(diarizer, samples: np.ndarray, reference: Annotation, name: str, known=None) -> dict:
    """`known`: enrolled voices (unit rows) for the diarizer, or None."""
    started = time.monotonic()
    result = diarizer.diarize(samples, known=known)
    seconds = time.monotonic() - started
    hyp = hypothesis(result)
    duration = len(samples) / SAMPLE_RATE
    scores = diarization_scores(reference, hyp, uem=duration)
    speech, covered = speech_covered(reference, ((t.start, t.end) for t in result.turns))
    return {
        "name": name,
        "duration_s": round(duration, 2),
        "ref_speakers": scores.ref_speakers,
        "hyp_speakers": scores.hyp_speakers,
        "der": scores.der,
        "components": scores.with_overlap.to_dict(),
        "speech_s": round(speech, 2),
        "covered_s": round(covered, 2),
        "seconds": round(seconds, 2),
    }


def ami(diarizer) -> list[dict]:
    out = []
    for wav in sorted((REAL / "ami").glob("*.wav")):
        out.append(score(diarizer, decode(str(wav)), read_rttm(wav.with_suffix(".rttm")), wav.stem))
    return out


def fleurs_clips() -> list[tuple[str, np.ndarray]]:
    return [(p.stem, decode(str(p))) for p in sorted((REAL / "fleurs").glob("*.ogg"))]


def single(diarizer, clips, known=None) -> list[dict]:
    out = []
    for name, samples in clips:
        reference = Annotation()
        reference[Segment(0, len(samples) / SAMPLE_RATE)] = "reader"
        out.append(score(diarizer, samples, reference, name, known))
    return out


def pairs(diarizer, clips, known=None) -> list[dict]:
    """Each clip followed by the next one of its language: two readers, no overlap."""
    out = []
    by_language: dict[str, list[tuple[str, np.ndarray]]] = {}
    for name, samples in clips:
        by_language.setdefault(name.split("-")[1], []).append((name, samples))
    gap = np.zeros(int(GAP_S * SAMPLE_RATE), dtype=np.float32)
    for group in by_language.values():
        for (a, first), (b, second) in zip(group, group[1:] + group[:1], strict=True):
            samples = np.concatenate([first, gap, second])
            reference = Annotation()
            end_a = len(first) / SAMPLE_RATE
            reference[Segment(0, end_a)] = a
            reference[Segment(end_a + GAP_S, len(samples) / SAMPLE_RATE)] = b
            out.append(score(diarizer, samples, reference, f"{a}+{b}", known))
    return out


def ami_alone() -> list[tuple[str, np.ndarray]]:
    """Each AMI participant's speech where no one else speaks, from every excerpt, joined
    with `GAP_S` of silence: one real voice over tens of seconds."""
    parts: dict[str, list[np.ndarray]] = {}
    for wav in sorted((REAL / "ami").glob("*.wav")):
        samples, reference = decode(str(wav)), read_rttm(wav.with_suffix(".rttm"))
        for label in reference.labels():
            alone = reference.label_timeline(label).support()
            others = reference.subset([label], invert=True).get_timeline().support()
            if others:
                alone = alone.extrude(others)
            for segment in alone:
                if segment.duration >= 0.5:
                    cut = samples[int(segment.start * SAMPLE_RATE) : int(segment.end * SAMPLE_RATE)]
                    parts.setdefault(label, []).append(cut)
    gap = np.zeros(int(GAP_S * SAMPLE_RATE), dtype=np.float32)
    return [
        (f"ami-{label}-alone", np.concatenate([x for cut in cuts for x in (cut, gap)]))
        for label, cuts in sorted(parts.items())
        if sum(len(c) for c in cuts) >= ALONE_MIN_S * SAMPLE_RATE
    ]


def espeak_monologues() -> list[tuple[str, np.ndarray]]:
    from eval.datasets import load
    from tests.speech import synthesize

    sentences: dict[str, list[str]] = {}
    for meeting in load("scripts", "dev").meetings:
        sentences.setdefault(meeting.language, []).extend(t.text for t in meeting.turns)
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for language, voices in MONOLOGUE_VOICES.items():
            for voice in voices:
                path = synthesize(
                    sentences[language][:MONOLOGUE_SENTENCES], Path(tmp) / "m.wav", voice=voice
                )
                out.append((f"espeak-{voice}", decode(str(path))))
    return out


def devset(diarizer, folder: Path) -> list[dict]:
    out = []
    for wav in sorted(folder.glob("*.wav")):
        out.append(score(diarizer, decode(str(wav)), read_rttm(wav.with_suffix(".rttm")), wav.stem))
    return out


def summary(rows: list[dict]) -> dict:
    if not rows:
        return {}
    pooled = DerComponents()
    for r in rows:
        c = r["components"]
        pooled += DerComponents(c["total"], c["confusion"], c["missed"], c["false_alarm"])
    speech = sum(r["speech_s"] for r in rows)
    return {
        "n": len(rows),
        "pooled_der": pooled.der,
        "median_der": statistics.median(r["der"] for r in rows if r["der"] is not None)
        if any(r["der"] is not None for r in rows)
        else None,
        "count_exact": sum(r["hyp_speakers"] == r["ref_speakers"] for r in rows),
        "count_within_1": sum(abs(r["hyp_speakers"] - r["ref_speakers"]) <= 1 for r in rows),
        "speech_recall": sum(r["covered_s"] for r in rows) / speech if speech else None,
    }


def render(report: dict) -> str:
    lines = [
        f"# Diarization on real and synthetic speech ({report['generated_at']})",
        "",
        "| set | n | pooled DER | median DER | count exact | count ±1 | speech recall |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, s in report["summary"].items():
        if not s:
            continue

        def pct(x):
            return "—" if x is None else f"{100 * x:.1f} %"

        lines.append(
            f"| {name} | {s['n']} | {pct(s['pooled_der'])} | {pct(s['median_der'])} | "
            f"{s['count_exact']}/{s['n']} | {s['count_within_1']}/{s['n']} | "
            f"{pct(s['speech_recall'])} |"
        )
    lines += [
        "",
        "| set | recording | ref | hyp | DER | speech recall |",
        "|---|---|---|---|---|---|",
    ]
    for name, rows in report["sets"].items():
        for r in rows:
            der = "—" if r["der"] is None else f"{100 * r['der']:.1f} %"
            recall = f"{100 * r['covered_s'] / r['speech_s']:.0f} %" if r["speech_s"] else "—"
            lines.append(
                f"| {name} | {r['name']} | {r['ref_speakers']} | {r['hyp_speakers']} | {der} | "
                f"{recall} |"
            )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devset", type=Path, default=Path("var/devset"))
    parser.add_argument("--out", default="diarize_real")
    parser.add_argument("--only", default="ami,fleurs,pairs,devset,monologues")
    args = parser.parse_args(argv)
    wanted = set(args.only.split(","))
    load = [round(x, 2) for x in os.getloadavg()]
    diarizer = load_diarizer()
    sets: dict[str, list[dict]] = {}
    clips = fleurs_clips() if wanted & {"fleurs", "pairs"} else []
    if "ami" in wanted:
        sets["ami"] = ami(diarizer)
    if "fleurs" in wanted:
        sets["fleurs"] = single(diarizer, clips)
    if "pairs" in wanted:
        sets["pairs"] = pairs(diarizer, clips)
    if "devset" in wanted and args.devset.is_dir():
        sets["devset"] = devset(diarizer, args.devset)
    if "monologues" in wanted:
        sets["monologues"] = single(diarizer, ami_alone() + espeak_monologues())
    report = {
        "settings": {
            k: v for k, v in get_settings().model_dump().items() if k.startswith("diarization_")
        },
        "diarizer": diarizer.info,
        "summary": {name: summary(rows) for name, rows in sets.items()},
        "sets": sets,
        "machine": machine(load),
    }
    write_report(args.out, report, render)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
