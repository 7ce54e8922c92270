from datetime import timedelta
from typing import Any

import pytest
from flask import Flask

from app import create_app
from app.adapters.clock import SystemClock
from app.adapters.pwned_passwords import OfflineBreachChecker
from app.config import Settings
from app.services.passwords import PasswordHasher
from tests.support.auth import AuthActions
from tests.support.fakes import InMemoryDatabase
from tests.unit.conftest import NOW, SECRET


@pytest.fixture
def app(database: InMemoryDatabase, mailer: Any, hasher: PasswordHasher) -> Flask:
    return create_app(
        Settings.from_env({"APP_ENV": "test", "SECRET_KEY": SECRET}),
        database=database,
        clock=SystemClock(),
        mailer=mailer,
        breach_checker=OfflineBreachChecker(),
        password_hasher=hasher,
    )


def add_task_due_in(app: Flask, hours: int, email: str = "ada@example.test") -> None:
    client = app.test_client()
    headers = AuthActions(client).headers(email=email)
    due = (NOW + timedelta(hours=hours)).isoformat()
    client.post("/api/tasks", json={"title": "Water the ferns", "due_at": due}, headers=headers)


class TestSendReminders:
    def test_reports_what_it_sent(self, app: Flask, mailer: Any) -> None:
        add_task_due_in(app, hours=3)
        mailer.reset_mock()

        result = app.test_cli_runner().invoke(args=["send-reminders"])

        assert result.exit_code == 0
        assert "Sent 1 reminder email(s) covering 1 task(s); 0 failed." in result.output
        mailer.send.assert_called_once()

    def test_exits_non_zero_when_an_email_failed(self, app: Flask, mailer: Any) -> None:
        add_task_due_in(app, hours=3)
        mailer.send.side_effect = OSError("refused")

        result = app.test_cli_runner().invoke(args=["send-reminders"])

        assert result.exit_code == 1
        assert "1 failed" in result.output


class TestMakeAdmin:
    def test_grants_the_admin_role(self, app: Flask) -> None:
        client = app.test_client()
        headers = AuthActions(client).headers(email="ada@example.test")

        result = app.test_cli_runner().invoke(args=["make-admin", "ADA@example.test"])

        assert result.exit_code == 0
        assert client.get("/api/me", headers=headers).get_json()["is_admin"] is True

    def test_an_unknown_email_is_an_error(self, app: Flask) -> None:
        result = app.test_cli_runner().invoke(args=["make-admin", "nobody@example.test"])

        assert result.exit_code != 0
        assert "nobody@example.test" in result.output


def test_migrate_without_a_database_url_says_so(app: Flask) -> None:
    result = app.test_cli_runner().invoke(args=["migrate"])

    assert result.exit_code != 0
    assert "DATABASE_URL is not set" in result.output
