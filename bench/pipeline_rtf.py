"""Whole-pipeline speed on a 10-minute meeting: every stage, in-process through Dagster.

    .venv/bin/python -m bench.pipeline_rtf

Builds the same ~10 min four-voice espeak-ng meeting as bench.diarize_rtf, writes it as
an eval folder (wav + rttm + txt), and runs `eval.harness.evaluate` on it with its own
gpu_service: decode → ASR → diarization → alignment → speaker embeddings → indexing, with
WER and DER beside the per-stage realtime factors. Writes bench/results/pipeline_rtf.*.
"""

import json
import tempfile
from pathlib import Path

from bench.common import RESULTS
from bench.diarize_rtf import TURNS
from eval.harness import evaluate
from tests.gpu_service.meetings import VOICES, build, conversation


def write_meeting(directory: Path) -> None:
    script = conversation(VOICES, TURNS, seed=10)
    reference = build(script, directory / "meeting10.wav", seed=10)
    rttm = [
        f"SPEAKER meeting10 1 {start:.3f} {end - start:.3f} <NA> <NA> {voice} <NA> <NA>"
        for start, end, voice in reference
    ]
    (directory / "meeting10.rttm").write_text("\n".join(rttm) + "\n")
    (directory / "meeting10.txt").write_text(" ".join(sentence for _, sentence in script))
    (directory / "meeting10.json").write_text(json.dumps({"language": "en"}))


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
    print(report["markdown"])


if __name__ == "__main__":
    main()
