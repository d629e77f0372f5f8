"""The index assets materialised in-process on real PostgreSQL, Redis, the embedded store
and the packaged embedding model; the reindex schedule on a real ephemeral instance."""

import uuid

import pytest
from dagster import (
    RunRequest,
    SkipReason,
    build_schedule_context,
    instance_for_test,
    materialize,
)

from st_assets import index
from st_assets.definitions import defs
from st_assets.jobs import reindex, reindex_on_model_change
from st_resources.clients.embeddings import model_fingerprint
from st_resources.clients.storage import recording_prefix, store_from_settings
from st_resources.clients.streams import get_redis, read_progress
from st_resources.db.models import ContextDocument, Transcript
from st_resources.db.session import session_scope
from st_resources.search import DOCUMENTS, SEGMENTS, TRANSCRIPTS, SearchFilter, open_store, search
from st_resources.transcripts import store as transcripts

LINES = [
    ("SPEAKER_00", "Bonjour, nous faisons le point sur la migration du site web."),
    ("SPEAKER_01", "La nouvelle version du site sera en ligne le quinze juin."),
    ("SPEAKER_00", "Il reste à traduire les pages produit en allemand."),
    ("SPEAKER_01", "Le prestataire demande un budget supplémentaire de cinq mille euros."),
    ("SPEAKER_00", "Merci à tous, on se revoit la semaine prochaine."),
]


@pytest.fixture
def meeting(tenant):
    """A transcript with segment rows, as the pipeline leaves it before indexing."""

    def make(status: str = "processing", lines=LINES) -> uuid.UUID:
        tenant_id, _ = tenant
        tid = uuid.uuid4()
        with session_scope() as session:
            session.add(
                Transcript(
                    id=tid,
                    tenant_id=tenant_id,
                    project_id="web",
                    title="Point migration site",
                    language="fr",
                    status=status,
                    audio_key=recording_prefix(str(tenant_id), str(tid)) + "original/a.wav",
                    audio_filename="a.wav",
                    audio_bytes=1,
                    timings={},
                )
            )
            session.flush()
            transcripts.replace_segments(
                session,
                tid,
                [
                    {
                        "idx": i,
                        "start_s": 6.0 * i,
                        "end_s": 6.0 * i + 5,
                        "text": text,
                        "words": [],
                        "speaker": speaker,
                    }
                    for i, (speaker, text) in enumerate(lines)
                ],
            )
        return tid

    return make


def run(instance, asset, tid):
    instance.add_dynamic_partitions("recordings", [str(tid)])
    result = materialize(
        [asset], partition_key=str(tid), instance=instance, resources=defs.resources
    )
    assert result.success
    return result


def check_passed(result) -> bool:
    (evaluation,) = result.get_asset_check_evaluations()
    assert evaluation.check_name == "index_matches_segments"
    return evaluation.passed


def test_segment_index_twice_leaves_the_same_points(instance, meeting, tenant):
    tid = meeting()
    store = open_store()
    first = run(instance, index.segment_index, tid)
    assert store.count(SEGMENTS, transcript_id=str(tid)) == len(LINES)
    assert store.count(TRANSCRIPTS, transcript_id=str(tid)) == 1
    assert check_passed(first)

    second = run(instance, index.segment_index, tid)
    assert store.count(SEGMENTS, transcript_id=str(tid)) == len(LINES)
    assert store.count(TRANSCRIPTS, transcript_id=str(tid)) == 1
    assert check_passed(second)
    metadata = second.asset_materializations_for_node("segment_index")[0].metadata
    assert metadata["embedding_model"].value == model_fingerprint()

    # Searchable, by this tenant only.
    tenant_id, _ = tenant
    hits = search(
        store,
        defs.resources["search_index"].embedder(),
        "when does the new website go live?",
        SearchFilter(tenant_id=str(tenant_id)),
    )
    assert hits[0].payload["text"] == LINES[1][1]
    assert hits[0].payload["title"] == "Point migration site"

    # In the pipeline the asset is a progress stage.
    events = [(e.stage, e.status) for _, e in read_progress(get_redis(), str(tid))]
    assert events.count(("indexing", "completed")) == 2

    # A re-run after the segments changed mirrors the database again.
    with session_scope() as session:
        transcripts.replace_segments(
            session, tid, [{"idx": 0, "start_s": 0, "end_s": 1, "text": "Bonjour.", "words": []}]
        )
    assert check_passed(run(instance, index.segment_index, tid))
    assert store.count(SEGMENTS, transcript_id=str(tid)) == 1


