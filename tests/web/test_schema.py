"""Property-based tests against the OpenAPI schema (schemathesis): whatever the input, never a 5xx.

Runs offline against the ASGI app in-process, over its own small store, with the write token, so the
ingest and delete endpoints are exercised too. Examples are limited to keep it to seconds.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import schemathesis
from conftest import TOKEN, build_store
from hypothesis import HealthCheck, Phase, settings
from schemathesis.checks import not_a_server_error
from web_fixtures import ALL, HOSTILE

from svodka.web.app import create_app

_DIR = tempfile.TemporaryDirectory(prefix="svodka-schema-")
APP = create_app(
    str(build_store(Path(_DIR.name) / "schema.db", (*ALL, HOSTILE))), token=TOKEN, word_vectors=False
)
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@schema.parametrize()
@settings(
    max_examples=15,
    deadline=None,
    derandomize=True,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)
def test_no_server_errors(case: schemathesis.Case) -> None:
    response = case.call(headers={"Authorization": f"Bearer {TOKEN}"})
    case.validate_response(response, checks=[not_a_server_error])
    assert response.status_code < 500
    content_type = response.headers.get("content-type") or [""]
    assert content_type[0].startswith("application/json") or response.status_code == 204
