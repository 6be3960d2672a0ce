"""`accord serve`: the REST API and the dashboard over a store, in one uvicorn process."""

from __future__ import annotations

import argparse
import os
from typing import Any

from accord.errors import UsageError

TOKEN_VARIABLE = "ACCORD_WRITE_TOKEN"  # an environment variable, not an option: options show in `ps`


def add_commands(commands: Any) -> None:
    """Register serve on the CLI's subparsers."""
    serve = commands.add_parser("serve", help="serve the REST API and the dashboard over the store")
    serve.add_argument("--db", help="DuckDB file (setting: db, default accord.duckdb)")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    serve.set_defaults(run=run_serve)


def serve(*, db: str, host: str = "127.0.0.1", port: int = 8000, write_token: str | None = None) -> None:
    """Serve the app over the store at db until interrupted; writes only with a write token."""
    import uvicorn

    from accord.web import create_app

    uvicorn.run(create_app(db, write_token=write_token), host=host, port=port, log_level="info")


def run_serve(args: argparse.Namespace) -> int:
    """`accord serve`: read-only unless ACCORD_WRITE_TOKEN is set."""
    from accord.cli.ingest import settings_of

    if not 0 < args.port < 65536:
        raise UsageError(f"port must be 1-65535, not {args.port}")
    serve(
        db=settings_of(args).db,
        host=args.host,
        port=args.port,
        write_token=os.environ.get(TOKEN_VARIABLE) or None,
    )
    return 0
