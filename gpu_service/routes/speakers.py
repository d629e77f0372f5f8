"""Speaker endpoints beside the OpenAI ones (not part of OpenAI's API; same error body).

`POST /v1/audio/diarize`: multipart `file` (any audio FFmpeg reads), optional form fields
`num_speakers`, or `min_speakers` / `max_speakers`, and `known_voices`, JSON
`{model, vectors}`: the tenant's enrolled voices, used (when of this diarizer's embedder)
to keep two alike enrolled people apart. Answers `{duration, num_speakers, speakers,
turns: [{start, end, speaker, overlap}], model, known_voices_used}`, turns sorted by
start. Where two people talk at once both keep a turn, and each turn is split
at the overlap's edges, so `overlap` is true exactly on the shared stretch and a word can
be matched to a speaker by time alone. Silence gives 0 speakers and no turns.

`POST /v1/audio/embeddings`: multipart `file` and `spans`, a JSON list of `[start, end]`
in seconds. Answers one `{start, end, embedding}` per span, in order: a unit-length
256-d resemblyzer vector, or null where the span holds too little voiced audio. Pooling
across spans is the caller's business.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Annotated

import numpy as np
from fastapi import APIRouter, File, Form, HTTPException, UploadFile
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from gpu_service.deps import DiarizerDep, EmbedderDep
from gpu_service.protocol import (
    Diarization,
    KnownVoices,
    SpanEmbedding,
    SpeakerEmbeddings,
    SpeakerTurn,
)

router = APIRouter(tags=["speakers"])

MAX_SPANS = 10_000
SpeakerCount = Annotated[int | None, Form(ge=1, le=50)]


@router.post("/audio/diarize", response_model=Diarization)
async def diarize(
    diarizer: DiarizerDep,
    file: Annotated[UploadFile, File()],
    num_speakers: SpeakerCount = None,
    min_speakers: SpeakerCount = None,
    max_speakers: SpeakerCount = None,
    known_voices: Annotated[str | None, Form()] = None,
) -> Diarization:
    if not file.size:
        raise HTTPException(400, "empty file: no audio was uploaded")
    if min_speakers and max_speakers and min_speakers > max_speakers:
        raise HTTPException(400, "min_speakers is greater than max_speakers")
    known = parse_known(known_voices, diarizer.known_space)
    # Blocking and serialised by the engines' lock: off the event loop.
    result = await run_in_threadpool(
        diarizer.diarize,
        file.file,
        num_speakers=num_speakers,
        min_speakers=min_speakers,
        max_speakers=max_speakers,
        known=known,
    )
    return Diarization(
        duration=result.duration,
        num_speakers=len(result.speakers),
        speakers=result.speakers,
        turns=[SpeakerTurn.model_validate(asdict(turn)) for turn in result.turns],
        model=result.model,
        known_voices_used=0 if known is None else len(known),
    )


@router.post("/audio/embeddings", response_model=SpeakerEmbeddings)
async def embeddings(
    embedder: EmbedderDep,
    file: Annotated[UploadFile, File()],
    spans: Annotated[str, Form()],
) -> SpeakerEmbeddings:
    pairs = parse_spans(spans)
    if not file.size:
        raise HTTPException(400, "empty file: no audio was uploaded")
    vectors = await run_in_threadpool(embedder.embed_spans, file.file, pairs)
    return SpeakerEmbeddings(
        model=embedder.name,
        dim=embedder.dim,
        embeddings=[
            SpanEmbedding(start=start, end=end, embedding=None if v is None else v.tolist())
            for (start, end), v in zip(pairs, vectors, strict=True)
        ],
    )


def parse_known(text: str | None, space: tuple[str, int] | None) -> np.ndarray | None:
    """The known voices as unit rows, or None when none are given or they are not of the
    diarizer's embedding `space` (model, dimension): a vector of another space says
    nothing here. Malformed ones are the caller's 400."""
    if not text:
        return None
    try:
        voices = KnownVoices.model_validate_json(text)
    except ValidationError as exc:
        raise HTTPException(400, f"known_voices: {exc.errors()[0]['msg']}") from exc
    if space is None or voices.model != space[0] or not voices.vectors:
        return None
    if {len(v) for v in voices.vectors} != {space[1]}:
        raise HTTPException(400, f"known_voices: {voices.model} vectors have {space[1]} values")
    rows = np.asarray(voices.vectors, dtype=np.float32)
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    if not np.isfinite(rows).all() or (norms == 0).any():
        raise HTTPException(400, "known_voices: a vector is zero or not finite")
    return rows / norms


def parse_spans(text: str) -> list[tuple[float, float]]:
    """`[[start, end], ...]` in seconds, 0 ≤ start ≤ end; anything else is the caller's 400."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise HTTPException(400, f"spans: not JSON ({exc.msg})") from exc
    if not isinstance(value, list) or len(value) > MAX_SPANS:
        raise HTTPException(400, f"spans: expected a list of at most {MAX_SPANS} [start, end]")
    pairs = []
    for item in value:
        valid = (
            isinstance(item, list)
            and len(item) == 2
            and all(isinstance(x, int | float) and not isinstance(x, bool) for x in item)
            and 0 <= item[0] <= item[1]
        )
        if not valid:
            raise HTTPException(400, f"spans: {item!r} is not [start, end] with 0 ≤ start ≤ end")
        pairs.append((float(item[0]), float(item[1])))
    return pairs
