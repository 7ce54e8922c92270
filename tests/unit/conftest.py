"""Unit layer: no sockets, no database, no real clock, no files outside tmp.

Sockets are disabled for every test here by the pyramid plugin (tests/support/pyramid.py).
"""

import shutil
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import freezegun
import pytest
from argon2 import profiles
from flask import Flask
from freezegun import freeze_time
from freezegun.api import FrozenDateTimeFactory
from hypothesis.configuration import set_hypothesis_home_dir
from pytest_mock import MockerFixture

from app import create_app
from app.adapters.clock import SystemClock
from app.adapters.pwned_passwords import OfflineBreachChecker
from app.config import Settings
from app.ports import Mailer
from app.services.accounts import AccountService
from app.services.password_reset import PasswordResetService
from app.services.passwords import PasswordHasher, PasswordPolicy
from app.services.reminders import ReminderService
from app.services.tasks import TaskService
from app.services.tokens import TokenService
from tests.support.fakes import FixedClock, InMemoryDatabase

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def pytest_configure(config: pytest.Config) -> None:
    """Hypothesis keeps its database and caches in tmp, not in .hypothesis/ here.

    Its caches are written while test modules are collected, so this cannot be a fixture.
    """
    home = tempfile.mkdtemp(prefix="hypothesis-")
    set_hypothesis_home_dir(home)
    config.add_cleanup(lambda: shutil.rmtree(home, ignore_errors=True))


# freezegun gives code called from `threading` the real clock. Flask-Limiter's storage
# expires its counters from a timer thread, which would then see a real "now" months
# after the frozen one and wipe them. In this layer every thread reads the frozen clock.
freezegun.configure(
    default_ignore_list=[
        name for name in freezegun.config.DEFAULT_IGNORE_LIST if name != "threading"
    ]
)
SECRET = "a-unit-test-secret-that-is-at-least-thirty-two-bytes"


@pytest.fixture(autouse=True)
def frozen_time() -> Iterator[FrozenDateTimeFactory]:
    """Every unit test runs at ``NOW``; move time with ``frozen_time.tick()``."""
    # pytest's own timing (durations, JUnit times) keeps the real clock.
    with freeze_time(NOW, ignore=["_pytest.timing"]) as frozen:
        yield frozen


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture
def database() -> InMemoryDatabase:
    return InMemoryDatabase()


@pytest.fixture
def mailer(mocker: MockerFixture) -> Any:
    """A mock mailer: for emails, the call *is* the behaviour."""
    return mocker.create_autospec(Mailer, instance=True)


@pytest.fixture
def hasher() -> PasswordHasher:
    return PasswordHasher(profiles.CHEAPEST)


@pytest.fixture
def accounts(
    database: InMemoryDatabase, hasher: PasswordHasher, mailer: Any, clock: FixedClock
) -> AccountService:
    tokens = TokenService(SECRET, "task-pyramid", "task-pyramid-api", timedelta(hours=1), clock)
    return AccountService(
        database, hasher, PasswordPolicy(OfflineBreachChecker()), tokens, mailer, clock
    )


@pytest.fixture
def password_resets(
    database: InMemoryDatabase, hasher: PasswordHasher, mailer: Any, clock: FixedClock
) -> PasswordResetService:
    return PasswordResetService(
        database,
        hasher,
        PasswordPolicy(OfflineBreachChecker()),
        mailer,
        clock,
        public_url="https://tasks.example.test",
    )


@pytest.fixture
def tasks(database: InMemoryDatabase, clock: FixedClock) -> TaskService:
    return TaskService(database, clock)


@pytest.fixture
def reminders(database: InMemoryDatabase, mailer: Any, clock: FixedClock) -> ReminderService:
    return ReminderService(database, mailer, clock)


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
