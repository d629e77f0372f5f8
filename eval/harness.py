"""Run the real recording pipeline over a folder of recordings and score it.

    st eval DIR [--out eval/results] [--start-gpu-service] [--no-baseline] ...
    python -m eval.harness DIR ...

DIR holds, per recording, `NAME.<audio>` (any format FFmpeg decodes) and optionally
`NAME.rttm` (reference turns), `NAME.txt` (reference words) and `NAME.json`
(`language`, `speakers` {reference label: name}, ...). Any corpus in that layout works,
not only `eval.devset`'s; a metric whose reference is missing is reported as null.

For each recording, in name order, with the project's own code: the transcript row is
inserted for the tenant (fresh for each run unless `--keep-tenant`, so voiceprints enrolled
by one meeting can name the next one of the same run, never one of an earlier run), the
audio goes to the object store, and the whole recording pipeline is materialised
in-process for its partition on an ephemeral Dagster instance. Then it reads back the
segments from PostgreSQL, the diarization turns from the `speaker_turns` Parquet frame,
the stage timings, and transcribes the same 16 kHz audio once more straight through
gpu_service (the ASR-only baseline). It writes `OUT/<run>.json` and `OUT/<run>.md`.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from eval.metrics import (
    COLLAR_S,
    DerComponents,
    NamingTally,
    WordErrors,
    annotation_from_turns,
    diarization_scores,
    naming_tally,
    normalize_name,
    read_rttm,
    realtime_factors,
    speaker_mapping,
    speech_covered,
    word_errors,
)
from st_resources.clients.streams import WORK_STAGES

AUDIO_EXTENSIONS = (
    ".wav", ".flac", ".mp3", ".m4a", ".ogg", ".opus", ".oga", ".webm", ".mp4", ".aac",
    ".wma", ".mkv", ".mka", ".aif", ".aiff", ".amr", ".3gp", ".caf",
)  # fmt: skip
DEFAULT_OUT = Path("eval/results")
TURNS_FRAME = "frames/speaker_turns/{tid}.parquet"
COLLAR_NOTE = (
    f"±{COLLAR_S} s around each reference boundary (md-eval -c {COLLAR_S}; "
    f"pyannote.metrics collar={2 * COLLAR_S})"
)

TEXT_NOTE = (
    "lower-case, punctuation and symbols removed, English contractions expanded, "
    "number words as digits"
)
# Columns of the speed table, in pipeline order; stages not listed follow alphabetically.
STAGE_ORDER = tuple(str(stage) for stage in WORK_STAGES)

Log = Callable[[str], None]


def _stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- inputs


@dataclass
class Recording:
    name: str
    audio: Path
    rttm: Path | None = None
    txt: Path | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def language(self) -> str | None:
        return self.meta.get("language")

    @property
    def reference_text(self) -> str | None:
        return self.txt.read_text(encoding="utf-8") if self.txt else None


def discover(directory: Path, only: list[str] | None = None) -> list[Recording]:
    """Every audio file of `directory` with its optional references, sorted by name."""
    directory = Path(directory)
    found: dict[str, Recording] = {}
    for path in sorted(directory.iterdir()):
        if not path.is_file() or path.suffix.lower() not in AUDIO_EXTENSIONS:
            continue
        name = path.stem
        if only and name not in only:
            continue
        if name in found:  # NAME.wav and NAME.mp3: keep the first in extension order
            rank = AUDIO_EXTENSIONS.index
            if rank(path.suffix.lower()) >= rank(found[name].audio.suffix.lower()):
                continue
        rttm, txt, meta = (directory / f"{name}{ext}" for ext in (".rttm", ".txt", ".json"))
        found[name] = Recording(
            name=name,
            audio=path,
            rttm=rttm if rttm.is_file() else None,
            txt=txt if txt.is_file() else None,
            meta=json.loads(meta.read_text(encoding="utf-8")) if meta.is_file() else {},
        )
    return [found[n] for n in sorted(found)]


# --------------------------------------------------------------------------- gpu_service


class GpuService:
    """`python -m gpu_service` on a free port, for `--start-gpu-service`."""

    def __init__(self, log_path: Path, timeout_s: float = 600.0):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log_path.open("ab")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "gpu_service", "--port", str(self.port)],
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self._wait(timeout_s, log_path)

    def _wait(self, timeout_s: float, log_path: Path) -> None:
        import httpx

        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"gpu_service exited with {self.proc.returncode}: {log_path}")
            try:
                if httpx.get(self.url + "/ready", timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.5)
        self.stop()
        raise TimeoutError(f"gpu_service not ready after {timeout_s:.0f} s: {log_path}")

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=30)
        self.log.close()


def use_gpu_url(url: str) -> None:
    from st_resources.settings import get_settings

    os.environ["MEETNOO_API_URL"] = url
    get_settings.cache_clear()


# --------------------------------------------------------------------------- pipeline


@dataclass
class PipelineOutput:
    transcript_id: str
    success: bool
    status: str | None
    error: str | None
    duration_s: float | None
    detected_language: str | None
    timings: dict[str, float]
    wall_s: float
    segments: list[dict[str, Any]]
    turns: list[tuple[float, float, str]] | None  # None: no speaker_turns frame
    names: dict[str, tuple[str | None, str | None]]
    audio_key: str | None
    # Unnamed speakers' proposals (label → (name, source)), for a person to confirm.
    suggestions: dict[str, tuple[str, str]] = field(default_factory=dict)


def _speaker_names(row: Any) -> dict[str, tuple[str | None, str | None]]:
    """Name and naming source the pipeline gave each diarized speaker."""
    return {str(s.label): (s.name, s.identity_source) for s in row.speakers}


def _speaker_suggestions(row: Any) -> dict[str, tuple[str, str]]:
    """What `evidence.suggested` proposes for each unnamed speaker: a suggested
    voiceprint's name, or the rules' or the LLM's."""
    out = {}
    for s in row.speakers:
        proposal = (s.identity_evidence or {}).get("suggested") or {}
        name = proposal.get("name") or proposal.get("voiceprint")
        if not s.name and name:
            out[str(s.label)] = (name, proposal.get("source") or "voiceprint")
    return out


