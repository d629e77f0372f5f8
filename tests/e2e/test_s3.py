"""The same end-to-end path with the object store on S3 (a moto server)."""

import boto3
import pytest

from tests.e2e.conftest import follow_events, get_transcript, start_stack, upload
from tests.e2e.test_transcribe import wer
from tests.speech import ENGLISH_MEETING, synthesize

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def s3_stack(gpu_url, log_dir, moto_s3):
    stack = start_stack("s3", gpu_url, log_dir, **moto_s3)
    yield stack
    stack.stop()


def test_upload_through_s3(s3_stack, tenant, speech_dir, moto_s3):
    tenant_id, token = tenant
    clip = synthesize(ENGLISH_MEETING, speech_dir / "meeting-en-s3.wav")
    accepted = upload(s3_stack.api_url, token, clip, "en", "S3 meeting")
    events = follow_events(s3_stack.api_url, token, accepted["events_url"])
    assert events[-1][1]["status"] == "completed", events

    detail = get_transcript(s3_stack.api_url, token, accepted["id"])
    assert wer(ENGLISH_MEETING, detail["segments"]) <= 0.20

    s3 = boto3.client(
        "s3",
        endpoint_url=moto_s3["AWS_ENDPOINT_URL"],
        region_name=moto_s3["AWS_REGION"],
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    keys = [o["Key"] for o in s3.list_objects_v2(Bucket=moto_s3["AWS_S3_BUCKET"])["Contents"]]
    prefix = f"tenants/{tenant_id}/transcripts/{accepted['id']}/"
    assert f"{prefix}original/meeting-en-s3.wav" in keys
    assert f"{prefix}audio16k.wav" in keys
    assert f"frames/asr_segments/{accepted['id']}.parquet" in keys
