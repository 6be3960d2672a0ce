"""The web interface: a FastAPI app serving the REST API (api/) and the dashboard (views/) over the store."""

from accord.web.app import create_app

__all__ = ["create_app"]