class PipelineRunner:
    """Inserts recordings for one tenant and materialises their partitions in-process."""

    def __init__(self, tenant_name: str = "eval", fresh: bool = True, log: Log = _stderr):
        from dagster import DagsterInstance

        self.log = log
        self.tenant_id = self._tenant(tenant_name, fresh)
        self._instance_cm = DagsterInstance.ephemeral()
        self.instance = self._instance_cm.__enter__()

    def close(self) -> None:
        self._instance_cm.__exit__(None, None, None)

    def __enter__(self) -> PipelineRunner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _tenant(self, name: str, fresh: bool) -> uuid.UUID:
        """The tenant `name`; with `fresh`, an existing one is deleted first with all its
        rows (cascade) and objects, so nothing of an earlier run (voiceprints above all)
        changes this run's results."""
        from sqlalchemy import delete, select

        from st_resources.clients.storage import store_from_settings
        from st_resources.db.models import Tenant
        from st_resources.db.session import session_scope
        from st_resources.db.tenants import create_tenant

        with session_scope() as session:
            existing = session.scalar(select(Tenant).where(Tenant.name == name))
            if existing is not None and fresh:
                old_id = existing.id
                session.execute(delete(Tenant).where(Tenant.id == old_id))
                removed = store_from_settings().delete_prefix(f"tenants/{old_id}/")
                self.log(f"tenant {name!r}: removed the previous run ({removed} objects)")
                existing = None
            if existing is not None:
                return existing.id
            tenant, _token = create_tenant(session, name)
            return tenant.id

    def run(
        self,
        recording: Recording,
        language: str | None,
        speakers_hint: int | None = None,
    ) -> PipelineOutput:
        from dagster import materialize
        from sqlalchemy import select

        from st_assets.jobs import recording_assets
        from st_assets.partitions import recordings as partitions
        from st_resources import recordings
        from st_resources.clients.storage import (
            ObjectNotFound,
            recording_prefix,
            store_from_settings,
        )
        from st_resources.dagster import resources_from
        from st_resources.db.models import Segment
        from st_resources.db.session import session_scope
        from st_resources.settings import get_settings
        from st_resources.transcripts import store as transcripts

        store = store_from_settings()
        documents = []
        if recording.meta.get("context"):  # the agenda / attendee list, as a document
            context = io.BytesIO(recording.meta["context"].encode("utf-8"))
            documents.append(recordings.NewFile("agenda.txt", context, "text/plain"))
        with session_scope() as session, recording.audio.open("rb") as audio:
            tid = recordings.create(
                session,
                store,
                self.tenant_id,
                recordings.NewFile(recording.audio.name, audio),
                title=recording.name,
                language=language,
                documents=documents,
                speaker_bounds=(speakers_hint, speakers_hint),
                project_id="eval",
            ).id
        self.instance.add_dynamic_partitions(partitions.name, [str(tid)])
        started = time.monotonic()
        result = materialize(
            recording_assets,
            partition_key=str(tid),
            instance=self.instance,
            # Built now: this run's Settings (its gpu_service) may differ from those the
            # code location's Definitions were built with.
            resources=resources_from(get_settings()),
            raise_on_error=False,
            run_config={"loggers": {"console": {"config": {"log_level": "WARNING"}}}},
        )
        wall = time.monotonic() - started
        with session_scope() as session:
            t = transcripts.get(session, tid)
            segments = [
                {"start": s.start_s, "end": s.end_s, "text": s.text, "speaker": s.speaker}
                for s in session.scalars(
                    select(Segment).where(Segment.transcript_id == tid).order_by(Segment.idx)
                )
            ]
            out = PipelineOutput(
                transcript_id=str(tid),
                success=result.success,
                status=t.status,
                error=t.error,
                duration_s=t.duration_s,
                detected_language=t.detected_language,
                timings={k: float(v) for k, v in (t.timings or {}).items()},
                wall_s=wall,
                segments=segments,
                turns=None,
                names=_speaker_names(t),
                suggestions=_speaker_suggestions(t),
                audio_key=recording_prefix(str(self.tenant_id), str(tid)) + "audio16k.wav",
            )
        try:
            import pandas as pd

            frame = pd.read_parquet(io.BytesIO(store.get_bytes(TURNS_FRAME.format(tid=tid))))
            out.turns = [
                (float(r.start_s), float(r.end_s), str(r.speaker)) for r in frame.itertuples()
            ]
        except ObjectNotFound:
            out.turns = None
        return out

    def enrol_reference(
        self, output: PipelineOutput, mapping: dict[str, str], names: dict[str, str]
    ) -> None:
        """Name each diarized speaker by its reference person, enrolling the voice, as a
        user fixing names after the meeting would."""
        from st_resources.db.session import session_scope
        from st_resources.naming import voiceprints as library
        from st_resources.transcripts import store as transcripts

        with session_scope() as session:
            row = transcripts.get(session, uuid.UUID(output.transcript_id))
            for speaker in row.speakers:
                person = mapping.get(speaker.label)
                if person in names and speaker.embedding is not None:
                    library.name_speaker(session, self.tenant_id, speaker, names[person], True)

    def known_people(
        self, names: dict[str, str], seen: dict[str, tuple[dict[str, str], dict[str, str]]]
    ) -> set[str]:
        """The reference people (id → name) the tenant's library knows: a voiceprint holds
        their name, or learnt their own voice under a name of theirs (enrolled as "Grace"
        from Grace Adeyemi's speech; `seen` as for `library`)."""
        from st_resources.db.session import session_scope
        from st_resources.naming import voiceprints as library

        known = set()
        with session_scope() as session:
            for vp in library.list_for_tenant(session, self.tenant_id):
                known |= {
                    p
                    for p, name in names.items()
                    if normalize_name(name) == normalize_name(vp.name)
                }
                for sample in library.kept(vp):
                    mapping, _ = seen.get(str(sample.transcript_id), ({}, {}))
                    person = mapping.get(sample.speaker_label or "")
                    if person in names and _same_first_name(names[person], vp.name):
                        known.add(person)
        return known

    def library(self, seen: dict[str, tuple[dict[str, str], dict[str, str]]]) -> dict[str, int]:
        """The tenant's library now: voiceprints by status, and the samples it learnt from
        people other than the one it names (by the reference of the recording they came
        from; `seen`: transcript id -> (speaker mapping, person id -> name))."""
        from st_resources.db.session import session_scope
        from st_resources.naming import voiceprints as library

        out = {"confirmed": 0, "suggested": 0, "samples": 0, "wrong_samples": 0}
        with session_scope() as session:
            for vp in library.list_for_tenant(session, self.tenant_id):
                out[vp.status] += 1
                for sample in library.kept(vp):
                    out["samples"] += 1
                    mapping, names = seen.get(str(sample.transcript_id), ({}, {}))
                    person = names.get(mapping.get(sample.speaker_label or "", ""))
                    if person is not None and not _same_first_name(person, vp.name):
                        out["wrong_samples"] += 1
        return out

    def decoded_audio(self, output: PipelineOutput, into: Path) -> Path | None:
        """The 16 kHz WAV the pipeline worked on, for the baseline to hear the same audio."""
        from st_resources.clients.storage import ObjectNotFound, store_from_settings

        if not output.audio_key:
            return None
        try:
            return store_from_settings().download(output.audio_key, into)
        except ObjectNotFound:
            return None


