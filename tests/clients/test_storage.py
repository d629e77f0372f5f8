"""The object store contract, on a local directory and on S3 (a moto server, not a mock)."""

import os
from pathlib import Path

import pytest

from st_resources.clients.storage import (
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


def test_local_store_refuses_keys_that_escape_its_root(tmp_path):
    store = LocalObjectStore(tmp_path / "objects")
    with pytest.raises(ValueError, match="escapes"):
        store.put_bytes("../outside.txt", b"x")
    assert not (tmp_path / "outside.txt").exists()


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
