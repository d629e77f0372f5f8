"""LLM speed on this machine: prompt and generation tokens/s of the packaged GGUF, and RSS.

    .venv/bin/python -m bench.llm_speed [--runs 3] [--threads 2] [--no-service]
        [--extra-buffer-types] [--out llm_speed]

Loads LLM_MODEL (the packaged Qwen2.5-Coder-1.5B-Instruct Q4_K_M, SPEC §7) with
llama-cpp-python as the LLM worker does (extra buffer types off unless asked). Per run,
with the KV cache reset: a ~400-token prompt answered with 1 token (prompt tokens ÷ its
time = prompt tok/s), then a short prompt with 128 generated tokens (tokens after
the first ÷ the time after the prompt = generation tok/s). Medians of `--runs`. The
report names the llama.cpp build's CPU features, so builds can be compared. Then, unless
--no-service, starts `python -m gpu_service` and records its RSS and its LLM worker's once
every engine is loaded and after one chat request.
Writes bench/results/OUT.json and OUT.md.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

import httpx

from bench.common import machine, rss_mb, write_report
from st_resources.model_files import resolve_llm_model
from st_resources.settings import get_settings

PARAGRAPH = (
    "Marie Dupont opened the meeting and reviewed the budget for the third quarter. "
    "Peter Jones asked whether the new hires would start in October or in November. "
)
LONG_PROMPT = "Summarise this meeting in one line.\n\n" + PARAGRAPH * 12
# A long answer the model always writes in full (asked for a story, the coder model refuses
# in 12 tokens, which measured little but noise).
COUNT = "Count from 1 to 300, separated by commas."


def timed(llm, prompt: str, max_tokens: int) -> tuple[float, int, int]:
    llm.reset()  # no prefix reuse between runs: every prompt token is evaluated
    started = time.perf_counter()
    out = llm.create_chat_completion(
        [{"role": "user", "content": prompt}], max_tokens=max_tokens, temperature=0.0
    )
    usage = out["usage"]
    return time.perf_counter() - started, usage["prompt_tokens"], usage["completion_tokens"]


def build_features() -> str:
    """The CPU features llama.cpp was compiled for and uses here, as it prints them."""
    import llama_cpp

    return llama_cpp.llama_print_system_info().decode().strip()


def measure(model_path: str, threads: int, runs: int, extra_buffer_types: bool) -> dict:
    from gpu_service.engines.llm import _load_llama

    started = time.perf_counter()
    llm = _load_llama(model_path, extra_buffer_types, n_ctx=4096, n_threads=threads, verbose=False)
    load_s = time.perf_counter() - started
    timed(llm, "Hi", 1)  # warm-up
    prompt_tps, gen_tps, rows = [], [], []
    for _ in range(runs):
        p_s, p_tok, _ = timed(llm, LONG_PROMPT, 1)
        g_s, g_prompt_tok, g_tok = timed(llm, COUNT, 128)
        short_s, _, _ = timed(llm, COUNT, 1)  # the same prompt's evaluation alone
        prompt_tps.append(p_tok / p_s)
        gen_tps.append((g_tok - 1) / max(g_s - short_s, 1e-6))
        assert g_tok == 128, f"the model stopped after {g_tok} tokens: not a generation measure"
        rows.append({"prompt_tokens": p_tok, "prompt_s": p_s, "gen_tokens": g_tok, "gen_s": g_s})
    return {
        "load_s": round(load_s, 2),
        "prompt_tok_s": round(statistics.median(prompt_tps), 1),
        "generation_tok_s": round(statistics.median(gen_tps), 1),
        "runs": rows,
    }


def service_memory() -> dict:
    from tests.stack import start_gpu_service

    with tempfile.TemporaryDirectory() as logs:
        proc, url = start_gpu_service(dict(os.environ), Path(logs))
        try:
            worker = httpx.get(url + "/ready").json()["engines"]["llm"]["process"]["pid"]
            memory = {"after_load": rss_mb(proc.proc.pid), "llm_worker": rss_mb(worker)}
            httpx.post(
                url + "/v1/chat/completions",
                json={"messages": [{"role": "user", "content": COUNT}], "max_tokens": 64},
                timeout=120,
            ).raise_for_status()
            memory["after_chat"] = rss_mb(proc.proc.pid)
            memory["llm_worker_after_chat"] = rss_mb(worker)
        finally:
            proc.stop()
    return memory


def render(report: dict) -> str:
    r = report["results"]
    lines = [
        "# LLM speed (llama.cpp, packaged Qwen2.5-Coder-1.5B-Instruct Q4_K_M)",
        "",
        f"{report['threads']} threads, median of {report['n_runs']} runs, load {r['load_s']} s, "
        f"extra buffer types {'on' if report['extra_buffer_types'] else 'off'}.",
        "",
        f"llama.cpp build: `{report['build']}`",
        "",
        "| prompt tok/s | generation tok/s |",
        "|---:|---:|",
        f"| {r['prompt_tok_s']} | {r['generation_tok_s']} |",
        "",
    ]
    if memory := report.get("gpu_service_memory"):
        lines.append(
            f"RSS after load: gpu_service (ASR, speakers) {memory['after_load']['rss_mb']:.0f} MB, "
            f"its LLM worker {memory['llm_worker']['rss_mb']:.0f} MB; peaks after a chat "
            f"{memory['after_chat']['peak_rss_mb']:.0f} MB and "
            f"{memory['llm_worker_after_chat']['peak_rss_mb']:.0f} MB."
        )
    lines.append(f"Load average before: {report['machine']['loadavg_before']}.")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--threads", type=int, default=get_settings().llm_cpu_threads)
    parser.add_argument("--no-service", action="store_true")
    parser.add_argument("--extra-buffer-types", action="store_true")
    parser.add_argument("--out", default="llm_speed", help="results file name, no suffix")
    args = parser.parse_args()
    loadavg = [round(x, 2) for x in os.getloadavg()]
    model = resolve_llm_model(get_settings().llm_model)
    report = {
        "model": Path(model).name,
        "threads": args.threads,
        "n_runs": args.runs,
        "extra_buffer_types": args.extra_buffer_types,
        "build": build_features(),
        "results": measure(model, args.threads, args.runs, args.extra_buffer_types),
    }
    if not args.no_service:
        report["gpu_service_memory"] = service_memory()
    report["machine"] = machine(loadavg)
    write_report(args.out, report, render)


if __name__ == "__main__":
    main()
