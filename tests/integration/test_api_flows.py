"""Whole journeys through the API, on the real database, SMTP server and breach API."""

import hashlib
import logging
import re
from datetime import UTC, datetime, timedelta

import pytest
from flask import Flask
from flask.testing import FlaskClient
from pytest_httpserver import HTTPServer

from tests.support.auth import PASSWORD, AuthActions, bearer
from tests.support.smtp import SmtpCatcher

SHA1 = hashlib.sha1(PASSWORD.encode(), usedforsecurity=False).hexdigest().upper()


class TestAccounts:
    def test_register_then_log_in_then_see_yourself(
        self, auth: AuthActions, client: FlaskClient, mailbox: SmtpCatcher
    ) -> None:
        registered = auth.register(email="ada@example.test", name="Ada")
        logged_in = auth.log_in(email="ADA@example.test")

        me = client.get("/api/me", headers=bearer(logged_in.get_json()["token"]))

        assert (registered.status_code, logged_in.status_code, me.status_code) == (201, 200, 200)
        assert me.get_json()["id"] == registered.get_json()["user"]["id"]
        (welcome,) = mailbox.messages_to("ada@example.test")
        assert welcome["Subject"] == "Welcome to Task Pyramid"

    def test_registration_asks_the_breach_api_for_the_prefix_only(
        self, auth: AuthActions, breach_api: HTTPServer
    ) -> None:
        auth.register()

        ((request, _),) = breach_api.log
        assert re.fullmatch(r"/range/[0-9A-F]{5}", request.path)

    def test_a_breached_password_is_refused(
        self, auth: AuthActions, breach_api: HTTPServer
    ) -> None:
        breach_api.expect_oneshot_request(re.compile(r"/range/.*")).respond_with_data(
            f"{SHA1[5:]}:7\r\n"
        )

        response = auth.register(password=PASSWORD)

        assert response.status_code == 400
        assert response.get_json()["errors"][0]["pointer"] == "/password"

    def test_registration_goes_on_when_the_breach_api_fails(
        self, auth: AuthActions, breach_api: HTTPServer, caplog: pytest.LogCaptureFixture
    ) -> None:
        breach_api.expect_oneshot_request(re.compile(r"/range/.*")).respond_with_data(
            "", status=503
        )

        with caplog.at_level(logging.WARNING):
            response = auth.register()

        assert response.status_code == 201
        assert "breached-password check unavailable" in caplog.text

    def test_the_same_email_twice_is_a_409(self, auth: AuthActions) -> None:
        auth.register(email="ada@example.test")

        assert auth.register(email="Ada@Example.test").status_code == 409


class TestTasks:
    def test_a_task_from_creation_to_deletion(self, auth: AuthActions, client: FlaskClient) -> None:
        ada = auth.headers()
        due = (datetime.now(UTC) + timedelta(days=1)).replace(microsecond=0).isoformat()

        created = client.post(
            "/api/tasks", json={"title": "Water the ferns", "due_at": due}, headers=ada
        )
        task_url = created.headers["Location"]
        done = client.patch(task_url, json={"done": True}, headers=ada)
        listed_done = client.get("/api/tasks?status=done", headers=ada)
        deleted = client.delete(task_url, headers=ada)
        after = client.get(task_url, headers=ada)

        assert created.status_code == 201
        assert created.get_json()["due_at"] == due
        assert done.get_json()["done"] is True
        assert [t["title"] for t in listed_done.get_json()["tasks"]] == ["Water the ferns"]
        assert (deleted.status_code, after.status_code) == (204, 404)

    def test_overdue_tasks_are_listed_as_overdue(
        self, auth: AuthActions, client: FlaskClient
    ) -> None:
        ada = auth.headers()
        yesterday = (datetime.now(UTC) - timedelta(days=1)).isoformat()
        client.post("/api/tasks", json={"title": "Pay the rent", "due_at": yesterday}, headers=ada)
        client.post("/api/tasks", json={"title": "Someday"}, headers=ada)

        overdue = client.get("/api/tasks?status=overdue", headers=ada).get_json()["tasks"]

        assert [(t["title"], t["overdue"]) for t in overdue] == [("Pay the rent", True)]

    def test_one_user_never_reaches_anothers_task(
        self, auth: AuthActions, client: FlaskClient
    ) -> None:
        ada, grace = auth.headers("ada@example.test"), auth.headers("grace@example.test")
        task = client.post("/api/tasks", json={"title": "Ada's secret"}, headers=ada).get_json()

        seen = client.get("/api/tasks", headers=grace).get_json()["tasks"]
        fetched = client.get(f"/api/tasks/{task['id']}", headers=grace)
        deleted = client.delete(f"/api/tasks/{task['id']}", headers=grace)

        assert seen == []
        assert (fetched.status_code, deleted.status_code) == (404, 404)
        assert client.get(f"/api/tasks/{task['id']}", headers=ada).status_code == 200


def test_an_admin_made_by_the_cli_lists_users(
    app: Flask, auth: AuthActions, client: FlaskClient
) -> None:
    root = auth.headers("root@example.test", name="Root")
    auth.headers("ada@example.test", name="Ada")
    forbidden_before = client.get("/api/admin/users", headers=root).status_code

    app.test_cli_runner().invoke(args=["make-admin", "root@example.test"])

    users = client.get("/api/admin/users", headers=root).get_json()["users"]
    assert forbidden_before == 403
    assert [u["email"] for u in users] == ["root@example.test", "ada@example.test"]


def test_password_reset_through_the_emailed_link(
    auth: AuthActions, client: FlaskClient, mailbox: SmtpCatcher
) -> None:
    auth.register(email="ada@example.test")

    client.post("/api/auth/password-reset", json={"email": "ada@example.test"})
    (reset_email,) = [m for m in mailbox.messages_to("ada@example.test") if "Reset" in m["Subject"]]
    link = re.search(
        r"http://tasks\.example\.test/reset-password#token=([\w-]+)", reset_email.get_content()
    )
    assert link, reset_email.get_content()
    new_password = {"token": link.group(1), "new_password": "a brand new passphrase"}
    confirmed = client.post("/api/auth/password-reset/confirm", json=new_password)
    reused = client.post("/api/auth/password-reset/confirm", json=new_password)

    assert confirmed.status_code == 204
    assert reused.status_code == 400
    assert auth.log_in("ada@example.test", "a brand new passphrase").status_code == 200
    assert auth.log_in("ada@example.test", PASSWORD).status_code == 401
