"""Who each diarized speaker is (st_resources.naming.identify), in two steps so that the
transcript is readable before the LLM thinks: `speaker_identities` names from voiceprints
and the rules (milliseconds); `llm_identities`, after the transcript is readable, asks the
LLM about the speakers the rules hinted at and writes the final names. `voiceprints` is the
tenant's library learning from them. With the LLM down the recording still completes,
named by voiceprints and rules, and records the degradation.
"""

from collections import Counter

from dagster import (
    AssetCheckResult,
    AssetCheckSeverity,
    AssetCheckSpec,
    AssetExecutionContext,
    MaterializeResult,
)

from st_assets.asr import segments
from st_assets.partitions import REMOTE_RETRY, recording_asset
from st_assets.readable import readable_transcript
from st_assets.speakers import speaker_embeddings
from st_assets.tracking import stage, transcript_id
from st_resources.clients.streams import SpeakersRenamed, Stage, append_workflow
from st_resources.dagster import (
    DatabaseResource,
    LlmResource,
    ObjectStoreResource,
    StreamsResource,
)
from st_resources.naming import voiceprints as library
from st_resources.naming.documents import transcript_texts
from st_resources.naming.enrol import learn_voices
from st_resources.naming.identify import Naming, name_speakers
from st_resources.naming.names import fold
from st_resources.settings import get_settings
from st_resources.transcripts import store as transcripts

ONE_SPEAKER_PER_NAME = "one_speaker_per_name"


def _name(
    context: AssetExecutionContext,
    db: DatabaseResource,
    object_store: ObjectStoreResource,
    client,
) -> Naming:
    """Name the recording's speakers (`client`: the LLM, or None for rules and voices
    only) and store the names."""
    tid = transcript_id(context)
    with db.session() as session:
        row = transcripts.get(session, tid)
        speakers, documents = list(row.speakers), list(row.documents)
        # What was said (speech not transcribed tells the rules nothing, and is no
        # one's reply).
        lines = [
            {"speaker": s.speaker, "start": s.start_s, "end": s.end_s, "text": s.text}
            for s in row.segments
            if s.speaker and s.text.strip()
        ]
        voices = library.list_for_tenant(session, row.tenant_id)
        language = library.spoken_language(row)
    # No database connection is held while the LLM thinks (up to a minute on CPU).
    docs = transcript_texts(object_store.store(), documents)
    naming = name_speakers(speakers, lines, docs, voices, client, get_settings(), language)
    with db.session() as session:
        transcripts.set_identities(session, tid, list(naming.identities.values()))
        if client is not None:
            transcripts.set_degradation(session, tid, "naming", naming.degraded)
    return naming


def _one_speaker_per_name(naming: Naming) -> AssetCheckResult:
    """Two speakers of one recording under one name is a merge or a wrong name."""
    names = Counter(
        fold(i.name) for i in naming.identities.values() if i.name and i.source != "manual"
    )
    twice = sorted(name for name, count in names.items() if count > 1)
    return AssetCheckResult(
        check_name=ONE_SPEAKER_PER_NAME,
        passed=not twice,
        severity=AssetCheckSeverity.WARN,
        metadata={"names_on_two_speakers": ", ".join(twice)},
    )


def _metadata(naming: Naming) -> dict:
    by_source: dict[str, int] = {}
    for identity in naming.identities.values():
        by_source[identity.source] = by_source.get(identity.source, 0) + 1
    return {
        "speakers": len(naming.identities),
        **{f"named_by_{k}": v for k, v in sorted(by_source.items())},
        "llm": naming.llm_note,
    }


@recording_asset(
    deps=[segments, speaker_embeddings],
    check_specs=[AssetCheckSpec(ONE_SPEAKER_PER_NAME, asset="speaker_identities")],
)
def speaker_identities(
    context: AssetExecutionContext,
    db: DatabaseResource,
    streams: StreamsResource,
    object_store: ObjectStoreResource,
) -> MaterializeResult:
    """Name every diarized speaker from voiceprints and the rules (or leave it `unknown`),
    with source and confidence: what the readable transcript shows."""
    with stage(context, db, streams, Stage.NAMING, REMOTE_RETRY.max_retries):
        naming = _name(context, db, object_store, None)
    return MaterializeResult(
        metadata=_metadata(naming), check_results=[_one_speaker_per_name(naming)]
    )


@recording_asset(
    deps=[readable_transcript],
    check_specs=[AssetCheckSpec(ONE_SPEAKER_PER_NAME, asset="llm_identities")],
)
def llm_identities(
    context: AssetExecutionContext,
    db: DatabaseResource,
    streams: StreamsResource,
    object_store: ObjectStoreResource,
    llm: LlmResource,
) -> MaterializeResult:
    """The final names: the LLM confirms names the rules hinted at for speakers still
    open (names set by hand meanwhile are kept)."""
    with stage(context, db, streams, Stage.LLM_NAMING, REMOTE_RETRY.max_retries):
        naming = _name(context, db, object_store, llm.client() if llm.naming else None)
    return MaterializeResult(
        metadata=_metadata(naming), check_results=[_one_speaker_per_name(naming)]
    )


@recording_asset(remote=False, deps=[llm_identities], name="voiceprints")
def update_voiceprints(
    context: AssetExecutionContext, db: DatabaseResource, streams: StreamsResource
) -> MaterializeResult:
    """The tenant's voiceprint library learns from this recording (st_resources.naming.enrol)."""
    tid = transcript_id(context)
    with stage(context, db, streams, Stage.VOICEPRINTS), db.session() as session:
        row = transcripts.get(session, tid)
        learnt = learn_voices(session, row, get_settings())
        tenant_id = str(row.tenant_id)
    # After the commit: the re-index runs must read the new names.
    for other in learnt.renamed:
        append_workflow(streams.client(), SpeakersRenamed(transcript_id=other, tenant_id=tenant_id))
    return MaterializeResult(
        metadata={
            "updated": learnt.updated,
            "enrolled": learnt.enrolled,
            "suggested": learnt.suggested,
            "hard_negatives": learnt.negatives,
            "reindexed": len(learnt.renamed),
        }
    )
