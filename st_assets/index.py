"""`segment_index` and `document_index`: a recording's segments and context documents in
the search index (st_resources.search), and what the reindex schedule asks for.

The index mirrors PostgreSQL: each materialisation replaces the recording's points with
what the database holds now (deterministic ids, stale points deleted), so re-running a
partition never duplicates and a transcript without segments has no segment points.

In the recording pipeline (the transcript is `processing`) the assets are progress stages.
Run on their own — the `reindex` job, after an embedding-model change — they are upkeep:
the transcript keeps its status and its event stream stays closed.
"""

import time
from collections.abc import Iterator
from contextlib import contextmanager

from dagster import (
    AssetCheckResult,
    AssetCheckSpec,
    AssetExecutionContext,
    DagsterInstance,
    MaterializeResult,
    RunRequest,
    RunsFilter,
    SkipReason,
)

from st_assets.asr import segments
from st_assets.cleanup import clean_transcript
from st_assets.naming import llm_identities
from st_assets.partitions import REMOTE_RETRY, recording_asset, recordings
from st_assets.tracking import stage, transcript_id
from st_resources.clients.embeddings import model_fingerprint
from st_resources.clients.streams import Stage
from st_resources.dagster import (
    DatabaseResource,
    ObjectStoreResource,
    SearchIndexResource,
    StreamsResource,
)
from st_resources.db.models import RUNNING_STATUSES
from st_resources.naming.documents import stored_texts
from st_resources.recordings import forget_if_deleted
from st_resources.search import (
    DOCUMENTS,
    SEGMENTS,
    TRANSCRIPTS,
    VectorStore,
    chunk_paragraphs,
    document_points,
    get_keywords,
    open_store,
    segment_points,
    transcript_point,
)
from st_resources.transcripts import store as transcripts
from st_resources.transcripts.indexed import reader_segments, transcript_info

MODEL_TAG = "st/embedding_model"
# Reindex runs requested per schedule tick at most; the next tick asks for the rest.
MAX_REINDEX_REQUESTS = 200


@contextmanager
def _tracked(
    context: AssetExecutionContext,
    db: DatabaseResource,
    streams: StreamsResource,
    name: Stage,
    status: str,
) -> Iterator[None]:
    """A progress stage inside the recording pipeline; silent upkeep otherwise."""
    if status in RUNNING_STATUSES:
        with stage(context, db, streams, name, REMOTE_RETRY.max_retries):
            yield
    else:
        yield


@recording_asset(
    deps=[segments, llm_identities, clean_transcript],
    check_specs=[AssetCheckSpec("index_matches_segments", asset="segment_index")],
)
def segment_index(
    context: AssetExecutionContext,
    db: DatabaseResource,
    streams: StreamsResource,
    search_index: SearchIndexResource,
) -> MaterializeResult:
    """Embed the recording's segments and put them in the `segments` collection (and one
    point for the recording in `transcripts`), replacing what was there."""
    tid = transcript_id(context)
    with db.session() as session:
        row = transcripts.get(session, tid)
        info, status = transcript_info(row), row.status
        rows = reader_segments(row)
    with _tracked(context, db, streams, Stage.INDEXING, status):
        started = time.monotonic()
        embedder = search_index.embedder()
        keywords = get_keywords()
        points = segment_points(embedder, keywords, info, rows)
        summary = [transcript_point(embedder, keywords, info, rows)] if rows else []
        embedded = time.monotonic() - started
        with search_index.writing() as store:
            store.replace_transcript(SEGMENTS, info.id, points)
            store.replace_transcript(TRANSCRIPTS, info.id, summary)
            indexed = store.count(SEGMENTS, transcript_id=info.id)
        with db.session() as session:  # not under the store: a DELETE may hold the row
            forget_if_deleted(session, store, tid)
    return MaterializeResult(
        metadata={
            "points": len(points),
            "embedding_model": embedder.fingerprint,
            "embed_s": round(embedded, 3),
            "store": store.backend,
        },
        check_results=[
            AssetCheckResult(
                check_name="index_matches_segments",
                passed=indexed == len(rows),
                metadata={"index_points": indexed, "segments": len(rows)},
            )
        ],
    )


# After `segments`: a recording whose transcription failed leaves nothing in the index.
@recording_asset(deps=[segments])
def document_index(
    context: AssetExecutionContext,
    db: DatabaseResource,
    streams: StreamsResource,
    object_store: ObjectStoreResource,
    search_index: SearchIndexResource,
) -> MaterializeResult:
    """Chunk the recording's context documents (text, Markdown, PDF, DOCX: parsed by
    st_resources.naming.documents) by paragraphs (~200 words) into the `documents`
    collection; a document that cannot be read is skipped and named in the metadata."""
    tid = transcript_id(context)
    with db.session() as session:
        row = transcripts.get(session, tid)
        info, status = transcript_info(row), row.status
        documents = [(d.id, d.filename, d.object_key) for d in row.documents]
    with _tracked(context, db, streams, Stage.DOCUMENT_INDEXING, status):
        embedder = search_index.embedder()
        keywords = get_keywords()
        texts, errors = stored_texts(object_store.store(), [(f, k) for _, f, k in documents])
        for exc in errors:
            context.log.warning(str(exc))
        skipped = [exc.filename for exc in errors]
        points = []
        for document_id, filename, key in documents:
            if key in texts:
                chunks = chunk_paragraphs(texts[key])
                points += document_points(
                    embedder, keywords, info, str(document_id), filename, chunks
                )
        with search_index.writing() as store:
            store.replace_transcript(DOCUMENTS, info.id, points)
        with db.session() as session:
            forget_if_deleted(session, store, tid)
    return MaterializeResult(
        metadata={
            "documents": len(documents) - len(skipped),
            "chunks": len(points),
            "skipped": ", ".join(skipped) or "none",
            "embedding_model": embedder.fingerprint,
        }
    )


def reindex_requests(
    instance: DagsterInstance,
    job_name: str,
    store: VectorStore | None = None,
    fingerprint: str | None = None,
) -> list[RunRequest] | SkipReason:
    """A run of `job_name` (reindex) for each recording whose points another embedding model made.

    Stale partitions come from the index itself (points whose `embedding_model` differs
    from the configured one), so the set shrinks as runs finish. Partitions that already
    have a reindex run for this model (queued, running or done) are not asked again: a
    schedule's run_key only deduplicates within one tick."""
    fingerprint = fingerprint or model_fingerprint()
    store = store or open_store()
    try:
        stale = store.stale_transcripts(fingerprint)
    finally:
        store.release()  # the API may be waiting for the embedded store
    if not stale:
        return SkipReason(f"every indexed point is from {fingerprint}")
    known = set(instance.get_dynamic_partitions(recordings.name))
    asked = {
        record.dagster_run.tags.get("dagster/partition")
        for record in instance.get_run_records(
            filters=RunsFilter(job_name=job_name, tags={MODEL_TAG: fingerprint})
        )
    }
    todo = sorted((stale & known) - asked)
    if not todo:
        return SkipReason(f"{len(stale)} stale recordings, all already requested or unknown")
    return [
        RunRequest(
            partition_key=key,
            run_key=f"{fingerprint}:{key}",
            tags={MODEL_TAG: fingerprint, "transcript_id": key},
        )
        for key in todo[:MAX_REINDEX_REQUESTS]
    ]
