"""Dagster resources wrapping the shared clients, so assets and sensors get them injected.

Every resource states its configuration as fields; `resources_from(settings)` fills them
from Settings for the code location's Definitions, and a test passes resources built with
the fields it needs instead of patching the environment.
"""

import io
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Literal

import pandas as pd
import redis
from dagster import ConfigurableIOManager, ConfigurableResource, InputContext, OutputContext
from sqlalchemy.orm import Session

from st_resources.clients.embeddings import Embedder, get_embedder
from st_resources.clients.gpu import GpuClient
from st_resources.clients.llm import LlmClient, llm_endpoint
from st_resources.clients.storage import ObjectStore, open_object_store
from st_resources.clients.streams import PipelineEvent, publish, redis_for
from st_resources.db.session import session_scope
from st_resources.search import VectorStore, open_index
from st_resources.settings import Settings


class DatabaseResource(ConfigurableResource):
    url: str

    @contextmanager
    def session(self) -> Iterator[Session]:
        with session_scope(self.url) as session:
            yield session


class StreamsResource(ConfigurableResource):
    url: str

    def client(self) -> redis.Redis:
        return redis_for(self.url)

    def publish(self, event: PipelineEvent) -> str:
        return publish(self.client(), event)


class ObjectStoreResource(ConfigurableResource):
    """A local directory, or an S3 bucket when `s3_bucket` is set; recordings are decoded
    from it up to `max_audio_minutes`."""

    local_dir: str
    s3_bucket: str | None = None
    s3_region: str = ""
    s3_endpoint_url: str | None = None
    max_audio_minutes: float = 240.0

    def store(self) -> ObjectStore:
        return open_object_store(
            self.local_dir, self.s3_bucket, self.s3_region, self.s3_endpoint_url
        )


class GpuServiceResource(ConfigurableResource):
    """gpu_service, and how the pipeline asks it: Whisper's name hints and which turns
    are long enough to embed."""

    base_url: str
    timeout_s: float = 600.0
    retries: int = 3
    asr_name_hints: Literal["verified", "hotwords", "prompt", "none"] = "none"
    speaker_min_turn_s: float = 1.0
    speaker_max_spans: int = 30
    api_key: str | None = None

    def client(self) -> GpuClient:
        return GpuClient(self.base_url, self.timeout_s, self.retries, self.api_key)


class LlmResource(ConfigurableResource):
    """The one OpenAI-compatible LLM client (gpu_service's by default, vLLM or hosted), and
    which stages may use it."""

    base_url: str
    model: str
    api_key: str | None = None
    timeout_s: float = 300.0
    retries: int = 3
    naming: bool = True
    cleanup: bool = True
    cleanup_concurrency: int = 1

    def client(self) -> LlmClient:
        return LlmClient(
            self.base_url, self.api_key, self.model, timeout_s=self.timeout_s, retries=self.retries
        )


class SearchIndexResource(ConfigurableResource):
    """The search index (embedded qdrant-edge under `path`, or a Qdrant server at `host`)
    and the embedding model its vectors come from (per process, from Settings)."""

    path: str
    lock_timeout_s: float = 30.0
    host: str | None = None
    port: int = 6333
    api_key: str | None = None
    prefix: str = ""

    def store(self) -> VectorStore:
        return open_index(
            self.path, self.lock_timeout_s, self.host, self.port, self.api_key, self.prefix
        )

    @contextmanager
    def writing(self) -> Iterator[VectorStore]:
        """The store for one step's writes, handed back when they are done: a run has no
        more use for it, so the API's next search need not wait for the run's watcher
        thread to notice it and close the shards."""
        store = self.store()
        try:
            with store.lease():
                yield store
        finally:
            store.release()

    def embedder(self) -> Embedder:
        return get_embedder()


class ParquetObjectStoreIOManager(ConfigurableIOManager):
    """Intermediate frames as Parquet on the object store, one file per asset and partition."""

    object_store: ObjectStoreResource

    @staticmethod
    def _key(context: OutputContext | InputContext) -> str:
        asset = "/".join(context.asset_key.path)
        return f"frames/{asset}/{context.asset_partition_key}.parquet"

    def handle_output(self, context: OutputContext, obj: pd.DataFrame) -> None:
        buf = io.BytesIO()
        obj.to_parquet(buf, index=False)
        key = self._key(context)
        self.object_store.store().put_bytes(key, buf.getvalue())
        context.add_output_metadata({"rows": len(obj), "object_key": key})

    def load_input(self, context: InputContext) -> pd.DataFrame:
        return pd.read_parquet(io.BytesIO(self.object_store.store().get_bytes(self._key(context))))


def resources_from(s: Settings) -> dict:
    """Every resource of the code location, configured from one Settings."""
    llm_base, llm_model, llm_key = llm_endpoint(s)
    object_store = ObjectStoreResource(
        local_dir=str(s.storage_dir),
        s3_bucket=s.aws_s3_bucket,
        s3_region=s.aws_region,
        s3_endpoint_url=s.aws_endpoint_url,
        max_audio_minutes=s.max_audio_minutes,
    )
    return {
        "db": DatabaseResource(url=s.database_url),
        "streams": StreamsResource(url=s.redis_url),
        "object_store": object_store,
        "gpu": GpuServiceResource(
            base_url=s.meetnoo_api_url,
            timeout_s=s.gpu_timeout_s,
            retries=s.gpu_retries,
            asr_name_hints=s.asr_name_hints,
            speaker_min_turn_s=s.speaker_min_turn_s,
            speaker_max_spans=s.speaker_max_spans,
            api_key=s.gpu_service_api_key,
        ),
        "llm": LlmResource(
            base_url=llm_base,
            model=llm_model,
            api_key=llm_key,
            timeout_s=s.llm_timeout_s,
            retries=s.llm_retries,
            naming=s.naming_llm,
            cleanup=s.cleanup_llm,
            cleanup_concurrency=s.cleanup_concurrency,
        ),
        "search_index": SearchIndexResource(
            path=str(s.qdrant_path),
            lock_timeout_s=s.qdrant_lock_timeout_s,
            host=s.qdrant_host,
            port=s.qdrant_port,
            api_key=s.qdrant_api_key,
            prefix=s.qdrant_prefix,
        ),
        "frames_io_manager": ParquetObjectStoreIOManager(object_store=object_store),
    }
