"""Whole-pipeline speed on a 10-minute meeting: every stage, in-process through Dagster,
and the share of naming (the seed's "RAG overhead") and of LLM cleanup in it.

    .venv/bin/python -m bench.pipeline_rtf

Builds the same ~10 min four-voice espeak-ng meeting as bench.diarize_rtf, where each
person introduces themselves once and an agenda lists everyone (so naming has real work:
rules, documents, and the LLM for whoever is left), writes it as an eval folder (wav +
rttm + txt + json) and runs `eval.harness.evaluate` on it with its own gpu_service:
decode → ASR → diarization → alignment → speaker embeddings → naming → voiceprints →
cleanup → indexing, with WER, DER and naming accuracy beside the per-stage speeds.
Writes bench/results/pipeline_rtf.{json,md}.
"""

import json
import tempfile
from pathlib import Path

from bench.common import RESULTS
from bench.diarize_rtf import TURNS
from eval.harness import evaluate
from tests.gpu_service.meetings import VOICES, build, conversation

PEOPLE = dict(
    zip(VOICES, ["Alice Martin", "Bruno Costa", "Chloé Durand", "Daniel Weber"], strict=True)
)
NAMING_STAGES = ("naming", "voiceprints")


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


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="pipeline-rtf-") as tmp:
        write_meeting(Path(tmp))
        report = evaluate(
            Path(tmp),
            out_dir=RESULTS,
            run_name="pipeline_rtf",
            start_gpu_service=True,
            tenant="bench",
            baseline=True,
        )
    share = shares(report["totals"]["all"]["timings_s"])
    note = (
        f"\nShare of the pipeline's processing time: naming (rules, documents, voiceprints, "
        f"LLM) {share['naming']:.1%} (seed 5.5%, target ≤ 5%); LLM cleanup "
        f"{share['cleanup']:.1%}.\n"
    )
    md = RESULTS / "pipeline_rtf.md"
    md.write_text(md.read_text(encoding="utf-8") + note, encoding="utf-8")
    print(report["markdown"] + note)


if __name__ == "__main__":
    main()
