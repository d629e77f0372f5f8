"""The web app's sign-in: POST /api/session checks a tenant's token as the bearer
authentication does and keeps it in a cookie the browser sends back to /api/ only
(http-only: no script reads it; SameSite=Strict: no other site's page makes the browser
send it; Secure over https). DELETE /api/session clears it."""

from fastapi import APIRouter, Request, Response, status

from api.deps import SESSION_COOKIE, SessionDep, authenticate
from api.schemas import ERROR_RESPONSES, SessionIn

router = APIRouter(prefix="/api/session", tags=["session"])
COOKIE_PATH = "/api"
# The browser keeps the cookie this long; the token's own revocation and expiry are
# checked on every request, so a revoked token's cookie stops working at once.
MAX_AGE_S = 30 * 24 * 3600


@router.post(
    "",
    status_code=status.HTTP_204_NO_CONTENT,
    responses={code: ERROR_RESPONSES[code] for code in (400, 401, 413, 422)},
)
def sign_in(body: SessionIn, session: SessionDep, request: Request) -> Response:
    """Answers 204 with the cookie set, or 401 for an unknown, revoked or expired token."""
    authenticate(session, body.token)
    response = Response(status_code=status.HTTP_204_NO_CONTENT)
    response.set_cookie(
        SESSION_COOKIE,
        body.token,
        max_age=MAX_AGE_S,
        path=COOKIE_PATH,
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
    )
    return response


@router.delete("", status_code=status.HTTP_204_NO_CONTENT)
def sign_out(request: Request) -> Response:
    """Clears the cookie (signed in or not)."""
    response = Response(status_code=status.HTTP_204_NO_CONTENT)
    response.delete_cookie(
        SESSION_COOKIE,
        path=COOKIE_PATH,
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
    )
    return response
