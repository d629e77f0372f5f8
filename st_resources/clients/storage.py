"""Object store for audio, context documents and Parquet frames.

A local directory by default; S3 (or any S3-compatible store: MinIO, moto) when
AWS_S3_BUCKET is set. Both expose the same small interface so callers never branch.

Keys are checked the same way for both (`check_key`): relative, no empty, "." or ".."
part, so no key names a folder or a place outside its recording's prefix. Uploads are
streamed (`put_stream`), never held whole in memory, and so are reads of a byte range
(`read_range`: a browser playing a multi-hour recording asks for it piece by piece). The
local store's errors name the key, never the server's path: they end up in a recording's
error, which users read.
"""

from __future__ import annotations

import contextlib
import shutil
from abc import ABC, abstractmethod
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

from st_resources.settings import Settings, get_settings


class ObjectNotFound(KeyError):
    pass


CHUNK_BYTES = 256 * 1024  # what a ranged read yields at a time


class StorageError(OSError):
    """A store operation that failed, described by its key."""


def check_key(key: str) -> str:
    """The key itself, or ValueError when it is absolute or has an empty, "." or ".." part."""
    parts = key.split("/")
    if not key or key.startswith("/") or any(p in ("", ".", "..") for p in parts):
        raise ValueError(f"invalid object key: {key!r}")
    return key


class ObjectStore(ABC):
    @abstractmethod
    def put_file(self, key: str, path: Path) -> None: ...

    @abstractmethod
    def put_bytes(self, key: str, data: bytes) -> None: ...

    @abstractmethod
    def put_stream(self, key: str, stream: BinaryIO) -> None:
        """Copy a readable stream from where it stands, in chunks."""

    @abstractmethod
    def get_bytes(self, key: str) -> bytes: ...

    @abstractmethod
    def size(self, key: str) -> int:
        """The object's length in bytes; ObjectNotFound when there is none."""

    @abstractmethod
    def read_range(self, key: str, first: int, last: int) -> Iterator[bytes]:
        """Bytes `first` to `last` inclusive (as HTTP and S3 ranges count), in chunks of at
        most CHUNK_BYTES; fewer where the object ends before `last`. The object is opened
        before this returns (ObjectNotFound then, not halfway through a response)."""

    @abstractmethod
    def download(self, key: str, path: Path) -> Path: ...

    @abstractmethod
    def exists(self, key: str) -> bool: ...

    @abstractmethod
    def delete_prefix(self, prefix: str) -> int:
        """Delete every object under `prefix`; returns how many were removed."""

    @abstractmethod
    def list(self, prefix: str) -> list[str]: ...

    @abstractmethod
    def ping(self) -> None:
        """Raise when the store cannot be reached (used by /health)."""


