"""OpenAI-shaped error bodies, `{"error": {"message", "type", "param", "code"}}`, for
gpu_service and its LLM worker alike: HTTP errors, validation errors (400, as OpenAI), and
every engine error with its own status (engines/errors.py), so routes map none by hand."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from gpu_service.engines.errors import EngineError


def _error(status: int, message: str, param: str | None = None) -> JSONResponse:
    kind = "invalid_request_error" if status < 500 else "server_error"
    body = {"error": {"message": message, "type": kind, "param": param, "code": None}}
    return JSONResponse(body, status_code=status)


async def _http_error(request: Request, exc: HTTPException) -> JSONResponse:
    return _error(exc.status_code, str(exc.detail))


async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    """OpenAI answers 400, not 422, for a missing or malformed field."""
    first = exc.errors()[0]
    param = str(first["loc"][-1]) if first.get("loc") else None
    return _error(400, f"{param}: {first['msg']}" if param else first["msg"], param)


async def _engine_error(request: Request, exc: EngineError) -> JSONResponse:
    return _error(exc.status, str(exc))


def add_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(EngineError, _engine_error)