def test_reindexing_a_finished_transcript_leaves_its_status_and_stream_alone(instance, meeting):
    tid = meeting(status="completed")
    run(instance, index.segment_index, tid)
    with session_scope() as session:
        assert transcripts.get(session, tid).status == "completed"
    assert list(read_progress(get_redis(), str(tid))) == []
    assert open_store().count(SEGMENTS, transcript_id=str(tid)) == len(LINES)


def test_a_transcript_without_segments_has_no_points(instance, meeting):
    tid = meeting(status="failed", lines=[])
    result = run(instance, index.segment_index, tid)
    assert check_passed(result)
    assert open_store().count(SEGMENTS, transcript_id=str(tid)) == 0
    with session_scope() as session:
        assert transcripts.get(session, tid).status == "failed"


def test_document_index_chunks_documents_and_skips_unreadable_ones(instance, meeting, tenant):
    tid = meeting()
    tenant_id, _ = tenant
    objects = store_from_settings()
    paragraph = "Ordre du jour : migration du site, traduction en allemand, budget. " * 12
    files = {
        "agenda.md": ("text/markdown", f"# Ordre du jour\n\n{paragraph}\n\n{paragraph}".encode()),
        "attendees.txt": ("text/plain", b"Participants : Marie Dupont, Luc Bernard."),
        "minutes.pdf": ("application/pdf", b"%PDF-1.4 truncated, unreadable"),
    }
    with session_scope() as session:
        for name, (content_type, data) in files.items():
            key = recording_prefix(str(tenant_id), str(tid)) + f"context/{name}"
            objects.put_bytes(key, data)
            session.add(
                ContextDocument(
                    transcript_id=tid,
                    tenant_id=tenant_id,
                    filename=name,
                    content_type=content_type,
                    object_key=key,
                    size_bytes=len(data),
                    sha256="0" * 64,
                )
            )
    for _ in range(2):
        result = run(instance, index.document_index, tid)
        metadata = result.asset_materializations_for_node("document_index")[0].metadata
        assert metadata["documents"].value == 2 and metadata["skipped"].value == "minutes.pdf"
        # agenda: heading + two ~130-word paragraphs → two chunks; attendees: one.
        assert open_store().count(DOCUMENTS, transcript_id=str(tid)) == metadata["chunks"].value
    assert metadata["chunks"].value == 3

    hits = search(
        open_store(),
        defs.resources["search_index"].embedder(),
        "Luc Bernard",
        SearchFilter(tenant_id=str(tenant_id)),
        collection=DOCUMENTS,
        mode="keyword",
    )
    assert hits[0].payload["filename"] == "attendees.txt"


@pytest.fixture
def persistent_instance():
    """Schedules evaluate against a persistent instance (a temporary one here)."""
    with instance_for_test() as inst:
        yield inst


def test_reindex_schedule_backfills_recordings_of_another_model(persistent_instance, meeting):
    instance = persistent_instance
    tid = meeting(status="completed")
    run(instance, index.segment_index, tid)
    current = model_fingerprint()

    # Nothing to do while the index is on the configured model.
    context = build_schedule_context(instance=instance)
    assert isinstance(reindex_on_model_change(context), SkipReason)

    # A new model: a run per stale recording, tagged with the model it moves to.
    requests = index.reindex_requests(instance, reindex.name, fingerprint="new-model@2")
    mine = [r for r in requests if r.partition_key == str(tid)]
    assert len(mine) == 1 and isinstance(mine[0], RunRequest)
    assert mine[0].run_key == f"new-model@2:{tid}"
    assert mine[0].tags[index.MODEL_TAG] == "new-model@2"

    # Once a reindex run for that model exists, the next tick does not ask again.
    job = defs.resolve_job_def("reindex")
    result = job.execute_in_process(
        partition_key=str(tid), instance=instance, tags={index.MODEL_TAG: "new-model@2"}
    )
    assert result.success
    later = index.reindex_requests(instance, reindex.name, fingerprint="new-model@2")
    assert isinstance(later, SkipReason) or str(tid) not in {r.partition_key for r in later}
    assert open_store().count(SEGMENTS, transcript_id=str(tid)) == len(LINES)
    assert current in open_store().embedding_models()
