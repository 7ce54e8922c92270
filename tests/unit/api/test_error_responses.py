"""Whatever goes wrong, the answer is JSON with the right status, never HTML or a trace."""

from itertools import count
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support.auth import AuthActions
from tests.support.fakes import InMemoryDatabase
from tests.unit.conftest import MAX_BODY_BYTES


def test_a_body_that_is_not_json_answers_415(client: FlaskClient) -> None:
    response = client.post("/api/auth/login", data="email=a@b.test", content_type="text/plain")

    assert response.status_code == 415
    assert response.get_json()["error"] == "unsupported_media_type"


def test_malformed_json_answers_400(client: FlaskClient) -> None:
    response = client.post("/api/auth/login", data="{not json", content_type="application/json")

    assert response.status_code == 400
    assert response.get_json()["error"] == "malformed_json"


def test_an_oversized_body_answers_413(client: FlaskClient) -> None:
    body = {"email": "a@b.test", "password": "x" * MAX_BODY_BYTES}

    response = client.post("/api/auth/login", json=body)

    assert response.status_code == 413
    assert response.get_json()["error"] == "payload_too_large"


def test_an_unknown_route_answers_json_404(client: FlaskClient) -> None:
    response = client.get("/api/no-such-thing")

    assert response.status_code == 404
    assert response.get_json()["error"] == "not_found"


def test_a_wrong_method_answers_json_405(client: FlaskClient) -> None:
    response = client.delete("/api/auth/login")

    assert response.status_code == 405
    assert response.get_json()["error"] == "method_not_allowed"


def test_an_unexpected_failure_answers_500_without_details(
    client: FlaskClient, database: InMemoryDatabase, mocker: Any
) -> None:
    mocker.patch.object(database, "unit_of_work", side_effect=RuntimeError("secret detail"))

    response = client.post("/api/auth/login", json={"email": "a@b.test", "password": "pw"})

    assert response.status_code == 500
    assert response.get_json() == {"error": "internal_error", "message": "Something went wrong."}
    assert b"secret detail" not in response.data
    assert b"Traceback" not in response.data


SERIAL = count()

json_objects = st.dictionaries(
    st.sampled_from(["title", "notes", "due_at", "done", "owner_id"]),
    st.none() | st.booleans() | st.integers() | st.text(max_size=30) | st.lists(st.integers()),
    max_size=5,
)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=60)
@given(body=json_objects)
def test_any_json_object_posted_as_a_task_answers_201_or_400_never_500(
    app: Flask, body: dict[str, Any]
) -> None:
    client = app.test_client()
    headers = AuthActions(client).headers(email=f"user{next(SERIAL)}@example.test")

    response = client.post("/api/tasks", json=body, headers=headers)

    assert response.status_code in (201, 400)
    assert response.is_json


@pytest.mark.parametrize("path", ["/api/me", "/api/tasks", "/api/admin/users"])
def test_every_protected_route_refuses_anonymous_callers(client: FlaskClient, path: str) -> None:
    assert client.get(path).status_code == 401
