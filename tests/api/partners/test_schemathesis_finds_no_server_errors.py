"""Property-based tests of the whole API against its own OpenAPI document (schemathesis).

Every operation of /api/openapi.json is called with generated requests, valid and invalid, with
the police force's key (and, for some, with none). Whatever is sent, the answer must not be a
server error, must carry a status the document declares for the operation, and must match the
schema the document gives for that status.

The application is called in-process through its WSGI handler. Django closes "old" database
connections at the start and end of each request, which would end the test's transaction, so
that housekeeping is switched off while the test runs (as Django's own test client does).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from django.test import override_settings
from hypothesis import HealthCheck, settings

from casereview.cases.models import Case
from casereview.partners.models import AgencyToken
from casereview.reviews.models import Action
from casereview.wsgi import application
from tests.cases.helpers import request_to

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)

CHECKS = [
    schemathesis.checks.not_a_server_error,
    schemathesis.checks.status_code_conformance,
    schemathesis.checks.response_schema_conformance,
]


@pytest.fixture
def keep_the_test_connection() -> Iterator[None]:
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


def _real_ids(case: schemathesis.Case, request_id: int, action_id: int) -> None:
    """Point half of the generated integer ids at rows the key may see, so that the answers
    with data are exercised as well as 404."""
    params = case.path_parameters or {}
    for name, real in (("request_id", request_id), ("action_id", action_id)):
        value = params.get(name)
        if isinstance(value, int) and value % 2 == 0:
            params[name] = real


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@override_settings(API_RATE_LIMIT="100000/m")
def test_the_api_keeps_to_its_schema(
    case: schemathesis.Case,
    keep_the_test_connection: None,
    police_key: tuple[AgencyToken, str],
    requested_case: Case,
    planned_case: Case,
) -> None:
    action = Action.objects.filter(meeting__case=planned_case, owner__kind="police").first()
    assert action is not None
    _real_ids(case, request_to(requested_case).pk, action.pk)
    # One call in five goes without a key: it must be refused as the document says.
    drawn = repr((case.query, case.body, case.path_parameters)).encode()
    without_key = zlib.crc32(drawn) % 5 == 0
    headers = {} if without_key else {"Authorization": f"Bearer {police_key[1]}"}

    case.call_and_validate(headers=headers, checks=CHECKS)
