import re
from datetime import timedelta
from typing import Any

import pytest
from flask.testing import FlaskClient
from freezegun.api import FrozenDateTimeFactory

from tests.support.auth import PASSWORD, AuthActions, bearer


class TestRegister:
    def test_answers_201_with_the_user_and_a_token(self, auth: AuthActions) -> None:
        response = auth.register(email="ada@example.test", name="Ada")

        body = response.get_json()
        assert response.status_code == 201
        assert body["user"]["email"] == "ada@example.test"
        assert body["user"]["name"] == "Ada"
        assert body["user"]["is_admin"] is False
        assert body["token"].count(".") == 2

    def test_never_returns_the_password_hash(self, auth: AuthActions) -> None:
        body = auth.register().get_json()

        assert "password" not in str(body["user"]).lower()

    def test_a_taken_email_answers_409_on_the_email_field(self, auth: AuthActions) -> None:
        auth.register(email="ada@example.test")

        response = auth.register(email="ADA@example.test")

        assert response.status_code == 409
        assert response.get_json()["errors"][0]["pointer"] == "/email"

    def test_a_breached_password_answers_400_on_the_password_field(self, auth: AuthActions) -> None:
        response = auth.register(password="password1234")

        (error,) = response.get_json()["errors"]
        assert response.status_code == 400
        assert error["pointer"] == "/password"
        assert "breach" in error["message"]

    def test_an_invalid_body_lists_every_problem(self, client: FlaskClient) -> None:
        response = client.post("/api/auth/register", json={"email": "nope", "password": "x"})

        body = response.get_json()
        assert response.status_code == 400
        assert body["error"] == "validation_failed"
        assert [e["pointer"] for e in body["errors"]] == ["/email", "/name", "/password"]

    def test_sends_the_welcome_email(self, auth: AuthActions, mailer: Any) -> None:
        auth.register(email="ada@example.test")

        (email,) = [c.args[0] for c in mailer.send.call_args_list]
        assert email.to_address == "ada@example.test"


class TestLogIn:
    def test_the_right_password_answers_200_with_a_working_token(
        self, auth: AuthActions, client: FlaskClient
    ) -> None:
        auth.register(email="ada@example.test")

        token = auth.log_in(email="ada@example.test").get_json()["token"]

        me = client.get("/api/me", headers=bearer(token))
        assert me.get_json()["email"] == "ada@example.test"

    def test_a_wrong_password_and_an_unknown_email_get_the_same_401(
        self, auth: AuthActions
    ) -> None:
        auth.register(email="ada@example.test")

        wrong_password = auth.log_in(email="ada@example.test", password="incorrect horse")
        unknown_email = auth.log_in(email="nobody@example.test", password=PASSWORD)

        assert wrong_password.status_code == unknown_email.status_code == 401
        assert wrong_password.get_json() == unknown_email.get_json()


class TestBearerAuthentication:
    def test_me_answers_the_signed_in_user(self, auth: AuthActions, client: FlaskClient) -> None:
        response = client.get("/api/me", headers=auth.headers(email="grace@example.test"))

        assert response.status_code == 200
        assert response.get_json()["email"] == "grace@example.test"

    @pytest.mark.parametrize(
        "header",
        [None, "", "Bearer", "Bearer ", "Basic YWRhOnB3", "Bearer not.a.token", "Token abc"],
        ids=["absent", "empty", "scheme-only", "blank-token", "basic", "garbage", "other-scheme"],
    )
    def test_missing_or_malformed_credentials_answer_401_with_a_challenge(
        self, client: FlaskClient, header: str | None
    ) -> None:
        headers = {} if header is None else {"Authorization": header}

        response = client.get("/api/me", headers=headers)

        assert response.status_code == 401
        assert response.headers["WWW-Authenticate"].startswith("Bearer")
        assert response.is_json
        assert response.get_json()["error"] == "unauthorized"

    def test_an_invalid_token_names_the_error_in_the_challenge(self, client: FlaskClient) -> None:
        response = client.get("/api/me", headers=bearer("not.a.token"))

        assert 'error="invalid_token"' in response.headers["WWW-Authenticate"]

    def test_the_scheme_is_case_insensitive(self, auth: AuthActions, client: FlaskClient) -> None:
        token = auth.register().get_json()["token"]

        response = client.get("/api/me", headers={"Authorization": f"bearer {token}"})

        assert response.status_code == 200

    def test_an_expired_token_answers_401(
        self, auth: AuthActions, client: FlaskClient, frozen_time: FrozenDateTimeFactory
    ) -> None:
        headers = auth.headers()

        frozen_time.tick(timedelta(hours=2))

        response = client.get("/api/me", headers=headers)
        assert response.status_code == 401
        assert "expired" in response.get_json()["message"]


class TestPasswordReset:
    def test_answers_202_for_known_and_unknown_emails_alike(
        self, auth: AuthActions, client: FlaskClient
    ) -> None:
        auth.register(email="ada@example.test")

        known = client.post("/api/auth/password-reset", json={"email": "ada@example.test"})
        unknown = client.post("/api/auth/password-reset", json={"email": "no@example.test"})

        assert known.status_code == unknown.status_code == 202
        assert known.get_json() == unknown.get_json()

    def test_the_emailed_token_sets_a_new_password(
        self, auth: AuthActions, client: FlaskClient, mailer: Any
    ) -> None:
        auth.register(email="ada@example.test")
        client.post("/api/auth/password-reset", json={"email": "ada@example.test"})
        reset_email = mailer.send.call_args.args[0]
        token = re.search(r"#token=([\w-]+)", reset_email.body).group(1)  # type: ignore[union-attr]

        confirmed = client.post(
            "/api/auth/password-reset/confirm",
            json={"token": token, "new_password": "a brand new passphrase"},
        )

        assert confirmed.status_code == 204
        assert auth.log_in("ada@example.test", "a brand new passphrase").status_code == 200

    def test_a_bad_token_answers_400_on_the_token_field(self, client: FlaskClient) -> None:
        response = client.post(
            "/api/auth/password-reset/confirm",
            json={"token": "made-up", "new_password": "a brand new passphrase"},
        )

        assert response.status_code == 400
        assert response.get_json()["errors"][0]["pointer"] == "/token"
