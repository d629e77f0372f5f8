"""Diarization with the tenant's enrolled voices (`known_voices`), in-process.

    python -m bench.diarize_known SET_DIR [SET_DIR ...] [--fleurs] [--out NAME]

Each SET_DIR is a synthetic meeting set (`python -m eval.devset DIR [--scripts NAME]`),
its meetings in order. Every meeting is diarized three ways, no count given:

- `none`: no known voices (what a new tenant gets);
- `sequential`: every person of the set's earlier meetings enrolled, each from the
  pooled embedding of their reference turns there (a tenant's library, but better
  enrolled than the pipeline manages);
- `oracle`: every person of the set enrolled from their reference turns in the set's
  *other* meetings (their own meeting only when they attend no other): the best case,
  both people of every merged pair known.

`--fleurs` adds the real single readers and reader pairs of ../shared/real-speech with
all ten readers known (from their own clip): a known voice must not split one person.
Writes bench/results/NAME.{json,md}.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import numpy as np
from pyannote.core import Annotation

from bench.common import machine, write_report
from bench.diarize_real import fleurs_clips, load_diarizer, pairs, score, single, summary
from eval.metrics import read_rttm
from gpu_service.engines.whisper import SAMPLE_RATE, decode
from st_resources.transcripts.speakers import mean_pool

SHAPES = ("none", "sequential", "oracle")
MIN_SPAN_S = 1.0  # reference turns shorter than this are not embedded (as the pipeline)


def pooled_voice(embedder, samples: np.ndarray, spans: list[tuple[float, float]]):
    """A unit vector: the person's turns embedded and pooled as the pipeline pools a
    speaker's (`mean_pool`), or None."""
    spans = [s for s in spans if s[1] - s[0] >= MIN_SPAN_S]
    vectors = embedder.embed_spans(samples, spans) if spans else []
    return mean_pool(vectors, [b - a for a, b in spans], MIN_SPAN_S)


def meeting_voices(embedder, folder: Path) -> list[tuple[str, np.ndarray, Annotation, dict]]:
    """(name, samples, reference, person → voice in this meeting), meetings in order."""
    out = []
    for wav in sorted(folder.glob("*.wav")):
        samples, reference = decode(str(wav)), read_rttm(wav.with_suffix(".rttm"))
        voices = {
            person: pooled_voice(
                embedder, samples, [(s.start, s.end) for s in reference.label_timeline(person)]
            )
            for person in reference.labels()
        }
        known = {person: voice for person, voice in voices.items() if voice is not None}
        out.append((wav.stem, samples, reference, known))
    return out


def library(meetings, index: int, shape: str) -> np.ndarray | None:
    voices: dict[str, list[np.ndarray]] = {}
    for i, (_, _, _, people) in enumerate(meetings):
        if (shape == "sequential" and i < index) or (shape == "oracle" and i != index):
            for person, voice in people.items():
                voices.setdefault(person, []).append(voice)
    if shape == "oracle":  # someone at this meeting only: enrolled from it
        for person, voice in meetings[index][3].items():
            voices.setdefault(person, [voice])
    rows = [np.mean(v, axis=0) for v in voices.values()]
    if len(rows) < 2:
        return None
    stack = np.stack(rows)
    return stack / np.linalg.norm(stack, axis=1, keepdims=True)


def run_set(diarizer, folder: Path) -> dict[str, list[dict]]:
    meetings = meeting_voices(diarizer.embedder, folder)
    out: dict[str, list[dict]] = {shape: [] for shape in SHAPES}
    for i, (name, samples, reference, _) in enumerate(meetings):
        for shape in SHAPES:
            known = None if shape == "none" else library(meetings, i, shape)
            out[shape].append(score(diarizer, samples, reference, name, known))
    return out


def run_fleurs(diarizer) -> dict[str, dict[str, list[dict]]]:
    """Single readers and reader pairs, without and with all ten readers known."""
    clips = fleurs_clips()
    known = np.stack(
        [pooled_voice(diarizer.embedder, x, [(0.0, len(x) / SAMPLE_RATE)]) for _, x in clips]
    )
    libraries = (("none", None), ("all readers known", known))
    return {
        "fleurs": {shape: single(diarizer, clips, voices) for shape, voices in libraries},
        "fleurs pairs": {shape: pairs(diarizer, clips, voices) for shape, voices in libraries},
    }


def render(report: dict) -> str:
    lines = [
        f"# Diarization with enrolled voices ({report['generated_at']})",
        "",
        "| set | library | n | pooled DER | count exact | count ±1 |",
        "|---|---|---|---|---|---|",
    ]
    for name, shapes in report["sets"].items():
        for shape, rows in shapes.items():
            s = summary(rows)
            lines.append(
                f"| {name} | {shape} | {s['n']} | {100 * s['pooled_der']:.1f} % | "
                f"{s['count_exact']}/{s['n']} | {s['count_within_1']}/{s['n']} |"
            )
    lines += ["", "Recordings whose result a library changed:", ""]
    lines += [
        "| set | recording | library | ref | hyp | DER | without: hyp, DER |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, shapes in report["sets"].items():
        base = {r["name"]: r for r in next(iter(shapes.values()))}
        for shape, rows in list(shapes.items())[1:]:
            for r in rows:
                b = base[r["name"]]
                if (r["hyp_speakers"], r["der"]) != (b["hyp_speakers"], b["der"]):
                    lines.append(
                        f"| {name} | {r['name']} | {shape} | {r['ref_speakers']} | "
                        f"{r['hyp_speakers']} | {100 * r['der']:.1f} % | "
                        f"{b['hyp_speakers']}, {100 * b['der']:.1f} % |"
                    )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", type=Path)
    parser.add_argument("--fleurs", action="store_true")
    parser.add_argument("--out", default="diarize_known")
    args = parser.parse_args(argv)
    load = [round(x, 2) for x in os.getloadavg()]
    diarizer = load_diarizer()
    sets = {folder.name: run_set(diarizer, folder) for folder in args.sets}
    if args.fleurs:
        sets |= run_fleurs(diarizer)
    report = {"diarizer": diarizer.info, "sets": sets, "machine": machine(load)}
    write_report(args.out, report, render)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
