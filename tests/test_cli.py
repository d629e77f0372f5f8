"""The upload form `st transcribe` (and `make demo`) sends."""

import pytest
import typer

from st_resources.cli import upload_form


def test_a_known_count_is_both_bounds_and_absent_bounds_are_not_sent():
    assert upload_form("en", "t", speakers=3) == {
        "language": "en",
        "title": "t",
        "min_speakers": 3,
        "max_speakers": 3,
    }
    assert upload_form("fr", "t", max_speakers=4) == {
        "language": "fr",
        "title": "t",
        "max_speakers": 4,
    }
    assert upload_form("auto", "t") == {"language": "auto", "title": "t"}


def test_a_count_and_bounds_together_are_refused():
    with pytest.raises(typer.BadParameter, match="not both"):
        upload_form("en", "t", speakers=2, min_speakers=1)


def test_dagster_home_limits_the_runs_of_one_tenant(tmp_path):
    """One tenant's burst of uploads leaves a run slot to the others."""
    import os
    import subprocess

    from dagster import DagsterInstance

    from tests.stack import BIN

    env = dict(os.environ, DAGSTER_HOME=str(tmp_path))
    subprocess.run(
        [str(BIN / "st"), "dagster-home", "--max-concurrent-runs", "3"],
        env=env,
        check=True,
        capture_output=True,
    )
    config = DagsterInstance.from_config(str(tmp_path)).run_coordinator.get_run_queue_config()
    assert config.max_concurrent_runs == 3
    assert config.tag_concurrency_limits == [
        {"key": "tenant_id", "value": {"applyLimitPerUniqueValue": True}, "limit": 2}
    ]
