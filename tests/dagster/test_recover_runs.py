"""`st recover-runs`: runs a stopped stack left in progress are failed at start-up (their
workers are gone, and nothing else would ever free their queue slots); the rest stay."""

from dagster import DagsterRun, DagsterRunStatus

from st_resources.cli import fail_orphaned_runs


def test_runs_left_in_progress_are_failed_and_the_rest_kept(instance):
    statuses = {
        "started": DagsterRunStatus.STARTED,
        "starting": DagsterRunStatus.STARTING,
        "canceling": DagsterRunStatus.CANCELING,
        "not_started": DagsterRunStatus.NOT_STARTED,
        "done": DagsterRunStatus.SUCCESS,
    }
    for run_id, status in statuses.items():
        instance.add_run(DagsterRun(job_name="recording_job", run_id=run_id, status=status))

    assert fail_orphaned_runs(instance) == 3
    after = {run_id: instance.get_run_by_id(run_id).status for run_id in statuses}
    assert after == {
        "started": DagsterRunStatus.FAILURE,
        "starting": DagsterRunStatus.FAILURE,
        "canceling": DagsterRunStatus.FAILURE,
        "not_started": DagsterRunStatus.NOT_STARTED,  # never launched: left to the queue
        "done": DagsterRunStatus.SUCCESS,
    }
    assert fail_orphaned_runs(instance) == 0