def _same_first_name(a: str, b: str) -> bool:
    """The same person for the library tally: a surname misspelt by ASR ("Kawasaki" for
    "Kowalski") is still that person's voice; another first name is not."""
    first = [normalize_name(n).split()[:1] for n in (a, b)]
    return first[0] == first[1]


def asr_only(audio: Path, language: str | None) -> tuple[str, float, str]:
    """Plain faster-whisper through gpu_service: (text, seconds, language)."""
    from st_resources.clients.gpu import client_from_settings

    started = time.monotonic()
    result = client_from_settings().transcribe(audio, language=language)
    text = " ".join(seg.text.strip() for seg in result.segments if seg.text.strip())
    return text, time.monotonic() - started, result.language


# --------------------------------------------------------------------------- scoring


def score_recording(
    recording: Recording,
    output: PipelineOutput,
    baseline: tuple[str, float, str] | None,
    known: set[str] = frozenset(),
) -> dict[str, Any]:
    """One recording's entry of the report. `known`: reference people whose voice the
    library held before this recording (for the voiceprint tally)."""
    ref_text = recording.reference_text
    hyp_text = " ".join(s["text"] for s in output.segments)
    entry: dict[str, Any] = {
        "name": recording.name,
        "audio": recording.audio.name,
        "transcript_id": output.transcript_id,
        "language": recording.language,
        "detected_language": output.detected_language,
        "status": output.status,
        "error": output.error,
        "duration_s": output.duration_s,
        "segments": len(output.segments),
    }
    pipeline_wer = word_errors(ref_text, hyp_text) if ref_text is not None else None
    baseline_wer = word_errors(ref_text, baseline[0]) if ref_text is not None and baseline else None
    entry["wer"] = pipeline_wer.to_dict() if pipeline_wer else None
    entry["asr_only_wer"] = baseline_wer.to_dict() if baseline_wer else None
    entry["wer_delta"] = (
        pipeline_wer.wer - baseline_wer.wer
        if pipeline_wer and baseline_wer and pipeline_wer.wer is not None
        and baseline_wer.wer is not None
        else None
    )  # fmt: skip

    reference = read_rttm(recording.rttm, recording.name) if recording.rttm else None
    hypothesis = (
        annotation_from_turns(output.turns, recording.name) if output.turns is not None else None
    )
    segment_speakers = sorted({s["speaker"] for s in output.segments if s["speaker"]})
    entry["speakers"] = {
        "ref": len(reference.labels()) if reference is not None else None,
        "hyp": len(hypothesis.labels()) if hypothesis is not None else None,
        "hyp_in_segments": len(segment_speakers),
    }
    if entry["speakers"]["ref"] is not None and entry["speakers"]["hyp"] is not None:
        entry["speakers"]["error"] = entry["speakers"]["hyp"] - entry["speakers"]["ref"]
    else:
        entry["speakers"]["error"] = None

    if reference is not None:
        speech, covered = speech_covered(
            reference, ((s["start"], s["end"]) for s in output.segments)
        )
        _, written = speech_covered(
            reference, ((s["start"], s["end"]) for s in output.segments if s["text"].strip())
        )
        entry["speech"] = {
            "reference_s": round(speech, 3),
            "in_transcript_s": round(covered, 3),
            "in_text_s": round(written, 3),  # leaving out speech marked untranscribed
        }
    if reference is not None and hypothesis is not None:
        scores = diarization_scores(reference, hypothesis, uem=output.duration_s or None)
        entry["diarization"] = scores.to_dict()
        mapping = scores.mapping
    else:
        entry["diarization"] = None
        entry["diarization_note"] = (
            "no reference RTTM"
            if reference is None
            else "no speaker_turns frame (diarization not in this pipeline)"
        )
        mapping = {}
        if reference is not None and segment_speakers:
            seg_turns = [(s["start"], s["end"], s["speaker"]) for s in output.segments]
            mapping = speaker_mapping(reference, annotation_from_turns(seg_turns, "x"))

    entry["speaker_mapping"] = dict(mapping)
    names = recording.meta.get("speakers") or {}
    if names and reference is not None:
        entry["naming"] = naming_tally(names, mapping, output.names).to_dict()
        entry["voiceprint"] = voiceprint_tally(names, mapping, output.names, known)
        by_reference = {ref: hyp for hyp, ref in mapping.items()}
        entry["names"] = {
            person: list(output.names.get(by_reference.get(person, ""), (None, None)))
            for person in names
        }
        # People whose full name is said in the meeting or written in its documents: what
        # rules and documents can find without a voiceprint.
        said = normalize_name(f"{ref_text or ''} {recording.meta.get('context') or ''}")
        findable = [p for p, n in names.items() if f" {normalize_name(n)} " in f" {said} "]
        entry["findable"] = {
            "people": len(findable),
            "correct": sum(
                normalize_name(entry["names"][p][0]) == normalize_name(names[p]) for p in findable
            ),
        }
        entry["suggestions"] = suggestion_tally(names, mapping, output.suggestions)
    else:
        entry["naming"] = entry["voiceprint"] = entry["findable"] = None
        entry["suggestions"] = None

    entry["timings_s"] = output.timings
    entry["pipeline_s"] = round(sum(output.timings.values()), 3)
    entry["wall_s"] = round(output.wall_s, 3)
    duration = output.duration_s or 0.0
    entry["rtf"] = realtime_factors(duration, output.timings)
    entry["rtf"]["pipeline"] = duration / entry["pipeline_s"] if entry["pipeline_s"] else None
    entry["rtf"]["wall"] = duration / output.wall_s if output.wall_s else None
    if baseline:
        entry["asr_only_s"] = round(baseline[1], 3)
        entry["rtf"]["asr_only"] = duration / baseline[1] if baseline[1] else None
    # What was scored, so a report can be re-read or re-scored without re-running.
    entry["hypothesis"] = {
        "text": hyp_text,
        "asr_only_text": baseline[0] if baseline else None,
        "turns": [[round(a, 3), round(b, 3), spk] for a, b, spk in output.turns or []],
        "segment_speakers": [s["speaker"] for s in output.segments],
    }
    return entry


