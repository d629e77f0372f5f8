"""`audio`: the uploaded file decoded once to 16 kHz mono, with its duration and checksum."""

import hashlib
import tempfile
import wave
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pandas as pd
from dagster import AssetExecutionContext

from st_assets.partitions import REMOTE_RETRY, recording_asset
from st_assets.tracking import gone_is_final, stage, transcript_id
from st_resources.audio import SAMPLE_RATE, decode_16k_mono
from st_resources.clients.storage import recording_prefix
from st_resources.clients.streams import Stage
from st_resources.dagster import DatabaseResource, ObjectStoreResource, StreamsResource
from st_resources.transcripts import store as transcripts


def _write_wav(path: Path, samples: np.ndarray) -> None:
    pcm = (np.clip(samples, -1.0, 1.0) * 32767).astype("<i2")
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(SAMPLE_RATE)
        wav.writeframes(pcm.tobytes())


@contextmanager
def local_audio(object_store: ObjectStoreResource, audio_frame: pd.DataFrame) -> Iterator[Path]:
    """The decoded 16 kHz recording as a temporary local file, for a stage to send on."""
    with tempfile.TemporaryDirectory() as tmp:
        key = audio_frame.iloc[0]["audio_key"]
        yield object_store.store().download(key, Path(tmp) / "audio16k.wav")


@recording_asset(io_manager_key="frames_io_manager")
def audio(
    context: AssetExecutionContext,
    db: DatabaseResource,
    streams: StreamsResource,
    object_store: ObjectStoreResource,
) -> pd.DataFrame:
    tid = transcript_id(context)
    with gone_is_final(Stage.AUDIO), db.session() as session:
        row = transcripts.get(session, tid)
        tenant_id, source_key, language = row.tenant_id, row.audio_key, row.language
        transcripts.mark_processing(session, tid)
    store = object_store.store()
    with stage(context, db, streams, Stage.AUDIO, REMOTE_RETRY.max_retries):
        with tempfile.TemporaryDirectory() as tmp:
            original = store.download(source_key, Path(tmp) / "original")
            with original.open("rb") as fh:
                sha256 = hashlib.file_digest(fh, "sha256").hexdigest()
            samples = decode_16k_mono(original, object_store.max_audio_minutes * 60)
            decoded = Path(tmp) / "audio16k.wav"
            _write_wav(decoded, samples)
            decoded_key = recording_prefix(str(tenant_id), str(tid)) + "audio16k.wav"
            store.put_file(decoded_key, decoded)
        duration = len(samples) / SAMPLE_RATE
        with db.session() as session:
            transcripts.update_fields(session, tid, duration_s=duration, audio_sha256=sha256)
    context.add_output_metadata({"duration_s": round(duration, 2), "sha256": sha256})
    return pd.DataFrame(
        [
            {
                "transcript_id": str(tid),
                "tenant_id": str(tenant_id),
                "audio_key": decoded_key,
                "sample_rate": SAMPLE_RATE,
                "duration_s": duration,
                "sha256": sha256,
                "language": language,
            }
        ]
    )
