"""How routes reach engines and settings: through `app.state`, filled by the lifespan.

Routes never load a model; they get the engine the lifespan holds, or a 503 while it is
loading or dead (STYLE idioms 9, 11, 12).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Generic, Literal, TypeVar

from fastapi import Depends, HTTPException, Request

from gpu_service.engines import WhisperEngine
from gpu_service.engines.diarize import Diarizer
from gpu_service.engines.llm import LlamaEngine, OpenAIProxyEngine
from gpu_service.engines.speaker import SpeakerEmbedder
from st_resources.settings import Settings

Status = Literal["loading", "ready", "dead"]
Engine = TypeVar("Engine", WhisperEngine, Diarizer, SpeakerEmbedder, LlamaEngine, OpenAIProxyEngine)


@dataclass
class EngineSlot(Generic[Engine]):
    """An engine as /ready sees it: absent while loading, with an error once dead."""

    engine: Engine | None = None
    load_error: str | None = None

    @property
    def error(self) -> str | None:
        return self.load_error or (self.engine.error if self.engine else None)

    @property
    def status(self) -> Status:
        if self.error:
            return "dead"
        return "ready" if self.engine else "loading"


def get_asr(request: Request) -> WhisperEngine:
    slot: EngineSlot = request.app.state.asr
    if slot.engine is None or slot.status != "ready":
        raise HTTPException(503, f"ASR engine is {slot.status}")
    return slot.engine


def _ready(request: Request, name: str, what: str):
    slot: EngineSlot = getattr(request.app.state, name)
    if slot.engine is None or slot.status != "ready":
        raise HTTPException(503, f"{what} engine is {slot.status}")
    return slot.engine


def get_diarizer(request: Request) -> Diarizer:
    return _ready(request, "diarizer", "diarization")


def get_embedder(request: Request) -> SpeakerEmbedder:
    return _ready(request, "embedder", "speaker embedding")


def get_app_settings(request: Request) -> Settings:
    return request.app.state.settings


AsrDep = Annotated[WhisperEngine, Depends(get_asr)]
DiarizerDep = Annotated[Diarizer, Depends(get_diarizer)]
EmbedderDep = Annotated[SpeakerEmbedder, Depends(get_embedder)]
SettingsDep = Annotated[Settings, Depends(get_app_settings)]
