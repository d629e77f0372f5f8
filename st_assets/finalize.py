"""`transcript`: the last node of a recording; sets the final status and closes the stream.

`completed_degraded` when a stage fell back (e.g. the LLM was down: names from voiceprints
and rules only, raw text); the reasons are the transcript's `degradations` and `error`.
"""

from dagster import AssetExecutionContext, MaterializeResult

from st_assets.asr import segments
from st_assets.cleanup import clean_transcript
from st_assets.index import document_index, segment_index
from st_assets.naming import llm_identities, speaker_identities, update_voiceprints
from st_assets.partitions import recording_asset
from st_assets.readable import readable_transcript
from st_assets.speakers import speaker_embeddings
from st_assets.tracking import transcript_id
from st_resources.clients.streams import TERMINAL_STAGE, PipelineEvent
from st_resources.dagster import DatabaseResource, StreamsResource
from st_resources.transcripts import store as transcripts


# Completed means searchable: the index assets come before the final status.
@recording_asset(
    remote=False,
    deps=[
        segments,
        speaker_embeddings,
        speaker_identities,
        readable_transcript,
        llm_identities,
        update_voiceprints,
        clean_transcript,
        segment_index,
        document_index,
    ],
)
def transcript(
    context: AssetExecutionContext, db: DatabaseResource, streams: StreamsResource
) -> MaterializeResult:
    tid = transcript_id(context)
    with db.session() as session:
        row = transcripts.get(session, tid)
        degradations = dict(row.degradations)
        status = "completed_degraded" if degradations else "completed"
        reason = "; ".join(f"{k}: {v}" for k, v in sorted(degradations.items())) or None
        transcripts.mark_finished(session, tid, status, reason)
        timings, duration = dict(row.timings), row.duration_s or 0.0
    total = sum(timings.values())
    streams.publish(
        PipelineEvent(
            transcript_id=str(tid),
            stage=TERMINAL_STAGE,
            status=status,
            percent=100,
            error=reason,
            detail={"timings": timings, "duration_s": duration},
        )
    )
    return MaterializeResult(
        metadata={
            "status": status,
            "processing_s": round(total, 2),
            "realtime_factor": round(duration / total, 2) if total else 0.0,
        }
    )
