"""A recording run past its time limit is failed by Dagster's run monitoring, in a way
run retries start again: its worker may have died unseen (the code server restarted
under it), and its queue slot would otherwise stay taken forever."""

import logging
import time
from pathlib import Path

import yaml
from dagster import DagsterRun, DagsterRunStatus, instance_for_test
from dagster._core.events import DagsterEvent, DagsterEventType
from dagster._daemon.monitoring.run_monitoring import check_run_timeout

import st_resources
from st_resources.settings import Settings
from st_sensors.workflow import MAX_RUNTIME_TAG, WILL_RETRY_TAG, run_tags


def test_a_run_is_given_a_time_limit_from_its_length():
    settings = Settings()
    ten_minutes = int(run_tags("t", "x", 600.0)[MAX_RUNTIME_TAG])
    assert ten_minutes == settings.run_time_limit_s(600.0)
    assert ten_minutes > 600.0 * 2  # well above the slowest processing seen (0.8 s a second)
    # A recording of unknown length counts as the longest accepted.
    unknown = int(run_tags("t", "x", None)[MAX_RUNTIME_TAG])
    assert unknown == settings.run_time_limit_s(settings.max_audio_minutes * 60) > ten_minutes


def _monitoring_config() -> dict:
    """run_monitoring and run_retries as `st dagster-home` writes them."""
    template = (Path(st_resources.__file__).parent / "dagster.yaml.tmpl").read_text()
    rendered = yaml.safe_load(
        template.format(
            postgres_url="unused", max_concurrent_runs=2, runs_per_tenant=1, max_runtime_s=3600
        )
    )
    return {key: rendered[key] for key in ("run_monitoring", "run_retries")}


def test_a_run_past_its_limit_is_failed_and_retried():
    with instance_for_test(overrides=_monitoring_config()) as instance:
        assert instance.run_monitoring_max_runtime_seconds == 3600
        tags = {**run_tags("t", "x", 0.0), MAX_RUNTIME_TAG: "1"}
        run = instance.add_run(
            DagsterRun(
                job_name="recording_job",
                run_id="stuck",
                status=DagsterRunStatus.STARTING,
                tags=tags,
            )
        )
        instance.report_dagster_event(
            DagsterEvent(DagsterEventType.RUN_START.value, job_name=run.job_name),
            run_id=run.run_id,
        )
        record = instance.get_run_record_by_id(run.run_id)
        check_run_timeout(instance, record, logging.getLogger("test"), 3600.0)
        assert instance.get_run_by_id(run.run_id).status == DagsterRunStatus.STARTED  # in time

        time.sleep(1.2)
        record = instance.get_run_record_by_id(run.run_id)
        check_run_timeout(instance, record, logging.getLogger("test"), 3600.0)
        failed = instance.get_run_record_by_id(run.run_id)
        assert failed.dagster_run.status == DagsterRunStatus.FAILURE
        assert failed.dagster_run.tags.get(WILL_RETRY_TAG) == "true"  # run_retries starts it again
