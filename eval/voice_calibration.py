"""Open-set voice matching: same-person and different-people scores, raw and s-normed.

    python -m eval.voice_calibration [--seed 3] [--sentences 6]

Two sets of "people", each with an enrolment sample and a test sample of other speech:

- espeak: every stock variant (none, +m1…+m7, +f1…+f5) of en-us, fr, de and es: 52 voices,
  many alike for the embedder; the same variant in two languages is the hardest case
  (issue #17 saw French speakers named after English voiceprints of their variant);
- real: the FLEURS readers (first half of the clip / second half) and the AMI
  participants with enough speech alone (their first turns / their last turns, across
  excerpts for the three who appear in two) of ../shared/real-speech.

Each sample is embedded as the pipeline embeds a speaker (gpu_service's speaker embedder,
duration-weighted mean over turns). A test sample is scored against every enrolled voice
of its set, which is also the tenant's library there: raw cosine, and adaptive s-norm
(st_resources.naming.snorm) against the packaged impostor cohort (`python -m eval.cohort`,
voices of other languages, none of these) plus the other enrolled voices.

Reported per score and set: the distributions, false accepts / false rejects per
threshold (the DET points), the equal-error rate, and the lowest threshold with at most
1 % and 0.1 % false accepts over both sets. Writes eval/results/voice_calibration.{json,md}.
Measures only: Settings are changed by hand from it.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import threading
from pathlib import Path

import numpy as np
from pyannote.core import Annotation

from bench.common import write_report
from bench.diarize_real import REAL
from eval.harness import DEFAULT_OUT
from eval.metrics import read_rttm
from gpu_service.engines.speaker import Embedder, load_embedder
from gpu_service.engines.whisper import decode
from st_resources.naming.snorm import normalise, packaged_cohort
from st_resources.settings import get_settings
from tests.gpu_service.meetings import OBJECTS, OPENERS, SUBJECTS, VERBS, build

LANGUAGES = ("en-us", "fr", "de", "es")
VARIANTS = ("", *(f"m{i}" for i in range(1, 8)), *(f"f{i}" for i in range(1, 6)))
# Real speech alone (no overlap) a participant needs to give two samples.
REAL_MIN_S = 4.0


def voices(languages: tuple[str, ...] = LANGUAGES) -> list[str]:
    return [f"{lang}+{v}" if v else lang for lang in languages for v in VARIANTS]


def sentence_pool() -> list[str]:
    return [f"{o} {s} {v} {b}." for o in OPENERS for s in SUBJECTS for v in VERBS for b in OBJECTS]


def embedder() -> Embedder:
    s = get_settings()
    return load_embedder(
        s.speaker_model, s.diarization_cpu_threads, s.speaker_embedding_min_s, threading.Lock()
    )


def mean_vector(
    model: Embedder, samples: np.ndarray, spans: list[tuple[float, float]]
) -> np.ndarray | None:
    """A speaker's vector as the pipeline makes it: duration-weighted mean of its turns."""
    vectors = model.embed_spans(samples, spans)
    kept = [(v, e - s) for v, (s, e) in zip(vectors, spans, strict=True) if v is not None]
    if not kept:
        return None
    mean = sum(w * v for v, w in kept) / sum(w for _, w in kept)
    return mean / np.linalg.norm(mean)


def espeak_vector(model: Embedder, voice: str, sentences: list[str], tmp: Path):
    path = tmp / "sample.wav"
    turns = build([(voice, s) for s in sentences], path)
    return mean_vector(model, decode(str(path)), [(start, end) for start, end, _ in turns])


def espeak_people(model, cast: list[str], sentences: int, seed: int) -> dict[str, tuple]:
    """voice -> (enrolment vector, test vector), from different sentences."""
    pool, rng, out = sentence_pool(), random.Random(seed), {}
    with tempfile.TemporaryDirectory() as tmp:
        for voice in cast:
            chosen = rng.sample(pool, 2 * sentences)
            out[voice] = (
                espeak_vector(model, voice, chosen[:sentences], Path(tmp)),
                espeak_vector(model, voice, chosen[sentences:], Path(tmp)),
            )
    return out


