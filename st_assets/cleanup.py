"""`clean_transcript`: the LLM's tidy version of every segment, beside the raw text, once
the raw transcript is readable.

st_resources.transcripts.cleanup does the work and its guard decides segment by segment; this asset
stores the result. With the LLM down the recording keeps its raw text and completes
`completed_degraded`; a refused answer only keeps that segment raw.
"""

from collections import Counter

from dagster import AssetExecutionContext, MaterializeResult

from st_assets.partitions import REMOTE_RETRY, recording_asset
from st_assets.readable import readable_transcript
from st_assets.tracking import stage, transcript_id
from st_resources.clients.llm import LlmUnavailable
from st_resources.clients.streams import Stage
from st_resources.dagster import DatabaseResource, LlmResource, StreamsResource
from st_resources.transcripts import store as transcripts
from st_resources.transcripts.cleanup import ALREADY_CLEAN, clean_segments, keep_raw


@recording_asset(deps=[readable_transcript])
def clean_transcript(
    context: AssetExecutionContext,
    db: DatabaseResource,
    streams: StreamsResource,
    llm: LlmResource,
) -> MaterializeResult:
    tid = transcript_id(context)
    with db.session() as session:
        row = transcripts.get(session, tid)
        # Segments of speech that ASR did not transcribe have nothing to clean (nor are
        # they a sentence's edge for their neighbours).
        indexed = [(s.idx, s.text) for s in row.segments if s.text.strip()]
        language = row.spoken_language or "en"
    texts = [text for _, text in indexed]
    degraded = None
    with stage(context, db, streams, Stage.CLEANUP, REMOTE_RETRY.max_retries):
        if not llm.cleanup:
            results = keep_raw(texts, "cleanup turned off (CLEANUP_LLM=false)", language)
        else:
            try:
                results = clean_segments(
                    llm.client(), texts, language, concurrency=llm.cleanup_concurrency
                )
            except LlmUnavailable as exc:
                results = keep_raw(texts, "LLM unavailable", language)
                degraded = f"raw text only, the LLM is unavailable ({exc})"
        # A completed recording has clean text for every segment: where the guard refused
        # the LLM's version, the raw text is the clean one. Only with the LLM down does
        # clean text stay empty (completed_degraded says why).
        clean = {
            idx: r.clean if degraded else r.text
            for (idx, _), r in zip(indexed, results, strict=True)
        }
        with db.session() as session:
            transcripts.set_clean_text(session, tid, clean)
            transcripts.set_degradation(session, tid, "cleanup", degraded)
    reasons = Counter((r.reason or "").split(":")[0] for r in results if r.clean is None)
    return MaterializeResult(
        metadata={
            "segments": len(results),
            "cleaned": sum(1 for r in results if r.clean is not None),
            "already_clean": sum(1 for r in results if r.reason == ALREADY_CLEAN),
            "kept_raw": sum(reasons.values()),
            **{f"kept_raw_{k or 'other'}": v for k, v in sorted(reasons.items())},
        }
    )
