"""Calibrate the voiceprint thresholds on recordings with reference speakers.

    st calibrate DIR [--start-gpu-service] [--out eval/results]
    python -m eval.calibration DIR ...

For every recording of DIR (the eval harness layout: audio + `.rttm` + `.json` whose
`speakers` maps reference labels to names), each reference speaker's voice is embedded as
the pipeline does it (st_resources.transcripts.speakers: their longest solo turns, embedded by
gpu_service, duration-weighted mean), from the reference turns so that diarization errors
do not blur the picture. Then every pair of (recording, person) vectors is compared:
the same person in two recordings ("same") against two different people ("different").

The proposed match threshold sits halfway between the highest "different" similarity and
the lowest "same" one when they separate (else at the equal-error point); the auto-save
threshold halfway between the match threshold and the median "same" similarity, so only
clearly typical matches move a stored voice. Writes `OUT/calibration-<run>.{json,md}`.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from eval.harness import DEFAULT_OUT, GpuService, discover, use_gpu_url
from eval.metrics import read_rttm


def _turns(annotation) -> list:
    from st_resources.transcripts.speakers import Turn

    spans = [(seg.start, seg.end, str(label)) for seg, _, label in annotation.itertracks(True)]
    turns = []
    for start, end, label in spans:
        overlap = any(
            other != label and s < end and e > start for s, e, other in spans
        )  # a turn shared with another voice would mix the two
        turns.append(Turn(start, end, label, overlap))
    return turns


def person_vectors(directory: Path, log=print) -> dict[tuple[str, str], np.ndarray]:
    """(recording, person name) → that person's pooled voice vector in that recording."""
    from st_resources.clients.gpu import client_from_settings
    from st_resources.settings import get_settings
    from st_resources.transcripts.speakers import embedding_spans, mean_pool

    settings = get_settings()
    client = client_from_settings()
    vectors = {}
    for rec in discover(directory):
        names = rec.meta.get("speakers") or {}
        if not rec.rttm or not names:
            continue
        turns = _turns(read_rttm(rec.rttm, rec.name))
        chosen = embedding_spans(turns, settings.speaker_min_turn_s, settings.speaker_max_spans)
        order = [(label, t) for label in sorted(chosen) for t in chosen[label]]
        result = client.speaker_embeddings(rec.audio, [(t.start, t.end) for _, t in order])
        for label in chosen:
            pairs = [
                (e.embedding, t.duration)
                for (lab, t), e in zip(order, result.embeddings, strict=True)
                if lab == label
            ]
            pooled = mean_pool(
                [p[0] for p in pairs], [p[1] for p in pairs], settings.speaker_min_turn_s
            )
            if pooled is not None and label in names:
                vectors[(rec.name, names[label])] = pooled
        log(f"{rec.name}: {sum(1 for k in vectors if k[0] == rec.name)} voices")
    return vectors


def _stats(values: list[float]) -> dict[str, float] | None:
    if not values:
        return None
    a = np.asarray(values)
    return {
        "n": len(values),
        "min": float(a.min()),
        "p5": float(np.percentile(a, 5)),
        "median": float(np.median(a)),
        "p95": float(np.percentile(a, 95)),
        "max": float(a.max()),
    }


def thresholds(same: list[float], different: list[float]) -> dict[str, Any]:
    """Match and auto-save thresholds from the two similarity distributions."""
    lowest_same, highest_diff = min(same), max(different)
    if lowest_same > highest_diff:
        match, how = (lowest_same + highest_diff) / 2, "midpoint of the gap"
    else:  # overlap: the point where missed matches and false matches are equally likely
        grid = np.linspace(-1, 1, 2001)
        miss = np.array([np.mean(np.asarray(same) < t) for t in grid])
        false = np.array([np.mean(np.asarray(different) >= t) for t in grid])
        match, how = float(grid[np.argmin(np.abs(miss - false))]), "equal-error point"
    autosave = (match + max(float(np.median(same)), match)) / 2
    return {
        "match": round(float(match), 3),
        "autosave": round(float(autosave), 3),
        "rule": how,
        "separated": lowest_same > highest_diff,
        "missed_at_match": float(np.mean(np.asarray(same) < match)),
        "false_at_match": float(np.mean(np.asarray(different) >= match)),
    }


def calibrate(directory: Path, out_dir: Path = DEFAULT_OUT, log=print) -> dict[str, Any]:
    vectors = person_vectors(directory, log)
    same, different = [], []
    for (rec_a, who_a), (rec_b, who_b) in itertools.combinations(vectors, 2):
        sim = float(vectors[(rec_a, who_a)] @ vectors[(rec_b, who_b)])
        if who_a == who_b:
            same.append(sim)
        else:
            different.append(sim)
    if not same or not different:
        raise ValueError("need people who appear in two recordings, and several people")
    created = datetime.now(UTC)
    report = {
        "directory": str(directory),
        "created_at": created.isoformat(timespec="seconds"),
        "voices": len(vectors),
        "same_person": _stats(same),
        "different_people": _stats(different),
        "proposed": thresholds(same, different),
    }
    p = report["proposed"]
    markdown = "\n".join(
        [
            f"# Voiceprint calibration ({directory.name}, {report['created_at']})",
            "",
            "| pairs | n | min | p5 | median | p95 | max |",
            "|---|---:|---:|---:|---:|---:|---:|",
            *(
                f"| {k} | {v['n']} | {v['min']:.3f} | {v['p5']:.3f} | {v['median']:.3f} "
                f"| {v['p95']:.3f} | {v['max']:.3f} |"
                for k, v in (
                    ("same person", report["same_person"]),
                    ("different people", report["different_people"]),
                )
            ),  # fmt: skip
            "",
            f"Proposed: VOICEPRINT_MATCH_THRESHOLD={p['match']} ({p['rule']}; on this set "
            f"{p['missed_at_match']:.1%} of same-person pairs fall below it, "
            f"{p['false_at_match']:.1%} of different-people pairs reach it), "
            f"VOICEPRINT_AUTOSAVE_THRESHOLD={p['autosave']}.",
            "",
        ]
    )
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = out_dir / f"calibration-{directory.name}"
    stem.with_suffix(".json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    stem.with_suffix(".md").write_text(markdown, encoding="utf-8")
    report["markdown"] = markdown
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.calibration", description=__doc__)
    parser.add_argument("directory", type=Path)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--start-gpu-service", action="store_true")
    args = parser.parse_args(argv)
    service = None
    if args.start_gpu_service:
        service = GpuService(Path(tempfile.gettempdir()) / "st-calibration-gpu_service.log")
        use_gpu_url(service.url)
    try:
        report = calibrate(args.directory, args.out)
    finally:
        if service is not None:
            service.stop()
    print(report["markdown"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
