"""Re-materialising a partition replaces its rows: same segments, never duplicated."""

import pytest
from dagster import DagsterInstance, materialize
from sqlalchemy import func, select

from st_assets.jobs import recording_assets
from st_resources.db.models import Segment, Transcript
from st_resources.db.session import session_scope
from tests.speech import ENGLISH_MEETING, synthesize

pytestmark = pytest.mark.e2e


def test_rematerializing_a_partition_never_duplicates(
    gpu_url, recording, speech_dir, pipeline_resources
):
    clip = synthesize(ENGLISH_MEETING[:3], speech_dir / "rematerialize.wav")
    tid = recording(clip.read_bytes())
    texts = []
    with DagsterInstance.ephemeral() as instance:
        instance.add_dynamic_partitions("recordings", [str(tid)])
        for _ in range(2):
            result = materialize(
                recording_assets,
                partition_key=str(tid),
                instance=instance,
                resources=pipeline_resources(meetnoo_api_url=gpu_url),
            )
            assert result.success
            with session_scope() as session:
                rows = session.scalars(
                    select(Segment).where(Segment.transcript_id == tid).order_by(Segment.idx)
                ).all()
                texts.append([r.text for r in rows])
                status = session.get(Transcript, tid).status
                count = session.scalar(
                    select(func.count()).select_from(Segment).where(Segment.transcript_id == tid)
                )
            assert status == "completed"
            assert count == len(rows) > 0
    assert texts[0] == texts[1]
