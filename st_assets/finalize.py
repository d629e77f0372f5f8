"""`transcript`: the last node of a recording; sets the final status and closes the stream."""

from dagster import AssetExecutionContext, MaterializeResult, asset

from st_assets.asr import segments
from st_assets.partitions import recordings
from st_assets.tracking import transcript_id
from st_resources import transcripts
from st_resources.dagster import DatabaseResource, StreamsResource
from st_resources.streams import TERMINAL_STAGE, PipelineEvent


@asset(partitions_def=recordings, group_name="recording", deps=[segments])
def transcript(
    context: AssetExecutionContext, db: DatabaseResource, streams: StreamsResource
) -> MaterializeResult:
    tid = transcript_id(context)
    with db.session() as session:
        row = transcripts.get(session, tid)
        transcripts.mark_finished(session, tid, "completed")
        timings, duration = dict(row.timings), row.duration_s or 0.0
    total = sum(timings.values())
    streams.publish(
        PipelineEvent(
            transcript_id=str(tid),
            stage=TERMINAL_STAGE,
            status="completed",
            percent=100,
            detail={"timings": timings, "duration_s": duration},
        )
    )
    return MaterializeResult(
        metadata={
            "status": "completed",
            "processing_s": round(total, 2),
            "realtime_factor": round(duration / total, 2) if total else 0.0,
        }
    )
