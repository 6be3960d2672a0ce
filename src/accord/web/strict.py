"""Routes that refuse query parameters they do not declare (422), so a typo never silently widens a query."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any
from urllib.parse import urlencode

from fastapi.dependencies.models import Dependant
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from starlette.requests import Request
from starlette.responses import Response


class StrictRoute(APIRoute):
    """An APIRoute whose handler answers 422 when the query string names an undeclared parameter."""

    drop_empty = False  # pages: a form's empty fields mean "any", not an invalid value

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()
        allowed = _query_names(self.dependant)

        async def strict(request: Request) -> Response:
            unknown = sorted(set(request.query_params) - allowed)
            if unknown:
                raise RequestValidationError([
                    {"type": "extra_forbidden", "loc": ("query", name), "msg": "Unknown query parameter",
                     "input": request.query_params[name]}
                    for name in unknown
                ])  # fmt: skip
            if self.drop_empty and any(value == "" for _, value in request.query_params.multi_items()):
                kept = [(k, v) for k, v in request.query_params.multi_items() if v != ""]
                scope = {**request.scope, "query_string": urlencode(kept).encode("latin-1")}
                request = Request(scope, request.receive)
            return await handler(request)

        return strict


class PageRoute(StrictRoute):
    """A StrictRoute for HTML forms: empty query parameters are left out before validation."""

    drop_empty = True


def _query_names(dependant: Dependant) -> set[str]:
    """The query parameters a route declares, its dependencies' included."""
    names = {param.alias for param in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names
