"""`speaker_turns` (diarization in gpu_service) and `speaker_embeddings` (one mean-pooled
voice embedding per diarized speaker: what voiceprints are matched on)."""

import pandas as pd
from dagster import AssetExecutionContext

from st_assets.ingest import local_audio
from st_assets.partitions import REMOTE_RETRY, recording_asset
from st_assets.tracking import stage, transcript_id
from st_resources.clients.streams import Stage
from st_resources.dagster import (
    DatabaseResource,
    GpuServiceResource,
    ObjectStoreResource,
    StreamsResource,
)
from st_resources.naming.documents import transcript_texts
from st_resources.naming.roster import document_names
from st_resources.naming.voiceprints import known_voices
from st_resources.transcripts import store as transcripts
from st_resources.transcripts.speakers import (
    Turn,
    count_bounds,
    embedding_spans,
    mean_pool,
    talk_time,
)

TURN_COLUMNS = ["start_s", "end_s", "speaker", "overlap"]
MAX_KNOWN_VOICES = 200  # what gpu_service takes in one request


def turns_from_frame(frame: pd.DataFrame) -> list[Turn]:
    return [
        Turn(float(r.start_s), float(r.end_s), str(r.speaker), bool(r.overlap))
        for r in frame.itertuples()
    ]


@recording_asset(io_manager_key="frames_io_manager")
def speaker_turns(
    context: AssetExecutionContext,
    audio: pd.DataFrame,
    db: DatabaseResource,
    streams: StreamsResource,
    object_store: ObjectStoreResource,
    gpu: GpuServiceResource,
) -> pd.DataFrame:
    """Who speaks when, with overlaps; the speaker count is estimated within the bounds
    given at upload or, without any, those the context documents' attendee list sets
    (`count_bounds`). The tenant's confirmed voiceprints go along, so that two enrolled
    people with alike voices are not made one speaker."""
    tid = transcript_id(context)
    with db.session() as session:
        row = transcripts.get(session, tid)
        bounds = {"min_speakers": row.min_speakers, "max_speakers": row.max_speakers}
        documents = list(row.documents)
        known = known_voices(session, row.tenant_id, MAX_KNOWN_VOICES)
    attendees = 0
    if bounds == {"min_speakers": None, "max_speakers": None} and documents:
        texts = transcript_texts(object_store.store(), documents)
        attendees = sum(1 for name in document_names(texts) if name.kind == "attendee")
        low, high = count_bounds(attendees, float(audio.iloc[0]["duration_s"]))
        bounds = {"min_speakers": low, "max_speakers": high}
    with stage(context, db, streams, Stage.DIARIZATION, REMOTE_RETRY.max_retries):
        with local_audio(object_store, audio) as local:
            result = gpu.client().diarize(local, **bounds, known=known)
    frame = pd.DataFrame(
        [(t.start, t.end, t.speaker, t.overlap) for t in result.turns], columns=TURN_COLUMNS
    )
    context.add_output_metadata(
        {
            "num_speakers": result.num_speakers,
            "attendees_listed": attendees,
            "known_voices_used": result.known_voices_used,
            "bounds": str((bounds["min_speakers"], bounds["max_speakers"])),
            "turns": len(frame),
            "speech_s": round(float((frame.end_s - frame.start_s).sum()), 2),
        }
    )
    return frame


@recording_asset(io_manager_key="frames_io_manager")
def speaker_embeddings(
    context: AssetExecutionContext,
    audio: pd.DataFrame,
    speaker_turns: pd.DataFrame,
    db: DatabaseResource,
    streams: StreamsResource,
    object_store: ObjectStoreResource,
    gpu: GpuServiceResource,
) -> pd.DataFrame:
    """Per speaker: embed its longest solo turns, then pool them weighted by duration."""
    tid = transcript_id(context)
    turns = turns_from_frame(speaker_turns)
    totals = talk_time(turns)
    chosen = embedding_spans(turns, gpu.speaker_min_turn_s, gpu.speaker_max_spans)
    # One call for every speaker's spans; answers come back in the order asked.
    spans = [(t.start, t.end) for speaker in sorted(totals) for t in chosen.get(speaker, [])]
    with stage(context, db, streams, Stage.SPEAKER_EMBEDDINGS, REMOTE_RETRY.max_retries):
        embedded = []
        model = None
        if spans:
            with local_audio(object_store, audio) as local:
                result = gpu.client().speaker_embeddings(local, spans)
            embedded, model = result.embeddings, result.model
        vectors = iter(embedded)
        rows = []
        for speaker in sorted(totals):
            used = chosen.get(speaker, [])
            pooled = mean_pool(
                [next(vectors).embedding for _ in used],
                [t.duration for t in used],
                gpu.speaker_min_turn_s,
            )
            rows.append(
                {
                    "label": speaker,
                    "talk_time_s": round(totals[speaker], 3),
                    "turns": sum(1 for t in turns if t.speaker == speaker),
                    "embedding": None if pooled is None else pooled.tolist(),
                    "embedding_seconds": round(sum(t.duration for t in used), 3),
                    "embedding_model": model,
                }
            )
        with db.session() as session:
            transcripts.replace_speakers(session, tid, rows)
    context.add_output_metadata(
        {
            "speakers": len(rows),
            "embedded": sum(1 for r in rows if r["embedding"] is not None),
            "embedding_model": model or "",
        }
    )
    return pd.DataFrame(rows, columns=list(rows[0]) if rows else ["label", "embedding"])
