"""Whole-pipeline speed on a 10-minute meeting (or `--minutes N`): every stage, in-process
through Dagster, when the transcript becomes readable, the share of naming (the seed's
"RAG overhead") and of LLM cleanup, and each process's peak memory.

    .venv/bin/python -m bench.pipeline_rtf [--minutes 10]

Builds the same ~10 min four-voice espeak-ng meeting as bench.diarize_rtf, where each
person introduces themselves once and an agenda lists everyone (so naming has real work:
rules, documents, and the LLM for whoever is left), writes it as an eval folder (wav +
rttm + txt + json) and runs `eval.harness.evaluate` on it with its own gpu_service:
decode → ASR → diarization → alignment → speaker embeddings → naming → voiceprints →
cleanup → indexing, with WER, DER and naming accuracy beside the per-stage speeds.
Writes bench/results/pipeline_rtf.{json,md} (pipeline_rtf_<N>min for other lengths).
"""

import argparse
import json
import os
import resource
import tempfile
from pathlib import Path

from bench.common import RESULTS, against_gpu_service, children, command, rss_mb
from bench.diarize_rtf import TURNS
from eval.harness import evaluate, use_gpu_url
from tests.gpu_service.meetings import VOICES, build, conversation

PEOPLE = dict(
    zip(VOICES, ["Alice Martin", "Bruno Costa", "Chloé Durand", "Daniel Weber"], strict=True)
)
NAMING_STAGES = ("naming", "voiceprints")
# What runs after the transcript is readable (st_assets/readable.py): the enrichment.
ENRICHMENT_STAGES = ("llm_naming", "cleanup", "voiceprints", "indexing")
TURNS_PER_MINUTE = TURNS / 10


def write_meeting(directory: Path, turns: int = TURNS, name: str = "meeting10") -> None:
    """The meeting as an eval folder; `turns` sets its length (140 ≈ 10 minutes)."""
    intros = [(voice, f"Hello everyone, I am {person}.") for voice, person in PEOPLE.items()]
    script = intros + conversation(VOICES, turns - len(intros), seed=10)
    reference = build(script, directory / f"{name}.wav", seed=10)
    rttm = [
        f"SPEAKER {name} 1 {start:.3f} {end - start:.3f} <NA> <NA> {voice} <NA> <NA>"
        for start, end, voice in reference
    ]
    (directory / f"{name}.rttm").write_text("\n".join(rttm) + "\n")
    (directory / f"{name}.txt").write_text(" ".join(sentence for _, sentence in script))
    agenda = "Weekly planning\nAttendees: " + ", ".join(PEOPLE.values())
    meta = {"language": "en", "speakers": PEOPLE, "context": agenda}
    (directory / f"{name}.json").write_text(json.dumps(meta))


def shares(timings: dict[str, float]) -> dict[str, float]:
    total = sum(timings.values())
    return {
        "naming": sum(timings.get(s, 0.0) for s in NAMING_STAGES) / total,
        "cleanup": timings.get("cleanup", 0.0) / total,
    }


def readable_rtf(entry: dict) -> float:
    """Audio seconds per second of the stages up to the readable transcript."""
    timings = entry["timings_s"]
    before = sum(v for k, v in timings.items() if k not in ENRICHMENT_STAGES)
    return entry["duration_s"] / before


def peaks(service_pid: int) -> dict[str, float]:
    """Peak RSS (MB) of gpu_service, its LLM worker, and this process (the Dagster run in
    process, and the ASR-only baseline's own Whisper)."""
    out = {"gpu_service": rss_mb(service_pid)["peak_rss_mb"]}
    for child in children(service_pid):
        name = "LLM worker" if "llm_worker" in command(child) else command(child)[:40]
        out[name] = rss_mb(child)["peak_rss_mb"]
    out["pipeline (this process)"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {k: round(v) for k, v in out.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10)
    args = parser.parse_args()
    run_name = "pipeline_rtf" if args.minutes == 10 else f"pipeline_rtf_{args.minutes:g}min"
    memory: dict[str, float] = {}

    def work(url: str) -> dict:
        use_gpu_url(url)
        with tempfile.TemporaryDirectory(prefix="pipeline-rtf-") as tmp:
            write_meeting(Path(tmp), turns=round(TURNS_PER_MINUTE * args.minutes))
            report = evaluate(Path(tmp), out_dir=RESULTS, run_name=run_name, tenant="bench")
        service = next(p for p in children(os.getpid()) if "gpu_service" in command(p))
        memory.update(peaks(service))
        return report

    with tempfile.TemporaryDirectory() as workdir:
        _, _, _, report = against_gpu_service(None, Path(workdir), work)
    share = shares(report["totals"]["all"]["timings_s"])
    entry = report["recordings"][0]
    note = (
        f"\nShare of the pipeline's processing time: naming (rules, documents, voiceprints, "
        f"LLM) {share['naming']:.1%} (seed 5.5%, target ≤ 5%); LLM cleanup "
        f"{share['cleanup']:.1%}.\n\nReadable (the stages before the enrichment): "
        f"{readable_rtf(entry):.1f}× realtime.\n\nPeak RSS, MB: "
        + ", ".join(f"{k} {v}" for k, v in memory.items())
        + ".\n"
    )
    md = RESULTS / f"{run_name}.md"
    md.write_text(md.read_text(encoding="utf-8") + note, encoding="utf-8")
    print(report["markdown"] + note)


if __name__ == "__main__":
    main()