class LocalObjectStore(ObjectStore):
    def __init__(self, root: Path):
        self.root = Path(root)

    def _path(self, key: str) -> Path:
        path = (self.root / check_key(key)).resolve()
        if not path.is_relative_to(self.root.resolve()):
            raise ValueError(f"object key escapes the store: {key!r}")
        return path

    def _write(self, key: str, write) -> None:
        """`write(tmp)` to a temporary file beside the object, then renamed over it."""
        dest = self._path(key)
        tmp = dest.with_name(dest.name + ".part")
        try:
            dest.parent.mkdir(parents=True, exist_ok=True)
            write(tmp)
            tmp.replace(dest)
        except OSError as exc:
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)
            raise StorageError(f"could not store object {key!r}: {exc.strerror}") from exc

    def put_file(self, key: str, path: Path) -> None:
        self._write(key, lambda tmp: shutil.copyfile(path, tmp))

    def put_bytes(self, key: str, data: bytes) -> None:
        self._write(key, lambda tmp: tmp.write_bytes(data))

    def put_stream(self, key: str, stream: BinaryIO) -> None:
        def copy(tmp: Path) -> None:
            with tmp.open("wb") as out:
                shutil.copyfileobj(stream, out, 1 << 20)

        self._write(key, copy)

    def get_bytes(self, key: str) -> bytes:
        try:
            return self._path(key).read_bytes()
        except FileNotFoundError as exc:
            raise ObjectNotFound(key) from exc

    def size(self, key: str) -> int:
        path = self._path(key)
        if not path.is_file():
            raise ObjectNotFound(key)
        return path.stat().st_size

    def read_range(self, key: str, first: int, last: int) -> Iterator[bytes]:
        _check_range(first, last)
        try:
            stream = self._path(key).open("rb")
        except (FileNotFoundError, IsADirectoryError) as exc:
            raise ObjectNotFound(key) from exc
        stream.seek(first)
        return _chunks(stream, last - first + 1)

    def download(self, key: str, path: Path) -> Path:
        src = self._path(key)
        if not src.is_file():
            raise ObjectNotFound(key)
        shutil.copyfile(src, path)
        return path

    def exists(self, key: str) -> bool:
        return self._path(key).is_file()

    def list(self, prefix: str) -> list[str]:
        base = self.root.resolve()
        return sorted(
            str(p.relative_to(base))
            for p in base.rglob("*")
            if p.is_file() and str(p.relative_to(base)).startswith(prefix)
        )

    def delete_prefix(self, prefix: str) -> int:
        keys = self.list(prefix)
        for key in keys:
            self._path(key).unlink(missing_ok=True)
        return len(keys)

    def ping(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        if not self.root.is_dir():
            raise OSError(f"{self.root} is not a directory")


class S3ObjectStore(ObjectStore):
    def __init__(self, bucket: str, region: str, endpoint_url: str | None = None):
        self.bucket = bucket
        self.client = boto3.client(
            "s3",
            region_name=region,
            endpoint_url=endpoint_url,
            config=Config(retries={"max_attempts": 5, "mode": "standard"}, connect_timeout=5),
        )

    def put_file(self, key: str, path: Path) -> None:
        self.client.upload_file(str(path), self.bucket, check_key(key))

    def put_bytes(self, key: str, data: bytes) -> None:
        self.client.put_object(Bucket=self.bucket, Key=check_key(key), Body=data)

    def put_stream(self, key: str, stream: BinaryIO) -> None:
        # put_object streams the body and leaves the caller's stream open (upload_fileobj
        # closes it); one PUT takes up to 5 GB, far above the upload limit.
        self.client.put_object(Bucket=self.bucket, Key=check_key(key), Body=stream)

    def get_bytes(self, key: str) -> bytes:
        try:
            return self.client.get_object(Bucket=self.bucket, Key=key)["Body"].read()
        except ClientError as exc:
            if exc.response["Error"]["Code"] in ("NoSuchKey", "404"):
                raise ObjectNotFound(key) from exc
            raise

    def size(self, key: str) -> int:
        try:
            return self.client.head_object(Bucket=self.bucket, Key=key)["ContentLength"]
        except ClientError as exc:
            if exc.response["Error"]["Code"] in ("NoSuchKey", "404"):
                raise ObjectNotFound(key) from exc
            raise

    def read_range(self, key: str, first: int, last: int) -> Iterator[bytes]:
        _check_range(first, last)
        try:
            body = self.client.get_object(
                Bucket=self.bucket, Key=key, Range=f"bytes={first}-{last}"
            )["Body"]
        except ClientError as exc:
            code = exc.response["Error"]["Code"]
            if code in ("NoSuchKey", "404"):
                raise ObjectNotFound(key) from exc
            if code == "InvalidRange":  # `first` past the end: nothing, as from a file
                return iter(())
            raise
        return _chunks(body, last - first + 1)

    def download(self, key: str, path: Path) -> Path:
        try:
            self.client.download_file(self.bucket, key, str(path))
        except ClientError as exc:
            if exc.response["Error"]["Code"] in ("NoSuchKey", "404"):
                raise ObjectNotFound(key) from exc
            raise
        return path

    def exists(self, key: str) -> bool:
        try:
            self.client.head_object(Bucket=self.bucket, Key=key)
            return True
        except ClientError as exc:
            if exc.response["Error"]["Code"] in ("NoSuchKey", "404"):
                return False
            raise

    def list(self, prefix: str) -> list[str]:
        keys: list[str] = []
        for page in self.client.get_paginator("list_objects_v2").paginate(
            Bucket=self.bucket, Prefix=prefix
        ):
            keys.extend(obj["Key"] for obj in page.get("Contents", []))
        return keys

    def delete_prefix(self, prefix: str) -> int:
        keys = self.list(prefix)
        for start in range(0, len(keys), 1000):
            batch = [{"Key": k} for k in keys[start : start + 1000]]
            self.client.delete_objects(Bucket=self.bucket, Delete={"Objects": batch})
        return len(keys)

    def ping(self) -> None:
        self.client.head_bucket(Bucket=self.bucket)


def _check_range(first: int, last: int) -> None:
    if first < 0 or last < first:
        raise ValueError(f"invalid byte range {first}-{last}")


def _chunks(stream: BinaryIO, length: int) -> Iterator[bytes]:
    """Up to `length` bytes of an open stream, a chunk at a time; closes it at the end, or
    when the reader drops the iterator partway (a player that seeks elsewhere hangs up)."""
    try:
        while length > 0:
            chunk = stream.read(min(CHUNK_BYTES, length))
            if not chunk:
                return
            length -= len(chunk)
            yield chunk
    finally:
        stream.close()


def open_object_store(
    local_dir: str | Path,
    bucket: str | None = None,
    region: str = "",
    endpoint_url: str | None = None,
) -> ObjectStore:
    """An S3 bucket when `bucket` is set, else a local directory."""
    if bucket:
        return S3ObjectStore(bucket, region, endpoint_url)
    return LocalObjectStore(Path(local_dir))


def store_from_settings(settings: Settings | None = None) -> ObjectStore:
    s = settings or get_settings()
    return open_object_store(s.storage_dir, s.aws_s3_bucket, s.aws_region, s.aws_endpoint_url)


def recording_prefix(tenant_id: str, transcript_id: str) -> str:
    """Every object of one recording lives under this prefix, so deleting it is one call."""
    return f"tenants/{tenant_id}/transcripts/{transcript_id}/"