def suggestion_tally(
    reference_names: dict[str, str],
    mapping: dict[str, str],
    suggestions: dict[str, tuple[str, str]],
) -> dict[str, dict[str, int]]:
    """Of the people left unnamed with a suggestion, by the suggestion's source: how many
    were proposed their own name (`right`: same first name, as for the library) or
    someone else's (`wrong`). A suggestion shows no name, but a wrong one invites a
    person to confirm a mistake."""
    by_reference = {ref: hyp for hyp, ref in mapping.items()}
    out: dict[str, dict[str, int]] = {}
    for person, true_name in reference_names.items():
        proposal = suggestions.get(by_reference.get(person, ""))
        if proposal is None:
            continue
        name, source = proposal
        counts = out.setdefault(source, {"right": 0, "wrong": 0})
        counts["right" if _same_first_name(name, true_name) else "wrong"] += 1
    return out


def voiceprint_tally(
    reference_names: dict[str, str],
    mapping: dict[str, str],
    hypothesis_names: dict[str, tuple[str | None, str | None]],
    known: set[str],
) -> dict[str, int]:
    """Voice matching alone: of the people the library knows, how many were named right by
    voiceprint (`matched`: their name, or a name of theirs the library learnt, as "Grace"
    for Grace Adeyemi) or wrongly (`wrong`); of the others, how many a voiceprint named
    anyway (`false_matches`: someone else's name on a new voice)."""
    by_reference = {ref: hyp for hyp, ref in mapping.items()}
    out = {"known": 0, "matched": 0, "wrong": 0, "new": 0, "false_matches": 0}
    for person, true_name in reference_names.items():
        name, source = hypothesis_names.get(by_reference.get(person, ""), (None, None))
        by_voice = source == "voiceprint"
        if person in known:
            out["known"] += 1
            right = by_voice and _same_first_name(name or "", true_name)
            out["matched"] += right
            out["wrong"] += by_voice and not right
        else:
            out["new"] += 1
            out["false_matches"] += by_voice
    return out


