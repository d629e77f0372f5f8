"""An hour of meeting through the whole pipeline on an NVIDIA GPU: each stage's seconds and
the realtime factor, against the ≤ 60 s target of issue #18.

    .venv/bin/python -m bench.gpu --llm-url http://127.0.0.1:8002/v1 --llm-model MODEL
    .venv/bin/python -m bench.gpu --smoke     # CPU, packaged models, 1 minute

The GPU profile is the production path of SPEC §7-8: Whisper large-v3-turbo in float16,
batched; diarization, speaker and sentence embeddings on CUDA; the LLM (naming and
cleanup) through an OpenAI-compatible server such as vLLM at `--llm-url`. `--whisper`
takes a model name (hub) or a local folder. Any setting can still be overridden from the
environment. The recording is bench.pipeline_rtf's four-voice meeting at `--minutes`
(naming has introductions and an agenda to work with), run by `eval.harness.evaluate`
with its own gpu_service. `--smoke` keeps the packaged CPU models and one minute, so that
the command is tested where no GPU is (tests/bench/test_gpu.py).
Writes bench/results/gpu[-smoke].{json,md} (`--out` for another folder).
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from bench.common import RESULTS
from bench.pipeline_rtf import write_meeting
from st_resources.settings import get_settings

TURNS_PER_MINUTE = 14  # bench.pipeline_rtf: 140 turns ≈ 10 minutes

GPU = {
    "WHISPER_DEVICE": "cuda",
    "WHISPER_COMPUTE_TYPE": "float16",
    "WHISPER_BATCH_SIZE": "16",
    "SPEAKER_DEVICE": "cuda",
    "EMBEDDING_DEVICE": "cuda",
    "LLM_BACKEND": "openai",
    "CLEANUP_CONCURRENCY": "16",
}


def profile(args: argparse.Namespace) -> dict[str, str]:
    """The environment of the run; values already set in the environment win."""
    if args.smoke:
        return {}
    wanted = {**GPU, "WHISPER_MODEL": args.whisper}
    if args.llm_url:
        wanted |= {"LLM_BASE_URL": args.llm_url, "LLM_MODEL": args.llm_model or ""}
    return {k: v for k, v in wanted.items() if k not in os.environ}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=None)
    parser.add_argument("--whisper", default="large-v3-turbo")
    parser.add_argument("--llm-url", default=None)
    parser.add_argument("--llm-model", default=None)
    parser.add_argument("--smoke", action="store_true")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    minutes = args.minutes or (1.0 if args.smoke else 60.0)
    os.environ.update(profile(args))
    get_settings.cache_clear()  # the profile above, for this process and gpu_service

    from eval.harness import evaluate

    name = "gpu-smoke" if args.smoke else "gpu"
    with tempfile.TemporaryDirectory(prefix="bench-gpu-") as tmp:
        write_meeting(Path(tmp), turns=max(8, round(minutes * TURNS_PER_MINUTE)), name=name)
        report = evaluate(
            Path(tmp),
            out_dir=args.out,
            run_name=name,
            baseline=False,
            start_gpu_service=True,
            tenant="bench",
        )
    print(report["markdown"])
    done = all((e.get("status") or "").startswith("completed") for e in report["recordings"])
    if done:
        total = report["totals"]["all"]
        seconds = sum(total["timings_s"].values())
        print(
            f"{total['duration_s']:.0f} s of audio in {seconds:.1f} s of processing "
            f"({total['duration_s'] / seconds:.1f}× realtime; target for 1 hour on one H100: "
            "≤ 60 s)"
        )
    return 0 if done else 1


if __name__ == "__main__":
    raise SystemExit(main())