def _halves(spans: list[tuple[str, float, float]]) -> tuple[list, list]:
    total = sum(e - s for _, s, e in spans)
    first, acc = [], 0.0
    for span in spans:
        if acc >= total / 2:
            break
        first.append(span)
        acc += span[2] - span[1]
    return first, spans[len(first) :]


def real_people(model: Embedder) -> dict[str, tuple]:
    """person -> (enrolment vector, test vector) from the shared real speech."""
    audio: dict[str, np.ndarray] = {}
    spans: dict[str, list[tuple[str, float, float]]] = {}
    for clip in sorted((REAL / "fleurs").glob("*.ogg")):
        audio[clip.stem] = samples = decode(str(clip))
        half = len(samples) / 16_000 / 2
        spans[clip.stem] = [(clip.stem, 0.0, half), (clip.stem, half, 2 * half)]
    for wav in sorted((REAL / "ami").glob("*.wav")):
        audio[wav.stem] = decode(str(wav))
        reference: Annotation = read_rttm(wav.with_suffix(".rttm"))
        alone = reference.extrude(reference.get_overlap())
        for segment, _, person in sorted(alone.itertracks(yield_label=True)):
            if segment.duration >= 0.3:
                spans.setdefault(f"ami-{person}", []).append((wav.stem, segment.start, segment.end))
    out = {}
    for person, turns in spans.items():
        if sum(e - s for _, s, e in turns) < REAL_MIN_S:
            continue
        halves = [_clip_vector(model, audio, half) for half in _halves(turns)]
        if all(v is not None for v in halves):
            out[person] = tuple(halves)
    return out


def _clip_vector(model, audio, turns) -> np.ndarray | None:
    """Mean over turns that may come from several clips, weighted by duration."""
    parts = []
    for clip in dict.fromkeys(c for c, _, _ in turns):
        own = [(s, e) for c, s, e in turns if c == clip]
        vector = mean_vector(model, audio[clip], own)
        if vector is not None:
            parts.append((vector, sum(e - s for s, e in own)))
    if not parts:
        return None
    mean = sum(w * v for v, w in parts) / sum(w for _, w in parts)
    return mean / np.linalg.norm(mean)


def kind(a: str, b: str) -> str:
    if a == b:
        return "same person"
    if a.startswith(("fleurs", "ami")):
        return "real, different"
    (la, _, va), (lb, _, vb) = a.partition("+"), b.partition("+")
    if va == vb:
        return "espeak: same variant, other language"
    return "espeak: same language" if la == lb else "espeak: other"


def scores(people: dict[str, tuple], impostors: np.ndarray) -> dict[str, dict[str, list]]:
    """score name -> pair kind -> scores, every test sample against every enrolled voice."""
    names = list(people)
    enrolled = np.array([people[n][0] for n in names])
    out: dict[str, dict[str, list]] = {"raw": {}, "s-norm": {}}
    for probe_name in names:
        probe = people[probe_name][1]
        raw = enrolled @ probe
        normed = normalise(probe, enrolled, impostors)
        for i, enrolled_name in enumerate(names):
            k = kind(enrolled_name, probe_name)
            out["raw"].setdefault(k, []).append(float(raw[i]))
            out["s-norm"].setdefault(k, []).append(float(normed[i]))
    return out


def split(by_kind: dict[str, list]) -> tuple[np.ndarray, np.ndarray]:
    same = np.array(by_kind.get("same person", []))
    different = np.array([x for k, v in by_kind.items() if k != "same person" for x in v])
    return same, different


def grid(same: np.ndarray, different: np.ndarray) -> np.ndarray:
    both = np.concatenate([same, different])
    return np.linspace(both.min(), both.max(), 2001)


def equal_error(same, different) -> tuple[float, float]:
    ts = grid(same, different)
    fa = np.array([(different >= t).mean() for t in ts])
    fr = np.array([(same < t).mean() for t in ts])
    i = int(np.argmin(np.abs(fa - fr)))
    return round(float(ts[i]), 3), float((fa[i] + fr[i]) / 2)


def lowest_threshold(same, different, target: float) -> float:
    ok = [t for t in grid(same, different) if (different >= t).mean() <= target]
    return round(float(ok[0]), 3)


def at(same, different, t: float) -> dict:
    return {
        "threshold": t,
        "false_accept": float((different >= t).mean()),
        "false_reject": float((same < t).mean()),
    }


