"""After a diarization change, one backfill re-runs speaker_turns and what depends on it
for every recording, on the real daemon, without redoing decoding or ASR."""

import subprocess
import time

import pytest
from dagster import AssetKey, DagsterRunStatus, RunsFilter

from tests.e2e.conftest import follow_events, get_transcript, upload
from tests.speech import ENGLISH_MEETING, synthesize
from tests.stack import BIN, ROOT

pytestmark = pytest.mark.e2e


def materializations(instance, asset: str, partition: str) -> int:
    from dagster import AssetRecordsFilter

    records = instance.fetch_materializations(
        AssetRecordsFilter(asset_key=AssetKey(asset), asset_partitions=[partition]), limit=100
    )
    return len(records.records)


def test_rediarize_backfill_covers_every_recording(local_stack, tenant, speech_dir):
    _, token = tenant
    clip = synthesize(ENGLISH_MEETING[:2], speech_dir / "backfill.wav")
    ids = []
    for i in range(2):
        accepted = upload(local_stack.api_url, token, clip, "en", f"backfill {i}")
        assert follow_events(local_stack.api_url, token, accepted["events_url"])[-1][0] == "final"
        ids.append(accepted["id"])
    before = {tid: get_transcript(local_stack.api_url, token, tid) for tid in ids}

    subprocess.run(
        [
            str(BIN / "dagster"),
            "job",
            "backfill",
            "-w",
            str(ROOT / "workspace.yaml"),
            "-l",
            "smart_transcription",  # the recordings' location (the other holds the marts)
            "-j",
            "rediarize",
            "--partitions",
            ",".join(ids),
            "--noprompt",
        ],
        env=local_stack.env,
        check=True,
        capture_output=True,
        timeout=120,
    )

    instance = local_stack.instance()
    try:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            runs = instance.get_runs(RunsFilter(job_name="rediarize"))
            if len(runs) == len(ids) and all(r.is_finished for r in runs):
                break
            time.sleep(1)
        assert sorted(r.tags["dagster/partition"] for r in runs) == sorted(ids)
        assert all(r.status == DagsterRunStatus.SUCCESS for r in runs)
        assert all("dagster/backfill" in r.tags for r in runs)
        assert len({r.tags["dagster/backfill"] for r in runs}) == 1
        for tid in ids:
            assert materializations(instance, "speaker_turns", tid) == 2
            assert materializations(instance, "speaker_embeddings", tid) == 2
            assert materializations(instance, "audio", tid) == 1
            assert materializations(instance, "asr_segments", tid) == 1
    finally:
        instance.dispose()
    for tid in ids:
        after = get_transcript(local_stack.api_url, token, tid)
        assert after["status"] == "completed"
        assert [s["text"] for s in after["segments"]] == [
            s["text"] for s in before[tid]["segments"]
        ]
