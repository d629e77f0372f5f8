from dagster import DynamicPartitionsDefinition

from st_assets.definitions import defs


def test_definitions_load_with_the_recording_graph():
    job = defs.resolve_job_def("recording_pipeline")
    assert isinstance(job.partitions_def, DynamicPartitionsDefinition)
    assert job.partitions_def.name == "recordings"
    graph = defs.resolve_asset_graph()
    keys = {key.to_user_string() for key in graph.get_all_asset_keys()}
    assert {"audio", "asr_segments", "segments", "transcript"} <= keys
    assert {s.name for s in defs.sensors} == {"workflow_events_sensor", "mark_failed_runs"}