def summarise(per_set: dict[str, dict[str, list]]) -> dict:
    """One score's figures: per set and pooled, thresholds chosen on the pooled pairs."""
    pooled: dict[str, list] = {}
    for by_kind in per_set.values():
        for k, v in by_kind.items():
            pooled.setdefault(k, []).extend(v)
    same, different = split(pooled)
    chosen = {
        "fa_1pct": lowest_threshold(same, different, 0.01),
        "fa_01pct": lowest_threshold(same, different, 0.001),
    }
    out = {"thresholds": chosen, "sets": {}}
    for name, by_kind in {**per_set, "pooled": pooled}.items():
        s, d = split(by_kind)
        ts = grid(s, d)
        det = [at(s, d, float(t)) for t in ts[:: len(ts) // 40]]
        out["sets"][name] = {
            "distributions": {k: _describe(v) for k, v in by_kind.items()},
            "eer": equal_error(s, d),
            "at_chosen": {key: at(s, d, t) for key, t in chosen.items()},
            "det": det,
        }
    return out


def _describe(v: list[float]) -> dict:
    return {
        "n": len(v),
        "min": float(np.min(v)),
        "p5": float(np.percentile(v, 5)),
        "median": float(np.median(v)),
        "p95": float(np.percentile(v, 95)),
        "max": float(np.max(v)),
    }


def render(report: dict) -> str:
    lines = [
        f"# Voice matching on alike and real voices ({report['generated_at']})",
        "",
        f"Embedder {report['embedder']}; people: {report['people']}; impostor cohort "
        f"{report['cohort']} vectors. Today's settings: raw ≥ "
        f"{report['settings']['raw']}, s-norm ≥ {report['settings']['s-norm']}.",
    ]
    for score, figures in report["scores"].items():
        t = figures["thresholds"]
        lines += [
            "",
            f"## {score}: threshold for ≤ 1 % false accepts {t['fa_1pct']}, "
            f"for ≤ 0.1 % {t['fa_01pct']} (pooled)",
            "",
            "| set | pairs | n | min | p5 | median | p95 | max |",
            "|---|---|---:|---:|---:|---:|---:|---:|",
        ]
        for name, figs in figures["sets"].items():
            if name == "pooled":
                continue
            for k, s in figs["distributions"].items():
                lines.append(
                    f"| {name} | {k} | {s['n']} | {s['min']:.3f} | {s['p5']:.3f} | "
                    f"{s['median']:.3f} | {s['p95']:.3f} | {s['max']:.3f} |"
                )
        lines += [
            "",
            "| set | EER | FA / FR at the 1 % threshold | FA / FR at the 0.1 % threshold |",
            "|---|---:|---:|---:|",
        ]
        for name, figs in figures["sets"].items():
            eer_t, eer = figs["eer"]
            a, b = figs["at_chosen"]["fa_1pct"], figs["at_chosen"]["fa_01pct"]
            lines.append(
                f"| {name} | {100 * eer:.1f} % at {eer_t} | "
                f"{100 * a['false_accept']:.2f} % / {100 * a['false_reject']:.1f} % | "
                f"{100 * b['false_accept']:.2f} % / {100 * b['false_reject']:.1f} % |"
            )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--sentences", type=int, default=6)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    model = embedder()
    impostors = packaged_cohort(model.name)
    if impostors is None:
        raise SystemExit(f"no impostor cohort for {model.name}: run python -m eval.cohort")
    people = {
        "espeak": espeak_people(model, voices(), args.sentences, args.seed),
        "real": real_people(model),
    }
    per_score: dict[str, dict] = {"raw": {}, "s-norm": {}}
    for set_name, group in people.items():
        for score, by_kind in scores(group, impostors).items():
            per_score[score][set_name] = by_kind
    s = get_settings()
    report = {
        "embedder": model.name,
        "people": {k: len(v) for k, v in people.items()},
        "cohort": len(impostors),
        "settings": {"raw": s.voiceprint_match_threshold, "s-norm": s.voiceprint_snorm_threshold},
        "scores": {score: summarise(per_set) for score, per_set in per_score.items()},
        "raw_scores": per_score,
    }
    write_report("voice_calibration", report, render, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
