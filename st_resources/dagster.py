"""Dagster resources wrapping the shared clients, so assets and sensors get them injected.

Each resource reads Settings when a run or tick uses it (never at import time); the
optional fields override Settings in tests.
"""

import io
from collections.abc import Iterator
from contextlib import contextmanager

import pandas as pd
import redis
from dagster import ConfigurableIOManager, ConfigurableResource, InputContext, OutputContext
from sqlalchemy.orm import Session

from st_resources.db.session import session_scope
from st_resources.embeddings import Embedder, get_embedder
from st_resources.gpu import GpuClient
from st_resources.llm import LlmClient, llm_from_settings
from st_resources.qdrant import VectorStore, open_store
from st_resources.settings import get_settings
from st_resources.storage import ObjectStore, store_from_settings
from st_resources.streams import PipelineEvent, publish, redis_for


class DatabaseResource(ConfigurableResource):
    url: str | None = None

    @contextmanager
    def session(self) -> Iterator[Session]:
        with session_scope(self.url) as session:
            yield session


class StreamsResource(ConfigurableResource):
    url: str | None = None

    def client(self) -> redis.Redis:
        return redis_for(self.url or get_settings().redis_url)

    def publish(self, event: PipelineEvent) -> str:
        return publish(self.client(), event)


class ObjectStoreResource(ConfigurableResource):
    def store(self) -> ObjectStore:
        return store_from_settings()


class GpuServiceResource(ConfigurableResource):
    base_url: str | None = None

    def client(self) -> GpuClient:
        s = get_settings()
        return GpuClient(self.base_url or s.meetnoo_api_url, s.gpu_timeout_s, s.gpu_retries)


class LlmResource(ConfigurableResource):
    """The one OpenAI-compatible LLM client (gpu_service's by default, vLLM or hosted)."""

    def client(self) -> LlmClient:
        return llm_from_settings()


class SearchIndexResource(ConfigurableResource):
    """The search index (embedded qdrant-edge, or a Qdrant server) and the embedding model
    its vectors come from; both per process, from Settings."""

    def store(self) -> VectorStore:
        return open_store()

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
