"""How routes reach engines and settings: through `app.state`, filled by the lifespan.

Routes never load a model; they get the engine the lifespan holds, or a 503 while it is
loading or dead (STYLE idioms 9, 11, 12). The LLM's dependency lives with its route
(routes/chat.py), which the LLM worker serves too, without these engines' imports.
"""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import Depends, HTTPException, Request, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from gpu_service.engines.diarize import Diarizer
from gpu_service.engines.speaker import Embedder
from gpu_service.engines.whisper import WhisperEngine
from gpu_service.slots import ready_engine
from st_resources.settings import Settings


def get_asr(request: Request) -> WhisperEngine:
    return ready_engine(request, "asr", "ASR")


def get_diarizer(request: Request) -> Diarizer:
    return ready_engine(request, "diarizer", "diarization")


def get_embedder(request: Request) -> Embedder:
    return ready_engine(request, "embedder", "speaker embedding")


def get_app_settings(request: Request) -> Settings:
    return request.app.state.settings


_bearer = HTTPBearer(auto_error=False)


def require_key(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> None:
    """The /v1 routes take GPU_SERVICE_API_KEY as a bearer token when one is set, as vLLM's
    --api-key does; compared in constant time."""
    expected = request.app.state.settings.gpu_service_api_key
    if expected is None:
        return
    given = credentials.credentials if credentials else ""
    if not secrets.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            detail="missing or invalid API key",
            headers={"WWW-Authenticate": "Bearer"},
        )


AsrDep = Annotated[WhisperEngine, Depends(get_asr)]
DiarizerDep = Annotated[Diarizer, Depends(get_diarizer)]
EmbedderDep = Annotated[Embedder, Depends(get_embedder)]
SettingsDep = Annotated[Settings, Depends(get_app_settings)]
