"""The object store contract, on a local directory and on S3 (a moto server, not a mock)."""

import os
from pathlib import Path

import pytest

from st_resources.clients.storage import (
    CHUNK_BYTES,
    LocalObjectStore,
    ObjectNotFound,
    S3ObjectStore,
    store_from_settings,
)


@pytest.fixture(params=["local", "s3"])
def store(request, tmp_path, moto_s3, monkeypatch):
    if request.param == "local":
        return LocalObjectStore(tmp_path / "objects")
    for name, value in moto_s3.items():
        monkeypatch.setenv(name, value)
    return S3ObjectStore(
        moto_s3["AWS_S3_BUCKET"], moto_s3["AWS_REGION"], moto_s3["AWS_ENDPOINT_URL"]
    )


def test_round_trip_list_and_delete(store, tmp_path):
    source = tmp_path / "in.bin"
    source.write_bytes(b"\x00\x01" * 1000)
    store.put_file("tenants/a/t1/audio.wav", source)
    store.put_bytes("tenants/a/t1/context/agenda.txt", b"agenda")
    store.put_bytes("tenants/a/t2/audio.wav", b"other")

    assert store.exists("tenants/a/t1/audio.wav")
    assert store.get_bytes("tenants/a/t1/context/agenda.txt") == b"agenda"
    out = store.download("tenants/a/t1/audio.wav", tmp_path / "out.bin")
    assert out.read_bytes() == source.read_bytes()
    assert store.list("tenants/a/t1/") == [
        "tenants/a/t1/audio.wav",
        "tenants/a/t1/context/agenda.txt",
    ]

    assert store.delete_prefix("tenants/a/t1/") == 2
    assert not store.exists("tenants/a/t1/audio.wav")
    assert store.exists("tenants/a/t2/audio.wav")
    with pytest.raises(ObjectNotFound):
        store.get_bytes("tenants/a/t1/audio.wav")
    store.ping()


@pytest.mark.parametrize(
    "key", ["../outside.txt", "tenants/a/t1/original/..", "tenants/a/./x", "/etc/x", "a//b", ""]
)
def test_keys_with_dot_or_empty_parts_are_refused(store, tmp_path, key):
    """ "original/.." once named the recording's own folder: the write failed with a
    server path, and the recording was lost."""
    with pytest.raises(ValueError, match="invalid object key"):
        store.put_bytes(key, b"x")
    assert not (tmp_path / "outside.txt").exists()


def test_streams_are_stored_whole_and_errors_name_the_key_not_the_path(store, tmp_path):
    data = os.urandom(3 * 1024 * 1024 + 7)
    source = tmp_path / "big.bin"
    source.write_bytes(data)
    with source.open("rb") as stream:
        store.put_stream("tenants/a/t1/original/big.bin", stream)
        assert not stream.closed  # the caller still reads it (size, hash): S3 once closed it
    assert store.get_bytes("tenants/a/t1/original/big.bin") == data
    if isinstance(store, LocalObjectStore):
        # An object where a folder must go: the OS error, without the server's path.
        with pytest.raises(OSError) as failed:
            store.put_bytes("tenants/a/t1/original/big.bin/inside", b"x")
        assert "tenants/a/t1/original/big.bin/inside" in str(failed.value)
        assert str(tmp_path) not in str(failed.value)


def test_ranged_reads_stream_exactly_the_bytes_asked_for(store):
    """What the audio route streams: a range, a chunk at a time, never the whole object."""
    data = os.urandom(2 * CHUNK_BYTES + 1000)
    key = "tenants/a/t1/original/meeting.wav"
    store.put_bytes(key, data)
    assert store.size(key) == len(data)

    chunks = list(store.read_range(key, 0, len(data) - 1))
    assert b"".join(chunks) == data
    assert len(chunks) == 3 and all(len(c) <= CHUNK_BYTES for c in chunks)
    for first, last in [(0, 0), (10, 19), (CHUNK_BYTES - 5, CHUNK_BYTES + 5), (len(data) - 1,) * 2]:
        assert b"".join(store.read_range(key, first, last)) == data[first : last + 1]
    # Past the end: what there is, then nothing, as a file would give.
    assert b"".join(store.read_range(key, len(data) - 3, len(data) + 100)) == data[-3:]
    assert b"".join(store.read_range(key, len(data) + 10, len(data) + 20)) == b""
    with pytest.raises(ValueError, match="invalid byte range"):
        store.read_range(key, 5, 4)

    # A reader that stops early (a player seeking elsewhere) leaves nothing open.
    partial = store.read_range(key, 0, len(data) - 1)
    assert len(next(partial)) == CHUNK_BYTES
    partial.close()

    missing = "tenants/a/t1/original/gone.wav"
    with pytest.raises(ObjectNotFound):
        store.size(missing)
    with pytest.raises(ObjectNotFound):
        store.read_range(missing, 0, 10)  # at once, before any byte is sent


def test_settings_choose_s3_when_a_bucket_is_set(moto_s3, monkeypatch):
    from st_resources.settings import Settings

    for name, value in moto_s3.items():
        monkeypatch.setenv(name, value)
    assert isinstance(store_from_settings(Settings()), S3ObjectStore)
    for name in moto_s3:
        monkeypatch.delenv(name)
    local = store_from_settings(Settings())
    assert isinstance(local, LocalObjectStore)
    assert local.root == Path(os.environ["STORAGE_DIR"])
