"""What LLM cleanup costs per minute of audio: calls, prompt and generated tokens, seconds,
and how often the guard keeps the LLM's text.

    .venv/bin/python -m bench.cleanup_cost [--devset var/devset | --devset-tenant NAME]
                                           [--url URL]

Three sets of ASR output, cleaned as the `clean_transcript` asset cleans them
(`clean_segments`, the packaged LLM through gpu_service):

- `fleurs`: the ten FLEURS readers of ../shared/real-speech (read speech), and
- `ami`: its nine AMI meeting excerpts (spontaneous far-field speech), both transcribed
  here by Whisper;
- `devset`: the development set's recordings (`python -m eval.devset`) transcribed here
  by Whisper, or with `--devset-tenant` the segments the pipeline stored for a tenant
  that ran `st eval var/devset --tenant NAME` (its PostgreSQL rows).

Every LLM call is metered from the `usage` of its completion. Writes
bench/results/cleanup_cost.{json,md}.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from sqlalchemy import select

from bench.common import against_gpu_service, write_report
from bench.diarize_real import REAL
from gpu_service.engines.whisper import SAMPLE_RATE, WhisperEngine, decode
from st_resources.clients.llm import LlmClient, llm_endpoint
from st_resources.db.models import Segment, Tenant, Transcript
from st_resources.db.session import session_scope
from st_resources.model_files import resolve_whisper_model
from st_resources.settings import get_settings
from st_resources.transcripts.cleanup import ALREADY_CLEAN, clean_segments

DEVSET = Path("var/devset")


def commit() -> str:
    out = subprocess.run(["git", "describe", "--always", "--dirty"], capture_output=True, text=True)
    return out.stdout.strip() or "unknown"


class MeteredClient(LlmClient):
    """The project's LLM client, counting what each completion cost."""

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.calls: list[dict[str, float]] = []

    def completion(self, messages: list[dict[str, Any]], **opts: Any) -> dict[str, Any]:
        started = time.monotonic()
        data = super().completion(messages, **opts)
        usage = data.get("usage") or {}
        self.calls.append(
            {
                "seconds": time.monotonic() - started,
                "prompt": usage.get("prompt_tokens", 0),
                "generated": usage.get("completion_tokens", 0),
            }
        )
        return data


def transcribed(files: list[tuple[Path, str]]) -> tuple[list[tuple[str, list[str]]], float]:
    """[(language, segment texts)] per (file, language), by Whisper, and the audio seconds."""
    s = get_settings()
    engine = WhisperEngine(resolve_whisper_model(s.whisper_model), "cpu", s.whisper_compute_type, 2)
    out, seconds = [], 0.0
    for path, language in files:
        samples = decode(str(path))
        seconds += len(samples) / SAMPLE_RATE
        result = engine.transcribe(samples, language=language)
        out.append((language, [seg.text.strip() for seg in result.segments]))
    return out, seconds


def real_sets() -> dict[str, tuple[list, float]]:
    fleurs = [(p, p.stem.split("-")[1]) for p in sorted((REAL / "fleurs").glob("*.ogg"))]
    ami = [(p, "en") for p in sorted((REAL / "ami").glob("*.wav"))]
    return {"fleurs": transcribed(fleurs), "ami": transcribed(ami)}


def devset_audio(folder: Path) -> tuple[list[tuple[str, list[str]]], float]:
    manifest = json.loads((folder / "devset.json").read_text())
    return transcribed([(folder / f"{m['name']}.wav", m["language"]) for m in manifest["meetings"]])


def devset_rows(tenant: str) -> tuple[list[tuple[str, list[str]]], float]:
    with session_scope() as session:
        tenant_id = session.scalar(select(Tenant.id).where(Tenant.name == tenant))
        if tenant_id is None:
            raise SystemExit(f"no tenant {tenant!r}: run st eval var/devset --tenant {tenant}")
        rows = session.scalars(select(Transcript).where(Transcript.tenant_id == tenant_id))
        out, seconds = [], 0.0
        for row in rows:
            texts = session.scalars(
                select(Segment.text).where(Segment.transcript_id == row.id).order_by(Segment.idx)
            )
            out.append((row.spoken_language or "en", list(texts)))
            seconds += row.duration_s or 0.0
    return out, seconds


def measure(url: str, sets: dict[str, tuple[list, float]]) -> dict[str, dict]:
    s = get_settings()
    figures = {}
    for name, (recordings, seconds) in sets.items():
        _, model, _ = llm_endpoint(s)
        client = MeteredClient(url + "/v1", model=model, timeout_s=s.llm_timeout_s)
        results = [
            r
            for language, texts in recordings
            for r in clean_segments(client, texts, language, concurrency=s.cleanup_concurrency)
        ]
        minutes = seconds / 60
        sent = [r for r in results if r.reason != ALREADY_CLEAN]
        kept_raw = Counter((r.reason or "").split(":")[0] for r in sent if r.clean is None)
        figures[name] = {
            "audio_minutes": round(minutes, 2),
            "segments": len(results),
            "sent_to_llm": len(sent),
            "accepted": sum(1 for r in sent if r.clean is not None),
            "kept_raw": dict(kept_raw),
            "calls": len(client.calls),
            "prompt_tokens": sum(c["prompt"] for c in client.calls),
            "generated_tokens": sum(c["generated"] for c in client.calls),
            "seconds": round(sum(c["seconds"] for c in client.calls), 1),
        }
        f = figures[name]
        f["per_audio_minute"] = {
            k: round(f[k] / minutes, 1)
            for k in ("calls", "prompt_tokens", "generated_tokens", "seconds")
        }
    return figures


def render(report: dict) -> str:
    lines = [
        f"# LLM cleanup cost ({report['generated_at']})",
        "",
        f"{report['llm']}, CLEANUP_CONCURRENCY={report['concurrency']}, commit {report['commit']}.",
        "",
        "| set | audio min | segments | sent | guard kept the LLM's | calls / min | "
        "prompt tok / min | generated tok / min | LLM s / min | kept raw (why) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for name, f in report["sets"].items():
        m = f["per_audio_minute"]
        accepted = f"{f['accepted']}/{f['sent_to_llm']}"
        why = ", ".join(f"{k} {v}" for k, v in sorted(f["kept_raw"].items())) or "—"
        lines.append(
            f"| {name} | {f['audio_minutes']} | {f['segments']} | {f['sent_to_llm']} | "
            f"{accepted} | {m['calls']} | {m['prompt_tokens']} | {m['generated_tokens']} | "
            f"{m['seconds']} | {why} |"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devset", type=Path, default=DEVSET)
    parser.add_argument("--devset-tenant", help="the stored segments of this tenant instead")
    parser.add_argument("--url", default=None)
    args = parser.parse_args(argv)
    sets = real_sets()
    if args.devset_tenant:
        sets["devset"] = devset_rows(args.devset_tenant)
    elif (args.devset / "devset.json").exists():
        sets["devset"] = devset_audio(args.devset)
    with tempfile.TemporaryDirectory() as tmp:
        _, _, _, figures = against_gpu_service(args.url, Path(tmp), lambda url: measure(url, sets))
    s = get_settings()
    report = {
        "llm": Path(s.llm_model).name,
        "concurrency": s.cleanup_concurrency,
        "commit": commit(),
        "sets": figures,
    }
    write_report("cleanup_cost", report, render)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
