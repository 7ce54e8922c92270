"""Integration layer: a real PostgreSQL, a real SMTP server, a real HTTP server."""

import re
from collections.abc import Callable, Iterator
from typing import Any

import psycopg
import pytest
from flask import Flask
from psycopg import Connection
from pytest_httpserver import HTTPServer

from app import create_app
from app.adapters.clock import SystemClock
from app.adapters.mailers import SmtpMailer
from app.adapters.postgres.database import PostgresDatabase
from app.adapters.pwned_passwords import PwnedPasswordsChecker
from app.config import Settings
from app.services.passwords import PasswordHasher
from tests.support.database import database_url
from tests.support.postgres import HeldConnection
from tests.support.smtp import SmtpCatcher, smtp_server

SECRET = "an-integration-test-secret-of-at-least-32-bytes"
SENDER = "Task Pyramid <no-reply@task-pyramid.test>"

__all__ = ["database_url", "smtp_server"]  # session fixtures shared with the e2e layer


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
