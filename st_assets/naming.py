"""`speaker_identities` (who each diarized speaker is: st_resources.naming.identify) and
`voiceprints` (the tenant's library learning from this recording). With the LLM down the
recording still completes, named by voiceprints and rules, and records the degradation.
"""

from dagster import AssetExecutionContext, MaterializeResult, asset

from st_assets.asr import segments
from st_assets.partitions import recordings
from st_assets.speakers import speaker_embeddings
from st_assets.tracking import REMOTE_RETRY, stage, transcript_id
from st_resources import transcripts
from st_resources import voiceprints as library
from st_resources.dagster import (
    DatabaseResource,
    LlmResource,
    ObjectStoreResource,
    StreamsResource,
)
from st_resources.naming.documents import transcript_texts
from st_resources.naming.identify import name_speakers
from st_resources.settings import get_settings
from st_resources.streams import Stage


@asset(
    partitions_def=recordings,
    group_name="recording",
    deps=[segments, speaker_embeddings],
    retry_policy=REMOTE_RETRY,
)
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
        client = llm.client() if settings.naming_llm else None
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


@asset(
    partitions_def=recordings, group_name="recording", deps=[speaker_identities], name="voiceprints"
)
def update_voiceprints(
    context: AssetExecutionContext, db: DatabaseResource, streams: StreamsResource
) -> MaterializeResult:
    """Auto-save: confident voice matches refine their voiceprint; confident names from
    documents and rules enrol a new voice. Never from unknown, LLM-only or weak identities
    (names set by hand are enrolled by the API when set); once per recording, so
    re-materialising does not count a recording twice."""
    tid = transcript_id(context)
    settings = get_settings()
    updated, enrolled = 0, 0
    with stage(context, db, streams, Stage.VOICEPRINTS), db.session() as session:
        row = transcripts.get(session, tid)
        for speaker in row.speakers:
            if speaker.embedding is None or not speaker.name or not speaker.embedding_model:
                continue
            source, confidence = speaker.identity_source, speaker.identity_confidence
            if source == "voiceprint" and confidence >= settings.voiceprint_autosave_threshold:
                vp = library.get_for_tenant(session, row.tenant_id, speaker.voiceprint_id)
                if vp is not None and str(tid) not in vp.source_transcripts:
                    library.absorb(vp, speaker.embedding, speaker.embedding_seconds, tid)
                    updated += 1
                if vp is not None and speaker.name != vp.name:  # completed: "Sarah Collins"
                    try:
                        library.rename(session, vp, speaker.name)
                    except ValueError:  # that full name is another voiceprint already
                        pass
            elif source == "rag" and confidence >= settings.naming_autosave_confidence:
                # A known name whose voice did not match: a new microphone or a wrong
                # name; either way this voice must not pull the stored one towards it.
                if library.find_by_name(session, row.tenant_id, speaker.name) is None:
                    vp = library.enrol(
                        session,
                        row.tenant_id,
                        speaker.name,
                        speaker.embedding,
                        speaker.embedding_model,
                        speaker.embedding_seconds,
                        tid,
                    )
                    speaker.voiceprint_id = vp.id
                    enrolled += 1
    return MaterializeResult(metadata={"updated": updated, "enrolled": enrolled})
