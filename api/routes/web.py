"""The web app (web/, built into web/dist by `make setup`), served on the API's own
origin so that the session cookie works and no CORS is needed: its files under /app/,
any other /app/ path without a file extension answered with its index.html (the app's
own routes, e.g. /app/transcripts/ID after a reload), and / leads to it."""

from pathlib import Path, PurePosixPath

from fastapi import APIRouter
from fastapi.responses import PlainTextResponse, RedirectResponse
from starlette.exceptions import HTTPException
from starlette.responses import Response
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

DIST = Path(__file__).resolve().parents[2] / "web" / "dist"
router = APIRouter(include_in_schema=False)


@router.get("/")
def home() -> RedirectResponse:
    return RedirectResponse("/app/")


class SinglePageApp(StaticFiles):
    """web/dist's files; index.html for a client-side route. The hashed assets are
    cached for good, index.html is revalidated on every load (it names the assets)."""

    def __init__(self, directory: Path = DIST):
        super().__init__(directory=directory, check_dir=False)
        self.index = directory / "index.html"

    async def check_config(self) -> None:
        # Not built yet (or being rebuilt): get_response says so, instead of a 500.
        if self.index.is_file():
            await super().check_config()

    async def get_response(self, path: str, scope: Scope) -> Response:
        if not self.index.is_file():
            return PlainTextResponse(
                "the web app is not built: run `make setup` (it builds web/ with npm)",
                status_code=503,
            )
        try:
            response = await super().get_response(path, scope)
        except HTTPException as exc:
            # A missing asset stays a 404; anything else is one of the app's routes.
            if exc.status_code != 404 or PurePosixPath(path).suffix:
                raise
            response = await super().get_response("index.html", scope)
        immutable = path.startswith("assets/") and response.status_code in (200, 304)
        response.headers["Cache-Control"] = (
            "public, max-age=31536000, immutable" if immutable else "no-cache"
        )
        return response
