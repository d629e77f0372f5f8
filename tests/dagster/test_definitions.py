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


def test_the_recordings_location_does_not_load_dbt():
    """A recording's run worker loads its whole code location: dbt was 1.4 s of its 3.4 s
    start. The marts are the metrics location's."""
    import subprocess
    import sys

    probe = "import sys, st_assets.definitions; print('dbt' in sys.modules)"
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert loaded.returncode == 0, loaded.stderr
    assert loaded.stdout.split()[-1] == "False"
    from st_assets.metrics_definitions import defs as metrics

    assert {s.name for s in metrics.sensors} == {"metrics_refresh"}
    assert metrics.resolve_job_def("metrics")


def test_a_name_on_two_speakers_fails_its_check():
    """Two speakers of one recording under one name (not set by hand) is a merge or a
    wrong name: the asset check says so in the Dagster UI."""
    from st_assets.naming import _one_speaker_per_name
    from st_resources.naming.assign import Identity
    from st_resources.naming.identify import Naming

    def naming(*identities: Identity) -> Naming:
        return Naming({i.label: i for i in identities}, None, "")

    twice = naming(
        Identity("S0", "Marie Dupont", "rag", 0.9),
        Identity("S1", "marie dupont", "voiceprint", 0.95),
        Identity("S2", None, "unknown", 0.0),
    )
    result = _one_speaker_per_name(twice)
    assert not result.passed and "marie dupont" in result.metadata["names_on_two_speakers"].text
    by_hand = naming(
        Identity("S0", "Marie Dupont", "manual", 1.0), Identity("S1", "Marie Dupont", "manual", 1)
    )
    assert _one_speaker_per_name(by_hand).passed
    assert {c.name for c in defs.resolve_asset_graph().asset_check_keys} >= {
        "one_speaker_per_name",
        "speech_found_is_transcribed",
        "every_word_has_a_speaker",
        "index_matches_segments",
    }
