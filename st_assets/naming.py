"""`speaker_identities` (who each diarized speaker is: st_resources.naming.identify) and
`voiceprints` (the tenant's library learning from this recording). With the LLM down the
recording still completes, named by voiceprints and rules, and records the degradation.
"""

from dagster import AssetExecutionContext, MaterializeResult

from st_assets.asr import segments
from st_assets.partitions import REMOTE_RETRY, recording_asset
from st_assets.speakers import speaker_embeddings
from st_assets.tracking import stage, transcript_id
from st_resources.clients.streams import Stage
from st_resources.dagster import (
    DatabaseResource,
    LlmResource,
    ObjectStoreResource,
    StreamsResource,
)
from st_resources.naming import voiceprints as library
from st_resources.naming.documents import transcript_texts
from st_resources.naming.enrol import learn_voices
from st_resources.naming.identify import name_speakers
from st_resources.settings import get_settings
from st_resources.transcripts import store as transcripts


@recording_asset(deps=[segments, speaker_embeddings])
def speaker_identities(
    context: AssetExecutionContext,
    db: DatabaseResource,
    streams: StreamsResource,
    object_store: ObjectStoreResource,
    llm: LlmResource,
) -> MaterializeResult:
    """Name every diarized speaker (or leave it `unknown`), with source and confidence."""
    tid = transcript_id(context)
    settings = get_settings()
    with stage(context, db, streams, Stage.NAMING, REMOTE_RETRY.max_retries):
        with db.session() as session:
            row = transcripts.get(session, tid)
            speakers, documents = list(row.speakers), list(row.documents)
            lines = [
                {"speaker": s.speaker, "start": s.start_s, "end": s.end_s, "text": s.text}
                for s in row.segments
                if s.speaker
            ]
            voices = library.list_for_tenant(session, row.tenant_id)
        # No database connection is held while the LLM thinks (up to a minute on CPU).
        docs = transcript_texts(object_store.store(), documents)
        client = llm.client() if llm.naming else None
        naming = name_speakers(speakers, lines, docs, voices, client, settings)
        identities = naming.identities
        with db.session() as session:
            transcripts.set_identities(session, tid, list(identities.values()))
            transcripts.set_degradation(session, tid, "naming", naming.degraded)
    by_source: dict[str, int] = {}
    for identity in identities.values():
        by_source[identity.source] = by_source.get(identity.source, 0) + 1
    return MaterializeResult(
        metadata={
            "speakers": len(identities),
            **{f"named_by_{k}": v for k, v in sorted(by_source.items())},
            "llm": naming.llm_note,
        }
    )


@recording_asset(remote=False, deps=[speaker_identities], name="voiceprints")
def update_voiceprints(
    context: AssetExecutionContext, db: DatabaseResource, streams: StreamsResource
) -> MaterializeResult:
    """The tenant's voiceprint library learns from this recording (st_resources.naming.enrol)."""
    tid = transcript_id(context)
    with stage(context, db, streams, Stage.VOICEPRINTS), db.session() as session:
        learnt = learn_voices(session, transcripts.get(session, tid), get_settings())
    return MaterializeResult(
        metadata={
            "updated": learnt.updated,
            "enrolled": learnt.enrolled,
            "suggested": learnt.suggested,
        }
    )
