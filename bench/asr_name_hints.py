"""Whisper given the attendees' names (ASR_NAME_HINTS) against Whisper given none.

    .venv/bin/python -m bench.asr_name_hints [var/devset] [--url http://127.0.0.1:8000]
        [--out asr_name_hints]

Each development meeting is transcribed the way the pipeline does (gpu_service,
verbose_json, language given) in four ways: no hints; its attendee list as `prompt`
(conditions the first 30 s window) and as `hotwords` (every window); and, as a control,
`hotwords` naming people of *other* meetings, which should change nothing and shows
whether hints make Whisper write names nobody said. The attendee list is the meeting's
people, as a calendar invitation would give them. A fifth, `verified`, is what
ASR_NAME_HINTS=verified transcribes: the words without hints, with the hotwords
decoding's spelling of a name where they sound like it.

Scored per mode: WER (eval.metrics normalisation) and the people's name words (first
and last names of everyone in the development set, accent- and case-insensitive):
recall = name words of the reference found in the hypothesis, inserted = name words
the hypothesis has more often than the reference. Writes bench/results/asr_name_hints.*.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
from collections import Counter
from pathlib import Path

from bench.common import against_gpu_service, machine, write_report
from eval.metrics import normalize_text, word_errors
from st_resources.clients.gpu import GpuClient
from st_resources.naming.names import fold
from st_resources.transcripts.name_hints import with_hinted_names

MODES = ("none", "prompt", "hotwords", "hotwords-others", "verified")
DECODED = MODES[:-1]  # "verified" is made from "none" and "hotwords", as the pipeline does


def hints_for(meta: dict, everyone: dict[str, str], mode: str) -> dict[str, str]:
    if mode == "none":
        return {}
    if mode == "hotwords-others":
        names = [name for key, name in everyone.items() if key not in meta["speakers"]]
        return {"hotwords": ", ".join(sorted(names)[:8]) + "."}
    return {mode: ", ".join(meta["speakers"].values()) + "."}


def name_counts(text: str, name_words: set[str]) -> Counter:
    return Counter(w for w in fold(normalize_text(text)).split() if w in name_words)


def run(devset: Path, url: str | None) -> dict:
    metas = {
        path.stem: json.loads(path.read_text())
        for path in sorted(devset.glob("*.json"))
        if path.name != "devset.json"
    }
    everyone = {key: name for meta in metas.values() for key, name in meta["speakers"].items()}
    name_words = {w for name in everyone.values() for w in fold(normalize_text(name)).split()}

    def work(service_url: str) -> list[dict]:
        client = GpuClient(service_url, timeout_s=1800, retries=1)
        rows = []
        for name, meta in metas.items():
            reference = (devset / f"{name}.txt").read_text()
            ref_names = name_counts(reference, name_words)
            decoded = {
                mode: client.transcribe(
                    devset / f"{name}.wav",
                    language=meta["language"],
                    **hints_for(meta, everyone, mode),
                ).segments
                for mode in DECODED
            }
            decoded["verified"], _ = with_hinted_names(
                decoded["none"], decoded["hotwords"], meta["speakers"].values()
            )
            for mode in MODES:
                text = " ".join(s.text.strip() for s in decoded[mode])
                hyp_names = name_counts(text, name_words)
                errors = word_errors(reference, text)
                rows.append(
                    {
                        "recording": name,
                        "language": meta["language"],
                        "mode": mode,
                        "wer": errors.wer,
                        "errors": errors.errors,
                        "reference_words": errors.ref_words,
                        "name_words": sum(ref_names.values()),
                        "names_found": sum((ref_names & hyp_names).values()),
                        "names_inserted": sum((hyp_names - ref_names).values()),
                        "hypothesis": text,
                    }
                )
                print(name, mode, round(errors.wer, 3), dict(hyp_names - ref_names), flush=True)
        return rows

    with tempfile.TemporaryDirectory() as tmp:
        _, _, load_before, rows = against_gpu_service(url, Path(tmp), work)
    totals = {}
    for mode in MODES:
        mine = [r for r in rows if r["mode"] == mode]
        found, said = sum(r["names_found"] for r in mine), sum(r["name_words"] for r in mine)
        totals[mode] = {
            "wer": sum(r["errors"] for r in mine) / sum(r["reference_words"] for r in mine),
            "median_wer": statistics.median(r["wer"] for r in mine),
            "name_recall": found / said if said else None,
            "names_found": found,
            "name_words": said,
            "names_inserted": sum(r["names_inserted"] for r in mine),
        }
    return {
        "devset": str(devset),
        "machine": machine(load_before),
        "totals": totals,
        "recordings": rows,
    }


def render(report: dict) -> str:
    lines = [
        "# Whisper with the attendees' names as hints",
        "",
        f"{report['generated_at']} · {report['devset']} · `python -m bench.asr_name_hints`",
        "",
        "| mode | WER (pooled) | WER (median) | name words found | names inserted |",
        "|---|---:|---:|---:|---:|",
    ]
    for mode, t in report["totals"].items():
        lines.append(
            f"| {mode} | {t['wer']:.3f} | {t['median_wer']:.3f} | "
            f"{t['names_found']}/{t['name_words']} ({t['name_recall']:.0%}) | "
            f"{t['names_inserted']} |"
        )
    lines += ["", "| recording | " + " | ".join(f"{m} WER / names" for m in MODES) + " |"]
    lines.append("|---|" + "---:|" * len(MODES))
    by_recording: dict[str, dict[str, dict]] = {}
    for r in report["recordings"]:
        by_recording.setdefault(r["recording"], {})[r["mode"]] = r
    for name, modes in by_recording.items():
        cells = [
            f"{modes[m]['wer']:.3f} / {modes[m]['names_found']}/{modes[m]['name_words']}"
            f" (+{modes[m]['names_inserted']})"
            for m in MODES
        ]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("devset", nargs="?", type=Path, default=Path("var/devset"))
    parser.add_argument("--url", default=os.environ.get("BENCH_GPU_URL"))
    parser.add_argument("--out", default="asr_name_hints", help="report name in bench/results/")
    args = parser.parse_args()
    write_report(args.out, run(args.devset, args.url), render)


if __name__ == "__main__":
    main()
