from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from app import create_app
from app.adapters.clock import SystemClock
from app.adapters.pwned_passwords import OfflineBreachChecker
from app.config import Settings
from app.services.passwords import PasswordHasher
from tests.support.auth import AuthActions
from tests.support.fakes import InMemoryDatabase
from tests.unit.conftest import SECRET

MAX_BODY_BYTES = 4096


@pytest.fixture
def settings() -> Settings:
    return Settings.from_env(
        {
            "APP_ENV": "test",
            "SECRET_KEY": SECRET,
            "PUBLIC_URL": "https://tasks.example.test",
            "MAX_BODY_BYTES": str(MAX_BODY_BYTES),
        }
    )


@pytest.fixture
def app(
    settings: Settings, database: InMemoryDatabase, mailer: Any, hasher: PasswordHasher
) -> Flask:
    """The real app with in-memory collaborators; time is frozen by the unit layer."""
    return create_app(
        settings,
        database=database,
        clock=SystemClock(),
        mailer=mailer,
        breach_checker=OfflineBreachChecker(),
        password_hasher=hasher,
    )


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def auth(client: FlaskClient) -> AuthActions:
    return AuthActions(client)
