"""Integration layer: a real PostgreSQL, a real SMTP server, a real HTTP server.

PostgreSQL comes from ``TEST_DATABASE_URL`` when it is set (a CI service, say),
otherwise from a container started once per session with testcontainers.
"""

import os
import re
import signal
from collections.abc import Callable, Iterator
from types import FrameType
from typing import Any

import psycopg
import pytest
from flask import Flask
from flask.testing import FlaskClient
from psycopg import Connection
from pytest_httpserver import HTTPServer

from app import create_app
from app.adapters.clock import SystemClock
from app.adapters.mailers import SmtpMailer
from app.adapters.postgres.database import PostgresDatabase
from app.adapters.postgres.migrations import apply_migrations
from app.adapters.pwned_passwords import PwnedPasswordsChecker
from app.config import Settings
from app.dev.postgres import DockerUnavailable, throwaway_postgres
from app.services.passwords import PasswordHasher
from tests.support.auth import AuthActions
from tests.support.postgres import HeldConnection
from tests.support.smtp import SmtpCatcher

SECRET = "an-integration-test-secret-of-at-least-32-bytes"
SENDER = "Task Pyramid <no-reply@task-pyramid.test>"


def _stop_on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt  # so the session's teardown still removes the container


@pytest.fixture(scope="session")
def database_url() -> Iterator[str]:
    """A migrated PostgreSQL for the whole session."""
    existing = os.environ.get("TEST_DATABASE_URL")
    if existing:
        apply_migrations(existing)
        yield existing
        return
    previous = signal.signal(signal.SIGTERM, _stop_on_sigterm)
    try:
        with throwaway_postgres("tests") as url:
            apply_migrations(url)
            yield url
    except DockerUnavailable as error:
        pytest.fail(
            f"{error}\nThe integration layer never skips itself. To leave it out on purpose, "
            "run pytest with -m 'not integration'.",
            pytrace=False,
        )
    finally:
        signal.signal(signal.SIGTERM, previous)


@pytest.fixture(scope="session")
def session_connection(database_url: str) -> Iterator[Connection[Any]]:
    with psycopg.connect(database_url) as connection:
        yield connection


@pytest.fixture
def connection(session_connection: Connection[Any]) -> Iterator[Connection[Any]]:
    """The test's own transaction, always rolled back: nothing it writes outlives it."""
    with session_connection.transaction(force_rollback=True):
        yield session_connection


@pytest.fixture
def database(connection: Connection[Any]) -> PostgresDatabase:
    return PostgresDatabase(HeldConnection(connection))


@pytest.fixture(scope="session")
def smtp_server() -> Iterator[SmtpCatcher]:
    catcher = SmtpCatcher()
    catcher.start()
    yield catcher
    catcher.stop()


@pytest.fixture
def mailbox(smtp_server: SmtpCatcher) -> SmtpCatcher:
    """The SMTP catcher, emptied for this test."""
    smtp_server.inbox.clear()
    return smtp_server


@pytest.fixture
def breach_api(httpserver: HTTPServer) -> HTTPServer:
    """A local Pwned Passwords range API that knows no breached password."""
    httpserver.expect_request(re.compile(r"/range/[0-9A-F]{5}")).respond_with_data("")
    return httpserver


AppFactory = Callable[..., Flask]


@pytest.fixture
def make_app(
    database: PostgresDatabase, mailbox: SmtpCatcher, breach_api: HTTPServer
) -> AppFactory:
    """Build the app on the real collaborators; keyword arguments replace any of them."""

    def build(**overrides: Any) -> Flask:
        settings = Settings.from_env(
            {"APP_ENV": "test", "SECRET_KEY": SECRET, "PUBLIC_URL": "http://tasks.example.test"}
        )
        collaborators: dict[str, Any] = {
            "database": database,
            "clock": SystemClock(),
            "mailer": SmtpMailer(mailbox.settings, SENDER),
            "breach_checker": PwnedPasswordsChecker(breach_api.url_for("/range/")),
            "password_hasher": PasswordHasher(),
        }
        return create_app(settings, **{**collaborators, **overrides})

    return build


@pytest.fixture
def app(make_app: AppFactory) -> Flask:
    return make_app()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def auth(client: FlaskClient) -> AuthActions:
    return AuthActions(client)
