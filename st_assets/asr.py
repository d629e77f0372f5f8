"""`asr_segments` (Whisper through gpu_service) and `segments` (the rows in PostgreSQL,
each word attributed to a diarized speaker)."""

import json
import math
import time
from pathlib import Path

import pandas as pd
from dagster import (
    AssetCheckResult,
    AssetCheckSpec,
    AssetExecutionContext,
    MaterializeResult,
)

from st_assets.ingest import local_audio
from st_assets.partitions import REMOTE_RETRY, recording_asset
from st_assets.speakers import turns_from_frame
from st_assets.tracking import stage, transcript_id
from st_resources.clients.gpu import GpuClient, Transcription
from st_resources.clients.streams import Stage
from st_resources.dagster import (
    DatabaseResource,
    GpuServiceResource,
    ObjectStoreResource,
    StreamsResource,
)
from st_resources.db.models import ContextDocument
from st_resources.naming.documents import transcript_texts
from st_resources.naming.roster import document_names
from st_resources.transcripts import store as transcripts
from st_resources.transcripts.name_hints import with_hinted_names
from st_resources.transcripts.speakers import attribute_segments, with_untranscribed_speech

MAX_HINT_NAMES = 40  # Whisper reads at most 223 prompt tokens


def name_hints(object_store: ObjectStoreResource, documents: list[ContextDocument]) -> list[str]:
    """The people named in the context documents, as Whisper should spell them."""
    names = [d.name for d in document_names(transcript_texts(object_store.store(), documents))]
    return names[:MAX_HINT_NAMES]


def transcribe(
    client: GpuClient, audio: Path, language: str | None, mode: str, names: list[str]
) -> tuple[Transcription, int]:
    """Whisper's words, and how many name words the hints spelled in them. "verified":
    the words of a decoding without hints, each name word a hinted decoding wrote put in
    where those words sound like it (st_resources.transcripts.name_hints)."""
    if not names or mode == "none":
        return client.transcribe(audio, language=language), 0
    hints = ", ".join(names) + "."
    if mode != "verified":
        return client.transcribe(audio, language=language, **{mode: hints}), 0
    plain = client.transcribe(audio, language=language)
    hinted = client.transcribe(audio, language=language or plain.language, hotwords=hints)
    segments, put = with_hinted_names(plain.segments, hinted.segments, names)
    return plain.model_copy(update={"segments": segments}), put


SEGMENT_COLUMNS = ["idx", "start_s", "end_s", "text", "words", "confidence", "no_speech_prob"]


# Diarization hearing more speech than this, with no text at all, is speech lost.
SPEECH_WORTH_TEXT_S = 3.0


@recording_asset(io_manager_key="frames_io_manager")
def asr_segments(
    context: AssetExecutionContext,
    audio: pd.DataFrame,
    db: DatabaseResource,
    streams: StreamsResource,
    object_store: ObjectStoreResource,
    gpu: GpuServiceResource,
) -> pd.DataFrame:
    """Words with timestamps per Whisper segment; words kept as JSON text in the frame."""
    tid = transcript_id(context)
    mode = gpu.asr_name_hints
    with stage(context, db, streams, Stage.ASR, REMOTE_RETRY.max_retries):
        names = []
        if mode != "none":
            with db.session() as session:
                names = name_hints(object_store, transcripts.get(session, tid).documents)
        with local_audio(object_store, audio) as local:
            started = time.monotonic()
            language = audio.iloc[0]["language"] or None
            result, spelt = transcribe(gpu.client(), local, language, mode, names)
            wall = time.monotonic() - started
        with db.session() as session:
            transcripts.update_fields(session, tid, detected_language=result.language)
    rows = [
        {
            "idx": i,
            "start_s": seg.start,
            "end_s": seg.end,
            "text": seg.text.strip(),
            "words": json.dumps([w.model_dump() for w in seg.words]),
            # exp(mean token log-prob): a 0..1 confidence a reader can compare.
            "confidence": math.exp(seg.avg_logprob) if seg.avg_logprob is not None else None,
            "no_speech_prob": seg.no_speech_prob,
        }
        for i, seg in enumerate(s for s in result.segments if s.text.strip())
    ]
    context.add_output_metadata(
        {
            "language": result.language,
            "segments": len(rows),
            "name_hints": ", ".join(names),
            "names_spelt_from_hints": spelt,
            "realtime_factor": round(result.duration / wall, 2) if wall > 0 else 0.0,
        }
    )
    return pd.DataFrame(rows, columns=SEGMENT_COLUMNS)


@recording_asset(
    remote=False,
    check_specs=[
        AssetCheckSpec("every_word_has_a_speaker", asset="segments"),
        AssetCheckSpec("speech_found_is_transcribed", asset="segments"),
    ],
)
def segments(
    context: AssetExecutionContext,
    asr_segments: pd.DataFrame,
    speaker_turns: pd.DataFrame,
    db: DatabaseResource,
    streams: StreamsResource,
) -> MaterializeResult:
    """Attribute words to speakers, split segments at speaker changes, and replace the
    transcript's rows with this run's in one transaction."""
    tid = transcript_id(context)
    asr_rows = [
        {
            "idx": int(r.idx),
            "start_s": float(r.start_s),
            "end_s": float(r.end_s),
            "text": r.text,
            "words": json.loads(r.words),
            "confidence": None if pd.isna(r.confidence) else float(r.confidence),
        }
        for r in asr_segments.itertuples()
    ]
    with stage(context, db, streams, Stage.SEGMENTS):
        turns = turns_from_frame(speaker_turns)
        rows = with_untranscribed_speech(attribute_segments(asr_rows, turns), turns)
        with db.session() as session:
            transcripts.replace_segments(session, tid, rows)
    count = sum(1 for r in rows if r["text"])
    unattributed = sum(1 for r in rows if r["speaker"] is None)
    speech_s = float((speaker_turns.end_s - speaker_turns.start_s).sum()) if count == 0 else 0.0
    return MaterializeResult(
        metadata={
            "segments": count,
            "untranscribed_speech_segments": len(rows) - count,
            "segments_without_speaker": unattributed,
        },
        check_results=[
            AssetCheckResult(
                check_name="every_word_has_a_speaker",
                passed=unattributed == 0 or speaker_turns.empty,
                metadata={"segments_without_speaker": unattributed},
            ),
            # Diarization heard speech and ASR wrote nothing: quiet speech lost (#16).
            AssetCheckResult(
                check_name="speech_found_is_transcribed",
                passed=count > 0 or speech_s < SPEECH_WORTH_TEXT_S,
                metadata={"speech_s": round(speech_s, 2), "segments": count},
            ),
        ],
    )
