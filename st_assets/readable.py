"""`readable_transcript`: words, speakers and the names voiceprints and rules give are
stored, so the recording becomes readable (status `transcribed`, a `readable` event) while
the LLM stages (naming, cleanup) and indexing enrich it downstream."""

from dagster import AssetExecutionContext, MaterializeResult

from st_assets.asr import segments
from st_assets.partitions import recording_asset
from st_assets.tracking import stage, transcript_id
from st_resources.clients.streams import Stage
from st_resources.dagster import DatabaseResource, StreamsResource
from st_resources.transcripts import store as transcripts


@recording_asset(remote=False, deps=[segments, "speaker_identities"])
def readable_transcript(
    context: AssetExecutionContext, db: DatabaseResource, streams: StreamsResource
) -> MaterializeResult:
    tid = transcript_id(context)
    with stage(context, db, streams, Stage.READABLE):
        with db.session() as session:
            transcripts.mark_readable(session, tid)
            row = transcripts.get(session, tid)
            counts = {"segments": len(row.segments), "speakers": len(row.speakers)}
    return MaterializeResult(metadata=counts)