def _wer_from(d: dict | None) -> WordErrors | None:
    if not d:
        return None
    return WordErrors(**{k: d[k] for k in WordErrors.__dataclass_fields__})


def totals(entries: list[dict[str, Any]]) -> dict[str, Any]:
    """WER over all words; DER over all reference speech (duration-weighted); JER weighted
    by reference speech; speed as total audio over total time per stage."""
    scored = [e for e in entries if e.get("status") in ("completed", "completed_degraded")]
    out: dict[str, Any] = {"recordings": len(entries), "completed": len(scored)}
    out["duration_s"] = round(sum(e["duration_s"] or 0.0 for e in scored), 3)

    def wer_total(key: str) -> dict | None:
        parts = [w for w in (_wer_from(e.get(key)) for e in scored) if w is not None]
        return sum(parts, WordErrors()).to_dict() if parts else None

    out["wer"] = wer_total("wer")
    out["asr_only_wer"] = wer_total("asr_only_wer")
    both = [e for e in scored if e.get("wer") and e.get("asr_only_wer")]
    if both:
        p = sum((_wer_from(e["wer"]) for e in both), WordErrors()).wer
        b = sum((_wer_from(e["asr_only_wer"]) for e in both), WordErrors()).wer
        out["wer_delta"] = p - b if p is not None and b is not None else None
    else:
        out["wer_delta"] = None

    diarized = [e for e in scored if e.get("diarization")]
    if diarized:
        comps = [
            sum(
                (DerComponents(**_components(e["diarization"][key])) for e in diarized),
                DerComponents(),
            )
            for key in ("components", "components_no_overlap")
        ]
        weights = [e["diarization"]["components"]["total"] for e in diarized]
        jers = [(e["diarization"]["jer"], w) for e, w in zip(diarized, weights, strict=True)]
        jers = [(j, w) for j, w in jers if j is not None]
        out["der"] = comps[0].der
        out["der_no_overlap"] = comps[1].der
        out["components"] = comps[0].to_dict()
        out["jer"] = sum(j * w for j, w in jers) / sum(w for _, w in jers) if jers else None
    else:
        out["der"] = out["der_no_overlap"] = out["jer"] = None

    heard = [e["speech"] for e in scored if e.get("speech")]
    speech_s = sum(h["reference_s"] for h in heard)
    out["speech_in_transcript"] = (
        sum(h["in_transcript_s"] for h in heard) / speech_s if speech_s else None
    )
    out["speech_in_text"] = sum(h["in_text_s"] for h in heard) / speech_s if speech_s else None
    counted = [e for e in scored if e["speakers"].get("error") is not None]
    out["speaker_count"] = (
        {
            "exact": sum(e["speakers"]["error"] == 0 for e in counted),
            "of": len(counted),
            "exact_rate": sum(e["speakers"]["error"] == 0 for e in counted) / len(counted),
            "within_one": sum(abs(e["speakers"]["error"]) <= 1 for e in counted),
            "mean_abs_error": sum(abs(e["speakers"]["error"]) for e in counted) / len(counted),
        }
        if counted
        else None
    )

    named = [e for e in scored if e.get("naming")]
    if named:
        tally = NamingTally()
        for e in named:
            counts = ("named", "correct", "partial")
            by_source = {
                s: {k: c.get(k, 0) for k in counts} for s, c in e["naming"]["by_source"].items()
            }
            tally.merge(NamingTally(e["naming"]["speakers"], e["naming"]["correct"], by_source))
        out["naming"] = tally.to_dict()
    else:
        out["naming"] = None
    findable = [e["findable"] for e in scored if e.get("findable")]
    if findable:
        people = sum(f["people"] for f in findable)
        correct = sum(f["correct"] for f in findable)
        out["findable"] = {
            "people": people,
            "correct": correct,
            "accuracy": correct / people if people else None,
        }
    else:
        out["findable"] = None
    suggested: dict[str, dict[str, int]] = {}
    for e in scored:
        for source, counts in (e.get("suggestions") or {}).items():
            total = suggested.setdefault(source, {"right": 0, "wrong": 0})
            total["right"] += counts["right"]
            total["wrong"] += counts["wrong"]
    out["suggestions"] = suggested
    voiced = [e["voiceprint"] for e in scored if e.get("voiceprint")]
    if voiced:
        vp = {k: sum(v[k] for v in voiced) for k in voiced[0]}
        vp["match_rate"] = vp["matched"] / vp["known"] if vp["known"] else None
        vp["false_match_rate"] = vp["false_matches"] / vp["new"] if vp["new"] else None
        out["voiceprint"] = vp
    else:
        out["voiceprint"] = None

    # A stage's speed counts only the recordings that ran it.
    stage_seconds: dict[str, float] = {}
    stage_audio: dict[str, float] = {}
    for e in scored:
        for stage, seconds in e["timings_s"].items():
            stage_seconds[stage] = stage_seconds.get(stage, 0.0) + seconds
            if seconds > 0:
                stage_audio[stage] = stage_audio.get(stage, 0.0) + (e["duration_s"] or 0.0)
    duration = out["duration_s"]
    out["timings_s"] = {k: round(v, 3) for k, v in stage_seconds.items()}
    out["rtf"] = {
        stage: stage_audio.get(stage, 0.0) / seconds if seconds > 0 else None
        for stage, seconds in stage_seconds.items()
    }
    pipeline_s = sum(stage_seconds.values())
    wall_s = sum(e["wall_s"] for e in scored)
    out["rtf"]["pipeline"] = duration / pipeline_s if pipeline_s else None
    out["rtf"]["wall"] = duration / wall_s if wall_s else None
    asr_only_s = sum(e.get("asr_only_s") or 0.0 for e in scored)
    out["rtf"]["asr_only"] = duration / asr_only_s if asr_only_s else None
    return out


