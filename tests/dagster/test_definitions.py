from dagster import AssetKey, DynamicPartitionsDefinition

from st_assets.definitions import defs


def test_definitions_load_with_the_recording_graph():
    job = defs.resolve_job_def("recording_pipeline")
    assert isinstance(job.partitions_def, DynamicPartitionsDefinition)
    assert job.partitions_def.name == "recordings"
    graph = defs.resolve_asset_graph()
    keys = {key.to_user_string() for key in graph.get_all_asset_keys()}
    assert {
        "audio",
        "asr_segments",
        "segments",
        "speaker_identities",
        "voiceprints",
        "clean_transcript",
        "segment_index",
        "transcript",
    } <= keys
    # Names and cleaned text reach the index before the recording counts as done.
    index_parents = {k.to_user_string() for k in graph.get(AssetKey("segment_index")).parent_keys}
    assert {"llm_identities", "clean_transcript"} <= index_parents

    # The transcript is readable before the LLM stages: they are downstream of it, and it
    # is downstream of none of them.
    def upstream(key: str) -> set[str]:
        seen, todo = set(), [AssetKey(key)]
        while todo:
            for parent in graph.get(todo.pop()).parent_keys:
                if parent.to_user_string() not in seen:
                    seen.add(parent.to_user_string())
                    todo.append(parent)
        return seen

    assert {"segments", "speaker_identities"} <= upstream("readable_transcript")
    assert not {"llm_identities", "clean_transcript", "segment_index"} & upstream(
        "readable_transcript"
    )
    for enrichment in ("llm_identities", "clean_transcript", "segment_index", "voiceprints"):
        assert "readable_transcript" in upstream(enrichment)
    assert {s.name for s in defs.sensors} == {
        "workflow_events_sensor",
        "lost_uploads_sensor",
        "speaker_names_sensor",
        "deleted_recordings_sensor",
        "mark_failed_runs",
    }
