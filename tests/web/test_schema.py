"""A property-based run over the OpenAPI schema (schemathesis + hypothesis): no request gets a 5xx."""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, given, settings

MAX_EXAMPLES = 50  # per operation: bounded so the run stays short


def test_no_server_errors(app):
    # Driven by hand: schemathesis' pytest plugin does not run under this pytest version.
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 8
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=MAX_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None
        )
        def no_5xx(case) -> None:
            response = case.call()
            assert response.status_code < 500, (
                f"{case.method} {case.formatted_path} {case.query}: {response.status_code} {response.text[:300]}"
            )

        no_5xx()