def grouped_totals(entries: list[dict[str, Any]]) -> dict[str, Any]:
    """Totals over all recordings, and per language when there are several."""
    groups: dict[str, Any] = {"all": totals(entries)}
    languages = sorted({e.get("language") for e in entries if e.get("language")})
    if len(languages) > 1:
        for lang in languages:
            groups[lang] = totals([e for e in entries if e.get("language") == lang])
    return groups


def _components(d: dict) -> dict[str, float]:
    return {k: d[k] for k in ("total", "confusion", "missed", "false_alarm")}


# --------------------------------------------------------------------------- report


def _f(value: float | None, digits: int = 3) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.1f}%"


def _x(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}×"


def _wer(d: dict | None) -> float | None:
    return d["wer"] if d else None


def _naming_cell(n: dict | None) -> str:
    if not n:
        return "n/a"
    return f"{n['correct']}/{n['speakers']}"


def render_markdown(report: dict[str, Any]) -> str:
    """The report as Markdown: scores per recording and totals, then speed per stage."""
    entries, groups = report["recordings"], report["totals"]
    lines = [
        f"# Evaluation `{report['run']}`",
        "",
        f"{report['created_at']} · {report['directory']} · commit {report.get('commit') or '?'}"
        f" · DER/JER collar {COLLAR_NOTE} · WER on normalised text ({TEXT_NOTE})",
        "",
        "| recording | lang | dur s | WER | ASR-only WER | ΔWER | DER | DER no-ovl | JER "
        "| spk ref/hyp | naming | ×RT pipeline | status |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for e in entries:
        d = e.get("diarization") or {}
        spk = e.get("speakers") or {}
        lines.append(
            f"| {e['name']} | {e.get('language') or e.get('detected_language') or '?'} "
            f"| {_f(e.get('duration_s'), 1)} | {_f(_wer(e.get('wer')))} "
            f"| {_f(_wer(e.get('asr_only_wer')))} | {_f(e.get('wer_delta'))} "
            f"| {_pct(d.get('der'))} | {_pct(d.get('der_no_overlap'))} | {_pct(d.get('jer'))} "
            f"| {spk.get('ref', '—')}/{spk.get('hyp') if spk.get('hyp') is not None else '—'} "
            f"| {_naming_cell(e.get('naming'))} | {_x((e.get('rtf') or {}).get('pipeline'))} "
            f"| {e.get('status') or 'error'} |"
        )
    for group, t in groups.items():
        count = t.get("speaker_count")
        exact = (
            f"{count['exact']}/{count['of']} exact, {count.get('within_one', '?')} ±1"
            if count
            else "—"
        )
        lines.append(
            f"| **total {group}** ({t['completed']}/{t['recordings']}) | | "
            f"{_f(t['duration_s'], 1)} | **{_f(_wer(t['wer']))}** "
            f"| {_f(_wer(t['asr_only_wer']))} | {_f(t['wer_delta'])} | **{_pct(t['der'])}** "
            f"| {_pct(t['der_no_overlap'])} | {_pct(t['jer'])} | {exact} "
            f"| {_naming_cell(t.get('naming'))} | {_x(t['rtf'].get('pipeline'))} | |"
        )

    seen = {s for e in entries for s in (e.get("timings_s") or {})}
    stages = [s for s in STAGE_ORDER if s in seen] + sorted(seen - set(STAGE_ORDER))
    lines += [
        "",
        "Speed, × real time (audio seconds per second of processing; higher is faster):",
        "",
        "| recording | " + " | ".join(stages) + " | pipeline | wall | ASR-only |",
        "|---|" + "---:|" * (len(stages) + 3),
    ]
    for e in [*entries, *({"name": f"**total {g}**", **t} for g, t in groups.items())]:
        rtf = e.get("rtf") or {}
        cells = [_x(rtf.get(s)) for s in [*stages, "pipeline", "wall", "asr_only"]]
        lines.append(f"| {e['name']} | " + " | ".join(cells) + " |")

    naming = groups.get("all", {}).get("naming")
    if naming:
        lines += ["", "Naming by source (reference speakers):", ""]
        lines += [
            "| source | named | correct | right person, part of the name | precision | "
            "precision by person |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        for source, c in naming["by_source"].items():
            lines.append(
                f"| {source} | {c['named']} | {c['correct']} | {c.get('partial', 0)} | "
                f"{_pct(c.get('precision'))} | {_pct(c.get('by_person'))} |"
            )
    covered = groups.get("all", {}).get("speech_in_transcript")
    if covered is not None:
        written = groups["all"].get("speech_in_text")
        lines += [
            "",
            f"Reference speech time inside some transcript segment: {_pct(covered)} "
            f"(inside a segment with text: {_pct(written)}; the rest are marked "
            "untranscribed speech).",
        ]
    found = groups.get("all", {}).get("findable")
    if found:
        lines += [
            "",
            f"Names said in the meeting or written in its documents: {found['correct']}/"
            f"{found['people']} people named right ({_pct(found['accuracy'])}).",
        ]
    suggested = groups.get("all", {}).get("suggestions")
    if suggested:
        parts = ", ".join(
            f"{source} {c['right']} right / {c['wrong']} wrong"
            for source, c in sorted(suggested.items())
        )
        lines += ["", f"Unnamed speakers with a suggestion to confirm, by source: {parts}."]
    vp = groups.get("all", {}).get("voiceprint")
    if vp:
        lines += [
            "",
            f"Voiceprints: {vp['matched']}/{vp['known']} people already in the library named "
            f"by their voice (match rate {_pct(vp['match_rate'])}, {vp['wrong']} wrong); "
            f"{vp['false_matches']}/{vp['new']} new voices given a library name "
            f"(false-match rate {_pct(vp['false_match_rate'])}).",
        ]
    grown = [e for e in entries if e.get("library")]
    if grown:
        lines += [
            "",
            "Voiceprint library after each recording (wrong samples: learnt from someone "
            "other than the person the voiceprint names):",
            "",
            "| recording | confirmed | suggested | samples | wrong samples |",
            "|---|---:|---:|---:|---:|",
        ]
        for e in grown:
            lib = e["library"]
            lines.append(
                f"| {e['name']} | {lib['confirmed']} | {lib['suggested']} | {lib['samples']} | "
                f"{lib['wrong_samples']} |"
            )
    notes = sorted({e["diarization_note"] for e in entries if e.get("diarization_note")})
    failures = [f"{e['name']}: {e['error']}" for e in entries if e.get("error")]
    if notes or failures:
        lines += [""] + [f"- DER n/a: {n}" for n in notes] + [f"- {f}" for f in failures]
    return "\n".join(lines) + "\n"


def _commit() -> str | None:
    try:
        root = Path(__file__).resolve().parent.parent
        sha = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain"], cwd=root, capture_output=True, text=True
        ).stdout.strip()
        return (sha + ("+dirty" if dirty else "")) or None
    except OSError:
        return None


def _settings_summary() -> dict[str, Any]:
    from st_resources.settings import get_settings

    s = get_settings()
    return {
        "gpu_service": s.meetnoo_api_url,
        "whisper_model": Path(s.whisper_model).name,
        "whisper_beam_size": s.whisper_beam_size,
        "whisper_compute_type": s.whisper_compute_type,
    }


def evaluate(
    directory: Path,
    out_dir: Path = DEFAULT_OUT,
    run_name: str | None = None,
    baseline: bool = True,
    start_gpu_service: bool = False,
    tenant: str = "eval",
    keep_tenant: bool = False,
    language: str | None = None,
    oracle_speakers: bool = False,
    only: list[str] | None = None,
    enrol_reference: bool = False,
    log: Log = _stderr,
) -> dict[str, Any]:
    """Run and score every recording of `directory`; writes `<run>.json` and `<run>.md`
    under `out_dir` and returns the report (its `markdown` key holds the table).
    `enrol_reference`: after each recording, name its speakers by the reference (enrolling
    their voices), so later recordings measure voiceprint matching on its own."""
    from st_resources.clients.gpu import client_from_settings
    from st_resources.languages import normalise_language

    directory = Path(directory)
    recordings = discover(directory, only)
    if not recordings:
        raise FileNotFoundError(f"no audio files in {directory}")
    created = datetime.now(UTC)
    run = run_name or f"{directory.name}-{created.strftime('%Y%m%d-%H%M%S')}"
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)

    service = None
    if start_gpu_service:
        log("starting gpu_service…")
        service = GpuService(Path(tempfile.gettempdir()) / f"st-eval-{run}-gpu_service.log")
        use_gpu_url(service.url)
    try:
        client = client_from_settings()
        if not client.ready():
            raise RuntimeError(
                f"gpu_service is not ready at {client.base_url}: start it "
                "(python -m gpu_service) or pass --start-gpu-service"
            )
        entries: list[dict[str, Any]] = []
        seen: dict[str, tuple[dict[str, str], dict[str, str]]] = {}
        with PipelineRunner(tenant, fresh=not keep_tenant, log=log) as runner:
            for i, rec in enumerate(recordings, 1):
                try:
                    lang = normalise_language(language or rec.language)
                except ValueError:
                    log(f"{rec.name}: unknown language {rec.language!r}, detecting it instead")
                    lang = None
                hint = None
                if oracle_speakers and rec.rttm:
                    hint = len(read_rttm(rec.rttm, rec.name).labels()) or None
                log(f"[{i}/{len(recordings)}] {rec.name}: pipeline…")
                try:
                    people = rec.meta.get("speakers") or {}
                    known = runner.known_people(people, seen)  # before this one adds any
                    output = runner.run(rec, lang, hint)
                    base = None
                    if baseline and output.success:
                        with tempfile.TemporaryDirectory() as tmp:
                            audio = runner.decoded_audio(output, Path(tmp) / "audio16k.wav")
                            base = asr_only(audio or rec.audio, lang)
                    entry = score_recording(rec, output, base, known)
                    if enrol_reference and entry.get("speaker_mapping"):
                        runner.enrol_reference(output, entry["speaker_mapping"], people)
                    seen[output.transcript_id] = (entry.get("speaker_mapping") or {}, people)
                    entry["library"] = runner.library(seen)
                except Exception as exc:  # one bad file must not stop the run
                    entry = {"name": rec.name, "audio": rec.audio.name, "status": None,
                             "error": f"{type(exc).__name__}: {exc}", "language": rec.language,
                             "duration_s": None}  # fmt: skip
                entries.append(entry)
                log(_one_line(entry))
    finally:
        if service is not None:
            service.stop()

    groups = grouped_totals(entries)
    report = {
        "run": run,
        "created_at": created.isoformat(timespec="seconds"),
        "directory": str(directory),
        "commit": _commit(),
        "settings": _settings_summary(),
        "collar_s": COLLAR_S,
        "collar": COLLAR_NOTE,
        "text_normalisation": TEXT_NOTE,
        "options": {
            "baseline": baseline,
            "oracle_speakers": oracle_speakers,
            "enrol_reference": enrol_reference,
            "language": language,
            "tenant": tenant,
        },  # fmt: skip
        "recordings": entries,
        "totals": groups,
    }
    markdown = render_markdown(report)
    (out_dir / f"{run}.json").write_text(
        json.dumps(report, ensure_ascii=False, indent=2, default=str) + "\n", encoding="utf-8"
    )
    (out_dir / f"{run}.md").write_text(markdown, encoding="utf-8")
    report["markdown"] = markdown
    report["paths"] = {"json": str(out_dir / f"{run}.json"), "markdown": str(out_dir / f"{run}.md")}
    return report


