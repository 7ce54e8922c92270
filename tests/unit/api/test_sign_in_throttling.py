"""Repeated failed sign-ins for one email are refused for a while: guessing gets slow."""

from datetime import timedelta

from flask.testing import FlaskClient
from freezegun.api import FrozenDateTimeFactory

from tests.support.auth import AuthActions

WRONG = "not the right password"


def fail_to_log_in(auth: AuthActions, times: int, email: str = "ada@example.test") -> None:
    for _ in range(times):
        assert auth.log_in(email=email, password=WRONG).status_code == 401


def test_the_sixth_failed_attempt_within_a_minute_is_refused_with_429(auth: AuthActions) -> None:
    auth.register(email="ada@example.test")
    fail_to_log_in(auth, times=5)

    response = auth.log_in(email="ada@example.test")

    assert response.status_code == 429
    assert response.get_json()["error"] == "too_many_requests"
    assert int(response.headers["Retry-After"]) > 0


def test_successful_sign_ins_are_not_counted(auth: AuthActions) -> None:
    auth.register(email="ada@example.test")

    statuses = {auth.log_in(email="ada@example.test").status_code for _ in range(10)}

    assert statuses == {200}


def test_failures_for_one_email_do_not_lock_out_another(auth: AuthActions) -> None:
    auth.register(email="grace@example.test")
    fail_to_log_in(auth, times=5, email="ada@example.test")

    assert auth.log_in(email="grace@example.test").status_code == 200


def test_the_refusal_lifts_after_a_minute(
    auth: AuthActions, frozen_time: FrozenDateTimeFactory
) -> None:
    auth.register(email="ada@example.test")
    fail_to_log_in(auth, times=5)

    frozen_time.tick(timedelta(seconds=61))

    assert auth.log_in(email="ada@example.test").status_code == 200


def test_a_body_that_is_not_an_object_is_still_a_400(
    auth: AuthActions, client: FlaskClient
) -> None:
    response = client.post("/api/auth/login", json=[{"email": "ada@example.test"}])

    assert response.status_code == 400
