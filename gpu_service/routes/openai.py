"""OpenAI-compatible audio API, so any OpenAI client (or vLLM's, in production) can call us.

`POST /v1/audio/transcriptions`, verbose_json, differs from OpenAI's in two documented ways:

- `language` is the ISO 639-1 code Whisper uses ("fr", "en"), not OpenAI's English name;
- every segment carries its own `words` (our extension), so a client keeps words with their
  segment; the top-level `words` list appears only when `timestamp_granularities[]` asks
  for "word", and `segments` are always present.

`prompt` is OpenAI's: text the first window is conditioned on (faster-whisper's
`initial_prompt`), e.g. the spelling of names. Extensions to the form: `hotwords`
(faster-whisper's: phrases every window is conditioned on), `beam_size` (default from
settings) and `vad_filter` (default true).
Errors use OpenAI's body, `{"error": {"message", "type", "param", "code"}}` (errors.py).
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import JSONResponse, PlainTextResponse
from starlette.concurrency import run_in_threadpool

from gpu_service.deps import AsrDep, SettingsDep
from gpu_service.engines.whisper import TranscriptionResult
from gpu_service.protocol import Segment, Transcription

router = APIRouter(tags=["openai"])

RESPONSE_FORMATS = ("json", "text", "verbose_json")
GRANULARITIES = ("word", "segment")
# Whisper keeps at most 223 prompt tokens; a longer text only loses its start.
MAX_PROMPT_CHARS = 1000


@router.post("/audio/transcriptions", response_model=None)
async def create_transcription(
    asr: AsrDep,
    settings: SettingsDep,
    file: Annotated[UploadFile, File()],
    # OpenAI clients always send a model name; the loaded model answers whatever it says.
    model: Annotated[str | None, Form()] = None,
    language: Annotated[str | None, Form()] = None,
    prompt: Annotated[str | None, Form(max_length=MAX_PROMPT_CHARS)] = None,
    hotwords: Annotated[str | None, Form(max_length=MAX_PROMPT_CHARS)] = None,
    response_format: Annotated[str, Form()] = "json",
    timestamp_granularities: Annotated[
        list[str] | None, Form(alias="timestamp_granularities[]")
    ] = None,
    temperature: Annotated[float | None, Form(ge=0, le=1)] = None,
    beam_size: Annotated[int | None, Form(ge=1, le=20)] = None,
    vad_filter: Annotated[bool, Form()] = True,
) -> JSONResponse | PlainTextResponse:
    if response_format not in RESPONSE_FORMATS:
        raise HTTPException(
            400,
            f"unsupported response_format {response_format!r}: use {', '.join(RESPONSE_FORMATS)}",
        )
    granularities = set(timestamp_granularities or ["segment"])
    if unknown := granularities.difference(GRANULARITIES):
        raise HTTPException(
            400, f"unsupported timestamp_granularities {sorted(unknown)}: use word or segment"
        )
    if not file.size:
        raise HTTPException(400, "empty file: no audio was uploaded")
    code = (language or "").strip().lower()
    verbose = response_format == "verbose_json"
    # Blocking and serialised by the engine's lock: off the event loop, so /health and
    # /ready still answer while a request runs or waits its turn.
    result = await run_in_threadpool(
        asr.transcribe,
        file.file,
        language=None if code in ("", "auto") else code,
        beam_size=beam_size or settings.whisper_beam_size,
        word_timestamps=verbose,
        vad_filter=vad_filter,
        temperature=temperature,
        prompt=(prompt or "").strip() or None,
        hotwords=(hotwords or "").strip() or None,
    )
    if response_format == "text":
        return PlainTextResponse(result.text)
    if not verbose:
        return JSONResponse({"text": result.text})
    return JSONResponse(verbose_json(result, with_words="word" in granularities))


def verbose_json(result: TranscriptionResult, with_words: bool) -> dict[str, Any]:
    body = Transcription(
        language=result.language,
        duration=result.duration,
        text=result.text,
        segments=[Segment.model_validate(asdict(s)) for s in result.segments],
    )
    if not with_words:
        return body.model_dump(exclude={"words"})
    body.words = [w for s in body.segments for w in s.words]
    return body.model_dump()


@router.get("/models")
async def list_models(asr: AsrDep, request: Request) -> dict[str, Any]:
    """The loaded models, in OpenAI's list shape (the LLM once it is ready)."""
    engines = [asr]
    llm = getattr(request.app.state, "llm", None)
    if llm is not None and llm.status == "ready":
        engines.append(llm.engine)
    return {
        "object": "list",
        "data": [
            {"id": e.name, "object": "model", "created": e.loaded_at, "owned_by": "gpu_service"}
            for e in engines
        ],
    }
