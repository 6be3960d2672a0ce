"""The FastAPI app: the REST API under /api, the dashboard pages, Accord's static files and the chart library."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.responses import Response

from accord.errors import StoreError
from accord.store.database import Store, open_store

MAX_CODE_CHARS = 100_000  # POST /api/code: longer texts get a 413
MAX_BODY_BYTES = 2_000_000  # any request body (ingest batches included)

_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)


class WebState:
    """What the routes share: the store, the write token and one lock around the (not thread-safe) coder."""

    def __init__(self, store: Store, write_token: str | None, max_code_chars: int) -> None:
        self.store = store
        self.write_token = write_token
        self.max_code_chars = max_code_chars
        self.coder_lock = threading.Lock()


def _open(db_path: str | Path, writable: bool, hold: bool) -> Store:
    """The store, read-only unless writes are enabled; a missing file is created (empty) first."""
    path = Path(db_path)
    if not path.exists() and not writable:
        open_store(path, hold=False).close()
    return open_store(path, read_only=not writable, hold=hold)


def plotly_js() -> Path:
    """The chart library's bundle, served from the installed plotly package (never a CDN)."""
    return Path(str(resources.files("plotly") / "package_data" / "plotly.min.js"))


def create_app(
    db_path: str | Path,
    *,
    write_token: str | None = None,
    max_code_chars: int = MAX_CODE_CHARS,
    hold: bool = False,
) -> FastAPI:
    """The web app over the store at db_path; POST /api/articles is enabled only with a write token.

    By default the store file is opened for each request, so `accord ingest` can write between two
    requests; ``hold=True`` keeps one connection open (quicker, but the file stays locked meanwhile).
    """
    from accord import __version__
    from accord.web.api.routes import router as api_router
    from accord.web.views.pages import router as page_router

    store = _open(db_path, writable=bool(write_token), hold=hold)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    # Swagger UI and ReDoc load their scripts from a CDN: only the schema is served.
    app = FastAPI(
        title="Accord",
        version=__version__,
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
        description="News coded into CAMEO/PLOVER events: read events, dyads and series; code text.",
    )
    app.state.web = WebState(store, write_token or None, max_code_chars)
    app.include_router(api_router)
    app.include_router(page_router)
    static = Path(str(resources.files("accord.web") / "static"))
    app.mount("/static", StaticFiles(directory=static), name="static")

    @app.get("/vendor/plotly.min.js", include_in_schema=False)
    def _plotly() -> FileResponse:
        return FileResponse(
            plotly_js(), media_type="text/javascript", headers={"Cache-Control": "public, max-age=86400"}
        )

    @app.middleware("http")
    async def _guard(request: Request, call_next) -> Response:  # type: ignore[no-untyped-def]
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY_BYTES):
            return JSONResponse({"detail": f"request body over {MAX_BODY_BYTES} bytes"}, status_code=413)
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", _CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        return response

    @app.exception_handler(StoreError)
    async def _store_error(request: Request, exc: StoreError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=503)

    return app
