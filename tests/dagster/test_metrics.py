"""The metric marts: `dbt build` (models, then their tests) through the Dagster assets on
the test database, and the metrics of a tenant whose recordings are known row by row."""

import pytest
from dagster import materialize
from sqlalchemy import text

from st_assets.metrics import metric_marts
from st_assets.metrics_definitions import defs as metrics_defs
from st_resources.db.session import session_scope
from tests.dagster.metrics_data import FINISHED, seed_tenant


@pytest.fixture(scope="module")
def tenant_id():
    return seed_tenant()[0]


def test_dbt_build_makes_the_marts_and_their_tests_pass(tenant_id, instance):
    result = materialize(
        [metric_marts], resources={"dbt": metrics_defs.resources["dbt"]}, instance=instance
    )
    assert result.success
    checks = [e for e in result.all_events if e.event_type_value == "ASSET_CHECK_EVALUATION"]
    assert checks and all(e.event_specific_data.passed for e in checks)
    names = {e.event_specific_data.check_name for e in checks}
    assert "marts_count_every_source_row" in names, names

    with session_scope() as session:
        day = session.execute(
            text("select * from metrics.daily_tenant_metrics where tenant_id = :t"),
            {"t": tenant_id},
        ).one()
        chat = session.execute(
            text("select * from metrics.daily_chat_metrics where tenant_id = :t"),
            {"t": tenant_id},
        ).one()
    assert day.metric_date == FINISHED.date()
    assert (day.recordings_finished, day.recordings_failed) == (3, 1)
    assert day.recordings_with_llm_fallback == 1
    assert day.error_rate == pytest.approx(1 / 3)
    assert day.audio_hours == pytest.approx(900 / 3600)
    assert day.processing_s_per_audio_hour == pytest.approx(90 / 900 * 3600)
    assert day.rag_overhead_s_per_audio_hour == pytest.approx(6 / 900 * 3600)
    # 3 of 5 voices: the two a person reviewed were the voiceprints' names
    assert day.voiceprint_match_rate == pytest.approx(3 / 5)
    assert day.rag_enrichment_rate == pytest.approx(1 / 3)  # the recording with documents
    assert day.named_rate == pytest.approx(4 / 7)
    assert day.mean_speakers == pytest.approx(3.5)
    assert (day.voiceprint_names_reviewed, day.names_reviewed) == (2, 3)
    assert day.mean_pooling_accuracy == pytest.approx(1 / 2)
    assert day.auto_naming_accuracy == pytest.approx(1 / 3)
    assert (chat.answers, chat.found_rate, chat.answers_degraded) == (2, 0.5, 1)
    assert (chat.ratings, chat.mean_rating) == (1, 1.0)


def test_the_marts_follow_the_transcript_asset():
    """The dbt source app.transcripts is the recording graph's `transcript` asset."""
    graph = metrics_defs.resolve_asset_graph()
    marts = {"daily_tenant_metrics", "daily_chat_metrics", "stage_speed", "processing_metrics"}
    upstream = set()
    todo = [k for k in graph.get_all_asset_keys() if k.to_user_string() in marts]
    assert len(todo) == len(marts)
    while todo:
        for parent in graph.get(todo.pop()).parent_keys:
            upstream.add(parent.to_user_string())
            todo.append(parent)
    assert "transcript" in upstream


def test_the_marts_are_rebuilt_once_per_batch_of_finished_recordings(tenant_id, instance):
    from dagster import build_sensor_context

    sensor = metrics_defs.resolve_sensor_def("metrics_refresh")
    first = sensor(
        build_sensor_context(instance=instance, resources={"db": metrics_defs.resources["db"]})
    )
    (request,) = first.run_requests
    again = sensor(
        build_sensor_context(
            instance=instance, cursor=first.cursor, resources={"db": metrics_defs.resources["db"]}
        )
    )
    assert not again.run_requests and again.skip_reason  # nothing finished since
    assert request.run_key == first.cursor