def rerender(report_path: Path) -> dict[str, Any]:
    """Recompute the totals and the Markdown of a saved report (after a change to how
    they are added up or shown), rewriting both files."""
    report_path = Path(report_path)
    report = json.loads(report_path.read_text(encoding="utf-8"))
    entries = report["recordings"]
    groups = grouped_totals(entries)
    report["totals"] = groups
    markdown = render_markdown(report)
    report_path.write_text(
        json.dumps(report, ensure_ascii=False, indent=2, default=str) + "\n", encoding="utf-8"
    )
    report_path.with_suffix(".md").write_text(markdown, encoding="utf-8")
    report["markdown"] = markdown
    return report


def _one_line(e: dict[str, Any]) -> str:
    if e.get("status") is None or e.get("error"):
        return f"    {e['name']}: {e.get('status') or 'error'} — {e.get('error')}"
    d = e.get("diarization") or {}
    return (
        f"    {e['name']}: WER {_f(_wer(e.get('wer')))} (ASR-only "
        f"{_f(_wer(e.get('asr_only_wer')))}), DER {_pct(d.get('der'))}, speakers "
        f"{e['speakers']['ref']}/{e['speakers']['hyp']}, {_x(e['rtf'].get('pipeline'))} real time"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m eval.harness", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("directory", type=Path)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--run", dest="run_name")
    parser.add_argument("--start-gpu-service", action="store_true")
    parser.add_argument("--no-baseline", action="store_true", help="skip the ASR-only pass")
    parser.add_argument("--tenant", default="eval")
    parser.add_argument("--keep-tenant", action="store_true")
    parser.add_argument("--language", help="override every recording's language")
    parser.add_argument("--oracle-speakers", action="store_true",
                        help="give the pipeline the reference speaker count")  # fmt: skip
    parser.add_argument("--only", nargs="+", metavar="NAME")
    parser.add_argument("--enrol-reference", action="store_true",
                        help="name each recording's speakers from the reference afterwards "
                        "(enrolling voices), to measure voiceprint matching")  # fmt: skip
    args = parser.parse_args(argv)
    report = evaluate(
        args.directory,
        args.out,
        run_name=args.run_name,
        baseline=not args.no_baseline,
        start_gpu_service=args.start_gpu_service,
        tenant=args.tenant,
        keep_tenant=args.keep_tenant,
        language=args.language,
        oracle_speakers=args.oracle_speakers,
        only=args.only,
        enrol_reference=args.enrol_reference,
    )
    print(report["markdown"])
    done = ("completed", "completed_degraded")
    return 0 if all(e.get("status") in done for e in report["recordings"]) else 1


if __name__ == "__main__":
    sys.exit(main())
